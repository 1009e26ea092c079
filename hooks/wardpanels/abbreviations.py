"""Every acronym explains itself: `PCSO` becomes `<abbr title="Police Community ...">`.

A Python-Markdown extension fed from the glossary, run on every page. It leaves headings,
links and code alone (a tooltip there would hide the words or break them), and makes each
abbreviation focusable, so its meaning shows by keyboard and on touch as well as by mouse.

It explains each acronym in the language of the text around it: the page's language,
which a page in another language gives on its title (`# Title { lang="bn" }`), or the
`lang` of an element around the text, such as English left untranslated.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, STX, AtomicString

# Text inside these is never marked up.
_SKIP = frozenset(
    {
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "a",
        "code",
        "pre",
        "abbr",
        "kbd",
        "script",
        "style",
        "button",
        "label",
        "summary",
    }
)


def _in_word(text: str, position: int) -> bool:
    """Whether the character at `position` belongs to a word: a letter, a digit, a mark (a
    Bengali vowel sign, an accent) or a joiner. A term is explained only as a whole word,
    never as the start of a longer one, which would split a vowel sign from its letter."""
    if not 0 <= position < len(text):
        return False
    char = text[position]
    return char in "-_\u200c\u200d" or unicodedata.category(char)[0] in "LMN"


# Python-Markdown holds raw HTML out of the text as placeholders, `STX wzxhzdk:0 ETX`, until
# the page is written out: a term spelt like one ("wzxhzdk") is never looked for inside
# them, or the HTML would be lost. The data gate refuses STX and ETX, so only these are.
_PLACEHOLDER = re.compile(f"{STX}[^{ETX}]*{ETX}")


class _AbbreviationTreeprocessor(Treeprocessor):
    def __init__(
        self,
        md: Markdown,
        titles: Mapping[str, Mapping[str, str]],
        words: Mapping[str, Mapping[str, str]],
        default: str,
    ) -> None:
        super().__init__(md)
        self.titles = titles
        self.words = {
            code: {w.lower(): t for w, t in found.items()} for code, found in words.items()
        }
        self.default = default
        acronyms = {term for language in titles.values() for term in language}
        plain = {word.lower() for language in words.values() for word in language}
        parts = []
        if acronyms:
            parts.append("|".join(re.escape(t) for t in sorted(acronyms, key=len, reverse=True)))
        if plain:  # words are found whatever their case: "Minutes", "minutes"
            longest = sorted(plain, key=len, reverse=True)
            parts.append("(?i:" + "|".join(re.escape(w) for w in longest) + ")")
        # A plural ("PCSOs") is explained too. Whether a match starts a word is checked
        # after matching: a lookbehind here makes the search six times slower.
        alternatives = "|".join(parts)
        self.pattern = re.compile(rf"({alternatives})s?(?![\w-])") if parts else None

    def run(self, root: Element) -> None:
        if self.pattern is None:
            return
        title = root.find("h1")
        self._mark(root, title.get("lang", self.default) if title is not None else self.default)

    def _mark(self, element: Element, language: str) -> None:
        language = element.get("lang", language)
        for child in list(element):
            if child.tag not in _SKIP:
                self._mark(child, language)
            child.tail = self._split(element, child.tail, child, language)
        element.text = self._split(element, element.text, None, language)

    def _split(
        self, parent: Element, text: str | None, after: Element | None, language: str
    ) -> str | None:
        """Wrap each acronym in `text` in an <abbr>, inserted into `parent` where `text` was."""
        # Most texts are the line breaks between elements, which no term can be in.
        if not text or text.isspace() or isinstance(text, AtomicString):
            return text
        assert self.pattern is not None
        found_anywhere = list(self.pattern.finditer(text))
        if not found_anywhere:
            return text
        titles = self.titles.get(language) or self.titles.get(self.default, {})
        words = self.words.get(language) or self.words.get(self.default, {})

        def title(found: re.Match[str]) -> str | None:
            return titles.get(found.group(1)) or words.get(found.group(1).lower())

        held = [found.span() for found in _PLACEHOLDER.finditer(text)]
        matches = [
            found
            for found in found_anywhere
            if not _in_word(text, found.start() - 1)
            and not _in_word(text, found.end())
            and not any(start < found.end() and found.start() < end for start, end in held)
            and title(found)
        ]
        if not matches:
            return text
        position = 0 if after is None else list(parent).index(after) + 1
        for found in reversed(matches):
            abbr = Element("abbr", {"title": title(found) or "", "tabindex": "0"})
            abbr.text = AtomicString(found.group(0))
            abbr.tail = text[found.end() :]
            parent.insert(position, abbr)
            text = text[: found.start()]
        return text


class GlossaryAbbreviations(Extension):
    """Explain the glossary's acronyms wherever they appear in running text.

    `titles` maps each language's code to its acronyms and what they stand for.
    """

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "titles": [{}, "each language's acronyms and what they stand for"],
            "words": [{}, "each language's words to explain in running text, and what they mean"],
            "default": ["en", "the language of a page that does not give one"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        # After inline patterns (priority 20), before MkDocs' own link handling.
        processor = _AbbreviationTreeprocessor(
            md, self.getConfig("titles"), self.getConfig("words"), self.getConfig("default")
        )
        md.treeprocessors.register(processor, "wardpanels_abbreviations", 7)


def makeExtension(**kwargs: Any) -> GlossaryAbbreviations:  # noqa: N802 - Python-Markdown's name
    return GlossaryAbbreviations(**kwargs)
