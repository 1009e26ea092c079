"""What the ward files' git history says: when each file, and each meeting, last changed.

Calendar apps only take a change to an event when its SEQUENCE rises and its DTSTAMP moves
forward. Editors should not keep counters by hand, so both are derived here from the
committed versions of each ward file. git is run twice for the whole build, not per ward.

Without history (no git, or a shallow clone) every meeting counts as unchanged since the
oldest version git has: SEQUENCE starts at 0 and rises again once full history is there.
"""

from __future__ import annotations

import subprocess
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .loading import YamlError, parse_yaml
from .model import Meeting

# Fields that never show in a calendar event: changing them is not a change to the event.
_NOT_IN_EVENT = frozenset({"attendance", "minutes"})


@dataclass(frozen=True)
class Version:
    """One committed version of a file."""

    committed: datetime
    text: str


@dataclass(frozen=True)
class Revision:
    """How many times a meeting has changed, when it last did, and whether it moved."""

    sequence: int
    modified: datetime
    moved: bool = False  # its date or times differ from when it was first published


@dataclass(frozen=True)
class FileHistory:
    """When a ward file last changed, and each meeting's revision, keyed by meeting identity.

    `updated` is None when git has no version of the file: nothing says when it changed.
    """

    updated: datetime | None
    meetings: Mapping[str, Revision]


def committed_versions(folder: Path, files: Iterable[Path]) -> dict[Path, list[Version]]:
    """Every committed version of each file, oldest first; empty without git history.

    `folder` is where the files live: git is asked about the repository that holds it.
    """
    wanted = {path.resolve() for path in files}
    top = _git(folder, "rev-parse", "--show-toplevel") if wanted else None
    if top is None:
        return {}
    top_path = Path(top.strip())
    log = _git(
        top_path,
        "log",
        "--format=%x00%H %ct",
        "--name-only",
        "--no-renames",
        "--",
        *sorted(str(path) for path in wanted),
    )
    if not log:
        return {}
    requests: list[tuple[Path, datetime, str]] = []
    for entry in log.split("\0")[1:]:
        header, *names = entry.strip().splitlines()
        commit, seconds = header.split()
        when = datetime.fromtimestamp(int(seconds), UTC)
        for name in filter(None, names):
            path = (top_path / name).resolve()
            if path in wanted:
                requests.append((path, when, f"{commit}:{name}"))
    blobs = _cat_files(top_path, [spec for _, _, spec in requests])
    versions: dict[Path, list[Version]] = defaultdict(list)
    for (path, when, _), text in zip(requests, blobs, strict=True):
        if text is not None:
            versions[path].append(Version(when, text))
    return {path: sorted(found, key=lambda v: v.committed) for path, found in versions.items()}


def file_history(
    versions: list[Version], current: Any, now: datetime, current_text: str = ""
) -> FileHistory:
    """Revisions of each meeting across the committed versions and the file as it is now.

    A file that differs from its last commit counts as changed at `now`: that only happens
    in a working copy, never in a build of a commit. A version with the same text as the
    file now is not parsed again.
    """
    states = [
        (v.committed, current if v.text == current_text else _parsed(v.text)) for v in versions
    ]
    updated = states[-1][0] if states else None
    if not states or states[-1][1] != current:
        states.append((now, current))
        updated = now if versions else None
    revisions: dict[str, Revision] = {}
    last_seen: dict[str, Any] = {}
    first_timing: dict[str, Any] = {}
    for when, document in states:
        for key, (timing, fingerprint) in _meetings(document).items():
            if key not in revisions:
                revisions[key] = Revision(0, when)
                first_timing[key] = timing
            elif last_seen[key] != fingerprint:
                earlier = revisions[key]
                revisions[key] = Revision(
                    earlier.sequence + 1, when, moved=timing != first_timing[key]
                )
            last_seen[key] = fingerprint
    return FileHistory(updated=updated, meetings=revisions)


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
            shown = {k: v for k, v in meeting.items() if k not in _NOT_IN_EVENT}
            timing = tuple(str(meeting.get(k)) for k in ("date", "start", "end"))
            found[meeting_key(meeting)] = (
                timing,
                (document.get("name"), repr(sorted(shown.items()))),
            )
    return found


def _parsed(text: str) -> Any:
    try:
        return parse_yaml(text, "").value
    except YamlError:
        return None  # an old version that did not parse had no meetings anyone saw


def _git(cwd: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=120
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout if result.returncode == 0 else None


def _cat_files(top: Path, specs: list[str]) -> list[str | None]:
    """The text of many `commit:path` blobs through one `git cat-file --batch`."""
    if not specs:
        return []
    result = subprocess.run(
        ["git", "cat-file", "--batch"],
        cwd=top,
        check=False,
        input="\n".join(specs).encode() + b"\n",
        capture_output=True,
        timeout=300,
    )
    output, position, texts = result.stdout, 0, []
    for _ in specs:
        end = output.index(b"\n", position)
        header = output[position:end].split()
        position = end + 1
        if len(header) < 3 or header[1] != b"blob":
            texts.append(None)
            continue
        size = int(header[2])
        texts.append(output[position : position + size].decode("utf-8", errors="replace"))
        position += size + 1
    return texts
