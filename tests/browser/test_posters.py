"""A poster's QR codes, as Chromium draws them for print, scan to the right addresses."""

from __future__ import annotations

import pytest
import zxingcpp

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
