"""What the ward files' git history says: when each file, and each meeting, last changed.

Calendar apps only take a change to an event when its SEQUENCE rises and its DTSTAMP moves
forward. Editors should not keep counters by hand, so both are derived here from the
committed versions of each ward file. git is run twice for the whole build, not per ward.

Reading history is best effort and can never stop a build: a version that cannot be read
(a control character, deep nesting, a broken commit) counts as "changed at that commit",
with one warning naming the commit; a commit dated after the build's "now" takes the time
of the commit before it. Without history (no git, or a shallow clone) every meeting
counts as unchanged since the oldest version git has: SEQUENCE starts at 0 and rises
again once full history is there.
"""

from __future__ import annotations

import os
import subprocess
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from .clock import LONDON
from .loading import parse_yaml
from .model import Meeting

# Fields that never show in a calendar event: changing them is not a change to the event.
NOT_IN_EVENT = frozenset({"attendance", "minutes"})


@dataclass(frozen=True)
class Version:
    """One committed version of a file."""

    commit: str
    committed: datetime
    text: str | None  # None: git could not give it as text


@dataclass(frozen=True)
class Timing:
    """When and where a meeting was, as a version of the file said."""

    date: date
    start: time
    end: time
    venue: str | None


@dataclass(frozen=True)
class Revision:
    """How many times a meeting has changed, when it last did, and whether it moved."""

    sequence: int
    modified: datetime
    first: Timing | None = None  # as first published, when its date, time or venue changed since

    @property
    def moved(self) -> bool:
        return self.first is not None


@dataclass(frozen=True)
class FileHistory:
    """When a ward file last changed, and each meeting's revision, keyed by meeting identity.

    `updated` is None when git has no version of the file: nothing says when it changed.
    `unreadable` names the commits whose version of the file could not be read.
    """

    updated: datetime | None
    meetings: Mapping[str, Revision]
    unreadable: tuple[str, ...] = field(default=())

    @property
    def updated_on(self) -> date | None:
        return self.updated.astimezone(LONDON).date() if self.updated else None


@dataclass(frozen=True)
class Committed:
    """Every committed version of each ward file, and why git would not say, if it would not."""

    versions: Mapping[Path, list[Version]]
    refused: str | None = None


def committed_versions(folder: Path, files: Iterable[Path], now: datetime) -> Committed:
    """Every committed version of each file, oldest first; empty without git history.

    `folder` is where the files live: git is asked about the repository that holds it.
    History is read along the first parent of each merge, as the branch published it, so a
    merge that joins two branches' edits is one version, the same in every build.
    """
    wanted = {path.resolve() for path in files}
    try:
        top = git(folder, "rev-parse", "--show-toplevel") if wanted else None
        if top is None:
            return Committed({})
        top_path = Path(top.strip())
        log = git(
            top_path,
            "log",
            "--first-parent",  # the branch as published; a merge is one change
            "-m",  # with what the merge changed, which git otherwise leaves out
            "--topo-order",  # a commit before its parents, whatever the clocks said
            "--format=%x00%H %ct",
            "--name-only",
            "--no-renames",
            "--",
            *sorted(str(path) for path in wanted),
        )
    except GitRefusedError as refused:
        return Committed({}, str(refused))
    if not log:
        return Committed({})
    requests: list[tuple[Path, str, datetime, str]] = []
    for commit, when, names in _dated(log.split("\0")[1:], now):
        for name in names:
            path = (top_path / name).resolve()
            if path in wanted:
                requests.append((path, commit, when, f"{commit}:{name}"))
    blobs = _cat_files(top_path, [spec for *_, spec in requests])
    versions: dict[Path, list[Version]] = defaultdict(list)
    for (path, commit, when, _), text in zip(requests, blobs, strict=True):
        if not isinstance(text, _Absent):  # deleted in this commit, restored in a later one
            versions[path].append(Version(commit, when, text))
    # Oldest first, in the order of history: commits made in one second (a rebase), or
    # dated in the future, keep their order.
    return Committed({path: found[::-1] for path, found in versions.items()})


