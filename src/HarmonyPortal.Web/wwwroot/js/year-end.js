// Polls the unfinished year-end exports on the page and moves their progress bars; reloads when one finishes
// so that its download link appears. A separate file because the CSP allows scripts from 'self' only.
(function () {
    "use strict";
    var rows = document.querySelectorAll("tr[data-export-job][data-finished='false']");
    if (rows.length === 0) {
        return;
    }

    function update(row, job) {
        var bar = row.querySelector("[data-role=bar]");
        bar.className = bar.className.replace(/\bpct-\d+\b/, "pct-" + job.percent);
        bar.parentElement.setAttribute("aria-valuenow", String(job.percent));
        row.querySelector("[data-role=rows]").textContent = job.rowsWritten + " / " + job.rowsTotal + " 行";
        row.querySelector("[data-role=status]").textContent = job.statusText;
    }

    function poll() {
        var pending = Array.prototype.map.call(rows, function (row) {
            return fetch("/year-end/exports/" + row.getAttribute("data-export-job"), {
                credentials: "same-origin",
                headers: { "Accept": "application/json" }
            }).then(function (response) {
                return response.ok ? response.json() : null;
            }).then(function (job) {
                if (job) {
                    update(row, job);
                }
                return job !== null && (job.status === "Done" || job.status === "Failed");
            });
        });
        Promise.all(pending).then(function (finished) {
            if (finished.some(Boolean)) {
                window.location.reload();
            } else {
                window.setTimeout(poll, 1000);
            }
        }, function () {
            window.setTimeout(poll, 5000);
        });
    }

    window.setTimeout(poll, 1000);
})();
