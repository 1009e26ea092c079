"""Every mistake an editor can make gives one plain message at its file and line."""

from __future__ import annotations

import os
import re

import pytest

from wardpanels import routes
from wardpanels.errors import DataError, Problem
from wardpanels.routes import RESERVED_SLUGS
from wardpanels.site import Sources, load_site

from .conftest import GOLDEN_SETTINGS, MINIMAL_WARD, NOW


def problems(project) -> list[str]:
    """Every problem found; a project with only glossary files gets a valid ward beside them."""
    root = project.root
    if not any((root / "wards").iterdir()):
        project("wards/valid.yml", MINIMAL_WARD)
    with pytest.raises(DataError) as caught:
        load_site(Sources(root, root / "wards", root / "glossary"), GOLDEN_SETTINGS, NOW)
    return [problem.plain() for problem in caught.value.problems]


def only_problem(project) -> str:
    found = problems(project)
    assert len(found) == 1, found
    return found[0]


def with_meeting(meeting: str) -> str:
    return MINIMAL_WARD + "meetings:\n  - " + meeting.strip().replace("\n", "\n    ") + "\n"


VENUE = "venue:\n  name: Hall\n  address: 1 Road, London\n"


def test_a_valid_ward_loads(project):
    project("wards/example-ward.yml", MINIMAL_WARD)
    root = project.root
    site = load_site(Sources(root, root / "wards", root / "glossary"), GOLDEN_SETTINGS, NOW)
    assert [record.slug for record in site.wards] == ["example-ward"]


def test_end_before_start_names_file_line_and_field(project):
    project(
        "wards/elm-east.yml",
        with_meeting(f"date: 2026-03-11\nstart: 19:00\nend: 18:00\n{VENUE}"),
    )
    assert only_problem(project) == (
        "wards/elm-east.yml:9:10: meetings[0].end: 18:00 is not after the start, 19:00"
    )


def test_unknown_field_suggests_the_nearest(project):
    project("wards/elm-east.yml", MINIMAL_WARD + "councilors: []\n")
    assert only_problem(project) == (
        "wards/elm-east.yml:6:1: councilors: 'councilors' is not a field here. "
        "Did you mean 'councillors'?"
    )


def test_bad_choice_suggests_the_nearest(project):
    project(
        "wards/elm-east.yml",
        with_meeting(f"date: 2026-03-11\nstart: 19:00\nend: 20:00\nstatus: canceled\n{VENUE}"),
    )
    message = only_problem(project)
    assert "meetings[0].status: 'canceled' is not allowed here" in message
    assert "Did you mean 'cancelled'?" in message
    assert message.startswith("wards/elm-east.yml:10:")


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("14/01/2026", "write dates as YYYY-MM-DD: for 14/01/2026, write 2026-01-14"),
        ("2026-02-30", "2026-02-30 is not a real date"),
        ("next Tuesday", "'next Tuesday' is not a date; write it as YYYY-MM-DD"),
    ],
)
def test_dates_must_be_real_and_written_yyyy_mm_dd(project, written, expected):
    project(
        "wards/elm-east.yml",
        with_meeting(f"date: {written}\nstart: 19:00\nend: 20:00\n{VENUE}"),
    )
    assert expected in only_problem(project)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("7pm", "for 7pm, write 19:00"),
        ("7:30am", "for 7:30am, write 07:30"),
        ("7:00", "07:00 in the morning or 19:00 in the evening"),
        ("1900", "'1900' is not a time"),
        ("25:00", "'25:00' is not a time"),
    ],
)
def test_times_must_be_24_hour_hh_mm(project, written, expected):
    project(
        "wards/elm-east.yml",
        with_meeting(f"date: 2026-03-11\nstart: {written}\nend: 23:30\n{VENUE}"),
    )
    assert expected in only_problem(project)


def test_missing_required_field_says_what_it_is(project):
    project("wards/elm-east.yml", with_meeting(f"date: 2026-03-11\nstart: 19:00\n{VENUE}"))
    assert "meetings[0].end: this is required, but missing. End time" in only_problem(project)


def test_in_person_meeting_needs_a_venue_and_online_one_a_link(project):
    project("wards/a.yml", with_meeting("date: 2026-03-11\nstart: 19:00\nend: 20:00\n"))
    project(
        "wards/b.yml", with_meeting("date: 2026-03-11\nstart: 19:00\nend: 20:00\nformat: online\n")
    )
    assert problems(project) == [
        "wards/a.yml:7:5: meetings[0].venue: an in-person meeting needs a venue",
        "wards/b.yml:7:5: meetings[0].online: an online meeting needs 'online:', the link to join",
    ]


