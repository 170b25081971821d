// The ticket page's knowledge panel: "Insert link" and "Insert text" put an article into the reply box at the cursor.
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-kb-insert]');
    if (!button) {
      return;
    }
    var box = document.getElementById('reply-body');
    if (!box) {
      return;
    }
    var text = button.getAttribute('data-kb-text') || '';
    var start = typeof box.selectionStart === 'number' ? box.selectionStart : box.value.length;
    var end = typeof box.selectionEnd === 'number' ? box.selectionEnd : box.value.length;
    var before = box.value.slice(0, start);
    var after = box.value.slice(end);
    var separator = '';
    if (before.length > 0) {
      if (button.getAttribute('data-kb-insert') === 'text') {
        separator = before.endsWith('\n\n') ? '' : (before.endsWith('\n') ? '\n' : '\n\n');
      } else if (!/\s$/.test(before)) {
        separator = ' ';
      }
    }
    box.value = before + separator + text + after;
    var caret = (before + separator + text).length;
    box.focus();
    box.setSelectionRange(caret, caret);
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
})();
