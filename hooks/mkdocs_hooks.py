"""The only module that knows MkDocs: it hands the site's manifest to MkDocs.

on_config reads the settings and the data (a mistake stops the build, naming the file and
line), starts rendering every output once, and gives MkDocs the site's menu
(hooks/wardpanels/menu.py) and the theme's values (theme.py); on_files adds the outputs as
virtual files, so the pages get navigation, search and link checks without ever being
written into the docs folder; on_page_read_source waits, where it must, for a page still
being rendered. The data's warnings (news for editors, not faults) are logged
as information, so `--strict` never fails on them, grouped by file once the build is done:
at the end of `mkdocs build`, after each rebuild of `mkdocs serve`; `--verbose` lists every
one.
on_page_content lets go of each page's Markdown once converted and keeps its HTML in the
stage folder until on_page_context, just before the page is themed and indexed, and
on_post_page lets go of it once written, so memory does not grow with the site; on_env
adds the outputs no page links to (the form editor's), which go on rendering while the
pages convert.
on_post_build also writes each other language's 404 page beside its pages.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from importlib.metadata import version
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel, set_exclusions
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from wardpanels.abbreviations import GlossaryAbbreviations
from wardpanels.build import BuildError, start_build
from wardpanels.cms import MISSING_BUNDLE, script_files
from wardpanels.outputs import Manifest, Output
from wardpanels.render import Rendering
from wardpanels.report import Report
from wardpanels.theme import THEME_KEY, Frame

log = get_plugin_logger("wardpanels")
_rendering: Rendering | None = None
# Where the render writes finished files for MkDocs to copy; gone once the site is written.
_stage: Path | None = None
_report: Report | None = None  # told once the build is done, unless it failed
_serving = False
_navigation: Navigation | None = None
_theme: tuple[Environment, Files] | None = None
NOT_FOUND = "404.html"
MENU_DECLARED = "The site's menu is declared in hooks/wardpanels/menu.py, for every language"


def on_startup(*, command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _rendering, _report, _stage
    if config.nav is not None:
        raise PluginError(f"{MENU_DECLARED}: remove 'nav' from {config.config_file_path}")
    root = Path(config.config_file_path).parent
    options = config.extra.get("wardpanels")
    _report = None
    _clear_stage()
    _stage = Path(tempfile.mkdtemp(prefix="wardpanels-"))
    try:
        _rendering, _report = start_build(
            root, config.site_name, config.site_url, options, config.docs_dir, _stage
        )
    except BuildError as error:
        for line in error.lines:
            log.error(line)
        raise PluginError(error.summary) from None
    log.debug("rendering in %s", "another process" if _rendering.in_parallel else "this process")
    config.extra[THEME_KEY] = _rendering.theme.frames
    config.nav = _rendering.theme.nav
    # MkDocs types the list as extension names; Python-Markdown, which it is handed to,
    # takes extension objects as well.
    extensions: list[Any] = config.markdown_extensions
    extensions.append(
        GlossaryAbbreviations(titles=_rendering.abbreviations, words=_rendering.words)
    )
    return config


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    global _navigation
    _navigation = nav
    return nav


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """The installed Material's version, for the pages' generator tag (main.html); the
    theme kept for the other languages' 404 pages; and the outputs no page links to (the
    form editor's), added now that MkDocs has converted the pages."""
    global _theme
    env.globals["material_version"] = version("mkdocs-material")
    _theme = (env, files)
    _add_late_files(files, config)
    return env


def on_files(files: Files, config: MkDocsConfig) -> Files:
    assert _rendering is not None, "on_config starts the render"
    # Every path pages can link to, once each language's pages are listed: the pages and
    # finished files may still be rendering (on_page_read_source waits for a page, on_env
    # for the rest, before MkDocs copies them), and the files no page links to too.
    manifest: Manifest = _rendering.linked()
    other_languages = manifest.language_folders  # each has its own menu, not MkDocs' nav
    for file in files:
        if file.src_uri.startswith(other_languages):
            file.inclusion = InclusionLevel.NOT_IN_NAV
    for item in manifest:
        listed = manifest.in_site_menu(item)
        inclusion = (
            InclusionLevel.NOT_IN_NAV if item.is_page and not listed else InclusionLevel.UNDEFINED
        )
        files.append(_generated(item, files, config, inclusion))
    scripts = script_files(Path(config.config_file_path).parent)
    if not scripts:
        log.info(MISSING_BUNDLE)  # not a warning: the residents' site is whole without it
    for path, source in scripts:
        files.append(File.generated(config, path, abs_src_path=str(source)))
    return files


