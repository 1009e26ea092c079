"""`wardpanels`: check the data, and keep the published JSON Schemas up to date."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from .clock import ClockError, build_time
from .errors import DataError, Problem
from .schema import SCHEMAS, render_schema
from .site import Sources, load_site
from .starter import starter_ward
from .text import slugify


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="wardpanels", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="check every ward and glossary file")
    validate.add_argument(
        "--root", type=Path, default=Path("."), help="the project folder (default: this folder)"
    )
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

    schema = commands.add_parser("schema", help="write the JSON Schemas editors' tools use")
    schema.add_argument("--root", type=Path, default=Path("."))
    schema.add_argument(
        "--check",
        action="store_true",
        help="fail if a committed schema is out of date, instead of writing",
    )

    new_ward = commands.add_parser("new-ward", help="write a starter file for a new ward")
    new_ward.add_argument("name", help='the ward\'s name, in quotes: "Bow East"')
    new_ward.add_argument("--root", type=Path, default=Path("."))

    args = parser.parse_args(argv)
    if args.command == "validate":
        return _validate(args.root, args.format, strict=args.strict)
    if args.command == "new-ward":
        return _new_ward(args.root, args.name)
    return _schema(args.root, check=args.check)


def _validate(root: Path, style: str, *, strict: bool) -> int:
    sources = Sources(root=root, wards=root / "wards", glossary=root / "glossary")
    try:
        site = load_site(sources, build_time(), read_history=False)
    except DataError as error:
        _report(error.problems, style)
        print(
            f"{_count(error.problems, 'problem')} found: fix them and run this again.",
            file=sys.stderr,
        )
        return 1
    except ClockError as error:
        print(error, file=sys.stderr)
        return 1
    _report(site.warnings, style)
    checked = f"{len(site.wards)} wards and {len(site.glossary)} glossary terms checked"
    if site.warnings:
        verdict = "failing because of --strict" if strict else "the site can still be built"
        print(
            f"No errors; {_count(site.warnings, 'warning')} ({verdict}). {checked}.",
            file=sys.stderr,
        )
        return 1 if strict else 0
    print(f"All good: {checked}.", file=sys.stderr)
    return 0


def _report(problems: Iterable[Problem], style: str) -> None:
    for problem in problems:
        print(problem.github() if style == "github" else problem.plain())


def _count(items: Sequence[object], noun: str) -> str:
    return f"{len(items)} {noun}{'' if len(items) == 1 else 's'}"


def _new_ward(root: Path, name: str) -> int:
    if not slugify(name):
        print(
            'Give the ward\'s name, with letters in it: wardpanels new-ward "Bow East"',
            file=sys.stderr,
        )
        return 1
    filename, text = starter_ward(name.strip())
    path = root / "wards" / filename
    if path.exists():
        print(f"wards/{filename} already exists; edit it instead", file=sys.stderr)
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(
        f"Wrote wards/{filename}. Fill in the panel's contact details, then add meetings "
        "and priorities. Check it with: wardpanels validate",
        file=sys.stderr,
    )
    return 0


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
