"""The only module that knows MkDocs: it hands the site's manifest to MkDocs.

on_config reads the settings and the data (a mistake stops the build, naming the file and
line) and starts rendering every output once; on_files adds them as virtual files, so the
pages get navigation, search and link checks without ever being written into the docs
folder. on_post_build writes each other language's 404 page beside its pages.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation

from wardpanels.abbreviations import GlossaryAbbreviations
from wardpanels.build import BuildError, start_build
from wardpanels.outputs import Manifest
from wardpanels.render import Rendering
from wardpanels.theme import THEME_KEY

log = get_plugin_logger("wardpanels")
_rendering: Rendering | None = None
_navigation: Navigation | None = None
_theme: tuple[Environment, Files] | None = None
NOT_FOUND = "404.html"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _rendering
    root = Path(config.config_file_path).parent
    options = config.extra.get("wardpanels")
    try:
        _rendering, warnings = start_build(
            root, config.site_name, config.site_url, options, config.docs_dir
        )
    except BuildError as error:
        for line in error.lines:
            log.error(line)
        raise PluginError(error.summary) from None
    log.debug("rendering in %s", "two processes" if _rendering.in_parallel else "this process")
    for warning in warnings:  # how panels measure up: news for editors, not faults
        log.info(warning)
    config.extra[THEME_KEY] = _rendering.theme
    config.markdown_extensions.append(
        GlossaryAbbreviations(titles=_rendering.abbreviations, words=_rendering.words)
    )
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    assert _rendering is not None, "on_config starts the render"
    manifest: Manifest = _rendering.manifest()  # rendered while MkDocs gathered its files
    other_languages = manifest.language_folders  # each has its own menu, not MkDocs' nav
    for file in files:
        if file.src_uri.startswith(other_languages):
            file.inclusion = InclusionLevel.NOT_IN_NAV
    for item in manifest:
        if files.get_file_from_path(item.path) is not None:
            raise PluginError(
                f"{config.docs_dir}/{item.path} is written by the build; "
                "remove the hand-written file"
            )
        listed = item.in_nav and not item.path.startswith(other_languages)
        inclusion = (
            InclusionLevel.NOT_IN_NAV if item.is_page and not listed else InclusionLevel.UNDEFINED
        )
        files.append(File.generated(config, item.path, content=item.content, inclusion=inclusion))
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    global _navigation
    _navigation = nav
    return nav


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    global _theme
    _theme = (env, files)
    return env


def on_post_build(config: MkDocsConfig) -> None:
    """Each other language's 404 page (bn/404.html), for hosts that serve one per folder:
    the theme's own 404 page, rendered as MkDocs renders it, in that language."""
    assert _theme is not None and _navigation is not None, "MkDocs gave the theme and nav"
    env, files = _theme
    template = env.get_template(NOT_FOUND)
    # Addresses from the host's root, as on MkDocs' own 404 page: served at any depth.
    context = get_context(
        _navigation, files, config, base_url=urlsplit(config.site_url or "/").path
    )
    default = config.theme["language"]
    for code, values in config.extra[THEME_KEY].items():
        if values["default"]:
            continue
        config.theme["language"] = code
        try:
            page = template.render(context)
        finally:
            config.theme["language"] = default
        target = Path(config.site_dir) / values["prefix"] / NOT_FOUND
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")
