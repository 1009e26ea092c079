"""What the theme's own templates show around every page, in each language.

The frame of a page (the banner that says content is illustrative, the language link,
the menu of a translated site, the footer's date, the 404 page's finder) is drawn by the
theme, which cannot read the data. A render hands it these values; the MkDocs hook, or
the configuration `wardpanels render` writes, puts them in `extra.wardpanels_theme`,
keyed by language.
"""

from __future__ import annotations

from typing import Any

from . import finder
from .i18n import Language
from .routes import Route
from .settings import Settings
from .site import Site

THEME_KEY = "wardpanels_theme"


def theme_values(site: Site, settings: Settings) -> dict[str, Any]:
    """Each language's frame: its name, notices, menu and footer text."""
    values: dict[str, Any] = {}
    for language in site.languages:
        _ = language._
        r = language.routes
        values[language.code] = {
            "name": language.name,
            "site_name": settings.site_name
            if language.is_default
            else _("%(borough)s ward panels", borough=settings.borough),
            "prefix": r.prefix,
            "default": language.is_default,
            "notice": _(
                "Sample information: the meetings and priorities on this site are examples, "
                "not real."
            )
            if site.sample
            else "",
            "draft": _("This translation is a draft that a fluent reader has yet to check.")
            if language.draft or site.drafts.get(language.code)
            else "",
            "built": _("This site was last brought up to date on %(date)s.", date=site.now.date()),
            "language_navigation": _("Language"),
            # Names for the buttons the site's script adds to Material's header.
            "menu": _("Menu"),
            "search_dialog": _("Search this site"),
            "scroll_table": _("Table: scroll sideways to see all of it"),
            "nav": [] if language.is_default else _navigation(language, site),
            "not_found": {
                "heading": _("Page not found"),
                "text": _(
                    "If you typed the web address, check it is correct. If you followed a "
                    "link or scanned a poster, the page may have moved: find your ward below."
                ),
                "finder": str(
                    finder.finder_form(
                        site, settings, language, lambda route: settings.root_path(route.url)
                    )
                ),
                "wards": _("Wards A to Z"),
                "wards_url": r.wards().url,
                "meetings": _("Meetings"),
                "meetings_url": r.meetings().url,
            },
        }
    return values


def _navigation(language: Language, site: Site) -> list[dict[str, str]]:
    """A translated site's menu: its own resident pages, in the order residents need them."""
    _ = language._
    r = language.routes
    plan = [(_("Scrutiny action plan"), r.scrutiny())] if site.plan else []
    items: list[tuple[str, Route]] = [
        (_("Home"), r.home()),
        (_("Find your ward"), r.wards()),
        (_("Meetings"), r.meetings()),
        (_("Priorities"), r.priorities()),
        (_("Calendars"), r.calendars()),
        (_("Minimum standards"), r.standards()),
        *plan,
        (_("How ward panels work"), r.how_panels_work()),
        (_("What the words mean"), r.glossary()),
        (_("Accessibility"), r.accessibility()),
    ]
    return [{"title": title, "url": route.url} for title, route in items]
