// The quota grid's live totals (the page works without them: the totals show after saving). It reads each cell as
// the server does (QuotaGridCellText): "3", "1/年", "3 (1/年)", "10左右/年", "≤2/年", "1-3/年", "80%", full-width
// forms accepted, and sums the region and unit rows of each column. Plain ES2017 for older Chromium kernels.
(function () {
    'use strict';
    var table = document.querySelector('table.quota-grid');
    if (!table) {
        return;
    }

    var years = parseInt(table.getAttribute('data-years'), 10) || 1;

    function normalize(text) {
        var out = '';
        for (var i = 0; i < text.length; i++) {
            var code = text.charCodeAt(i);
            var c = code >= 0xFF01 && code <= 0xFF5E ? String.fromCharCode(code - 0xFEE0) : text.charAt(i);
            if ('–—~〜至到'.indexOf(c) >= 0) {
                c = '-';
            } else if (c === '≦') {
                c = '≤';
            } else if (c === '≧') {
                c = '≥';
            } else if (c === '【' || c === '〔') {
                c = '(';
            } else if (c === '】' || c === '〕') {
                c = ')';
            } else if (/\s/.test(c)) {
                c = '';
            }
            out += c;
        }
        return out.replace('<=', '≤').replace('>=', '≥');
    }

    // One amount: {min, max, share, approx, yearly}, or null when it does not read.
    function part(text) {
        var p = { min: null, max: null, share: null, approx: false, yearly: false };
        if (text.slice(-2) === '/年') {
            p.yearly = true;
            text = text.slice(0, -2);
        } else if (text.slice(0, 2) === '每年') {
            p.yearly = true;
            text = text.slice(2);
        }
        if (text.slice(-2) === '左右') {
            p.approx = true;
            text = text.slice(0, -2);
        }
        if (text.slice(-2) === '以上') {
            text = text.slice(0, -2);
        }
        var atMost = false;
        if (text.charAt(0) === '≤') {
            atMost = true;
            text = text.slice(1);
        } else if (text.charAt(0) === '≥') {
            text = text.slice(1);
        }
        var m;
        if ((m = /^(\d+(?:\.\d+)?)%$/.exec(text)) && !atMost) {
            p.share = parseFloat(m[1]);
            return p.share <= 100 ? p : null;
        }
        if ((m = /^(\d{1,6})-(\d{1,6})$/.exec(text)) && !atMost) {
            p.min = parseInt(m[1], 10);
            p.max = parseInt(m[2], 10);
            return p.min <= p.max && p.max <= 100000 ? p : null;
        }
        if ((m = /^(\d{1,6})$/.exec(text))) {
            var n = parseInt(m[1], 10);
            if (n > 100000) {
                return null;
            }
            if (atMost) {
                p.max = n;
            } else {
                p.min = n;
            }
            return p;
        }
        return null;
    }

    // A cell: {period, year} (either may be null), or null when it does not read.
    function cell(text) {
        var s = normalize(text || '');
        if (s === '') {
            return { period: null, year: null };
        }
        var open = s.indexOf('(');
        var close = s.indexOf(')');
        if (open < 0 && close < 0) {
            var single = part(s);
            return single === null ? null : (single.yearly ? { period: null, year: single } : { period: single, year: null });
        }
        if (open <= 0 || close !== s.length - 1 || s.indexOf('(', open + 1) >= 0 || s.indexOf(')') !== close) {
            return null;
        }
        var outer = part(s.slice(0, open));
        var inner = part(s.slice(open + 1, close));
        if (outer === null || inner === null || outer.yearly || !inner.yearly) {
            return null;
        }
        return { period: outer, year: inner };
    }

    function differs(sum, entered) {
        if (entered.min !== null && entered.max !== null) {
            return sum < entered.min || sum > entered.max;
        }
        if (entered.min !== null) {
            return entered.approx ? sum !== entered.min : sum < entered.min;
        }
        return entered.max !== null && sum > entered.max;
    }

    function recompute(column) {
        var inputs = table.querySelectorAll('input[data-col="' + column + '"]');
        var plan = null;
        var year = null;
        var entered = null;
        var unreadable = false;
        for (var i = 0; i < inputs.length; i++) {
            var kind = inputs[i].getAttribute('data-kind');
            var value = cell(inputs[i].value);
            if (kind === 'Total') {
                entered = value;
                continue;
            }
            if (kind !== 'Region' && kind !== 'Unit') {
                continue;
            }
            if (value === null) {
                unreadable = true;
                continue;
            }
            if (value.period && value.period.min !== null) {
                plan = (plan || 0) + value.period.min;
            } else if (value.year && value.year.min !== null) {
                plan = (plan || 0) + value.year.min * years;
            }
            if (value.year && value.year.min !== null) {
                year = (year || 0) + value.year.min;
            }
        }
        var target = table.querySelector('[data-sum-col="' + column + '"]');
        if (!target) {
            return;
        }
        var text = plan === null ? (year === null ? '' : year + '/年') : (year === null ? String(plan) : plan + ' (' + year + '/年)');
        target.querySelector('.quota-sum').textContent = text + (unreadable ? '（有格写法不对，未计入）' : '');
        var warnings = [];
        if (entered && entered.period && plan !== null && differs(plan, entered.period)) {
            warnings.push('各行相加共 ' + plan + '，与合计行不一致');
        }
        if (entered && entered.year && year !== null && differs(year, entered.year)) {
            warnings.push('各行每年相加 ' + year + '，与合计行的每年数不一致');
        }
        target.querySelector('.quota-warnings').textContent = warnings.join('；');
    }

    table.addEventListener('input', function (e) {
        var column = e.target.getAttribute && e.target.getAttribute('data-col');
        if (column !== null && column !== undefined) {
            recompute(column);
        }
    });
})();
