/*
 * Ward panels: two small helps. Pages read right without them.
 * 1. Hide meetings that have ended by the visitor's clock, so a page built yesterday
 *    never calls a past meeting "next" (the daily rebuild does the rest).
 * 2. "Copy the address" buttons for calendar subscriptions.
 */
(function () {
  "use strict";

  function hideEndedMeetings() {
    var now = Date.now();
    document.querySelectorAll("[data-ends]").forEach(function (marker) {
      var ends = Date.parse(marker.getAttribute("data-ends"));
      if (isNaN(ends) || ends > now) {
        return;
      }
      var row = marker.closest("tr");
      if (row) {
        row.hidden = true;
        return;
      }
      marker.hidden = true;
      var notice = marker.nextElementSibling;
      if (notice && notice.classList.contains("wp-after-meeting")) {
        notice.hidden = false;
      }
    });
  }

  function enableCopyButtons() {
    if (!navigator.clipboard) {
      return;
    }
    document.querySelectorAll("button.wp-copy").forEach(function (button) {
      var status = document.createElement("span");
      status.className = "wp-copy-status";
      status.setAttribute("role", "status");
      button.insertAdjacentElement("afterend", status);
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(button.getAttribute("data-copy")).then(
          function () { status.textContent = "Address copied."; },
          function () { status.textContent = "Could not copy. Select the address and copy it."; }
        );
      });
    });
  }

  function start() {
    hideEndedMeetings();
    enableCopyButtons();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