def _dated(entries: list[str], now: datetime) -> list[tuple[str, datetime, list[str]]]:
    """Each commit of the log (newest first) with its time and the files it changed.

    A commit dated after "now" (a wrong clock, or a forgery) takes the time of the commit
    before it, or "now" when there is none: so it never pins itself to the top of a feed,
    and every build until its date comes gives it the same time.
    """
    dated = []
    earlier: datetime | None = None
    for entry in reversed(entries):
        header, *names = entry.strip().splitlines() or [""]
        commit, _, seconds = header.partition(" ")
        when = _commit_time(seconds)
        if when is None or when > now:
            when = earlier or now.astimezone(UTC)
        earlier = when
        dated.append((commit, when, [name for name in names if name]))
    return dated[::-1]


def _commit_time(seconds: str) -> datetime | None:
    """A commit's time, if it is one Python can hold."""
    try:
        return datetime.fromtimestamp(int(seconds), UTC)
    except (ValueError, OverflowError, OSError):
        return None


def file_history(
    versions: list[Version], current: Any, now: datetime, current_text: str = ""
) -> FileHistory:
    """Revisions of each meeting across the committed versions and the file as it is now.

    A file that differs from its last commit counts as changed at `now`: that only happens
    in a working copy, never in a build of a commit. A version with the same text as the
    file now is not parsed again; one that cannot be read has no meetings anyone saw.
    """
    unreadable = []
    states = []
    for version in versions:
        if version.text == current_text:
            states.append((version.committed, current))
            continue
        parsed = _parsed(version.text)
        if parsed is _UNREADABLE:
            unreadable.append(version.commit)
            parsed = None
        states.append((version.committed, parsed))
    updated = states[-1][0] if states else None
    if not states or states[-1][1] != current:
        states.append((now, current))
        updated = now if versions else None
    revisions: dict[str, Revision] = {}
    last_seen: dict[str, Any] = {}
    first: dict[str, tuple[Any, Timing | None]] = {}
    for when, document in states:
        for key, (where, fingerprint, timing) in _meetings(document).items():
            if key not in revisions:
                revisions[key] = Revision(0, when)
                first[key] = (where, timing)
            elif last_seen[key] != fingerprint:
                earlier = revisions[key]
                moved = where != first[key][0]
                revisions[key] = Revision(
                    earlier.sequence + 1, when, first[key][1] if moved else None
                )
            last_seen[key] = fingerprint
    return FileHistory(updated=updated, meetings=revisions, unreadable=tuple(unreadable))


def meeting_key(meeting: Mapping[str, Any]) -> str:
    """A meeting's lasting identity: its id, or its date when it has none."""
    return str(meeting.get("id") or meeting.get("date"))


def meeting_identity(meeting: Meeting) -> str:
    """The identity `meeting_key` gives the same meeting as written in its file."""
    return meeting_key({"id": meeting.id, "date": meeting.date.isoformat()})


def _meetings(document: Any) -> dict[str, Any]:
    if not isinstance(document, dict) or not isinstance(document.get("meetings"), list):
        return {}
    found = {}
    for meeting in document["meetings"]:
        if isinstance(meeting, dict):
            shown = {k: v for k, v in meeting.items() if k not in NOT_IN_EVENT}
            venue = meeting.get("venue")
            venue_name = venue.get("name") if isinstance(venue, dict) else None
            where = (*(str(meeting.get(k)) for k in ("date", "start", "end")), str(venue_name))
            found[meeting_key(meeting)] = (
                where,
                (document.get("name"), repr(sorted(shown.items(), key=repr))),
                _timing(meeting, venue_name),
            )
    return found


