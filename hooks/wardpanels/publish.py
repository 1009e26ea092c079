"""Publish a build: never half a site, never two builds at once.

    python -m wardpanels.publish site -- mkdocs build --strict

runs the build into `site.tmp`, beside the published `site`, and only when it succeeded
puts it in place. On Linux the two folders are swapped in one step (renameat2 with
RENAME_EXCHANGE), so `site` exists at every moment; elsewhere the old site is first moved
aside, and a build stopped between the two renames is put right by the next one. A lock
file stops a second build from writing into the same folders at once; it says so and
exits with status 1, as a failed build does.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import fcntl
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def publish(site: Path, command: Sequence[str]) -> int:
    """Build with `command --site-dir <site>.tmp`, then swap it in; 0, or 1 on failure."""
    site = site.absolute()
    if not site.parent.is_dir():
        print(f"There is no folder {site.parent} to publish {site.name}/ in.", file=sys.stderr)
        return 1
    here = Path.cwd().resolve()
    if site.resolve() == here or site.resolve() in here.parents:
        print(
            f"{site} holds this folder; publish into a folder of its own, like site",
            file=sys.stderr,
        )
        return 1
    fresh = _beside(site, "tmp")
    lock = site.with_name(f".{site.name}.lock")
    refusal = _not_ours([site, fresh, _beside(site, "old")], lock) or _not_a_site(site)
    if refusal:
        print(refusal, file=sys.stderr)
        return 1
    try:
        # Never through a link: a committed link by this name would truncate its target.
        handle = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW, 0o644)
    except OSError as error:
        print(f"{lock.name} cannot be made here ({_reason(error)}).", file=sys.stderr)
        return 1
    with os.fdopen(handle, "w") as locked:
        try:
            fcntl.flock(locked, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(
                f"Another build is publishing {site.name}/ now. Wait for it to finish, then "
                "run this again.",
                file=sys.stderr,
            )
            return 1
        try:
            recover(site)
            _remove(fresh)
        except OSError as error:
            print(f"{site.name}/ could not be made ready ({_reason(error)}).", file=sys.stderr)
            return 1
        if subprocess.run([*command, "--site-dir", str(fresh)], check=False).returncode != 0:
            _remove_quietly(fresh)
            print(f"The build failed, so {site.name}/ was left as it was.", file=sys.stderr)
            return 1
        try:
            swap_in(fresh, site)
        except OSError as error:
            _remove_quietly(fresh)
            print(
                f"The build could not be put in place ({_reason(error)}), so {site.name}/ was "
                "left as it was.",
                file=sys.stderr,
            )
            return 1
        _remove_quietly(fresh)  # it now holds the site as it was
    return 0


def _not_ours(folders: list[Path], lock: Path) -> str | None:
    """Why one of the folders publishing replaces, or its lock file, is not what this
    command makes, if one is not: a link by one of these names (committed by anyone)
    would have the build write, or delete, wherever it points."""
    for path in [*folders, lock]:
        plain = path.is_file() if path == lock else path.is_dir()
        if path.is_symlink() or (path.exists() and not plain):
            kind = "file" if path == lock else "folder"
            return (
                f"{path.name} is not a {kind} this command made (it is a link, or not a "
                f"{kind}); remove it, then run this again."
            )
    return None


# What every build of a site writes at its top, and no folder of data holds.
_SITE_PAGE = "index.html"


def _not_a_site(site: Path) -> str | None:
    """Why the folder to publish over is not one to replace, if it is not: it holds files
    but is no built site (`make site SITE_DIR=wards` would delete the ward files)."""
    if not site.is_dir() or not any(site.iterdir()) or (site / _SITE_PAGE).is_file():
        return None
    return (
        f"{site.name}/ holds files but no {_SITE_PAGE}, so it is not a built site, and "
        "publishing would delete them; publish into a new folder, like site"
    )


def _remove(folder: Path) -> None:
    """Delete a folder this command made; a link or a file by its name is left alone."""
    if folder.is_dir() and not folder.is_symlink():
        shutil.rmtree(folder)


def _remove_quietly(folder: Path) -> None:
    """Delete a left-over copy; one that cannot be deleted is deleted by the next build."""
    with contextlib.suppress(OSError):
        _remove(folder)


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def _beside(site: Path, suffix: str) -> Path:
    return site.with_name(f"{site.name}.{suffix}")


def recover(site: Path) -> None:
    """Put back the published site if a build stopped after moving it aside."""
    old = _beside(site, "old")
    if old.is_dir() and not old.is_symlink() and not site.exists():
        old.rename(site)
    _remove(old)


def swap_in(fresh: Path, site: Path) -> None:
    """Make `fresh` the published site; afterwards `fresh` holds the old one, if any."""
    if not site.exists():
        fresh.rename(site)
        return
    try:
        _exchange(fresh, site)
    except OSError:
        old = _beside(site, "old")
        site.rename(old)
        fresh.rename(site)  # a stop before this line is put right by recover()
        old.rename(fresh)


def _exchange(first: Path, second: Path) -> None:
    """Swap two folders in one step (Linux 3.15 and later); OSError where it cannot."""
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        raise OSError(errno.ENOSYS, "renameat2 is not available")
    result = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if result != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code))


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if "--" not in arguments or arguments.index("--") != 1 or len(arguments) < 3:
        print("usage: python -m wardpanels.publish SITE_DIR -- BUILD COMMAND...", file=sys.stderr)
        return 2
    return publish(Path(arguments[0]), arguments[2:])


if __name__ == "__main__":
    sys.exit(main())
