"""What the action plan's pages, data and feed show, worked out before any template runs.

How many actions are done, on track, at risk or missed, which are overdue by the build's
"now", every revised due date with its reason, and, where a recommendation names a
minimum standard, how many panels meet it today: the live evidence beside the promise.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from .i18n import Message
from .routes import action_anchor, recommendation_anchor
from .scrutiny import Action, ActionPlan, ActionStatus, Recommendation, Update
from .site import Site
from .standards import Standard, Status, tally

# A shape for each status, so it never rests on colour alone (WCAG 1.4.1).
STATUS_SHAPES = {
    ActionStatus.DONE: "\u2713",  # ✓
    ActionStatus.ON_TRACK: "\u25cf",  # ●
    ActionStatus.AT_RISK: "\u25b2",  # ▲
    ActionStatus.MISSED: "\u2717",  # ✗
    ActionStatus.NOT_STARTED: "\u25cb",  # ○
}


@dataclass(frozen=True)
class DueDateChange:
    """A due date moved by an update, and why."""

    on: date
    due: date
    was: date
    reason: str


@dataclass(frozen=True)
class ActionView:
    action: Action
    anchor: str
    due: date  # after every revision
    revisions: tuple[DueDateChange, ...]  # oldest first
    overdue: bool

    @property
    def latest(self) -> Update | None:
        return self.action.latest

    @property
    def history(self) -> tuple[Update, ...]:
        """Every update, newest first."""
        return tuple(reversed(self.action.updates))

    @property
    def moves(self) -> int:
        """How many times its due date moved."""
        return len(self.revisions)

    @property
    def update_count(self) -> int:
        return len(self.action.updates)

    @property
    def several_updates(self) -> bool:
        """Whether there is more to list than the latest update."""
        return self.update_count > 1


@dataclass(frozen=True)
class Evidence:
    """How each panel does against a standard today."""

    standard: Standard
    statuses: tuple[Status, ...]  # one a panel

    def count(self, status: Status) -> int:
        return self.statuses.count(status)

    @property
    def panels(self) -> int:
        return len(self.statuses)

    @property
    def tally(self) -> Message:
        """How many panels meet the standard, do not, and have no data, in words."""
        return tally(self.statuses)


@dataclass(frozen=True)
class RecommendationView:
    recommendation: Recommendation
    anchor: str
    actions: tuple[ActionView, ...]
    evidence: Evidence | None


# The summary's order: what was achieved first, then what needs attention.
SUMMARY_ORDER = (
    ActionStatus.DONE,
    ActionStatus.ON_TRACK,
    ActionStatus.AT_RISK,
    ActionStatus.MISSED,
    ActionStatus.NOT_STARTED,
)


@dataclass(frozen=True)
class PlanView:
    """The whole plan as its page shows it."""

    plan: ActionPlan
    counts: tuple[tuple[ActionStatus, int], ...]  # every status, in SUMMARY_ORDER
    overdue: int
    total: int
    recommendations: tuple[RecommendationView, ...]
    updated: date | None  # the newest update

    @property
    def recommendation_count(self) -> int:
        return len(self.recommendations)


def plan_view(plan: ActionPlan, site: Site) -> PlanView:
    """The plan, its counts and its evidence, by the build's "now"."""
    today = site.now.date()
    recommendations = tuple(
        RecommendationView(
            recommendation,
            recommendation_anchor(recommendation.number),
            tuple(action_view(recommendation, action, today) for action in recommendation.actions),
            evidence(site, recommendation.standard) if recommendation.standard else None,
        )
        for recommendation in sorted(plan.recommendations, key=lambda r: r.number)
    )
    actions = [view for r in recommendations for view in r.actions]
    counted = Counter(view.action.status for view in actions)
    return PlanView(
        plan=plan,
        counts=tuple((status, counted[status]) for status in SUMMARY_ORDER),
        overdue=sum(1 for view in actions if view.overdue),
        total=len(actions),
        recommendations=recommendations,
        updated=max((u.date for view in actions for u in view.action.updates), default=None),
    )


def action_view(recommendation: Recommendation, action: Action, today: date) -> ActionView:
    """An action with every move of its due date, and whether it is overdue by `today`."""
    revisions = []
    due = action.due
    for update in action.updates:
        if update.due and update.due != due:
            revisions.append(DueDateChange(update.date, update.due, due, update.note))
            due = update.due
    return ActionView(
        action,
        action_anchor(recommendation.number, action.id),
        action.current_due,
        tuple(revisions),
        action.overdue(today),
    )


def evidence(site: Site, key: str) -> Evidence | None:
    """How the borough's panels do today against the standard `key`."""
    found = [a for record in site.wards for a in record.assessments if a.standard.key == key]
    if not found:
        return None
    return Evidence(found[0].standard, tuple(a.status for a in found))
