"""What "now" is for a build: `SOURCE_DATE_EPOCH` when set, so builds are reproducible."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


# The years the site works with: dates outside them are typing mistakes (0026 for 2026),
# and would break calendars and the sums the standards do.
FIRST_YEAR, LAST_YEAR = 2000, 2100


class ClockError(ValueError):
    """SOURCE_DATE_EPOCH is set but is not a number of seconds in the years the site
    works with."""


def build_time(environ: Mapping[str, str] = os.environ) -> datetime:
    """The moment the build speaks of, in London time."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return datetime.now(LONDON)
    # ASCII digits only, as the reproducible-builds specification says: Python's int()
    # would also take "+1", "1_795" and other scripts' digits, which no other tool reads.
    try:
        if not epoch.isascii() or not epoch.isdigit():
            raise ValueError(epoch)
        now = datetime.fromtimestamp(int(epoch), tz=LONDON)
    except (ValueError, OverflowError, OSError):
        raise ClockError(
            f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not {epoch!r}"
        ) from None
    if not FIRST_YEAR <= now.year <= LAST_YEAR:
        raise ClockError(
            f"SOURCE_DATE_EPOCH is {epoch}, a moment in the year {now.year}; the site works "
            f"with dates from {FIRST_YEAR} to {LAST_YEAR}"
        )
    return now


def london(day: date, moment: time) -> datetime:
    """A date and a wall-clock time in London, with the right offset for GMT or BST."""
    return datetime.combine(day, moment, tzinfo=LONDON)
