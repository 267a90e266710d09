// Telltale console behaviour: small, optional, loaded from our origin only (script-src 'self').
// Pages work without it. Everything here reads the DOM and never builds HTML from strings.
(function () {
  'use strict';
  // Buttons that change something irreversible ask first.
  document.querySelectorAll('[data-confirm]').forEach(function (el) {
    el.addEventListener('click', function (ev) {
      if (!window.confirm(el.getAttribute('data-confirm'))) {
        ev.preventDefault();
      }
    });
  });
  // Policy editor: clicking a problem puts the cursor on its line and column.
  var editor = document.getElementById('policy-text');
  document.querySelectorAll('[data-line]').forEach(function (el) {
    el.addEventListener('click', function () {
      if (!editor) { return; }
      var line = parseInt(el.getAttribute('data-line'), 10) || 1;
      var column = parseInt(el.getAttribute('data-column'), 10) || 1;
      var lines = editor.value.split('\n');
      var pos = 0;
      for (var i = 0; i < line - 1 && i < lines.length; i++) { pos += lines[i].length + 1; }
      pos += Math.max(0, column - 1);
      editor.focus();
      editor.setSelectionRange(pos, pos);
    });
  });
  // Secrets shown once: a copy button.
  document.querySelectorAll('[data-copy]').forEach(function (btn) {
    btn.addEventListener('click', function () {
      var target = document.getElementById(btn.getAttribute('data-copy'));
      if (target && navigator.clipboard) { navigator.clipboard.writeText(target.textContent.trim()); }
    });
  });
}());
