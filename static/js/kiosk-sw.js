// The kiosk's service worker: what the kiosk has shown keeps working through a network drop.
//
// Pages (navigations): network first, so visitors see the collection as it is now; when the
// network fails or hangs past PAGE_TIMEOUT_MS, the copy saved on the last visit. Media, IIIF
// tiles, audio and static files: cache first (they do not change under the same URL, and a
// new version of a static file gets a new name at deployment). /healthz/ and anything not a
// plain GET go straight to the network: kiosk.js reads /healthz/ to say "Offline".
// Both caches are bounded: the oldest entries go first.
"use strict";

var VERSION = "v1";
var PAGES = "kiosk-pages-" + VERSION;
var MEDIA = "kiosk-media-" + VERSION;
var MAX_PAGES = 300;
var MAX_MEDIA = 3000;
var PAGE_TIMEOUT_MS = 4000;
var SCOPE = new URL(self.registration.scope).pathname;
// The view that serves this file puts the kiosk's words first, in the language of the URL
// it was registered from (/kiosk/sw.js or /fr/kiosk/sw.js): a worker cannot read a page.
var STRINGS = self.KIOSK_STRINGS || {};
var NOT_SAVED = STRINGS.notSaved || "Offline, and this page was not saved.";
var MEDIA_PREFIXES = ["/media/", "/iiif/", "/static/"];
var NEVER = ["/healthz/", SCOPE + "sw.js", SCOPE + "reset/", "/ws/", "/admin/", "/api/"];

self.addEventListener("install", function (event) {
  // The attract screen works offline from the start, even if the network drops before
  // anyone has touched the screen.
  event.waitUntil(
    caches.open(PAGES).then(function (cache) { return cache.add(new Request(SCOPE, { credentials: "same-origin" })); })
      .catch(function () {})
      .then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf("kiosk-") === 0 && name !== PAGES && name !== MEDIA;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); })
  );
});

function startsWithAny(path, prefixes) {
  return prefixes.some(function (prefix) { return path.indexOf(prefix) === 0; });
}

function trim(cacheName, limit) {
  return caches.open(cacheName).then(function (cache) {
    return cache.keys().then(function (keys) {
      var extra = keys.length - limit;
      return Promise.all(keys.slice(0, Math.max(0, extra)).map(function (key) { return cache.delete(key); }));
    });
  });
}

function save(cacheName, limit, request, response) {
  if (!response || response.status !== 200 || response.type !== "basic") return;
  var copy = response.clone();
  caches.open(cacheName)
    .then(function (cache) { return cache.put(request, copy); })
    .then(function () { return trim(cacheName, limit); })
    .catch(function () {});
}

function withTimeout(promise, ms) {
  return new Promise(function (resolve, reject) {
    var timer = setTimeout(function () { reject(new Error("timeout")); }, ms);
    promise.then(function (value) { clearTimeout(timer); resolve(value); },
      function (error) { clearTimeout(timer); reject(error); });
  });
}

function pageFromNetworkThenCache(request) {
  return withTimeout(fetch(request), PAGE_TIMEOUT_MS).then(function (response) {
    if (!response.redirected) save(PAGES, MAX_PAGES, request, response);
    return response;
  }).catch(function () {
    // Pages vary by cookie (the session): any saved copy of the same address will do.
    return caches.match(request, { cacheName: PAGES, ignoreVary: true }).then(function (hit) {
      return hit || caches.match(SCOPE, { cacheName: PAGES, ignoreVary: true });
    }).then(function (hit) {
      return hit || new Response(NOT_SAVED, {
        status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" },
      });
    });
  });
}

// Audio and video ask for byte ranges; the cache holds whole files, so a range is cut from
// the saved file when the network is gone.
function rangeOf(response, header) {
  var match = /^bytes=(\d+)-(\d*)$/.exec(header || "");
  if (!match) return response;
  return response.blob().then(function (blob) {
    var start = Number(match[1]);
    var end = match[2] ? Math.min(Number(match[2]), blob.size - 1) : blob.size - 1;
    if (start >= blob.size || end < start) return new Response(null, { status: 416 });
    return new Response(blob.slice(start, end + 1), {
      status: 206,
      headers: {
        "Content-Type": response.headers.get("Content-Type") || "application/octet-stream",
        "Content-Range": "bytes " + start + "-" + end + "/" + blob.size,
        "Content-Length": String(end - start + 1),
      },
    });
  });
}

function mediaFromCacheThenNetwork(request) {
  var range = request.headers.get("Range");
  return caches.match(request.url, { cacheName: MEDIA, ignoreVary: true }).then(function (hit) {
    if (hit) return range ? rangeOf(hit, range) : hit;
    if (range) {
      // A partial answer cannot be saved; fetch the whole file once in the background.
      fetch(request.url, { credentials: "same-origin" }).then(function (whole) {
        save(MEDIA, MAX_MEDIA, request.url, whole);
      }).catch(function () {});
      return fetch(request);
    }
    return fetch(request).then(function (response) {
      save(MEDIA, MAX_MEDIA, request, response);
      return response;
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin || startsWithAny(url.pathname, NEVER)) return;
  if (request.mode === "navigate") {
    event.respondWith(pageFromNetworkThenCache(request));
  } else if (startsWithAny(url.pathname, MEDIA_PREFIXES)) {
    event.respondWith(mediaFromCacheThenNetwork(request));
  }
});
