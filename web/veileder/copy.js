// The print button on the citizen's copy (kept out of the HTML: the page allows no inline script).
(function () {
  'use strict';
  const button = document.getElementById('print');
  if (button) button.addEventListener('click', () => window.print());
})();
