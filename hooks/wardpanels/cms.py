"""The form editor's configuration (Decap CMS at /admin/), generated from the one model.

Every field an editor fills in gets its form widget from the model: the label is the
field's title, the help its description, a required mark where the model requires it,
choices as selects with the words residents read, dates and times as pickers writing
what the model reads (YYYY-MM-DD, HH:MM), lists that editors add to and reorder. A field
the model gains without a widget here stops `form_config` (and its test), so the form
never silently drops data. Decap writes a file's keys in the order of these fields, which
is the model's order: the order ward files are written in.

Translations are keyed by the English file's own identities (a priority's id, a meeting's
id or date), which a form cannot offer as free keys: so each ward's translation gets a
form of its own, generated from that ward's English, one group per priority, meeting and
report, each showing the English it translates and carrying its fingerprint.
"""

from __future__ import annotations

import html
import json
import posixpath
import types
from collections.abc import Iterable, Iterator
from datetime import date, time
from enum import Enum
from pathlib import Path, PurePosixPath
from typing import Annotated, Any, Union, get_args, get_origin

import annotated_types
import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from . import routes
from .history import meeting_identity
from .i18n import ENGLISH_LANGUAGE
from .localise import feedback_identity
from .model import PATTERN_HINTS, Choice, GlossaryTerm, Ward
from .outputs import Output, output
from .scrutiny import PLAN_FILE, ActionPlan
from .settings import Settings
from .site import Site
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

# Decap CMS, self-hosted: the pinned npm package in cms/package.json, copied into the site.
BUNDLE_SOURCE = "cms/node_modules/decap-cms/dist/decap-cms.js"
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
    raise NoWidgetError(f"{where}: the form editor has no widget for {base!r}; add one in cms.py")


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


def _repo(settings: Settings) -> str | None:
    """`owner/name` from the repository's GitHub address."""
    if not settings.repository:
        return None
    return "/".join(settings.repository.rstrip("/").removesuffix(".git").split("/")[-2:])


def _in_repository(folder: str) -> str:
    """A data folder as the repository holds it: a folder given as a full path (the tests'
    and the benchmark's copies) is the folder of that name at the copy's root."""
    return PurePosixPath(folder).name if PurePosixPath(folder).is_absolute() else folder


def form_config(settings: Settings, site: Site) -> dict[str, Any]:
    """Decap CMS's whole configuration: the GitHub backend with a pull request per change."""
    backend: dict[str, Any] = {"name": "github", "branch": settings.branch}
    if repo := _repo(settings):
        backend["repo"] = repo
    if settings.sign_in_url:
        backend["base_url"] = settings.sign_in_url.rstrip("/")
    collections: list[dict[str, Any]] = [
        {
            "name": "wards",
            "label": "Wards",
            "label_singular": "Ward",
            "folder": _in_repository(settings.wards),
            "extension": "yml",
            "format": "yml",
            "create": True,
            "delete": False,
            "slug": "{{name}}",
            "identifier_field": "name",
            "summary": "{{name}}",
            "editor": {"preview": False},
            "fields": form_fields(Ward),
        }
    ]
    if site.plan is not None:  # a borough without an action plan gets no form for one
        collections.append(
            {
                "name": "scrutiny",
                "label": "Scrutiny action plan",
                "format": "yml",
                "editor": {"preview": False},
                "files": [
                    {
                        "name": "action-plan",
                        "label": "The action plan",
                        "file": f"{_in_repository(settings.scrutiny)}/{PLAN_FILE}",
                        "fields": form_fields(ActionPlan),
                    }
                ],
            }
        )
    for language in site.languages[1:]:
        collections.append(_translations(settings, site, language.code, language.name))
    return {
        "backend": backend,
        # Used only on this computer (localhost), with `npx decap-server`: see the guide.
        "local_backend": True,
        "publish_mode": "editorial_workflow",
        "media_folder": "site_src/assets/uploads",
        "site_url": settings.site_url,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": collections,
    }


def _translations(settings: Settings, site: Site, code: str, name: str) -> dict[str, Any]:
    language = f"{_in_repository(settings.translations)}/{code}"
    glossary = {
        "name": GLOSSARY_ENTRY,
        "label": "The glossary",
        "file": f"{language}/glossary.yml",
        "fields": glossary_translation_fields(site.glossary),
    }
    return {
        "name": f"translations-{code}",
        "label": f"Translations: {name}",
        "label_singular": f"Translation ({name})",
        "format": "yml",
        "editor": {"preview": False},
        "files": [
            {
                "name": record.slug,
                "label": record.ward.name,
                "file": f"{language}/wards/{record.slug}.yml",
                "fields": translation_fields(record.ward),
            }
            for record in site.wards
        ]
        + [glossary],
    }


