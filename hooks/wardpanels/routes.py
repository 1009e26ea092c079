"""Every public path of the site, declared once.

Council communications, posters and calendar apps link to these addresses, so they must
never change by accident: every renderer and template asks this module for a path, and no
other module builds one. A path is where an output goes under the site's root, as the
site generator's docs folder holds it (`wards/bow-east.md`, `calendars/bow-east.ics`);
its URL is where residents find it (`wards/bow-east/`).

Resident pages exist in every language: English at the root, another language under its
code (`bn/wards/bow-east/`). Open data, update feeds, posters and the editors' pages are
published once.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum


class Section(StrEnum):
    """The sections of a ward page that posters, leaflets, feeds and other pages link to
    (the contract): `routes.ward(slug).at(Section.CONTACT)`."""

    NEXT_MEETING = "next-meeting"
    PRIORITIES = "priorities"
    FEEDBACK = "feedback"
    MEETINGS = "meetings"
    PANEL = "panel"
    CONTACT = "contact"
    SUBSCRIBE = "subscribe"
    SHARE = "share"
    STANDARDS = "standards"


def priority_anchor(priority_id: str) -> str:
    """Where one priority is on its ward's page."""
    return f"priority-{priority_id}"


def meeting_anchor(identity: str) -> str:
    """Where one coming meeting is on its ward's page, by its id or date: stable while the
    meeting keeps its id."""
    return f"meeting-{identity}"


def standard_anchor(key: str) -> str:
    """Where one minimum standard is explained on the standards page."""
    return f"standard-{key}"


def recommendation_anchor(number: int) -> str:
    """Where one recommendation of the scrutiny action plan is on its page."""
    return f"recommendation-{number}"


def action_anchor(number: int, action_id: str) -> str:
    """Where one action of the scrutiny action plan is on its page."""
    return f"recommendation-{number}-{action_id}"


# Names the site gives its own files: a ward file with one of these names would
# overwrite them (the ward list, the borough's calendar, its update feed and the action
# plan's).
ALL_WARDS = "all-wards"
ALL_FEED = "all"
SCRUTINY_FEED = "scrutiny"
RESERVED_SLUGS = frozenset({"index", ALL_FEED, ALL_WARDS, SCRUTINY_FEED})


@dataclass(frozen=True)
class Route:
    """One public output: where it goes, and how other outputs link to it."""

    path: str
    anchor: str = ""

    @property
    def is_page(self) -> bool:
        """A Markdown page the site generator themes, rather than a finished file."""
        return self.path.endswith(".md")

    @property
    def url(self) -> str:
        """The address under the site root: `wards/bow-east/`, `calendars/bow-east.ics`."""
        path = self.path
        for index in ("index.md", "index.html"):
            if path == index or path.endswith("/" + index):
                path = path.removesuffix(index)
                break
        else:
            if path.endswith(".md"):
                path = path.removesuffix(".md") + "/"
        return path + (f"#{self.anchor}" if self.anchor else "")

    def at(self, anchor: str) -> Route:
        """The same output, at one of its anchors."""
        return replace(self, anchor=anchor)

    def link_from(self, origin: Route) -> str:
        """A relative link to this output, as written in `origin`.

        Markdown pages link to the source path, which the generator checks and turns into
        an address; anything else links to the address itself.
        """
        if not origin.is_page:
            return self.href_from(origin)
        target = posixpath.relpath(self.path, posixpath.dirname(origin.path) or ".")
        return target + (f"#{self.anchor}" if self.anchor else "")

    def href_from(self, origin: Route) -> str:
        """A link to this output's address, relative to `origin`'s address: for raw HTML,
        which the generator leaves as it is."""
        here = origin.url.split("#")[0]
        folder = here.rstrip("/") if here.endswith("/") else posixpath.dirname(here)
        address = self.url.split("#")[0]
        target = posixpath.relpath(address.rstrip("/") or ".", folder or ".")
        if not address or address.endswith("/"):
            target = "./" if target == "." else target + "/"
        return target + (f"#{self.anchor}" if self.anchor else "")


@dataclass(frozen=True)
class Routes:
    """The paths of one language's pages and calendars: English at the site root."""

    language: str = "en"
    default: str = "en"

    @property
    def prefix(self) -> str:
        return "" if self.language == self.default else f"{self.language}/"

    def _page(self, path: str) -> Route:
        return Route(self.prefix + path)

    def home(self) -> Route:
        return self._page("index.md")

    def not_found(self) -> Route:
        """The page a host serves for an address it does not have, one per language."""
        return Route(self.prefix + "404.html")

    def wards(self) -> Route:
        return self._page("wards/index.md")

    def ward(self, slug: str) -> Route:
        return self._page(f"wards/{slug}.md")

    def meetings(self) -> Route:
        return self._page("meetings/index.md")

    def priorities(self) -> Route:
        return self._page("priorities/index.md")

    def standards(self) -> Route:
        return self._page("standards/index.md")

    def glossary(self) -> Route:
        return self._page("glossary/index.md")

    def scrutiny(self) -> Route:
        """The scrutiny action plan: only where the borough has one."""
        return self._page("scrutiny/index.md")

    def calendars(self) -> Route:
        return self._page("calendars/index.md")

    def how_panels_work(self) -> Route:
        """Hand-written, in every language."""
        return self._page("how-ward-panels-work.md")

    def accessibility(self) -> Route:
        """Hand-written, in every language."""
        return self._page("accessibility.md")

    def postcodes(self) -> Route:
        return self._page("postcodes/index.md")

    def postcode_district(self, district: str) -> Route:
        """`/postcodes/e3/`: each sector of a postcode district and its wards."""
        return self._page(f"postcodes/{district.lower()}.md")

    def postcode_sector(self, sector: str) -> Route:
        """`/postcodes/e14/e14-9/`: every postcode of the sector "E14 9" and its ward."""
        district, digit = sector.lower().split(" ")
        return self._page(f"postcodes/{district}/{district}-{digit}.md")

    def ward_embed(self, slug: str) -> Route:
        """`/wards/bow-east/embed/`: a card other sites show in an iframe."""
        return Route(f"{self.prefix}wards/{slug}/embed/index.html")

    def ward_oembed(self, slug: str) -> Route:
        """The card's oEmbed description, which its page names for other sites to find."""
        return Route(f"{self.prefix}wards/{slug}/embed/oembed.json")

    def ward_calendar(self, slug: str) -> Route:
        return Route(f"{self.prefix}calendars/{slug}.ics")

    def borough_calendar(self) -> Route:
        return self.ward_calendar(ALL_WARDS)

    def meeting_calendar(self, slug: str, day: date, same_day_id: str | None = None) -> Route:
        """One coming meeting, for "add to calendar": its file name says whose and when.

        `same_day_id` tells apart two meetings of one ward on the same day.
        """
        name = f"{slug}-{day.isoformat()}" + (f"-{same_day_id}" if same_day_id else "")
        return Route(f"{self.prefix}calendars/{slug}/{name}.ics")


