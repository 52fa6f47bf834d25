// Parses each JavaScript file given with acorn at ECMAScript 2020, the newest edition whose syntax a Chromium 86 kernel
// runs in full (ADR 0024). Prints one JSON object per file: {"file", "ok", "message", "line", "column"}. Exit code 0 even
// when a file fails: the caller (OldKernelTests) reads the verdicts.
'use strict';
const fs = require('fs');
const acorn = require('acorn');

const results = process.argv.slice(2).map((file) => {
  try {
    acorn.parse(fs.readFileSync(file, 'utf8'), { ecmaVersion: 2020, sourceType: 'script', allowHashBang: false });
    return { file, ok: true, message: '', line: 0, column: 0 };
  } catch (error) {
    const loc = error.loc || { line: 0, column: 0 };
    return { file, ok: false, message: error.message, line: loc.line, column: loc.column + 1 };
  }
});
process.stdout.write(JSON.stringify(results));