@pytest.mark.parametrize(
    "link", ["javascript:alert(1)", "data:text/html,x", "ftp://x.org/", "www.example.org"]
)
def test_links_must_be_web_mail_or_phone(project, link):
    project("wards/elm-east.yml", MINIMAL_WARD + f"links:\n  - title: X\n    url: '{link}'\n")
    assert "a link must start with https://, http://, mailto: or tel:" in only_problem(project)


@pytest.mark.parametrize(
    ("link", "message"),
    [
        ("https:evil.example", "has no site's name after https://"),
        ("https://evil.example\\@www.towerhamlets.gov.uk/", "has '@' before its site's name"),
        (
            "https://www.t\u043ewerhamlets.gov.uk/",
            "names a site in letters that look like 'www.towerhamlets.gov.uk' but are not",
        ),
        ("https://example.org/t\u043ewer", "mixes Cyrillic and Latin letters"),
    ],
)
def test_a_link_that_reads_as_one_site_and_leads_to_another_is_refused(project, link, message):
    project("wards/elm-east.yml", MINIMAL_WARD + f"links:\n  - title: X\n    url: '{link}'\n")
    assert message in only_problem(project)


@pytest.mark.parametrize("summary", ["See [the map](/map/) first", "[a [b] c](#p)"])
def test_a_link_inside_the_site_is_refused_as_it_cannot_be_checked(project, summary):
    project("wards/elm-east.yml", MINIMAL_WARD + f"summary: '{summary}'\n")
    assert "points inside this site" in only_problem(project)


@pytest.mark.parametrize(
    "summary", ["[notes]: ../notes/", "- > [notes]: https://x.org/ 'A title'", "[n]:\n\n  /x/"]
)
def test_a_link_reference_definition_is_refused_as_it_hides_where_a_link_goes(project, summary):
    project("wards/elm-east.yml", MINIMAL_WARD + f'summary: "{summary}"\n')
    assert "defines a link to use elsewhere" in only_problem(project)


def test_the_link_check_takes_no_time_on_brackets_that_never_close(project):
    """A pattern from "[" to ")" backtracked for minutes on this; the check is linear."""
    project("wards/elm-east.yml", MINIMAL_WARD + f"summary: '{'[x](' * 100 + '](' * 2000}'\n")
    root = project.root
    load_site(Sources(root, root / "wards", root / "glossary"), GOLDEN_SETTINGS, NOW)


@pytest.mark.parametrize("summary", ["Text ](0 with a stray bracket", "[Bow] (east) and ]("])
def test_brackets_that_make_no_link_are_plain_text(project, summary):
    project("wards/elm-east.yml", MINIMAL_WARD + f"summary: '{summary}'\n")
    root = project.root
    load_site(Sources(root, root / "wards", root / "glossary"), GOLDEN_SETTINGS, NOW)


def test_wrong_type_says_what_was_found(project):
    project("wards/elm-east.yml", MINIMAL_WARD.replace("Example Ward", "[a, b]"))
    assert only_problem(project) == (
        "wards/elm-east.yml:1:7: name: expected text, but found a list."
    )


def test_a_number_where_text_belongs_says_to_quote_it(project):
    project(
        "wards/elm-east.yml",
        MINIMAL_WARD.replace("email: panel@example.org", "phone: 02079460000"),
    )
    assert "Put it in quotes" in only_problem(project)


def test_a_list_where_a_ward_belongs(project):
    project("wards/elm-east.yml", "- name: Elm East\n")
    assert only_problem(project) == (
        "wards/elm-east.yml:1:1: expected 'name: value' lines, but found a list"
    )


def test_yes_is_not_a_boolean(project):
    project("wards/elm-east.yml", MINIMAL_WARD + "sample: yes\n")
    assert "sample: write true or false, not 'yes'" in only_problem(project)


def test_feedback_must_name_a_priority_of_the_ward(project):
    project(
        "wards/elm-east.yml",
        MINIMAL_WARD
        + """\
priorities:
  - id: roman-road-drugs
    title: Drug dealing on Roman Road
    agreed: 2026-01-14
feedback:
  - date: 2026-03-11
    priority: roman-road-drug
    we_did: Patrols.
""",
    )
    assert only_problem(project) == (
        "wards/elm-east.yml:12:15: feedback[0].priority: there is no priority with the id "
        "'roman-road-drug' in this ward. Priorities here: roman-road-drugs."
    )


