// Deep zoom: one OpenSeadragon viewer per `.deep-zoom` container, over the image's IIIF
// service (or the original file while its tiles are not cut yet), with zoom, rotation, an
// overview (OpenSeadragon's navigator) and full screen.
//
// Hooks for people and tests: the container is the single tab stop and takes + / - / 0,
// the arrow keys, R / Shift+R (rotate), O (overview) and F (full screen); the buttons in the
// figure drive the same actions; `data-ready="true"` is set once every picture in the
// viewer has drawn a tile, `data-zoom` and `data-rotation` follow the view; `window.vitrineViewers` maps container
// ids to their viewers. `window.VitrineDeepZoom` lets the restoration comparison build its
// viewer the same way (restoration-compare.js).
(function () {
  "use strict";
  var reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var viewers = (window.vitrineViewers = window.vitrineViewers || {});
  var ZOOM_STEP = 1.5;
  var PAN_STEP = 0.1;
  var ROTATE_STEP = 90;
  // Below this width the overview would cover too much of the picture: it starts hidden.
  var OVERVIEW_MIN_WIDTH = 560;

  function imageSource(container) {
    return { type: "image", url: container.dataset.imageUrl };
  }

  function tileSource(container) {
    return container.dataset.tilesReady === "true" ? container.dataset.infoUrl : imageSource(container);
  }

  // The box keeps the picture's proportions (set here, not in a style attribute, which the
  // Content-Security-Policy forbids); CSS caps its height and keeps a usable minimum.
  function shape(container) {
    var width = Number(container.dataset.width);
    var height = Number(container.dataset.height);
    if (width > 0 && height > 0) container.style.aspectRatio = width + " / " + height;
  }

  function figureOf(container) {
    return container.closest(".deep-zoom-figure");
  }

  // Full screen: the whole figure (label, viewer and buttons) goes full screen. Where the
  // Fullscreen API is missing (iPhone Safari) the figure fills the window instead.
  function isFullScreen(figure) {
    return document.fullscreenElement === figure || figure.classList.contains("is-expanded");
  }

  function setFullScreen(figure, on) {
    if (on === isFullScreen(figure)) return;
    if (figure.requestFullscreen && document.fullscreenEnabled) {
      if (on) figure.requestFullscreen().catch(function () { expand(figure, true); });
      else if (document.fullscreenElement === figure) document.exitFullscreen();
      else expand(figure, false);
    } else {
      expand(figure, on);
    }
  }

  function expand(figure, on) {
    figure.classList.toggle("is-expanded", on);
    document.documentElement.classList.toggle("has-expanded-viewer", on);
    syncFullScreen(figure);
  }

  function syncFullScreen(figure) {
    var on = isFullScreen(figure);
    figure.querySelectorAll('[data-action="fullscreen"]').forEach(function (button) {
      button.setAttribute("aria-pressed", String(on));
    });
    var container = figure.querySelector(".deep-zoom");
    if (!container) return;
    // On the page one finger (or the mouse wheel) scrolls past the viewer; with the screen
    // to itself, every gesture moves the picture.
    var viewer = viewers[container.id];
    if (viewer) viewer.setCooperativeGestures(!on);
    if (on && document.activeElement !== container) container.focus({ preventScroll: true });
  }

  document.addEventListener("fullscreenchange", function () {
    document.querySelectorAll(".deep-zoom-figure").forEach(syncFullScreen);
  });

  function setOverview(container, on) {
    container.dataset.overview = on ? "on" : "off";
    var figure = figureOf(container);
    if (!figure) return;
    figure.querySelectorAll('[data-action="overview"]').forEach(function (button) {
      button.setAttribute("aria-pressed", String(on));
    });
  }

  function rotate(viewer, degrees) {
    var viewport = viewer.viewport;
    // Whole quarter turns only: the picture stays upright on screen in every position.
    var target = Math.round((viewport.getRotation() + degrees) / ROTATE_STEP) * ROTATE_STEP;
    viewport.setRotation(target, reducedMotion);
  }

  function act(viewer, action) {
    var viewport = viewer.viewport;
    var container = viewer.element;
    if (action === "zoom-in") viewport.zoomBy(ZOOM_STEP, null, reducedMotion);
    else if (action === "zoom-out") viewport.zoomBy(1 / ZOOM_STEP, null, reducedMotion);
    else if (action === "rotate-right") rotate(viewer, ROTATE_STEP);
    else if (action === "rotate-left") rotate(viewer, -ROTATE_STEP);
    else if (action === "reset") { viewport.setRotation(0, true); viewport.goHome(reducedMotion); }
    else if (action === "overview") { setOverview(container, container.dataset.overview !== "on"); return true; }
    else if (action === "fullscreen") {
      var figure = figureOf(container);
      if (figure) setFullScreen(figure, !isFullScreen(figure));
      return true;
    } else return false;
    viewport.applyConstraints(reducedMotion);
    return true;
  }

  function pan(viewer, dx, dy) {
    // Arrow keys move the picture the way they point on screen, whatever its rotation.
    var viewport = viewer.viewport;
    var size = viewport.getContainerSize();
    var centre = viewport.pixelFromPoint(viewport.getCenter());
    var moved = viewport.pointFromPixel(new OpenSeadragon.Point(centre.x + dx * size.x, centre.y + dy * size.y));
    viewport.panTo(moved, reducedMotion);
    viewport.applyConstraints(reducedMotion);
  }

  var KEYS = {
    "+": "zoom-in", "=": "zoom-in", "-": "zoom-out", "_": "zoom-out", "0": "reset",
    r: "rotate-right", R: "rotate-left", o: "overview", O: "overview", f: "fullscreen", F: "fullscreen",
  };
  var ARROWS = {
    ArrowLeft: [-PAN_STEP, 0], ArrowRight: [PAN_STEP, 0], ArrowUp: [0, -PAN_STEP], ArrowDown: [0, PAN_STEP],
  };

  function onKey(viewer, event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var handled = false;
    if (KEYS[event.key]) handled = act(viewer, KEYS[event.key]);
    else if (ARROWS[event.key]) { pan(viewer, ARROWS[event.key][0], ARROWS[event.key][1]); handled = true; }
    else if (event.key === "Escape") {
      var figure = figureOf(viewer.element);
      if (figure && figure.classList.contains("is-expanded")) { expand(figure, false); handled = true; }
    }
    if (handled) event.preventDefault();
  }

  // Builds the viewer on `container`; `sources` defaults to the container's own image.
  function create(container, sources) {
    shape(container);
    var viewer = OpenSeadragon({
      element: container,
      tileSources: sources || tileSource(container),
      // The canvas drawer raises `tile-drawn`, which tells us (and tests) the image is visible.
      drawer: "canvas",
      showNavigationControl: false,
      // A viewer must not trap the page: on a phone one finger scrolls on, two fingers move
      // the picture; on a desktop the wheel scrolls and Ctrl + wheel zooms.
      cooperativeGestures: true,
      showNavigator: true,
      navigatorPosition: "BOTTOM_RIGHT",
      navigatorSizeRatio: 0.2,
      navigatorAutoFade: false,
      navigatorRotate: true,
      navigatorBackground: "#1f1e1c",
      navigatorBorderColor: "#ffffff",
      navigatorDisplayRegionColor: "#ffd54a",
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
    setOverview(container, container.clientWidth >= OVERVIEW_MIN_WIDTH);

    // Ready once every picture in the viewer has drawn a tile (two in a comparison).
    var expected = Array.isArray(sources) ? sources.length : 1;
    var drawn = [];
    viewer.addHandler("tile-drawn", function (event) {
      if (drawn.indexOf(event.tiledImage) === -1) drawn.push(event.tiledImage);
      if (drawn.length >= expected) container.dataset.ready = "true";
    });
    viewer.addHandler("zoom", function (event) { container.dataset.zoom = event.zoom.toFixed(4); });
    viewer.addHandler("rotate", function (event) {
      container.dataset.rotation = String(((event.degrees % 360) + 360) % 360);
    });
    viewer.addHandler("open", function () {
      container.dataset.zoom = viewer.viewport.getZoom(true).toFixed(4);
      container.dataset.rotation = "0";
      // The overview repeats the picture for the eye; the viewer's description covers it.
      if (viewer.navigator) viewer.navigator.element.setAttribute("aria-hidden", "true");
    });
    viewer.addHandler("resize", function () {
      // The overview can measure itself mid-resize (entering full screen) and keep that
      // stale size; measuring again once layout has settled puts it right.
      requestAnimationFrame(function () { if (viewer.navigator) viewer.navigator.updateSize(); });
    });
    if (!sources && container.dataset.tilesReady === "true") {
      viewer.addOnceHandler("open-failed", function () {
        // Tiles missing or unreadable: show the original file instead of an empty viewer.
        viewer.open(imageSource(container));
      });
    }
    container.addEventListener("keydown", function (event) { onKey(viewer, event); });
    revealControls(container);
    return viewer;
  }

  // The buttons do nothing without this script, so they appear only with it.
  function revealControls(container) {
    var figure = figureOf(container);
    if (!figure) return;
    figure.querySelectorAll(".deep-zoom-controls[hidden]").forEach(function (controls) {
      controls.hidden = false;
    });
  }

  function start(container) {
    if (container.dataset.started) return;
    container.dataset.started = "true";
    create(container);
  }

  function startVisible() {
    // The restoration comparison builds its own viewer (restoration-compare.js).
    document.querySelectorAll(".deep-zoom:not(.compare-stage)").forEach(function (container) {
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

  window.VitrineDeepZoom = { create: create, tileSource: tileSource, reducedMotion: reducedMotion };
  startVisible();
})();
