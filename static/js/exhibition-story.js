// Exhibition stories: "Zoom into detail" opens the object's deep-zoom viewer in a
// modal dialog, in place. The viewer starts only when its dialog opens, so a story page
// fetches no tiles a visitor does not ask for. Without JavaScript the same control is a
// link to the viewer on the object's page.
//
// Keyboard: the control is a button (Enter or Space), focus moves into the viewer (+ / - /
// 0 / arrows, see deep-zoom.js), Escape or "Close" shuts the dialog and focus returns.
(function () {
  "use strict";
  var lastOpener = null;

  function open(control) {
    var dialog = document.getElementById(control.dataset.storyZoom);
    if (!dialog || typeof dialog.showModal !== "function") return false;
    lastOpener = control;
    dialog.showModal();
    var body = dialog.querySelector(".story-zoom__body");
    if (body && body.hidden) {
      body.hidden = false;
      // deep-zoom.js starts every viewer that is no longer hidden.
      document.dispatchEvent(new CustomEvent("vitrine:media-shown", { detail: { media: body } }));
    }
    var viewer = dialog.querySelector(".deep-zoom");
    if (viewer) viewer.focus();
    return true;
  }

  document.querySelectorAll("[data-story-zoom]").forEach(function (control) {
    if (!document.getElementById(control.dataset.storyZoom)) return;
    control.setAttribute("role", "button");
    control.setAttribute("aria-haspopup", "dialog");
    control.addEventListener("click", function (event) {
      if (open(control)) event.preventDefault();
    });
    control.addEventListener("keydown", function (event) {
      if (event.key === " ") {
        event.preventDefault();
        open(control);
      }
    });
  });

  document.querySelectorAll("dialog.story-zoom").forEach(function (dialog) {
    dialog.querySelectorAll("[data-story-close]").forEach(function (button) {
      button.addEventListener("click", function () { dialog.close(); });
    });
    // A click on the backdrop (the dialog itself, outside its content) closes it too.
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) dialog.close();
    });
    dialog.addEventListener("close", function () {
      if (lastOpener) lastOpener.focus();
    });
  });
})();
