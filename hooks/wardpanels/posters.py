"""Printable A4 posters: for noticeboards, libraries, mosques, shops and GP surgeries.

Most residents never visit a website, so each ward gets a one-page poster with its next
meetings, current priorities, how to join, and QR codes to its page and its calendar.
A poster is a plain HTML file, not a themed page: it prints alone, with no navigation,
and costs the build almost nothing.
"""

from __future__ import annotations

from functools import cache, lru_cache

import markdown as python_markdown
import segno
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from . import markup, text
from .calendars import feed_path
from .schedule import current_priorities, starts
from .settings import Settings
from .site import Site, WardRecord


@lru_cache(maxsize=4096)
def qr_svg(url: str, label: str) -> Markup:
    """A QR code as inline SVG, made at build time (no request to any other site)."""
    svg = segno.make(url, error="m").svg_inline(scale=4, border=2, dark="#000", light="#fff")
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))


def poster_path(record: WardRecord) -> str:
    """Published at /wards/bow-east/poster/."""
    return f"wards/{record.slug}/poster/index.html"


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


def _markdown_html(source: str) -> Markup:
    """An editor's Markdown as HTML, made safe the same way as on the ward pages."""
    html = python_markdown.markdown(str(markup.markdown(source)), extensions=[markup.SafeLinks()])
    return Markup(html)


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
