/* The sign-in page: says why it is shown (a wrong password, or just signed out). A file rather than
   an inline script, because the gateway's Content-Security-Policy allows scripts from files only. */
(function () {
  'use strict';
  var query = new URLSearchParams(location.search);
  document.getElementById('sign-in-error').hidden = !query.has('error');
  document.getElementById('signed-out').hidden = !query.has('signedOut');
  document.getElementById('sign-in-throttled').hidden = !query.has('throttled');
})();
