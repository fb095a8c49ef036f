// The restoration tool's "In progress" list: asks the server every few seconds which runs
// are still waiting or running, and says when all have finished, without reloading the page
// (a curator may be painting a mask meanwhile).
(function () {
  "use strict";
  var box = document.querySelector(".runs-in-progress[data-progress-url]");
  if (!box) return;
  var list = box.querySelector("ul");
  var next = box.querySelector(".runs-in-progress__next");
  var url = box.getAttribute("data-progress-url");
  var intervalMs = 4000;
  // The words come from the page, in the admin's language; English when they are missing.
  var finishedText = box.getAttribute("data-finished-text") || "All runs have finished.";
  var reloadText = box.getAttribute("data-reload-text") || "Reload this page to compare them.";

  function show(runs) {
    list.textContent = "";
    runs.forEach(function (run) {
      var item = document.createElement("li");
      item.append(run.engine + ": ");
      var state = document.createElement("strong");
      state.textContent = run.label;
      item.append(state);
      list.append(item);
    });
  }

  function finished() {
    list.textContent = "";
    next.textContent = finishedText + " ";
    var reload = document.createElement("a");
    reload.href = "";
    reload.textContent = reloadText;
    next.append(reload);
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (body) {
        if (body.in_progress.length === 0) {
          finished();
          return;
        }
        show(body.in_progress);
        window.setTimeout(poll, intervalMs);
      })
      .catch(function () {
        // A dropped connection or a restart: try again a little later.
        window.setTimeout(poll, intervalMs * 2);
      });
  }

  window.setTimeout(poll, intervalMs);
})();
