"""Which files are data: only regular `.yml` files inside the data folder.

A symlink could make the build read, and publish, a file from anywhere on the machine (or
read `/dev/zero` until memory runs out); a folder or a device named like a ward file
would stop the build with a traceback. So each entry of a data folder is looked at
without following links, and anything that is not a plain file is named in a plain
error. Names that look like a data file but are not (`.YML`, `.yaml`, `x.yml.txt`, a
trailing space) would be ignored in silence, so they get a warning.
"""

from __future__ import annotations

import re
import stat
from pathlib import Path

from .errors import Problem, Severity
from .model import SLUG_PATTERN
from .routes import RESERVED_SLUGS
from .text import slugify

SUFFIX = ".yml"
# The longest file name every output can take: a ward's name becomes files such as
# `calendars/<slug>/<slug>-2026-12-09-<id>.ics`, and most file systems allow 255 bytes.
MAX_SLUG = 80
# Names Windows gives to devices, whatever follows them: a file `con.yml`, or the
# `calendars/con.ics` made from it, cannot be checked out or opened there.
WINDOWS_DEVICES = frozenset(
    {"con", "prn", "aux", "nul"} | {f"{port}{n}" for port in ("com", "lpt") for n in range(10)}
)
_LOOK_ALIKE = re.compile(r"\.ya?ml\b|\.yml\s", re.IGNORECASE)


def display(path: Path, root: Path) -> str:
    """A path as error messages show it: relative to the project folder when inside it."""
    try:
        return path.absolute().relative_to(root.absolute()).as_posix()
    except ValueError:
        return path.as_posix()


def outside(root: Path, path: Path) -> bool:
    """Whether writing `path` would write outside the project folder: through a link, or a
    setting that names a folder elsewhere. The commands write only inside the project."""
    project = root.resolve()
    target = path.resolve()
    return path.is_symlink() or (target != project and project not in target.parents)


def data_files(
    folder: Path, root: Path, problems: list[Problem], *, required: bool = False
) -> list[tuple[Path, str]]:
    """The data files in `folder`, with the names messages show; problems are added."""
    shown = display(folder, root)
    try:
        mode = folder.stat().st_mode  # the folder the settings name may be a link to one
    except OSError:
        problems.append(Problem(shown, 1, 1, "", "this folder is missing"))
        return []
    if not stat.S_ISDIR(mode):
        problems.append(Problem(shown, 1, 1, "", "this should be a folder of .yml files"))
        return []
    found = []
    for entry in sorted(folder.iterdir()):
        name = display(entry, root)
        kind = entry.lstat().st_mode
        if entry.name.endswith(SUFFIX):
            if stat.S_ISLNK(kind):
                problems.append(
                    Problem(
                        name, 1, 1, "", "this is a link to another file; put the file itself here"
                    )
                )
            elif not stat.S_ISREG(kind):
                problems.append(
                    Problem(
                        name,
                        1,
                        1,
                        "",
                        "this is not a file (a folder or a device); only .yml files belong here",
                    )
                )
            else:
                found.append((entry, name))
        elif stat.S_ISDIR(kind) and not entry.name.startswith("."):
            problems.append(
                Problem(
                    name,
                    1,
                    1,
                    "",
                    f"this folder is not read: files go directly in {shown}/, not in a folder "
                    "inside it",
                    Severity.WARNING,
                )
            )
        elif _LOOK_ALIKE.search(entry.name) and not entry.name.startswith("."):
            problems.append(
                Problem(
                    name,
                    1,
                    1,
                    "",
                    f"this file is not read: only names ending in '{SUFFIX}' are. Rename it "
                    f"to {_suggested(entry.name)}",
                    Severity.WARNING,
                )
            )
    if required and not found:
        problems.append(
            Problem(
                shown,
                1,
                1,
                "",
                "there are no .yml files here, so the site would have nothing to show",
            )
        )
    return found


def _suggested(name: str) -> str:
    stem = re.split(r"\.ya?ml", name, flags=re.IGNORECASE)[0].strip()
    return (slugify(stem) or "ward") + SUFFIX


def slug_problem(path: Path, shown: str) -> Problem | None:
    """Why a ward file's name cannot be its web address, if it cannot."""
    slug = path.name.removesuffix(SUFFIX)
    if slug in RESERVED_SLUGS:
        return Problem(
            shown,
            1,
            1,
            "",
            f"the site uses the name '{slug}' for a page of its own: rename the file after "
            "the ward, like bow-east.yml",
        )
    if slug in WINDOWS_DEVICES:
        return Problem(
            shown,
            1,
            1,
            "",
            f"Windows keeps the name '{slug}' for a device, so the site's files named after "
            f"it could not be checked out there: rename the file, like {slug}-ward.yml",
        )
    if not re.match(SLUG_PATTERN, slug):
        return Problem(
            shown,
            1,
            1,
            "",
            "the file name gives the ward's web address, so it may hold only lower-case "
            "letters, numbers and hyphens: rename it to "
            f"{(slugify(slug) or 'ward')[:MAX_SLUG]}.yml",
        )
    if len(slug) > MAX_SLUG:
        return Problem(
            shown,
            1,
            1,
            "",
            f"the file name is {len(slug)} characters long; keep it to {MAX_SLUG} or fewer, "
            "as it becomes the ward's web address and the names of its files",
        )
    return None
