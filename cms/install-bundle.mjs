// The form editor's script for /admin/: Decap CMS's ready-built bundle, taken from its
// package at the version and checksum package-lock.json pins, and unpacked where `npm ci`
// would put it (node_modules/decap-cms/). The Makefile's `npm ci --omit=optional` leaves
// Decap out, as package.json lists it among the optional packages: installed whole it
// brings the 550 packages it is built from (390 MB, 17 s of a clean `make test`), and the
// site serves none of them. Run by `make cms`.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const lock = JSON.parse(readFileSync(join(here, "package-lock.json"), "utf8"));
const { version, integrity } = lock.packages["node_modules/decap-cms"];

function install(scratch) {
  const [packed] = JSON.parse(
    execFileSync(
      "npm",
      ["pack", "--json", "--prefer-offline", "--pack-destination", scratch, `decap-cms@${version}`],
      { encoding: "utf8" },
    ),
  );
  const tarball = join(scratch, packed.filename);
  const found = `sha512-${createHash("sha512").update(readFileSync(tarball)).digest("base64")}`;
  if (found !== integrity) {
    console.error(`decap-cms ${version} does not have the checksum cms/package-lock.json pins`);
    return 1;
  }
  const target = join(here, "node_modules", "decap-cms");
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  execFileSync("tar", ["-xzf", tarball, "-C", target, "--strip-components=1"]);
  return 0;
}

const scratch = mkdtempSync(join(tmpdir(), "decap-cms-"));
try {
  process.exitCode = install(scratch);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
