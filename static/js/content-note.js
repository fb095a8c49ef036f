// Content notes: an object's media stay hidden until the visitor chooses to see them.
(function () {
  "use strict";
  document.querySelectorAll(".content-note .show-media").forEach(function (button) {
    var media = document.getElementById(button.getAttribute("aria-controls"));
    if (!media) return;
    // The page gives both labels in its language: the button's own text, and data-hide-text.
    var showText = button.textContent;
    var hideText = button.dataset.hideText || "Hide media";
    button.addEventListener("click", function () {
      var show = media.hidden;
      media.hidden = !show;
      button.setAttribute("aria-expanded", String(show));
      button.textContent = show ? hideText : showText;
      if (show) {
        // Viewers cannot measure a hidden container, so they start only now.
        document.dispatchEvent(new CustomEvent("vitrine:media-shown", { detail: { media: media } }));
      }
    });
  });
})();
