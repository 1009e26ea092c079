"""What a render produces: each output of the site as a path and its content."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .routes import Route

if TYPE_CHECKING:
    from .theme import Theme


@dataclass(frozen=True)
class Output:
    """One file of the published site."""

    path: str  # under the site root, as the generator's docs folder holds it
    content: str | bytes
    title: str | None = None
    in_nav: bool = False  # listed in the site's navigation (the rest are linked to)
    # A page or finished file already written out (`Rendering(stage=...)`): its content is
    # not held.
    file: Path | None = None

    @property
    def is_page(self) -> bool:
        """Markdown the generator themes; anything else is published as it is."""
        return Route(self.path).is_page


def output(
    route: Route, content: str | bytes, title: str | None = None, *, in_nav: bool = False
) -> Output:
    """The output at a route."""
    return Output(route.path, content, title, in_nav)


@dataclass(frozen=True)
class Planned:
    """A finished file whose path is known before it is made."""

    route: Route
    make: Callable[[], str | bytes]


def planned(route: Route, make: Callable[..., str | bytes], *args: Any) -> Planned:
    """The finished file at a route, made by `make(*args)` when it is rendered."""
    return Planned(route, partial(make, *args))


@dataclass(frozen=True)
class FilePlan:
    """Finished files (calendars, data, feeds, posters, cards): which there are is known at
    once, cheaply (`announced`), so a generator can list them while they are still being
    made; iterating makes them, in the same order."""

    planned: tuple[Planned, ...]

    @property
    def announced(self) -> list[Output]:
        """Each file's path, with no content yet."""
        return [output(item.route, "") for item in self.planned]

    def __iter__(self) -> Iterator[Output]:
        return (output(item.route, item.make()) for item in self.planned)


@dataclass(frozen=True)
class Manifest:
    """Everything a build publishes, and the values the theme's templates read."""

    outputs: tuple[Output, ...]
    theme: Theme
    # Each language's acronyms and what they stand for, and words explained in running
    # text with what they mean: for the abbreviations extension.
    abbreviations: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    words: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def __iter__(self) -> Iterator[Output]:
        return iter(self.outputs)

    def __getitem__(self, path: str) -> Output:
        for item in self.outputs:
            if item.path == path:
                return item
        raise KeyError(path)

    def pages(self) -> list[Output]:
        return [item for item in self.outputs if item.is_page]

    @property
    def language_folders(self) -> tuple[str, ...]:
        """The folders of languages other than the default: `("bn/",)`. Their pages are in
        each language's own menu, not in the site's."""
        return tuple(frame.prefix for frame in self.theme.frames.values() if frame.prefix)

    def in_site_menu(self, item: Output) -> bool:
        """Whether the site's menu lists the output: other languages' pages are only in
        their own language's menu."""
        return item.in_nav and not item.path.startswith(self.language_folders)
