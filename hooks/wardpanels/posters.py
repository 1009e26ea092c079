"""Printable A4 posters: for noticeboards, libraries, mosques, shops and GP surgeries.

Most residents never visit a website, so each ward gets a one-page poster with its next
meetings, current priorities, how to join, and QR codes to its page and its calendar.
A poster is a plain HTML file, not a themed page: it prints alone, with no navigation,
and costs the build almost nothing.
"""

from __future__ import annotations

import re
from functools import cache

import markdown as python_markdown
import zxingcpp
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from . import markup, text
from .calendars import feed_path
from .schedule import current_priorities, starts
from .settings import Settings
from .site import Site, WardRecord

_SIZE = re.compile(r'<svg width="(\d+)"')
_MODULES = re.compile(r'<path d="([^"]+)"')


def qr_svg(url: str, label: str) -> Markup:
    """A QR code as inline SVG, made at build time (no request to any other site).

    zxing-cpp draws it with zint, which picks the best of the eight masks as ISO/IEC 18004
    asks, in well under a millisecond: fast enough for two codes a ward at any size. The
    code keeps the four-module quiet zone scanners need, and scales with the page.
    """
    code = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    drawn = code.to_svg(scale=1, add_quiet_zones=True)
    size, modules = _SIZE.search(drawn)[1], _MODULES.search(drawn)[1]
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" role="img" '
        f'aria-label="{escape(label)}" shape-rendering="crispEdges">'
        f'<rect width="{size}" height="{size}" fill="#fff"/><path d="{modules}" fill="#000"/></svg>'
    )


def poster_path(record: WardRecord) -> str:
    """Published at /wards/bow-east/poster/."""
    return f"wards/{record.slug}/poster/index.html"


def poster_paths(site: Site) -> list[str]:
    """What render_posters writes, known without rendering it."""
    return [poster_path(record) for record in site.wards]


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("wardpanels", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["when"] = lambda m: text.when(m.date, m.start, m.end)
    env.globals["place"] = text.place
    return env


@cache
def _converter() -> python_markdown.Markdown:
    return python_markdown.Markdown(extensions=[markup.SafeLinks()])


def _markdown_html(source: str) -> Markup:
    """An editor's Markdown as HTML, made safe the same way as on the ward pages."""
    return Markup(_converter().reset().convert(str(markup.markdown(source))))


def render_posters(site: Site, settings: Settings) -> dict[str, str]:
    """Every ward's poster, keyed by its path under the site root."""
    template = _environment().get_template("poster.html.j2")
    posters = {}
    for record in site.wards:
        upcoming = sorted(
            (m for m in record.ward.meetings if m.status == "scheduled" and starts(m) > site.now),
            key=starts,
        )
        page = settings.page_url(record.url)
        calendar = settings.page_url(feed_path(record.slug))
        posters[poster_path(record)] = template.render(
            ward=record.ward,
            meetings=upcoming[:3],
            current=current_priorities(record.ward.priorities),
            join=_markdown_html(record.ward.panel.join),
            page_url=page,
            image=settings.page_url("assets/social.png"),
            page_qr=qr_svg(page, "QR code for the ward's page"),
            calendar_qr=qr_svg(calendar, "QR code for the meetings calendar"),
        )
    return posters
