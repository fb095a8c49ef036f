// Search as you type (debounced) and search by photo, swapping in server-rendered results.
// Without this script the forms still work: a GET form for words, a POST form for a photo.
// Its two sentences come from the page (data-failed, data-searching), in the page's language.
(function () {
  "use strict";
  var form = document.querySelector("[data-search-form]");
  var region = document.querySelector("[data-search-results]");
  var live = document.getElementById("search-live");
  if (!form || !region || !window.fetch) return;
  var input = form.querySelector("[data-search-input]");
  var photoForm = document.querySelector("[data-photo-form]");
  var DELAY_MS = 250;
  var FAILED = form.getAttribute("data-failed") || "Search failed. Please try again.";
  var timer = null;
  var pending = null;

  document.documentElement.classList.add("search-js");

  function announce() {
    var source = region.querySelector("[data-announce]");
    var text = source ? source.getAttribute("data-announce") : "";
    // Clear first so the same sentence twice is announced twice.
    live.textContent = "";
    window.setTimeout(function () { live.textContent = text; }, 50);
  }

  function show(html) {
    region.innerHTML = html;
    region.setAttribute("aria-busy", "false");
    announce();
  }

  function load(url, options) {
    if (pending) pending.abort();
    pending = new AbortController();
    region.setAttribute("aria-busy", "true");
    var opts = options || {};
    opts.signal = pending.signal;
    opts.headers = { "X-Requested-With": "fetch" };
    return fetch(url, opts)
      .then(function (response) { return response.text(); })
      .then(show)
      .catch(function (error) {
        if (error.name !== "AbortError") {
          // Built as nodes, not markup: the words come from the page's attribute.
          var message = document.createElement("p");
          message.className = "search__error";
          message.setAttribute("role", "alert");
          message.setAttribute("data-announce", FAILED);
          message.textContent = FAILED;
          region.textContent = "";
          region.appendChild(message);
          region.setAttribute("aria-busy", "false");
          announce();
        }
      });
  }

  function formQuery() {
    var params = new URLSearchParams(new FormData(form));
    params.forEach(function (value, key) { if (value === "") params.delete(key); });
    return params;
  }

  function searchNow() {
    var params = formQuery();
    var pageUrl = form.action + (params.toString() ? "?" + params.toString() : "");
    window.history.replaceState(null, "", pageUrl);
    params.set("fragment", "1");
    load(form.action + "?" + params.toString());
  }

  function searchSoon() {
    window.clearTimeout(timer);
    timer = window.setTimeout(searchNow, DELAY_MS);
  }

  input.addEventListener("input", searchSoon);
  form.addEventListener("change", function (event) {
    if (event.target !== input) searchSoon();
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    searchNow();
  });

  region.addEventListener("click", function (event) {
    var suggestion = event.target.closest("[data-search-suggestion]");
    if (suggestion) {
      // A suggested search goes into the box, so the visitor can go on from it.
      event.preventDefault();
      input.value = suggestion.getAttribute("data-search-suggestion");
      searchNow();
      input.focus();
      return;
    }
    var link = event.target.closest("[data-search-page]");
    if (!link) return;
    event.preventDefault();
    var url = new URL(link.href, window.location.href);
    window.history.replaceState(null, "", url.pathname + url.search);
    url.searchParams.set("fragment", "1");
    load(url.toString()).then(function () {
      var heading = region.querySelector(".result-count");
      if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
    });
  });

  if (photoForm) {
    var photoInput = photoForm.querySelector("[data-photo-input]");
    var sendPhoto = function () {
      if (!photoInput.files || !photoInput.files.length) return;
      live.textContent = photoForm.getAttribute("data-searching") || "Searching with your photo…";
      load(photoForm.action + "?fragment=1", { method: "POST", body: new FormData(photoForm) });
    };
    photoInput.addEventListener("change", sendPhoto);
    photoForm.addEventListener("submit", function (event) {
      event.preventDefault();
      sendPhoto();
    });
  }
})();
