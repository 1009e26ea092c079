"""The form editor at /admin/ (Decap CMS): its configuration, and the files of its own.

`form_config` gives Decap its whole configuration: the GitHub backend with a pull request
per change, a collection of ward files, the action plan's file, and each language's
translations, each with the fields form_fields.py generates from the model. The build
publishes it as /admin/config.yml, beside the editor's bare page, the additions the form
needs, and the editor's script, copied from the pinned npm package.
"""

from __future__ import annotations

import html
import json
import posixpath
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from . import routes
from .form_fields import form_fields, glossary_translation_fields, translation_fields
from .model import Ward
from .outputs import Output, output
from .scrutiny import PLAN_FILE, ActionPlan
from .settings import Settings
from .site import Site

# Decap CMS, self-hosted: the pinned npm package in cms/package.json, copied into the site.
BUNDLE_SOURCE = "cms/node_modules/decap-cms/dist/decap-cms.js"

# The glossary's entry among a language's translations: no ward can have this slug, as a
# slug has no capitals.
GLOSSARY_ENTRY = "Glossary"


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


# libyaml writes the same text as PyYAML's own emitter, in half the time.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
WIDTH = 100


def _yaml(data: Any, indent: int = 0) -> str:
    """`data` as YAML, written as it reads `indent` columns in: PyYAML holds a node for
    every value while it writes, so a 30 MB configuration (a translation form for each of
    1,000 wards) took 560 MB written whole, and a form at a time takes a few."""
    text = yaml.dump(
        data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=WIDTH - indent
    )
    if not indent:
        return text
    return "".join(
        " " * indent + line if line.strip("\n") else line for line in text.splitlines(True)
    )


def config_yaml(config: dict[str, Any]) -> str:
    """The configuration as /admin/config.yml, in a stable order: the same text as one
    dump of the whole, written a collection, and a translation form, at a time."""
    parts = []
    for key, value in config.items():
        if key != "collections":
            parts.append(_yaml({key: value}))
            continue
        parts.append("collections:\n")
        for collection in value:
            *head, last = collection
            if last != "files":
                parts.append(_yaml([collection]))
                continue
            parts.append(_yaml([{name: collection[name] for name in head}]))
            parts.append("  files:\n")
            parts.extend(_yaml([form], indent=2) for form in collection["files"])
    return "".join(parts)


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
