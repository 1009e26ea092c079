"""The resident pages, as Markdown for the site generator, in each language.

What a page shows is worked out here, in Python, into typed views: which meeting is next,
which was cancelled or moved, which reviews are overdue. Templates hold presentation
only. Every value a template prints is escaped as plain text unless it was already made
safe (editors' Markdown goes through `markup.markdown`).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any
from urllib.parse import quote, urlsplit

from jinja2 import Environment
from markupsafe import Markup, escape

from . import calendars, embed, finder, markup, opendata, schedule, share, templating, wardmap
from .atom import FEED_LENGTH
from .history import Revision, Timing, meeting_identity
from .i18n import Language
from .localise import ENGLISH_MARK, Localiser
from .model import Feedback, GlossaryFile, Meeting, PanelRoleName, Priority, Ward
from .outputs import Output, output
from .routes import ENGLISH as ENGLISH_ROUTES
from .routes import (
    Route,
    Routes,
    Section,
    borough_feed,
    data_page,
    editors_fields,
    editors_guide,
    finder_data,
    meeting_anchor,
    meetings_data,
    poster,
    priorities_data,
    priority_anchor,
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
from .scrutiny import ActionPlan, ActionStatus
from .settings import Settings, Standards
from .site import Site, WardRecord
from .standards import Assessment, Status, standards_for, tally
from .structured import events_json_ld
from .text import anchor_id, place
from .tracker import STATUS_SHAPES, plan_view
from .trends import standards_over_time, trends_table

# How many "You said, we did" reports a ward page shows before folding the rest away.
RECENT_FEEDBACK = 3


@dataclass(frozen=True)
class MeetingView:
    """A meeting as a page shows it: its ward, its calendar file and what changed."""

    record: WardRecord
    meeting: Meeting
    revision: Revision
    coming: bool

    @property
    def cancelled(self) -> bool:
        return self.meeting.status == "cancelled"

    def calendar(self, paths: Routes) -> Route | None:
        """Its own calendar file, for "add to calendar": only a coming meeting going ahead."""
        if not self.coming or self.cancelled:
            return None
        return calendars.meeting_route(paths, self.record, self.meeting)

    @property
    def anchor(self) -> str:
        """Where it is on its ward's page: residents and council comms link to it."""
        return meeting_anchor(meeting_identity(self.meeting))

    @property
    def ends(self) -> str:
        """When it ends, in UTC: the page's script hides it after that by the visitor's clock."""
        moment = schedule.ends(self.meeting).astimezone(UTC)
        return moment.isoformat().replace("+00:00", "Z")

    @property
    def moved_from(self) -> Timing | None:
        """The meeting as first published, when its date, time or venue changed since."""
        return self.revision.first if self.revision.moved else None


@dataclass(frozen=True)
class PriorityView:
    priority: Priority
    overdue: bool
    reports: tuple[FeedbackView, ...]  # "You said, we did" about it, newest first


@dataclass(frozen=True)
class FeedbackView:
    entry: Feedback
    anchor: str
    priority: Priority | None


@dataclass(frozen=True)
class Role:
    name: PanelRoleName
    person: str | None
    vacant: bool


@dataclass(frozen=True)
class WardView:
    """Everything a ward page shows, worked out from the ward and the build's 'now'."""

    record: WardRecord
    next: MeetingView | None
    cancelled: tuple[MeetingView, ...]  # cancelled meetings before the next one
    moved: tuple[MeetingView, ...]  # coming meetings whose date, time or venue changed
    coming: tuple[MeetingView, ...]  # every meeting still to come, the next one included
    past: tuple[MeetingView, ...]
    current: tuple[PriorityView, ...]
    ended: tuple[Priority, ...]
    feedback: tuple[FeedbackView, ...]  # newest first
    last_review: date | None
    next_review: date | None
    needs_review: bool
    updated: date | None
    roles: tuple[Role, ...]
    assessments: tuple[Assessment, ...]

    @property
    def ward(self) -> Ward:
        return self.record.ward

    @property
    def recent_feedback(self) -> tuple[FeedbackView, ...]:
        return self.feedback[:RECENT_FEEDBACK]

    @property
    def older_feedback(self) -> tuple[FeedbackView, ...]:
        return self.feedback[RECENT_FEEDBACK:]

    @property
    def others(self) -> tuple[MeetingView, ...]:
        """Coming meetings but the next one and the cancellations before it, which the
        page says at the top, once."""
        return tuple(
            view for view in self.coming if view != self.next and view not in self.cancelled
        )


