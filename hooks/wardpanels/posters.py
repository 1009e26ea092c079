"""Printable A4 posters: for noticeboards, libraries, mosques, shops and GP surgeries.

Most residents never visit a website, so each ward gets a one-page poster with its next
meetings, current priorities, how to join, and QR codes to its page and to the section
that subscribes a phone's calendar. Every language of the site is on the same sheet,
side by side. A poster is a plain HTML file, not a themed page: it prints alone, with
no navigation, and costs the build almost nothing.
"""

from __future__ import annotations

import re
from functools import cache

import markdown as python_markdown
import zxingcpp
from markupsafe import Markup, escape

from . import markup, templating
from .i18n import Language
from .localise import Localiser
from .model import Ward
from .outputs import FilePlan, planned
from .routes import Section, font_stylesheet, icon, poster, poster_stylesheet, social_image
from .schedule import current_priorities, starts
from .settings import Settings
from .site import Site, WardRecord
from .text import place

_SIZE = re.compile(r'<svg width="(\d+)"')
# A poster is one A4 sheet whatever the data: the first few current priorities, and a
# line saying how many more the ward's page has (the print style clamps long texts).
POSTER_PRIORITIES = 4
_MODULES = re.compile(r'<path d="([^"]+)"')


def qr_svg(url: str, label: str) -> Markup:
    """A QR code as inline SVG, made at build time (no request to any other site).

    zxing-cpp draws it with zint, which picks the best of the eight masks as ISO/IEC 18004
    asks, in well under a millisecond: fast enough for two codes a ward at any size. The
    code keeps the four-module quiet zone scanners need, and scales with the page.
    """
    code = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    drawn = code.to_svg(scale=1, add_quiet_zones=True)
    size, modules = _SIZE.search(drawn)[1], _MODULES.search(drawn)[1]  # type: ignore[index]
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" role="img" '
        f'aria-label="{escape(label)}" shape-rendering="crispEdges">'
        f'<rect width="{size}" height="{size}" fill="#fff"/><path d="{modules}" fill="#000"/></svg>'
    )


@cache
def _converter() -> python_markdown.Markdown:
    return python_markdown.Markdown(extensions=[markup.SafeLinks()])


def _markdown_html(source: str) -> Markup:
    """An editor's Markdown as HTML, made safe the same way as on the ward pages."""
    return Markup(_converter().reset().convert(str(markup.markdown(source))))


def render_posters(site: Site, settings: Settings) -> FilePlan:
    """Every ward's poster, in every language of the site."""
    return FilePlan(
        tuple(
            planned(poster(record.slug), _poster, site, settings, record) for record in site.wards
        )
    )


def _poster(site: Site, settings: Settings, record: WardRecord) -> str:
    template = templating.html_environment().get_template("poster.html.j2")
    english = site.languages[0]
    upcoming = sorted(
        (m for m in record.ward.meetings if m.status == "scheduled" and starts(m) > site.now),
        key=starts,
    )[:3]
    current = current_priorities(record.ward.priorities)
    route = poster(record.slug)
    page = settings.page_url(english.routes.ward(record.slug).url)
    subscribe = settings.page_url(english.routes.ward(record.slug).at(Section.SUBSCRIBE).url)
    versions = [
        _version(
            language,
            Localiser(language, site.translations_for(language, record.slug)),
            record.ward,
        )
        for language in site.languages
    ]
    return template.render(
        ward=record.ward,
        meetings=upcoming,
        priorities=current[:POSTER_PRIORITIES],
        more_priorities=max(len(current) - POSTER_PRIORITIES, 0),
        versions=versions,
        languages=len(versions),
        page_url=page,
        image=settings.page_url(social_image().url),
        icon=icon().href_from(route),
        stylesheet=poster_stylesheet().href_from(route),
        # The fonts of languages other than English, when there are any.
        fonts=font_stylesheet().href_from(route) if len(versions) > 1 else None,
        back=english.routes.ward(record.slug).href_from(route),
        page_qr=qr_svg(page, english._("QR code for the ward's page")),
        calendar_qr=qr_svg(
            subscribe, english._("QR code to put the meetings in your phone's calendar")
        ),
    )


def _version(language: Language, local: Localiser, ward: Ward) -> dict[str, object]:
    """What the poster needs to say things in one language."""
    return {
        "language": language,
        "_": language._,
        "ngettext": language.ngettext,
        "when": lambda m: language.when(m.date, m.start, m.end),
        "place": lambda m: place(m, language),
        "local": local.plain,
        "join": _markdown_html(local.plain(ward, "panel.join")),
    }
