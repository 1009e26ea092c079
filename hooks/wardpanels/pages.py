"""The resident pages, as Markdown for the site generator, in each language: each page of
`page_kinds.PAGE_KINDS` through its template, with what every template is given.

What a page shows is worked out before, in typed views (`ward_views.py`,
`borough_lists.py`, `page_kinds.py`); templates hold presentation only. Every value a
template prints is escaped as plain text unless it was already made safe (editors'
Markdown goes through `markup.markdown`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from . import calendars, finder, markup, share, wardmap
from .i18n import Language
from .localise import Localiser
from .outputs import Output, output
from .page_kinds import PAGE_KINDS, Borough, Page, borough
from .page_templates import environment
from .routes import Route
from .settings import Settings
from .site import Site, WardRecord
from .ward_views import MeetingView


@dataclass(frozen=True)
class PagePlan:
    """Every generated page in one language: which pages there are is known before any is
    rendered (`announced`), so a generator can take each page as soon as it is written while
    the rest are still rendering; iterating renders them, in the same order."""

    shared: Borough
    planned: tuple[Page, ...]

    @property
    def announced(self) -> list[Output]:
        """Each page's path, title and place in the menu, with no content yet."""
        return [output(page.route, "", page.title, in_nav=page.in_nav) for page in self.planned]

    def __iter__(self) -> Iterator[Output]:
        return (_render(self.shared, page) for page in self.planned)


def render_pages(site: Site, settings: Settings, language: Language) -> PagePlan:
    """Every generated page in one language, rendered as it is iterated."""
    shared = borough(site, settings, language)
    return PagePlan(shared, tuple(page for kind in PAGE_KINDS for page in kind(shared)))


def _render(shared: Borough, page: Page) -> Output:
    language = shared.language
    tools = PageTools(shared, page)
    body = (
        environment(language)
        .get_template(page.template)
        .render(
            site=shared.site,
            settings=shared.settings,
            standards_settings=shared.settings.standards,
            routes=language.routes,
            title=page.title,
            glossary_local=shared.glossary_local,
            has_map=shared.mapped,
            **tools.functions(),
            **page.values,
        )
    )
    head = _front_matter(language, dict(page.meta), in_every_language=page.in_every_language)
    return output(page.route, head + body, page.title, in_nav=page.in_nav)


class PageTools:
    """What a template asks of the page it is rendering: addresses from it, each ward's
    text in its language, the note that some of it is in English, sharing and calendar
    links."""

    def __init__(self, shared: Borough, page: Page) -> None:
        self.shared = shared
        self.here = page.route
        self.partly_english = page.partly_english
        self._localisers: dict[str, Localiser] = {}
        self._noted = False  # the page said it is partly in English

    def functions(self) -> dict[str, Any]:
        return {
            "link": self.link,
            "absolute": self.absolute,
            "localiser": self.localiser,
            "google_link": self.google_link,
            "outlook_link": self.outlook_link,
            "share_meeting": self.share_meeting,
            "share_ward": self.share_ward,
            "finder": self.finder,
            "ward_map": self.ward_map,
            "locate": self.locate,
            "english_note": self.english_note,
            "english_note_here": self.english_note_here,
        }

    def english_note(self, local: Localiser, entry: Any, *fields: str) -> Markup:
        """Before a block that shows `fields` of `entry`: the note that the page is partly
        in English, once, where the first English is, so it is read before the English."""
        if self._noted or not any(local.is_english(entry, field) for field in fields):
            return Markup("")
        return self._note() + Markup("\n\n\n")

    def english_note_here(self) -> Markup:
        """The note where the page would rather have it (a ward page: after the next
        meeting, which keeps the first screen for the answer), if no block before it
        showed English and the page does further on."""
        return Markup("") if self._noted or not self.partly_english else self._note()

    def _note(self) -> Markup:
        self._noted = True
        language = self.shared.language
        text = language._("Some of this page is not translated yet, so it is shown in English.")
        return markup.plain(text) + Markup("\n{: .wp-untranslated }")

    def link(self, target: Route) -> Markup:
        return markup.link_target(target.link_from(self.here))

    def href(self, target: Route) -> str:
        return target.href_from(self.here)

    def absolute(self, target: Route) -> str:
        return self.shared.settings.page_url(target.url)

    def localiser(self, record: WardRecord) -> Localiser:
        if record.slug not in self._localisers:
            language, site = self.shared.language, self.shared.site
            self._localisers[record.slug] = Localiser(
                language, site.translations_for(language, record.slug)
            )
        return self._localisers[record.slug]

    def _event(self, view: MeetingView) -> calendars.EventText:
        local = self.localiser(view.record)
        shared = self.shared
        return calendars.event_text(
            shared.settings, shared.language, view.record, view.meeting, local
        )

    def google_link(self, view: MeetingView) -> str:
        return calendars.google_link(self._event(view), view.meeting)

    def outlook_link(self, view: MeetingView) -> str:
        return calendars.outlook_link(self._event(view), view.meeting)

    def share_meeting(self, view: MeetingView) -> share.Sharing:
        shared = self.shared
        return share.meeting_sharing(
            shared.settings, shared.language, view.record, view.meeting, view.anchor
        )

    def share_ward(self, record: WardRecord) -> share.Sharing:
        return share.ward_sharing(self.shared.settings, self.shared.language, record)

    def finder(self) -> Markup:
        shared = self.shared
        return finder.finder_form(shared.site, shared.settings, shared.language, self.href)

    def ward_map(self) -> Markup:
        return wardmap.ward_map(self.shared.site, self.shared.language, self.href)

    def locate(self) -> Markup:
        shared = self.shared
        return wardmap.locate_button(shared.site, shared.settings, shared.language, self.href)


def _front_matter(language: Language, extra: dict[str, Any], *, in_every_language: bool) -> str:
    """The page's front matter: its language, whether it has a copy in every language (the
    theme then names and links them), and whatever the page adds. Not its title: the theme
    prints a front matter title as it is, so a ward's name could carry markup into the
    page; the generator takes the title from the page's heading, escaped."""
    values: dict[str, Any] = dict(extra)
    if not language.is_default:
        values["lang"] = language.code
    if in_every_language:
        values["translated"] = True
    # JSON is YAML, and nothing in a JSON value can end the front matter or start a key.
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in values.items()]
    return "---\n" + "\n".join(lines) + "\n---\n" if lines else ""
