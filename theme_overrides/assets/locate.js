/*
 * "Use my location": which ward is this phone in? Loaded only when a resident presses the
 * button (wardpanels.js shows it and loads this file). It asks the browser for the
 * position, downloads the wards' outlines from this site (data/ward-boundaries.geojson)
 * and finds the ward here, in the browser: the position is never sent anywhere.
 *
 * The outlines are simplified, so near a boundary they can be wrong by tens of metres:
 * within MARGIN metres of one (or of the phone's own uncertainty, if larger) the answer
 * names every ward near and asks for the postcode. tests/js/locate_answers.cjs runs
 * `answer` in Node.js on every postcode point of the borough.
 */
(function (root) {
  "use strict";

  var MARGIN = 100;  // metres
  var TOO_ROUGH = 1000;  // metres: a position this uncertain cannot tell a ward
  var METRES_PER_DEGREE = 111320;

  // Longitude and latitude to metres on a plane touching the earth at the position:
  // exact enough for distances of a few hundred metres.
  function flat(lon0, lat0) {
    var scale = Math.cos(lat0 * Math.PI / 180);
    return function (point) {
      return [(point[0] - lon0) * METRES_PER_DEGREE * scale, (point[1] - lat0) * METRES_PER_DEGREE];
    };
  }

  function polygonsOf(geometry) {
    return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  }

  // Even-odd rule over a polygon's rings, the holes included.
  function inPolygon(x, y, rings) {
    var inside = false;
    rings.forEach(function (ring) {
      for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        var a = ring[i], b = ring[j];
        if ((a[1] > y) !== (b[1] > y) && x < a[0] + (y - a[1]) * (b[0] - a[0]) / (b[1] - a[1])) {
          inside = !inside;
        }
      }
    });
    return inside;
  }

  function segmentDistance(a, b) {  // from the origin (the position) to the segment a-b
    var dx = b[0] - a[0], dy = b[1] - a[1];
    var length = dx * dx + dy * dy;
    var t = length === 0 ? 0 : Math.max(0, Math.min(1, -(a[0] * dx + a[1] * dy) / length));
    return Math.hypot(a[0] + t * dx, a[1] + t * dy);
  }

  function edgeDistance(rings, toMetres) {
    var nearest = Infinity;
    rings.forEach(function (ring) {
      var points = ring.map(toMetres);
      for (var i = 1; i < points.length; i++) {
        nearest = Math.min(nearest, segmentDistance(points[i - 1], points[i]));
      }
    });
    return nearest;
  }

  // The answer for a position: {kind, wards}, wards being GeoJSON features' properties.
  // kind is "inside" (one ward, no boundary near), "near" (two or more wards within the
  // margin), "edge" (one ward, close to the edge of the borough), "outside" (no ward near)
  // or "rough" (the position is too uncertain to tell).
  function answer(data, lon, lat, accuracy) {
    if (accuracy > TOO_ROUGH) {
      return {kind: "rough", wards: []};
    }
    var margin = Math.max(MARGIN, accuracy || 0);
    var toMetres = flat(lon, lat);
    var containing = [], near = [];
    data.features.forEach(function (feature) {
      var polygons = polygonsOf(feature.geometry);
      var inside = polygons.some(function (rings) { return inPolygon(lon, lat, rings); });
      var distance = Math.min.apply(null, polygons.map(function (rings) { return edgeDistance(rings, toMetres); }));
      if (inside) {
        containing.push(feature.properties);
      }
      if (inside || distance <= margin) {
        near.push({ward: feature.properties, inside: inside, distance: distance});
      }
    });
    if (!near.length) {
      return {kind: "outside", wards: []};
    }
    near.sort(function (a, b) { return (b.inside - a.inside) || (a.distance - b.distance); });
    var wards = near.map(function (found) { return found.ward; });
    if (wards.length > 1) {
      return {kind: "near", wards: wards};
    }
    return {kind: near[0].inside && near[0].distance > margin ? "inside" : "edge", wards: wards};
  }

  /* On the page. */

  function say(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_, name) { return values[name]; });
  }

  function wardLink(box, ward) {
    var link = document.createElement("a");
    link.href = box.getAttribute("data-ward").replace("{slug}", ward.slug);
    link.textContent = ward.name;
    return link;
  }

  // A sentence with the ward's name as a link in it.
  function sentence(box, template, ward, messages) {
    var line = document.createElement("p");
    var parts = say(template, {ward: "\u0000", borough: messages.borough}).split("\u0000");
    line.appendChild(document.createTextNode(parts[0]));
    line.appendChild(wardLink(box, ward));
    line.appendChild(document.createTextNode(parts[1] || ""));
    return line;
  }

  function show(box, found, messages) {
    var out = box.querySelector(".wp-locate__answer");
    out.replaceChildren();
    if (found.kind === "inside" || found.kind === "edge") {
      out.appendChild(sentence(box, messages[found.kind], found.wards[0], messages));
      return;
    }
    var line = document.createElement("p");
    line.textContent = say(messages[found.kind], {borough: messages.borough, metres: found.metres});
    out.appendChild(line);
    if (found.kind === "near") {
      var list = document.createElement("ul");
      found.wards.forEach(function (ward) {
        var item = document.createElement("li");
        item.appendChild(wardLink(box, ward));
        list.appendChild(item);
      });
      out.appendChild(list);
    }
  }

  function start(box) {
    var messages = JSON.parse(box.getAttribute("data-messages"));
    var out = box.querySelector(".wp-locate__answer");
    out.textContent = messages.finding;
    var data = fetch(box.getAttribute("data-boundaries")).then(function (response) {
      if (!response.ok) {
        throw new Error(response.statusText);
      }
      return response.json();
    });
    data.catch(function () { /* said when the position is known */ });
    navigator.geolocation.getCurrentPosition(
      function (position) {
        var coords = position.coords;
        data.then(
          function (boundaries) {
            var found = answer(boundaries, coords.longitude, coords.latitude, coords.accuracy);
            // In the page's language and its digits: ১,২০০ on a Bengali page.
            found.metres = Math.round(coords.accuracy).toLocaleString(document.documentElement.lang || undefined);
            show(box, found, messages);
          },
          function () { out.textContent = messages.failed; }
        );
      },
      function (error) {
        out.textContent = error.code === 1 ? messages.denied : messages.unavailable;
      },
      {enableHighAccuracy: true, timeout: 20000, maximumAge: 60000}
    );
  }

  var api = {answer: answer, start: start};
  if (typeof module !== "undefined" && module.exports) {
    module.exports = api;
  } else {
    root.wardLocate = api;
  }
})(this);