def ward_view(record: WardRecord, site: Site, standards: Standards) -> WardView:
    """What a ward page shows: the same in every language."""
    ward, now, today = record.ward, site.now, site.now.date()
    coming = tuple(meeting_view(record, m, now) for m in schedule.upcoming(ward.meetings, now))
    going_ahead = schedule.next_meeting(ward.meetings, now)
    following = next((view for view in coming if view.meeting is going_ahead), None)
    feedback = tuple(
        FeedbackView(entry, feedback_anchor(entry), _priority(ward, entry.priority))
        for entry in sorted(ward.feedback, key=lambda entry: entry.date, reverse=True)
    )
    reviewed = schedule.last_review(ward, now)
    current = tuple(
        PriorityView(
            priority,
            schedule.is_overdue(priority, today, reviewed),
            tuple(view for view in feedback if view.entry.priority == priority.id),
        )
        for priority in schedule.current_priorities(ward.priorities)
    )
    upcoming_reviews = [p.review for p in ward.priorities if p.status == "active" and p.review]
    return WardView(
        record=record,
        next=following,
        cancelled=tuple(
            view
            for view in coming
            if view.cancelled
            and (
                going_ahead is None or schedule.starts(view.meeting) < schedule.starts(going_ahead)
            )
        ),
        moved=tuple(view for view in coming if not view.cancelled and view.moved_from),
        coming=coming,
        past=tuple(meeting_view(record, m, now) for m in schedule.past(ward.meetings, now)),
        current=current,
        ended=tuple(schedule.ended_priorities(ward.priorities)),
        feedback=feedback,
        last_review=reviewed,
        next_review=min((day for day in upcoming_reviews if day >= today), default=None),
        needs_review=schedule.needs_review(ward, now, standards.months_between_meetings),
        updated=record.history.updated_on or schedule.newest_date(ward, today),
        roles=_roles(ward),
        assessments=record.assessments,
    )


def meeting_view(record: WardRecord, meeting: Meeting, now: datetime) -> MeetingView:
    revision = record.history.meetings[meeting_identity(meeting)]
    return MeetingView(record, meeting, revision, coming=schedule.ends(meeting) > now)


def feedback_anchor(entry: Feedback) -> str:
    """`feedback-2026-09-16`, or `feedback-2026-09-16-canal-drugs` for one about a priority."""
    return f"feedback-{entry.date.isoformat()}" + (f"-{entry.priority}" if entry.priority else "")


def _priority(ward: Ward, identifier: str | None) -> Priority | None:
    return next((p for p in ward.priorities if p.id == identifier), None)


def _roles(ward: Ward) -> tuple[Role, ...]:
    """The panel's roles in a fixed order; a chair or vice-chair not listed shows as vacant."""
    listed = [Role(role.role, role.name, role.vacant) for role in ward.panel.roles]
    named = {role.name for role in listed}
    missing = [
        Role(name, None, True)
        for name in (PanelRoleName.CHAIR, PanelRoleName.VICE_CHAIR)
        if name not in named
    ]
    order = list(PanelRoleName)
    return tuple(sorted(missing + listed, key=lambda role: order.index(role.name)))


def officers(ward: Ward, language: Language) -> list[str]:
    """The police team in words: named officers one by one, the rest counted by role."""
    lines = [
        language._("%(role)s: %(name)s", role=o.role.label, name=o.name)
        for o in ward.team.officers
        if o.name
    ]
    unnamed = Counter(o.role for o in ward.team.officers if not o.name)
    for role, count in unnamed.items():
        label = language.text(role.label if count == 1 else role.plural_label)
        lines.append(label if count == 1 else f"{language.number(count)} {label}")
    return lines


def borough_upcoming(site: Site) -> list[MeetingView]:
    """Every ward's coming meetings, soonest first."""
    found = [
        meeting_view(record, meeting, site.now)
        for record in site.wards
        for meeting in schedule.upcoming(record.ward.meetings, site.now)
    ]
    return sorted(found, key=lambda view: (schedule.starts(view.meeting), view.record.ward.name))


