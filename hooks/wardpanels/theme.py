"""What the theme's own templates show around every page, in each language.

The frame of a page (the banner that says content is illustrative, the language link,
the menu of a translated site, the footer's date, the 404 page's finder) is drawn by the
theme, which cannot read the data. A render hands it a `Theme`: the MkDocs hook puts its
frames in `extra.wardpanels_theme`, keyed by language, and its menu in `nav`; the
configuration `wardpanels render` writes holds the same, as plain data (`Theme.extra`).
Templates read a frame's values as attributes (`here.notice`), which Jinja reads alike
from these classes and from the plain data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from . import finder
from .i18n import Language
from .menu import MenuItem, absent_pages, menu, nav_setting
from .settings import Settings
from .site import Site

THEME_KEY = "wardpanels_theme"


@dataclass(frozen=True)
class MenuLink:
    """A link of the menu the theme draws itself."""

    title: str
    url: str


@dataclass(frozen=True)
class NotFound:
    """The 404 page: what it says, the finder, and where to go instead."""

    heading: str
    text: str
    finder: str  # HTML
    wards: str
    wards_url: str  # absolute, as the page is served at any address
    meetings: str
    meetings_url: str
    # Where this language's own 404 page and folder are, from the host's root: a host that
    # serves one 404 page for every address sends readers in the folder on to it.
    page_path: str
    folder_path: str


@dataclass(frozen=True)
class Frame:
    """One language's frame around every page: its name, notices, menu and footer."""

    name: str
    site_name: str
    prefix: str  # the language's folder: "" for the default language, "bn/"
    default: bool
    notice: str  # that the site's content is illustrative, or ""
    draft: str  # that the translation is a draft, or ""
    built: str
    language_navigation: str
    # Names for the buttons the site's script adds to Material's header.
    menu: str
    search_dialog: str
    scroll_table: str
    # The menu the theme draws; none for the default language, whose menu the generator
    # draws from its own `nav` setting (`Theme.nav`).
    nav: tuple[MenuLink, ...]
    not_found: NotFound


@dataclass(frozen=True)
class Theme:
    """Every language's frame, by language code (the default first), and the default
    language's menu."""

    frames: Mapping[str, Frame]
    menu: tuple[MenuItem, ...]

    @property
    def nav(self) -> list[dict[str, Any]]:
        """The default language's menu, for the generator's `nav` setting."""
        return nav_setting(self.menu)

    def extra(self) -> dict[str, Any]:
        """The frames as plain data (mappings, lists and text), for a configuration file."""
        return {code: _plain(asdict(frame)) for code, frame in self.frames.items()}


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return str(value) if isinstance(value, str) else value


def theme_values(site: Site, settings: Settings) -> Theme:
    """Each language's frame, and the default language's menu."""
    absent = absent_pages(site)
    frames = {
        language.code: _frame(site, settings, language, absent) for language in site.languages
    }
    return Theme(frames, menu(site.languages[0], absent))


def _frame(site: Site, settings: Settings, language: Language, absent: frozenset[str]) -> Frame:
    _ = language._
    r = language.routes
    return Frame(
        name=language.name,
        site_name=settings.site_name
        if language.is_default
        else _("%(borough)s ward panels", borough=settings.borough),
        prefix=r.prefix,
        default=language.is_default,
        notice=_(
            "Sample information: the meetings and priorities on this site are examples, not real."
        )
        if site.sample
        else "",
        draft=_("This translation is a draft that a fluent reader has yet to check.")
        if language.draft or site.drafts.get(language.code)
        else "",
        built=_("This site was last brought up to date on %(date)s.", date=site.now.date()),
        language_navigation=_("Language"),
        menu=_("Menu"),
        search_dialog=_("Search this site"),
        scroll_table=_("Table: scroll sideways to see all of it"),
        nav=() if language.is_default else tuple(_links(menu(language, absent))),
        not_found=NotFound(
            heading=_("Page not found"),
            text=_(
                "If you typed the web address, check it is correct. If you followed a "
                "link or scanned a poster, the page may have moved: find your ward below."
            ),
            finder=str(
                finder.finder_form(
                    site, settings, language, lambda route: settings.root_path(route.url)
                )
            ),
            wards=_("Wards A to Z"),
            wards_url=settings.page_url(r.wards().url),
            meetings=_("Meetings"),
            meetings_url=settings.page_url(r.meetings().url),
            page_path=settings.root_path(r.not_found().url),
            folder_path=settings.root_path(r.prefix),
        ),
    )


def _links(items: tuple[MenuItem, ...]) -> list[MenuLink]:
    """A menu as the theme draws it, one level: a section's links in its place."""
    links: list[MenuLink] = []
    for item in items:
        if item.route is not None:
            links.append(MenuLink(item.title, item.route.url))
        links.extend(_links(item.items))
    return links
