"""`wardpanels`: check the data, render the site to files, and keep generated files current.

wardpanels validate              every ward, glossary, postcode and translation file
wardpanels render --out DIR      the whole site as plain files, for any generator
wardpanels new-ward "Bow East"   a starter ward file
wardpanels postcodes FILES...    the postcode table, from the national open data
wardpanels schema [--check]      the JSON Schemas editors' tools use
wardpanels catalogue [--check]   the interface text to translate
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml

from . import catalogue, postcodes, starter
from .build import BuildError, load
from .errors import Problem
from .outputs import menu_without
from .render import render_site
from .schema import SCHEMAS, render_schema
from .settings import CONFIG_FILE, SettingsError, read_config
from .theme import THEME_KEY


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="wardpanels", description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    root_help = "the project folder, with mkdocs.yml (default: this folder)"

    validate = commands.add_parser("validate", help="check every data file")
    validate.add_argument("--root", type=Path, default=Path("."), help=root_help)
    validate.add_argument(
        "--format",
        choices=("plain", "github"),
        default="plain",
        help="'github' marks each problem on its line in a pull request",
    )
    validate.add_argument(
        "--strict",
        action="store_true",
        help="fail on warnings too (where a panel misses a minimum standard)",
    )

    render = commands.add_parser(
        "render", help="write the site as files that a generator builds with no hooks"
    )
    render.add_argument("--root", type=Path, default=Path("."), help=root_help)
    render.add_argument("--out", type=Path, required=True, help="the folder to write")

    new_ward = commands.add_parser("new-ward", help="write a starter file for a new ward")
    new_ward.add_argument("name", help='the ward\'s name, in quotes: "Bow East"')
    new_ward.add_argument(
        "--slug", help="its web address name, when the name has no Latin letters: bow-east"
    )
    new_ward.add_argument("--root", type=Path, default=Path("."), help=root_help)

    postcode = commands.add_parser(
        "postcodes",
        help="write the postcode table from the national open data",
        add_help=False,
    )
    postcode.add_argument("arguments", nargs=argparse.REMAINDER)

    schema = commands.add_parser("schema", help="write the JSON Schemas editors' tools use")
    schema.add_argument("--root", type=Path, default=Path("."), help=root_help)
    schema.add_argument(
        "--check", action="store_true", help="fail if a committed schema is out of date"
    )

    messages = commands.add_parser(
        "catalogue", help="update the interface text to translate, and each language's file"
    )
    messages.add_argument("--root", type=Path, default=Path("."), help=root_help)
    messages.add_argument(
        "--check", action="store_true", help="fail if a committed catalogue is out of date"
    )

    args = parser.parse_args(argv)
    if args.command == "validate":
        return _validate(args.root, args.format, strict=args.strict)
    if args.command == "render":
        return _render(args.root, args.out)
    if args.command == "new-ward":
        return starter.new_ward(args.root, args.name, args.slug)
    if args.command == "postcodes":
        return postcodes.main(args.arguments)
    if args.command == "catalogue":
        return catalogue.main(args.root, check=args.check)
    return _schema(args.root, check=args.check)


def _config(root: Path) -> dict[str, Any]:
    return read_config(root / CONFIG_FILE)


def _load(root: Path, *, history: bool) -> Any:
    config = _config(root)
    extra = config.get("extra") or {}
    return load(
        root,
        config.get("site_name"),
        config.get("site_url"),
        extra.get("wardpanels"),
        pages=str(config.get("docs_dir", "docs")),
        history=history,
    )


def _validate(root: Path, style: str, *, strict: bool) -> int:
    try:
        loaded = _load(root, history=False)
    except SettingsError as error:
        _report(error.problems, style)
        return 1
    except BuildError as error:
        _report(error.problems, style)
        print(
            error.summary.replace("Nothing was built.", "Fix them and run this again."),
            file=sys.stderr,
        )
        return 1
    site = loaded.site
    _report(site.warnings, style)
    for language in site.languages[1:]:
        translated, stale, wanted = site.coverage.get(language.code, (0, 0, 0))
        print(
            f"{language.name} ({language.code}): {translated} of {wanted} texts translated"
            + (f", {stale} out of date" if stale else "")
            + (", marked as a draft" if language.code in site.drafts.get(language.code, ()) else "")
            + ".",
            file=sys.stderr,
        )
    plan = ", the scrutiny action plan" if site.plan else ""
    checked = f"{len(site.wards)} wards{plan} and {len(site.glossary)} glossary terms checked"
    if site.warnings:
        verdict = "failing because of --strict" if strict else "the site can still be built"
        count = len(site.warnings)
        print(
            f"No errors; {count} {'warning' if count == 1 else 'warnings'} ({verdict}). {checked}.",
            file=sys.stderr,
        )
        return 1 if strict else 0
    print(f"All good: {checked}.", file=sys.stderr)
    return 0


def _report(problems: Iterable[Problem], style: str) -> None:
    for problem in problems:
        print(problem.github() if style == "github" else problem.plain())


def _render(root: Path, out: Path) -> int:
    """The site as plain files: `out/docs/` holds the hand-written and the generated pages
    and files, and `out/mkdocs.yml` builds them with the project's settings and no hooks."""
    try:
        config = _config(root)
        loaded = _load(root, history=True)
    except SettingsError as error:
        _report(error.problems, "plain")
        return 1
    except BuildError as error:
        _report(error.problems, "plain")
        print(error.summary, file=sys.stderr)
        return 1
    manifest = render_site(loaded.site, loaded.settings)
    docs = out / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    shutil.copytree(root / str(config.get("docs_dir", "docs")), docs)
    for item in manifest:
        target = docs / item.path
        if target.exists():
            print(
                f"{item.path} is written by the build; remove the hand-written file",
                file=sys.stderr,
            )
            return 1
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(item.content, bytes):
            target.write_bytes(item.content)
        else:
            target.write_text(item.content, encoding="utf-8")
    child = _plain_config(root, out, config, manifest)
    (out / CONFIG_FILE).write_text(child, encoding="utf-8")
    print(
        f"Wrote {len(manifest.outputs)} files to {docs}. Build them with: "
        f"mkdocs build -f {out / CONFIG_FILE}",
        file=sys.stderr,
    )
    return 0


