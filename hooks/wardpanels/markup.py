"""Editors' text made safe to place in generated Markdown.

Plain text fields are escaped so they show exactly as typed. Markdown fields keep inline
formatting, lists and links, but lose raw HTML, headings and attribute lists. The
`SafeLinks` extension, run on every page, then drops links to `javascript:`, `data:` and
other schemes, and images from other sites (residents' browsers fetch nothing elsewhere).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

# webcal: is how the site's own "subscribe" links open a calendar app.
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel", "webcal"})

# Each character Markdown or HTML could read as markup, and what it becomes instead.
_PLAIN = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;"} | {c: "\\" + c for c in "\\`*_[]{}|#!"}
)
# Line openings that would make a heading, an admonition or an abbreviation definition.
_LINE_STARTS = re.compile(r"^(\s*)(#|!!!|\?\?\?|\*\[|[=-]{2,}\s*$)", re.MULTILINE)


def plain(text: object) -> Markup:
    """Any value as literal text in Markdown: no formatting, no HTML, on one line."""
    return Markup(" ".join(str(text).split()).translate(_PLAIN))


def markdown(text: str, indent: int = 0) -> Markup:
    """An editor's Markdown as a block: formatting and links kept, HTML and structure not."""
    value = text.replace("&", "&amp;").replace("<", "&lt;")
    value = value.replace("{", "\\{").replace("}", "\\}")
    value = _LINE_STARTS.sub(lambda found: f"{found[1]}\\{found[2]}", value)
    pad = " " * indent
    lines = [pad + line if line.strip() else "" for line in value.strip().splitlines()]
    return Markup("\n".join(lines).lstrip())


def code(text: object) -> Markup:
    """Literal text as a Markdown code span, fenced so no backtick inside can end it."""
    value = " ".join(str(text).split())
    fence = "``" if "`" in value else "`"
    return Markup(f"{fence} {value} {fence}" if fence == "``" else f"`{value}`")


def link_target(url: str) -> Markup:
    """A URL as a Markdown link target that nothing in it can end early."""
    escaped = url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
    return Markup(escaped.replace("<", "%3C").replace(">", "%3E"))


def is_safe_link(url: str) -> bool:
    """True for relative links and the schemes residents' browsers should follow."""
    scheme = urlsplit(url.strip()).scheme.lower()
    return not scheme or scheme in SAFE_SCHEMES


class _SafeLinksTreeprocessor(Treeprocessor):
    def run(self, root: Element) -> None:
        for element in root.iter():
            if element.tag == "a" and not is_safe_link(element.get("href", "")):
                element.tag = "span"  # keep the words, lose the link
                element.attrib.clear()
            if element.tag == "img":
                source = element.get("src", "")
                if not is_safe_link(source) or urlsplit(source).netloc:
                    element.tag = "span"
                    element.text = element.get("alt", "")
                    element.attrib.clear()


class SafeLinks(Extension):
    """Drop unsafe link targets and remote images from every page."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.treeprocessors.register(_SafeLinksTreeprocessor(md), "wardpanels_safe_links", 1)


def makeExtension(**kwargs: object) -> SafeLinks:  # noqa: N802 - Python-Markdown's name
    return SafeLinks(**kwargs)
