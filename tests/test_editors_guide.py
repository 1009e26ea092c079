"""The editors' guide: every example can be copied into a ward file as it stands."""

from __future__ import annotations

import re

import pytest

from wardpanels.site import Sources, load_site

from .conftest import GOLDEN_SETTINGS, MINIMAL_WARD, NOW, PROJECT_REPOSITORY, ROOT

GUIDE = ROOT / "site_src" / "editors"


def yaml_examples(page: str) -> list[str]:
    text = (GUIDE / page).read_text(encoding="utf-8")
    return re.findall(r"```yaml\n(.*?)```", text, re.DOTALL)


@pytest.mark.parametrize(("page", "count"), [("meetings.md", 5), ("priorities.md", 3)])
def test_every_ward_example_is_valid_as_written(page, count, project):
    examples = yaml_examples(page)
    assert len(examples) == count
    for example in examples:
        project("wards/example.yml", MINIMAL_WARD + example)
        root = project.root
        load_site(Sources(root, root / "wards", root / "glossary"), GOLDEN_SETTINGS, NOW)


@pytest.mark.parametrize("index", [0, 1])
def test_each_glossary_example_is_valid_as_written(project, index):
    examples = yaml_examples("glossary.md")
    assert len(examples) == 2
    project("glossary/example.yml", examples[index])
    project("glossary/others.yml", "- {term: DWO, meaning: x}\n- {term: SNT, meaning: y}\n")
    project("wards/example.yml", MINIMAL_WARD)
    root = project.root
    load_site(Sources(root, root / "wards", root / "glossary"), GOLDEN_SETTINGS, NOW)


def test_ward_pages_link_to_their_file_for_editors_and_never_to_githubs_api(project_site):
    site = project_site  # built with the repository
    html = (site / "wards" / "elm-east" / "index.html").read_text(encoding="utf-8")
    edit = re.search(rf'href="{re.escape(PROJECT_REPOSITORY)}/edit/main/([^"]*)"', html)
    assert edit and edit.group(1).endswith("wards/elm-east.yml")
    for page in site.rglob("*.html"):
        assert "api.github.com" not in page.read_text(encoding="utf-8"), page
    fields = (site / "editors" / "fields" / "index.html").read_text(encoding="utf-8")
    assert 'id="fields-meeting"' in fields and "a date, YYYY-MM-DD" in fields
