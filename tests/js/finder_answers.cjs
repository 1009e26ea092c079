// Runs the site's own finder (theme_overrides/assets/finder.js) in Node.js, as a
// resident's browser does: reads finder.json and a JSON list of queries on stdin, and
// prints, for each query, what kind of answer it gives and the wards' slugs, best first.
const { readFileSync } = require("node:fs");
const path = require("node:path");
const finder = require(path.join(__dirname, "..", "..", "theme_overrides", "assets", "finder.js"));

const data = JSON.parse(readFileSync(process.argv[2], "utf8"));
const queries = JSON.parse(readFileSync(0, "utf8"));
const answers = queries.map((query) => {
  const found = finder.byPostcode(data, query);
  if (found) {
    const answer = { kind: found.kind, label: found.label, wards: found.wards.map((w) => w.slug) };
    return found.sector ? { ...answer, sector: found.sector } : answer;
  }
  return { kind: "name", wards: finder.byName(data, query).map((w) => w.slug) };
});
process.stdout.write(JSON.stringify(answers));
