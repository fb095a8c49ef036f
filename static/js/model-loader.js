// 3D models load only on demand: a facade with the poster, the alt text and a button;
// the first click imports <model-viewer> (once for the whole page) and inserts the element
// from the server-rendered <template>. `data-loaded="true"` marks a model that has loaded.
// What it says comes translated from the button's data-*-text attributes (English fallback).
(function () {
  "use strict";
  var reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var modelViewerModule = null;

  function importModelViewer(button) {
    if (modelViewerModule === null) {
      // Decoders come from this site, never a CDN; model-viewer reads these settings when
      // its module first runs, so they must be in place before the import.
      var config = (window.ModelViewerElement = window.ModelViewerElement || {});
      config.dracoDecoderLocation = button.dataset.dracoLocation;
      config.ktx2TranscoderLocation = button.dataset.ktx2Location;
      modelViewerModule = import(button.dataset.moduleUrl).catch(function (error) {
        modelViewerModule = null;
        throw error;
      });
    }
    return modelViewerModule;
  }

  // Shape-only scans have no real material; a plain clay tone shows their form instead
  // of the near-black silhouette glTF's default material gives.
  function paintNeutral(viewer, colour) {
    viewer.model.materials.forEach(function (material) {
      material.pbrMetallicRoughness.setBaseColorFactor(colour);
    });
  }

  // The button that had focus is gone: focus waits on the stage while the model loads,
  // then moves to the viewer's own keyboard surface (inside its shadow root: model-viewer
  // offers no public focus method), unless the visitor has moved on meanwhile.
  function holdFocus(stage) {
    stage.tabIndex = -1;
    stage.focus();
  }

  function focusViewer(viewer, stage) {
    var surface = viewer.shadowRoot && viewer.shadowRoot.querySelector(".userInput");
    if (surface && (document.activeElement === stage || document.activeElement === document.body)) {
      surface.focus();
    }
  }

  function load(button) {
    var facade = button.closest(".model-facade");
    var stage = facade.parentElement;
    var status = facade.querySelector(".model-status");
    var template = stage.querySelector("template.model-template");
    button.disabled = true;
    status.textContent = button.dataset.loadingText || "Loading the 3D viewer…";
    importModelViewer(button).then(function () {
      var viewer = document.importNode(template.content.querySelector("model-viewer"), true);
      if (reducedMotion) viewer.setAttribute("interaction-prompt", "none");
      viewer.addEventListener("load", function () {
        if (viewer.dataset.neutralColour) paintNeutral(viewer, JSON.parse(viewer.dataset.neutralColour));
        viewer.dataset.loaded = "true";
      }, { once: true });
      viewer.addEventListener("error", function () {
        viewer.dataset.loaded = "error";
        var message = document.createElement("p");
        message.className = "error-message";
        message.setAttribute("role", "alert");
        message.textContent = button.dataset.modelErrorText ||
          "The 3D model could not be shown. You can still download it below.";
        stage.appendChild(message);
      }, { once: true });
      // The surface becomes focusable once the model is revealed.
      viewer.addEventListener("poster-dismissed", function () {
        requestAnimationFrame(function () { focusViewer(viewer, stage); });
      }, { once: true });
      stage.insertBefore(viewer, facade);
      facade.hidden = true;
      holdFocus(stage);
    }).catch(function () {
      button.disabled = false;
      status.textContent = button.dataset.importErrorText ||
        "The 3D viewer could not be loaded. Please try again.";
    });
  }

  document.querySelectorAll(".model-facade .load-model").forEach(function (button) {
    button.addEventListener("click", function () { load(button); });
  });
})();
