"""Sharing a ward page or one of its meetings: what a resident sends to a neighbour.

WhatsApp is how many residents pass news on, so every ward page and every coming meeting
has a `wa.me` link with a message in the page's language (ward, date, time, place and the
link), which works without JavaScript. The page's script adds the phone's own share sheet
and "copy link" where the browser has them.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from .i18n import Language
from .model import Meeting
from .settings import Settings
from .site import WardRecord
from .text import place


@dataclass(frozen=True)
class Sharing:
    """One thing to share: its address, a title, and the message that goes with it."""

    url: str
    title: str
    text: str

    @property
    def whatsapp(self) -> str:
        """WhatsApp's link that opens a new message with the text and the address."""
        return "https://wa.me/?text=" + quote(f"{self.text} {self.url}", safe="")


def ward_sharing(settings: Settings, language: Language, record: WardRecord) -> Sharing:
    """A ward's page, shared."""
    _ = language._
    name = record.ward.name
    return Sharing(
        settings.page_url(language.routes.ward(record.slug).url),
        _("%(ward)s ward panel", ward=name),
        _("When the %(ward)s ward panel meets, and what it is working on:", ward=name),
    )


def meeting_sharing(
    settings: Settings, language: Language, record: WardRecord, meeting: Meeting, anchor: str
) -> Sharing:
    """One coming meeting, shared: the link goes to it on its ward's page."""
    _ = language._
    name = record.ward.name
    return Sharing(
        settings.page_url(language.routes.ward(record.slug).at(anchor).url),
        _("%(ward)s ward panel meeting", ward=name),
        _(
            "%(ward)s ward panel meeting: %(when)s, %(place)s.",
            ward=name,
            when=language.when(meeting.date, meeting.start, meeting.end),
            place=place(meeting, language),
        ),
    )
