"""The form editor's fields (Decap CMS at /admin/), generated from the one model.

Every field an editor fills in gets its form widget from the model: the label is the
field's title, the help its description, a required mark where the model requires it,
choices as selects with the words residents read, dates and times as pickers writing
what the model reads (YYYY-MM-DD, HH:MM), lists that editors add to and reorder. A field
the model gains without a widget here stops `form_fields` (and its test), so the form
never silently drops data. Decap writes a file's keys in the order of these fields, which
is the model's order: the order ward files are written in.

Translations are keyed by the English file's own identities (a priority's id, a meeting's
id or date), which a form cannot offer as free keys: so each ward's translation gets a
form of its own, generated from that ward's English, one group per priority, meeting and
report, each showing the English it translates and carrying its fingerprint.
"""

from __future__ import annotations

import types
from collections.abc import Iterable
from datetime import date, time
from enum import Enum
from typing import Annotated, Any, Union, get_args, get_origin

import annotated_types
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .history import meeting_identity
from .i18n import ENGLISH_LANGUAGE
from .localise import feedback_identity
from .model import PATTERN_HINTS, Choice, GlossaryTerm, Ward
from .translations import (
    FINGERPRINT,
    FeedbackTranslation,
    GlossaryTranslation,
    MeetingTranslation,
    PanelTranslation,
    Passage,
    PriorityTranslation,
    TermTranslation,
    WardTranslation,
    fingerprint,
)

DATE_FORMAT = "YYYY-MM-DD"  # what Decap's picker writes, in dayjs' tokens
TIME_FORMAT = "HH:mm"


class NoWidgetError(Exception):
    """A field of the model that the form editor has no widget for."""


def form_fields(model: type[BaseModel]) -> list[dict[str, Any]]:
    """The form fields of a model, in the model's order (the order Decap writes keys in)."""
    return [
        _field(name, info, f"{model.__name__}.{name}") for name, info in model.model_fields.items()
    ]


def _field(name: str, info: FieldInfo, where: str) -> dict[str, Any]:
    annotation, optional = _unwrap(info.annotation)
    widget = _widget(annotation, info.metadata, where)
    field: dict[str, Any] = {"name": info.alias or name, "label": info.title or name}
    if info.description:
        field["hint"] = info.description
    field |= widget
    if optional or not info.is_required():
        field["required"] = False
        if field["widget"] == "object":
            _nothing_required(field)
    default = info.get_default()
    if isinstance(default, (bool, Enum)) and not info.is_required():
        field["default"] = default.value if isinstance(default, Enum) else default
    return field


def _nothing_required(group: dict[str, Any]) -> None:
    """Decap checks the required fields of an optional object even when it is left out (a
    meeting online has no venue): inside one, the form requires nothing, and `wardpanels
    validate` in the pull request asks for what a filled-in object lacks."""
    for field in group["fields"]:
        field["required"] = False
        if field["widget"] == "object":
            _nothing_required(field)


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """The type inside `X | None`, and whether None was allowed."""
    if get_origin(annotation) in (Union, types.UnionType):
        args = [arg for arg in get_args(annotation) if arg is not type(None)]
        if len(args) == 1:
            return args[0], True
    return annotation, False


def _constraints(annotation: Any, metadata: list[Any]) -> tuple[Any, list[Any]]:
    """The base type under `Annotated[...]`, with every constraint found on the way."""
    found = list(metadata)
    while get_origin(annotation) is Annotated:
        annotation, *extra = get_args(annotation)
        found.extend(extra)
    return annotation, found


def _widget(annotation: Any, metadata: list[Any], where: str) -> dict[str, Any]:
    base, constraints = _constraints(annotation, metadata)
    if isinstance(base, type) and issubclass(base, Choice):
        return {"widget": "select", "options": _options(base)}
    if base is date:
        return {
            "widget": "datetime",
            "format": DATE_FORMAT,
            "date_format": DATE_FORMAT,
            "time_format": False,
            "picker_utc": True,
        }
    if base is time:
        return {
            "widget": "datetime",
            "format": TIME_FORMAT,
            "date_format": False,
            "time_format": TIME_FORMAT,
        }
    if base is bool:
        return {"widget": "boolean"}
    if base is int:
        return {"widget": "number", "value_type": "int", **_bounds(constraints)}
    if base is str:
        return _text(constraints)
    if isinstance(base, type) and issubclass(base, BaseModel):
        return {"widget": "object", "collapsed": False, "fields": form_fields(base)}
    if get_origin(base) is list:
        return _list(get_args(base)[0], where)
    raise NoWidgetError(
        f"{where}: the form editor has no widget for {base!r}; add one in form_fields.py"
    )


def _options(choice: type[Choice]) -> list[dict[str, str]]:
    return [
        {"label": ENGLISH_LANGUAGE.text(member.label), "value": member.value} for member in choice
    ]


def _bounds(constraints: list[Any]) -> dict[str, Any]:
    bounds: dict[str, Any] = {}
    for constraint in constraints:
        if isinstance(constraint, annotated_types.Ge):
            bounds["min"] = constraint.ge
        if isinstance(constraint, annotated_types.Le):
            bounds["max"] = constraint.le
    return bounds


