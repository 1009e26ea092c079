"""Every kind of generated page, as a table: for each, its route, its template, its title
and the values it needs, worked out before any template runs. `pages.py` renders them."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from . import calendars, embed, finder, markup, opendata, wardmap
from .atom import FEED_LENGTH
from .borough_lists import borough_upcoming, by_letter, by_month
from .i18n import Language
from .localise import Localiser
from .model import GlossaryFile, Ward
from .postcodes import OGL_NAME, OGL_URL
from .routes import (
    Route,
    Section,
    borough_feed,
    data_page,
    editors_fields,
    editors_guide,
    finder_data,
    meetings_data,
    poster,
    priorities_data,
    scrutiny_data,
    scrutiny_feed,
    scrutiny_table,
    standard_anchor,
    ward_boundaries_data,
    ward_data,
    ward_feed,
    ward_police_events,
    ward_police_priorities,
    wards_data,
    wards_data_schema,
)
from .schema import field_reference
from .scrutiny import ActionPlan
from .settings import Settings
from .site import Site
from .standards import Standard, standards_for, tally
from .structured import events_json_ld
from .tracker import plan_view
from .trends import Trends, TrendsTable, standards_over_time, trends_table
from .ward_views import (
    SECTION_TITLES,
    MeetingView,
    WardView,
    description,
    english_headings,
    officers,
    shows_english,
    ward_view,
)

# How many coming meetings the home page lists.
HOME_MEETINGS = 5


@dataclass(frozen=True)
class Page:
    """One page to render: where it goes, from which template, and what that template needs
    beyond what every page is given."""

    route: Route
    template: str
    title: str
    values: Mapping[str, Any] = field(default_factory=dict)
    meta: Mapping[str, Any] = field(default_factory=dict)  # its front matter, besides the language
    in_nav: bool = True
    in_every_language: bool = False
    # Shows editors' text in English for want of a translation, which the page then says
    # where its template would rather (a ward page: after the next meeting), unless a
    # block before that shows English.
    partly_english: bool = False


@dataclass(frozen=True)
class Borough:
    """What many pages of one language share, worked out once."""

    site: Site
    settings: Settings
    language: Language
    views: tuple[WardView, ...]
    upcoming: tuple[MeetingView, ...]
    standards: tuple[Standard, ...]
    over_time: Trends
    glossary_local: Localiser  # the glossary's terms in the language
    mapped: bool  # whether the site has the wards' map


def borough(site: Site, settings: Settings, language: Language) -> Borough:
    return Borough(
        site,
        settings,
        language,
        views=tuple(ward_view(record, site, settings.standards) for record in site.wards),
        upcoming=tuple(borough_upcoming(site)),
        standards=standards_for(settings.standards),
        over_time=standards_over_time(
            [record.ward for record in site.wards], site.now.date(), settings.standards
        ),
        glossary_local=Localiser(language, site.translations_for(language, "")),
        mapped=wardmap.has_map(site),
    )


def _page(route: Route, template: str, title: str, **options: Any) -> Page:
    """A page that has a copy in every language, as most have."""
    return Page(route, template, title, in_every_language=True, **options)


def home(b: Borough) -> Iterator[Page]:
    title = b.language._("Ward panels in %(borough)s", borough=b.settings.borough)
    values = {
        "upcoming": b.upcoming[:HOME_MEETINGS],
        "wards_map": b.language.routes.wards().at(wardmap.MAP_ANCHOR),
    }
    yield _page(b.language.routes.home(), "home.md.j2", title, values=values)


def wards(b: Borough) -> Iterator[Page]:
    letters = by_letter(list(b.site.wards), lambda record: record.ward.name)
    values = {
        "letters": letters,
        # A list of one letter is no help to jump through.
        "jump_to": [letter for letter, _records in letters] if len(letters) > 1 else [],
        "ward_count": len(b.site.wards),
        "next_meetings": {view.record.slug: view.next for view in b.views},
    }
    yield _page(
        b.language.routes.wards(), "wards.md.j2", b.language._("Wards A to Z"), values=values
    )


def meetings(b: Borough) -> Iterator[Page]:
    values = {"months": by_month(list(b.upcoming), b.language)}
    yield _page(
        b.language.routes.meetings(), "meetings.md.j2", b.language._("Meetings"), values=values
    )


def priorities(b: Borough) -> Iterator[Page]:
    routes = b.language.routes
    yield _page(
        routes.priorities(),
        "priorities.md.j2",
        b.language._("Priorities"),
        values={"wards": b.views},
    )


@dataclass(frozen=True)
class StandardsRow:
    """A ward's line of the table of every ward against every standard."""

    name: str
    link: str
    assessments: tuple[Any, ...]


