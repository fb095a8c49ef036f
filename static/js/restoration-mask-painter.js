// The admin's mask painter: a canvas over the image, starting from the proposed damage
// mask. Paint adds pixels to reconstruct, erase keeps original ones; undo, clear and
// "back to proposed" are buttons, so every control works from the keyboard. On submit the
// canvas becomes a white-on-transparent PNG data URL (white = reconstruct) in the form.
(function () {
  "use strict";
  var canvas = document.getElementById("mask-canvas");
  var toolbar = document.querySelector(".mask-tools");
  var form = document.getElementById("run-form");
  if (!canvas || !toolbar) { return; }
  var context = canvas.getContext("2d", { willReadFrequently: true });
  var overlay = document.querySelector("[data-overlay]");
  var brush = document.getElementById("brush-size");
  var brushValue = document.getElementById("brush-size-value");
  var undoButton = toolbar.querySelector('[data-action="undo"]');
  var COLOUR = "rgb(228, 0, 124)";
  // Each undo step holds a full copy of the canvas: keep them within about 256 MB.
  var UNDO_LIMIT = Math.max(2, Math.min(8, Math.floor(256e6 / (canvas.width * canvas.height * 4))));
  var history = [];
  var mode = "paint";
  var last = null;

  function drawProposed() {
    context.clearRect(0, 0, canvas.width, canvas.height);
    if (overlay && overlay.complete) { context.drawImage(overlay, 0, 0, canvas.width, canvas.height); }
  }
  function remember() {
    history.push(context.getImageData(0, 0, canvas.width, canvas.height));
    if (history.length > UNDO_LIMIT) { history.shift(); }
    undoButton.disabled = false;
  }
  function point(event) {
    var box = canvas.getBoundingClientRect();
    return {
      x: (event.clientX - box.left) * (canvas.width / box.width),
      y: (event.clientY - box.top) * (canvas.height / box.height),
      scale: canvas.width / box.width
    };
  }
  function stroke(from, to) {
    context.globalCompositeOperation = mode === "erase" ? "destination-out" : "source-over";
    context.strokeStyle = COLOUR;
    context.fillStyle = COLOUR;
    context.lineCap = "round";
    context.lineJoin = "round";
    context.lineWidth = Number(brush.value) * to.scale;
    context.beginPath();
    context.moveTo(from.x, from.y);
    context.lineTo(to.x + 0.01, to.y);
    context.stroke();
  }

  canvas.addEventListener("pointerdown", function (event) {
    event.preventDefault();
    canvas.setPointerCapture(event.pointerId);
    remember();
    last = point(event);
    stroke(last, last);
  });
  canvas.addEventListener("pointermove", function (event) {
    if (!last) { return; }
    var next = point(event);
    stroke(last, next);
    last = next;
  });
  ["pointerup", "pointercancel"].forEach(function (name) {
    canvas.addEventListener(name, function () { last = null; });
  });

  toolbar.querySelectorAll("[data-tool]").forEach(function (button) {
    button.addEventListener("click", function () {
      mode = button.getAttribute("data-tool");
      toolbar.querySelectorAll("[data-tool]").forEach(function (other) {
        other.setAttribute("aria-pressed", String(other === button));
      });
    });
  });
  brush.addEventListener("input", function () {
    brushValue.textContent = brush.value + " px";
    brush.setAttribute("aria-valuetext", brush.value + " pixels");
  });
  undoButton.addEventListener("click", function () {
    var previous = history.pop();
    if (previous) { context.putImageData(previous, 0, 0); }
    undoButton.disabled = history.length === 0;
  });
  toolbar.querySelector('[data-action="clear"]').addEventListener("click", function () {
    remember();
    context.clearRect(0, 0, canvas.width, canvas.height);
  });
  toolbar.querySelector('[data-action="reset"]').addEventListener("click", function () {
    remember();
    drawProposed();
  });

  function maskDataUrl() {
    var pixels = context.getImageData(0, 0, canvas.width, canvas.height);
    var data = pixels.data;
    for (var i = 0; i < data.length; i += 4) {
      var on = data[i + 3] >= 128;
      data[i] = data[i + 1] = data[i + 2] = 255;
      data[i + 3] = on ? 255 : 0;
    }
    var out = document.createElement("canvas");
    out.width = canvas.width;
    out.height = canvas.height;
    out.getContext("2d").putImageData(pixels, 0, 0);
    return out.toDataURL("image/png");
  }
  if (form) {
    form.addEventListener("submit", function () {
      var source = form.querySelector('input[name="mask_source"]:checked');
      var field = form.querySelector('input[name="mask_data"]');
      field.value = source && source.value === "canvas" ? maskDataUrl() : "";
    });
  }

  function start() {
    drawProposed();
    if (overlay) { overlay.hidden = true; }
    canvas.hidden = false;
    toolbar.hidden = false;
  }
  if (!overlay || overlay.complete) { start(); } else { overlay.addEventListener("load", start); }
})();
