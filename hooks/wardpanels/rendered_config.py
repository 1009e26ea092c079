"""The configuration `wardpanels render` writes beside the rendered files.

It is the project's mkdocs.yml written out whole, with no `INHERIT:` (which not every
generator reads) and no hooks: `!ENV` values as they were when rendering, the docs folder
the rendered one, and what the hooks would have added written in: the menu, the theme's
values and the abbreviations. Each part says where it comes from, so a reader of the
file, or another generator, needs nothing else.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from .outputs import Manifest
from .theme import THEME_KEY

HEADER = "# Written by `wardpanels render`: the rendered site, built with no hooks.\n"
DOCS = "docs"
# Left out: the hooks, what `mkdocs serve` watches for them, and any menu (written in from
# the package's declaration instead).
HOOKS_ONLY = ("hooks", "watch", "nav")
# extra.wardpanels, the settings only the hooks read (the data folders, the languages):
# everything they decide is in the rendered files now.
HOOK_SETTINGS = "wardpanels"


def rendered_config(root: Path, out: Path, config: Mapping[str, Any], manifest: Manifest) -> str:
    """The configuration that builds `out/docs` as the project's build would."""
    relative = os.path.relpath(root.resolve(), out.resolve())
    settings = {key: value for key, value in config.items() if key not in HOOKS_ONLY}
    settings["docs_dir"] = DOCS
    theme = dict(settings.get("theme") or {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = os.path.join(relative, str(theme["custom_dir"]))
        settings["theme"] = theme
    extensions = [
        *(settings.pop("markdown_extensions", None) or []),
        {
            "wardpanels.abbreviations": {
                "titles": _plain(manifest.abbreviations),
                "words": _plain(manifest.words),
            }
        },
    ]
    extra = dict(settings.pop("extra", None) or {})
    extra.pop(HOOK_SETTINGS, None)
    extra[THEME_KEY] = manifest.theme.extra()
    hidden = [f"/{folder}" for folder in manifest.language_folders] + sorted(
        f"/{item.path}"
        for item in manifest.pages()
        if not manifest.in_site_menu(item) and not item.path.startswith(manifest.language_folders)
    )
    return HEADER + "\n".join(
        [
            "# The project's settings, from its mkdocs.yml.",
            _dump(settings),
            "# The menu, declared in the package's menu.py, for the default language; the",
            f"# theme draws the other languages' from extra.{THEME_KEY}.",
            _dump({"nav": manifest.theme.nav}),
            "# Pages that are linked to but not in the menu (one .gitignore pattern a line).",
            _dump({"not_in_nav": "\n".join(hidden) + "\n"}),
            "# The project's Markdown extensions, and the acronyms and hard words every page",
            "# explains (`titles` and `words`, by language).",
            _dump({"markdown_extensions": extensions}),
            "# What the theme shows around every page, by language (the package's theme.py).",
            _dump({"extra": extra}),
        ]
    )


def _plain(value: Any) -> Any:
    """Mappings of text, as plain mappings YAML can write."""
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    return str(value)


class _Dumper(yaml.SafeDumper):
    """Block style, and text of several lines as it reads (`|`) where YAML allows it."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def _dump(value: Mapping[str, Any]) -> str:
    return yaml.dump(dict(value), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)
