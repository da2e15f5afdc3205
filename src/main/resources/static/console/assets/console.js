// SEDX operator console: a little plain JavaScript, served by the gateway (Content-Security-Policy script-src 'self').
// Every page reads without it; it only refreshes the live parts of a page and ticks "select all" boxes.
(function () {
  'use strict';

  // An element with data-refresh="<url>" is replaced by a fresh copy from that URL every data-refresh-seconds.
  // The header marks the request as a refresh, so it does not count as activity for the idle timeout.
  function refresh(element) {
    var url = element.getAttribute('data-refresh');
    var seconds = parseInt(element.getAttribute('data-refresh-seconds') || '10', 10);
    window.setTimeout(function () {
      fetch(url, { credentials: 'same-origin', headers: { 'X-Console-Refresh': '1' } })
        .then(function (response) {
          if (response.redirected) {
            window.location.reload();
            throw new Error('signed out');
          }
          if (!response.ok) {
            throw new Error('HTTP ' + response.status);
          }
          return response.text();
        })
        .then(function (html) {
          var template = document.createElement('template');
          template.innerHTML = html.trim();
          var next = template.content.firstElementChild;
          if (next) {
            element.replaceWith(next);
            if (next.hasAttribute('data-refresh')) {
              refresh(next);
            }
          }
        })
        .catch(function () {
          if (document.body.contains(element)) {
            refresh(element);
          }
        });
    }, seconds * 1000);
  }

  function selectAll(box) {
    box.addEventListener('change', function () {
      var name = box.getAttribute('data-select-all');
      document.querySelectorAll('input[type=checkbox][name="' + name + '"]').forEach(function (other) {
        other.checked = box.checked;
      });
    });
  }

  document.querySelectorAll('[data-refresh]').forEach(refresh);
  document.querySelectorAll('input[data-select-all]').forEach(selectAll);
})();
