"""The form editor's configuration is generated from the model: every field gets a widget
with the model's label, help and required mark, so the form never drops data."""

from __future__ import annotations

import json
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from wardpanels import cms, routes
from wardpanels.form_fields import (
    NoWidgetError,
    form_fields,
    glossary_translation_fields,
    translation_fields,
)
from wardpanels.model import GlossaryTerm, Meeting, MeetingStatus, Venue, Ward
from wardpanels.schema import SCHEMAS
from wardpanels.scrutiny import ActionPlan
from wardpanels.settings import read_settings
from wardpanels.site import Site, load_site
from wardpanels.translations import fingerprint

from .conftest import GOLDEN_SETTINGS, NOW, ROOT, Borough


def _models(model: type[BaseModel]) -> set[type[BaseModel]]:
    """Every model a ward or a glossary term holds, however deep."""
    found = {model}
    for info in model.model_fields.values():
        for kind in _inner(info.annotation):
            if isinstance(kind, type) and issubclass(kind, BaseModel) and kind not in found:
                found |= _models(kind)
    return found


def _inner(annotation: Any) -> list[Any]:
    args = getattr(annotation, "__args__", ()) or ()
    return [annotation, *[inner for arg in args for inner in _inner(arg)]]


def _by_name(fields: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {field["name"]: field for field in fields}


MODELS = {
    model.__name__: model
    for model in [*_models(Ward), *_models(GlossaryTerm), *_models(ActionPlan)]
}


@pytest.mark.parametrize("model", [MODELS[name] for name in sorted(MODELS)])
def test_every_field_has_a_widget_with_the_models_words(model: type[BaseModel]) -> None:
    fields = form_fields(model)
    assert [field["name"] for field in fields] == list(model.model_fields)  # the model's order
    for field, info in zip(fields, model.model_fields.values(), strict=True):
        assert field["label"] == info.title
        assert field["hint"] == info.description
        assert field.get("required", True) == info.is_required() or model in OPTIONAL_GROUPS


# Decap checks the required fields of an optional object left out (an online meeting's
# venue): in these, the form requires nothing and `wardpanels validate` does the asking.
OPTIONAL_GROUPS = {Venue}


def test_nothing_is_required_inside_an_object_that_may_be_left_out() -> None:
    venue = _by_name(form_fields(Meeting))["venue"]
    assert venue["required"] is False
    assert [field["required"] for field in venue["fields"]] == [False] * 4


def test_a_field_without_a_widget_stops_the_generator() -> None:
    class Odd(BaseModel):
        shape: complex

    with pytest.raises(NoWidgetError, match=r"Odd\.shape"):
        form_fields(Odd)


def test_choices_are_selects_with_the_words_residents_read() -> None:
    status = _by_name(form_fields(Meeting))["status"]
    assert status["widget"] == "select"
    assert status["default"] == MeetingStatus.SCHEDULED.value
    assert {"label": "Cancelled", "value": "cancelled"} in status["options"]
    police = _by_name(_by_name(form_fields(Meeting))["attendance"]["fields"])["police"]
    assert police["multiple"] is True


def test_dates_and_times_are_pickers_writing_what_the_model_reads() -> None:
    meeting = _by_name(form_fields(Meeting))
    assert meeting["date"]["widget"] == "datetime"
    assert (meeting["date"]["format"], meeting["date"]["time_format"]) == ("YYYY-MM-DD", False)
    assert (meeting["start"]["format"], meeting["start"]["date_format"]) == ("HH:mm", False)
    # What the widgets write (dayjs' YYYY-MM-DD and HH:mm) is what the model reads.
    read = Meeting.model_validate(
        {
            "date": "2026-12-09",
            "start": "19:05",
            "end": "20:30",
            "format": "online",
            "online": "https://example.org/",
        }
    )
    assert (read.date, read.start) == (date(2026, 12, 9), time(19, 5))


def test_lists_of_objects_can_be_added_to_and_reordered() -> None:
    ward = _by_name(form_fields(Ward))
    assert ward["meetings"]["widget"] == "list"
    assert [field["name"] for field in ward["meetings"]["fields"]][:3] == ["date", "start", "end"]
    assert ward["areas"]["field"]["widget"] == "string"
    assert ward["panel"]["widget"] == "object"


def test_patterns_come_with_the_models_hint() -> None:
    priority_id = _by_name(_by_name(form_fields(Ward))["priorities"]["fields"])["id"]
    pattern, hint = priority_id["pattern"]
    assert "roman-road-drugs" in hint and pattern.startswith("^")


def test_the_configuration_saves_by_pull_request_to_the_settings_repository(
    golden_site: Site,
) -> None:
    config = yaml.safe_load(cms.config_yaml(cms.form_config(GOLDEN_SETTINGS, golden_site)))
    assert config["backend"] == {"name": "github", "branch": "main", "repo": "example/ward-panels"}
    assert config["publish_mode"] == "editorial_workflow"
    wards = config["collections"][0]
    assert (wards["folder"], wards["extension"], wards["slug"]) == ("wards", "yml", "{{name}}")


def test_admin_is_a_bare_page_out_of_search() -> None:
    html = cms._admin_page(GOLDEN_SETTINGS, routes.form_editor())
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert '<script src="decap-cms.js"></script>' in html
    assert 'href="config.yml"' in html


def test_a_translation_form_shows_the_english_and_keeps_its_fingerprint(
    golden_site: Site,
) -> None:
    ward = next(r.ward for r in golden_site.wards if r.ward.priorities)
    priority = ward.priorities[0]
    fields = _by_name(translation_fields(ward))
    group = _by_name(fields["priorities"]["fields"])[priority.id]
    assert group["label"] == priority.title
    text, source = _by_name(group["fields"])["title"]["fields"]
    assert text["hint"] == f"The English: {priority.title}"
    assert (source["name"], source["default"]) == ("from", fingerprint(priority.title))


def test_the_action_plan_has_a_form_where_the_borough_has_a_plan(
    borough: Borough, golden_site: Site
) -> None:
    settings = read_settings(ROOT / "mkdocs.yml")
    site = load_site(borough.sources(), settings, NOW, read_history=False)
    (plan,) = [c for c in cms.form_config(settings, site)["collections"] if c["name"] == "scrutiny"]
    (form,) = plan["files"]
    assert form["file"].endswith("scrutiny/action-plan.yml")
    assert [field["name"] for field in form["fields"]] == list(ActionPlan.model_fields)
    without = cms.form_config(GOLDEN_SETTINGS, golden_site)["collections"]
    assert "scrutiny" not in [collection["name"] for collection in without]


def test_editors_sign_in_where_the_settings_say(golden_site: Site) -> None:
    settings = GOLDEN_SETTINGS.model_copy(update={"sign_in_url": "https://auth.example.org/"})
    backend = cms.form_config(settings, golden_site)["backend"]
    assert backend["base_url"] == "https://auth.example.org"


def test_the_glossary_translation_form_has_a_group_for_each_term(golden_site: Site) -> None:
    fields = _by_name(glossary_translation_fields(golden_site.glossary))
    terms = _by_name(fields["terms"]["fields"])
    term = next(term for term in golden_site.glossary if term.stands_for)
    assert term.stands_for is not None
    stands_for, source = _by_name(terms[term.term]["fields"])["stands_for"]["fields"]
    assert stands_for["hint"] == f"The English: {term.stands_for}"
    assert source["default"] == fingerprint(term.stands_for)


def test_editors_tools_find_every_schema_without_a_modeline() -> None:
    """The form editor drops comments, the `$schema` modeline too: the repository's own
    settings map each data folder to its schema, which no save can lose."""
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapped = {schema.removeprefix("./") for schema in settings["yaml.schemas"]}
    assert mapped == set(SCHEMAS)
    for schema, patterns in settings["yaml.schemas"].items():
        folder = schema.removeprefix("./").split("/")[0]
        assert all(pattern.startswith(folder + "/") for pattern in patterns)


def test_without_the_installed_script_the_build_says_how_to_get_it(tmp_path: Path) -> None:
    assert cms.script_files(tmp_path) == []
    assert "make cms" in cms.MISSING_BUNDLE


def test_the_script_and_the_parts_it_loads_are_copied_beside_the_page(tmp_path: Path) -> None:
    dist = tmp_path / Path(cms.BUNDLE_SOURCE).parent
    dist.mkdir(parents=True)
    for name in ("decap-cms.js", "103.decap-cms.js", "103.decap-cms.js.map", "a1.wasm"):
        (dist / name).write_text("//")
    copied = [path for path, _ in cms.script_files(tmp_path)]
    assert copied == ["admin/decap-cms.js", "admin/103.decap-cms.js", "admin/a1.wasm"]


def test_the_configuration_written_a_form_at_a_time_reads_as_one_dump_of_the_whole() -> None:
    """config.yml is written form by form (1,000 wards' forms took 560 MB written whole):
    the text must be the same, long lines folded and line breaks kept as in one dump."""
    long = "A priority " + "with many words " * 12
    forms = [
        {
            "name": slug,
            "label": f"{slug}: {long}",
            "fields": [{"name": "summary", "hint": "First line\n\nsecond line, " + long}],
        }
        for slug in ("elm-east", "larkhall")
    ]
    config = {
        "backend": {"name": "git-gateway"},
        "collections": [
            {"name": "wards", "folder": "wards", "fields": [{"name": "name", "hint": long}]},
            {"name": "translations-bn", "label": "Translations", "files": forms},
        ],
        "slug": {"encoding": "ascii"},
    }
    whole = yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=cms.WIDTH)
    assert cms.config_yaml(config) == whole
