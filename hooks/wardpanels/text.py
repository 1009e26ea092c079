"""Words made from data: the slugs in URLs, glossary anchors, and a meeting's place."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from .i18n import Language
from .model import Meeting


def slugify(name: str) -> str:
    """A ward's URL name: `St Katharine's & Wapping` → `st-katharines-and-wapping`, and
    `Café Quarter` → `cafe-quarter` (accents taken off the letters, not the letters)."""
    decomposed = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in decomposed if not unicodedata.combining(c))
    text = text.lower().replace("&", " and ")
    text = re.sub("['\u2018\u2019]", "", text)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def anchor_id(term: str) -> str:
    """A glossary entry's stable id: `PCSO` → `pcso`, `A&E` → `a-e`, `Met Engage` →
    `met-engage`. Letters, marks and digits of any script are kept (`দল` → `দল`), so terms in
    every language have ids of their own; a term with none gets one from its text."""
    kept = "".join(
        char if unicodedata.category(char)[0] in "LMN" else "-"
        for char in unicodedata.normalize("NFC", term.lower())
    )
    anchor = re.sub("-+", "-", kept).strip("-")
    if anchor.isascii():
        anchor = re.sub(r"[^a-z0-9-]+", "-", anchor).strip("-")
    return anchor or "term-" + hashlib.sha256(term.encode()).hexdigest()[:8]


def place(meeting: Meeting, language: Language) -> str:
    """Where a meeting is, in one line: `Roman Road Library, 1 Example Road, E3 2AA`."""
    if meeting.venue is None:
        return language._("Online")
    venue = meeting.venue
    where = ", ".join(part for part in (venue.name, venue.address, venue.postcode) if part)
    return language._("%(place)s, and online", place=where) if meeting.format == "hybrid" else where
