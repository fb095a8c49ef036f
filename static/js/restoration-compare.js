// Before/after comparison of a restoration, inside a deep zoom viewer (deep-zoom.js).
//
// One OpenSeadragon viewer holds two pictures in the same place: the original (its IIIF
// tiles) and, on top, the machine-made reconstruction (its own IIIF tiles, cut when a
// curator approved it, with the same tile size and levels). Both are drawn from pyramids
// reduced on the server: the full-size file as a simple image source showed grain at low
// zoom beside the smooth original. The reconstruction is clipped to
// the part of the screen left of a dividing line; the range input (arrow keys natively),
// [ and ] on the viewer, or dragging the line move it. Zoom, pan and rotation move both
// pictures together, so a fill can be judged at full resolution. Toggles lay the
// reconstructed regions (mask) and the per-pixel uncertainty over the picture; they are
// viewer overlays, so they follow zoom and rotation.
//
// Hooks for tests: the stage carries `data-ready="true"` once both pictures have drawn,
// `data-reveal` with the divider's position in percent and `data-reconstruction` saying
// what the reconstruction is drawn from ("tiles" or "file").
(function () {
  "use strict";
  var deepZoom = window.VitrineDeepZoom;
  if (!deepZoom || !window.OpenSeadragon) return;
  var KEY_STEP = 5;

  // Announced texts come translated from the page (data-* on the slider) as patterns
  // with {name} slots; the English is the fallback.
  function fill(pattern, values) {
    return pattern.replace(/\{(\w+)\}/g, function (slot, name) {
      return name in values ? String(values[name]) : slot;
    });
  }

  // Both pictures span one world unit in width, so they cover each other exactly even
  // when their pixel sizes differ (an original replaced by a larger scan, say).
  function imageSpec(url) {
    return { tileSource: { type: "image", url: url }, x: 0, y: 0, width: 1 };
  }

  // The reconstruction's tiles when they are cut, else (or should they fail) its file.
  function reconstructionSpec(stage, viewer, opened) {
    var file = imageSpec(stage.dataset.resultUrl);
    file.success = opened;
    var info = stage.dataset.resultInfoUrl;
    if (!info) return file;
    return {
      tileSource: info, x: 0, y: 0, width: 1, success: opened,
      // Added last, so it still lies on top of the original.
      error: function () { viewer().addTiledImage(file); },
    };
  }

  // The viewer-element rectangle [0, x] × [0, height] in the reconstruction's image
  // pixels. Rotation is in quarter turns, so the bounding box of the four corners is exact.
  function clipFor(item, x, height) {
    var corners = [[0, 0], [x, 0], [0, height], [x, height]].map(function (corner) {
      return item.viewerElementToImageCoordinates(new OpenSeadragon.Point(corner[0], corner[1]));
    });
    var xs = corners.map(function (p) { return p.x; });
    var ys = corners.map(function (p) { return p.y; });
    var left = Math.min.apply(null, xs);
    var top = Math.min.apply(null, ys);
    return new OpenSeadragon.Rect(left, top, Math.max.apply(null, xs) - left, Math.max.apply(null, ys) - top);
  }

  function sameRect(a, b) {
    if (!a || !b) return false;
    return Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 &&
      Math.abs(a.width - b.width) < 0.5 && Math.abs(a.height - b.height) < 0.5;
  }

  function maskOverlay(className, url) {
    var element = document.createElement("div");
    element.className = className;
    element.hidden = true;
    // CSSOM, not a style attribute: the Content-Security-Policy allows this.
    element.style.webkitMaskImage = "url(\"" + url + "\")";
    element.style.maskImage = "url(\"" + url + "\")";
    // A hidden element's mask is fetched only when shown, so the first toggle would show
    // nothing for a moment: fetch it now, into the cache the mask then reads from.
    new Image().src = url;
    return element;
  }

  function overlayToggle(toggle, overlay, after) {
    if (!toggle || !overlay) return;
    toggle.addEventListener("click", function () {
      var on = toggle.getAttribute("aria-pressed") !== "true";
      toggle.setAttribute("aria-pressed", String(on));
      overlay.hidden = !on;
      if (after) after(on);
    });
  }

  function setUp(figure) {
    var slider = figure.querySelector(".compare-slider");
    var stage = document.getElementById(slider.getAttribute("aria-controls"));
    var frame = stage.parentElement;
    var output = figure.querySelector(".compare-value");

    var divider = document.createElement("div");
    divider.className = "compare-divider";
    divider.setAttribute("aria-hidden", "true");
    divider.appendChild(document.createElement("span")).className = "compare-divider__handle";
    frame.appendChild(divider);

    var reconstruction = null;
    var lastClip = null;
    var source = { tileSource: deepZoom.tileSource(stage), x: 0, y: 0, width: 1 };
    if (stage.dataset.tilesReady === "true") {
      // Tiles missing or unreadable: the original file instead, still under the reconstruction.
      source.error = function () {
        viewer.addTiledImage({ tileSource: { type: "image", url: stage.dataset.imageUrl }, x: 0, y: 0, width: 1, index: 0 });
      };
    }
    var result = reconstructionSpec(
      stage,
      function () { return viewer; },
      function (event) {
        reconstruction = event.item;
        var tiled = !(event.item.source instanceof OpenSeadragon.ImageTileSource);
        stage.dataset.reconstruction = tiled ? "tiles" : "file";
        update();
      }
    );
    var viewer = deepZoom.create(stage, [source, result]);

    function reveal() { return Number(slider.value) / 100; }

    function clip() {
      if (!reconstruction) return;
      var size = viewer.viewport.getContainerSize();
      var rect = clipFor(reconstruction, size.x * reveal(), size.y);
      if (sameRect(rect, lastClip)) return;  // setClip redraws: only when it moved
      lastClip = rect;
      reconstruction.setClip(rect);
    }

    var reconstructionSide = frame.querySelector(".compare-side--reconstruction");
    var originalSide = frame.querySelector(".compare-side--original");

    function update() {
      var value = Number(slider.value);
      divider.style.left = value + "%";
      reconstructionSide.style.width = value + "%";
      originalSide.style.width = (100 - value) + "%";
      output.textContent = fill(slider.dataset.valueText || "{value}%", { value: value });
      stage.dataset.reveal = String(value);
      slider.setAttribute("aria-valuetext", fill(
        slider.dataset.valuetext || "{reconstruction}% reconstruction, {original}% original",
        { reconstruction: value, original: 100 - value }
      ));
      clip();
    }

    function setValue(value) {
      slider.value = String(Math.max(0, Math.min(100, Math.round(value))));
      update();
    }

    slider.addEventListener("input", update);
    viewer.addHandler("update-viewport", clip);
    viewer.addHandler("resize", function () { lastClip = null; clip(); });

    viewer.addOnceHandler("open", function () {
      var bounds = viewer.world.getItemAt(0).getBounds();
      [["mask", ".mask-toggle", "compare-mask"], ["uncertainty", ".uncertainty-toggle", "compare-uncertainty"]]
        .forEach(function (kind) {
          var url = stage.dataset[kind[0] + "Url"];
          if (!url) return;
          var overlay = maskOverlay(kind[2], url);
          viewer.addOverlay({ element: overlay, location: bounds, rotationMode: OpenSeadragon.OverlayRotationMode.EXACT });
          var legend = figure.querySelector(".uncertainty-legend");
          overlayToggle(figure.querySelector(kind[1]), overlay, kind[0] === "uncertainty" && legend
            ? function (on) { legend.setAttribute("data-shown", String(on)); }
            : null);
        });
    });

    stage.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === "[") setValue(Number(slider.value) - KEY_STEP);
      else if (event.key === "]") setValue(Number(slider.value) + KEY_STEP);
      else return;
      event.preventDefault();
    });

    // Dragging the line moves it; dragging anywhere else pans the picture as usual.
    divider.addEventListener("pointerdown", function (event) {
      event.preventDefault();
      divider.setPointerCapture(event.pointerId);
      function move(moveEvent) {
        var box = stage.getBoundingClientRect();
        setValue(((moveEvent.clientX - box.left) / box.width) * 100);
      }
      function stop() {
        divider.removeEventListener("pointermove", move);
        divider.removeEventListener("pointerup", stop);
        divider.removeEventListener("pointercancel", stop);
      }
      divider.addEventListener("pointermove", move);
      divider.addEventListener("pointerup", stop);
      divider.addEventListener("pointercancel", stop);
    });
    update();
  }

  function startVisible() {
    document.querySelectorAll(".restoration-compare").forEach(function (figure) {
      if (figure.dataset.started || figure.closest("[hidden]") !== null) return;
      figure.dataset.started = "true";
      setUp(figure);
    });
  }

  document.addEventListener("vitrine:media-shown", startVisible);
  startVisible();
})();
