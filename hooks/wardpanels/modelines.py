"""The first line editors' tools read, `# yaml-language-server: $schema=ward.schema.json`:
it must lead from the data file to the JSON Schema of its kind, or the tools check nothing.

A file without the line is fine (the tools then check nothing); a line that leads nowhere,
or to another kind's schema, is a warning that says what to write instead.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from pydantic import BaseModel

from .errors import Problem, Severity

# A data file, its name in messages, and the model of what it holds.
DataFile = tuple[Path, str, type[BaseModel]]

MODELINE = re.compile(r"#\s*yaml-language-server:\s*\$schema=(\S+)")


def modeline_for(path: Path, schema: Path) -> str:
    """The line a data file at `path` starts with to name `schema`."""
    relative = Path(os.path.relpath(schema.absolute(), path.absolute().parent)).as_posix()
    return f"# yaml-language-server: $schema={relative}"


def modeline_problem(path: Path, display: str, schema: Path) -> Problem | None:
    """A warning when the file's `$schema` line does not lead to `schema`."""
    try:
        with path.open(encoding="utf-8") as handle:
            first = handle.readline()
    except (OSError, UnicodeDecodeError):
        return None  # the gate has said why already
    found = MODELINE.match(first)
    if found is None:
        return None
    named = found.group(1)
    target = path.absolute().parent / named
    if target.exists() and target.resolve() == schema.resolve():
        return None
    why = "which is not there" if not target.exists() else "which is not the schema for this file"
    return Problem(
        display,
        1,
        1,
        "",
        f"the $schema line names {named}, {why}, so editors' tools cannot check this file; "
        f"make the first line: {modeline_for(path, schema)}",
        Severity.WARNING,
    )
