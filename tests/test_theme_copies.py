"""The theme's copied templates stay in step with the installed originals.

A template in theme_overrides/ that replaces one of Material's (or MkDocs') whole says in its
first comment which file, of which version, it was copied from, with the first 16 hex digits
of that file's SHA-256. When an upgrade changes the original, this fails: bring the
original's changes into our copy (our own changes are described in its first comment), then
write the new version and checksum there.
"""

from __future__ import annotations

import hashlib
import re
from importlib.metadata import version
from pathlib import Path

import material
import mkdocs
import pytest

from .conftest import ROOT

OVERRIDES = ROOT / "theme_overrides"
COPIED = re.compile(r"Copied from (mkdocs-material|mkdocs) (\S+) (\S+), sha256 ([0-9a-f]{16}):")
ORIGINALS = {
    "mkdocs-material": Path(material.__file__).parent / "templates",
    "mkdocs": Path(mkdocs.__file__).parent / "templates",
}


def copies() -> list[Path]:
    """Our templates that take the place of an original of the same name."""
    return sorted(
        path
        for path in OVERRIDES.rglob("*")
        if path.suffix in {".html", ".xml"}
        and path.name not in {"main.html", "404.html"}  # these extend Material's, not copy it
        and any((folder / path.relative_to(OVERRIDES)).is_file() for folder in ORIGINALS.values())
    )


@pytest.mark.parametrize("copy", copies(), ids=lambda path: path.relative_to(OVERRIDES).as_posix())
def test_each_copied_template_matches_the_original_it_was_copied_from(copy: Path):
    found = COPIED.search(copy.read_text(encoding="utf-8"))
    assert found, f"{copy.name} does not say which original it was copied from"
    package, copied_version, path, checksum = found.groups()
    assert path == copy.relative_to(OVERRIDES).as_posix()
    original = ORIGINALS[package] / path
    now = hashlib.sha256(original.read_bytes()).hexdigest()[:16]
    assert now == checksum, (
        f"{package} {version(package)} changed {path} since {copied_version}: bring its changes "
        f"into theme_overrides/{path}, then write 'Copied from {package} {version(package)} "
        f"{path}, sha256 {now}' in its first comment"
    )


def test_the_templates_copied_include_every_partial_we_change():
    assert [p.relative_to(OVERRIDES).as_posix() for p in copies()] == [
        "partials/copyright.html",
        "partials/header.html",
        "partials/language.html",
        "partials/nav.html",
        "partials/toc-item.html",
        "partials/toc.html",
        "sitemap.xml",
    ]
