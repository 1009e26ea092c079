/*
 * Ward panels: small helps. Every page reads right without them.
 * 1. (Meetings that have ended are hidden by main.html, before the page is first drawn.)
 * 2. The ward finder: postcode, street, estate or ward name to ward, from the site's own
 *    data, downloaded only when a resident uses it.
 * 3. "Copy" buttons for calendar subscriptions, links and the embed code, and the phone's
 *    share sheet for a ward or a meeting.
 * 4. Keyboard access Material lacks below 1220px: real buttons for the menu and search,
 *    Escape to close the menu, and no focus on links hidden off screen.
 * 5. A name for the search dialog.
 * 6. "Use my location": shown where the browser can tell it; its script (locate.js) and
 *    the wards' outlines load only when it is pressed.
 */
(function () {
  "use strict";

  // Words for the buttons this script adds, in the page's language (see main.html).
  var labels = (document.currentScript && document.currentScript.dataset) || {};

  /* 2. The ward finder. */

  function say(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_, name) { return values[name]; });
  }

  function element(tag, text, attributes) {
    var made = document.createElement(tag);
    if (text) {
      made.textContent = text;
    }
    Object.keys(attributes || {}).forEach(function (name) { made.setAttribute(name, attributes[name]); });
    return made;
  }

  // The site says where a ward's page is; the script only puts in the ward's name.
  function wardAddress(form, attribute, ward) {
    return form.getAttribute(attribute).replace("{slug}", ward.slug);
  }

  // A ward's name in the page's language, where the translations give one.
  function wardName(ward) {
    return (ward.names || {})[document.documentElement.lang] || ward.name;
  }

  function wardLink(form, messages, ward) {
    var item = element("li");
    var link = element("a", wardName(ward), {href: wardAddress(form, "data-ward", ward)});
    item.appendChild(link);
    if (ward.former.length) {
      item.appendChild(document.createTextNode(" (" + say(messages.formerly, {names: ward.former.join(", ")}) + ")"));
    }
    return item;
  }

  // Nothing found: GOV.UK's error summary, saying what to try.
  function problem(form, messages, box, text) {
    var summary = element("div", "", {"class": "wp-error-summary", role: "alert", tabindex: "-1"});
    summary.appendChild(element("h2", messages.problem, {"class": "wp-error-summary__title"}));
    summary.appendChild(element("p", text));
    var tries = element("ul");
    messages.tries.forEach(function (line) { tries.appendChild(element("li", line)); });
    var list = element("li");
    list.appendChild(element("a", messages.list, {href: form.getAttribute("action")}));
    tries.appendChild(list);
    summary.appendChild(tries);
    box.appendChild(summary);
    form.classList.add("wp-finder--error");
    summary.focus();
  }

  function answer(form, data, text) {
    var messages = JSON.parse(form.getAttribute("data-messages"));
    var box = form.nextElementSibling;
    var query = text.trim();
    var finder = window.wardFinder;
    box.replaceChildren();
    form.classList.remove("wp-finder--error");
    if (!query) {
      problem(form, messages, box, messages.empty);
      return;
    }
    var found = finder.byPostcode(data, query);
    var wards = found ? found.wards : finder.byName(data, query);
    if (!wards.length) {
      problem(form, messages, box, found ? say(messages.notFound, {postcode: found.label, borough: messages.borough})
        : say(messages.nothing, {query: query, borough: messages.borough}));
      return;
    }
    if (found && found.kind === "postcode" && !found.sector) {
      var line = element("p", "", {"class": "wp-finder__found"});
      var parts = say(messages.postcode, {postcode: found.label, ward: "\u0000"}).split("\u0000");
      line.appendChild(document.createTextNode(parts[0]));
      line.appendChild(element("a", wardName(wards[0]), {href: wardAddress(form, "data-ward-next", wards[0])}));
      line.appendChild(document.createTextNode(parts[1] || ""));
      box.appendChild(line);
      return;
    }
    box.appendChild(element("p", found && found.sector ? say(messages.unknown, {postcode: found.label, sector: found.sector})
      : found ? say(messages.sector, {sector: found.label}) : say(messages.names, {query: query})));
    var list = element("ul");
    wards.forEach(function (ward) { list.appendChild(wardLink(form, messages, ward)); });
    box.appendChild(list);
    if (found && found.sector) {
      var sector = found.sector.toLowerCase().split(" ");
      var more = element("p");
      more.appendChild(element("a", say(messages.every, {sector: found.sector}), {
        href: form.getAttribute("data-sector").replace(/{district}/g, sector[0]).replace("{digit}", sector[1])}));
      box.appendChild(more);
    }
  }

  function enableFinders() {
    if (!window.wardFinder) {
      return;
    }
    document.querySelectorAll("form.wp-finder").forEach(function (form) {
      var input = form.querySelector("input");
      var box = form.nextElementSibling;
      var loading = null;
      function load() {
        if (!loading) {
          loading = fetch(form.getAttribute("data-finder")).then(function (response) {
            if (!response.ok) {
              throw new Error(response.statusText);
            }
            return response.json();
          });
        }
        return loading;
      }
      input.addEventListener("focus", load, {once: true});
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        load().then(
          function (data) { answer(form, data, input.value); },
          function () {
            loading = null;
            box.textContent = JSON.parse(form.getAttribute("data-messages")).failed;
          }
        );
      });
      var typed = new URLSearchParams(window.location.search).get("q");
      if (typed) {
        input.value = typed;
        form.requestSubmit();
      }
    });
  }

  /* 3. Copy buttons. */

  function enableCopyButtons() {
    if (!navigator.clipboard) {
      return;
    }
    document.querySelectorAll("button.wp-copy").forEach(function (button) {
      var status = element("span", "", {"class": "wp-copy-status", role: "status"});
      button.insertAdjacentElement("afterend", status);
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(button.getAttribute("data-copy")).then(
          function () { status.textContent = button.getAttribute("data-copied"); },
          function () { status.textContent = button.getAttribute("data-failed"); }
        );
      });
    });
  }

  /* 3c. Use my location. */

  function enableLocate() {
    if (!navigator.geolocation) {
      return;
    }
    document.querySelectorAll(".wp-locate").forEach(function (box) {
      var script = null;
      box.hidden = false;
      box.querySelector("button").addEventListener("click", function () {
        if (!script) {
          script = new Promise(function (resolve, reject) {
            var tag = element("script", "", {src: box.getAttribute("data-script")});
            tag.onload = resolve;
            tag.onerror = function () { script = null; reject(); };
            document.head.appendChild(tag);
          });
        }
        script.then(
          function () { window.wardLocate.start(box); },
          function () {
            box.querySelector(".wp-locate__answer").textContent = JSON.parse(box.getAttribute("data-messages")).failed;
          }
        );
      });
    });
  }

  /* 3b. The phone's own share sheet, where the browser has one. */

  function enableShareSheets() {
    if (!navigator.share) {
      return;
    }
    document.querySelectorAll("button.wp-share__sheet").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.share({title: button.dataset.title, text: button.dataset.text, url: button.dataset.url})
          .catch(function () { /* closed without sharing: nothing to say */ });
      });
    });
  }

  /* 4. Keyboard access to Material's menu and search on small screens. */

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
      var isMenu = label.htmlFor === "__drawer";
      button.setAttribute("aria-label", isMenu ? labels.menu || "Menu" : labels.search || "Search");
      button.setAttribute("data-for", label.htmlFor);
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
        var button = document.querySelector("button.wp-header-button[data-for='__drawer']");
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

  /* 5. Names. */

  function names() {
    var dialog = document.querySelector(".md-search[role='dialog']");
    if (dialog) {
      dialog.setAttribute("aria-label", labels.searchDialog || "Search this site");
    }
    // A table wider than the screen scrolls sideways: a keyboard can reach it too.
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth) {
        wrap.tabIndex = 0;
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", labels.scrollTable || "Table: scroll sideways to see all of it");
      }
    });
  }

  var started = false;
  function start() {
    if (started) {
      return;
    }
    started = true;
    enableFinders();
    enableCopyButtons();
    enableLocate();
    enableShareSheets();
    headerButtons();
    drawerFocus();
    searchFocus();
    names();
  }

  if (window.document$) {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
