// On narrow screens the filter panel starts closed so results come first; it stays a
// plain open <details> (usable without JavaScript) everywhere else.
(function () {
  "use strict";
  var panel = document.querySelector(".browse__panel");
  if (panel && window.matchMedia("(max-width: 52rem)").matches) panel.removeAttribute("open");
})();
