"""A page partly in English says so once, in its own language, before the first English a
resident meets: in the next meeting's details when they are English, else after the next
meeting, so the first screen keeps the answer."""

from __future__ import annotations

from wardpanels.render import render_site
from wardpanels.settings import CONFIG_FILE, read_settings
from wardpanels.site import Sources, load_site
from wardpanels.translations import fingerprint

from .conftest import MINIMAL_WARD, NOW
from .test_languages import with_language

NOTE = "{: .wp-untranslated }"
JOIN = "Anyone can join."
MEETING = """\
meetings:
  - date: 2026-12-10
    start: 19:00
    end: 20:30
    venue:
      name: Canal Hall
      address: 1 Canal Street, London
      access: Step-free entrance
"""


def bengali_ward_page(project, translated: str) -> str:
    with_language(project, "bn", "বাংলা")
    project("wards/x.yml", MINIMAL_WARD + MEETING)
    project("translations/bn/messages.po", "")
    project("translations/bn/wards/x.yml", translated)
    settings = read_settings(project.root / CONFIG_FILE)
    site = load_site(Sources.of(project.root, settings), settings, NOW)
    return str(render_site(site, settings)["bn/wards/x.md"].content)


def join_translated() -> str:
    return f"panel:\n  join: {{text: যে কেউ যোগ দিতে পারেন।, from: {fingerprint(JOIN)}}}\n"


def test_english_in_the_next_meeting_is_announced_just_before_its_details(project):
    page = bengali_ward_page(project, join_translated())
    assert page.count(NOTE) == 1
    note, english = page.index(NOTE), page.index('<span lang="en">Step-free entrance</span>')
    assert page.index("{#next-meeting}") < note < english
    assert page[note:english].count("\n- ") == 1  # right before the list that holds it


def test_english_further_down_is_announced_after_the_next_meeting(project):
    access = fingerprint("Step-free entrance")
    page = bengali_ward_page(
        project,
        f"meetings:\n  2026-12-10:\n    access: {{text: সিঁড়ি ছাড়া প্রবেশ, from: {access}}}\n",
    )
    assert page.count(NOTE) == 1
    assert page.index('class="wp-after-meeting"') < page.index(NOTE)
    assert page.index(NOTE) < page.index(f'<span lang="en">{JOIN}</span>')


def test_a_page_wholly_translated_says_nothing(project):
    access = fingerprint("Step-free entrance")
    page = bengali_ward_page(
        project,
        join_translated()
        + f"meetings:\n  2026-12-10:\n    access: {{text: সিঁড়ি ছাড়া প্রবেশ, from: {access}}}\n",
    )
    assert NOTE not in page
    assert 'lang="en"' not in page