def by_month(
    meetings: list[MeetingView], language: Language
) -> list[tuple[str, list[MeetingView]]]:
    """Meetings grouped by month, in date order."""
    groups: dict[str, list[MeetingView]] = {}
    for view in meetings:
        groups.setdefault(language.month_year(view.meeting.date), []).append(view)
    return list(groups.items())


@dataclass(frozen=True)
class Letter:
    """A heading of an A to Z list, and its anchor."""

    label: str
    anchor: str


# Generated anchors hold "_", which no term's or ward's id can (anchor_id, slugs): a
# glossary term "Letter A" keeps its id `letter-a`, and the heading A keeps `letter_a`.
# Markup, so that the templates do not escape the "_" as Markdown.
LETTER_ANCHOR = Markup("letter_{}")


def letter_of(name: str) -> Letter:
    first = name[:1].upper()
    if first.isdigit():
        return Letter("0 to 9", LETTER_ANCHOR.format("0-9"))
    return Letter(first, LETTER_ANCHOR.format(anchor_id(first) or "other"))


def by_letter(items: list[Any], name: Callable[[Any], str]) -> list[tuple[Letter, list[Any]]]:
    """Items under the first letter of their name, in the order given."""
    groups: dict[Letter, list[Any]] = {}
    for item in items:
        groups.setdefault(letter_of(name(item)), []).append(item)
    return sorted(groups.items(), key=lambda group: (group[0].label != "0 to 9", group[0].label))


def map_link(meeting: Meeting) -> str | None:
    """A plain link to the venue on OpenStreetMap: nothing loads until a resident taps it."""
    venue = meeting.venue
    if venue is None:
        return None
    query = ", ".join(part for part in (venue.address, venue.postcode) if part)
    return "https://www.openstreetmap.org/search?query=" + quote(query)


STATUS_SYMBOLS = {Status.MET: "\u2713", Status.NOT_MET: "\u2717", Status.NO_DATA: "\u2013"}


def _escape(value: Any) -> Any:
    return value if isinstance(value, Markup) else markup.plain(value)


@lru_cache(maxsize=8)
def environment(language: Language) -> Environment:
    """One template environment per language, compiled once per process. Bounded: each
    rebuild under `mkdocs serve` reads the catalogues anew, and an edited catalogue must
    show, so the key is the language as read, and old ones fall out."""
    # `finalize` escapes values for Markdown, not HTML, before autoescape sees them;
    # autoescape makes macros return Markup.
    env = templating.environment(finalize=_escape, keep_trailing_newline=True)
    env.globals.update(
        _=language._,
        # A sentence with links in it: `_md("Call %(number)s.", number=("999", "tel:999"))`.
        _md=lambda message, **links: markup.sentence(language._(message), links),
        ngettext=language.ngettext,
        lang=language,
        map_link=map_link,
        status=lambda assessment: status_markup(assessment, language),
        action_status_mark=lambda status: action_status_markup(status, language),
        tally=lambda statuses: language.text(tally(statuses)),
        # Editors' English text on a page in another language, marked for screen readers.
        english=lambda text: (
            markup.plain(text)
            if language.is_default
            else Markup('<span lang="en">%s</span>') % markup.plain(text)
        ),
        anchor=anchor_id,
        sections=Section,
        priority_anchor=priority_anchor,
        standard_anchor=standard_anchor,
        untranslated_here=Markup(UNTRANSLATED_HERE),
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
        html=escape,  # for raw HTML attributes and elements, where Markdown escapes would show
        target=markup.link_target,
        when=lambda m: language.when(m.date, m.start, m.end),
        long_date=language.long_date,
        short_date=language.short_date,
        time_range=lambda m: language.time_range(m.start, m.end),
        number=language.number,
        anchor=anchor_id,
    )
    return env


