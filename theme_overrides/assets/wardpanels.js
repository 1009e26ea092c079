/*
 * Ward panels: small helps. Pages read right without them.
 * 1. Hide meetings that have ended by the visitor's clock, so a page built yesterday
 *    never calls a past meeting "next" (the daily rebuild does the rest).
 * 2. "Copy the address" buttons for calendar subscriptions.
 * 3. Keyboard access Material lacks below 1220px: real buttons for the menu and search,
 *    Escape to close the menu, and no focus on links hidden off screen.
 * 4. Names for the search dialog and for tables that scroll sideways.
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

  // Material opens the menu and search with <label>s, which a keyboard cannot reach. A
  // real button beside each toggles the same checkbox; the label stays for when scripts
  // do not run. (Handling Enter on the label itself toggles twice: Material clicks it.)
  function headerButtons() {
    document.querySelectorAll("label.md-header__button[for]").forEach(function (label) {
      var toggle = document.getElementById(label.htmlFor);
      if (!toggle) {
        return;
      }
      var button = document.createElement("button");
      button.type = "button";
      button.className = label.className + " wp-header-button";
      button.innerHTML = label.innerHTML;
      var name = label.htmlFor === "__drawer" ? "Menu" : "Search";
      button.setAttribute("aria-label", name);
      button.setAttribute("aria-expanded", String(toggle.checked));
      button.addEventListener("click", function () {
        setToggle(toggle, !toggle.checked);
      });
      toggle.addEventListener("change", function () {
        button.setAttribute("aria-expanded", String(toggle.checked));
      });
      label.hidden = true;
      label.parentNode.insertBefore(button, label);
    });
  }

  function setToggle(toggle, on) {
    if (toggle.checked !== on) {
      toggle.checked = on;
      toggle.dispatchEvent(new Event("change"));
    }
  }

  // Below 1220px the menu is a drawer off screen. While closed, its links must not take
  // focus; when opened, focus moves in, and Escape closes it and returns focus.
  function drawerFocus() {
    var drawer = document.getElementById("__drawer");
    var sidebar = document.querySelector(".md-sidebar--primary");
    if (!drawer || !sidebar) {
      return;
    }
    var narrow = window.matchMedia("(max-width: 76.234375em)");
    function update() {
      sidebar.inert = narrow.matches && !drawer.checked;
    }
    drawer.addEventListener("change", function () {
      update();
      if (drawer.checked && narrow.matches) {
        var first = sidebar.querySelector("a[href], button, input");
        if (first) {
          first.focus();
        }
      }
    });
    narrow.addEventListener("change", update);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) {
        setToggle(drawer, false);
        var button = document.querySelector("button.wp-header-button[aria-label='Menu']");
        if (button) {
          button.focus();
        }
      }
    });
    update();
  }

  // Closed search results (and, below 1220px, the whole closed search) take no focus.
  function searchFocus() {
    var toggle = document.getElementById("__search");
    var dialog = document.querySelector(".md-search");
    var output = document.querySelector(".md-search__output");
    if (!toggle || !dialog || !output) {
      return;
    }
    var narrow = window.matchMedia("(max-width: 59.984375em)");
    function update() {
      output.inert = !toggle.checked;
      dialog.inert = narrow.matches && !toggle.checked;
    }
    toggle.addEventListener("change", update);
    narrow.addEventListener("change", update);
    update();
  }

  function names() {
    var dialog = document.querySelector(".md-search[role='dialog']");
    if (dialog) {
      dialog.setAttribute("aria-label", "Search this site");
    }
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth) {
        wrap.tabIndex = 0;
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", "Table: scroll sideways to see all of it");
      }
    });
  }

  function start() {
    hideEndedMeetings();
    enableCopyButtons();
    headerButtons();
    drawerFocus();
    searchFocus();
    names();
  }

  // Material wraps tables and builds its search once its own scripts have run.
  if (window.document$) {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
