"""Everything a build writes, from one Site: the one call a site generator makes."""

from __future__ import annotations

from .atom import render_feeds
from .calendars import render_calendars
from .opendata import render_open_data
from .pages import render_pages
from .posters import render_posters
from .settings import Settings
from .site import Site


def render_site(site: Site, settings: Settings) -> dict[str, str | bytes]:
    """Markdown pages for the site generator to theme, and finished files to publish as
    they are (feeds, data, posters), keyed by their path under the site root."""
    return {
        **render_pages(site, settings),
        **render_calendars(site, settings),
        **render_open_data(site, settings),
        **render_feeds(site, settings),
        **render_posters(site, settings),
    }
