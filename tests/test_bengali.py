"""Bengali pages as a native reader meets them: times said the way they are spoken,
sentences that end with "।", English marked as English in every part of the page, the
font in place from the first paint."""

from __future__ import annotations

import gettext
import re
from datetime import date, time
from pathlib import Path

import pytest

from wardpanels.i18n import language, read_catalogue

from .conftest import ROOT


@pytest.fixture(scope="module")
def bengali():
    return language("bn", "বাংলা", read_catalogue(ROOT / "translations" / "bn" / "messages.po"))


@pytest.mark.parametrize(
    ("hour", "minute", "said"),
    [
        (19, 0, "সন্ধ্যা ৭টা"),
        (20, 30, "রাত ৮:৩০"),
        (10, 0, "সকাল ১০টা"),
        (12, 0, "দুপুর ১২টা"),
        (16, 15, "বিকেল ৪:১৫"),
        (0, 0, "রাত ১২টা"),
    ],
)
def test_a_time_is_said_with_the_part_of_the_day_first_and_ta_on_the_hour(
    bengali, hour, minute, said
):
    assert bengali.clock_time(time(hour, minute)) == said


def test_a_meeting_reads_from_evening_to_night(bengali):
    assert bengali.when(date(2026, 12, 9), time(19), time(20, 30)) == (
        "বুধবার, ৯ ডিসেম্বর, ২০২৬, সন্ধ্যা ৭টা থেকে রাত ৮:৩০"
    )


def test_a_catalogue_without_the_words_for_times_keeps_cldr_s_pattern():
    untranslated = language("bn", "বাংলা", gettext.NullTranslations())
    assert untranslated.clock_time(time(19)) == "৭ সন্ধ্যা"


def _text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_sentences_the_pages_put_together_end_with_the_bengali_full_stop(built_site: Path):
    """The standards' verdicts and the police team are sentences built from parts."""
    page = (built_site / "bn" / "standards" / "index.html").read_text(encoding="utf-8")
    verdicts = re.findall(r"<li><strong>.*?</li>", page, re.S)
    assert verdicts
    for verdict in verdicts:
        text = _text(verdict).strip()
        assert text.endswith("।"), text
        assert not re.search(r"[\u0980-\u09ff]\)?\.(\s|$)", text), text


def test_english_left_untranslated_is_marked_english_in_the_table_of_contents(
    built_site: Path,
):
    marked = 0
    for page in (built_site / "bn" / "wards").glob("*/index.html"):
        html = page.read_text(encoding="utf-8")
        contents = html.split('data-md-component="toc"', 1)[1].split("</nav>\n", 1)[0]
        for title in re.findall(r'<h3 id="([^"]+)"><span lang="en">', html):
            assert re.search(
                rf'href="#{title}"[^>]*>\s*<span class="md-ellipsis">\s*'
                r'<span lang="en">',
                contents,
            ), f"{page}: #{title}"
            marked += 1
    assert marked, "no Bengali ward page has an English priority title"


def test_the_bengali_font_is_fetched_with_the_page_and_never_swapped_in_late(
    built_site: Path,
):
    page = (built_site / "bn" / "index.html").read_text(encoding="utf-8")
    assert 'href="../assets/fonts.css"' in page
    preloads = re.findall(r'<link rel="preload" href="([^"]+\.woff2)" as="font"', page)
    assert len(preloads) == 2  # a computer without a Bengali font shows letters, not boxes
    fonts = (built_site / "assets" / "fonts.css").read_text(encoding="utf-8")
    faces = re.findall(r"@font-face \{[^}]*\}", fonts)
    assert len(faces) == 2
    for face in faces:
        assert "font-display: optional;" in face  # never swapped in once the text is drawn
        (woff2,) = re.findall(r'url\("([^"]+\.woff2)"\)', face)
        assert (built_site / "assets" / woff2).is_file()
        assert any(preload.endswith(woff2) for preload in preloads)
    english = (built_site / "index.html").read_text(encoding="utf-8")
    assert "fonts.css" not in english


def test_a_partly_translated_page_says_so_before_its_first_english(built_site: Path):
    noted = 0
    for page in (built_site / "bn" / "wards").glob("*/index.html"):
        html = page.read_text(encoding="utf-8")
        article = html[html.index("<h1") :]
        english = article.find('lang="en"')
        if english == -1:
            continue
        note = article.find('class="wp-untranslated"')
        assert 0 <= note < english, f"{page}: English before the note"
        noted += 1
    assert noted, "no Bengali ward page is partly in English"
