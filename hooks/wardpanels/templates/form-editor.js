// The form editor's one addition to Decap CMS: it fills in a new translation's "Translated
// from", the fingerprint of the English it translates. The build writes every fingerprint
// into the file this script's data-fingerprints names; Decap itself gives a field its
// default only in a new file, and most translations are added to a file that exists.
(function () {
  "use strict";
  var fingerprints = {};
  fetch(document.currentScript.dataset.fingerprints)
    .then(function (response) { return response.json(); })
    .then(function (found) { fingerprints = found; });

  window.CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var entry = event.entry;
      var files = fingerprints[entry.get("collection")] || {};
      var data = entry.get("data");
      (files[entry.get("slug")] || []).forEach(function (text) {
        var path = text[0];
        if (data.getIn(path.concat("text")) && !data.getIn(path.concat("from"))) {
          data = data.setIn(path.concat("from"), text[1]);
        }
      });
      return data;
    },
  });
})();