def _text(constraints: list[Any]) -> dict[str, Any]:
    """A one-line text, or a box for Markdown (written as typed: Decap's Markdown widget
    would rewrite the editor's formatting on every save)."""
    longest = max((getattr(c, "max_length", None) or 0 for c in constraints), default=0)
    widget: dict[str, Any] = {"widget": "text" if longest > 500 else "string"}
    for constraint in constraints:
        pattern = getattr(constraint, "pattern", None)
        if pattern:
            widget["pattern"] = [pattern, PATTERN_HINTS.get(pattern, "this is not valid here")]
    return widget


def _list(item: Any, where: str) -> dict[str, Any]:
    """A list editors add to and reorder: of objects, of choices, or of one-line texts."""
    base, _ = _constraints(item, [])
    if isinstance(base, type) and issubclass(base, Choice):
        return {"widget": "select", "multiple": True, "options": _options(base)}
    if isinstance(base, type) and issubclass(base, BaseModel):
        return {"widget": "list", "collapsed": True, "fields": form_fields(base)}
    inner = _widget(item, [], where)
    return {"widget": "list", "field": {"name": "item", "label": "Item", **inner}}


# Translations.


def glossary_translation_fields(terms: Iterable[GlossaryTerm]) -> list[dict[str, Any]]:
    """A form for a language's glossary: a group for each term, by the term as written."""
    model = GlossaryTranslation.model_fields
    groups = [
        _group(term.term, FieldInfo(title=term.term), _texts(term, TermTranslation))
        for term in terms
    ]
    return [
        _field("draft", model["draft"], "GlossaryTranslation.draft"),
        _group("terms", model["terms"], [group for group in groups if group["fields"]]),
    ]


# A priority, meeting or report: its key in the translation, the label its group shows,
# where its English texts are, and the model of its translation.
_Translatable = tuple[str, str, Any, type[BaseModel]]


def translation_fields(ward: Ward) -> list[dict[str, Any]]:
    """A form for one ward's translation: a group for each text its English file has."""
    model = WardTranslation.model_fields
    fields = [_field("draft", model["draft"], "WardTranslation.draft")]
    if ward.summary:
        fields.append(_translated("summary", model["summary"], ward.summary, Passage))
    join = _translated("join", PanelTranslation.model_fields["join"], ward.panel.join, Passage)
    fields.append(_group("panel", model["panel"], [join]))
    groups: dict[str, list[_Translatable]] = {
        "priorities": [(p.id, p.title, p, PriorityTranslation) for p in ward.priorities],
        "meetings": [
            (meeting_identity(m), m.date.isoformat(), _meeting_texts(m), MeetingTranslation)
            for m in ward.meetings
        ],
        "feedback": [
            (feedback_identity(f), feedback_identity(f), f, FeedbackTranslation)
            for f in ward.feedback
        ],
    }
    for name, entries in groups.items():
        members = [
            _group(key, FieldInfo(title=label), _texts(source, model_of))
            for key, label, source, model_of in entries
        ]
        members = [member for member in members if member["fields"]]
        if members:
            fields.append(_group(name, model[name], members))
    return fields


def _meeting_texts(meeting: Any) -> dict[str, str | None]:
    return {
        "note": meeting.note,
        "access": meeting.venue.access if meeting.venue else None,
        "agenda": "; ".join(meeting.agenda) or None,
    }


def _texts(source: Any, model: type[BaseModel]) -> list[dict[str, Any]]:
    """The translatable texts of one priority, meeting or report that its English has."""
    fields = []
    for name, info in model.model_fields.items():
        english = source.get(name) if isinstance(source, dict) else getattr(source, name)
        if english:
            kind, _ = _unwrap(info.annotation)
            fields.append(_translated(name, info, english, kind))
    return fields


def _group(name: str, info: FieldInfo, fields: list[dict[str, Any]]) -> dict[str, Any]:
    group: dict[str, Any] = {
        "name": name,
        "label": info.title or name,
        "widget": "object",
        "collapsed": True,
        "required": False,
        "fields": fields,
    }
    if info.description:
        group["hint"] = info.description
    return group


def _translated(name: str, info: FieldInfo, english: str, kind: Any) -> dict[str, Any]:
    """One text to translate: the English shown as help, and its fingerprint kept beside
    the translation so the site knows when the English changes."""
    text = kind.model_fields["text"]
    source = kind.model_fields["source"]
    widget = _text(_constraints(text.annotation, text.metadata)[1])
    return _group(
        name,
        info,
        [
            {
                "name": "text",
                "label": text.title,
                "hint": f"The English: {english}",
                "required": False,
                **widget,
            },
            {
                "name": source.alias,
                "label": source.title,
                "hint": (
                    f"Filled in for a new translation. When you bring an old translation up "
                    f"to date with the English, write {fingerprint(english)} here."
                ),
                "required": False,
                "widget": "string",
                "pattern": [FINGERPRINT, "eight lower-case letters, like qhmtwbcz"],
                "default": fingerprint(english),
            },
        ],
    )
