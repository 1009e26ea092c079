"""Which ward am I in? The finder on the home page, Wards A to Z and the 404 page.

With JavaScript, a resident types a postcode, a street, an estate or a ward's name, and
the page's script answers from `data/finder.json`, which it downloads from the site itself
only when the finder is used: every postcode of the borough with its ward, and each
ward's names and areas, in English and from the translations. The script forgives what
residents type (finder.js says how). Without JavaScript, the same answers are pages: one
per postcode district (`/postcodes/e3/`) listing each sector and its wards, one per sector
(`/postcodes/e3/e3-2/`) listing every postcode with its ward, and Wards A to Z with each
ward's areas.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from . import templating
from .i18n import Language
from .outputs import FilePlan, planned
from .postcodes import PostcodeSource, browser_data, index_digits
from .routes import Route, Section, finder_data
from .settings import Settings
from .site import Site, WardRecord

# Stand for a ward's slug, and a sector's district and digit, in the addresses the form
# gives the script.
SLUG = "{slug}"
DISTRICT = "{district}"
DIGIT = "{digit}"


def render_finder(site: Site) -> FilePlan:
    """What the finder's script downloads: published once, for every language."""
    return FilePlan((planned(finder_data(), _finder_json, site),))


def _finder_json(site: Site) -> str:
    records = list(site.wards)
    index = {
        record.ward.gss_code: number
        for number, record in enumerate(records)
        if record.ward.gss_code is not None
    }
    data = {
        "wards": [_ward_data(site, record) for record in records],
        "postcodes": browser_data(site.postcodes, index) if site.postcodes else {},
        "digits": index_digits(index),
    }
    content = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return content + "\n"


def _ward_data(site: Site, record: WardRecord) -> dict[str, object]:
    """A ward as the finder matches it: its names and areas in every language."""
    names = {}
    areas = list(record.ward.areas)
    for language in site.languages:
        translated = site.translations_for(language, record.slug)
        if name := translated.get(("ward", "", "name")):
            names[language.code] = name
        areas.extend(area.strip() for area in translated.get(("ward", "", "areas"), "").split(";"))
    return {
        "slug": record.slug,
        "name": record.ward.name,
        "names": names,
        "former": list(record.ward.former_names),
        "areas": [area for area in areas if area],
    }


@dataclass(frozen=True)
class DistrictRow:
    """One sector of a postcode district, and the wards its postcodes are in, most first."""

    sector: str
    wards: tuple[tuple[WardRecord, int], ...]

    @property
    def shared(self) -> bool:
        """Whether its postcodes are in more than one ward: then each ward's count helps."""
        return len(self.wards) > 1


def district_rows(site: Site, district: str) -> list[DistrictRow]:
    """Each sector of a district with the site's wards in it."""
    assert site.postcodes is not None
    by_code = _records_by_code(site)
    rows = []
    for sector, wards in site.postcodes.district_sectors(district):
        found = tuple((by_code[code], count) for code, count in wards if code in by_code)
        if found:
            rows.append(DistrictRow(sector, found))
    return rows


def sector_rows(site: Site, sector: str) -> list[tuple[str, WardRecord]]:
    """Every postcode of a sector ("E14 9") in a ward of the site, with that ward."""
    assert site.postcodes is not None
    by_code = _records_by_code(site)
    return [
        (postcode, by_code[code])
        for postcode, code in site.postcodes.sector_postcodes(sector)
        if code in by_code
    ]


def _records_by_code(site: Site) -> dict[str | None, WardRecord]:
    return {record.ward.gss_code: record for record in site.wards}


@dataclass(frozen=True)
class FinderForm:
    """What the finder's template shows: the addresses it links to, from the page it is on,
    and the script's messages in the page's language."""

    wards: str
    data: str
    ward: str  # with SLUG for the script to put a ward's slug in
    ward_next: str
    sector: str  # with DISTRICT and DIGIT
    messages: str  # JSON
    districts: tuple[tuple[str, str], ...]  # each postcode district, and its page
    source: PostcodeSource | None


def finder_form(
    site: Site, settings: Settings, language: Language, href: Callable[[Route], str]
) -> Markup:
    """The finder as HTML: a form the page's script brings to life, and links that answer
    the same question without it. `href` makes the address of an output from the page
    the finder is on (relative on a page, from the host's root on the 404 page)."""
    r = language.routes
    form = FinderForm(
        wards=href(r.wards()),
        data=href(finder_data()),
        ward=href(r.ward(SLUG)),
        ward_next=href(r.ward(SLUG).at(Section.NEXT_MEETING)),
        sector=href(r.postcode_sector(f"{DISTRICT} {DIGIT}")),
        messages=json.dumps(_messages(settings, language), ensure_ascii=False),
        districts=tuple((d, href(r.postcode_district(d))) for d in site.postcode_districts),
        source=site.postcodes.source if site.postcodes is not None else None,
    )
    template = templating.html_environment().get_template("finder.html.j2")
    return Markup(template.render(_=language._, form=form))


def _messages(settings: Settings, language: Language) -> dict[str, object]:
    """What the finder's script says, in the page's language."""
    _ = language._
    return {
        "postcode": _("%(postcode)s is in %(ward)s."),
        "sector": _(
            "Postcodes starting %(sector)s are in these wards. Your postcode is in one of them:"
        ),
        "unknown": _(
            "We do not know the postcode %(postcode)s yet. Postcodes starting %(sector)s are "
            "in these wards, so yours is in one of them:"
        ),
        "every": _("Every postcode starting %(sector)s, and its ward"),
        "notFound": _("%(postcode)s is not a postcode in %(borough)s, or we do not know it yet."),
        "names": _("Wards that match \u201c%(query)s\u201d:"),
        "nothing": _("We could not find \u201c%(query)s\u201d in %(borough)s."),
        "empty": _("Type a postcode, a street, an estate or the name of a ward."),
        "problem": _("There is a problem"),
        "tries": [
            _("Check the spelling, or type fewer words, like \u201cCable Street\u201d."),
            _("Type your whole postcode, like \u201cE3 2AA\u201d."),
        ],
        "list": _("Choose your ward from the list of wards and their areas"),
        "next": _("Next meeting"),
        "failed": _("The finder could not load. Choose your ward from the list of wards."),
        "formerly": _("formerly %(names)s"),
        "borough": settings.borough,
    }
