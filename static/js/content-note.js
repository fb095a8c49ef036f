// Content notes: an object's media stay hidden until the visitor chooses to see them.
(function () {
  "use strict";
  document.querySelectorAll(".content-note .show-media").forEach(function (button) {
    var media = document.getElementById(button.getAttribute("aria-controls"));
    if (!media) return;
    button.addEventListener("click", function () {
      var show = media.hidden;
      media.hidden = !show;
      button.setAttribute("aria-expanded", String(show));
      button.textContent = show ? "Hide media" : "Show media";
      if (show) {
        // Viewers cannot measure a hidden container, so they start only now.
        document.dispatchEvent(new CustomEvent("vitrine:media-shown", { detail: { media: media } }));
      }
    });
  });
})();
