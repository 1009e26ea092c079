"""Editors' text made safe to place in generated Markdown.

Plain text fields are escaped so they show exactly as typed. Markdown fields keep inline
formatting, lists and links, but can make no structure: no raw HTML, headings (`#` or a
setext underline, also inside a list or a quote), admonitions, tables, attribute lists,
tables of contents or images. Every character that some reader takes as a line break is
made a plain line break first, so none can start a line that Markdown would read as
structure. The `SafeLinks` extension, run on every page, then drops links to
`javascript:`, `data:` and other schemes, and any image not on the site itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable
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
# The text Python-Markdown's toc extension replaces with a table of contents.
TOC_MARKER = "[TOC]"
# Everything Python-Markdown or Python's str.splitlines() would take as a line break.
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# What may come before structure on a line: indentation, and quote or list markers.
LINE_LEAD = r"(?:[ \t]*(?:>|[-*+]|\d+[.)])(?=[ \t]|$))*[ \t]*"
# Line openings that would make a heading (also a setext underline of any length), an
# admonition, an abbreviation definition or a link reference definition.
_LINE_STARTS = re.compile(
    rf"^({LINE_LEAD})(#|!!!|\?\?\?|\*\[|\[[^\[\]\n]*\]:|=+[ \t]*$|-+[ \t]*$)", re.MULTILINE
)


def plain(text: object) -> Markup:
    """Any value as literal text in Markdown: no formatting, no HTML, on one line."""
    return Markup(" ".join(str(text).split()).translate(_PLAIN))


def sentence(text: str, links: dict[str, tuple[str, str]]) -> Markup:
    """A sentence as literal text, with a Markdown link where it says `%(name)s`: `links`
    gives each link's words and target. Translators then see, and can reorder, the whole
    sentence rather than pieces around a link."""
    return _linked(
        text,
        links,
        lambda part: part.translate(_PLAIN),
        lambda words, target: f"[{plain(words)}]({link_target(target)})",
    )


def html_sentence(text: str, links: dict[str, tuple[str, str]]) -> Markup:
    """`sentence` as the HTML Python-Markdown makes of it, for a paragraph Markdown need not
    read: Markdown takes far longer over a long address, such as a calendar link that
    carries a whole meeting, than over the rest of a page. The site's own words only: the
    glossary's terms are not explained in it."""
    return _linked(text, links, _html_text, html_link)


def _linked(
    text: str,
    links: dict[str, tuple[str, str]],
    written: Callable[[str], str],
    linked: Callable[[str, str], str],
) -> Markup:
    parts = re.split(r"%\((\w+)\)s", " ".join(text.split()))
    return Markup(
        "".join(
            linked(*links[part]) if index % 2 else written(part) for index, part in enumerate(parts)
        )
    )


def html_link(words: str, url: str) -> Markup:
    """A link as Python-Markdown writes `[words](url)`."""
    href = _html_text(link_target(url)).replace('"', "&quot;")
    return Markup(f'<a href="{href}">{_html_text(" ".join(words.split()))}</a>')


def _html_text(text: str) -> str:
    """Text as Python-Markdown writes it: only what HTML would read as markup is escaped
    (as plain text: Markup's own `replace` would escape the entities put in)."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def markdown(text: str) -> Markup:
    """An editor's Markdown as a block: formatting and links kept, HTML and structure not."""
    value = _LINE_BREAKS.sub("\n", text)
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace("|", "\\|")
    value = value.replace("{", "\\{").replace("}", "\\}").replace("![", "\\![")
    value = value.replace(TOC_MARKER, "\\" + TOC_MARKER)  # in any element, toc puts one there
    value = _LINE_STARTS.sub(lambda found: found[1] + _literal(found[2]), value)
    lines = [line if line.strip() else "" for line in value.strip().split("\n")]
    return Markup("\n".join(lines).lstrip())


def _literal(opening: str) -> str:
    """A line's opening made text: a backslash where Markdown takes one, else an entity."""
    first = opening[0]
    if first in "=?":  # characters Python-Markdown does not unescape
        return f"&#{ord(first)};{opening[1:]}"
    return "\\" + opening


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
    """True for relative links and the schemes residents' browsers should follow, with no
    user name before the site's name (which makes a link lead elsewhere than it reads)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    scheme = parts.scheme.lower()
    return (not scheme or scheme in SAFE_SCHEMES) and "@" not in parts.netloc


class _SafeLinksTreeprocessor(Treeprocessor):
    def run(self, root: Element) -> None:
        for element in root.iter():
            if element.tag == "a" and not is_safe_link(element.get("href", "")):
                element.tag = "span"  # keep the words, lose the link
                element.attrib.clear()
            if element.tag == "img":
                source = urlsplit(element.get("src", "").strip())
                if source.scheme or source.netloc:  # only the site's own images load
                    element.tag = "span"
                    element.text = element.get("alt", "")
                    element.attrib.clear()


class SafeLinks(Extension):
    """Drop unsafe link targets and remote images from every page."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.treeprocessors.register(_SafeLinksTreeprocessor(md), "wardpanels_safe_links", 1)


def makeExtension(**kwargs: object) -> SafeLinks:  # noqa: N802 - Python-Markdown's name
    return SafeLinks(**kwargs)
