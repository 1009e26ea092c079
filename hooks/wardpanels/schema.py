"""The JSON Schemas published beside the data, generated from the model."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from .model import LINK_PATTERN, TIME_PATTERN, GlossaryFile, Ward
from .scrutiny import ActionPlan
from .translations import GlossaryTranslation, WardTranslation

SCHEMAS: dict[str, type[BaseModel]] = {
    "wards/ward.schema.json": Ward,
    "glossary/glossary.schema.json": GlossaryFile,
    "scrutiny/action-plan.schema.json": ActionPlan,
    "translations/ward.schema.json": WardTranslation,
    "translations/glossary.schema.json": GlossaryTranslation,
}


# Data a borough may not have: without its folder, its schema is not written.
OPTIONAL_SCHEMAS = frozenset({"scrutiny/action-plan.schema.json"})


def schema_file(model: type[BaseModel]) -> str:
    """Where `model`'s schema is committed, relative to the project folder."""
    return next(path for path, described in SCHEMAS.items() if described is model)


def render_schema(model: type[BaseModel]) -> str:
    """The schema as committed: stable key order, one trailing newline."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **model.model_json_schema(),
    }
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


@dataclass(frozen=True)
class FieldRow:
    name: str
    required: bool
    kind: str
    description: str
    example: str | None
    section: str | None  # the anchor of the group of fields it holds, if any


@dataclass(frozen=True)
class Section:
    title: str
    anchor: str
    description: str
    fields: list[FieldRow]


def field_reference(model: type[BaseModel]) -> list[Section]:
    """Every group of fields in `model`'s schema, outermost first, for the editors' guide."""
    schema = model.model_json_schema()
    definitions = schema.pop("$defs", {})
    order: list[str] = []
    sections, queue = [], [("", schema)]
    while queue:
        name, node = queue.pop(0)
        if name in order:
            continue
        order.append(name)
        if node.get("properties"):
            sections.append(_section(node, definitions))
        for ref in re.findall(r'"#/\$defs/(\w+)"', json.dumps(node)):
            queue.append((ref, definitions[ref]))
    return sections


def _section(node: dict[str, Any], definitions: dict[str, Any]) -> Section:
    required = set(node.get("required", []))
    rows = []
    for name, field in node.get("properties", {}).items():
        field = _inline_choices(field, definitions)
        refs = re.findall(r'"#/\$defs/(\w+)"', json.dumps(field))
        examples = field.get("examples")
        group = definitions[refs[0]] if refs else {}
        rows.append(
            FieldRow(
                name=name,
                required=name in required,
                kind=_kind(field, group.get("title", "")),
                description=field.get("description") or group.get("description", ""),
                example=_as_yaml(examples[0]) if examples else None,
                section=_anchor(group["title"]) if refs else None,
            )
        )
    return Section(
        node.get("title", ""), _anchor(node.get("title", "")), node.get("description", ""), rows
    )


def _inline_choices(field: Any, definitions: dict[str, Any]) -> Any:
    """A field whose values are a list of choices, with the choices written in place."""
    if isinstance(field, dict):
        ref = field.get("$ref", "")
        target = definitions.get(ref.rsplit("/", 1)[-1]) if ref else None
        if target is not None and "enum" in target:
            return {**{k: v for k, v in field.items() if k != "$ref"}, "enum": target["enum"]}
        return {key: _inline_choices(value, definitions) for key, value in field.items()}
    if isinstance(field, list):
        return [_inline_choices(item, definitions) for item in field]
    return field


def _anchor(title: str) -> str:
    return "fields-" + re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def _as_yaml(value: Any) -> str:
    """An example as an editor would write it in YAML."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_as_yaml(item) for item in value) + "]"
    return str(value)


def _kind(field: dict[str, Any], group: str = "") -> str:
    """What a field holds, in words."""
    options = [f for f in field.get("anyOf", [field]) if f.get("type") != "null"]
    field = options[0] if options else field
    if "$ref" in field:
        return f"{group} fields"
    if field.get("type") == "array":
        items = field.get("items", {})
        if "$ref" in items:
            return f"a list, each with {group} fields"
        return f"a list, each {_kind(items)}"
    if "enum" in field:
        return "one of: " + ", ".join(str(value) for value in field["enum"])
    if field.get("format") == "date":
        return "a date, YYYY-MM-DD"
    if field.get("pattern") == TIME_PATTERN:
        return "a time, HH:MM"
    if field.get("pattern") == LINK_PATTERN:
        return "a link"
    return {"boolean": "true or false", "integer": "a whole number"}.get(
        field.get("type", ""), "text"
    )
