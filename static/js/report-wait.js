// The "being prepared" page of a PDF report: asks (HEAD) every few seconds, for at most
// two minutes, whether the report is made; then says so in the status region and turns
// the link into the download. Nothing is downloaded without the visitor choosing it.
(function () {
  "use strict";
  var root = document.querySelector(".report-wait");
  if (!root || !window.fetch) return;
  var seconds = Math.max(2, parseInt(root.dataset.pollSeconds, 10) || 3);
  var triesLeft = Math.ceil(120 / seconds);
  var status = root.querySelector(".report-wait__status");
  var link = root.querySelector(".report-wait__link");
  var hint = root.querySelector(".report-wait__hint");

  function ready() {
    status.textContent = root.dataset.readyText;
    link.textContent = root.dataset.readyLink;
    link.setAttribute("type", "application/pdf");
    if (hint) hint.hidden = true;
  }

  function ask() {
    triesLeft -= 1;
    fetch(root.dataset.reportUrl, { method: "HEAD", credentials: "same-origin", cache: "no-store" })
      .then(function (response) {
        if (response.status === 200) {
          ready();
        } else if (response.status === 202 && triesLeft > 0) {
          window.setTimeout(ask, seconds * 1000);
        }
      })
      .catch(function () { /* the link still works */ });
  }

  window.setTimeout(ask, seconds * 1000);
})();