# The glossary's entry among a language's translations: no ward can have this slug, as a
# slug has no capitals.
GLOSSARY_ENTRY = "Glossary"


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


def render_form_editor(site: Site, settings: Settings) -> Iterator[Output]:
    """/admin/: the editor's own bare page (not a themed page: out of the menu, search
    and the sitemap) and its configuration. The script is copied in by the build."""
    page = routes.form_editor()
    config = form_config(settings, site)
    yield output(page, _admin_page(settings, page))
    yield output(routes.form_editor_config(), config_yaml(config))
    yield output(routes.form_editor_addition(), _template("form-editor.js"))
    yield output(routes.form_editor_stylesheet(), _template("form-editor.css"))
    yield output(routes.form_editor_data(), forms_json(config))


def _template(name: str) -> str:
    """One of the editor's own files, kept with the package's templates."""
    return (Path(__file__).parent / "templates" / name).read_text(encoding="utf-8")


def forms_json(config: dict[str, Any]) -> str:
    """What form-editor.js needs of each form, by collection and file ("" for a folder's):
    the order of its keys, the model's, and where its translations' fingerprints go.
    `{"wards": {"": {"order": {"name": null, ...}, "fingerprints": []}}, ...}`."""
    found: dict[str, dict[str, Any]] = {}
    for collection in config["collections"]:
        forms = collection.get("files") or [{"name": "", "fields": collection["fields"]}]
        found[collection["name"]] = {
            form["name"]: {
                "order": _order(form["fields"]),
                "fingerprints": list(_fingerprints(form["fields"])),
            }
            for form in forms
        }
    return json.dumps(found, ensure_ascii=False, separators=(",", ":"))


def _order(fields: list[dict[str, Any]]) -> dict[str, Any]:
    """Each field's name, in order, with the order inside it if it holds fields."""
    return {
        field["name"]: _order(field["fields"]) if "fields" in field else None for field in fields
    }


def _fingerprints(
    fields: list[dict[str, Any]], path: tuple[str, ...] = ()
) -> Iterator[tuple[list[str], str]]:
    for field in fields:
        inner = field.get("fields", [])
        if [member["name"] for member in inner] == ["text", "from"]:
            yield [*path, field["name"]], inner[1]["default"]
        else:
            yield from _fingerprints(inner, (*path, field["name"]))


def config_yaml(config: dict[str, Any]) -> str:
    """The configuration as /admin/config.yml, in a stable order."""
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=100)


def script_files(root: Path) -> list[tuple[str, Path]]:
    """The editor's script and the parts it loads when needed, as the pinned package
    installed them (`make cms`), each with its path in the site; none without npm."""
    script = routes.form_editor_script()
    main = root / BUNDLE_SOURCE
    if not main.is_file():
        return []
    folder = posixpath.dirname(script.path)
    parts = sorted(main.parent.glob(f"*.{main.name}")) + sorted(main.parent.glob("*.wasm"))
    return [(script.path, main)] + [(f"{folder}/{part.name}", part) for part in parts]


MISSING_BUNDLE = (
    "The form editor at /admin/ has no script in this build: run `make cms` "
    "(it needs Node.js and npm) and build again. Every other page is built as usual."
)


def _admin_page(settings: Settings, page: routes.Route) -> str:
    config = routes.form_editor_config().href_from(page)
    script = routes.form_editor_script().href_from(page)
    addition = routes.form_editor_addition().href_from(page)
    forms = routes.form_editor_data().href_from(page)
    fonts = routes.font_stylesheet().href_from(page)
    stylesheet = routes.form_editor_stylesheet().href_from(page)
    title = html.escape(f"{settings.site_name}: form editor")
    description = "Where editors change the ward panels' pages, by pull request."
    image = html.escape(settings.page_url(routes.social_image().path))
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex, nofollow">\n'
        f"<title>{title}</title>\n"
        f'<meta property="og:title" content="{title}">\n'
        f'<meta property="og:description" content="{description}">\n'
        f'<meta property="og:image" content="{image}">\n'
        '<meta name="twitter:card" content="summary_large_image">\n'
        f'<link href="{config}" type="text/yaml" rel="cms-config-url">\n'
        f'<link href="{fonts}" rel="stylesheet">\n'
        f'<link href="{stylesheet}" rel="stylesheet">\n'
        "</head>\n<body>\n"
        f'<script src="{script}"></script>\n'
        f'<script src="{addition}" data-forms="{forms}"></script>\n'
        "</body>\n</html>\n"
    )
