// Kiosk mode (/kiosk/): the idle warning and reset, the offline notice, the service worker,
// and a guard that keeps every touch inside the kiosk.
//
// Idle: after data-kiosk-idle-seconds without a touch, key or pointer, a modal alert dialog
// asks "Are you still there?" and counts down data-kiosk-warning-seconds (at least 20,
// WCAG 2.2.1) with a large Continue button, which takes the focus. Unanswered, the visit is
// reset: a CSRF-checked POST to the reset form's URL forgets the session, tour and history,
// the kiosk forgets the pages of this visitor's tour it saved, and the attract screen returns.
// Hooks for tests: body[data-kiosk-state] is "idle-warning" while the dialog is open.
(function () {
  "use strict";
  var body = document.body;
  if (!body || !body.hasAttribute("data-kiosk")) return;

  var IDLE_MS = Math.max(1, Number(body.dataset.kioskIdleSeconds) || 120) * 1000;
  var WARNING_SECONDS = Math.max(20, Number(body.dataset.kioskWarningSeconds) || 30);
  var ATTRACT_URL = body.dataset.kioskAttractUrl || "/kiosk/";
  var SCOPE = body.dataset.kioskScope || "/kiosk/";
  var PENDING_RESET = "vitrine-kiosk-reset-pending";
  var HEALTH_URL = "/healthz/";
  var HEALTH_EVERY_MS = 15000;
  var ACTIVITY = ["pointerdown", "pointermove", "keydown", "touchstart", "wheel", "scroll"];
  var onAttract = body.classList.contains("kiosk-body--attract");
  // The page's language writes the announcements (the template translates them); English if not.
  var LEFT_ONE = body.dataset.kioskLeftOne || "%(count)s second left";
  var LEFT_OTHER = body.dataset.kioskLeftOther || "%(count)s seconds left";
  // Object pages of the site, in any language (/objects/x/ or /fr/objects/x/), open as the
  // kiosk's own view of them.
  var OBJECT_PAGE = /^(?:\/[a-z]{2}(?:-[a-z]+)?)?\/objects\/([^/]+)\/$/;

  var dialog = document.querySelector("[data-kiosk-idle]");
  var countdown = document.querySelector("[data-kiosk-countdown]");
  var live = document.querySelector("[data-kiosk-countdown-live]");
  var continueButton = document.querySelector("[data-kiosk-continue]");
  var resetForm = document.querySelector("[data-kiosk-reset-form]");
  var offlineNotice = document.querySelector("[data-kiosk-offline]");

  var idleTimer = 0;
  var tickTimer = 0;
  var secondsLeft = WARNING_SECONDS;

  // --- Idle warning and reset -------------------------------------------------------------
  function restartIdleTimer() {
    window.clearTimeout(idleTimer);
    if (onAttract) return; // nothing to forget on the attract screen
    idleTimer = window.setTimeout(openWarning, IDLE_MS);
  }

  function warningOpen() {
    return body.dataset.kioskState === "idle-warning";
  }

  function onActivity() {
    if (!warningOpen()) restartIdleTimer();
  }

  function openWarning() {
    if (!dialog || warningOpen()) return;
    secondsLeft = WARNING_SECONDS;
    body.dataset.kioskState = "idle-warning";
    showCount(true);
    if (typeof dialog.showModal === "function") dialog.showModal();
    else dialog.setAttribute("open", "");
    if (continueButton) continueButton.focus();
    tickTimer = window.setInterval(tick, 1000);
  }

  function tick() {
    secondsLeft -= 1;
    if (secondsLeft <= 0) {
      window.clearInterval(tickTimer);
      resetVisit();
      return;
    }
    showCount(false);
  }

  // The visible number changes every second; a screen reader hears it every 10 seconds
  // and for the last 5, not sixty interruptions.
  function showCount(first) {
    if (countdown) countdown.textContent = String(secondsLeft);
    if (live && (first || secondsLeft % 10 === 0 || secondsLeft <= 5)) {
      var template = secondsLeft === 1 ? LEFT_ONE : LEFT_OTHER;
      live.textContent = template.replace("%(count)s", String(secondsLeft));
    }
  }

  function closeWarning() {
    window.clearInterval(tickTimer);
    delete body.dataset.kioskState;
    if (dialog && dialog.open) dialog.close();
    if (live) live.textContent = "";
    restartIdleTimer();
  }

  // Escape closes a modal <dialog>: that is an answer too, so it counts as Continue.
  if (dialog) dialog.addEventListener("cancel", function (event) { event.preventDefault(); closeWarning(); });
  if (continueButton) continueButton.addEventListener("click", closeWarning);

  function csrfToken() {
    var input = resetForm && resetForm.querySelector('input[name="csrfmiddlewaretoken"]');
    return input ? input.value : "";
  }

  function postReset() {
    if (!resetForm) return Promise.reject(new Error("no reset form"));
    var data = new FormData(resetForm);
    return fetch(resetForm.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken() },
      redirect: "manual",
    }).then(function (response) {
      // 302 to the attract screen reads as an opaque redirect here; anything else failed.
      if (response.type !== "opaqueredirect" && !response.ok) throw new Error("reset " + response.status);
      window.localStorage.removeItem(PENDING_RESET);
    });
  }

  // Pages of this visitor's tour stay out of the next visitor's reach, offline too.
  function forgetSavedTours() {
    if (!("caches" in window)) return Promise.resolve();
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) { return name.indexOf("kiosk-pages") === 0; }).map(function (name) {
        return caches.open(name).then(function (cache) {
          return cache.keys().then(function (requests) {
            return Promise.all(requests.filter(function (request) {
              return /\/kiosk\/tour\/[0-9a-f-]{36}\//.test(new URL(request.url).pathname);
            }).map(function (request) { return cache.delete(request); }));
          });
        });
      }));
    }).catch(function () {});
  }

  function resetVisit() {
    body.dataset.kioskState = "resetting";
    // If the network is down the reset is sent when it returns (see retryPendingReset).
    window.localStorage.setItem(PENDING_RESET, "1");
    var done = function () { window.location.replace(ATTRACT_URL); };
    Promise.all([postReset().catch(function () {}), forgetSavedTours()]).then(done, done);
  }

  function retryPendingReset() {
    if (window.localStorage.getItem(PENDING_RESET)) postReset().catch(function () {});
  }

  if (resetForm) {
    // "Start again" clears what this kiosk saved of the tour as well as the session.
    resetForm.addEventListener("submit", function () { forgetSavedTours(); });
  }

  ACTIVITY.forEach(function (name) {
    document.addEventListener(name, onActivity, { passive: true, capture: true });
  });
  restartIdleTimer();

  // --- Keep every touch inside the kiosk -------------------------------------------------
  // Kiosk templates link only to kiosk pages; answers the guide writes link to object pages,
  // which open as their kiosk view. Anything else (another site, the admin) does nothing.
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (!link) return;
    var url = new URL(link.href, window.location.href);
    var objectPage = OBJECT_PAGE.exec(url.pathname);
    if (url.origin === window.location.origin && url.pathname.indexOf(SCOPE) === 0) return;
    if (url.origin === window.location.origin && url.hash && url.pathname === window.location.pathname) return;
    event.preventDefault();
    if (url.origin === window.location.origin && objectPage) {
      window.location.assign(SCOPE + "objects/" + objectPage[1] + "/");
    }
  }, true);
  // A long press would open the browser's menu (open in a new tab, save the image…).
  document.addEventListener("contextmenu", function (event) { event.preventDefault(); });

  // --- Offline notice --------------------------------------------------------------------
  function setOffline(offline) {
    if (!offlineNotice) return;
    offlineNotice.hidden = !offline;
    body.classList.toggle("is-offline", offline);
  }

  function checkServer() {
    if (!navigator.onLine) { setOffline(true); return; }
    // The service worker lets /healthz/ through untouched, so this fails when the site does.
    fetch(HEALTH_URL, { cache: "no-store", credentials: "omit" }).then(function (response) {
      setOffline(!response.ok);
      if (response.ok) retryPendingReset();
    }, function () { setOffline(true); });
  }

  window.addEventListener("online", checkServer);
  window.addEventListener("offline", function () { setOffline(true); });
  checkServer();
  window.setInterval(checkServer, HEALTH_EVERY_MS);

  // --- Service worker --------------------------------------------------------------------
  if ("serviceWorker" in navigator && body.dataset.kioskWorkerUrl) {
    navigator.serviceWorker.register(body.dataset.kioskWorkerUrl, { scope: SCOPE }).catch(function () {
      // Without a service worker the kiosk still works online; nothing to tell the visitor.
    });
  }
})();
