"""One build, whatever runs it: settings and data in, the site's manifest out.

The MkDocs hook (through `start_build`) and the `wardpanels` command both call `load`,
then render with `render.Rendering`, so they can never disagree about what a site holds,
or about what a mistake in the data says.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .clock import ClockError, build_time
from .errors import DataError, Problem
from .render import Rendering
from .report import Report, errors_summary
from .settings import Settings, SettingsError, settings_from
from .site import Site, Sources, load_site


class BuildError(Exception):
    """Nothing can be built: `problems` say why, and `summary` sums up."""

    def __init__(self, problems: list[Problem], summary: str) -> None:
        super().__init__(summary)
        self.problems = problems
        self.summary = summary

    @property
    def lines(self) -> list[str]:
        return [problem.plain() for problem in self.problems]


@dataclass(frozen=True)
class Loaded:
    settings: Settings
    site: Site


def load(
    root: Path,
    site_name: Any,
    site_url: Any,
    options: Any,
    *,
    pages: str | None = None,
    history: bool = True,
) -> Loaded:
    """The settings and the checked data, or a BuildError that says what is wrong.
    `pages` is the folder of hand-written pages, relative to `root`."""
    try:
        settings = settings_from(site_name, site_url, options)
        sources = Sources.of(root, settings, pages)
        site = load_site(sources, settings, build_time(), read_history=history)
    except SettingsError as error:
        raise BuildError(error.problems, "The settings need fixing first.") from None
    except DataError as error:
        raise BuildError(error.problems, errors_summary(error.problems)) from None
    except ClockError as error:
        raise BuildError([], str(error)) from None
    return Loaded(settings, site)


def start_build(
    root: Path,
    site_name: Any,
    site_url: Any,
    options: Any,
    pages: str | None = None,
    stage: Path | None = None,
) -> tuple[Rendering, Report]:
    """The site's render, under way in other processes where the system allows, and the
    report editors should see. A mistake in the settings or the data is a BuildError.
    Every output, pages and finished files, is written into `stage` as it is rendered, and
    handed on by path (see render._staged)."""
    loaded = load(root, site_name, site_url, options, pages=pages)
    rendering = Rendering(loaded.site, loaded.settings, parallel=True, stage=stage)
    return rendering, Report.of(loaded.site)
