"""Property-based tests: whatever editors write, the loader answers with the project's own
error or valid data, and valid data always renders."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wardpanels.errors import DataError
from wardpanels.site import Site, Sources, load_site

from .conftest import GOLDEN_SETTINGS, NOW, rendered

# Text that looks like Markdown, HTML, templates and table syntax, and non-Latin scripts.
TRICKY = "<>&*_[]|{}#!`\\'\"%:-=~^()/ \n" + "abcXYZ019" + "éßধকাবাংলা中文"
# Links inside the site are refused on purpose (see model.Markdown), so valid text has none.
text = st.text(alphabet=TRICKY, min_size=1, max_size=40).filter(
    lambda s: s.strip() and "](" not in s and "]:" not in s
)
slug = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)
day = st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 12, 31))
link = st.sampled_from(
    ["https://example.org/", "http://x.org/a?b=c&d=(e)", "mailto:a@b.org", "tel:+442079460000"]
)


@st.composite
def meeting(draw) -> dict:
    start_minutes = draw(st.integers(6 * 60, 22 * 60))  # clear of the hour the clocks change
    length = draw(st.integers(1, 23 * 60 - start_minutes))
    start = "{:02d}:{:02d}".format(*divmod(start_minutes, 60))
    end = "{:02d}:{:02d}".format(*divmod(start_minutes + length, 60))
    form = draw(st.sampled_from(["in-person", "online", "hybrid"]))
    found = {
        "date": draw(day).isoformat(),
        "start": start,
        "end": end,
        "format": form,
        "status": draw(st.sampled_from(["scheduled", "cancelled"])),
        "public": draw(st.booleans()),
    }
    if form != "online":
        found["venue"] = {"name": draw(text), "address": draw(text)}
        if draw(st.booleans()):
            found["venue"]["access"] = draw(text)
    if form != "in-person":
        found["online"] = draw(link)
    for key in ("note", "minutes"):
        if draw(st.booleans()):
            found[key] = draw(text) if key == "note" else draw(link)
    if draw(st.booleans()):
        found["agenda"] = draw(st.lists(text, max_size=3))
    return found


@st.composite
def ward(draw) -> dict:
    priorities = []
    for identity in draw(st.lists(slug, unique=True, max_size=5)):
        agreed = draw(day)
        entry = {
            "id": identity,
            "title": draw(text),
            "agreed": agreed.isoformat(),
            "set_by": draw(st.sampled_from(["panel", "police"])),
            "detail": draw(text),
        }
        status = draw(st.sampled_from(["active", "achieved", "closed"]))
        entry["status"] = status
        if status != "active":
            agreed = min(agreed, NOW.date())  # a priority ends on a day that has come
            entry["agreed"] = agreed.isoformat()
            ended = min(agreed + timedelta(days=draw(st.integers(0, 400))), NOW.date())
            entry["closed_on"] = max(ended, agreed).isoformat()
            entry["outcome"] = draw(text)
        elif draw(st.booleans()):
            entry["review"] = (agreed + timedelta(days=draw(st.integers(0, 400)))).isoformat()
        priorities.append(entry)
    ids = [p["id"] for p in priorities]
    reports = {
        (draw(day).isoformat(), draw(st.sampled_from(ids)) if ids and draw(st.booleans()) else None)
        for _ in range(draw(st.integers(0, 3)))
    }  # a report is known by its date and priority: one of each
    feedback = [
        {
            "date": when,
            "we_did": draw(text),
            "you_said": draw(text),
            **({"priority": about} if about else {}),
        }
        for when, about in sorted(reports, key=str)
    ]
    meetings = draw(st.lists(meeting(), max_size=5))
    for number, entry in enumerate(meetings):
        entry["id"] = f"meeting-{number}"
    roles = [
        {"role": role, **({"vacant": True} if draw(st.booleans()) else {"name": draw(text)})}
        for role in draw(
            st.lists(st.sampled_from(["chair", "vice-chair", "secretary"]), unique=True)
        )
    ]
    return {
        "name": draw(text),
        "summary": draw(text),
        "areas": draw(st.lists(text, max_size=3)),
        "sample": draw(st.booleans()),
        "panel": {"contact": {"email": "panel@example.org"}, "join": draw(text), "roles": roles},
        "team": {"officers": [{"role": "dwo"}]},
        "priorities": priorities,
        "feedback": feedback,
        "meetings": meetings,
    }


class Yaml12Dumper(yaml.SafeDumper):
    """PyYAML's writer, quoting text that YAML 1.2 (editors' tools, and our loader) would
    read as a number. PyYAML writes for YAML 1.1, where `09` is text (not an octal number),
    so it leaves it bare; in YAML 1.2 it is the number 9."""


for _tag, _pattern in (
    ("int", r"^[-+]?[0-9]+$"),
    ("float", r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$"),
):
    Yaml12Dumper.add_implicit_resolver(
        f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), list("-+.0123456789")
    )


def as_yaml(data: dict, block_style: bool) -> str:
    """JSON is YAML too; the block style quotes anything that could be misread."""
    if block_style:
        return yaml.dump(data, Dumper=Yaml12Dumper, allow_unicode=True, sort_keys=False)
    return json.dumps(data, ensure_ascii=False, indent=2)


def load(root: Path) -> Site:
    return load_site(
        Sources(root, root / "wards", root / "glossary"), GOLDEN_SETTINGS, NOW, read_history=False
    )


def fresh(root: Path, text_of_ward: str) -> Path:
    for old in (root / "wards").glob("*"):
        old.unlink()
    path = root / "wards" / "generated.yml"
    path.write_text(text_of_ward, encoding="utf-8")
    return path


SLOW = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@SLOW
@given(data=ward(), block_style=st.booleans())
def test_valid_wards_load_and_always_render(project, data, block_style):
    fresh(project.root, as_yaml(data, block_style))
    site = load(project.root)
    outputs = rendered(site, GOLDEN_SETTINGS)
    page = outputs["wards/generated.md"]
    assert isinstance(page, str) and "\n# " in page
    feed = outputs["calendars/generated.ics"]
    assert isinstance(feed, bytes) and feed.startswith(b"BEGIN:VCALENDAR\r\n")


@st.composite
def mutation(draw, source: str) -> str:
    """A plausible slip: text deleted, inserted or repeated, a tab, or a line lost."""
    position = draw(st.integers(0, len(source)))
    kind = draw(st.sampled_from(["delete", "insert", "tab", "repeat", "drop-line"]))
    if kind == "delete":
        return source[:position] + source[position + draw(st.integers(1, 20)) :]
    if kind == "insert":
        return (
            source[:position]
            + draw(st.text(alphabet=TRICKY + "\t&*!%@", max_size=10))
            + source[position:]
        )
    if kind == "tab":
        return source[:position] + "\t" + source[position:]
    lines = source.splitlines(keepends=True)
    index = draw(st.integers(0, max(len(lines) - 1, 0)))
    if kind == "repeat":
        return "".join(lines[: index + 1] + lines[index:])
    return "".join(lines[:index] + lines[index + 1 :])


@SLOW
@given(data=st.data())
def test_a_mangled_ward_gives_our_error_or_valid_data_never_a_crash(project, data):
    source = as_yaml(data.draw(ward()), data.draw(st.booleans()))
    mangled = data.draw(mutation(source))
    fresh(project.root, mangled)
    try:
        site = load(project.root)
    except DataError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.file == "wards/generated.yml"
            assert 1 <= problem.line <= max(mangled.count("\n") + 1, 1)
            assert problem.message
        return
    rendered(site, GOLDEN_SETTINGS)


@SLOW
@given(data=st.data())
def test_a_wrong_value_anywhere_gives_our_error(project, data):
    document = data.draw(ward())
    parent, key = None, None
    node = document
    for _ in range(data.draw(st.integers(1, 4))):  # walk a few steps into the document
        if not isinstance(node, dict | list) or not node:
            break
        parent = node
        key = (
            data.draw(st.sampled_from(sorted(node)))
            if isinstance(node, dict)
            else (data.draw(st.integers(0, len(node) - 1)))
        )
        node = node[key]
    if parent is None or key is None:
        return
    parent[key] = data.draw(
        st.one_of(
            st.none(),
            st.integers(),
            st.floats(allow_nan=False),
            st.booleans(),
            text,
            st.lists(st.integers(), max_size=2),
            st.dictionaries(text, st.integers(), max_size=2),
        )
    )
    fresh(project.root, as_yaml(document, block_style=True))
    try:
        load(project.root)
    except DataError as error:
        assert all(problem.line >= 1 for problem in error.problems)
