// Start page, progressive enhancement only: typing another time chooses "Other", so the
// number typed is the one used. Without JavaScript the visitor picks "Other" by hand.
(() => {
  "use strict";
  const minutes = document.querySelector("[data-budget-minutes]");
  const custom = document.querySelector("[data-budget-custom]");
  if (!minutes || !custom) return;
  minutes.addEventListener("input", () => {
    if (minutes.value.trim() !== "") custom.checked = true;
  });
})();