def standards(b: Borough) -> Iterator[Page]:
    here = b.language.routes.standards()
    rows = [
        StandardsRow(
            view.ward.name,
            b.language.routes.ward(view.record.slug).at(Section.STANDARDS).href_from(here),
            view.assessments,
        )
        for view in b.views
    ]
    totals = [
        b.language.text(tally(view.assessments[index].status for view in b.views))
        for index in range(len(b.standards))
    ]
    values = {
        "standards": b.standards,
        "wards": b.views,
        "rows": rows,
        "totals": totals,
        "trends": _trends(b, here),
    }
    title = b.language._("How each panel measures up")
    yield _page(here, "standards.md.j2", title, values=values, meta={"hide": ["toc"]})


def scrutiny(b: Borough) -> Iterator[Page]:
    if b.site.plan is None:
        return
    here = b.language.routes.scrutiny()
    values = {
        "view": plan_view(b.site.plan, b.site),
        "trends": _trends(b, here),
        "plan": b.site.plan,
        "data": scrutiny_data(),
        "table": scrutiny_table(),
        "feed": scrutiny_feed(),
    }
    yield _page(here, "scrutiny.md.j2", b.language._("The scrutiny action plan"), values=values)


def _trends(b: Borough, here: Route) -> TrendsTable:
    """The standards over time, each linked to its explanation from `here`."""
    explained = b.language.routes.standards()
    links = {s.key: explained.at(standard_anchor(s.key)).href_from(here) for s in b.standards}
    return trends_table(b.over_time, b.language, links)


def glossary(b: Borough) -> Iterator[Page]:
    values = {"letters": by_letter(list(b.site.glossary), lambda term: term.term)}
    title = b.language._("What the words mean")
    yield _page(b.language.routes.glossary(), "glossary.md.j2", title, values=values)


def calendar_list(b: Borough) -> Iterator[Page]:
    r, _ = b.language.routes, b.language._
    values = {
        "borough_feed": calendars.subscription(
            b.settings,
            r.borough_calendar(),
            _("%(borough)s ward panel meetings", borough=b.settings.borough),
        ),
        "feeds": [(record, r.ward_calendar(record.slug)) for record in b.site.wards],
    }
    yield _page(r.calendars(), "calendars.md.j2", _("Meeting calendars"), values=values)


def postcode_pages(b: Borough) -> Iterator[Page]:
    """The finder's answers without JavaScript: a page a district, a page a sector."""
    if b.site.postcodes is None:
        return
    r, _ = b.language.routes, b.language._
    source = b.site.postcodes.source
    found = b.site.postcode_districts
    title = _("Find your ward by postcode")
    values: dict[str, Any] = {"districts": found, "source": source}
    yield _page(r.postcodes(), "postcodes.md.j2", title, in_nav=False, values=values)
    for district in found:
        rows = finder.district_rows(b.site, district)
        values = {"district": district, "rows": rows, "source": source}
        values["example"] = rows[0].sector if rows else district
        title = _("Postcodes starting %(district)s", district=district)
        route = r.postcode_district(district)
        yield _page(route, "postcode-district.md.j2", title, in_nav=False, values=values)
        for row in rows:
            values = {"district": district, "sector": row.sector, "source": source}
            values["rows"] = finder.sector_rows(b.site, row.sector)
            title = _("Postcodes starting %(sector)s", sector=row.sector)
            route = r.postcode_sector(row.sector)
            # Hundreds of postcodes a page would swell every visitor's search index; the
            # finder and the district pages answer postcodes.
            meta = {"search": {"exclude": True}}
            yield _page(
                route, "postcode-sector.md.j2", title, in_nav=False, values=values, meta=meta
            )


def open_data(b: Borough) -> Iterator[Page]:
    """The open data's description, in English only: its readers are developers."""
    if not b.language.is_default:
        return
    site, here = b.site, data_page()
    example = site.wards[0].slug  # a ward of this site, so the example never names one gone
    values = {
        "borough_feed": borough_feed(),
        "feed_length": FEED_LENGTH,
        "wards_data": wards_data(),
        "wards_schema": wards_data_schema(),
        "meetings_data": meetings_data(),
        "priorities_data": priorities_data(),
        "finder_data": finder_data(),
        "licence": {"name": OGL_NAME, "url": OGL_URL},
        "postcodes": site.postcodes.source if site.postcodes else None,
        "boundaries": site.boundaries.source if b.mapped and site.boundaries else None,
        "boundaries_data": ward_boundaries_data(),
        # Each ward's files, as addresses with <ward> in them, from the routes.
        "ward_files": {name: make("<ward>").href_from(here) for name, make in _WARD_FILES},
        "example_slug": example,
        "example_page": "/" + b.language.routes.ward(example).url,
        "example": ward_data(example).href_from(here),
        "formula_starts": Markup(", ").join(
            markup.code(c) for c in opendata.FORMULA_STARTS if c.isascii() and c.isprintable()
        ),
        "ward_feed": b.settings.root_path(ward_feed("<ward>").url),
        "plan_files": {"data": scrutiny_data(), "table": scrutiny_table(), "feed": scrutiny_feed()}
        if site.plan
        else None,
    }
    yield Page(here, "data.md.j2", "Open data", values=values)


