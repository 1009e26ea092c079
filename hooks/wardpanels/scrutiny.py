"""The scrutiny action plan: its model, its checks across records, and what is overdue.

The borough's scrutiny review of ward panels made recommendations; the council and the
police agreed actions for each, with owners and due dates, and report progress. One file,
`scrutiny/action-plan.yml`, holds the plan. It passes the same gate as ward files, and
every mistake is named at its file, line and field. A borough without the file has no
plan page and no error.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Annotated

from pydantic import ConfigDict, Field, StrictInt

from . import files
from .errors import Problem
from .i18n import lazy as _
from .loading import Document
from .model import Choice, Date, Link, Model, Slug, Text, described
from .settings import Standards
from .standards import standards_for
from .validation import load_valid, problem_at

PLAN_FILE = "action-plan.yml"
# The ids a recommendation's `standard` can name, for the schema's help: from the checks.
_STANDARD_IDS = ", ".join(standard.key for standard in standards_for(Standards()))


class ActionStatus(Choice):
    """Where an action stands, as the council and the police report it."""

    NOT_STARTED = "not-started", _("Not started")
    ON_TRACK = "on-track", _("On track")
    AT_RISK = "at-risk", _("At risk")
    MISSED = "missed", _("Missed")
    DONE = "done", _("Done")


class Update(Model):
    """One progress report on an action."""

    model_config = ConfigDict(title="Progress update")

    date: Date = described("Date", "The date of the report.", "2021-07-26")
    status: ActionStatus = described(
        "Status",
        "The status the report gave: not-started, on-track, at-risk, missed or done.",
        "on-track",
    )
    due: Date | None = described(
        "Revised due date",
        "A new due date, when the report moved it. The page shows every change.",
        "2021-12-31",
        default=None,
    )
    note: Text = described(
        "Note",
        "What happened, in plain English; when the due date moved, why.",
        "Conference postponed by the pandemic.",
    )
    link: Link | None = described(
        "Evidence",
        "A link to the evidence, such as minutes or a report.",
        "https://example.org/minutes.pdf",
        default=None,
    )


class Action(Model):
    """Something an owner agreed to do for a recommendation, by a date."""

    id: Slug = described(
        "Identifier",
        "A short name for the action, unique in its recommendation: lower case and hyphens.",
        "conference-best-practice",
    )
    action: Text = described(
        "Action", "What will be done, in plain English.", "Put vice-chairs on a conference agenda"
    )
    owner: Text = described(
        "Owner",
        "Who is responsible, as a role, never a person's name.",
        "Safer Neighbourhood Board chair",
    )
    due: Date = described("Due date", "The date first agreed.", "2020-09-30")
    status: ActionStatus = described(
        "Status",
        "Where it stands now: not-started, on-track, at-risk, missed or done. The same as the "
        "latest update's.",
        "on-track",
    )
    updates: list[Update] = described(
        "Updates", "Progress reports, oldest first; the last is the current state.", default=[]
    )

    @property
    def current_due(self) -> date:
        """The due date after every revision."""
        return next((u.due for u in reversed(self.updates) if u.due), self.due)

    @property
    def latest(self) -> Update | None:
        return self.updates[-1] if self.updates else None

    def overdue(self, today: date) -> bool:
        """Not done, and its latest due date has passed: worked out, never typed."""
        return self.status != ActionStatus.DONE and self.current_due < today


class Recommendation(Model):
    """One recommendation of the scrutiny review, and the actions agreed for it."""

    number: Annotated[StrictInt, Field(ge=1, le=100)] = described(
        "Number", "The recommendation's number in the review: 1, 2, 3...", 1
    )
    title: Text = described(
        "Title",
        "What the review recommended, in plain English and our own words.",
        "Recruit vice-chairs for every ward panel",
    )
    standard: Slug | None = described(
        "Standard",
        f"The minimum standard that measures it, by its id ({_STANDARD_IDS}).",
        "officers",
        default=None,
    )
    actions: Annotated[list[Action], Field(min_length=1)] = described(
        "Actions", "What was agreed, at least one."
    )


class ActionPlan(Model):
    """The action plan answering the scrutiny review of ward panels."""

    model_config = ConfigDict(title="Scrutiny action plan", extra="forbid", frozen=True)

    title: Text = described(
        "Title", "The plan's title.", "Safer Neighbourhood ward panels action plan"
    )
    review: Text = described(
        "Review",
        "The scrutiny review it answers.",
        "Working in genuine partnership with seldom-heard residents",
    )
    agreed: Date = described(
        "Date agreed", "When the plan was agreed, from the published report.", "2020-02-21"
    )
    link: Link | None = described(
        "Published report",
        "Where the published report is.",
        "https://democracy.towerhamlets.gov.uk/",
        default=None,
    )
    recommendations: Annotated[list[Recommendation], Field(min_length=1)] = described(
        "Recommendations", "The review's recommendations, at least one."
    )


def plan_problems(
    document: Document, plan: ActionPlan, now: datetime, standards: frozenset[str]
) -> Iterator[Problem]:
    """What the model alone cannot see: numbers and ids used twice, standards that do not
    exist, and updates out of order, before the plan, after today, or disagreeing with
    the action's status."""
    numbers: set[int] = set()
    for r_index, recommendation in enumerate(plan.recommendations):
        where = ("recommendations", r_index)
        if recommendation.number in numbers:
            yield problem_at(
                document,
                (*where, "number"),
                f"another recommendation already has the number {recommendation.number}",
            )
        numbers.add(recommendation.number)
        if recommendation.standard is not None and recommendation.standard not in standards:
            yield problem_at(
                document,
                (*where, "standard"),
                f"there is no minimum standard '{recommendation.standard}'. Standards: "
                + ", ".join(sorted(standards))
                + ".",
            )
        ids: set[str] = set()
        for a_index, action in enumerate(recommendation.actions):
            here = (*where, "actions", a_index)
            if action.id in ids:
                yield problem_at(
                    document,
                    (*here, "id"),
                    f"another action of this recommendation already has the id '{action.id}'",
                )
            ids.add(action.id)
            yield from _update_problems(document, plan, action, here, now.date())


