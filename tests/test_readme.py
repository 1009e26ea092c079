"""The README's map of the code stays a map a newcomer can navigate."""

from __future__ import annotations

import re

from .conftest import ROOT

PACKAGE = ROOT / "hooks" / "wardpanels"


def how_it_is_built() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split("## How it is built", 1)[1].split("\n## ", 1)[0]


def test_how_it_is_built_names_every_module_once():
    section = how_it_is_built()
    named = {
        module.name: len(re.findall(rf"(?<![\w/]){re.escape(module.name)}\b", section))
        for module in PACKAGE.glob("*.py")
        if module.name != "__init__.py"
    }
    assert {name: count for name, count in named.items() if count != 1} == {}
