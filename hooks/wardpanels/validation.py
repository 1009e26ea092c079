"""Check a parsed file against the model, and say what is wrong in plain words."""

from __future__ import annotations

import difflib
import re
import types
import typing
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, RootModel, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from .errors import Problem, Severity, field_path
from .loading import Document, Loc, load_document
from .model import PATTERN_HINTS, shortened

M = TypeVar("M", bound=BaseModel)


def validate_document(model: type[M], document: Document) -> tuple[M | None, list[Problem]]:
    """The typed object, or every problem pydantic found, each at its line in the file."""
    try:
        return model.model_validate(document.value), []
    except ValidationError as error:
        details = _without_misspelt_missing(model, error.errors())
        return None, [_problem(model, document, detail) for detail in details]


def load_valid(
    model: type[M], path: Path, display: str, problems: list[Problem]
) -> tuple[Document, M] | None:
    """A data file read through the gate and checked against its model, or None, with
    what was wrong added to `problems`."""
    document, found = load_document(path, display)
    problems.extend(found)
    if document is None:
        return None
    value, found = validate_document(model, document)
    problems.extend(found)
    return None if value is None else (document, value)


def _without_misspelt_missing(
    model: type[BaseModel], details: list[ErrorDetails]
) -> list[ErrorDetails]:
    """`adress:` makes `address` missing too; the misspelling alone says what to fix."""
    misspelt = set()
    for detail in details:
        loc = tuple(detail["loc"])
        if detail["type"] == "extra_forbidden" and (meant := _nearest_field(model, loc)):
            misspelt.add((*loc[:-1], meant))
    return [d for d in details if not (d["type"] == "missing" and tuple(d["loc"]) in misspelt)]


def problem_at(
    document: Document, loc: Loc, message: str, severity: Severity = Severity.ERROR
) -> Problem:
    """A problem at the value found at `loc` in the document."""
    mark = document.mark_of(loc)
    return Problem(document.path, mark.line, mark.column, field_path(loc), message, severity)


def _problem(model: type[BaseModel], document: Document, detail: ErrorDetails) -> Problem:
    loc: Loc = tuple(detail["loc"])
    context = detail.get("ctx") or {}
    if "field" in context:
        loc = (*loc, context["field"])
    message = _message(model, loc, detail)
    mark = document.mark_of(loc, key=detail["type"] == "extra_forbidden")
    return Problem(document.path, mark.line, mark.column, field_path(loc), message)


def _message(model: type[BaseModel], loc: Loc, detail: ErrorDetails) -> str:
    kind = detail["type"]
    given = detail.get("input")
    context = detail.get("ctx") or {}
    if kind == "wardpanels":
        return detail["msg"]
    if kind == "missing":
        field = _field_info(model, loc)
        help_text = f" {field.description}" if field and field.description else ""
        return f"this is required, but missing.{help_text}"
    if kind == "extra_forbidden":
        meant = _nearest_field(model, loc)
        fields = ", ".join(sorted(_fields_at(model, loc[:-1])))
        hint = f" Did you mean '{meant}'?" if meant else f" Fields here: {fields}."
        return f"'{loc[-1]}' is not a field here.{hint}"
    if kind in ("literal_error", "enum"):
        allowed = re.findall(r"'([^']*)'", str(context.get("expected", "")))
        close = difflib.get_close_matches(str(given), allowed, n=1, cutoff=0.6)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        return f"{_describe(given)} is not allowed here. Use one of: {', '.join(allowed)}.{hint}"
    if kind == "string_pattern_mismatch":
        hint = PATTERN_HINTS.get(str(context.get("pattern")), "this is not in the expected form")
        return f"{_describe(given)}: {hint}"
    if kind == "string_too_short":
        return "this is empty; write something, or remove the line"
    if kind == "string_too_long":
        return f"this is too long; keep it under {context.get('max_length')} characters"
    if kind == "string_type":
        quote = " Put it in quotes to keep it as text." if isinstance(given, int | float) else ""
        return f"expected text, but found {_describe(given)}.{quote}"
    if kind == "bool_type":
        return f"write true or false, not {_describe(given)}"
    if kind in ("int_type", "int_parsing"):
        return f"expected a whole number, but found {_describe(given)}"
    if kind == "greater_than_equal":
        return f"must be {context.get('ge')} or more"
    if kind == "less_than_equal":
        return f"must be {context.get('le')} or less; is {_describe(given)} a slip?"
    if kind == "list_type":
        return f"expected a list (lines starting with '- '), but found {_describe(given)}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"expected 'name: value' lines, but found {_describe(given)}"
    return str(detail["msg"])


def _describe(value: Any) -> str:
    """How a value looks to an editor."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of 'name: value' lines"
    return f"'{shortened(str(value))}'"


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model class that describes the object found at `loc`: a list's index and a
    mapping's key (a translation's priority id, say) lead to the model of their items."""
    current: type[BaseModel] | None = _unwrap_root(model)
    keyed = False  # the last field maps keys to items: the next part is a key
    for part in loc:
        if current is None:
            return None
        if isinstance(part, int) or keyed:
            keyed = False
            continue
        field = _field_named(current, str(part))
        keyed = field is not None and _is_mapping(field.annotation)
        current = _unwrap_root(_inner_model(field.annotation)) if field else None
    return current


def _field_named(model: type[BaseModel], name: str) -> FieldInfo | None:
    """A field by the name editors write: its alias (`from`) when it has one."""
    return next(
        (field for key, field in model.model_fields.items() if (field.alias or key) == name),
        None,
    )


def _is_mapping(annotation: Any) -> bool:
    """True for `dict[K, V]`, also inside `| None`."""
    if typing.get_origin(annotation) is dict:
        return True
    return isinstance(annotation, types.UnionType) and any(
        _is_mapping(argument) for argument in typing.get_args(annotation)
    )


def _unwrap_root(model: type[BaseModel] | None) -> type[BaseModel] | None:
    """A RootModel stands for the model it wraps (a glossary file is a list of terms)."""
    if model is not None and issubclass(model, RootModel):
        return _inner_model(model.model_fields["root"].annotation)
    return model


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    """The model inside `X`, `X | None`, `list[X]` or `Annotated[X, ...]`, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is not None:
        for argument in typing.get_args(annotation):
            found = _inner_model(argument)
            if found:
                return found
    return None


def _nearest_field(model: type[BaseModel], loc: Loc) -> str | None:
    """The field an unknown name at `loc` was most likely meant to be."""
    close = difflib.get_close_matches(str(loc[-1]), _fields_at(model, loc[:-1]), n=1, cutoff=0.6)
    return close[0] if close else None


def _fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """The fields an editor may write at `loc`, by the names they write."""
    found = _model_at(model, loc)
    return [field.alias or key for key, field in found.model_fields.items()] if found else []


def _field_info(model: type[BaseModel], loc: Loc) -> Any:
    parent = _model_at(model, loc[:-1])
    return _field_named(parent, str(loc[-1])) if parent and loc else None
