// The restoration review page in the admin: a full-size, zoomable before/after viewer.
//
// One OpenSeadragon viewer holds, in the same place and at full resolution, the original
// and on top of it the result, clipped to the part of the view left of a dividing line;
// above both, two layers a reviewer switches on and off: the outline of the mask (where the
// fill begins) and the uncertainty map. Zoom and pan move everything together, so a fill can
// be judged pixel by pixel against the original beside it.
//
// Keyboard: the viewer is one tab stop. Arrow keys pan, + and - zoom, 0 fits the picture,
// 1 shows actual pixels, [ and ] move the line, O toggles the outline, U the uncertainty.
// The buttons and the range input above the viewer do the same.
//
// Hooks for tests: the stage gets `data-ready="true"` once the original and the result have
// drawn, `data-reveal` (the divider's position in percent) and `data-zoom` (screen pixels per
// image pixel, 1 = actual pixels); `window.vitrineReviewViewer` is the viewer.
(function () {
  "use strict";
  var ZOOM_STEP = 1.5;
  var PAN_STEP = 0.1;
  var REVEAL_STEP = 5;
  var LAYER_OPACITY = { outline: 1, uncertainty: 0.9 };
  // The uncertainty map is black where the result is certain: "screen" adds only its light,
  // so certain areas keep their colours and uncertain ones glow.
  var LAYER_COMPOSITE = { outline: null, uncertainty: "screen" };
  var reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  function layerSpec(url, opacity, success, composite) {
    // Every picture spans one world unit in width, so they cover each other exactly.
    return {
      tileSource: { type: "image", url: url },
      x: 0, y: 0, width: 1, opacity: opacity, compositeOperation: composite || null,
      success: function (event) { success(event.item); },
    };
  }

  function setUp(root) {
    var stage = root.querySelector(".review-viewer__stage");
    var controls = root.querySelector(".review-viewer__controls");
    var slider = root.querySelector(".review-viewer__reveal");
    var output = root.querySelector(".review-viewer__reveal-value");
    var legend = root.querySelector(".review-viewer__legend");
    var data = stage.dataset;
    // The words come from the page, in the admin's language; English when they are missing.
    var revealText =
      root.dataset.revealText || "{shown} of the view shows the reconstruction, {rest} the original";
    root.classList.add("is-interactive");
    controls.hidden = false;
    stage.tabIndex = 0;

    var frame = stage.parentElement;
    // The frame takes the picture's proportions (CSSOM, not a style attribute: the CSP);
    // CSS caps its height to the window.
    var width = Number(data.width);
    var height = Number(data.height);
    if (width > 0 && height > 0) frame.style.aspectRatio = width + " / " + height;
    var divider = document.createElement("div");
    divider.className = "review-viewer__divider";
    divider.setAttribute("aria-hidden", "true");
    divider.dataset.leftLabel = root.dataset.leftLabel || "AI reconstruction";
    divider.dataset.rightLabel = root.dataset.rightLabel || "Original";
    frame.appendChild(divider);

    var items = {};
    var drawn = {};
    var lastClip = null;

    var viewer = (window.vitrineReviewViewer = OpenSeadragon({
      element: stage,
      drawer: "canvas",  // raises `tile-drawn`: the test hook below knows when it is visible
      showNavigationControl: false,
      showNavigator: true,
      navigatorPosition: "BOTTOM_RIGHT",
      navigatorSizeRatio: 0.18,
      navigatorAutoFade: false,
      keyboardNavEnabled: false,  // keys are handled on the stage, the one tab stop
      tabIndex: -1,
      animationTime: reducedMotion ? 0 : 0.8,
      springStiffness: reducedMotion ? 100 : 6.5,
      visibilityRatio: 0.5,
      constrainDuringPan: true,
      // A reviewer looks closer than a visitor: up to 8 screen pixels per image pixel.
      maxZoomPixelRatio: 8,
      crossOriginPolicy: false,
      gestureSettingsMouse: { clickToZoom: false },
      tileSources: [
        layerSpec(data.sourceUrl, 1, function (item) { items.source = item; }),
        layerSpec(data.resultUrl, 1, function (item) { items.result = item; lastClip = null; update(); }),
      ],
    }));

    viewer.addHandler("tile-drawn", function (event) {
      if (event.tiledImage === items.source) drawn.source = true;
      if (event.tiledImage === items.result) drawn.result = true;
      if (drawn.source && drawn.result && stage.dataset.ready !== "true") stage.dataset.ready = "true";
    });

    viewer.addOnceHandler("open", function () {
      var layers = [["outline", data.outlineUrl], ["uncertainty", data.uncertaintyUrl]];
      layers.forEach(function (layer) {
        var name = layer[0];
        if (!layer[1]) return;
        var button = controls.querySelector('[data-layer="' + name + '"]');
        var on = button && button.getAttribute("aria-pressed") === "true";
        viewer.addTiledImage(layerSpec(layer[1], on ? LAYER_OPACITY[name] : 0, function (item) {
          items[name] = item;
        }, LAYER_COMPOSITE[name]));
      });
    });

    function reveal() { return Number(slider.value) / 100; }

    function clip() {
      var result = items.result;
      if (!result) return;
      var size = viewer.viewport.getContainerSize();
      var edge = result.viewerElementToImageCoordinates(new OpenSeadragon.Point(size.x * reveal(), 0));
      var height = result.getContentSize().y;
      // The result is drawn only left of the line (in image pixels; no rotation here).
      var rect = new OpenSeadragon.Rect(0, 0, Math.max(0, edge.x), height);
      if (lastClip && Math.abs(lastClip.width - rect.width) < 0.5) return;
      lastClip = rect;
      result.setClip(rect);
    }

    function zoomState() {
      var item = items.source;
      if (!item) return;
      var pixels = item.viewportToImageZoom(viewer.viewport.getZoom(true));
      stage.dataset.zoom = String(Math.round(pixels * 1000) / 1000);
    }

    function update() {
      var value = Number(slider.value);
      divider.style.left = value + "%";
      output.textContent = value + "%";
      stage.dataset.reveal = String(value);
      slider.setAttribute(
        "aria-valuetext",
        revealText.replace("{shown}", value + "%").replace("{rest}", 100 - value + "%")
      );
      clip();
    }

    function setReveal(value) {
      slider.value = String(Math.max(0, Math.min(100, Math.round(value))));
      update();
    }

    function setLayer(name, on) {
      var button = controls.querySelector('[data-layer="' + name + '"]');
      if (!button || button.disabled) return;
      button.setAttribute("aria-pressed", String(on));
      if (items[name]) items[name].setOpacity(on ? LAYER_OPACITY[name] : 0);
      if (name === "uncertainty" && legend) legend.hidden = !on;
    }

    function toggleLayer(name) {
      var button = controls.querySelector('[data-layer="' + name + '"]');
      if (button) setLayer(name, button.getAttribute("aria-pressed") !== "true");
    }

    function zoomToActualPixels() {
      if (!items.source) return;
      viewer.viewport.zoomTo(items.source.imageToViewportZoom(1));
    }

    var actions = {
      "zoom-in": function () { viewer.viewport.zoomBy(ZOOM_STEP); viewer.viewport.applyConstraints(); },
      "zoom-out": function () { viewer.viewport.zoomBy(1 / ZOOM_STEP); viewer.viewport.applyConstraints(); },
      fit: function () { viewer.viewport.goHome(); },
      actual: zoomToActualPixels,
    };

    controls.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      if (button.dataset.action) actions[button.dataset.action]();
      if (button.dataset.layer) toggleLayer(button.dataset.layer);
    });
    slider.addEventListener("input", update);

    function pan(dx, dy) {
      var bounds = viewer.viewport.getBounds();
      viewer.viewport.panBy(new OpenSeadragon.Point(dx * bounds.width, dy * bounds.height));
      viewer.viewport.applyConstraints();
    }

    var keys = {
      ArrowLeft: function () { pan(-PAN_STEP, 0); },
      ArrowRight: function () { pan(PAN_STEP, 0); },
      ArrowUp: function () { pan(0, -PAN_STEP); },
      ArrowDown: function () { pan(0, PAN_STEP); },
      "+": actions["zoom-in"],
      "=": actions["zoom-in"],
      "-": actions["zoom-out"],
      "0": actions.fit,
      "1": actions.actual,
      "[": function () { setReveal(Number(slider.value) - REVEAL_STEP); },
      "]": function () { setReveal(Number(slider.value) + REVEAL_STEP); },
      o: function () { toggleLayer("outline"); },
      u: function () { toggleLayer("uncertainty"); },
    };

    stage.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      var key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      var handler = keys[key];
      if (!handler) return;
      event.preventDefault();
      handler();
    });

    viewer.addHandler("update-viewport", function () { clip(); zoomState(); });
    viewer.addHandler("resize", function () { lastClip = null; clip(); });
    viewer.addHandler("animation-finish", zoomState);
    update();
  }

  function start() {
    if (!window.OpenSeadragon) return;  // the links to the full-size files remain
    document.querySelectorAll("[data-review-viewer]").forEach(setUp);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