def test_duplicate_priority_and_meeting_ids(project):
    project(
        "wards/elm-east.yml",
        MINIMAL_WARD
        + f"""\
priorities:
  - {{id: same, title: A, agreed: 2026-01-14}}
  - {{id: same, title: B, agreed: 2026-01-14}}
meetings:
  - id: spring
    date: 2026-03-11
    start: 19:00
    end: 20:00
    {VENUE.replace(chr(10), chr(10) + "    ").rstrip()}
  - id: spring
    date: 2026-04-11
    start: 19:00
    end: 20:00
    {VENUE.replace(chr(10), chr(10) + "    ").rstrip()}
""",
    )
    found = problems(project)
    assert found[0].startswith(
        "wards/elm-east.yml:8:10: priorities[1].id: another priority already has the id 'same'"
    )
    assert found[1].startswith(
        "wards/elm-east.yml:17:9: meetings[1].id: another meeting already has the id 'spring'"
    )


def test_an_ended_priority_needs_its_end_date(project):
    project(
        "wards/elm-east.yml",
        MINIMAL_WARD
        + """\
priorities:
  - id: x
    title: X
    agreed: 2026-01-14
    status: achieved
""",
    )
    assert "priorities[0].status: a priority that is achieved needs 'closed_on:'" in (
        only_problem(project)
    )


def test_file_names_must_be_slugs(project):
    project("wards/Elm East.yml", MINIMAL_WARD)
    assert "rename it to elm-east.yml" in only_problem(project)


@pytest.mark.parametrize("name", ["index", "all", "all-wards"])
def test_a_ward_file_may_not_take_a_name_the_site_uses(project, name):
    project(f"wards/{name}.yml", MINIMAL_WARD)
    assert re.fullmatch(
        f"wards/{name}.yml:1:1: the site uses the name '{name}' for a page of its own: "
        r"rename the file after the ward, like [a-z-]+\.yml",
        only_problem(project),
    )


def test_the_reserved_names_are_those_of_the_borough_wide_files():
    assert {routes.ALL_FEED, routes.ALL_WARDS, routes.SCRUTINY_FEED, "index"} == RESERVED_SLUGS


def test_a_file_that_is_not_utf8(project):
    project("wards/elm-east.yml", MINIMAL_WARD.encode() + b"summary: caf\xe9\n")
    assert only_problem(project).startswith(
        "wards/elm-east.yml:6:1: this file is not saved as UTF-8"
    )


def test_every_problem_in_every_file_is_reported_together_in_order(project):
    project("wards/b.yml", MINIMAL_WARD + "councilors: []\nsample: maybe\n")
    project("wards/a.yml", "name: [\n")
    project("glossary/terms.yml", "- term: PCSO\n  meaning: x\n  see_also: [DWO]\n")
    found = problems(project)
    assert [line.split(":")[0] for line in found] == [
        "glossary/terms.yml",
        "wards/a.yml",
        "wards/b.yml",
        "wards/b.yml",
    ]
    assert found[2].startswith("wards/b.yml:6:1:")
    assert found[3].startswith("wards/b.yml:7:9:")


def test_glossary_terms_are_unique_ignoring_case(project):
    project("glossary/a.yml", "- term: PCSO\n  meaning: x\n")
    project("glossary/b.yml", "- term: Pcso\n  meaning: y\n")
    assert only_problem(project) == (
        "glossary/b.yml:1:9: [0].term: 'Pcso' is already in the glossary (glossary/a.yml, line 1)"
    )


def test_problem_as_a_github_annotation():
    problem = Problem("wards/x.yml", 3, 7, "meetings[0].end", "18:00 is not after 19:00")
    assert problem.github() == (
        "::error file=wards/x.yml,line=3,col=7::meetings[0].end: 18:00 is not after 19:00"
    )


@pytest.mark.parametrize(("day", "start"), [("2026-10-25", "01:30"), ("2026-03-29", "01:15")])
def test_a_time_the_clocks_skip_or_repeat_is_refused(project, day, start):
    project(
        "wards/elm-east.yml",
        with_meeting(
            f"date: {day}\nstart: {start}\nend: 03:00\nformat: online\nonline: https://x.org/\n"
        ),
    )
    assert f"meetings[0].start: {start} on {day} is in the hour the clocks change" in (
        only_problem(project)
    )


# Files are what they say: only plain .yml files in a data folder are ever read.


def test_a_link_to_a_file_elsewhere_is_refused_and_never_read(project):
    (project.root / "wards" / "passwords.yml").symlink_to("/etc/passwd")
    (project.root / "wards" / "zero.yml").symlink_to("/dev/zero")
    project("wards/valid.yml", MINIMAL_WARD)
    found = problems(project)
    assert found == [
        "wards/passwords.yml:1:1: this is a link to another file; put the file itself here",
        "wards/zero.yml:1:1: this is a link to another file; put the file itself here",
    ]
    assert "root:" not in " ".join(found)


