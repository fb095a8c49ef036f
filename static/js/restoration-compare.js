// Before/after comparison of a restoration: the range input reveals the reconstruction
// from the left (arrow keys move it natively); a toggle outlines the reconstructed pixels.
// A second toggle lays the per-pixel uncertainty over the reconstruction (brighter = less
// certain); its legend keeps its space while hidden so nothing moves when it appears.
(function () {
  "use strict";
  function overlayToggle(toggle, overlay, after) {
    if (!toggle || !overlay) { return; }
    toggle.addEventListener("click", function () {
      var on = toggle.getAttribute("aria-pressed") !== "true";
      toggle.setAttribute("aria-pressed", String(on));
      overlay.hidden = !on;
      if (after) { after(on); }
    });
  }
  document.querySelectorAll(".restoration-compare").forEach(function (figure) {
    var slider = figure.querySelector(".compare-slider");
    var stage = document.getElementById(slider.getAttribute("aria-controls"));
    var output = figure.querySelector(".compare-value");
    function update() {
      var value = Number(slider.value);
      stage.style.setProperty("--reveal", value + "%");
      output.textContent = value + "%";
      slider.setAttribute("aria-valuetext", value + "% reconstruction, " + (100 - value) + "% original");
    }
    slider.addEventListener("input", update);
    update();

    overlayToggle(figure.querySelector(".mask-toggle"), figure.querySelector(".compare-mask"));
    var legend = figure.querySelector(".uncertainty-legend");
    overlayToggle(figure.querySelector(".uncertainty-toggle"), figure.querySelector(".compare-uncertainty"),
      function (on) { if (legend) { legend.setAttribute("data-shown", String(on)); } });
  });
})();
