"""One render of the whole site: every output as plain data, for any site generator.

`render_site` turns a checked Site into a Manifest: each output's path, its content, and
whether it is a page (Markdown for the generator to theme) or a finished file (a
calendar, a data file, a feed, a poster) to publish as it is. The MkDocs hook hands the
manifest to MkDocs; `wardpanels render --out DIR` writes it to a folder that a plain
`mkdocs build` (or ProperDocs, or a later generator) publishes with no hooks at all.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from . import atom, calendars, finder, opendata, pages, posters, theme
from .localise import Localiser
from .outputs import Manifest, Output
from .settings import Settings
from .site import Site


def render_site(site: Site, settings: Settings) -> Manifest:
    """Every output of the site, each rendered once."""
    outputs: list[Output] = []
    for language in site.languages:
        outputs += pages.render_pages(site, settings, language)
        outputs += calendars.render_calendars(site, settings, language)
    outputs += posters.render_posters(site, settings)
    outputs += opendata.render_open_data(site, settings)
    outputs += atom.render_feeds(site, settings)
    outputs += finder.render_finder(site, settings)
    _check_unique(outputs)
    acronyms, words = explanations(site)
    return Manifest(tuple(outputs), theme.theme_values(site, settings), acronyms, words)


def explanations(site: Site) -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    """Each language's acronyms and what they stand for, and the words explained in running
    text with the first sentence of their meaning: translated where they can be."""
    acronyms, words = {}, {}
    for language in site.languages:
        local = Localiser(language, site.translations_for(language, ""))
        acronyms[language.code] = {
            term.term: local.plain(term, "stands_for") for term in site.glossary if term.stands_for
        }
        words[language.code] = {
            term.term: first_sentence(local.plain(term, "meaning"))
            for term in site.glossary
            if term.in_text and not term.stands_for
        }
    return acronyms, words


def first_sentence(markdown_text: str) -> str:
    """The first sentence of a meaning, as plain text: links keep their words."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown_text)
    text = re.sub(r"[*_`]", "", " ".join(text.split()))
    return re.split(r"(?<=[.!?।])\s", text, maxsplit=1)[0]


def _check_unique(outputs: Iterable[Output]) -> None:
    twice = [path for path, count in Counter(o.path for o in outputs).items() if count > 1]
    if twice:
        raise ValueError(f"two outputs were given the same path: {', '.join(sorted(twice))}")
