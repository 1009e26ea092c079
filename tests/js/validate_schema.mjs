// Validates YAML files against a JSON Schema as editors' tools do: the schema compiled by
// Ajv (draft 2020-12, with formats), each file read as YAML 1.2 by the `yaml` package.
// Prints one JSON line: {"compiled": true|false, "error": "...", "invalid": {file: [errors]}}.
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import YAML from "yaml";

const [schemaPath, ...files] = process.argv.slice(2);
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
let validate;
try {
  validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));
} catch (error) {
  console.log(JSON.stringify({ compiled: false, error: String(error.message) }));
  process.exit(0);
}
const invalid = {};
for (const file of files) {
  const data = YAML.parse(readFileSync(file, "utf8"), { version: "1.2", schema: "core" });
  if (!validate(data)) {
    invalid[file] = validate.errors.map((e) => `${e.instancePath} ${e.message}`);
  }
}
console.log(JSON.stringify({ compiled: true, invalid }));
