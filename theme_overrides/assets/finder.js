/*
 * Which ward am I in? The finder's matching, on its own so that the tests can run it over
 * every postcode in Node.js exactly as a resident's browser does.
 *
 * `data` is the site's data/finder.json: each ward's slug, name, former names and areas,
 * and the borough's postcodes by sector ("E3 2": "AA5AB5..."; each postcode is its two
 * unit letters and its ward's index in base 36, in `digits` characters).
 */
(function (root) {
  "use strict";

  var OUTWARD = "([A-Z]{1,2}[0-9][A-Z0-9]?)";
  var FULL = new RegExp("^" + OUTWARD + "([0-9])([A-Z]{2})$");
  var DISTRICT = new RegExp("^" + OUTWARD + "$");
  var SECTOR = new RegExp("^" + OUTWARD + "([0-9])$");

  // Words as residents type them: any case, no apostrophes, & as "and".
  function words(text) {
    return text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/['\u2018\u2019`]/g, "")
      .replace(/&/g, " and ")
      .split(/[^a-z0-9\u0980-\u09ff]+/)
      .filter(Boolean);
  }

  // How well a place's words match what was typed: each typed word must start a word of
  // the place ("chrisp st" starts "Chrisp Street"); whole words count more. 0: no match.
  function score(typed, place) {
    var theirs = words(place);
    var total = 0;
    for (var i = 0; i < typed.length; i += 1) {
      var best = 0;
      for (var j = 0; j < theirs.length; j += 1) {
        if (theirs[j] === typed[i]) {
          best = Math.max(best, 3);
        } else if (theirs[j].indexOf(typed[i]) === 0) {
          best = Math.max(best, 2);
        }
      }
      if (!best) {
        return 0;
      }
      total += best;
    }
    return total + (typed.length === theirs.length ? 1 : 0);
  }

  function unitWidth(data) {
    return 2 + (data.digits || 1);
  }

  // The wards a postcode, a sector ("E3 2") or a district ("E3") is in, most postcodes
  // first; null when the text is not shaped like any of them.
  function byPostcode(data, text) {
    var width = unitWidth(data);
    var compact = text.toUpperCase().replace(/\s+/g, "");
    var full = FULL.exec(compact);
    if (full) {
      var label = full[1] + " " + full[2] + full[3];
      var units = data.postcodes[full[1] + " " + full[2]] || "";
      for (var i = 0; i < units.length; i += width) {
        if (units.substr(i, 2) === full[3]) {
          return {kind: "postcode", label: label,
                  wards: [data.wards[parseInt(units.substr(i + 2, width - 2), 36)]]};
        }
      }
      return {kind: "postcode", label: label, wards: []};
    }
    var district = DISTRICT.exec(compact);
    var sector = SECTOR.exec(compact);
    if (!district && !sector) {
      return null;
    }
    var keys = Object.keys(data.postcodes);
    // "E14" is the district E14 when the borough has it, else the sector E1 4.
    var matches = [];
    if (district) {
      matches = keys.filter(function (key) { return key.split(" ")[0] === district[1]; });
    }
    var label2 = district ? district[1] : "";
    if (!matches.length && sector && data.postcodes[sector[1] + " " + sector[2]] !== undefined) {
      matches = [sector[1] + " " + sector[2]];
      label2 = matches[0];
    }
    if (!matches.length) {
      return {kind: "sector", label: text.trim().toUpperCase(), wards: []};
    }
    var counts = {};
    matches.forEach(function (key) {
      var units = data.postcodes[key];
      for (var i = 2; i < units.length; i += width) {
        var index = parseInt(units.substr(i, width - 2), 36);
        counts[index] = (counts[index] || 0) + 1;
      }
    });
    var order = Object.keys(counts).sort(function (a, b) {
      return counts[b] - counts[a] || a - b;
    });
    return {kind: "sector", label: label2,
            wards: order.map(function (index) { return data.wards[index]; })};
  }

  // The wards whose name, former names or areas match the text, best first.
  function byName(data, text) {
    var typed = words(text);
    if (!typed.length) {
      return [];
    }
    var scored = [];
    data.wards.forEach(function (ward, index) {
      var best = score(typed, ward.name) * 3;
      ward.former.forEach(function (name) { best = Math.max(best, score(typed, name) * 2); });
      ward.areas.forEach(function (area) { best = Math.max(best, score(typed, area)); });
      if (best) {
        scored.push({ward: ward, score: best, index: index});
      }
    });
    scored.sort(function (a, b) { return b.score - a.score || a.index - b.index; });
    return scored.map(function (item) { return item.ward; });
  }

  var api = {byPostcode: byPostcode, byName: byName, words: words};
  if (typeof module !== "undefined" && module.exports) {
    module.exports = api;
  } else {
    root.wardFinder = api;
  }
})(this);