def _generated(item: Output, files: Files, config: MkDocsConfig, inclusion: InclusionLevel) -> File:
    """One output as MkDocs' file, by the file it was written to where it was staged."""
    if files.get_file_from_path(item.path) is not None:
        raise PluginError(
            f"{config.docs_dir}/{item.path} is written by the build; remove the hand-written file"
        )
    if item.file is not None:
        written = str(item.file)
        return _Staged.generated(config, item.path, abs_src_path=written, inclusion=inclusion)
    return File.generated(config, item.path, content=item.content, inclusion=inclusion)


class _Staged(File):
    """An output the render wrote to the stage folder. A finished file is moved into the
    site rather than copied: nothing reads it again, and the stage folder, deleted after
    the build, is then all but empty."""

    def copy_file(self, dirty: bool = False) -> None:
        if self.abs_src_path is not None and not dirty:
            os.makedirs(os.path.dirname(self.abs_dest_path), exist_ok=True)
            try:
                os.replace(self.abs_src_path, self.abs_dest_path)
                return
            except OSError:  # the site on another file system: copied as usual
                pass
        super().copy_file(dirty)


def _add_late_files(files: Files, config: MkDocsConfig) -> None:
    """The files no page links to, rendered while MkDocs converted the pages: added before
    MkDocs copies its files into the site. The site's data is then let go."""
    global _rendering
    assert _rendering is not None, "on_config starts the render"
    late = [_generated(item, files, config, InclusionLevel.UNDEFINED) for item in _rendering.late()]
    _rendering = None
    for file in late:
        files.append(file)
    set_exclusions(late, config)  # as MkDocs does for the files it is given in on_files


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    """MkDocs reads the page's Markdown once the render has written it: the first pages
    convert while the last are still rendering (render.Rendering)."""
    if _rendering is not None:
        _rendering.wait_for(page.file.src_uri)
    return None  # MkDocs reads the file as usual


# MkDocs converts every page before it themes any, and holds each page's Markdown and HTML
# until the build ends. Each is let go once MkDocs is done with it, after every plugin.
@event_priority(-100)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The Markdown is converted: not needed again (an empty text, not None, which MkDocs
    would take for a page never read, and give no title). MkDocs converts every page before
    it themes any: the HTML waits in the stage folder meanwhile, not in memory (200 MB at
    1000 wards), and comes back just before the page is themed and indexed."""
    page.markdown = ""
    if _stage is None:
        return html
    waiting = _waiting(page)
    waiting.parent.mkdir(parents=True, exist_ok=True)
    waiting.write_text(html, encoding="utf-8")
    return ""


@event_priority(100)
def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    """The page's HTML back, before the search plugin and the theme read it."""
    waiting = _waiting(page) if _stage is not None else None
    if waiting is not None and waiting.is_file():
        page.content = waiting.read_text(encoding="utf-8")
        waiting.unlink()
    return context


def _waiting(page: Page) -> Path:
    assert _stage is not None
    return _stage / ".converted" / f"{page.file.src_uri}.html"


@event_priority(-100)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """The page is themed and indexed for search: its HTML is not needed again (its title and
    anchors, which later pages and the link checks read, are kept apart from it)."""
    page.content = ""
    return output


def _clear_stage() -> None:
    global _stage
    if _stage is not None:
        shutil.rmtree(_stage, ignore_errors=True)
        _stage = None


def on_post_build(config: MkDocsConfig) -> None:
    _clear_stage()
    _write_other_languages_not_found(config)
    if _serving:
        _tell()


def _write_other_languages_not_found(config: MkDocsConfig) -> None:
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
    frames: dict[str, Frame] = config.extra[THEME_KEY]
    for code, frame in frames.items():
        if frame.default:
            continue
        config.theme["language"] = code
        try:
            page = template.render(context)
        finally:
            config.theme["language"] = default
        target = Path(config.site_dir) / frame.prefix / NOT_FOUND
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")


def on_build_error(error: Exception) -> None:
    global _report
    _report = None  # MkDocs says why it stopped; "none stops publishing" would mislead
    if _rendering is not None:
        _rendering.close()  # no stray traceback from the render's processes at exit
    _clear_stage()


def on_shutdown() -> None:
    _clear_stage()
    if not _serving:
        _tell()  # after MkDocs' own last line, so the summary ends the build's output


def _tell() -> None:
    """The data's warnings by file, and the summary, as one message."""
    if _report is not None:
        grouped = _report.grouped(verbose=log.isEnabledFor(logging.DEBUG))
        heading = ["Warnings in the data, by file:"] if grouped else []
        log.info("\n".join([*heading, *grouped, _report.summary()]))
