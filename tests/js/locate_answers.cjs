// Runs the site's own "Use my location" (theme_overrides/assets/locate.js) in Node.js, as a
// resident's browser does: reads ward-boundaries.geojson and a JSON list of positions
// [longitude, latitude, accuracy in metres] on stdin, and prints, for each, the kind of
// answer and the codes of the wards it names.
const { readFileSync } = require("node:fs");
const path = require("node:path");
const locate = require(path.join(__dirname, "..", "..", "theme_overrides", "assets", "locate.js"));

const data = JSON.parse(readFileSync(process.argv[2], "utf8"));
const positions = JSON.parse(readFileSync(0, "utf8"));
const answers = positions.map(([lon, lat, accuracy]) => {
  const found = locate.answer(data, lon, lat, accuracy);
  return { kind: found.kind, wards: found.wards.map((ward) => ward.code) };
});
process.stdout.write(JSON.stringify(answers));
