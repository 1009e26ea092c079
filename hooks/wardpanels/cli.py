"""`wardpanels`: check the data, render the site to files, and keep generated files current.

wardpanels validate              every ward, glossary, postcode and translation file
wardpanels render --out DIR      the whole site as plain files, for any generator
wardpanels new-ward "Bow East"   a starter ward file
wardpanels postcodes FILES...    the postcode table, from the national open data
wardpanels boundaries FILE       the ward boundaries, from an ONS GeoJSON file
wardpanels schema [--check]      the JSON Schemas editors' tools use
wardpanels catalogue [--check]   the interface text to translate
wardpanels changes --base REV    what a change to the data does, in plain words (Markdown)
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from . import boundaries_import, catalogue, postcodes_import, starter
from .build import BuildError, load
from .changes import compare
from .cms import MISSING_BUNDLE, script_files
from .errors import Problem, not_written
from .files import outside
from .i18n import Language
from .loading import YamlError, read_text
from .render import render_site
from .rendered_config import HEADER, rendered_config
from .report import Report
from .revisions import Revision, RevisionError, load_revision
from .schema import OPTIONAL_SCHEMAS, SCHEMAS, render_schema
from .settings import CONFIG_FILE, SettingsError, read_config
from .site import Site

DELEGATED = {"postcodes": postcodes_import.main, "boundaries": boundaries_import.main}


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    # Commands with their own options: handed everything after their name, as argparse's
    # REMAINDER would not take an option (`--council`) that comes first.
    if given and given[0] in DELEGATED:
        return DELEGATED[given[0]](given[1:])
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
    validate.add_argument(
        "--verbose", action="store_true", help="list every warning, not just each file's first"
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

    # Listed for the help; run before parsing, as its own options would not pass through.
    commands.add_parser("postcodes", help="write the postcode table from the national open data")

    boundary = commands.add_parser(
        "boundaries", help="write the ward boundaries from an ONS GeoJSON file", add_help=False
    )
    boundary.add_argument("arguments", nargs=argparse.REMAINDER)

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

    changes = commands.add_parser(
        "changes",
        help="say in plain words what a change to the data does, as Markdown for a reviewer",
    )
    changes.add_argument("--root", type=Path, default=Path("."), help=root_help)
    changes.add_argument(
        "--base", required=True, help="the revision to compare with: main, HEAD^1, a commit"
    )
    changes.add_argument(
        "--head",
        help="the revision that makes the change (default: the files as they are now, "
        "committed or not)",
    )
    changes.add_argument(
        "--pages", type=Path, help="also write the public paths of the pages that change here"
    )

    args = parser.parse_args(given)
    if args.command == "changes":
        return _changes(args.root, args.base, args.head, args.pages)
    if args.command == "validate":
        return _validate(args.root, args.format, strict=args.strict, verbose=args.verbose)
    if args.command == "render":
        return _render(args.root, args.out)
    if args.command == "new-ward":
        return starter.new_ward(args.root, args.name, args.slug)
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


def _validate(root: Path, style: str, *, strict: bool, verbose: bool) -> int:
    try:
        loaded = _load(root, history=False)
    except SettingsError as error:
        _report(error.problems, style)
        return 1
    except BuildError as error:
        _report(error.problems, style)
        print(error.summary, file=sys.stderr)
        return 1
    site = loaded.site
    report = Report.of(site)
    for line in report.github() if style == "github" else report.grouped(verbose=verbose):
        print(line)
    sys.stdout.flush()  # the lines above come first, also when the output is a pipe
    for language in site.languages[1:]:
        print(_coverage(site, language), file=sys.stderr)
    print(report.summary(strict=strict), file=sys.stderr)
    return 1 if strict and site.warnings else 0


def _coverage(site: Site, language: Language) -> str:
    """How much of the editors' text a language has, and which of its files are drafts."""
    translated, stale, wanted = site.coverage.get(language.code, (0, 0, 0))
    marked = site.drafts.get(language.code, frozenset())
    drafts = [record.ward.name for record in site.wards if record.slug in marked]
    drafts += ["the glossary"] if "" in marked else []
    return (
        f"{language.name} ({language.code}): {translated} of {wanted} texts translated"
        + (f", {stale} out of date" if stale else "")
        + (f"; drafts a fluent reader has yet to check: {', '.join(drafts)}" if drafts else "")
        + "."
    )


