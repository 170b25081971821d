// Rapport portal: checks chosen files before a long upload is refused by the server (which would lose the form).
// Everything works without it; it only tells people earlier.
(function () {
  'use strict';

  function check(input) {
    var max = parseInt(input.getAttribute('data-max-bytes'), 10);
    var maxFiles = parseInt(input.getAttribute('data-max-files'), 10);
    var error = document.getElementById(input.id + '-client-error');
    var files = Array.prototype.slice.call(input.files || []);
    var message = '';
    if (files.length > maxFiles) {
      message = input.getAttribute('data-too-many');
    } else {
      var big = files.filter(function (file) { return file.size > max; });
      if (big.length > 0) {
        message = input.getAttribute('data-too-large').replace('{0}', big.map(function (f) { return f.name; }).join(', '));
      }
    }
    error.textContent = message;
    error.hidden = message === '';
    input.setAttribute('aria-invalid', message === '' ? 'false' : 'true');
    return message === '';
  }

  document.addEventListener('change', function (event) {
    if (event.target.matches && event.target.matches('input[type=file][data-max-bytes]')) {
      check(event.target);
    }
  });

  document.addEventListener('submit', function (event) {
    var inputs = event.target.querySelectorAll('input[type=file][data-max-bytes]');
    for (var i = 0; i < inputs.length; i++) {
      if (!check(inputs[i])) {
        event.preventDefault();
        inputs[i].focus();
        return;
      }
    }
  });
})();
