// @mentions in internal notes: typing @ in the note box offers matching agents; Enter or Tab inserts
// "@<email local part>" (the tickets module reads that back as a mention). Wired by data attributes and event
// delegation, so it keeps working after htmx swaps the ticket page; no inline script (the CSP forbids it).
(function () {
  'use strict';

  var MENTION = /(^|\s)@([^\s@]{0,64})$/;
  var state = { box: null, list: null, items: [], active: -1, start: -1, seq: 0, timer: null };

  function noteBox(target) {
    return target && target.matches && target.matches('textarea[data-mentions]')
      && target.closest('.composer.is-note') !== null ? target : null;
  }

  function query(box) {
    var match = MENTION.exec(box.value.slice(0, box.selectionStart));
    if (!match) {
      return null;
    }
    return { text: match[2], start: box.selectionStart - match[2].length - 1 };
  }

  function listFor(box) {
    if (state.list && state.list.isConnected && state.box === box) {
      return state.list;
    }
    close();
    var list = document.createElement('ul');
    list.id = 'mention-list';
    list.className = 'mention-list';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', box.getAttribute('data-mentions-label') || '');
    list.addEventListener('mousedown', function (event) {
      var option = event.target.closest('[role="option"]');
      event.preventDefault();
      if (option) {
        insert(Number(option.getAttribute('data-index')));
      }
    });
    box.insertAdjacentElement('afterend', list);
    box.setAttribute('aria-controls', list.id);
    box.setAttribute('aria-autocomplete', 'list');
    state.box = box;
    state.list = list;
    return list;
  }

  function render(box, agents, start) {
    if (agents.length === 0) {
      close();
      return;
    }
    var list = listFor(box);
    list.textContent = '';
    state.items = agents;
    state.start = start;
    state.active = 0;
    agents.forEach(function (agent, index) {
      var option = document.createElement('li');
      option.id = 'mention-option-' + index;
      option.setAttribute('role', 'option');
      option.setAttribute('data-index', String(index));
      var name = document.createElement('span');
      name.className = 'mention-name';
      name.textContent = agent.name;
      var email = document.createElement('span');
      email.className = 'mention-email';
      email.textContent = agent.email;
      option.appendChild(name);
      option.appendChild(email);
      list.appendChild(option);
    });
    box.setAttribute('aria-expanded', 'true');
    highlight();
  }

  function highlight() {
    Array.prototype.forEach.call(state.list.children, function (option, index) {
      option.setAttribute('aria-selected', index === state.active ? 'true' : 'false');
      option.classList.toggle('is-active', index === state.active);
    });
    state.box.setAttribute('aria-activedescendant', 'mention-option-' + state.active);
  }

  function close() {
    state.seq++;
    if (state.list) {
      state.list.remove();
    }
    if (state.box) {
      state.box.setAttribute('aria-expanded', 'false');
      state.box.removeAttribute('aria-activedescendant');
    }
    state.list = null;
    state.items = [];
    state.active = -1;
  }

  function insert(index) {
    var agent = state.items[index];
    var box = state.box;
    if (!agent || !box) {
      return;
    }
    var before = box.value.slice(0, state.start);
    var after = box.value.slice(box.selectionStart);
    var mention = '@' + agent.handle + ' ';
    box.value = before + mention + after;
    box.selectionStart = box.selectionEnd = before.length + mention.length;
    close();
    box.focus();
  }

  function lookup(box) {
    var found = query(box);
    if (!found) {
      close();
      return;
    }
    var seq = ++state.seq;
    var url = box.getAttribute('data-mentions-url') + '?q=' + encodeURIComponent(found.text);
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (agents) {
        if (seq === state.seq && document.activeElement === box) {
          render(box, agents, found.start);
        }
      })
      .catch(function () { close(); });
  }

  document.addEventListener('input', function (event) {
    var box = noteBox(event.target);
    if (!box) {
      return;
    }
    clearTimeout(state.timer);
    state.timer = setTimeout(function () { lookup(box); }, 120);
  });

  // Capture phase: while the list is open, its keys must not reach the workspace shortcuts (Escape blurs the box).
  document.addEventListener('keydown', function (event) {
    if (!state.list || event.target !== state.box || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    var count = state.items.length;
    switch (event.key) {
      case 'ArrowDown': state.active = (state.active + 1) % count; highlight(); break;
      case 'ArrowUp': state.active = (state.active - 1 + count) % count; highlight(); break;
      case 'Enter':
      case 'Tab': insert(state.active); break;
      case 'Escape': close(); break;
      default: return;
    }
    event.preventDefault();
    event.stopPropagation();
  }, true);

  document.addEventListener('focusout', function (event) {
    if (event.target === state.box) {
      close();
    }
  });

  document.addEventListener('change', function (event) {
    if (event.target.matches && event.target.matches('input[name="visibility"]')) {
      close();
    }
  });
})();
