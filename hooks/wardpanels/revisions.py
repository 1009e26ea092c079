"""The data as a git revision holds it, loaded and checked exactly as a build would.

`wardpanels changes` compares two revisions' models, never their text. Rather than parse
committed files a second way, the revision's `mkdocs.yml`, ward, glossary and translation
files are copied out of git into a temporary folder laid out like the project, and read
there by the one loader (`build.load`). A file git holds as a link is written as a link,
so the data files' gate refuses it as it would in a working copy.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .build import BuildError, Loaded, load
from .errors import Problem, Severity
from .history import GitRefusedError, cat_blobs, git
from .settings import CONFIG_FILE, Settings, SettingsError, read_config

_LINK = "120000"


class RevisionError(Exception):
    """The data at a revision cannot be read; the message is one line that says where."""


@dataclass(frozen=True)
class Revision:
    """What to read: a commit git knows, by the name it was given, or (with no name) the
    files as they are in the folder now, committed or not."""

    name: str | None
    commit: str = ""

    @classmethod
    def of(cls, root: Path, name: str | None) -> Revision:
        """The revision `name` names in the repository holding `root`; a RevisionError when
        there is none."""
        if name is None:
            return cls(None)
        try:
            return cls._found(root, name)
        except GitRefusedError as refused:
            raise RevisionError(str(refused)) from None

    @classmethod
    def _found(cls, root: Path, name: str) -> Revision:
        if git(root, "rev-parse", "--show-toplevel") is None:
            raise RevisionError(
                f"{root.resolve()} is not in a git repository, so '{name}' is unknown"
            )
        found = git(
            root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{name}^{{commit}}"
        )
        if not found:
            raise RevisionError(
                f"'{name}' is not a commit, branch or tag in this repository "
                "(in a shallow clone, fetch it first: git fetch origin <branch>)"
            )
        return cls(name, found.strip())

    @property
    def shown(self) -> str:
        return f"revision {self.name}" if self.name is not None else "the working folder"

    @property
    def markdown(self) -> str:
        if self.name is None:
            return "the working folder"
        return f"revision `{self.name}` (commit {self.commit[:12]})"


def load_revision(root: Path, revision: Revision) -> Loaded:
    """The checked data of `root` at `revision`; a RevisionError when it cannot be read."""
    if revision.name is None:
        return _loaded(root, revision)
    with tempfile.TemporaryDirectory(prefix="wardpanels-revision-") as folder:
        copy = Path(folder)
        _extract(root, revision.commit, [CONFIG_FILE], copy, revision)
        settings = _config(copy, revision).get("extra") or {}
        options = settings.get("wardpanels") if isinstance(settings, dict) else None
        _extract(root, revision.commit, _folders(options), copy, revision)
        return _loaded(copy, revision)


def _folders(options: Any) -> list[str]:
    """The data folders the revision's settings name (their defaults when it names none)."""
    given = options if isinstance(options, dict) else {}
    return [
        str(given.get(name) or Settings.model_fields[name].default)
        for name in ("wards", "glossary", "translations")
    ]


def _extract(root: Path, commit: str, paths: list[str], into: Path, revision: Revision) -> None:
    """Write the files under `paths` (relative to `root`) as `commit` holds them."""
    listing = git(root, "ls-tree", "-r", "-z", commit, "--", *paths)
    if listing is None:
        raise RevisionError(f"In {revision.shown}: git cannot list the files")
    entries = []
    for line in filter(None, listing.split("\0")):
        meta, _, name = line.partition("\t")
        mode, kind, obj = meta.split()
        if kind == "blob":
            entries.append((mode, obj, name))
    blobs = cat_blobs(root, [obj for _, obj, _ in entries])
    for (mode, _, name), content in zip(entries, blobs, strict=True):
        target = into / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if not isinstance(content, bytes):
            raise RevisionError(f"In {revision.shown}: git cannot give {name}")
        if mode == _LINK:
            os.symlink(".link-in-git", target)  # refused by the gate, never followed
        else:
            target.write_bytes(content)


def _config(root: Path, revision: Revision) -> dict[str, Any]:
    try:
        return read_config(root / CONFIG_FILE)
    except SettingsError as error:
        raise RevisionError(_first(revision, error.problems, str(error))) from None


def _loaded(root: Path, revision: Revision) -> Loaded:
    config = _config(root, revision)
    extra = config.get("extra") or {}
    try:
        return load(
            root,
            config.get("site_name"),
            config.get("site_url"),
            extra.get("wardpanels") if isinstance(extra, dict) else None,
            history=False,
        )
    except BuildError as error:
        raise RevisionError(_first(revision, error.problems, error.summary)) from None


def _first(revision: Revision, problems: list[Problem], summary: str) -> str:
    """One line: where, the first error, and how many more there are."""
    errors = [p for p in problems if p.severity is Severity.ERROR] or problems
    if not errors:
        return f"In {revision.shown}: {summary}"
    more = len(errors) - 1
    rest = f" (and {more} more {'error' if more == 1 else 'errors'})" if more > 0 else ""
    return f"In {revision.shown}: {errors[0].plain()}{rest}"
