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
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from markupsafe import Markup

from .i18n import Language
from .outputs import Output, output
from .postcodes import browser_data, index_digits
from .routes import Route, Section, finder_data
from .settings import Settings
from .site import Site, WardRecord

# Stand for a ward's slug, and a sector's district and digit, in the addresses the form
# gives the script.
SLUG = "{slug}"
DISTRICT = "{district}"
DIGIT = "{digit}"


def render_finder(site: Site, settings: Settings) -> Iterator[Output]:
    """What the finder's script downloads: published once, for every language."""
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
    yield output(finder_data(), content + "\n")


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


def finder_form(
    site: Site, settings: Settings, language: Language, href: Callable[[Route], str]
) -> Markup:
    """The finder as HTML: a form the page's script brings to life, and links that answer
    the same question without it. `href` makes the address of an output from the page
    the finder is on (relative on a page, from the host's root on the 404 page)."""
    _ = language._
    r = language.routes
    messages = {
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
    form = {
        "class": "wp-finder",
        "method": "get",
        "role": "search",
        "action": href(r.wards()),
        "data-finder": href(finder_data()),
        # Where each ward's page is, for the script to put the ward's slug in.
        "data-ward": href(r.ward(SLUG)),
        "data-ward-next": href(r.ward(SLUG).at(Section.NEXT_MEETING)),
        "data-sector": href(r.postcode_sector(f"{DISTRICT} {DIGIT}")),
        "data-messages": json.dumps(messages, ensure_ascii=False),
    }
    districts_found = site.postcode_districts
    parts = [
        Markup("<form %s>")
        % Markup(" ").join(Markup('%s="%s"') % (name, value) for name, value in form.items()),
        Markup('<label class="wp-finder__label" for="wp-finder-q">%s</label>')
        % _("Your postcode, street, estate or ward"),
        Markup('<p class="wp-finder__hint" id="wp-finder-hint">%s</p>')
        % _("For example E3 2AA, Cable Street or Chrisp Street"),
        Markup(
            '<div class="wp-finder__row"><input class="wp-finder__input" id="wp-finder-q" '
            'name="q" type="text" autocomplete="off" spellcheck="false" '
            'aria-describedby="wp-finder-hint"><button class="md-button md-button--primary" '
            'type="submit">%s</button></div>'
        )
        % _("Find my ward"),
        Markup("</form>"),
        Markup('<div class="wp-finder__answer" role="status" aria-live="polite"></div>'),
    ]
    if districts_found:
        links = Markup(" · ").join(
            Markup('<a href="%s">%s</a>') % (href(r.postcode_district(d)), d)
            for d in districts_found
        )
        parts.append(
            Markup('<p class="wp-finder__districts">%s %s</p>')
            % (_("Choose how your postcode starts:"), links)
        )
    parts.append(
        Markup('<p class="wp-finder__list"><a href="%s">%s</a></p>')
        % (href(r.wards()), _("Choose your ward from the list of wards and their areas"))
    )
    if site.postcodes is not None:
        source = site.postcodes.source
        parts.append(
            Markup(
                '<details class="wp-finder__help"><summary>%s</summary><p>%s</p>'
                '<p>%s <a href="%s">%s</a>.</p></details>'
            )
            % (
                _("How the finder works"),
                _(
                    "It finds your ward from your postcode, or from the names of streets, "
                    "estates and places in each ward. It works on this site alone: what you "
                    "type is not sent anywhere."
                ),
                " ".join(source.attribution),
                source.licence_url,
                source.licence,
            )
        )
    return Markup("\n").join(parts)
