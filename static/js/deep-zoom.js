// Deep zoom: one OpenSeadragon viewer per `.deep-zoom` container, over the image's IIIF
// service (or the original file while its tiles are not cut yet).
//
// Hooks for people and tests: the container is the single tab stop and takes + / - / 0 /
// arrow keys; the visible buttons drive the same actions; `data-ready="true"` is set once
// the first tile is drawn and `data-zoom` follows the zoom level; `window.vitrineViewers`
// maps container ids to their viewers.
(function () {
  "use strict";
  var reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var viewers = (window.vitrineViewers = window.vitrineViewers || {});
  var ZOOM_STEP = 1.5;
  var PAN_STEP = 0.1;

  function imageSource(container) {
    return { type: "image", url: container.dataset.imageUrl };
  }

  function act(viewer, action) {
    var viewport = viewer.viewport;
    if (action === "zoom-in") viewport.zoomBy(ZOOM_STEP);
    else if (action === "zoom-out") viewport.zoomBy(1 / ZOOM_STEP);
    else if (action === "reset") viewport.goHome();
    else return false;
    viewport.applyConstraints();
    return true;
  }

  function pan(viewer, dx, dy) {
    var bounds = viewer.viewport.getBounds();
    viewer.viewport.panBy(new OpenSeadragon.Point(dx * bounds.width, dy * bounds.height));
    viewer.viewport.applyConstraints();
  }

  var KEYS = {
    "+": "zoom-in", "=": "zoom-in", "-": "zoom-out", "_": "zoom-out", "0": "reset",
  };
  var ARROWS = {
    ArrowLeft: [-PAN_STEP, 0], ArrowRight: [PAN_STEP, 0], ArrowUp: [0, -PAN_STEP], ArrowDown: [0, PAN_STEP],
  };

  function onKey(viewer, event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var handled = false;
    if (KEYS[event.key]) handled = act(viewer, KEYS[event.key]);
    else if (ARROWS[event.key]) { pan(viewer, ARROWS[event.key][0], ARROWS[event.key][1]); handled = true; }
    if (handled) event.preventDefault();
  }

  function start(container) {
    if (container.dataset.started) return;
    container.dataset.started = "true";
    var tilesReady = container.dataset.tilesReady === "true";
    var viewer = OpenSeadragon({
      element: container,
      tileSources: tilesReady ? container.dataset.infoUrl : imageSource(container),
      // The canvas drawer raises `tile-drawn`, which tells us (and tests) the image is visible.
      drawer: "canvas",
      showNavigationControl: false,
      // Keys are handled on the container, the one tab stop, so OSD's canvas stays out of it.
      keyboardNavEnabled: false,
      tabIndex: -1,
      animationTime: reducedMotion ? 0 : 1.0,
      springStiffness: reducedMotion ? 100 : 6.5,
      visibilityRatio: 1,
      constrainDuringPan: true,
      maxZoomPixelRatio: 2,
      crossOriginPolicy: false,
      gestureSettingsMouse: { clickToZoom: false },
    });
    viewers[container.id] = viewer;

    viewer.addOnceHandler("tile-drawn", function () { container.dataset.ready = "true"; });
    viewer.addHandler("zoom", function (event) { container.dataset.zoom = event.zoom.toFixed(4); });
    viewer.addHandler("open", function () {
      container.dataset.zoom = viewer.viewport.getZoom(true).toFixed(4);
    });
    viewer.addOnceHandler("open-failed", function () {
      // Tiles missing or unreadable: show the original file instead of an empty viewer.
      if (tilesReady) viewer.open(imageSource(container));
    });
    container.addEventListener("keydown", function (event) { onKey(viewer, event); });
  }

  function startVisible() {
    document.querySelectorAll(".deep-zoom").forEach(function (container) {
      if (container.closest("[hidden]") === null) start(container);
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-viewer]");
    if (!button) return;
    var viewer = viewers[button.dataset.viewer];
    if (viewer) act(viewer, button.dataset.action);
  });
  document.addEventListener("vitrine:media-shown", startVisible);
  startVisible();
})();
