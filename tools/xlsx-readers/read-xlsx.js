// node read-xlsx.js FILE...
// Opens each .xlsx with exceljs and prints, as one JSON array in the order given, every sheet's non-empty cells:
// [{"sheets":[{"name","state","cells":{"A1":"…"}}]}]. Numbers print as JavaScript writes them, dates as yyyy-mm-dd.
// Exits non-zero, naming the file, when exceljs cannot read one.
'use strict';
const ExcelJS = require('exceljs');

function text(value) {
    if (value === null || value === undefined) return null;
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'object') {
        if (Array.isArray(value.richText)) return value.richText.map(r => r.text).join('');
        if ('result' in value) return text(value.result);
        if ('text' in value) return String(value.text);
        return JSON.stringify(value);
    }
    return String(value);
}

async function read(path) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheets = [];
    workbook.eachSheet(sheet => {
        const cells = {};
        sheet.eachRow({ includeEmpty: false }, row => {
            row.eachCell({ includeEmpty: false }, cell => {
                const value = text(cell.value);
                if (value !== null && value !== '') cells[cell.address] = value;
            });
        });
        sheets.push({ name: sheet.name, state: sheet.state, cells: cells });
    });
    return { sheets: sheets };
}

async function main(paths) {
    const workbooks = [];
    for (const path of paths) {
        try {
            workbooks.push(await read(path));
        } catch (error) {
            process.stderr.write('exceljs cannot open ' + path + ': ' + (error && error.stack ? error.stack : String(error)) + '\n');
            process.exit(1);
        }
    }
    process.stdout.write(JSON.stringify(workbooks));
}

main(process.argv.slice(2));
