/*
 * Which ward am I in? The finder's matching, on its own so that the tests can run it in
 * Node.js exactly as a resident's browser does.
 *
 * `data` is the site's data/finder.json: each ward's slug, name, names in other languages,
 * former names and areas (with their translations), and the borough's postcodes by sector
 * ("E3 2": "AA5AB5..."; each postcode is its two unit letters and its ward's index in base
 * 36, in `digits` characters).
 */
(function (root) {
  "use strict";

  var OUTWARD = "([A-Z]{1,2}[0-9][A-Z0-9]?)";
  var FULL = new RegExp("^" + OUTWARD + "([0-9])([A-Z]{2})$");
  var DISTRICT = new RegExp("^" + OUTWARD + "$");
  var SECTOR = new RegExp("^" + OUTWARD + "([0-9])$");
  // Words written short on signs and letters, read the same as written out ("St" is a
  // street or a saint, so both are read as "st").
  var SHORT = {street: "st", saint: "st", rd: "road", ave: "avenue", sq: "square",
               est: "estate", ln: "lane", gdns: "gardens"};
  // Words that say nothing about where: "Isle of Dogs" is found by "isle dogs".
  var FILLER = {of: 1, the: 1, and: 1, in: 1, near: 1, by: 1, ward: 1};

  // Full-width and Bengali digits and letters as the ASCII a postcode is written in.
  function ascii(text) {
    return text.normalize("NFKC").replace(/[\u09e6-\u09ef]/g, function (digit) {
      return String.fromCharCode(digit.charCodeAt(0) - 0x09b6);
    });
  }

  // Words as residents type them: any case, any digits, no apostrophes, & as "and", short
  // forms as one ("Rd" is "Road"); with `main`, without what is in brackets.
  function words(text, main) {
    if (main) {
      text = text.replace(/\([^)]*\)/g, " ");
    }
    return ascii(text)
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f\u200c\u200d]/g, "")
      .replace(/['\u2018\u2019`]/g, "")
      .replace(/&/g, " and ")
      .split(/[^a-z0-9\u0980-\u09ff]+/)
      .filter(function (word) { return word && !FILLER[word]; })
      .map(function (word) { return SHORT[word] || word; });
  }

  // Whether two words differ by at most one letter (five letters or more) or two (eight or
  // more): a letter left out, added, changed, or two swapped.
  function near(typed, word) {
    var most = Math.min(typed.length, word.length) >= 8 ? 2 : 1;
    if (typed.length < 5 || word.length < 5 || Math.abs(typed.length - word.length) > most) {
      return false;
    }
    var before = [], row = [];
    for (var j = 0; j <= word.length; j += 1) { row.push(j); }
    for (var i = 1; i <= typed.length; i += 1) {
      var next = [i];
      for (j = 1; j <= word.length; j += 1) {
        var cost = typed[i - 1] === word[j - 1] ? 0 : 1;
        next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + cost);
        if (i > 1 && j > 1 && typed[i - 1] === word[j - 2] && typed[i - 2] === word[j - 1]) {
          next[j] = Math.min(next[j], before[j - 2] + 1);
        }
      }
      before = row;
      row = next;
    }
    return row[word.length] <= most;
  }

  // How well a typed word matches a word of a place: 3 the same, 2 its start, 1 a typo.
  function match(typed, word) {
    return typed === word ? 3 : word.indexOf(typed) === 0 ? 2 : near(typed, word) ? 1 : 0;
  }

  // How well a place matches what was typed: every typed word is in the place ("chrisp
  // st"), or the place's every word was typed ("Mile End Road" for Mile End). 0: no match.
  function score(typed, place) {
    var theirs = words(place);
    var main = words(place, true);
    var total = 0, found = 0;
    typed.forEach(function (word) {
      var best = 0;
      theirs.forEach(function (their) { best = Math.max(best, match(word, their)); });
      total += best;
      found += best ? 1 : 0;
    });
    if (found === typed.length) {
      return total + (typed.length === theirs.length ? 1 : 0);
    }
    var within = main.length && main.every(function (their) {
      return typed.some(function (word) { return word === their || near(word, their); });
    });
    return within ? total : 0;
  }

  function unitWidth(data) {
    return 2 + (data.digits || 1);
  }

  // The wards of sectors' postcodes, most postcodes first.
  function wardsOf(data, keys) {
    var width = unitWidth(data);
    var counts = {};
    keys.forEach(function (key) {
      var units = data.postcodes[key];
      for (var i = 2; i < units.length; i += width) {
        var index = parseInt(units.substr(i, width - 2), 36);
        counts[index] = (counts[index] || 0) + 1;
      }
    });
    return Object.keys(counts).sort(function (a, b) {
      return counts[b] - counts[a] || a - b;
    }).map(function (index) { return data.wards[index]; });
  }

  // The wards a postcode, a sector ("E3 2") or a district ("E3") is in; null when the text
  // is not shaped like any of them. A postcode the table lacks answers with its sector's
  // wards (`sector`), when the borough has that sector.
  function byPostcode(data, text) {
    var width = unitWidth(data);
    var compact = ascii(text).toUpperCase().replace(/\s+/g, "");
    var full = FULL.exec(compact);
    if (full) {
      var label = full[1] + " " + full[2] + full[3];
      var key = full[1] + " " + full[2];
      var units = data.postcodes[key];
      for (var i = 0; units && i < units.length; i += width) {
        if (units.substr(i, 2) === full[3]) {
          return {kind: "postcode", label: label,
                  wards: [data.wards[parseInt(units.substr(i + 2, width - 2), 36)]]};
        }
      }
      return units ? {kind: "postcode", label: label, sector: key, wards: wardsOf(data, [key])}
        : {kind: "postcode", label: label, wards: []};
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
    var found = district ? district[1] : "";
    if (!matches.length && sector && data.postcodes[sector[1] + " " + sector[2]] !== undefined) {
      found = sector[1] + " " + sector[2];
      matches = [found];
    }
    return {kind: "sector", label: matches.length ? found : compact, wards: wardsOf(data, matches)};
  }

  // The wards whose names (in any language), former names or areas match the text, best
  // first.
  function byName(data, text) {
    var typed = words(text);
    if (!typed.length) {
      return [];
    }
    var scored = [];
    data.wards.forEach(function (ward, index) {
      var best = score(typed, ward.name) * 3;
      Object.keys(ward.names || {}).forEach(function (code) {
        best = Math.max(best, score(typed, ward.names[code]) * 3);
      });
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
