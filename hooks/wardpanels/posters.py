"""Printable A4 posters: for noticeboards, libraries, mosques, shops and GP surgeries.

Most residents never visit a website, so each ward gets a one-page poster with its next
meetings, current priorities, how to join, and QR codes to its page and its calendar.
"""

from __future__ import annotations

import json
from functools import lru_cache

import segno
from markupsafe import Markup

from .calendars import feed_path
from .schedule import starts
from .settings import Settings
from .site import Site, WardRecord


@lru_cache(maxsize=4096)
def qr_svg(url: str, label: str) -> Markup:
    """A QR code as inline SVG, made at build time (no request to any other site)."""
    svg = segno.make(url, error="m").svg_inline(scale=4, border=2, dark="#000", light="#fff")
    labelled = svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)
    return Markup(labelled)


def poster_path(record: WardRecord) -> str:
    """`wards/bow-east/poster.md`: published at /wards/bow-east/poster/."""
    return f"wards/{record.slug}/poster.md"


def poster_view(record: WardRecord, site: Site, settings: Settings) -> dict[str, object]:
    upcoming = sorted(
        (m for m in record.ward.meetings if m.status == "scheduled" and starts(m) > site.now),
        key=starts,
    )
    page = settings.page_url(record.url)
    calendar = settings.page_url(feed_path(record.slug))
    return {
        "record": record,
        "ward": record.ward,
        "meetings": upcoming[:3],
        "page_url": page,
        "calendar_url": calendar,
        "page_qr": qr_svg(page, f"QR code for {json.dumps(page)[1:-1]}"),
        "calendar_qr": qr_svg(calendar, "QR code for the meetings calendar"),
    }
