"""The settings in mkdocs.yml, read by `wardpanels` exactly as MkDocs reads them for the
build: a child file that inherits another (`INHERIT:`) merges with it key by key."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config

from wardpanels.settings import read_config, read_settings

PARENT = """\
site_name: Example ward panels
site_url: https://wardpanels.example.org/
theme:
  name: material
  language: en
extra:
  wardpanels:
    borough: Example Borough
    branch: trunk
  other: kept
"""

# What `wardpanels render` writes: the parent's settings, with the theme's values added.
CHILD = """\
INHERIT: parent.yml
theme:
  language: bn
extra:
  wardpanels_theme: {bn: {prefix: bn/}}
"""


def test_an_inheriting_file_keeps_the_parents_settings_as_mkdocs_does(tmp_path: Path):
    (tmp_path / "parent.yml").write_text(PARENT, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(CHILD, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    ours = read_config(tmp_path / "mkdocs.yml")
    theirs = load_config(str(tmp_path / "mkdocs.yml"))
    assert ours["extra"] == dict(theirs["extra"])
    assert ours["theme"]["name"] == "material" and ours["theme"]["language"] == "bn"
    settings = read_settings(tmp_path / "mkdocs.yml")
    assert (settings.borough, settings.branch) == ("Example Borough", "trunk")
