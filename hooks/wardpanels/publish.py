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
    lock = site.with_name(f".{site.name}.lock")
    with lock.open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(
                f"Another build is publishing {site.name}/ now. Wait for it to finish, then "
                "run this again.",
                file=sys.stderr,
            )
            return 1
        recover(site)
        fresh = _beside(site, "tmp")
        shutil.rmtree(fresh, ignore_errors=True)
        if subprocess.run([*command, "--site-dir", str(fresh)], check=False).returncode != 0:
            shutil.rmtree(fresh, ignore_errors=True)
            print(f"The build failed, so {site.name}/ was left as it was.", file=sys.stderr)
            return 1
        swap_in(fresh, site)
        shutil.rmtree(fresh, ignore_errors=True)  # it now holds the site as it was
    return 0


def _beside(site: Path, suffix: str) -> Path:
    return site.with_name(f"{site.name}.{suffix}")


def recover(site: Path) -> None:
    """Put back the published site if a build stopped after moving it aside."""
    old = _beside(site, "old")
    if old.exists() and not site.exists():
        old.rename(site)
    shutil.rmtree(old, ignore_errors=True)


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