_WARD_FILES: tuple[tuple[str, Callable[[str], Route]], ...] = (
    ("data", ward_data),
    ("priorities", ward_police_priorities),
    ("events", ward_police_events),
)


def field_guide(b: Borough) -> Iterator[Page]:
    """Every field explained, for editors, in English only."""
    if not b.language.is_default:
        return
    references = [
        ("Ward files", field_reference(Ward)),
        ("Glossary files", field_reference(GlossaryFile)),
        ("The scrutiny action plan", field_reference(ActionPlan)),
    ]
    meta = {"search": {"exclude": True}}
    title = "Every field, explained"
    yield Page(
        editors_fields(), "fields.md.j2", title, values={"references": references}, meta=meta
    )


def ward_pages(b: Borough) -> Iterator[Page]:
    """A page a ward: its next meeting on the first screen, then everything else."""
    site, settings, language = b.site, b.settings, b.language
    r, _ = language.routes, language._
    for view in b.views:
        record = view.record
        local = Localiser(language, site.translations_for(language, record.slug))
        english = english_headings(view, local)
        feed = ward_feed(record.slug)
        values = {
            "view": view,
            "ward": record.ward,
            "record": record,
            "officers": officers(record.ward, language),
            "subscription": calendars.subscription(
                settings,
                r.ward_calendar(record.slug),
                _("%(ward)s ward panel meetings", ward=record.ward.name),
            ),
            "json_ld": events_json_ld(record, settings, site.now) if language.is_default else None,
            "poster": poster(record.slug),
            "embed_code": embed.iframe(settings, language, record),
            "feed": feed,
            # "Edit this page", for editors: on the English page only.
            "edit": settings.edit_url(record.source) if language.is_default else None,
            "editors": editors_guide(),
            "contact": f"#{Section.CONTACT.value}",
            "address": settings.page_url(r.ward(record.slug).url),
            "addresses": _addresses(view, settings, language),
            "stale": _stale(view, language, settings.standards.months_between_meetings),
        }
        meta = {
            "description": description(view, language),
            # The theme's `url` filter makes a site-root address relative to the page.
            "feed": feed.url,
            **({"english_headings": english} if english else {}),
            "search": {"boost": 10},
        }
        title = _("%(ward)s ward panel", ward=record.ward.name)
        route = r.ward(record.slug)
        partly_english = shows_english(view, local)
        yield _page(
            route,
            "ward.md.j2",
            title,
            in_nav=False,
            values=values,
            meta=meta,
            partly_english=partly_english,
        )


def _addresses(view: WardView, settings: Settings, language: Language) -> list[tuple[str, str]]:
    """The addresses of a ward page's sections and coming meetings, to link to from other
    sites: each with its name."""
    unlinked = (Section.SHARE, Section.STANDARDS)  # not what other sites link to
    named: list[tuple[str, str]] = [
        (section, language.text(title))
        for section, title in SECTION_TITLES.items()
        if section not in unlinked
    ]
    named += [
        (item.anchor, language.when(item.meeting.date, item.meeting.start, item.meeting.end))
        for item in view.going_ahead
    ]
    page = language.routes.ward(view.record.slug)
    return [(label, settings.page_url(page.at(anchor).url)) for anchor, label in named]


def _stale(view: WardView, language: Language, months: int) -> str | None:
    """Why the priorities may be out of date, when no review is recent enough."""
    if not view.needs_review:
        return None
    if view.last_review is None:
        return language._("No priority has been agreed or reviewed yet.")
    return language._(
        "No priority has been agreed or reviewed since %(date)s, more than %(months)s months ago.",
        date=view.last_review,
        months=months,
    )


# Every kind of page, in the order the site lists them.
PAGE_KINDS: tuple[Callable[[Borough], Iterator[Page]], ...] = (
    home,
    wards,
    meetings,
    priorities,
    standards,
    scrutiny,
    glossary,
    calendar_list,
    postcode_pages,
    open_data,
    field_guide,
    ward_pages,
)