def _plain_config(root: Path, out: Path, config: dict[str, Any], manifest: Any) -> str:
    """A configuration that inherits the project's and builds the rendered files alone."""
    relative = os.path.relpath(root.resolve(), out.resolve())
    theme = dict(config.get("theme") or {})
    overrides = {}
    if theme.get("custom_dir"):
        overrides["custom_dir"] = os.path.join(relative, str(theme["custom_dir"]))
    extensions = list(config.get("markdown_extensions") or [])
    extensions.append(
        {
            "wardpanels.abbreviations": {
                "titles": _plain(manifest.abbreviations),
                "words": _plain(manifest.words),
            }
        }
    )
    hidden = [f"/{folder}" for folder in manifest.language_folders] + sorted(
        f"/{item.path}"
        for item in manifest.pages()
        if not item.in_nav and not item.path.startswith(manifest.language_folders)
    )
    child = {
        "INHERIT": os.path.join(relative, CONFIG_FILE),
        "docs_dir": "docs",
        "hooks": [],
        "watch": [],
        "theme": overrides,
        "markdown_extensions": extensions,
        "extra": {THEME_KEY: _plain(manifest.theme)},
        "not_in_nav": "\n".join(hidden) + "\n",
    }
    if config.get("nav") is not None and manifest.absent:
        child["nav"] = menu_without(config["nav"], manifest.absent)
    head = "# Written by `wardpanels render`: the rendered site, built with no hooks.\n"
    return head + yaml.safe_dump(child, allow_unicode=True, sort_keys=False, width=1000)


def _plain(value: Any) -> Any:
    """Plain data YAML can write: mappings, lists and text."""
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value if not isinstance(value, str) else str(value)
    return str(value)


def _schema(root: Path, *, check: bool) -> int:
    stale = []
    for relative, model in SCHEMAS.items():
        path = root / relative
        wanted = render_schema(model)
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == wanted:
            continue
        if check:
            stale.append(relative)
        else:
            path.write_text(wanted, encoding="utf-8")
            print(f"wrote {relative}", file=sys.stderr)
    for relative in stale:
        print(
            f"{relative} is out of date: run 'wardpanels schema' and commit the result",
            file=sys.stderr,
        )
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
