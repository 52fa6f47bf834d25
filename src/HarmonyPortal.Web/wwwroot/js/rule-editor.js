// The plan editor's small comforts (the forms work without them): a task form shows only the fieldset of the chosen
// kind, and a form marked data-confirm asks before it posts. Plain ES2017 for older Chromium kernels.
(function () {
    'use strict';
    var kind = document.getElementById('Input_Kind');
    if (kind) {
        var sets = document.querySelectorAll('fieldset[data-kind]');
        var show = function () {
            for (var i = 0; i < sets.length; i++) {
                var kinds = sets[i].getAttribute('data-kind').split(' ');
                sets[i].hidden = kinds.indexOf(kind.value) < 0;
            }
        };
        kind.addEventListener('change', show);
        show();
    }

    var forms = document.querySelectorAll('form[data-confirm]');
    for (var j = 0; j < forms.length; j++) {
        forms[j].addEventListener('submit', function (e) {
            if (!window.confirm(this.getAttribute('data-confirm'))) {
                e.preventDefault();
            }
        });
    }
})();
