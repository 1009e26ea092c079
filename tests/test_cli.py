"""`wardpanels validate` and `wardpanels schema`, as editors and CI run them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from wardpanels.cli import main
from wardpanels.loading import parse_yaml
from wardpanels.schema import SCHEMAS, render_schema

from .conftest import EPOCH, MINIMAL_WARD, ROOT, Borough


def test_the_project_validates_the_data_its_settings_name(capsys):
    assert main(["validate", "--root", str(ROOT)]) == 0  # the fixture borough
    assert "checked: no errors" in capsys.readouterr().err


def test_warnings_are_shown_and_fail_only_with_strict(project, capsys):
    project(
        "wards/elm-east.yml",
        MINIMAL_WARD + "priorities:\n"
        "  - {id: a, title: A, agreed: 2026-01-14, review: 2026-03-11}\n",
    )
    assert main(["validate", "--root", str(project.root), "--verbose"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("wards/elm-east.yml: 4 warnings\n")
    assert (
        "\n  line 7: priorities[0].review: the review date, Wednesday 11 March 2026, has passed"
    ) in out
    assert main(["validate", "--root", str(project.root), "--strict"]) == 1
    assert main(["validate", "--root", str(project.root), "--format", "github"]) == 0
    assert "::warning file=wards/elm-east.yml,line=7,col=51::" in capsys.readouterr().out


def test_a_broken_ward_exits_1_naming_file_and_line(project, capsys):
    project("wards/elm-east.yml", MINIMAL_WARD + "sample: maybe\n")
    assert main(["validate", "--root", str(project.root)]) == 1
    out = capsys.readouterr().out
    assert out == "wards/elm-east.yml:6:9: sample: write true or false, not 'maybe'\n"


def test_github_format_marks_the_line_in_a_pull_request(project, capsys):
    project("wards/elm-east.yml", MINIMAL_WARD + "sample: maybe\n")
    assert main(["validate", "--root", str(project.root), "--format", "github"]) == 1
    assert capsys.readouterr().out == (
        "::error file=wards/elm-east.yml,line=6,col=9::sample: write true or false, not 'maybe'\n"
    )


def test_the_installed_command_never_shows_a_traceback(project):
    project("wards/elm-east.yml", b"\xff\xfe not text")
    result = subprocess.run(
        [str(Path(sys.executable).parent / "wardpanels"), "validate"],
        cwd=project.root,
        capture_output=True,
        text=True,
        check=False,
        env={"SOURCE_DATE_EPOCH": str(EPOCH), "PATH": ""},
    )
    assert result.returncode == 1
    assert "wards/elm-east.yml:1:1: this file is not saved as UTF-8" in result.stdout
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("relative", sorted(SCHEMAS))
def test_committed_schemas_are_current(relative):
    committed = (ROOT / relative).read_text(encoding="utf-8")
    assert committed == render_schema(SCHEMAS[relative]), (
        f"{relative} is stale: run 'make schema' and commit it"
    )


def test_the_schema_accepts_every_ward_as_a_yaml_1_2_tool_reads_it(borough: Borough):
    schema = json.loads((ROOT / "wards/ward.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    for path in sorted(borough.wards.glob("*.yml")):
        document = parse_yaml(path.read_text(encoding="utf-8"), path.name)
        errors = [error.message for error in validator.iter_errors(document.value)]
        assert errors == [], path.name


def test_the_schema_rejects_what_the_validator_rejects():
    schema = json.loads((ROOT / "wards/ward.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for bad in ("start: 7pm", "start: '7:00'", "status: canceled", "public: yes"):
        text = MINIMAL_WARD + (
            "meetings:\n  - {date: 2026-03-11, start: '19:00', "
            "end: '20:00', format: online, online: 'https://x.org/'}\n"
        )
        key, value = bad.split(": ")
        document = parse_yaml(text, "x.yml").value
        document["meetings"][0][key] = parse_yaml(f"v: {value}\n", "x.yml").value["v"]
        assert not validator.is_valid(document), bad


def test_new_ward_writes_a_starter_file_that_validates(project, capsys):
    assert main(["new-ward", "St Agnes's & Dockside", "--root", str(project.root)]) == 0
    written = project.root / "wards" / "st-agness-and-dockside.yml"
    text = written.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=ward.schema.json\n")
    assert main(["validate", "--root", str(project.root)]) == 0
    assert "checked: no errors" in capsys.readouterr().err


def test_new_ward_takes_the_accents_off_a_names_letters(project):
    assert main(["new-ward", "Café Quarter", "--root", str(project.root)]) == 0
    assert (project.root / "wards" / "cafe-quarter.yml").is_file()


def test_new_ward_writes_nothing_in_a_folder_that_is_not_a_project(tmp_path, capsys):
    assert main(["new-ward", "Example Ward", "--root", str(tmp_path)]) == 1
    assert "is not a ward panels project" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_new_ward_never_overwrites(project, capsys):
    project("wards/elm-east.yml", MINIMAL_WARD)
    assert main(["new-ward", "Elm East", "--root", str(project.root)]) == 1
    assert "wards/elm-east.yml already exists" in capsys.readouterr().err
    assert (project.root / "wards" / "elm-east.yml").read_text() == MINIMAL_WARD


@pytest.mark.parametrize("relative", sorted(SCHEMAS))
def test_every_schema_field_has_a_title_description_and_example(relative):
    schema = json.loads((ROOT / relative).read_text(encoding="utf-8"))
    models = [schema, *schema.get("$defs", {}).values()]
    for model in models:
        assert model.get("title") and model.get("description"), model.get("title")
        for name, field in model.get("properties", {}).items():
            where = f"{model['title']}.{name}"
            if "$ref" in json.dumps(field):
                continue  # a group of fields: its title and description are in $defs
            assert field.get("title") and field.get("description"), where
            assert field.get("examples"), f"{where} has no example"


def test_the_glossary_schema_accepts_a_whole_glossary(borough: Borough):
    schema = json.loads((ROOT / "glossary/glossary.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for path in sorted(borough.glossary.glob("*.yml")):
        document = parse_yaml(path.read_text(encoding="utf-8"), path.name)
        assert list(validator.iter_errors(document.value)) == [], path.name


@pytest.mark.parametrize(
    ("name", "refusal"),
    [
        ("A" * 300, "The name is 300 characters long; keep it to 100 or fewer."),
        ("Index", "The site uses 'index' for a page of its own; give another --slug."),
        ("All Wards", "The site uses 'all-wards' for a page of its own; give another --slug."),
        ("Bow\x7fEast", "Give the ward's name on one line, with no special characters."),
        ("Elm\u2800East", "Give the ward's name on one line, with no special characters."),
        (  # the look-alike letter was dropped from the slug, and the file did not validate
            "Elm \u0415ast",
            "The name '\u0415ast' mixes Cyrillic and Latin letters, which can look the same",
        ),
        (
            "বো পূর্ব",
            "The web address is made from the name's Latin letters, and this name has none.",
        ),
    ],
)
def test_new_ward_refuses_what_it_cannot_write_plainly(project, capsys, name, refusal):
    assert main(["new-ward", name, "--root", str(project.root)]) == 1
    assert capsys.readouterr().err.startswith(refusal)
    assert list((project.root / "wards").iterdir()) == []


def test_new_ward_takes_any_script_with_a_slug(project, capsys):
    assert main(["new-ward", "বো পূর্ব", "--slug", "elm-east", "--root", str(project.root)]) == 0
    text = (project.root / "wards" / "elm-east.yml").read_text(encoding="utf-8")
    assert 'name: "বো পূর্ব"' in text
    assert main(["validate", "--root", str(project.root)]) == 0
    assert main(["new-ward", "X", "--slug", "Bad Slug", "--root", str(project.root)]) == 1


def test_render_writes_a_site_any_generator_can_build_without_hooks(project, tmp_path, capsys):
    project("wards/elm-east.yml", MINIMAL_WARD.replace("Example Ward", "Elm East"))
    (project.root / "site_src").mkdir()
    (project.root / "site_src" / "about.md").write_text("# About\n", encoding="utf-8")
    config = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    (project.root / "mkdocs.yml").write_text(config + "docs_dir: site_src\n", encoding="utf-8")
    out = tmp_path / "rendered"
    assert main(["render", "--root", str(project.root), "--out", str(out)]) == 0
    assert (out / "docs" / "about.md").is_file()  # the hand-written pages
    assert (out / "docs" / "wards" / "elm-east.md").is_file()
    assert (out / "docs" / "calendars" / "elm-east.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    # Written out whole, for generators that read neither INHERIT nor hooks.
    config = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "INHERIT" not in config and "hooks" not in config
    assert config["site_name"] and config["docs_dir"] == "docs"
    assert {"Find your ward": "wards/index.md"} in config["nav"]
    assert "/wards/elm-east.md\n" in config["not_in_nav"]  # linked to, not in the menu
    assert list(config["extra"]) == ["wardpanels_theme"]  # the hooks' settings are done with


def node_tool(script: str, *arguments: str) -> dict:
    """Run one of the tests' Node.js tools (tests/js), or skip without Node.js."""
    node = shutil.which("node")
    if node is None or not (ROOT / "tests" / "js" / "node_modules" / "ajv").exists():
        message = "Node.js and Ajv are needed: run 'make test', which installs them"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    result = subprocess.run(
        [node, str(ROOT / "tests" / "js" / script), *arguments],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("schema", "files"),
    [("wards/ward.schema.json", "wards"), ("glossary/glossary.schema.json", "glossary")],
)
def test_ajv_compiles_each_schema_and_accepts_every_file(schema, files, borough: Borough):
    """Ajv compiles patterns in ECMA-262's unicode mode, where needless escapes such as
    \\" make the whole schema invalid; Python's jsonschema accepts them, so only a
    JavaScript validator proves editors' tools can use the schema."""
    found = sorted(str(path) for path in (borough.root / files).glob("*.yml"))
    result = node_tool("validate_schema.mjs", str(ROOT / schema), *found)
    assert result == {"compiled": True, "invalid": {}}


