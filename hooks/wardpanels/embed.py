"""A ward's card for other sites: `/wards/<slug>/embed/`, in every language.

The council, a housing association or a mosque can show a ward's next meeting and current
priorities on its own pages with an iframe. The card is a plain HTML file with its few
styles inline: no script, no cookie, nothing from any other host (only a page in a
language whose script phones may lack, such as Bengali, loads the site's own font), so it
costs the page that embeds it little and tells nobody else who looked. Beside it, a static
oEmbed description (`oembed.json`), which the card names in its head, lets a content
system that reads oEmbed embed it from the card's address alone.
"""

from __future__ import annotations

import json

from . import templating
from .i18n import Language
from .localise import Localiser
from .outputs import FilePlan, planned
from .routes import Section, font_stylesheet, social_image
from .schedule import current_priorities, starts
from .settings import Settings
from .site import Site, WardRecord
from .text import place

# The size the iframe snippet and the oEmbed description give the card, in CSS pixels:
# at 400 wide it holds a meeting, three priorities and the sample notice without scrolling.
WIDTH = 400
HEIGHT = 520


def iframe(settings: Settings, language: Language, record: WardRecord) -> str:
    """The HTML another site pastes to show the card."""
    src = settings.page_url(language.routes.ward_embed(record.slug).url)
    title = _title(language, record)
    return (
        f'<iframe src="{_attribute(src)}" title="{_attribute(title)}" width="{WIDTH}" '
        f'height="{HEIGHT}" loading="lazy" style="border:0;max-width:100%"></iframe>'
    )


def _title(language: Language, record: WardRecord) -> str:
    """What the card is, for the iframe's title and for link previews."""
    return language._("%(ward)s ward panel: next meeting and priorities", ward=record.ward.name)


def _attribute(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def render_embeds(site: Site, settings: Settings, language: Language) -> FilePlan:
    """Every ward's card and its oEmbed description, in one language."""
    r = language.routes
    return FilePlan(
        tuple(
            item
            for record in site.wards
            for item in (
                planned(r.ward_embed(record.slug), _card, site, settings, language, record),
                planned(r.ward_oembed(record.slug), _oembed, settings, language, record),
            )
        )
    )


def _card(site: Site, settings: Settings, language: Language, record: WardRecord) -> str:
    template = templating.html_environment().get_template("embed.html.j2")
    r = language.routes
    local = Localiser(language, site.translations_for(language, record.slug))
    coming = sorted(
        (m for m in record.ward.meetings if m.status == "scheduled" and starts(m) > site.now),
        key=starts,
    )
    card = r.ward_embed(record.slug)
    return template.render(
        _=language._,
        language=language,
        ward=record.ward,
        title=_panel(language, record),
        next_meeting=coming[0] if coming else None,
        when=lambda m: language.when(m.date, m.start, m.end),
        place=lambda m: place(m, language),
        priorities=[local.plain(p, "title") for p in current_priorities(record.ward.priorities)],
        ward_page=settings.page_url(r.ward(record.slug).url),
        next_page=settings.page_url(r.ward(record.slug).at(Section.NEXT_MEETING).url),
        oembed=settings.page_url(r.ward_oembed(record.slug).url),
        # Shared by link rather than embedded, the card previews as its ward page.
        description=_title(language, record),
        image=settings.page_url(social_image().url),
        # Bengali needs the site's own font: from the card's own host, like the card.
        fonts=None if language.is_default else font_stylesheet().href_from(card),
    )


def _panel(language: Language, record: WardRecord) -> str:
    return language._("%(ward)s ward panel", ward=record.ward.name)


def _oembed(settings: Settings, language: Language, record: WardRecord) -> str:
    description = {
        "version": "1.0",
        "type": "rich",
        "title": _panel(language, record),
        "provider_name": settings.site_name,
        "provider_url": settings.page_url(language.routes.home().url),
        "html": iframe(settings, language, record),
        "width": WIDTH,
        "height": HEIGHT,
    }
    return json.dumps(description, ensure_ascii=False, indent=1) + "\n"
