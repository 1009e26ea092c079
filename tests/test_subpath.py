"""A site published under a sub-path (a GitHub Pages project site, what publish.yml
targets): every link and source in every page, head included, reaches a file of the site,
and every language link reaches a page.

A browser clamps `../` at a host's root, so a link with one `../` too many still works on a
site at the root of its host; only a build under a sub-path shows it.
"""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from tests.conftest import PROJECT_SITE_URL as SITE_URL

pytestmark = pytest.mark.build  # every test here reads a whole built site

# Attributes that load or lead to an address (the finder's script fetches its data from
# data-finder, as the page's address resolves it). Open Graph's addresses are absolute.
ADDRESS_ATTRIBUTES = frozenset({"href", "src", "poster", "data", "action", "data-finder"})


class _Addresses(HTMLParser):
    """Every address in a page, with the tag that holds it; and its language links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.addresses: list[tuple[str, str]] = []
        self.language_links: list[str] = []
        self._in_languages = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        languages = "wp-languages" in values.get("class", "").split()
        if tag == "nav" and (languages or self._in_languages):
            self._in_languages += 1
        for name, value in values.items():
            if name in ADDRESS_ATTRIBUTES and value:
                self.addresses.append((f"<{tag} {name}>", value))
            elif name == "srcset":
                for candidate in value.split(","):
                    self.addresses.append((f"<{tag} srcset>", candidate.split()[0]))
        if tag == "meta" and values.get("property", "") in {"og:url", "og:image"}:
            self.addresses.append((f"<meta {values['property']}>", values.get("content", "")))
        if tag == "a" and self._in_languages and values.get("href"):
            self.language_links.append(values["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self._in_languages:
            self._in_languages -= 1


def _pages(site: Path) -> Iterator[tuple[str, _Addresses]]:
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        page_url = SITE_URL + relative.removesuffix("index.html")
        parser = _Addresses()
        parser.feed(path.read_text(encoding="utf-8"))
        yield page_url, parser


def _file_for(site: Path, address: str) -> Path | None:
    """The file a site address is served from, or None when it leaves the site."""
    path = unquote(urlsplit(address).path)
    root = urlsplit(SITE_URL).path
    if not path.startswith(root):
        return None
    target = site / path.removeprefix(root)
    return target / "index.html" if path.endswith("/") or target.is_dir() else target


def _is_local(address: str) -> bool:
    parts = urlsplit(address)
    return parts.scheme in {"http", "https"} and parts.netloc == urlsplit(SITE_URL).netloc


def test_every_local_link_and_source_reaches_a_file_of_the_site(project_site: Path):
    broken = []
    for page_url, page in _pages(project_site):
        for where, value in page.addresses:
            address = urljoin(page_url, value)
            if not _is_local(address):
                continue
            target = _file_for(project_site, address)
            if target is None or not target.is_file():
                broken.append(f"{page_url}: {where} {value}")
    assert not broken, "\n".join(broken[:30])


def test_every_language_link_leads_to_a_page(project_site: Path):
    checked, broken = 0, []
    for page_url, page in _pages(project_site):
        for value in page.language_links:
            target = _file_for(project_site, urljoin(page_url, value))
            checked += 1
            if target is None or not target.is_file():
                broken.append(f"{page_url}: {value}")
    assert checked, "no page offers another language"
    assert not broken, "\n".join(broken)


def test_a_page_in_one_language_only_names_no_version_in_another(project_site: Path):
    """The open data page is English only: no search engine is told of a Bengali copy."""
    page = (project_site / "data" / "index.html").read_text(encoding="utf-8")
    assert 'hreflang="bn"' not in page.split("</head>")[0]


def test_bengali_addresses_have_a_bengali_404_page_for_hosts_that_serve_one_per_folder(
    project_site: Path,
):
    page = (project_site / "bn" / "404.html").read_text(encoding="utf-8")
    assert '<html lang="bn"' in page
    assert "<h1>পাতাটি পাওয়া যায়নি</h1>" in page
    assert "location.replace" not in page
