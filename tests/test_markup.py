"""Editors' Markdown, input beside the HTML a resident gets: formatting and links stay,
nothing an editor types can make structure (headings, boxes, tables, contents, images).

Each case is one behaviour, rendered with the Markdown extensions `mkdocs.yml` configures.
"""

from __future__ import annotations

import markdown
import pytest

from wardpanels import markup
from wardpanels.settings import read_config

from .conftest import ROOT

EXTENSIONS = read_config(ROOT / "mkdocs.yml")["markdown_extensions"]


def html(text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS).convert(markup.markdown(text))


KEPT = {
    "emphasis": (
        "Some *stress* and **more**",
        "<p>Some <em>stress</em> and <strong>more</strong></p>",
    ),
    "link": (
        "See [the map](https://example.org/map)",
        '<p>See <a href="https://example.org/map">the map</a></p>',
    ),
    "list": ("- one\n- two", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>"),
    "numbered list": ("1. one\n2. two", "<ol>\n<li>one</li>\n<li>two</li>\n</ol>"),
}

MADE_TEXT = {
    "heading": ("# Title", "<p># Title</p>"),
    "heading after a line separator": ("Intro\u2028# Title", "<p>Intro\n# Title</p>"),
    "heading after a form feed": ("Intro\f# Title", "<p>Intro\n# Title</p>"),
    "heading after a list number of any length": (
        "1234567890. # Title",
        "<ol>\n<li># Title</li>\n</ol>",
    ),
    "heading in a quote": ("> # Title", "<blockquote>\n<p># Title</p>\n</blockquote>"),
    "heading in a list": ("- # Title", "<ul>\n<li># Title</li>\n</ul>"),
    "setext underline of one =": ("Title\n=", "<p>Title\n&#61;</p>"),
    "setext underline of dashes": ("Title\n---", "<p>Title\n---</p>"),
    "admonition": ('!!! danger "Act now"\n    Body', '<p>!!! danger "Act now"\n    Body</p>'),
    "admonition after a long list number": (
        '12345678901. !!! danger "Act now"',
        '<ol>\n<li>!!! danger "Act now"</li>\n</ol>',
    ),
    "collapsible box": ('??? note "More"', '<p>&#63;?? note "More"</p>'),
    "table of contents": ("[TOC]", "<p>[TOC]</p>"),
    "table of contents in emphasis": ("*[TOC]*", "<p><em>[TOC]</em></p>"),
    "table": ("a | b\n--|--\n1 | 2", "<p>a | b\n--|--\n1 | 2</p>"),
    "HTML": ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
    "attribute list": ("Text {: .danger }", "<p>Text {: .danger }</p>"),
    "abbreviation definition": ("*[HTML]: Hypertext", "<p>*[HTML]: Hypertext</p>"),
    "link reference definition": (
        "See [it].\n\n[it]: https://evil.example/",
        "<p>See [it].</p>\n<p>[it]: https://evil.example/</p>",
    ),
}

MADE_SAFE = {
    "remote image: a link, never loaded": (
        "![x](https://evil.example/p.png)",
        '<p>!<a href="https://evil.example/p.png">x</a></p>',
    ),
    "script link: its words only": ("[x](javascript:alert(1))", "<p><span>x</span></p>"),
    "a user name before the site: its words only": (
        "[council](https://www.towerhamlets.gov.uk@evil.example/)",
        "<p><span>council</span></p>",
    ),
}


@pytest.mark.parametrize(("text", "expected"), KEPT.values(), ids=KEPT.keys())
def test_formatting_and_links_are_kept(text, expected):
    assert html(text) == expected


@pytest.mark.parametrize(("text", "expected"), MADE_TEXT.values(), ids=MADE_TEXT.keys())
def test_structure_shows_as_the_text_typed(text, expected):
    assert html(text) == expected


@pytest.mark.parametrize(("text", "expected"), MADE_SAFE.values(), ids=MADE_SAFE.keys())
def test_images_and_unsafe_links_are_never_made(text, expected):
    assert html(text) == expected


SENTENCES = {
    "a calendar link": (
        "Or add it to %(google)s (best for Android phones).",
        {"google": ("Google Calendar", "https://calendar.example/r?a=1&b=x%20y&c=(z)")},
    ),
    "text HTML would read": ("Fish & chips <b>, 'quoted' \"twice\" %(map)s", {"map": ("map", "x")}),
    "Bengali, the link first": (
        "%(map)s-এ দেখুন।",
        {"map": ("ম্যাপ", "https://www.openstreetmap.org/search?query=1%20Road")},
    ),
    "Markdown's own characters": ("*not* _emphasis_ [or] `code` %(a)s", {"a": ("a_b*c", "q")}),
}


@pytest.mark.parametrize("text, links", SENTENCES.values(), ids=SENTENCES)
def test_a_sentence_written_as_html_is_what_markdown_makes_of_it(text, links):
    """Paragraphs of long links are written as HTML, which Markdown passes by quickly: what
    a resident gets must be the same as from the Markdown they replace."""
    converted = markdown.Markdown(extensions=EXTENSIONS).convert(markup.sentence(text, links))
    assert converted == f"<p>{markup.html_sentence(text, links)}</p>"
