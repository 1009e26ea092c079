"""The site does not depend on MkDocs' hooks: any MkDocs-compatible generator can publish it.

`wardpanels render --out DIR` writes every output, with the hand-written pages and a
configuration that builds them with no hooks at all. Built that way by plain MkDocs, and
built with the hooks by ProperDocs (the maintained MkDocs 1.x fork), the site is the
same as the usual build, page by page and file by file.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import EPOCH, ROOT

pytestmark = pytest.mark.build  # every test here builds the whole site

ARTICLE = re.compile(r"<article .*?</article>", re.S)
GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')


def files_of(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def run(command: list[str], cwd: Path = ROOT) -> None:
    result = subprocess.run(
        command,
        cwd=cwd,
        # Read when run: the fixture borough's settings are in the environment by then.
        env={**os.environ, "SOURCE_DATE_EPOCH": str(EPOCH), "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.fixture(scope="module")
def plain_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The rendered files, built by MkDocs with no hooks."""
    out = tmp_path_factory.mktemp("rendered")
    run([str(Path(sys.executable).parent / "wardpanels"), "render", "--out", str(out)])
    run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(out / "mkdocs.yml"),
            "-d",
            str(out / "site"),
        ]
    )
    return out / "site"


# Each other language's 404 page is the theme's, rendered in that language by the hook
# after the build: a generator without the hooks has only the English one (the README).
HOOKS_ONLY = {"bn/404.html"}


def test_a_plain_mkdocs_build_of_the_rendered_files_gives_the_same_site(plain_site, built_site):
    usual, plain = files_of(built_site), files_of(plain_site)
    usual = {path: content for path, content in usual.items() if path not in HOOKS_ONLY}
    assert sorted(plain) == sorted(usual)
    for path, content in usual.items():
        if path.endswith(".html"):
            wanted = ARTICLE.findall(content.decode("utf-8"))
            assert ARTICLE.findall(plain[path].decode("utf-8")) == wanted, path
        elif path == "search/search_index.json":  # the same entries, listed in another order
            entries = sorted(json.loads(content)["docs"], key=json.dumps)
            assert sorted(json.loads(plain[path])["docs"], key=json.dumps) == entries
        elif not path.endswith((".xml", ".gz")) or path.startswith("feeds/"):
            assert plain[path] == content, path  # calendars, data, feeds, scripts, posters


def test_properdocs_builds_the_same_site_with_the_hooks(built_site, tmp_path):
    properdocs = Path(sys.executable).parent / "properdocs"
    if not properdocs.exists():
        pytest.fail("ProperDocs is a test dependency: make test installs it")
    run(
        [
            str(properdocs),
            "build",
            "--strict",
            "-f",
            str(ROOT / "mkdocs.yml"),
            "-d",
            str(tmp_path / "site"),
        ]
    )
    usual, other = files_of(built_site), files_of(tmp_path / "site")
    assert sorted(other) == sorted(usual)
    different = [
        path
        for path, content in usual.items()
        if GENERATOR.sub("", other[path].decode("utf-8", "replace"))
        != GENERATOR.sub("", content.decode("utf-8", "replace"))
    ]
    assert different == []
