"""A hostile pull request cannot put script on the public site.

tests/fixtures/payload/ holds a ward and a glossary term whose every text field carries a
payload: script and iframe tags, event handlers, javascript: and data: links, remote
images, template syntax and table-breaking pipes. The whole site is built with it, and
every page is scanned.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import icalendar
import pytest

from .conftest import mkdocs_build

PAYLOAD = Path(__file__).resolve().parent / "fixtures" / "payload"
FORBIDDEN_TAGS = {"iframe", "object", "embed", "style", "base", "frame", "applet"}
SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:", "webcal:")


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.faults: list[str] = []
        self.in_script = False
        self.script_is_data = False
        self.tables: list[list[int]] = []
        self.text: list[str] = []
        self.in_head = False  # the site's own styles go there (the embedded card's)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "head":
            self.in_head = True
        if tag in FORBIDDEN_TAGS and not (tag == "style" and self.in_head):
            self.faults.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.faults.append(f"{tag} has an {name} handler")
            if name in ("href", "src", "action", "formaction") and value:
                scheme = re.match(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):", value)
                if scheme and not value.strip().lower().startswith(SAFE_SCHEMES):
                    self.faults.append(f"{tag} {name}={value[:40]}")
        if tag == "img" and re.match(r"^(https?:)?//", attributes.get("src") or ""):
            self.faults.append(f"remote image {attributes['src']}")
        if tag == "script":
            self.in_script = True
            self.script_is_data = attributes.get("type") == "application/ld+json"
            if re.match(r"^(https?:)?//", attributes.get("src") or ""):
                self.faults.append(f"remote script {attributes['src']}")
        if tag == "tr":
            self.tables[-1].append(0) if self.tables else None
        if tag in ("td", "th") and self.tables and self.tables[-1]:
            self.tables[-1][-1] += 1
        if tag == "table":
            self.tables.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.in_head = False
        if tag == "script":
            self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script and self.script_is_data:
            if "<" in data:  # structured data that could close its script element
                self.faults.append("raw < in structured data")
        elif self.in_script and "alert" in data:
            self.faults.append("inline script with the payload")
        elif not self.in_script:
            self.text.append(data)


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("payload") / "site"
    result = mkdocs_build(
        site, WARDPANELS_WARDS=str(PAYLOAD / "wards"), WARDPANELS_GLOSSARY=str(PAYLOAD / "glossary")
    )
    assert result.returncode == 0, result.stderr
    return site


def scan(page: Path) -> _Scanner:
    scanner = _Scanner()
    scanner.feed(page.read_text(encoding="utf-8"))
    return scanner


@pytest.mark.build
def test_no_page_carries_script_handlers_or_unsafe_links(payload_site: Path):
    pages = sorted(payload_site.rglob("*.html"))
    assert len(pages) > 5
    for page in pages:
        assert scan(page).faults == [], page.relative_to(payload_site)


@pytest.mark.build
def test_payloads_show_as_the_words_that_were_typed(payload_site: Path):
    ward = " ".join(scan(payload_site / "wards" / "payload-ward" / "index.html").text)
    assert "<script>alert('summary')</script>" in ward
    assert "{{ 7*7 }}" in ward and "{% if true %}TEMPLATE{% endif %}" in ward
    assert "<img src=x onerror=alert('img')>" in ward
    glossary = " ".join(scan(payload_site / "glossary" / "index.html").text)
    assert "<script>alert('meaning')</script>" in glossary


@pytest.mark.build
def test_pipes_never_break_a_table(payload_site: Path):
    scanner = scan(payload_site / "standards" / "index.html")
    assert scanner.tables
    for rows in scanner.tables:
        assert len(set(rows)) == 1, rows  # every row has as many cells as the header


@pytest.mark.build
def test_feeds_carry_the_payload_only_as_plain_text(payload_site: Path):
    calendar = icalendar.Calendar.from_ical(
        (payload_site / "calendars" / "payload-ward.ics").read_bytes()
    )
    assert [c.name for c in calendar.walk()] == [
        "VCALENDAR",
        "VTIMEZONE",
        "DAYLIGHT",
        "STANDARD",
        "VEVENT",
    ]
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == (
        "Payload <script>alert('name')</script></title><script>alert('breakout')</script> "
        "\" onmouseover=\"alert('quote') Ward ward panel meeting"
    )
