// Rapport agent workspace: keyboard shortcuts and small conveniences. No inline scripts (the CSP forbids them);
// everything is wired through data attributes and event delegation, so it keeps working after htmx swaps.
(function () {
  'use strict';

  function typing(target) {
    return typeof target.closest === 'function'
      && target.closest('input, textarea, select, [contenteditable="true"]') !== null;
  }

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll('tr[data-href]'));
  }

  function select(index) {
    var all = rows();
    if (all.length === 0) {
      return;
    }
    var current = all.findIndex(function (row) { return row.classList.contains('is-selected'); });
    var next = Math.max(0, Math.min(all.length - 1, current < 0 ? 0 : current + index));
    all.forEach(function (row) { row.classList.remove('is-selected'); });
    all[next].classList.add('is-selected');
    all[next].scrollIntoView({ block: 'nearest' });
  }

  function compose(visibility) {
    var radio = document.querySelector('input[name="visibility"][value="' + visibility + '"]');
    var body = document.getElementById('reply-body');
    if (!radio || !body) {
      return false;
    }
    radio.checked = true;
    radio.dispatchEvent(new Event('change', { bubbles: true }));
    body.focus();
    return true;
  }

  function click(selector) {
    var element = document.querySelector(selector);
    if (element) {
      element.click();
      return true;
    }
    return false;
  }

  document.addEventListener('keydown', function (event) {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter' && typing(event.target) && event.target.form) {
      var form = event.target.form;
      if (form) {
        event.preventDefault();
        form.requestSubmit();
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) {
      if (event.key === 'Escape' && typing(event.target)) {
        event.target.blur();
      }
      return;
    }
    var handled = true;
    switch (event.key) {
      case '/': handled = focusSearch(); break;
      case '?': openHelp(); break;
      case 'c': handled = click('[data-shortcut="c"]'); break;
      case 'j': select(1); break;
      case 'k': select(-1); break;
      case 'Enter': handled = openSelected(); break;
      case 'x': handled = tickSelected(); break;
      case 'r': handled = compose('PUBLIC'); break;
      case 'n': handled = compose('INTERNAL'); break;
      case ']': handled = click('[data-next-ticket]'); break;
      case '[': handled = click('[data-back-to-list]'); break;
      default: handled = false;
    }
    if (handled) {
      event.preventDefault();
    }
  });

  function focusSearch() {
    var search = document.getElementById('search');
    if (!search) {
      return false;
    }
    search.focus();
    search.select();
    return true;
  }

  function openSelected() {
    var selected = document.querySelector('tr.is-selected[data-href]');
    if (!selected) {
      return false;
    }
    window.location.href = selected.getAttribute('data-href');
    return true;
  }

  // In a queue, x ticks the highlighted row for a bulk change.
  function tickSelected() {
    var box = document.querySelector('tr.is-selected[data-href] input[name="ids"]');
    if (!box) {
      return false;
    }
    box.checked = !box.checked;
    box.dispatchEvent(new Event('change', { bubbles: true }));
    return true;
  }

  function openHelp() {
    var help = document.getElementById('help');
    if (help && typeof help.showModal === 'function' && !help.open) {
      help.showModal();
    }
  }

  document.addEventListener('click', function (event) {
    if (typeof event.target.closest !== 'function') {
      return;
    }
    if (event.target.closest('[data-help]')) {
      openHelp();
      return;
    }
    if (event.target.closest('[data-toggle-sidebar]')) {
      document.getElementById('sidebar').classList.toggle('is-open');
      return;
    }
    var row = event.target.closest('tr[data-href]');
    if (row && !event.target.closest('a, button, input, select, label')) {
      window.location.href = row.getAttribute('data-href');
    }
  });

  // The composer turns yellow for internal notes, so nobody sends a note to a customer by mistake.
  document.addEventListener('change', function (event) {
    if (event.target.matches('input[name="visibility"]')) {
      var composer = event.target.closest('.composer');
      if (composer) {
        composer.classList.toggle('is-note', event.target.value === 'INTERNAL');
        var send = composer.querySelector('[data-send-label]');
        if (send) {
          send.textContent = send.getAttribute(event.target.value === 'INTERNAL' ? 'data-note-label' : 'data-send-label');
        }
      }
    }
  });

  // Queues: the header's checkbox selects every ticket on the page for a bulk change.
  document.addEventListener('change', function (event) {
    if (event.target.matches('[data-select-all]')) {
      document.querySelectorAll('input[name="ids"][form="bulk"]').forEach(function (box) {
        box.checked = event.target.checked;
      });
    }
  });

  // Only one filter or save popover is open at a time.
  document.addEventListener('toggle', function (event) {
    if (event.target.matches && event.target.matches('details.popover') && event.target.open) {
      document.querySelectorAll('details.popover[open]').forEach(function (other) {
        if (other !== event.target) {
          other.open = false;
        }
      });
    }
  }, true);

  // A session that ended answers htmx with the sign-in page: go there instead of swapping it into the page.
  document.addEventListener('htmx:beforeSwap', function (event) {
    var xhr = event.detail.xhr;
    if (xhr && xhr.responseURL && new URL(xhr.responseURL).pathname === '/login') {
      event.detail.shouldSwap = false;
      window.location.href = xhr.responseURL;
    }
  });
})();