def _changes(root: Path, base: str, head: str | None, pages: Path | None) -> int:
    """Markdown on standard output; one line on standard error when a side cannot be read."""
    try:
        before_revision, after_revision = Revision.of(root, base), Revision.of(root, head)
        before = load_revision(root, before_revision)
        after = load_revision(root, after_revision)
    except RevisionError as error:
        print(f"wardpanels changes: {error}", file=sys.stderr)
        return 1
    found = compare(before, after)
    print(found.markdown(before_revision.markdown, after_revision.markdown), end="")
    if pages is not None:
        pages.parent.mkdir(parents=True, exist_ok=True)
        pages.write_text("".join(f"{page}\n" for page in found.pages), encoding="utf-8")
    return 0


def _report(problems: Iterable[Problem], style: str) -> None:
    for problem in problems:
        print(problem.github() if style == "github" else problem.plain())
    sys.stdout.flush()


def _render(root: Path, out: Path) -> int:
    """The site as plain files: `out/docs/` holds the hand-written and the generated pages
    and files, and `out/mkdocs.yml` builds them with the project's settings and no hooks."""
    try:
        config = _config(root)
        refusal = _render_refusal(root, out, config)
        if refusal:
            print(refusal, file=sys.stderr)
            return 1
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
    try:
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
        scripts = script_files(root)
        if not scripts:
            print(MISSING_BUNDLE, file=sys.stderr)
        for path, source in scripts:
            shutil.copyfile(source, docs / path)
        rendered = rendered_config(root, out, config, manifest)
        (out / CONFIG_FILE).write_text(rendered, encoding="utf-8")
    except OSError as error:
        print(not_written(out, error), file=sys.stderr)
        return 1
    print(
        f"Wrote {len(manifest.outputs)} files to {docs}. Build them with: "
        f"mkdocs build -f {out / CONFIG_FILE}",
        file=sys.stderr,
    )
    return 0


def _render_refusal(root: Path, out: Path, config: dict[str, Any]) -> str | None:
    """Why `render --out` may not write to `out`, if it may not: it replaces what is there,
    so it writes only to a new or empty folder, or one it wrote before, outside the pages
    it copies."""
    inside = [out, out / "docs", out / CONFIG_FILE]
    if any(path.is_symlink() for path in inside) or (out.exists() and not out.is_dir()):
        return f"{out} is not a folder, or holds links; give --out a new folder, like --out build"
    project, target = root.resolve(), out.resolve()
    if target == project or target in project.parents:
        return f"{out} holds the project itself; give --out a new folder, like --out build"
    pages = (root / str(config.get("docs_dir", "docs"))).resolve()
    if target == pages or pages in target.parents:
        return f"{out} is among the pages it would copy; give --out a new folder, like --out build"
    if not out.exists() or not any(out.iterdir()):
        return None
    try:
        written = read_text(out / CONFIG_FILE).startswith(HEADER)
    except YamlError:
        written = False
    if not written:
        return (
            f"{out} already holds files that 'wardpanels render' did not write; give --out "
            "a new or empty folder"
        )
    return None


def _schema(root: Path, *, check: bool) -> int:
    stale = []
    for relative, model in SCHEMAS.items():
        path = root / relative
        if outside(root, path):
            print(f"{relative} is outside the project folder; nothing was written", file=sys.stderr)
            return 1
        if relative in OPTIONAL_SCHEMAS and not path.parent.is_dir():
            continue  # a borough without an action plan needs no schema for one
        wanted = render_schema(model)
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == wanted:
            continue
        if check:
            stale.append(relative)
            continue
        try:
            path.write_text(wanted, encoding="utf-8")
        except OSError as error:
            print(not_written(relative, error), file=sys.stderr)
            return 1
        print(f"wrote {relative}", file=sys.stderr)
    for relative in stale:
        print(
            f"{relative} is out of date: run 'wardpanels schema' and commit the result",
            file=sys.stderr,
        )
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