# Published once, in English.


def poster(slug: str) -> Route:
    """A printable A4 poster, in every language the site has: `/wards/bow-east/poster/`."""
    return Route(f"wards/{slug}/poster/index.html")


def ward_feed(slug: str) -> Route:
    return Route(f"feeds/{slug}.xml")


def borough_feed() -> Route:
    return ward_feed(ALL_FEED)


def scrutiny_feed() -> Route:
    """Updates on the scrutiny action plan."""
    return ward_feed(SCRUTINY_FEED)


def data_page() -> Route:
    """What the open data holds, and where it comes from."""
    return Route("data/index.md")


def editors_guide() -> Route:
    """Hand-written: the editors' guide."""
    return Route("editors/index.md")


def editors_form_editor() -> Route:
    """Hand-written: changing a ward by filling in a form."""
    return Route("editors/form-editor.md")


def editors_meetings() -> Route:
    """Hand-written: adding, moving and cancelling meetings."""
    return Route("editors/meetings.md")


def editors_priorities() -> Route:
    """Hand-written: priorities and "You said, we did"."""
    return Route("editors/priorities.md")


def editors_glossary() -> Route:
    """Hand-written: adding a word to the glossary."""
    return Route("editors/glossary.md")


def editors_wards() -> Route:
    """Hand-written: ward names, areas and postcodes."""
    return Route("editors/wards.md")


def editors_translations() -> Route:
    """Hand-written: translating the site."""
    return Route("editors/translations.md")


def editors_fields() -> Route:
    return Route("editors/fields.md")


def editors_deploying() -> Route:
    """Hand-written: publishing the site."""
    return Route("editors/deploying.md")


def form_editor() -> Route:
    """The form editor (Decap CMS): its own bare page, for editors only."""
    return Route("admin/index.html")


def form_editor_config() -> Route:
    return Route("admin/config.yml")


def form_editor_script() -> Route:
    return Route("admin/decap-cms.js")


def form_editor_addition() -> Route:
    """The project's own few lines for the editor: see templates/form-editor.js."""
    return Route("admin/form-editor.js")


def form_editor_stylesheet() -> Route:
    return Route("admin/form-editor.css")


def form_editor_data() -> Route:
    """What form-editor.js needs: each form's key order and translations' fingerprints."""
    return Route("admin/form-editor.json")


def wards_data() -> Route:
    return Route("data/wards.json")


def wards_data_schema() -> Route:
    return Route("data/wards.schema.json")


def meetings_data() -> Route:
    return Route("data/meetings.csv")


def priorities_data() -> Route:
    return Route("data/priorities.csv")


def scrutiny_data() -> Route:
    return Route("data/scrutiny.json")


def scrutiny_table() -> Route:
    """Every action of the plan, one a row."""
    return Route("data/scrutiny.csv")


def editors_scrutiny() -> Route:
    """Hand-written: recording the action plan's progress."""
    return Route("editors/scrutiny.md")


def ward_data(slug: str) -> Route:
    return Route(f"data/wards/{slug}.json")


def ward_police_priorities(slug: str) -> Route:
    """In the shape of data.police.uk's neighbourhood priorities."""
    return Route(f"data/wards/{slug}/priorities.json")


def ward_police_events(slug: str) -> Route:
    """In the shape of data.police.uk's neighbourhood events."""
    return Route(f"data/wards/{slug}/events.json")


def finder_data() -> Route:
    """What the ward finder downloads when a resident uses it: postcodes, names, areas."""
    return Route("data/finder.json")


def ward_boundaries_data() -> Route:
    """The wards' polygons: open data, and what "Use my location" downloads when pressed."""
    return Route("data/ward-boundaries.geojson")


def locate_script() -> Route:
    """The script behind "Use my location", loaded only when the button is pressed."""
    return Route("assets/locate.js")


def social_image() -> Route:
    return Route("assets/social.png")


def poster_stylesheet() -> Route:
    return Route("assets/poster.css")


def font_stylesheet() -> Route:
    """Fonts for scripts a phone may lack, loaded only where a language needs them."""
    return Route("assets/fonts.css")


def icon() -> Route:
    return Route("assets/images/favicon.png")


# The default language's pages, for outputs published once (data, feeds, posters).
ENGLISH = Routes()
