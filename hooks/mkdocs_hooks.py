"""The only module that knows MkDocs: it hands the build to the `wardpanels` package.

on_config loads and checks every data file (a mistake stops the build, naming the file and
line); on_files adds the generated pages as virtual files, so they get navigation, search
and link checks without ever being written into the docs folder.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from wardpanels.clock import ClockError, build_time
from wardpanels.errors import DataError
from wardpanels.pages import Settings, render_pages
from wardpanels.site import Site, Sources, load_site

log = get_plugin_logger("wardpanels")

_site: Site | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _site
    options = config.extra.get("wardpanels", {})
    root = Path(config.config_file_path).parent
    sources = Sources(
        root=root,
        wards=root / options.get("wards", "wards"),
        glossary=root / options.get("glossary", "glossary"),
    )
    try:
        _site = load_site(sources, build_time())
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
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    assert _site is not None, "on_config loads the site first"
    settings = Settings(
        site_name=config.site_name,
        borough=config.extra.get("wardpanels", {}).get("borough", config.site_name),
    )
    for path, content in render_pages(_site, settings).items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(
                f"{config.docs_dir}/{path} is written by the build; remove the hand-written file"
            )
        in_nav = not (path.startswith("wards/") and path != "wards/index.md")
        inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, path, content=content, inclusion=inclusion))
    return files