def render_pages(site: Site, settings: Settings, language: Language) -> Iterator[Output]:
    """Every generated page in one language."""
    env = environment(language)
    r = language.routes
    _ = language._
    views = [ward_view(record, site, settings.standards) for record in site.wards]
    upcoming = borough_upcoming(site)
    glossary_local = Localiser(language, site.translations_for(language, ""))
    mapped = wardmap.has_map(site)

    def page(
        route: Route,
        template: str,
        title: str,
        *,
        in_nav: bool = True,
        in_every_language: bool = True,
        **values: Any,
    ) -> Output:
        localisers: dict[str, Localiser] = {}

        def localiser(record: WardRecord) -> Localiser:
            if record.slug not in localisers:
                localisers[record.slug] = Localiser(
                    language, site.translations_for(language, record.slug)
                )
            return localisers[record.slug]

        def event(view: MeetingView) -> calendars.EventText:
            return calendars.event_text(
                settings, language, view.record, view.meeting, localiser(view.record)
            )

        meta = values.pop("meta", {})
        body = env.get_template(template).render(
            site=site,
            settings=settings,
            standards_settings=settings.standards,
            routes=r,
            here=route,
            title=title,
            link=lambda target: markup.link_target(target.link_from(route)),
            absolute=lambda target: settings.page_url(target.url),
            localiser=localiser,
            glossary_local=glossary_local,
            google_link=lambda view: calendars.google_link(event(view), view.meeting),
            outlook_link=lambda view: calendars.outlook_link(event(view), view.meeting),
            share_meeting=lambda view: share.meeting_sharing(
                settings, language, view.record, view.meeting, view.anchor
            ),
            share_ward=lambda record: share.ward_sharing(settings, language, record),
            finder=lambda: finder.finder_form(
                site, settings, language, lambda t: t.href_from(route)
            ),
            has_map=mapped,
            ward_map=lambda: wardmap.ward_map(site, language, lambda t: t.href_from(route)),
            locate=lambda: wardmap.locate_button(
                site, settings, language, lambda t: t.href_from(route)
            ),
            **values,
        )
        fallbacks = sum(local.fallbacks for local in localisers.values())
        head = _front_matter(language, meta, in_every_language=in_every_language)
        body = _titled(body, language, fallbacks)
        return output(route, head + body, title, in_nav=in_nav)

    yield page(
        r.home(),
        "home.md.j2",
        _("Ward panels in %(borough)s", borough=settings.borough),
        upcoming=upcoming[:5],
    )
    yield page(
        r.wards(),
        "wards.md.j2",
        _("Wards A to Z"),
        letters=by_letter(list(site.wards), lambda record: record.ward.name),
        next_meetings={view.record.slug: view.next for view in views},
    )
    yield page(r.meetings(), "meetings.md.j2", _("Meetings"), months=by_month(upcoming, language))
    yield page(r.priorities(), "priorities.md.j2", _("Priorities"), wards=views)
    standards = standards_for(settings.standards)
    over_time = standards_over_time(
        [record.ward for record in site.wards], site.now.date(), settings.standards
    )

    def trends_from(here: Route) -> Markup:
        """The standards over time, each linked to its explanation from `here`."""
        return trends_table(
            over_time,
            language,
            {
                standard.key: r.standards().at(standard_anchor(standard.key)).href_from(here)
                for standard in standards
            },
        )

    yield page(
        r.standards(),
        "standards.md.j2",
        _("How each panel measures up"),
        standards=standards,
        wards=views,
        matrix=standards_matrix(views, standards, language, r.standards()),
        trends=trends_from(r.standards()),
        meta={"hide": ["toc"]},
    )
    if site.plan is not None:
        yield page(
            r.scrutiny(),
            "scrutiny.md.j2",
            _("The scrutiny action plan"),
            view=plan_view(site.plan, site),
            trends=trends_from(r.scrutiny()),
            plan=site.plan,
            data=scrutiny_data(),
            table=scrutiny_table(),
            feed=scrutiny_feed(),
        )
    yield page(
        r.glossary(),
        "glossary.md.j2",
        _("What the words mean"),
        letters=by_letter(list(site.glossary), lambda term: term.term),
    )
    yield page(
        r.calendars(),
        "calendars.md.j2",
        _("Meeting calendars"),
        borough_feed=calendars.subscription(
            settings,
            r.borough_calendar(),
            _("%(borough)s ward panel meetings", borough=settings.borough),
        ),
        feeds=[(record, r.ward_calendar(record.slug)) for record in site.wards],
    )
    if site.postcodes is not None:
        found = site.postcode_districts
        yield page(
            r.postcodes(),
            "postcodes.md.j2",
            _("Find your ward by postcode"),
            in_nav=False,
            districts=found,
            source=site.postcodes.source,
        )
        for district in found:
            rows = finder.district_rows(site, district)
            yield page(
                r.postcode_district(district),
                "postcode-district.md.j2",
                _("Postcodes starting %(district)s", district=district),
                in_nav=False,
                district=district,
                rows=rows,
                source=site.postcodes.source,
            )
            for row in rows:
                yield page(
                    r.postcode_sector(row.sector),
                    "postcode-sector.md.j2",
                    _("Postcodes starting %(sector)s", sector=row.sector),
                    in_nav=False,
                    district=district,
                    sector=row.sector,
                    rows=finder.sector_rows(site, row.sector),
                    source=site.postcodes.source,
                    # Hundreds of postcodes a page would swell every visitor's search index;
                    # the finder and the district pages answer postcodes.
                    meta={"search": {"exclude": True}},
                )
    if language.is_default:
        yield page(
            data_page(),
            "data.md.j2",
            "Open data",
            in_every_language=False,
            borough_feed=borough_feed(),
            feed_length=FEED_LENGTH,
            wards_data=wards_data(),
            wards_schema=wards_data_schema(),
            meetings_data=meetings_data(),
            priorities_data=priorities_data(),
            finder_data=finder_data(),
            postcodes=site.postcodes.source if site.postcodes else None,
            boundaries=site.boundaries.source
            if wardmap.has_map(site) and site.boundaries
            else None,
            boundaries_data=ward_boundaries_data(),
            # Each ward's files, as addresses with <ward> in them, from the routes.
            ward_files={
                name: make("<ward>").href_from(data_page())
                for name, make in (
                    ("data", ward_data),
                    ("priorities", ward_police_priorities),
                    ("events", ward_police_events),
                )
            },
            # A ward of this site, so the example never names one that is gone.
            example_slug=site.wards[0].slug,
            example_page="/" + r.ward(site.wards[0].slug).url,
            example=ward_data(site.wards[0].slug).href_from(data_page()),
            formula_starts=Markup(", ").join(
                markup.code(c) for c in opendata.FORMULA_STARTS if c.isascii() and c.isprintable()
            ),
            ward_feed=settings.root_path(ward_feed("<ward>").url),
            plan_files={"data": scrutiny_data(), "table": scrutiny_table(), "feed": scrutiny_feed()}
            if site.plan
            else None,
        )
        yield page(
            editors_fields(),
            "fields.md.j2",
            "Every field, explained",
            in_every_language=False,
            references=[
                ("Ward files", field_reference(Ward)),
                ("Glossary files", field_reference(GlossaryFile)),
                ("The scrutiny action plan", field_reference(ActionPlan)),
            ],
            meta={"search": {"exclude": True}},
        )
    for view in views:
        record = view.record
        english = english_headings(
            view, Localiser(language, site.translations_for(language, record.slug))
        )
        yield page(
            r.ward(record.slug),
            "ward.md.j2",
            _("%(ward)s ward panel", ward=record.ward.name),
            in_nav=False,
            view=view,
            ward=record.ward,
            record=record,
            officers=officers(record.ward, language),
            subscription=calendars.subscription(
                settings,
                r.ward_calendar(record.slug),
                _("%(ward)s ward panel meetings", ward=record.ward.name),
            ),
            json_ld=events_json_ld(record, settings, site.now) if language.is_default else None,
            poster=poster(record.slug),
            embed_code=embed.iframe(settings, language, record),
            feed=ward_feed(record.slug),
            # "Edit this page", for editors: on the English page only.
            edit=settings.edit_url(record.source) if language.is_default else None,
            editors=editors_guide(),
            review_months=settings.standards.months_between_meetings,
            meta={
                "description": _description(view, language),
                # The theme's `url` filter makes a site-root address relative to the page.
                "feed": ward_feed(record.slug).url,
                **({"english_headings": english} if english else {}),
                "search": {"boost": 10},
            },
        )


