"""The site's settings, declared once: what differs from borough to borough.

They live in `mkdocs.yml`: `site_name`, `site_url` and the `extra.wardpanels` block. The
build and the `wardpanels` command read them through this one model, so a misspelt key
or a wrong type is reported the same way by both, naming the file and the key.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

import yaml
from babel import Locale, UnknownLocaleError
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    ValidationError,
    field_validator,
    model_validator,
)

from .errors import Problem, field_path
from .i18n import NUMBERING_SYSTEMS
from .loading import YamlError, describe, piled, read_text, unseen

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

    name: PlainText = "Tower Hamlets minimum standards"
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


MAX_URL = 200  # a poster's QR code holds a ward page's address with room to spare
_NOT_IN_URL = re.compile(r"[\s\"'`<>\\{}|^]|[^\x21-\x7e\u00a0-\U0010ffff]")


# A site's name as DNS writes it: calendar UIDs and Atom ids are made from it.
_HOST = re.compile(r"[a-z0-9-]+(\.[a-z0-9-]+)*")


def web_address_problem(value: str) -> str | None:
    """Why `value` is not an absolute http(s) address safe in every output (in HTML
    attributes, in calendar lines, in a QR code), if it is not."""
    shown = value if len(value) <= 60 else value[:57] + "..."
    if len(value) > MAX_URL:
        return f"the address is {len(value)} characters long; keep it to {MAX_URL}"
    if _NOT_IN_URL.search(value) or unseen(value):
        return (
            f"{shown!r} holds a space, a quote, a line break or another character an address "
            "cannot have"
        )
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - reading it checks it
    except ValueError:
        return f"{shown!r} is not a web address that can be read"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"{shown!r} must be a full address starting https://, like {_EXAMPLE}"
    if not _HOST.fullmatch(parts.hostname) or parts.port == 0:
        return (
            f"{shown!r}: write the site's name in letters a to z, digits, hyphens and dots "
            "(an international name in its xn-- form), with no port 0"
        )
    if parts.username is not None or parts.query or parts.fragment:
        return f"{shown!r} may hold only the site's name and a path, with no '@', '?' or '#'"
    return None


def _web_address(value: Any) -> Any:
    problem = web_address_problem(value) if isinstance(value, str) else None
    if problem:
        raise ValueError(problem)
    return value


def _host_name(value: str) -> str:
    """A host name, as calendar UIDs and Atom ids are made from: nothing else can get in."""
    if (value and not _HOST.fullmatch(value)) or len(value) > 100:
        raise ValueError("write a site's name in lower case, like wardpanels.example.org")
    return value


_EXAMPLE = "https://wardpanels.example.org/"
WebAddress = Annotated[str, AfterValidator(_web_address)]


def _plain_text(value: str) -> str:
    """Words every page shows (the borough, a language's name): held to the data files'
    rules, as mkdocs.yml is not read through their gate."""
    found = unseen(value)
    if found is not None:
        raise ValueError(f"this holds an invisible character ({describe(found.group())})")
    if piled(value) is not None:
        raise ValueError("this has accent marks stacked on one letter")
    if not value.strip():
        raise ValueError("this is empty; write the words")
    return " ".join(value.split())


PlainText = Annotated[str, AfterValidator(_plain_text)]


class LanguageSetting(_Settings):
    """A language residents can read the site in, besides English."""

    code: Annotated[str, Field(pattern=LANGUAGE_CODE)]
    name: PlainText  # in the language itself: "বাংলা"
    complete: StrictBool = False  # every interface string translated (a test holds it to that)
    digits: str | None = None  # a CLDR numbering system for dates and times, e.g. "latn"

    @field_validator("code")
    @classmethod
    def _known_language(cls, value: str) -> str:
        """A code the Unicode CLDR has dates, times and plural rules for."""
        try:
            Locale.parse(value.replace("-", "_"))
        except (ValueError, UnknownLocaleError):
            raise ValueError(
                f"'{value}' is not a language the site has dates and times for; write its "
                "code as the Unicode CLDR does, like bn or pt-br"
            ) from None
        return value

    @field_validator("digits")
    @classmethod
    def _known_digits(cls, value: str | None) -> str | None:
        if value is not None and value not in NUMBERING_SYSTEMS:
            raise ValueError(
                f"'{value}' is not a numbering system the site knows; write one of "
                f"{', '.join(NUMBERING_SYSTEMS)}"
            )
        return value


class Settings(_Settings):
    """Everything the outputs need to know about the site, besides its data."""

    site_name: PlainText
    site_url: WebAddress  # including any sub-path
    borough: PlainText
    # Calendar UIDs and Atom ids are made from this, never from a display name: changing
    # it would duplicate every event in every subscriber's calendar. Defaults to the host
    # of site_url.
    id_domain: Annotated[str, AfterValidator(_host_name)] = ""
    # https://github.com/owner/repo, for "Edit this page"; empty when it is not set
    repository: Annotated[WebAddress | None, BeforeValidator(lambda value: value or None)] = None
    branch: str = "main"
    # Where the form editor (/admin/) signs editors in with GitHub: the address of the
    # OAuth client an administrator set up (editors' guide, "The form editor"). Unset, it
    # is Netlify's, which works for a site Netlify publishes.
    sign_in_url: Annotated[WebAddress | None, BeforeValidator(lambda value: value or None)] = None
    wards: str = "wards"
    glossary: str = "glossary"
    postcodes: str = "postcodes"
    boundaries: str = "boundaries"
    translations: str = "translations"
    scrutiny: str = "scrutiny"  # the folder of the scrutiny action plan, if the borough has one
    languages: tuple[LanguageSetting, ...] = ()
    standards: Standards = Standards()

    @model_validator(mode="after")
    def _derived(self) -> Settings:
        if not self.id_domain:
            host = urlsplit(self.site_url).hostname or "wardpanels.invalid"
            object.__setattr__(self, "id_domain", host)
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
    if not site_url:
        raise _error(source, f"give the site's public address, like {_EXAMPLE}", "site_url")
    values = {"borough": site_name, **options, "site_name": site_name, "site_url": site_url}
    try:
        return Settings.model_validate(values)
    except ValidationError as error:
        raise SettingsError(_explain(error, source)) from None


# Pydantic's words for a value of the wrong kind, in an editor's.
_EXPECTED = {
    "tuple_type": "expected a list (lines starting with '- ')",
    "list_type": "expected a list (lines starting with '- ')",
    "model_type": "expected 'name: value' lines",
    "dict_type": "expected 'name: value' lines",
    "string_type": "expected text",
    "bool_type": "write true or false",
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
}


def _explain(error: ValidationError, source: str) -> list[Problem]:
    found = []
    for detail in error.errors():
        loc = tuple(detail["loc"])
        where = "extra.wardpanels." + field_path(loc) if loc[:1] not in {("site_name",), ()} else ""
        if loc[:1] in {("site_name",), ("site_url",)}:
            where = str(loc[0])
        if detail["type"] == "extra_forbidden":
            known = _known_at(loc[:-1])
            close = difflib.get_close_matches(str(loc[-1]), known, n=1)
            hint = (
                f" Did you mean '{close[0]}'?" if close else f" Settings here: {', '.join(known)}."
            )
            message = f"'{loc[-1]}' is not a setting.{hint}"
        elif detail["type"] == "string_pattern_mismatch" and loc[-1:] == ("code",):
            message = f"{detail['input']!r} is not a language code, like bn or pt-br"
        elif detail["type"] in _EXPECTED:
            message = _EXPECTED[detail["type"]]
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


def read_config(path: Path, inheriting: tuple[Path, ...] = ()) -> dict[str, Any]:
    """mkdocs.yml as a plain mapping (with any `INHERIT:` parent merged under it), read
    through the data files' gate: a plain file, bounded, UTF-8. `inheriting` are the files
    that inherit this one, so a file that inherits itself is named, not followed forever."""
    if path.resolve() in inheriting:
        raise _error(inheriting[-1].name, f"{path.name} inherits itself", "INHERIT")
    try:
        config = yaml.load(read_text(path), Loader=_ConfigLoader)
    except YamlError as error:
        raise _error(path.name, error.message) from None
    except yaml.YAMLError as error:
        reason = str(error).splitlines()[0]
        raise _error(path.name, f"this file cannot be read ({reason})") from None
    if not isinstance(config, dict):
        raise _error(path.name, "expected 'name: value' lines")
    parent = config.pop("INHERIT", None)
    if parent:
        config = _merged(
            read_config(path.parent / str(parent), (*inheriting, path.resolve())), config
        )
    return config


def _merged(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """The child's settings over the parent's, mappings merged key by key and anything
    else replaced, as MkDocs merges `INHERIT:` (mergedeep's default)."""
    merged = dict(parent)
    for key, value in child.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merged(merged[key], value)
        else:
            merged[key] = value
    return merged


def read_settings(path: Path) -> Settings:
    """The settings in a project's mkdocs.yml, as the build reads them."""
    config = read_config(path)
    extra = config.get("extra") or {}
    options = extra.get("wardpanels") if isinstance(extra, Mapping) else None
    return settings_from(config.get("site_name"), config.get("site_url"), options, path.name)