def _update_problems(
    document: Document,
    plan: ActionPlan,
    action: Action,
    here: tuple[str | int, ...],
    today: date,
) -> Iterator[Problem]:
    previous: date | None = None
    for u_index, update in enumerate(action.updates):
        at = (*here, "updates", u_index, "date")
        day = update.date.isoformat()
        if update.date < plan.agreed:
            yield problem_at(
                document,
                at,
                f"{day} is before the plan was agreed ({plan.agreed.isoformat()}); "
                "an update reports progress on the plan, so it comes after",
            )
        if update.date > today:
            yield problem_at(
                document, at, f"{day} has not come yet: add an update on the day it is reported"
            )
        if previous is not None and update.date < previous:
            yield problem_at(
                document,
                at,
                f"{day} is before the update above it ({previous.isoformat()}); "
                "keep updates oldest first",
            )
        previous = update.date
    latest = action.latest
    if latest is not None and latest.status != action.status:
        yield problem_at(
            document,
            (*here, "status"),
            f"the latest update ({latest.date.isoformat()}) says '{latest.status.value}', "
            f"but the action says '{action.status.value}'; make them the same",
        )


def load_plan(
    folder: Path | None,
    root: Path,
    now: datetime,
    standards: frozenset[str],
    problems: list[Problem],
) -> ActionPlan | None:
    """The action plan in `folder`, checked; None when the borough has none (no folder, or
    no plan file in it), or when it has problems, which are added to `problems`."""
    if folder is None or (
        not (folder / PLAN_FILE).exists() and not (folder / PLAN_FILE).is_symlink()
    ):
        return None
    found = [
        (path, shown)
        for path, shown in files.data_files(folder, root, problems=problems)
        if path.name == PLAN_FILE
    ]
    if not found:
        return None  # the gate said why, in `problems`
    path, shown = found[0]
    loaded = load_valid(ActionPlan, path, shown, problems)
    if loaded is None:
        return None
    document, plan = loaded
    faults = list(plan_problems(document, plan, now, standards))
    problems.extend(faults)
    return None if faults else plan