def test_broken_and_looping_links_folders_and_devices_are_named(project):
    wards = project.root / "wards"
    (wards / "broken.yml").symlink_to(wards / "missing.yml")
    (wards / "loop.yml").symlink_to(wards / "loop.yml")
    (wards / "folder.yml").mkdir()
    os.mkfifo(wards / "pipe.yml")
    project("wards/valid.yml", MINIMAL_WARD)
    assert problems(project) == [
        "wards/broken.yml:1:1: this is a link to another file; put the file itself here",
        "wards/folder.yml:1:1: this is not a file (a folder or a device); only .yml files "
        "belong here",
        "wards/loop.yml:1:1: this is a link to another file; put the file itself here",
        "wards/pipe.yml:1:1: this is not a file (a folder or a device); only .yml files "
        "belong here",
    ]


@pytest.mark.parametrize(
    ("name", "suggested"),
    [
        ("riverside.YML", "riverside.yml"),
        ("riverside.yaml", "riverside.yml"),
        ("riverside.yml.txt", "riverside.yml"),
        ("riverside.yml ", "riverside.yml"),
    ],
)
def test_a_look_alike_name_is_not_read_but_named_in_a_warning(project, name, suggested):
    project("wards/valid.yml", MINIMAL_WARD)
    project(f"wards/{name}", MINIMAL_WARD)
    root = project.root
    site = load_site(Sources(root, root / "wards", root / "glossary"), GOLDEN_SETTINGS, NOW)
    assert [record.slug for record in site.wards] == ["valid"]
    assert (
        f"wards/{name}:1:1: warning: this file is not read: only names ending in '.yml' are. "
        f"Rename it to {suggested}"
    ) in [warning.plain() for warning in site.warnings]


def test_a_folder_inside_a_data_folder_is_not_read_but_named_in_a_warning(project):
    project("wards/valid.yml", MINIMAL_WARD)
    project("wards/old/riverside.yml", MINIMAL_WARD)
    root = project.root
    site = load_site(Sources(root, root / "wards", root / "glossary"), GOLDEN_SETTINGS, NOW)
    assert [record.slug for record in site.wards] == ["valid"]
    assert (
        "wards/old:1:1: warning: this folder is not read: files go directly in wards/, not in "
        "a folder inside it"
    ) in [warning.plain() for warning in site.warnings]


def test_no_ward_files_is_an_error_and_so_is_a_missing_glossary(project):
    root = project.root
    with pytest.raises(DataError) as caught:
        load_site(Sources(root, root / "wards", root / "glossary"), GOLDEN_SETTINGS, NOW)
    assert [p.plain() for p in caught.value.problems] == [
        "wards:1:1: there are no .yml files here, so the site would have nothing to show"
    ]
    project("wards/valid.yml", MINIMAL_WARD)
    (root / "glossary").rmdir()
    with pytest.raises(DataError) as caught:
        load_site(Sources(root, root / "wards", root / "glossary"), GOLDEN_SETTINGS, NOW)
    assert [p.plain() for p in caught.value.problems] == ["glossary:1:1: this folder is missing"]


# Outputs escape for their reader.


def test_github_annotations_cannot_be_forged_by_a_file_name_or_a_value():
    problem = Problem("wards/a,b\n::error file=x::y.yml", 3, 4, "name", "100% \r\nbad")
    assert problem.github() == (
        "::error file=wards/a%2Cb%0A%3A%3Aerror file=x%3A%3Ay.yml,line=3,col=4::"
        "name: 100%25 \\r\\nbad"
    )


def test_plain_messages_never_pass_a_control_character_to_the_terminal():
    problem = Problem("wards/x.yml", 1, 1, "name", "'\x1b[2J\x1b[31mred' is not allowed")
    assert problem.plain() == "wards/x.yml:1:1: name: '\\x1b[2J\\x1b[31mred' is not allowed"


@pytest.mark.parametrize(
    "second", ["\u0421\u0430\u0440\u0435 Street", "\uff23\uff41\uff50\uff45 Street"]
)
def test_a_second_ward_with_a_name_that_looks_the_same_is_refused(project, second):
    """Cyrillic С, а, р, е, or full-width letters: another string, the same name to a reader."""
    project("wards/a.yml", MINIMAL_WARD.replace("Example Ward", "Cape Street"))
    project("wards/b.yml", MINIMAL_WARD.replace("Example Ward", second))
    assert only_problem(project) == (
        "wards/b.yml:1:7: name: wards/a.yml already has this name, or one that looks the "
        "same; each ward has one file"
    )


def test_a_glossary_term_that_looks_like_another_is_refused(project):
    project("wards/a.yml", MINIMAL_WARD)
    project(
        "glossary/a.yml",
        "- term: PCSO\n  meaning: x\n- term: \uff30\uff23\uff33\uff2f\n  meaning: y\n",
    )
    assert "'ＰＣＳＯ' is already in the glossary (glossary/a.yml, line 1)" in only_problem(project)