@pytest.mark.parametrize("where", [".", "README.md", "occupied", "link", "..", "docs/out"])
def test_render_refuses_the_project_a_file_and_a_folder_it_did_not_write(
    where, project, capsys, tmp_path
):
    project("wards/example.yml", MINIMAL_WARD)
    project("README.md", "# Read me\n")
    project("occupied/notes.txt", "mine\n")
    project("docs/about.md", "# About\n")
    (tmp_path / "link").symlink_to(tmp_path / "occupied")
    before = {path: path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()}
    out = tmp_path / "wards" / where if where == ".." else tmp_path / where
    assert main(["render", "--root", str(project.root), "--out", str(out)]) == 1
    assert "give --out a new" in capsys.readouterr().err
    assert {path: path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()} == before


def test_render_writes_again_over_its_own_output(project, tmp_path):
    project("wards/example.yml", MINIMAL_WARD)
    project("docs/about.md", "# About\n")
    out = tmp_path / "build"
    assert main(["render", "--root", str(project.root), "--out", str(out)]) == 0
    assert main(["render", "--root", str(project.root), "--out", str(out)]) == 0


def test_new_ward_writes_nothing_outside_the_project(project, tmp_path_factory, capsys):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    config = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    project("mkdocs.yml", config + f"    wards: {elsewhere}\n")
    assert main(["new-ward", "Example Ward", "--root", str(project.root)]) == 1
    assert "is outside the project folder; nothing was written" in capsys.readouterr().err
    assert list(elsewhere.iterdir()) == []


def test_render_writes_through_no_link_in_a_folder_it_wrote_before(
    project, tmp_path_factory, capsys
):
    project("wards/example.yml", MINIMAL_WARD)
    project("docs/about.md", "# About\n")
    out = project.root / "build"
    assert main(["render", "--root", str(project.root), "--out", str(out)]) == 0
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "mkdocs.yml"
    elsewhere.write_text("mine\n", encoding="utf-8")
    (out / "mkdocs.yml").unlink()
    (out / "mkdocs.yml").symlink_to(elsewhere)
    assert main(["render", "--root", str(project.root), "--out", str(out)]) == 1
    assert "holds links" in capsys.readouterr().err
    assert elsewhere.read_text(encoding="utf-8") == "mine\n"


def test_schema_says_plainly_when_it_cannot_write(tmp_path, capsys):
    assert main(["schema", "--root", str(tmp_path / "missing")]) == 1
    assert "wards/ward.schema.json could not be written" in capsys.readouterr().err
