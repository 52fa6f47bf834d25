// 所属行业 (GB/T 4754-2017): turns the grouped drop-down of the ledger form (门类 as groups, 大类 as options) into two
// linked drop-downs, 门类 first, then the 大类 of that 门类. Without JavaScript the grouped drop-down works as it is.
// Plain ES2017 for older Chromium kernels; a separate file because the CSP allows scripts from 'self' only.
(function () {
    "use strict";

    function enhance(divisions) {
        var groups = Array.prototype.slice.call(divisions.querySelectorAll("optgroup"));
        var sections = document.createElement("select");
        sections.className = divisions.className + " mb-2";
        sections.id = divisions.id + "_section";
        sections.setAttribute("aria-label", "所属行业：门类");
        sections.setAttribute("data-testid", "industry-section");
        sections.appendChild(new Option("请选择门类", ""));
        var current = "";
        groups.forEach(function (group, index) {
            sections.appendChild(new Option(group.label, String(index)));
            if (group.querySelector("option:checked")) {
                current = String(index);
            }
        });

        function show(index) {
            groups.forEach(function (group) {
                if (group.parentNode) {
                    group.parentNode.removeChild(group);
                }
            });
            if (index !== "") {
                divisions.appendChild(groups[Number(index)]);
            }
        }

        sections.value = current;
        show(current);
        sections.addEventListener("change", function () {
            show(sections.value);
            divisions.value = "";
        });
        divisions.setAttribute("aria-label", "所属行业：大类");
        divisions.parentNode.insertBefore(sections, divisions);
    }

    Array.prototype.forEach.call(document.querySelectorAll("select[data-industry-picker]"), enhance);
})();
