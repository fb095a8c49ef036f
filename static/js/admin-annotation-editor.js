// The annotation editor in the admin: draws a rectangle (drag) or a polygon (clicks) over
// the chosen image, or picks a point on the chosen 3D model (model-viewer's
// positionAndNormalFromPoint), and writes the numbers into the form's fields, which stay
// the keyboard way to do the same. Typing in the fields redraws the shape.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";

  function field(name) { return document.getElementById("id_" + name); }

  function ready() {
    var root = document.querySelector(".annotation-editor");
    var mediaScript = document.getElementById("annotation-media");
    if (!root || !mediaScript) return;
    var media = JSON.parse(mediaScript.textContent);
    var stage = root.querySelector(".annotation-editor__stage");
    var kind = field("selector_kind");
    var imageSelect = field("image");
    var modelSelect = field("model3d");
    var current = null; // {svg, shape, width, height} for an image
    var polygon = [];

    function showFieldsets() {
      ["rect", "polygon", "point3d"].forEach(function (name) {
        document.querySelectorAll("fieldset.annotation-" + name).forEach(function (set) {
          set.hidden = kind.value !== name;
        });
      });
    }

    function setNumber(name, value) {
      var input = field(name);
      if (input) input.value = String(value);
    }

    function imagePoint(event) {
      var box = current.svg.getBoundingClientRect();
      var x = ((event.clientX - box.left) / box.width) * current.width;
      var y = ((event.clientY - box.top) / box.height) * current.height;
      return [Math.max(0, Math.min(current.width, Math.round(x))), Math.max(0, Math.min(current.height, Math.round(y)))];
    }

    function drawFromFields() {
      if (!current) return;
      current.svg.textContent = "";
      if (kind.value === "rect") {
        var values = ["x", "y", "w", "h"].map(function (k) { return Number(field("rect_" + k).value); });
        if (values.some(isNaN) || !values[2] || !values[3]) return;
        var rect = document.createElementNS(SVG, "rect");
        rect.setAttribute("x", values[0]); rect.setAttribute("y", values[1]);
        rect.setAttribute("width", values[2]); rect.setAttribute("height", values[3]);
        current.svg.appendChild(rect);
      } else if (kind.value === "polygon") {
        var text = field("polygon_points").value.trim();
        polygon = text ? text.split(/\s+/).map(function (pair) { return pair.split(",").map(Number); }) : [];
        var shape = document.createElementNS(SVG, polygon.length > 2 ? "polygon" : "polyline");
        shape.setAttribute("points", polygon.map(function (p) { return p.join(","); }).join(" "));
        current.svg.appendChild(shape);
      }
    }

    function showImage(info) {
      var img = document.createElement("img");
      img.className = "annotation-editor__image";
      img.src = info.url;
      img.alt = "";
      var svg = document.createElementNS(SVG, "svg");
      svg.setAttribute("class", "annotation-editor__svg");
      svg.setAttribute("viewBox", "0 0 " + info.width + " " + info.height);
      svg.setAttribute("preserveAspectRatio", "none");
      svg.setAttribute("aria-hidden", "true");
      stage.appendChild(img);
      stage.appendChild(svg);
      current = { svg: svg, width: info.width, height: info.height };
      var start = null;
      svg.addEventListener("pointerdown", function (event) {
        if (kind.value !== "rect") return;
        start = imagePoint(event);
        svg.setPointerCapture(event.pointerId);
      });
      svg.addEventListener("pointermove", function (event) {
        if (!start || kind.value !== "rect") return;
        var end = imagePoint(event);
        setNumber("rect_x", Math.min(start[0], end[0])); setNumber("rect_y", Math.min(start[1], end[1]));
        setNumber("rect_w", Math.max(1, Math.abs(end[0] - start[0])));
        setNumber("rect_h", Math.max(1, Math.abs(end[1] - start[1])));
        drawFromFields();
      });
      svg.addEventListener("pointerup", function () { start = null; });
      svg.addEventListener("click", function (event) {
        if (kind.value !== "polygon") return;
        polygon.push(imagePoint(event));
        field("polygon_points").value = polygon.map(function (p) { return p.join(","); }).join(" ");
        drawFromFields();
      });
      var clear = document.createElement("button");
      clear.type = "button";
      clear.className = "button";
      clear.textContent = root.dataset.clearText || "Clear the polygon";
      clear.addEventListener("click", function () { field("polygon_points").value = ""; drawFromFields(); });
      stage.parentNode.appendChild(clear);
      drawFromFields();
    }

    function showModel(info) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button";
      button.textContent = root.dataset.loadText || "Load the 3D model to pick a point";
      stage.appendChild(button);
      button.addEventListener("click", function () {
        button.disabled = true;
        import(media.moduleUrl).then(function () {
          var viewer = document.createElement("model-viewer");
          viewer.setAttribute("src", info.url);
          viewer.setAttribute("camera-controls", "");
          viewer.setAttribute("alt", "");
          var marker = document.createElement("div");
          marker.className = "annotation-editor__marker";
          marker.slot = "hotspot-picked";
          viewer.addEventListener("click", function (event) {
            var hit = viewer.positionAndNormalFromPoint(event.clientX, event.clientY);
            if (!hit) return;
            ["x", "y", "z"].forEach(function (axis) {
              setNumber("point_" + axis, hit.position[axis].toFixed(5));
              setNumber("normal_" + axis, hit.normal[axis].toFixed(5));
            });
            marker.dataset.position = hit.position.toString();
            marker.dataset.normal = hit.normal.toString();
            if (!marker.parentNode) viewer.appendChild(marker);
            viewer.updateHotspot({ name: "hotspot-picked", position: hit.position.toString(), normal: hit.normal.toString() });
          });
          stage.replaceChild(viewer, button);
        }).catch(function () { button.disabled = false; });
      });
    }

    function render() {
      stage.textContent = "";
      var extra = stage.parentNode.querySelectorAll(":scope > button");
      extra.forEach(function (node) { node.remove(); });
      current = null;
      showFieldsets();
      if (kind.value === "point3d" && modelSelect.value && media.models[modelSelect.value]) {
        showModel(media.models[modelSelect.value]);
      } else if (kind.value !== "point3d" && imageSelect.value && media.images[imageSelect.value]) {
        showImage(media.images[imageSelect.value]);
      } else {
        var note = document.createElement("p");
        note.textContent = root.dataset.noneText || "Choose an image or a 3D model of this object above to draw on it.";
        stage.appendChild(note);
      }
    }

    [kind, imageSelect, modelSelect].forEach(function (select) { select.addEventListener("change", render); });
    ["rect_x", "rect_y", "rect_w", "rect_h", "polygon_points"].forEach(function (name) {
      field(name).addEventListener("input", drawFromFields);
    });
    render();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
