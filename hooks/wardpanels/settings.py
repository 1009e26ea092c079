"""The site's settings, declared once: what differs from borough to borough.

They live in `mkdocs.yml`: `site_name`, `site_url` and the `extra.wardpanels` block. The
build and the `wardpanels` command read them through this one model, so a misspelt key
or a wrong type is reported the same way by both, naming the file and the key.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from .errors import Problem, field_path

CONFIG_FILE = "mkdocs.yml"
LANGUAGE_CODE = r"^[a-z]{2,3}(-[a-z0-9]{2,8})*$"


class SettingsError(Exception):
    """The settings cannot be used; each problem names the file and the key."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(problem.plain() for problem in problems))
        self.problems = problems


def _error(source: str, message: str, key: str = "") -> SettingsError:
    return SettingsError([Problem(source, 1, 1, key, message)])


class _Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Standards(_Settings):
    """The borough's minimum standards for ward panels, as numbers every sentence uses."""

    name: str = "Tower Hamlets minimum standards"
    min_meetings_a_year: Annotated[int, Field(ge=1, le=12)] = 4
    max_meetings_a_year: Annotated[int, Field(ge=1, le=12)] = 6
    months_ahead: Annotated[int, Field(ge=1, le=24)] = 6
    sergeant_meetings_a_year: Annotated[int, Field(ge=0, le=12)] = 2
    inspector_meetings_a_year: Annotated[int, Field(ge=0, le=12)] = 1
    priorities: Annotated[int, Field(ge=1, le=10)] = 3
    feedback_months: Annotated[int, Field(ge=1, le=24)] = 3
    daytime_before_hour: Annotated[int, Field(ge=1, le=23)] = 17

    @property
    def months_between_meetings(self) -> int:
        """How long priorities can go unreviewed: panels review them at every meeting."""
        return 12 // self.min_meetings_a_year

    @model_validator(mode="after")
    def _range(self) -> Standards:
        if self.max_meetings_a_year < self.min_meetings_a_year:
            raise ValueError("max_meetings_a_year is less than min_meetings_a_year")
        return self


class LanguageSetting(_Settings):
    """A language residents can read the site in, besides English."""

    code: Annotated[str, Field(pattern=LANGUAGE_CODE)]
    name: Annotated[str, Field(min_length=1)]  # in the language itself: "বাংলা"
    complete: bool = False  # every interface string translated (a test holds it to that)
    digits: str | None = None  # a CLDR numbering system for dates and times, e.g. "latn"


class Settings(_Settings):
    """Everything the outputs need to know about the site, besides its data."""

    site_name: str
    site_url: str = "/"
    borough: str
    # Calendar UIDs and Atom ids are made from this, never from a display name: changing
    # it would duplicate every event in every subscriber's calendar. Defaults to the host
    # of site_url.
    id_domain: str = ""
    repository: str | None = None  # e.g. https://github.com/owner/repo, for "Edit this page"
    branch: str = "main"
    wards: str = "wards"
    glossary: str = "glossary"
    postcodes: str = "postcodes"
    translations: str = "translations"
    scrutiny: str = "scrutiny"  # the folder of the scrutiny action plan, if the borough has one
    languages: tuple[LanguageSetting, ...] = ()
    standards: Standards = Standards()

    @model_validator(mode="after")
    def _derived(self) -> Settings:
        if not self.id_domain:
            host = urlsplit(self.site_url).hostname or "wardpanels.invalid"
            object.__setattr__(self, "id_domain", host)
        if not self.repository:
            object.__setattr__(self, "repository", None)
        codes = [language.code for language in self.languages]
        if "en" in codes or len(set(codes)) != len(codes):
            raise ValueError("each language is listed once, and English is not listed")
        return self

    def page_url(self, path: str) -> str:
        """An absolute address for a path under the site root, keeping any sub-path."""
        return self.site_url.rstrip("/") + "/" + path.lstrip("/")

    def root_path(self, path: str) -> str:
        """The address of a path from the host's root, keeping any sub-path: for pages
        served at any address (the 404 page), on any host (a preview, a mirror)."""
        return urlsplit(self.page_url(path)).path

    def edit_url(self, path: str) -> str | None:
        """Where an editor changes the file at `path` in the repository, if one is set."""
        if not self.repository:
            return None
        return f"{self.repository.rstrip('/')}/edit/{self.branch}/{path}"


def settings_from(
    site_name: str | None, site_url: str | None, options: Any, source: str = CONFIG_FILE
) -> Settings:
    """Settings from mkdocs.yml's values; a SettingsError names the file and the key."""
    if options is None:
        options = {}
    if not isinstance(options, Mapping):
        raise _error(source, "expected 'name: value' lines", "extra.wardpanels")
    values = {"borough": site_name, **options, "site_name": site_name, "site_url": site_url or "/"}
    try:
        return Settings.model_validate(values)
    except ValidationError as error:
        raise SettingsError(_explain(error, source)) from None


def _explain(error: ValidationError, source: str) -> list[Problem]:
    found = []
    for detail in error.errors():
        loc = tuple(detail["loc"])
        where = "extra.wardpanels." + field_path(loc) if loc[:1] not in {("site_name",), ()} else ""
        if loc == ("site_name",):
            where = "site_name"
        if detail["type"] == "extra_forbidden":
            known = _known_at(loc[:-1])
            close = difflib.get_close_matches(str(loc[-1]), known, n=1)
            hint = (
                f" Did you mean '{close[0]}'?" if close else f" Settings here: {', '.join(known)}."
            )
            message = f"'{loc[-1]}' is not a setting.{hint}"
        else:
            message = detail["msg"].removeprefix("Value error, ")
        found.append(Problem(source, 1, 1, where, message))
    return found


def _known_at(loc: tuple[Any, ...]) -> list[str]:
    model: type[BaseModel] = Settings
    for part in loc:
        if isinstance(part, int):
            continue
        annotation = model.model_fields[str(part)].annotation
        inner = getattr(annotation, "__args__", (annotation,))[0]
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            model = inner
    return sorted(name for name in model.model_fields if name not in {"site_name", "site_url"})


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as MkDocs does for the keys we need: `!ENV` resolved, other tags
    (plugins' Python names, `!relative`) read as plain values and left alone."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        *names, default = loader.construct_sequence(node)  # type: ignore[arg-type]
    for name in names:
        if str(name) in os.environ:
            return os.environ[str(name)]
    return default


def _other_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("!", _other_tag)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _other_tag)


def read_config(path: Path) -> dict[str, Any]:
    """mkdocs.yml as a plain mapping (with any `INHERIT:` parent merged under it)."""
    try:
        with path.open(encoding="utf-8") as handle:
            config = yaml.load(handle, Loader=_ConfigLoader)
    except (OSError, yaml.YAMLError) as error:
        reason = getattr(error, "strerror", None) or str(error).splitlines()[0]
        raise _error(path.name, f"this file cannot be read ({reason})") from None
    if not isinstance(config, dict):
        raise _error(path.name, "expected 'name: value' lines")
    parent = config.pop("INHERIT", None)
    if parent:
        config = {**read_config(path.parent / str(parent)), **config}
    return config


def read_settings(path: Path) -> Settings:
    """The settings in a project's mkdocs.yml, as the build reads them."""
    config = read_config(path)
    extra = config.get("extra") or {}
    options = extra.get("wardpanels") if isinstance(extra, Mapping) else None
    return settings_from(config.get("site_name"), config.get("site_url"), options, path.name)
