"""The minimum standards over time: how many panels met each one at the end of each of
the last eight quarters, worked out from the data's own dates.

Each ward is read as its own dates say it stood on a quarter's last day (priorities agreed
by then, with those ended later still current; reports given by then; meetings before and
after it), and assessed as on that day, by the same checks as today. The panel's roles
have no dates, so they are read as the file says now. The chart is drawn at build time:
an SVG image with a text alternative, beside a table of the same numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta

from markupsafe import Markup

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


def chart(trend: Trend, trends: Trends, language: Language) -> Markup:
    """A small bar chart of one standard over the quarters, with its numbers in words."""
    _ = language._
    tallest = max(trends.panels, 1)
    bars = Markup("").join(
        Markup('<rect x="%d" y="%d" width="%d" height="%d"></rect>')
        % (
            index * (_BAR + _GAP),
            _HEIGHT - height,
            _BAR,
            height,
        )
        for index, met in enumerate(trend.met)
        for height in [round(met * (_HEIGHT - 2) / tallest) + 1 if met else 1]
    )
    width = len(trend.met) * (_BAR + _GAP) - _GAP
    words = _(
        "%(standard)s: panels that met it at the end of each quarter from %(first)s to %(last)s: "
        "%(counts)s, of %(panels)s.",
        standard=language.text(trend.standard.name),
        first=language.month_year(trends.ends[0]),
        last=language.month_year(trends.ends[-1]),
        counts=", ".join(language.number(met) for met in trend.met),
        panels=language.number(trends.panels),
    )
    return Markup(
        '<svg class="wp-trend" role="img" aria-label="%s" viewBox="0 0 %d %d" width="%d" '
        'height="%d">%s</svg>'
    ) % (words, width, _HEIGHT, width, _HEIGHT, bars)


def trends_table(trends: Trends, language: Language, link: dict[str, str]) -> Markup:
    """Every standard's chart beside its numbers, quarter by quarter, as an HTML table
    with a caption. `link` gives each standard's key its explanation's address."""
    _ = language._
    head = Markup("").join(
        Markup('<th scope="col">%s</th>') % language.month_year(day) for day in trends.ends
    )
    rows = Markup("").join(
        Markup('<tr><th scope="row"><a href="%s">%s</a></th><td>%s</td>%s</tr>')
        % (
            link[trend.standard.key],
            language.text(trend.standard.short),
            chart(trend, trends, language),
            Markup("").join(Markup("<td>%s</td>") % language.number(met) for met in trend.met),
        )
        for trend in trends.trends
    )
    return Markup(
        '<table class="wp-trends"><caption>%s</caption><thead><tr><th scope="col">%s</th>'
        '<th scope="col">%s</th>%s</tr></thead><tbody>%s</tbody></table>'
    ) % (
        _("Panels that met each standard, of %(panels)s", panels=language.number(trends.panels)),
        _("Standard"),
        _("Chart"),
        head,
        rows,
    )
