// Region creation: a unit picked from the national GB/T 2260 list fills the name and code fields (and the level) so the
// administrator sees what will be saved. The server fills them the same way when scripts are off (RegionAdminService).
(function () {
    "use strict";
    var pick = document.querySelector("select[data-region-pick]");
    if (!pick) {
        return;
    }

    pick.addEventListener("change", function () {
        var option = pick.options[pick.selectedIndex];
        if (!option || option.value === "") {
            return;
        }

        document.getElementById("Input_Name").value = option.getAttribute("data-name");
        document.getElementById("Input_Code").value = option.value;
        document.getElementById("Input_IsLocalCode").checked = false;
        var level = document.getElementById("Input_LevelChoice");
        var wanted = option.getAttribute("data-level");
        if (level && level.querySelector("option[value='" + wanted + "']")) {
            level.value = wanted;
        }
    });
}());
