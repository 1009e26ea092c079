"""The templates' one environment: how they are written, for rendering them and for
finding the strings to translate in them."""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

# `{#id}` gives a Markdown heading its anchor, so Jinja comments are `{## ##}`; a block
# tag takes its line's indent and its newline with it.
COMMENT_START, COMMENT_END = "{##", "##}"
TRIM_BLOCKS = LSTRIP_BLOCKS = True

# The same syntax, as Babel's Jinja extractor is told it.
EXTRACTION_OPTIONS = {
    "comment_start_string": COMMENT_START,
    "comment_end_string": COMMENT_END,
    "trim_blocks": str(TRIM_BLOCKS).lower(),
    "lstrip_blocks": str(LSTRIP_BLOCKS).lower(),
}


def environment(**options: Any) -> Environment:
    """An environment for the package's templates: values are escaped, and a name a
    template uses but is not given stops the render rather than printing nothing."""
    return Environment(
        loader=PackageLoader("wardpanels", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        comment_start_string=COMMENT_START,
        comment_end_string=COMMENT_END,
        trim_blocks=TRIM_BLOCKS,
        lstrip_blocks=LSTRIP_BLOCKS,
        **options,
    )


@cache
def html_environment() -> Environment:
    """The HTML templates' environment (the finder, the map, posters, the embedded card),
    compiled once: their values are escaped for HTML, as they are."""
    return environment()
