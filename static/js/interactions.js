// What a visitor does with objects — views with the time the page was in front of them,
// likes, "add to my tour" — recorded in batches for POST /api/interactions/, from object
// pages, search results and tour pages. Pages mark their objects with neutral attributes:
//
//   [data-interaction-source="object_page|search|tour|kiosk"]  where the objects are shown
//     [data-object-slug][data-object-title]                     one object
//       [data-object-actions]  its buttons: buttons already there with data-action="like" or
//                              "add_to_tour" are taken over (the object page's forms, which
//                              work without JavaScript); an empty slot gets new buttons
//     data-object-view on the object element: record a view of it, with its dwell time
//
// The object page is cached for everyone, so whether an object is liked (and the CSRF token)
// comes from GET /tours/state/. Other scripts may call
// window.VitrineInteractions.record(slug, kind, source[, dwellSeconds]).
(function () {
  "use strict";
  if (window.VitrineInteractions || !window.fetch || !window.URLSearchParams) return;

  var config = document.querySelector("[data-interactions-url]");

  // What the buttons and the live region say comes translated from the page
  // (templates/exhibition/includes/interaction_strings.html), with English as fallback.
  var STRINGS = {
    like: "I like this",
    add: "Add to my tour",
    added: "On my tour list",
    thisObject: "this object",
    liked: "You like {title}.",
    unliked: "You no longer like {title}.",
    alreadyAdded: "{title} is already on your tour list.",
    nowAdded: "{title} is on your tour list. It is included when you plan a tour."
  };
  (function () {
    var element = document.getElementById("interaction-strings");
    var page = {};
    try { page = element ? JSON.parse(element.textContent) : {}; } catch (error) { page = {}; }
    Object.keys(STRINGS).forEach(function (key) {
      if (typeof page[key] === "string" && page[key]) STRINGS[key] = page[key];
    });
  })();
  function text(key, title) {
    return STRINGS[key].split("{title}").join(title || "");
  }
  function setting(name, fallback) {
    return (config && config.getAttribute(name)) || fallback;
  }
  var API_URL = setting("data-interactions-url", "/api/interactions/");
  var STATE_URL = setting("data-state-url", "/tours/state/");
  var MAX_BATCH = parseInt(setting("data-max-batch", "100"), 10) || 100;
  var MAX_QUEUE = MAX_BATCH * 3; // beyond this the oldest are dropped (offline for long)
  var MAX_STATE = 100; // slugs per state request, as the server allows
  var MAX_DWELL = 4 * 3600; // longer is a tab left open: the view counts, the time does not
  var DEBOUNCE_MS = 2000;
  var RETRY_MS = 15000;
  var MAX_TRIES = 3;

  var queue = [];
  var timer = null;
  var token = null;
  var tokenWaiters = null;
  var liked = {};
  var added = {};
  var buttons = {}; // slug -> [button, ...] on this page
  var viewers = [];
  var live = null;

  // ---- Sending, in batches ---------------------------------------------------------------

  function record(slug, kind, source, dwell) {
    if (kind === "like" || kind === "unlike") {
      // A like taken back before it was sent cancels out, and the other way round.
      for (var i = queue.length - 1; i >= 0; i--) {
        var pending = queue[i].item;
        if (pending.object === slug && (pending.kind === "like" || pending.kind === "unlike")) {
          if (pending.kind !== kind) queue.splice(i, 1);
          schedule();
          return;
        }
      }
    }
    var item = { object: slug, kind: kind, source: source };
    if (kind === "view" && typeof dwell === "number" && isFinite(dwell)) {
      item.dwell_seconds = dwell <= MAX_DWELL ? Math.max(0, Math.round(dwell)) : null;
    }
    queue.push({ item: item, tries: 0 });
    if (queue.length > MAX_QUEUE) queue.splice(0, queue.length - MAX_QUEUE);
    if (queue.length >= MAX_BATCH) flush(false);
    else schedule();
  }

  function schedule(delay) {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { flush(false); }, delay || DEBOUNCE_MS);
  }

  function requeue(batch) {
    var again = batch.filter(function (entry) { return ++entry.tries < MAX_TRIES; });
    queue = again.concat(queue).slice(-MAX_QUEUE);
  }

  function flush(leaving) {
    window.clearTimeout(timer);
    timer = null;
    if (!queue.length) return;
    if (!token) {
      // Without the token the server would refuse the batch; when leaving there is no
      // time to ask for one, so what is queued is lost (it is only a few clicks).
      if (!leaving) withToken(function () { flush(false); });
      return;
    }
    var batch = queue.splice(0, MAX_BATCH);
    var sent = fetch(API_URL, {
      method: "POST",
      credentials: "same-origin",
      keepalive: leaving, // lets the request outlive the page
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": token },
      body: JSON.stringify({ interactions: batch.map(function (entry) { return entry.item; }) })
    });
    if (leaving) {
      if (queue.length) flush(true);
      return;
    }
    sent.then(function (response) {
      if (response.status === 403) {
        token = null; // the CSRF cookie changed: ask for a new token and try again
        requeue(batch);
        schedule();
      } else if (response.status === 429 || response.status >= 500) {
        requeue(batch);
        var wait = parseInt(response.headers.get("Retry-After") || "", 10);
        schedule(wait > 0 ? wait * 1000 : RETRY_MS);
      }
      // 200: done (objects that are no longer public are reported and rightly dropped);
      // 400: a batch the server will never take, so it is not sent again.
    }).catch(function () {
      requeue(batch);
      schedule(RETRY_MS);
    });
    if (queue.length) schedule();
  }

  function withToken(callback) {
    if (token) { callback(); return; }
    if (tokenWaiters) { tokenWaiters.push(callback); return; }
    tokenWaiters = [callback];
    loadState([]).then(function () {
      var waiting = tokenWaiters;
      tokenWaiters = null;
      if (token) waiting.forEach(function (fn) { fn(); });
    });
  }

  // ---- What this visitor already likes (the page itself is the same for everyone) --------

  function loadState(slugs) {
    var chunks = [];
    for (var i = 0; i < slugs.length; i += MAX_STATE) chunks.push(slugs.slice(i, i + MAX_STATE));
    if (!chunks.length) chunks.push([]);
    return Promise.all(chunks.map(function (chunk) {
      var params = new URLSearchParams();
      chunk.forEach(function (slug) { params.append("object", slug); });
      return fetch(STATE_URL + "?" + params.toString(), {
        credentials: "same-origin",
        headers: { "Accept": "application/json" }
      }).then(function (response) {
        if (!response.ok) throw new Error("state " + response.status);
        return response.json();
      }).then(function (state) {
        token = state.csrf_token || token;
        chunk.forEach(function (slug) {
          liked[slug] = state.liked.indexOf(slug) !== -1;
          added[slug] = state.added_to_tour.indexOf(slug) !== -1;
          paint(slug);
        });
      }).catch(function () { /* the buttons still work; they start from "not liked" */ });
    }));
  }

  // ---- Buttons ----------------------------------------------------------------------------

  function say(message) {
    if (!live) return;
    live.textContent = "";
    window.setTimeout(function () { live.textContent = message; }, 50);
  }

  function setLabel(button, text) {
    button.textContent = text;
    // Many results on one page: each button names its object to a screen reader.
    var title = button.getAttribute("data-for-title");
    if (title) button.setAttribute("aria-label", text + ": " + title);
  }

  function paint(slug) {
    (buttons[slug] || []).forEach(function (button) {
      if (button.getAttribute("data-action") === "like") {
        button.setAttribute("aria-pressed", liked[slug] ? "true" : "false");
        setLabel(button, text("like"));
      } else {
        setLabel(button, added[slug] ? text("added") : text("add"));
        button.setAttribute("aria-disabled", added[slug] ? "true" : "false");
      }
    });
  }

  function makeButton(action, title) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button";
    button.setAttribute("data-action", action);
    if (title) button.setAttribute("data-for-title", title);
    return button; // paint() writes its label
  }

  function onPress(button, slug, title, source) {
    button.addEventListener("click", function (event) {
      event.preventDefault(); // the no-JavaScript form is not needed
      var name = title || text("thisObject");
      if (button.getAttribute("data-action") === "like") {
        liked[slug] = !liked[slug];
        record(slug, liked[slug] ? "like" : "unlike", source);
        say(text(liked[slug] ? "liked" : "unliked", name));
      } else if (added[slug]) {
        say(text("alreadyAdded", name));
      } else {
        added[slug] = true;
        record(slug, "add_to_tour", source);
        say(text("nowAdded", name));
      }
      paint(slug);
    });
  }

  function setUpButtons(element, slug, title, source) {
    var slot = element.querySelector("[data-object-actions]");
    if (!slot) return false;
    ["like", "add_to_tour"].forEach(function (action) {
      var button = slot.querySelector('[data-action="' + action + '"]');
      if (!button) button = slot.appendChild(makeButton(action, title));
      (buttons[slug] = buttons[slug] || []).push(button);
      onPress(button, slug, title, source);
    });
    slot.classList.add("intro__actions");
    paint(slug);
    return true;
  }

  // ---- Views, with the seconds the page was visible -------------------------------------

  function watchView(slug, source) {
    var viewer = { seconds: 0, since: null, sent: false };
    viewer.start = function () {
      if (!viewer.sent && viewer.since === null) viewer.since = Date.now();
    };
    viewer.send = function () {
      if (viewer.sent) return;
      if (viewer.since !== null) viewer.seconds += (Date.now() - viewer.since) / 1000;
      viewer.since = null;
      viewer.sent = true;
      record(slug, "view", source, viewer.seconds);
    };
    viewer.restart = function () {
      viewer.seconds = 0;
      viewer.sent = false;
      viewer.since = null;
      viewer.start();
    };
    if (document.visibilityState === "visible") viewer.start();
    viewers.push(viewer);
  }

  function leave() {
    // One view per showing of the page, sent the first time it is hidden or left.
    viewers.forEach(function (viewer) { viewer.send(); });
    flush(true);
  }

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") leave();
    else viewers.forEach(function (viewer) { viewer.start(); });
  });
  window.addEventListener("pagehide", leave);
  window.addEventListener("pageshow", function (event) {
    // Back from the back/forward cache: a new showing of the page.
    if (event.persisted) viewers.forEach(function (viewer) { viewer.restart(); });
  });

  // ---- Finding the objects on the page (search swaps its results in later) ---------------

  function enhance() {
    var fresh = [];
    document.querySelectorAll("[data-interaction-source] [data-object-slug]").forEach(function (element) {
      if (element.hasAttribute("data-interactions-ready")) return;
      element.setAttribute("data-interactions-ready", "");
      var slug = element.getAttribute("data-object-slug");
      var title = element.getAttribute("data-object-title") || "";
      var region = element.closest("[data-interaction-source]");
      var source = region.getAttribute("data-interaction-source");
      if (!slug) return;
      if (setUpButtons(element, slug, title, source) && fresh.indexOf(slug) === -1) fresh.push(slug);
      if (element.hasAttribute("data-object-view")) watchView(slug, source);
    });
    if (fresh.length && !live) {
      // In the page before anything is said in it, so that screen readers announce it.
      live = document.createElement("p");
      live.className = "visually-hidden";
      live.setAttribute("role", "status");
      document.body.appendChild(live);
    }
    if (fresh.length) loadState(fresh);
    else if (!token && viewers.length) withToken(function () {});
  }

  var pendingScan = null;
  new MutationObserver(function () {
    if (pendingScan === null) {
      pendingScan = window.setTimeout(function () { pendingScan = null; enhance(); }, 0);
    }
  }).observe(document.body, { childList: true, subtree: true });

  window.VitrineInteractions = {
    record: function (slug, kind, source, dwell) { record(String(slug), kind, source, dwell); },
    flush: function () { flush(false); }
  };
  enhance();
})();
