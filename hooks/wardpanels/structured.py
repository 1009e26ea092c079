"""schema.org Event data for each coming meeting, so search engines and apps can show it."""

from __future__ import annotations

import json
from datetime import datetime

from markupsafe import Markup

from .history import meeting_identity
from .routes import ENGLISH
from .schedule import ends, starts
from .settings import Settings
from .site import WardRecord

ATTENDANCE = {
    "in-person": "https://schema.org/OfflineEventAttendanceMode",
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "hybrid": "https://schema.org/MixedEventAttendanceMode",
}


def events_json_ld(record: WardRecord, settings: Settings, now: datetime) -> Markup | None:
    """A JSON-LD script body for the ward's coming meetings, safe inside <script>."""
    page = settings.page_url(ENGLISH.ward(record.slug).url)
    events = []
    for meeting in sorted((m for m in record.ward.meetings if ends(m) > now), key=starts):
        revision = record.history.meetings[meeting_identity(meeting)]
        status = (
            "EventCancelled"
            if meeting.status == "cancelled"
            else "EventRescheduled"
            if revision.moved
            else "EventScheduled"
        )
        places = []
        if meeting.venue:
            address = {
                "@type": "PostalAddress",
                "streetAddress": meeting.venue.address,
                "addressCountry": "GB",
            }
            if meeting.venue.postcode:
                address["postalCode"] = meeting.venue.postcode
            places.append({"@type": "Place", "name": meeting.venue.name, "address": address})
        if meeting.online:
            places.append({"@type": "VirtualLocation", "url": meeting.online})
        events.append(
            {
                "@type": "Event",
                "name": f"{record.ward.name} ward panel meeting"
                + (" (sample information, not a real meeting)" if record.ward.sample else ""),
                "startDate": starts(meeting).isoformat(timespec="minutes"),
                "endDate": ends(meeting).isoformat(timespec="minutes"),
                "eventStatus": f"https://schema.org/{status}",
                "eventAttendanceMode": ATTENDANCE[meeting.format],
                "location": places[0] if len(places) == 1 else places,
                "url": page,
                "isAccessibleForFree": True,
                "organizer": {
                    "@type": "Organization",
                    "name": f"{record.ward.name} ward panel",
                    "url": page,
                },
            }
        )
    if not events:
        return None
    text = json.dumps({"@context": "https://schema.org", "@graph": events}, ensure_ascii=False)
    # Nothing in editors' text can close the script element or open a comment.
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
