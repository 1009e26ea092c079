"""A starter ward file that validates as it is, with comments saying what to fill in."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from .errors import not_written
from .files import MAX_SLUG, SUFFIX, WINDOWS_DEVICES, outside
from .loading import piled, unseen
from .model import SLUG_PATTERN, Text
from .routes import RESERVED_SLUGS
from .settings import CONFIG_FILE, SettingsError, read_settings
from .text import slugify

MAX_NAME = 100
_NAME: TypeAdapter[str] = TypeAdapter(Text)

STARTER = """\
# yaml-language-server: $schema=ward.schema.json
# A new ward. Fill in what you know; the editors' guide explains every field.
name: {name}
# gss_code: E05000000   # the ward's ONS code, if you know it
summary: >
  One or two sentences about the ward: its neighbourhoods, estates and landmarks.
areas: []   # streets, estates and landmarks residents name, so the finder finds the ward

panel:
  contact:
    email: {slug}.wardpanel@example.org   # change to the panel's real address
  join: >
    Anyone who lives or works in the ward can come to a meeting. To join the
    panel, email the secretary.
  roles:
    - role: chair
      vacant: true
    - role: vice-chair
      vacant: true

team:
  officers: []   # the police team by role: inspector, sergeant, dwo, pcso

priorities: []
feedback: []
meetings: []
"""


def starter_ward(name: str, slug: str) -> str:
    """The text of a new ward file called `name`."""
    return STARTER.format(name=json.dumps(name, ensure_ascii=False), slug=slug)


def _refusal(name: str, slug: str | None) -> str | None:
    """Why a ward with this name (and slug) cannot be written, in plain words."""
    if not name or not name.isprintable() or unseen(name) or piled(name):
        return "Give the ward's name on one line, with no special characters."
    if len(name) > MAX_NAME:
        return f"The name is {len(name)} characters long; keep it to {MAX_NAME} or fewer."
    try:  # the rules of the name field, so the file written validates
        _NAME.validate_python(name)
    except ValidationError as error:
        message = error.errors()[0]["msg"]
        return f"The name {message}." if message.startswith("'") else f"The name: {message}."
    chosen = slug if slug is not None else slugify(name)
    if not chosen:
        return (
            "The web address is made from the name's Latin letters, and this name has none. "
            'Give one with --slug, for example: wardpanels new-ward "নাম" --slug bow-east'
        )
    if not re.match(SLUG_PATTERN, chosen):
        return "--slug may hold only lower-case letters, numbers and single hyphens, like bow-east."
    if len(chosen) > MAX_SLUG:
        return f"The web address would be {len(chosen)} characters long; give a shorter --slug."
    if chosen in RESERVED_SLUGS:
        return f"The site uses '{chosen}' for a page of its own; give another --slug."
    if chosen in WINDOWS_DEVICES:
        return f"Windows keeps the name '{chosen}' for a device; give another --slug."
    return None


def new_ward(root: Path, name: str, slug: str | None) -> int:
    """Write `wards/<slug>.yml` for a new ward, or say plainly why not."""
    name = name.strip()
    refusal = _refusal(name, slug)
    if refusal:
        print(refusal, file=sys.stderr)
        return 1
    if not (root / CONFIG_FILE).is_file():
        print(
            f"{root} is not a ward panels project (it has no {CONFIG_FILE}); give --root the "
            "project's folder",
            file=sys.stderr,
        )
        return 1
    chosen = slug or slugify(name)
    try:
        folder = root / read_settings(root / CONFIG_FILE).wards
    except SettingsError:
        folder = root / "wards"
    path = folder / f"{chosen}{SUFFIX}"
    if outside(root, path):
        print(f"{path} is outside the project folder; nothing was written", file=sys.stderr)
        return 1
    if path.exists() or path.is_symlink():
        print(f"{path.relative_to(root)} already exists; edit it instead", file=sys.stderr)
        return 1
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text(starter_ward(name, chosen), encoding="utf-8")
    except OSError as error:
        print(not_written(path.relative_to(root), error), file=sys.stderr)
        return 1
    print(
        f"Wrote {path.relative_to(root)}. Fill in the panel's contact details, then add meetings "
        "and priorities. Check it with: wardpanels validate",
        file=sys.stderr,
    )
    return 0
