// Curators' notes over the media: numbered markers on the deep zoom (OpenSeadragon
// overlays at each region) and hotspots on the 3D model. The page's list "Notes on this
// object" holds the same text, so nothing here is the only way to read a note.
//
// Markers are server-rendered (translated labels) in `.object-notes__markers` and moved
// into place here. On an image, each marker is a button (a tab stop after the viewer):
// Enter or a click opens its note, Escape closes it. `data-placed="true"` on a viewer
// container says its markers are in place (a hook for tests).
(function () {
  "use strict";
  var store = document.querySelector(".object-notes__markers");
  if (!store) return;
  var SVG = "http://www.w3.org/2000/svg";

  function numbers(text) {
    return text.split(",").map(Number);
  }

  function outline(marker) {
    // A polygon is drawn inside its bounding box, in the box's own pixel units.
    var box = numbers(marker.dataset.annotationRegion);
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 " + box[2] + " " + box[3]);
    svg.setAttribute("preserveAspectRatio", "none");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("class", "annotation-marker__outline");
    var polygon = document.createElementNS(SVG, "polygon");
    polygon.setAttribute("points", marker.dataset.annotationPolygon);
    polygon.setAttribute("vector-effect", "non-scaling-stroke");
    svg.appendChild(polygon);
    marker.insertBefore(svg, marker.firstChild);
    marker.classList.add("annotation-marker--polygon");
  }

  function setOpen(marker, open) {
    var button = marker.querySelector(".annotation-marker__button");
    var popup = marker.querySelector(".annotation-marker__popup");
    button.setAttribute("aria-expanded", String(open));
    popup.hidden = !open;
    marker.classList.toggle("is-open", open);
  }

  function wire(marker) {
    var button = marker.querySelector(".annotation-marker__button");
    // OpenSeadragon's own pointer handling would turn a press into a drag of the picture.
    ["pointerdown", "mousedown", "touchstart"].forEach(function (type) {
      marker.addEventListener(type, function (event) { event.stopPropagation(); });
    });
    button.addEventListener("click", function (event) {
      event.stopPropagation();
      setOpen(marker, button.getAttribute("aria-expanded") !== "true");
    });
    marker.addEventListener("keydown", function (event) {
      // The viewer's keys (+, -, arrows, R, F...) are for the picture, not for a note.
      event.stopPropagation();
      if (event.key === "Escape") { setOpen(marker, false); button.focus(); }
    });
  }

  function place(viewer, container, markers) {
    var item = viewer.world.getItemAt(0);
    if (!item) return;
    markers.forEach(function (marker) {
      var box = numbers(marker.dataset.annotationRegion);
      if (!marker.dataset.wired) {
        marker.dataset.wired = "true";
        if (marker.dataset.annotationPolygon) outline(marker);
        wire(marker);
      }
      viewer.removeOverlay(marker);
      viewer.addOverlay({
        element: marker,
        location: item.imageToViewportRectangle(box[0], box[1], box[2], box[3]),
      });
    });
    container.dataset.placed = "true";
  }

  function attachImages() {
    var viewers = window.vitrineViewers || {};
    var groups = {};
    store.querySelectorAll(".annotation-marker").forEach(function (marker) {
      (groups[marker.dataset.annotationViewer] = groups[marker.dataset.annotationViewer] || []).push(marker);
    });
    Object.keys(groups).forEach(function (id) {
      var viewer = viewers[id];
      var container = document.getElementById(id);
      if (!viewer || !container || container.dataset.notesWatched) return;
      container.dataset.notesWatched = "true";
      // Placed on every open: the viewer re-opens on the original when tiles fail.
      viewer.addHandler("open", function () { place(viewer, container, groups[id]); });
      if (viewer.world.getItemCount() > 0) place(viewer, container, groups[id]);
    });
  }

  function attachModels() {
    var groups = {};
    store.querySelectorAll(".annotation-hotspot").forEach(function (hotspot) {
      (groups[hotspot.dataset.annotationViewer] = groups[hotspot.dataset.annotationViewer] || []).push(hotspot);
    });
    Object.keys(groups).forEach(function (id) {
      var stage = document.getElementById(id);
      if (!stage) return;
      function add(modelViewer) {
        groups[id].forEach(function (hotspot, index) {
          hotspot.setAttribute("slot", "hotspot-note-" + (index + 1));
          modelViewer.appendChild(hotspot);
        });
      }
      var present = stage.querySelector("model-viewer");
      if (present) { add(present); return; }
      // model-loader.js inserts <model-viewer> when the visitor asks for the model.
      var observer = new MutationObserver(function () {
        var inserted = stage.querySelector("model-viewer");
        if (inserted) { observer.disconnect(); add(inserted); }
      });
      observer.observe(stage, { childList: true });
    });
  }

  function start() {
    attachImages();
    attachModels();
  }

  // deep-zoom.js builds the viewers when it runs (or when hidden media are shown), and
  // may run after this script: try again once the page and each reveal have settled.
  document.addEventListener("DOMContentLoaded", start);
  document.addEventListener("vitrine:media-shown", function () { setTimeout(start, 0); });
  if (document.readyState !== "loading") start();
})();
