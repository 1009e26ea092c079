"""The JSON Schemas published beside the data, generated from the model."""

from __future__ import annotations

import json

from pydantic import BaseModel

from .model import GlossaryFile, Ward

SCHEMAS: dict[str, type[BaseModel]] = {
    "wards/ward.schema.json": Ward,
    "glossary/glossary.schema.json": GlossaryFile,
}


def render_schema(model: type[BaseModel]) -> str:
    """The schema as committed: stable key order, one trailing newline."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **model.model_json_schema(),
    }
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
