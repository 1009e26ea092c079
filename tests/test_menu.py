"""The site's menu, declared once (hooks/wardpanels/menu.py) for every language: English
lists every page, another language its own copies of the resident pages, in the same
order."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from wardpanels.i18n import Language
from wardpanels.menu import menu

from .conftest import ROOT

ENGLISH = Language("en", "English", gettext.NullTranslations())
BENGALI = Language("bn", "বাংলা", gettext.NullTranslations())
MENU_LINK = re.compile(r'<a href="([^"]*)" class="md-nav__link')


def menu_targets(page: Path) -> list[Path]:
    """The files the main menu of a built page leads to (not the page's own headings)."""
    html = page.read_text(encoding="utf-8")
    menu_html = html.split('class="md-nav md-nav--primary"')[1].split("</nav>\n</div>")[0]
    folder = page.parent
    links = [href for href in MENU_LINK.findall(menu_html) if not href.startswith("#")]
    return [(folder / href / "index.html").resolve() for href in links]


def test_every_hand_written_english_page_is_in_the_menu():
    items = [item for top in menu(ENGLISH, frozenset()) for item in (top, *top.items)]
    paths = {item.route.path for item in items if item.route}
    written = {
        page.relative_to(ROOT / "site_src").as_posix()
        for page in (ROOT / "site_src").rglob("*.md")
        if not page.relative_to(ROOT / "site_src").as_posix().startswith("bn/")
    } - {"index.md"}
    assert written <= paths


def test_another_language_lists_its_own_resident_pages_in_the_english_order():
    english = [item.route.path for item in menu(ENGLISH, frozenset()) if item.route]
    bengali = [item.route.path for item in menu(BENGALI, frozenset()) if item.route]
    assert all(path.startswith("bn/") for path in bengali)
    assert "data/index.md" in english and not any("editors" in path for path in bengali)
    assert [path.removeprefix("bn/") for path in bengali] == [
        path for path in english if f"bn/{path}" in bengali
    ]
    assert len(bengali) == len(english) - 1  # all but the open data, published once


def test_without_an_action_plan_no_language_lists_it():
    absent = frozenset({"scrutiny/index.md"})
    for language in (ENGLISH, BENGALI):
        listed = str(menu(language, absent))
        assert "scrutiny/index.md" not in listed and "Scrutiny action plan" not in listed


@pytest.mark.build
def test_every_menu_link_leads_to_a_page_in_every_language(built_site: Path):
    english = menu_targets(built_site / "index.html")
    bengali = menu_targets(built_site / "bn" / "index.html")
    assert len(english) > len(bengali) >= 9
    assert (built_site / "editors" / "deploying" / "index.html").resolve() in english
    for target in english + bengali:
        assert target.is_file(), target
    assert all("/bn/" in str(target) for target in bengali)


def test_a_menu_in_mkdocs_yml_is_refused_with_where_the_menu_is(monkeypatch):
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    config.nav = [{"Home": "index.md"}]
    with pytest.raises(PluginError, match=r"menu is declared in hooks/wardpanels/menu\.py"):
        config.plugins.on_config(config)
