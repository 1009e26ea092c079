"""The only module that knows MkDocs: it hands the site's manifest to MkDocs.

on_config reads the settings and the data (a mistake stops the build, naming the file and
line) and starts rendering every output once; on_files adds them as virtual files, so the
pages get navigation, search and link checks without ever being written into the docs
folder.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from wardpanels.abbreviations import GlossaryAbbreviations
from wardpanels.build import BuildError, start_build
from wardpanels.outputs import Manifest, menu_without
from wardpanels.render import Rendering
from wardpanels.theme import THEME_KEY

log = get_plugin_logger("wardpanels")
_rendering: Rendering | None = None


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
    if config.nav is not None:
        config.nav = menu_without(config.nav, _rendering.absent)
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