def english_headings(view: WardView, local: Localiser) -> dict[str, str]:
    """The English a ward page's headings hold for want of a translation, by anchor: the
    table of contents keeps only the headings' text, and the theme marks this in it as
    `lang="en"`, as the page does."""
    titled = [(priority_anchor(item.priority.id), item.priority) for item in view.current]
    titled += [(item.anchor, item.priority) for item in view.feedback if item.priority]
    return {
        anchor: priority.title for anchor, priority in titled if local.is_english(priority, "title")
    }


# Where a page would rather say it is partly in English than under its title: a ward
# page says so after the next meeting, which keeps the first screen for the answer.
UNTRANSLATED_HERE = "<!-- untranslated note -->"


def _titled(body: str, language: Language, fallbacks: int) -> str:
    """The page's title says which language the page is in (its abbreviations follow it),
    and a page with some text still in English says so once, before the first English:
    where the page marks with UNTRANSLATED_HERE, or else just before the block that holds
    the first English (on a ward page the next meeting's button stays on the first screen,
    and its English notes come after the note)."""
    start = body.index("# ")
    end = body.index("\n", start)
    title = body[start:end]
    if not language.is_default:
        title += f' {{ lang="{language.code}" }}'
    body = body[:start] + title + body[end:]
    end = start + len(title)
    if not fallbacks:
        return body.replace(UNTRANSLATED_HERE, "")
    text = language._("Some of this page is not translated yet, so it is shown in English.")
    note = f"{markup.plain(text)}\n{{: .wp-untranslated }}"
    english = body.find(ENGLISH_MARK, end)
    here = body.find(UNTRANSLATED_HERE)
    if here != -1 and not 0 <= english < here:
        return body.replace(UNTRANSLATED_HERE, note)
    body = body.replace(UNTRANSLATED_HERE, "")
    english = body.find(ENGLISH_MARK, end)
    block = max(body.rfind("\n\n", end, english), end) if english != -1 else end
    return body[:block] + "\n\n" + note + "\n" + body[block:]


