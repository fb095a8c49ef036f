// Before/after comparison of a restoration: the range input reveals the reconstruction
// from the left (arrow keys move it natively); a toggle outlines the reconstructed pixels.
(function () {
  "use strict";
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

    var toggle = figure.querySelector(".mask-toggle");
    var mask = figure.querySelector(".compare-mask");
    if (toggle && mask) {
      toggle.addEventListener("click", function () {
        var on = toggle.getAttribute("aria-pressed") !== "true";
        toggle.setAttribute("aria-pressed", String(on));
        mask.hidden = !on;
      });
    }
  });
})();
