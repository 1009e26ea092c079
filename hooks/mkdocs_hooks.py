"""The only module that knows MkDocs: it hands the build to the `wardpanels` package.

on_config loads and checks every data file (a mistake stops the build, naming the file and
line) and starts rendering the site in the background while MkDocs gathers its own files;
on_files adds the generated pages as virtual files, so they get navigation, search and link
checks without ever being written into the docs folder, and announces the finished files
(calendars, data, feeds, posters); on_env, which MkDocs calls after converting every page
and before copying any file, fills those in and gives the theme templates the build date
for the footer.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from wardpanels.abbreviations import GlossaryAbbreviations, acronyms
from wardpanels.clock import ClockError, build_time
from wardpanels.errors import DataError
from wardpanels.memory import long_lived
from wardpanels.outputs import Rendering
from wardpanels.settings import Settings
from wardpanels.site import Site, Sources, load_site
from wardpanels.text import long_date

log = get_plugin_logger("wardpanels")

_site: Site | None = None
_settings: Settings | None = None
_rendering: Rendering | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _site, _settings, _rendering
    options = config.extra.get("wardpanels", {})
    _settings = Settings(
        site_name=config.site_name,
        borough=options.get("borough", config.site_name),
        site_url=config.site_url or "/",
        repository=options.get("repository") or None,
        branch=options.get("branch") or "main",
    )
    root = Path(config.config_file_path).parent
    sources = Sources(
        root=root,
        wards=root / options.get("wards", "wards"),
        glossary=root / options.get("glossary", "glossary"),
    )
    if _rendering is not None:
        _rendering.close()  # `mkdocs serve` rebuilt before the last build finished
    try:
        with long_lived():
            _site = load_site(sources, build_time())
            _rendering = Rendering(_site, _settings)
    except DataError as error:
        for problem in error.problems:
            log.error(problem.plain())
        count = len(error.problems)
        raise PluginError(
            f"{count} {'problem' if count == 1 else 'problems'} in the ward "
            "data, listed above. Nothing was built."
        ) from None
    except ClockError as error:
        raise PluginError(str(error)) from None
    for warning in _site.warnings:  # how panels measure up: news for editors, not faults
        log.info(warning.plain())
    config.markdown_extensions.append(GlossaryAbbreviations(acronyms(_site.glossary)))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    assert _rendering is not None, "on_config starts rendering the site"
    for path, content in _rendering.pages().items():
        is_ward_page = path.startswith("wards/") and path != "wards/index.md"
        inclusion = InclusionLevel.NOT_IN_NAV if is_ward_page else InclusionLevel.UNDEFINED
        files.append(_generated(files, config, path, content, inclusion))
    for path in _rendering.finished_paths:
        files.append(_generated(files, config, path, b"", InclusionLevel.UNDEFINED))
    return files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    assert _site is not None and _rendering is not None, "on_config starts rendering the site"
    for path, content in _rendering.finished().items():
        file = files.get_file_from_path(path)
        assert file is not None, "on_files announced every finished file"
        if isinstance(content, str):
            file.content_string = content
        else:
            file.content_bytes = content
    env.globals["wardpanels_built"] = long_date(_site.now.date())
    return env


def _generated(
    files: Files, config: MkDocsConfig, path: str, content: str | bytes, inclusion: InclusionLevel
) -> File:
    if files.get_file_from_path(path) is not None:
        raise PluginError(
            f"{config.docs_dir}/{path} is written by the build; remove the hand-written file"
        )
    return File.generated(config, path, content=content, inclusion=inclusion)
