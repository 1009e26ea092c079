// The form editor's own few lines on top of Decap CMS, run as each file is saved. The
// build writes what they need into the file this script's data-forms names.
//
// - Keys in the model's order: Decap keeps the order only of a file's top level, and
//   shuffles an object of more than eight fields (a meeting), or puts a new item's
//   defaults first.
// - A new translation's "Translated from": Decap gives a field its default only in a new
//   file, and most translations are added to a file that exists.
(function () {
  "use strict";
  var forms = {};
  fetch(document.currentScript.dataset.forms)
    .then(function (response) { return response.json(); })
    .then(function (found) { forms = found; });

  function isList(value) {
    return typeof value.push === "function";
  }

  // The same value with each object's keys in the order of `order`, any others after.
  function ordered(value, order) {
    if (!order || !value || typeof value.toOrderedMap !== "function") {
      return value;
    }
    if (isList(value)) {
      return value.map(function (item) { return ordered(item, order); });
    }
    var result = value.toOrderedMap().clear();
    Object.keys(order).forEach(function (key) {
      if (value.has(key)) {
        result = result.set(key, ordered(value.get(key), order[key]));
      }
    });
    value.forEach(function (item, key) {
      if (!result.has(key)) {
        result = result.set(key, item);
      }
    });
    return result;
  }

  window.CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var entry = event.entry;
      var collection = forms[entry.get("collection")] || {};
      var form = collection[entry.get("slug")] || collection[""];
      var data = entry.get("data");
      if (!form) {
        return data;
      }
      form.fingerprints.forEach(function (text) {
        var path = text[0];
        if (data.getIn(path.concat("text")) && !data.getIn(path.concat("from"))) {
          data = data.setIn(path.concat("from"), text[1]);
        }
      });
      return ordered(data, form.order);
    },
  });
})();
