"""The Markdown pages' templates in one language: the words, dates and numbers they print
in it, and how a value is made safe in Markdown.

`finalize` escapes every printed value for Markdown, not HTML, before autoescape sees it
(autoescape makes macros return Markup); `| html` is for raw HTML attributes and
elements, where Markdown escapes would show.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment
from markupsafe import Markup, escape

from . import markup, templating
from .i18n import Language
from .routes import Section, priority_anchor, standard_anchor
from .standards import Status
from .text import anchor_id, place
from .tracker import STATUS_SHAPES
from .ward_views import SECTION_TITLES, map_link

# A standard's status as a symbol for sighted readers, beside its words (never colour alone).
STATUS_SYMBOLS = {Status.MET: "\u2713", Status.NOT_MET: "\u2717", Status.NO_DATA: "\u2013"}


def _escape(value: Any) -> Any:
    return value if isinstance(value, Markup) else markup.plain(value)


@lru_cache(maxsize=8)
def environment(language: Language) -> Environment:
    """One template environment per language, compiled once per process. Bounded: each
    rebuild under `mkdocs serve` reads the catalogues anew, and an edited catalogue must
    show, so the key is the language as read, and old ones fall out."""
    env = templating.environment(finalize=_escape, keep_trailing_newline=True)
    env.globals.update(
        _=language._,
        # A sentence with links in it: `_md("Call %(number)s.", number=("999", "tel:999"))`.
        _md=lambda message, **links: markup.sentence(language._(message), links),
        # The same in HTML, for a paragraph of links with long addresses (markup.py).
        _html=lambda message, **links: markup.html_sentence(language._(message), links),
        ngettext=language.ngettext,
        lang=language,
        map_link=map_link,
        status_symbols=STATUS_SYMBOLS,
        action_shapes=STATUS_SHAPES,
        # Editors' English text on a page in another language, marked for screen readers.
        english=lambda text: (
            markup.plain(text)
            if language.is_default
            else Markup('<span lang="en">%s</span>') % markup.plain(text)
        ),
        anchor=anchor_id,
        sections=Section,
        section_title=lambda section: language.text(SECTION_TITLES[section]),
        priority_anchor=priority_anchor,
        standard_anchor=standard_anchor,
        # After the page's title: the page's language, which its abbreviations follow.
        title_lang=Markup("") if language.is_default else Markup(' { lang="%s" }') % language.code,
        # Translators: the mark that ends a sentence the pages put together ("।" in Bengali).
        stop=language._("."),
    )
    env.filters.update(
        join=lambda items, separator: Markup(separator).join(markup.plain(i) for i in items),
        tel=lambda number: markup.link_target("tel:" + "".join(number.split())),
        host=lambda url: urlsplit(url).netloc or url,
        place=lambda meeting: place(meeting, language),
        label=language.text,
        sentence=lambda words: words[:1].upper() + words[1:],
        # A YAML front matter value: JSON strings are valid YAML, and nothing in them can
        # end the front matter or start a new key. Non-ASCII characters are written as
        # they are: escapes of emoji would be surrogate pairs YAML readers refuse.
        yaml_string=lambda value: Markup(json.dumps(str(value), ensure_ascii=False)),
        md=markup.markdown,
        code=markup.code,
        html=escape,
        target=markup.link_target,
        # A link in HTML, as Markdown would write it (markup.html_link), by its words.
        html_link=lambda url, words: markup.html_link(words, url),
        when=lambda m: language.when(m.date, m.start, m.end),
        long_date=language.long_date,
        short_date=language.short_date,
        time_range=lambda m: language.time_range(m.start, m.end),
        number=language.number,
        anchor=anchor_id,
    )
    return env
