"""The minimum standards over time: how many panels met each one at the end of each of
the last eight quarters, worked out from the data's own dates.

Each ward is read as its own dates say it stood on a quarter's last day (priorities agreed
by then, with those ended later still current; reports given by then; meetings before and
after it), and assessed as on that day, by the same checks as today. The panel's roles
have no dates, so they are read as the file says now. The chart is drawn at build time:
an SVG image with a text alternative, beside a table of the same numbers (the
templates' `trends_table`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta

from .clock import london
from .i18n import Language
from .model import PriorityStatus, Ward
from .settings import Standards
from .standards import Standard, Status, assess, standards_for

QUARTERS = 8
# The chart's size, in CSS pixels: one bar a quarter.
_BAR, _GAP, _HEIGHT = 10, 3, 32


@dataclass(frozen=True)
class Trend:
    """How many panels met one standard at the end of each quarter, oldest first."""

    standard: Standard
    met: tuple[int, ...]


@dataclass(frozen=True)
class Trends:
    ends: tuple[date, ...]  # each quarter's last day, oldest first
    panels: int
    trends: tuple[Trend, ...]


def quarter_ends(today: date, count: int = QUARTERS) -> tuple[date, ...]:
    """The last days of the `count` quarters that ended before `today`, oldest first."""
    quarter_start = date(today.year, (today.month - 1) // 3 * 3 + 1, 1)
    ends = [quarter_start - timedelta(days=1)]
    while len(ends) < count:
        end = ends[-1]
        ends.append(date(end.year, end.month - 2, 1) - timedelta(days=1))
    return tuple(reversed(ends))


def as_of(ward: Ward, day: date) -> Ward:
    """The ward as its own dates say it stood on `day`."""
    priorities = [
        p.model_copy(update={"status": PriorityStatus.ACTIVE, "closed_on": None})
        if p.closed_on and p.closed_on > day
        else p
        for p in ward.priorities
        if p.agreed <= day
    ]
    feedback = [f for f in ward.feedback if f.date <= day]
    return ward.model_copy(update={"priorities": priorities, "feedback": feedback})


def standards_over_time(wards: Sequence[Ward], today: date, rules: Standards) -> Trends:
    """For each standard, how many of `wards` met it at the end of each recent quarter."""
    ends = quarter_ends(today)
    counts = {standard.key: [0] * len(ends) for standard in standards_for(rules)}
    for index, day in enumerate(ends):
        moment = london(day, time(23, 59))
        for ward in wards:
            for assessment in assess(as_of(ward, day), moment, rules):
                if assessment.status is Status.MET:
                    counts[assessment.standard.key][index] += 1
    return Trends(
        ends,
        len(wards),
        tuple(Trend(s, tuple(counts[s.key])) for s in standards_for(rules)),
    )


@dataclass(frozen=True)
class Bar:
    """One quarter's bar of a chart, in CSS pixels from the chart's top left."""

    x: int
    y: int
    width: int
    height: int


@dataclass(frozen=True)
class TrendRow:
    """One standard's line of the table: its name, its chart and its numbers."""

    link: str  # to the standard's explanation
    name: str
    words: str  # the chart's numbers in words, its text alternative
    bars: tuple[Bar, ...]
    width: int
    numbers: tuple[str, ...]


@dataclass(frozen=True)
class TrendsTable:
    """What the table of the standards over time shows, in one language."""

    panels: str
    quarters: tuple[str, ...]
    rows: tuple[TrendRow, ...]
    height: int = _HEIGHT


def trends_table(trends: Trends, language: Language, link: dict[str, str]) -> TrendsTable:
    """Every standard's chart beside its numbers, quarter by quarter. `link` gives each
    standard's key its explanation's address."""
    return TrendsTable(
        panels=language.number(trends.panels),
        quarters=tuple(language.month_year(day) for day in trends.ends),
        rows=tuple(
            _row(trend, trends, language, link[trend.standard.key]) for trend in trends.trends
        ),
    )


def _row(trend: Trend, trends: Trends, language: Language, link: str) -> TrendRow:
    """A small bar chart of one standard over the quarters, with its numbers in words."""
    tallest = max(trends.panels, 1)
    bars = tuple(
        Bar(index * (_BAR + _GAP), _HEIGHT - height, _BAR, height)
        for index, met in enumerate(trend.met)
        for height in [round(met * (_HEIGHT - 2) / tallest) + 1 if met else 1]
    )
    words = language._(
        "%(standard)s: panels that met it at the end of each quarter from %(first)s to %(last)s: "
        "%(counts)s, of %(panels)s.",
        standard=language.text(trend.standard.name),
        first=language.month_year(trends.ends[0]),
        last=language.month_year(trends.ends[-1]),
        counts=", ".join(language.number(met) for met in trend.met),
        panels=language.number(trends.panels),
    )
    return TrendRow(
        link=link,
        name=language.text(trend.standard.short),
        words=words,
        bars=bars,
        width=len(trend.met) * (_BAR + _GAP) - _GAP,
        numbers=tuple(language.number(met) for met in trend.met),
    )
