"""The glossary: complete, plain, searchable, and explaining acronyms wherever they appear."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from wardpanels.abbreviations import GlossaryAbbreviations
from wardpanels.i18n import ENGLISH_LANGUAGE
from wardpanels.pages import render_pages
from wardpanels.site import Sources, load_site
from wardpanels.text import anchor_id

from .conftest import GOLDEN_SETTINGS, MINIMAL_WARD, NOW, Borough
from .test_validation import only_problem

REQUIRED = [
    "MOPAC",
    "SNB",
    "SNT",
    "DWO",
    "PCSO",
    "ASB",
    "OWL",
    "KIN",
    "CPEG",
    "BCU",
    "MPS",
    "MPA",
    "LBTH",
    "RSL",
    "PCP",
    "PSED",
    "ISSU",
    "OSC",
    "VAWG",
    "PSPO",
    "CSP",
    "101",
    "999",
    "Met Engage",
    "Ward panel",
    "Ward priority",
    "Safer Neighbourhood Board",
    "Virtual ward panel",
    "SMART",
]


@pytest.fixture(scope="module")
def glossary(borough: Borough):
    return load_site(borough.sources(), GOLDEN_SETTINGS, NOW, read_history=False).glossary


def test_the_glossary_has_every_term_residents_asked_about(glossary):
    terms = {term.term.lower() for term in glossary}
    assert len(glossary) >= 40
    assert [t for t in REQUIRED if t.lower() not in terms] == []


def test_meanings_are_short_and_plain(glossary):
    for term in glossary:
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", term.meaning.strip()) if s]
        assert len(sentences) <= 3, term.term
        for sentence in sentences:
            assert len(sentence.split()) <= 25, (term.term, sentence)


def test_unknown_see_also_is_an_error_at_its_line(project):
    project("glossary/terms.yml", "- term: PCSO\n  meaning: x\n  see_also: [DWO, SNT]\n")
    project("glossary/more.yml", "- term: DWO\n  meaning: y\n")
    assert only_problem(project) == (
        "glossary/terms.yml:3:19: [0].see_also[1]: 'SNT' is not a term in the glossary"
    )


def convert(text: str) -> str:
    titles = {"PCSO": "Police Community Support Officer", "ASB": "Anti-social behaviour"}
    return markdown.Markdown(
        extensions=["toc", GlossaryAbbreviations(titles={"en": titles})]
    ).convert(text)


def test_acronyms_in_running_text_explain_themselves():
    assert convert("Ask your PCSO about ASB.") == (
        '<p>Ask your <abbr tabindex="0" title="Police Community Support Officer">PCSO</abbr> '
        'about <abbr tabindex="0" title="Anti-social behaviour">ASB</abbr>.</p>'
    )


def test_plurals_are_explained_but_parts_of_words_are_not():
    html = convert("Two PCSOs. A PCSO-led walk. PCSOX. XPCSO. A non-PCSO role.")
    assert html.count("<abbr") == 1 and ">PCSOs</abbr>" in html
    assert convert("XPCSO, then PCSO").count("<abbr") == 1


def test_never_inside_headings_links_or_code():
    html = convert("# The PCSO\n\n[PCSO](x.md) and `PCSO`\n\n    PCSO\n")
    assert "<abbr" not in html


def test_a_bengali_word_is_explained_whole_never_inside_a_longer_word():
    extension = GlossaryAbbreviations(words={"bn": {"দল": "একসাথে কাজ করা মানুষ।"}}, default="bn")
    html = markdown.Markdown(extensions=[extension]).convert("দলীয় সভা, দল এসেছে")
    assert html.count("<abbr") == 1 and "দলীয় সভা" in html


def test_a_term_spelt_like_python_markdowns_placeholder_leaves_the_html_whole():
    extension = GlossaryAbbreviations(words={"en": {"wzxhzdk": "A made-up word"}})
    html = markdown.Markdown(extensions=["md_in_html", extension]).convert(
        "A wzxhzdk here.\n\n<b>bold</b> and <i>slanted</i>\n"
    )
    assert "<b>bold</b>" in html and "<i>slanted</i>" in html
    assert html.count("<abbr") == 1


class _AbbrPlaces(HTMLParser):
    """Records the elements each <abbr> sits inside."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.bad: list[str] = []
        self.count = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "abbr":
            self.count += 1
            inside = set(self.open) & {"h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre"}
            if inside:
                self.bad.append(",".join(sorted(inside)))
        if tag not in {"br", "img", "input", "meta", "link", "hr", "wbr", "source"}:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            while self.open.pop() != tag:
                pass


def test_built_pages_explain_acronyms_only_in_running_text(built_site: Path):
    total = 0
    for page in built_site.rglob("*.html"):
        parser = _AbbrPlaces()
        parser.feed(page.read_text(encoding="utf-8"))
        assert parser.bad == [], page
        total += parser.count
    assert total > 0
    ward = (built_site / "wards" / "elm-east" / "index.html").read_text(encoding="utf-8")
    assert '<abbr tabindex="0" title="Police Community Support Officer">PCSO</abbr>' in ward


def test_the_glossary_page_is_a_to_z_with_stable_ids(built_site: Path, glossary):
    html = (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
    for term in glossary:
        assert f'id="{anchor_id(term.term)}"' in html, term.term
    for anchor in ("pcso", "met-engage", "letter_a", "letter_p", "letter_0-9"):
        assert f'id="{anchor}"' in html
        assert f'href="#{anchor}"' in html or anchor in ("pcso", "met-engage")


def test_search_finds_a_term_by_its_acronym_and_by_its_meaning(built_site: Path):
    index = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))
    entries = {doc["location"]: doc for doc in index["docs"]}
    pcso = entries["glossary/#pcso"]
    assert pcso["title"] == "PCSO"
    assert "uniform" in pcso["text"]


def test_a_term_named_like_a_heading_of_the_page_keeps_its_own_id(project):
    """The A to Z headings' ids are of a shape no term's id can take."""
    project("wards/example.yml", MINIMAL_WARD)
    project("glossary/terms.yml", "- term: Letter A\n  meaning: x\n- term: Apple\n  meaning: y\n")
    root = project.root
    site = load_site(Sources(root, root / "wards", root / "glossary"), GOLDEN_SETTINGS, NOW)
    page = next(
        str(output.content)
        for output in render_pages(site, GOLDEN_SETTINGS, ENGLISH_LANGUAGE)
        if output.path == "glossary/index.md"
    )
    anchors = re.findall(r"\{#([^}\s]+)", page)
    assert "letter-a" in anchors
    assert len(anchors) == len(set(anchors)), anchors
