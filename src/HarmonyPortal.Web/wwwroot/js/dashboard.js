// Draws each <canvas class="dashboard-chart" data-chart="{...}"> with the vendored Chart.js.
// The data comes from the server in the attribute; the table beside each chart holds the same numbers.
(function () {
    'use strict';
    if (typeof Chart === 'undefined') {
        return;
    }
    Chart.defaults.font.family = '"Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
    document.querySelectorAll('canvas.dashboard-chart').forEach(function (canvas) {
        var spec = JSON.parse(canvas.dataset.chart);
        var scales = spec.type === 'doughnut' ? {} : {
            x: { stacked: spec.stacked, beginAtZero: true },
            y: { stacked: spec.stacked, beginAtZero: true }
        };
        if (spec.horizontal && spec.type === 'bar') {
            scales.x.max = 100;
        }
        new Chart(canvas, {
            type: spec.type,
            data: { labels: spec.labels, datasets: spec.datasets },
            options: {
                indexAxis: spec.horizontal ? 'y' : 'x',
                animation: false,
                responsive: true,
                plugins: { legend: { display: spec.datasets.length > 1 || spec.type === 'doughnut' } },
                scales: scales
            }
        });
        canvas.dataset.drawn = 'true';
    });
})();
