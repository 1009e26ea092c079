"""A poster's QR codes, as Chromium draws them for print, scan to the right addresses."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import zxingcpp

from ..conftest import mkdocs_build
from .conftest import served

SITE_URL = "https://wardpanels.example.org/"

# Draw each QR code on the poster the size it prints, and hand back its grey levels.
DRAW_QR_CODES = """async () => {
  const drawn = [];
  for (const svg of document.querySelectorAll("figure svg")) {
    const box = svg.getBoundingClientRect();
    const image = new Image();
    image.src = "data:image/svg+xml," + encodeURIComponent(svg.outerHTML);
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(box.width);
    canvas.height = Math.round(box.height);
    const context = canvas.getContext("2d");
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const rgba = context.getImageData(0, 0, canvas.width, canvas.height).data;
    drawn.push({label: svg.getAttribute("aria-label"), width: canvas.width,
                grey: Array.from({length: rgba.length / 4}, (_, i) => rgba[4 * i])});
  }
  return drawn;
}"""


@pytest.mark.parametrize("slug", ["elm-east", "ropewalk"])
def test_the_poster_qr_codes_scan_to_the_ward_page_and_its_calendar(page, site_url, slug):
    page.emulate_media(media="print")
    page.goto(f"{site_url}wards/{slug}/poster/")
    scanned = {}
    for code in page.evaluate(DRAW_QR_CODES):
        pixels = memoryview(bytes(code["grey"])).cast(
            "B", (len(code["grey"]) // code["width"], code["width"])
        )
        found = zxingcpp.read_barcode(
            pixels, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
        )
        assert found is not None, f"the {code['label']} does not scan"
        scanned[code["label"]] = found.text
    assert scanned == {
        "QR code for the ward's page": f"{SITE_URL}wards/{slug}/",
        # A phone that scans it lands where it can subscribe, not on a raw calendar file.
        "QR code to put the meetings in your phone's calendar": (
            f"{SITE_URL}wards/{slug}/#subscribe"
        ),
    }


POSTER_FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "poster" / "wards"


@pytest.fixture(scope="module")
def long_poster_url(tmp_path_factory) -> Iterator[str]:
    """A site of one ward with eight current priorities and every text long, served."""
    site = tmp_path_factory.mktemp("poster") / "site"
    build = mkdocs_build(site, WARDPANELS_WARDS=str(POSTER_FIXTURE))
    assert build.returncode == 0, build.stderr
    with served(site) as url:
        yield url + "wards/example-heath/poster/"


def test_a_poster_stays_on_one_a4_page_whatever_the_ward_holds(page, long_poster_url):
    """Eight priorities, long titles, a long venue and a long way to join: the first few
    priorities show with how many more there are, and long texts are cut short in print."""
    page.goto(long_poster_url)
    assert page.get_by_text("And 4 more priorities: scan for the ward's page.").is_visible()
    pdf = page.pdf(format="A4", print_background=True)
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1