def _timing(meeting: Mapping[str, Any], venue: Any) -> Timing | None:
    """A version's date, times and venue, if they read as such (old versions may not)."""
    try:
        return Timing(
            date.fromisoformat(str(meeting.get("date"))),
            time.fromisoformat(str(meeting.get("start"))),
            time.fromisoformat(str(meeting.get("end"))),
            str(venue) if venue else None,
        )
    except ValueError:
        return None


_UNREADABLE = object()


def _parsed(text: str | None) -> Any:
    """An old version's value; anything that stops it being read makes it unreadable."""
    if text is None:
        return _UNREADABLE
    try:
        return parse_yaml(text, "").value
    except Exception:
        return _UNREADABLE


class GitRefusedError(Exception):
    """git will not read the repository: the reason, and what to do, in plain words."""


# Paths as they are (a folder named "Ward files – 2026"), not quoted with octal escapes.
_GIT = ("git", "-c", "core.quotepath=off")
# Variables that point git at another repository than the one holding the folder: git
# sets them while it runs a hook (a build from a pre-commit hook), and a CI job may too.
_ELSEWHERE = frozenset(
    {
        "GIT_DIR",
        "GIT_WORK_TREE",
        "GIT_INDEX_FILE",
        "GIT_COMMON_DIR",
        "GIT_OBJECT_DIRECTORY",
        "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GIT_NAMESPACE",
    }
)


def _git_environment() -> dict[str, str]:
    """The environment for git, so that it reads the repository holding the folder."""
    return {name: value for name, value in os.environ.items() if name not in _ELSEWHERE}


def git(cwd: Path, *args: str) -> str | None:
    """What a git command prints, or None when git is missing or the command fails; a
    repository git refuses to read ('dubious ownership') raises GitRefusedError."""
    try:
        result = subprocess.run(
            [*_GIT, *args],
            cwd=cwd,
            env=_git_environment(),
            capture_output=True,
            check=False,
            timeout=120,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if result.returncode != 0:
        if b"dubious ownership" in result.stderr:
            raise GitRefusedError(
                f"git will not read the history of {cwd}, as another user owns the folder "
                "('dubious ownership'), so every meeting counts as changed now. If you trust "
                f"it, run: git config --global --add safe.directory {cwd}"
            )
        return None
    return result.stdout.decode("utf-8", errors="replace")


class _Absent:
    """A commit's version of a file that the commit deleted."""


ABSENT = _Absent()


def _cat_files(top: Path, specs: list[str]) -> list[str | _Absent | None]:
    """The text of many `commit:path` blobs: None for one that is not UTF-8 text, ABSENT for
    one the commit does not have."""
    texts: list[str | _Absent | None] = []
    for blob in cat_blobs(top, specs):
        if blob is None or isinstance(blob, _Absent):
            texts.append(blob)
            continue
        try:
            texts.append(blob.decode("utf-8"))
        except UnicodeDecodeError:
            texts.append(None)
    return texts


def cat_blobs(top: Path, specs: list[str]) -> list[bytes | _Absent | None]:
    """The bytes of many blobs (`commit:path`, or an object id) through one
    `git cat-file --batch`: ABSENT for one the commit does not have, None for one git
    cannot give."""
    if not specs:
        return []
    try:
        result = subprocess.run(
            [*_GIT, "cat-file", "--batch"],
            cwd=top,
            env=_git_environment(),
            check=False,
            input="\n".join(specs).encode() + b"\n",
            capture_output=True,
            timeout=300,
        )
    except (OSError, subprocess.TimeoutExpired):
        return [None] * len(specs)
    output, position = result.stdout, 0
    blobs: list[bytes | _Absent | None] = []
    for _ in specs:
        end = output.find(b"\n", position)
        if end < 0:
            blobs.append(None)
            continue
        header = output[position:end].split()
        position = end + 1
        if header[-1:] == [b"missing"]:
            blobs.append(ABSENT)
            continue
        if len(header) < 3 or header[1] != b"blob":
            blobs.append(None)
            continue
        size = int(header[2])
        blobs.append(output[position : position + size])
        position += size + 1
    return blobs