def standards_matrix(
    views: list[WardView], standards: tuple[Any, ...], language: Language, here: Route
) -> Markup:
    """Every ward against every standard, as an HTML table with a caption: a table needs
    one, and Markdown tables cannot have it. Below desktop width the page shows the same
    as a list instead."""
    _ = language._
    r = language.routes
    head = Markup("").join(
        Markup('<th scope="col"><a href="#%s">%s</a></th>')
        % (standard_anchor(standard.key), language.text(standard.short))
        for standard in standards
    )
    rows = []
    for view in views:
        cells = Markup("").join(
            Markup("<td>%s</td>") % status_markup(assessment, language)
            for assessment in view.assessments
        )
        ward_link = r.ward(view.record.slug).at(Section.STANDARDS).href_from(here)
        rows.append(
            Markup('<tr><th scope="row"><a href="%s">%s</a></th>%s</tr>')
            % (ward_link, view.ward.name, cells)
        )
    total_cells = Markup("").join(
        Markup("<td>%s</td>")
        % language.text(tally(view.assessments[index].status for view in views))
        for index in range(len(standards))
    )
    return Markup(
        '<table class="wp-matrix"><caption>%s</caption><thead><tr><th scope="col">%s</th>%s'
        '</tr></thead><tbody>%s</tbody><tfoot><tr><th scope="row">%s</th>%s</tr></tfoot></table>'
    ) % (
        _(
            "Each ward against each standard: ✓ met, ✗ not met, – no data. "
            "Select a ward for the reasons."
        ),
        _("Ward"),
        head,
        Markup("").join(rows),
        _("All wards"),
        total_cells,
    )


def status_markup(assessment: Assessment, language: Language) -> Markup:
    """A status in words, with a symbol for sighted readers (never colour alone)."""
    status = assessment.status
    label = language.text(status.label)
    return Markup(
        '<span class="wp-status wp-status--%s"><span aria-hidden="true">%s</span> %s</span>'
    ) % (status.value, STATUS_SYMBOLS[status], label)


def action_status_markup(status: ActionStatus, language: Language) -> Markup:
    """An action's status in words, with a shape for sighted readers (never colour alone)."""
    return Markup(
        '<strong class="wp-action wp-action--%s"><span aria-hidden="true">%s</span> %s</strong>'
    ) % (status.value, STATUS_SHAPES[status], language.text(status.label))


def absent_pages(site: Site) -> frozenset[str]:
    """Pages in the site's menu this borough does not have: the action plan's, without a
    plan. The menu leaves them out."""
    return frozenset() if site.plan else frozenset({ENGLISH_ROUTES.scrutiny().path})


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


def _description(view: WardView, language: Language) -> str:
    """One sentence for search results and shared links: the next meeting, if there is one."""
    name = view.ward.name
    following = view.next
    if following is None:
        return language._(
            "The %(ward)s ward panel: its priorities, meetings and how to join.", ward=name
        )
    meeting = following.meeting
    return language._(
        "The %(ward)s ward panel meets next on %(when)s, at %(place)s.",
        ward=name,
        when=language.when(meeting.date, meeting.start, meeting.end),
        place=meeting.venue.name if meeting.venue else language._("online"),
    )
