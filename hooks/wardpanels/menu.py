"""The site's menu, declared once for every language.

Each language's menu lists that language's own pages, in the order residents need them:
English lists every entry, another language the resident pages it has a copy of (the
open data and the editors' guide are published once, in English). The site generator
draws the default language's menu from its `nav` setting (`nav_setting`); the theme draws
the others' from the values the render hands it (theme.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import routes
from .i18n import Language, Message
from .i18n import lazy as _
from .routes import ENGLISH, Route, Routes
from .site import Site


@dataclass(frozen=True)
class Entry:
    """One link of the menu, or a section of links (`entries`, with no page of its own).

    A resident page's title is translated; the title of a page published once is English.
    """

    title: Message | str
    page: Callable[[Routes], Route] | None = None
    entries: tuple[Entry, ...] = ()


def _once(route: Callable[[], Route]) -> Callable[[Routes], Route]:
    """A page published once, in English, whatever the language asking."""
    return lambda _routes: route()


MENU = (
    Entry(_("Home"), Routes.home),
    Entry(_("Find your ward"), Routes.wards),
    Entry(_("Meetings"), Routes.meetings),
    Entry(_("Priorities"), Routes.priorities),
    Entry(_("Calendars"), Routes.calendars),
    Entry(_("Minimum standards"), Routes.standards),
    Entry(_("Scrutiny action plan"), Routes.scrutiny),
    Entry("Open data", _once(routes.data_page)),
    Entry(_("How ward panels work"), Routes.how_panels_work),
    Entry(_("What the words mean"), Routes.glossary),
    Entry(_("Accessibility"), Routes.accessibility),
    Entry(
        "For editors",
        entries=(
            Entry("Editing the site", _once(routes.editors_guide)),
            Entry("The form editor", _once(routes.editors_form_editor)),
            Entry("Meetings", _once(routes.editors_meetings)),
            Entry("Priorities", _once(routes.editors_priorities)),
            Entry("The glossary", _once(routes.editors_glossary)),
            Entry("Ward names, areas and postcodes", _once(routes.editors_wards)),
            Entry("Translations", _once(routes.editors_translations)),
            Entry("The scrutiny action plan", _once(routes.editors_scrutiny)),
            Entry("Every field, explained", _once(routes.editors_fields)),
            Entry("Publishing the site", _once(routes.editors_deploying)),
        ),
    ),
)


@dataclass(frozen=True)
class MenuItem:
    """An entry of one language's menu: a page (`route`), or a section of `items`."""

    title: str
    route: Route | None = None
    items: tuple[MenuItem, ...] = ()


def absent_pages(site: Site) -> frozenset[str]:
    """Pages in the site's menu this borough does not have: the action plan's, without a
    plan. The menu leaves them out."""
    return frozenset() if site.plan else frozenset({ENGLISH.scrutiny().path})


def menu(language: Language, absent: frozenset[str]) -> tuple[MenuItem, ...]:
    """`language`'s menu, without the pages this site does not have (`absent`, by their
    path in the default language: the action plan's, for a borough without one)."""
    return _items(MENU, language, absent)


def _items(
    entries: tuple[Entry, ...], language: Language, absent: frozenset[str]
) -> tuple[MenuItem, ...]:
    kept: list[MenuItem] = []
    for entry in entries:
        title = language.text(entry.title)
        if entry.page is None:
            items = _items(entry.entries, language, absent)
            if items:
                kept.append(MenuItem(title, items=items))
            continue
        route = entry.page(language.routes)
        if route.path.startswith(language.routes.prefix) and entry.page(ENGLISH).path not in absent:
            kept.append(MenuItem(title, route))
    return tuple(kept)


def nav_setting(items: tuple[MenuItem, ...]) -> list[dict[str, Any]]:
    """A menu as MkDocs' `nav` setting takes it: `{title: path}`, `{section: [...]}`."""
    return [
        {item.title: item.route.path if item.route else nav_setting(item.items)} for item in items
    ]
