"""What a change to the data does, in plain words, for a reviewer who is not a developer.

`wardpanels changes` loads the data at two revisions (revisions.py) and compares the two
models: wards added, removed, renamed or moved to a new address here, what changes within
each ward in ward_changes.py (meetings added, moved, cancelled and reinstated; priorities
added, reviewed and ended; "You said, we did" reports; panel roles; and what people
subscribed to a ward's calendar will see), translations in translation_changes.py, the
glossary here. Dates and times read as the site writes them in English (change_words.py).
The result is Markdown, for a pull request's job summary, and the list of public pages
that change, for the preview.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import partial

from .build import Loaded
from .change_words import brief, counted, escaped, field_labels, listed
from .model import GlossaryTerm
from .routes import Route, Routes, poster
from .site import Site, WardRecord
from .translation_changes import text_name, translation_lines
from .translations import english_texts, term_texts
from .ward_changes import WardChanges, compare_ward


@dataclass(frozen=True)
class Changes:
    """The whole comparison: each ward's changes, the glossary's, and the pages to look at."""

    wards: tuple[WardChanges, ...]
    glossary: tuple[str, ...]
    pages: tuple[str, ...]  # public paths, as residents type them

    def markdown(self, base: str, head: str) -> str:
        lines = ["## What this change does", ""]
        lines += [f"Comparing {head} with {base}.", ""]
        if self.wards:
            names = [escaped(ward.name) for ward in self.wards]
            verb = "changes" if len(names) == 1 else "change"
            lines += [f"{counted(len(names), 'ward')} {verb}: {listed(names, quote=False)}.", ""]
        if not self.wards and not self.glossary:
            lines.append(
                "Nothing changes in the wards, the glossary or their translations: residents "
                "will see the same meetings, priorities and reports."
            )
            return "\n".join(lines) + "\n"
        for ward in self.wards:
            lines += [f"### {escaped(ward.name)}", ""]
            for sentence in ward.status:
                lines += [sentence, ""]
            for title, sentences in ward.sections():
                if sentences:
                    lines += [f"#### {title}", "", *(f"- {s}" for s in sentences), ""]
        if self.glossary:
            lines += ["### Glossary", "", *(f"- {s}" for s in self.glossary), ""]
        if self.pages:
            lines += ["### Pages to look at in the preview", ""]
            lines += [f"- `{page}`" for page in self.pages]
            lines.append("")
        return "\n".join(lines)


def compare(before: Loaded, after: Loaded) -> Changes:
    """What changes between two loaded revisions of the data."""
    old = {record.slug: record for record in before.site.wards}
    new = {record.slug: record for record in after.site.wards}
    pairs = [(old[slug], new[slug]) for slug in sorted(old.keys() & new.keys())]
    added = [new[slug] for slug in sorted(new.keys() - old.keys())]
    removed = [old[slug] for slug in sorted(old.keys() - new.keys())]
    moved = _moved_wards(removed, added)
    reports: list[WardChanges] = []
    touched: dict[str, set[str]] = {}  # slug at head → kinds of page that change
    for a, b in [*pairs, *moved]:
        report = WardChanges(b.ward.name, b.slug)
        if a.slug != b.slug:
            report.status.append(_new_address(before, after, a, b))
            report.calendars.append(
                "Subscribers to every ward's calendar will see each meeting of this ward "
                "replaced by a new event, as its new address is part of each event's identity."
            )
        kinds = compare_ward(report, before.site, after.site, a, b)
        if report:
            reports.append(report)
            touched[b.slug] = kinds | ({"wards"} if a.slug != b.slug else set())
    for record in added:
        if any(record is b for _, b in moved):
            continue
        report = _added_ward(after, record)
        translation_lines(
            report.translations,
            before.site,
            after.site,
            (record.slug, record.slug),  # no translation of a ward that was not there
            {},
            dict(english_texts(record.ward)),
            partial(text_name, record.ward),
        )
        reports.append(report)
        touched[record.slug] = {"ward", "meetings", "priorities", "standards", "wards"}
    for record in removed:
        if any(record is a for a, _ in moved):
            continue
        reports.append(_removed_ward(before, record))
    glossary = list(_compare_glossary(before.site, after.site))
    reports.sort(key=lambda r: (r.name.lower(), r.slug))
    pages = _pages(after, touched, glossary=bool(glossary), lists=bool(removed))
    return Changes(tuple(reports), tuple(glossary), pages)


# Wards.


def _moved_wards(
    removed: list[WardRecord], added: list[WardRecord]
) -> list[tuple[WardRecord, WardRecord]]:
    """A file renamed: the same ward (its ONS code, or else its name) at a new address."""
    pairs = []
    for a in removed:
        for b in added:
            same_code = a.ward.gss_code is not None and a.ward.gss_code == b.ward.gss_code
            if same_code or a.ward.name.lower() == b.ward.name.lower():
                pairs.append((a, b))
                added = [other for other in added if other is not b]
                break
    return pairs


def _new_address(before: Loaded, after: Loaded, a: WardRecord, b: WardRecord) -> str:
    old_page = _public(before, Routes().ward(a.slug))
    new_page = _public(after, Routes().ward(b.slug))
    old_feed = _public(before, Routes().ward_calendar(a.slug))
    return (
        f"**Moves to a new address**: its page moves from `{old_page}` to `{new_page}`. Links, "
        f"posters and QR codes that use the old address will stop working, and people "
        f"subscribed to `{old_feed}` will get no more changes until they subscribe again."
    )


def _added_ward(after: Loaded, record: WardRecord) -> WardChanges:
    ward = record.ward
    report = WardChanges(ward.name, record.slug)
    page = _public(after, Routes().ward(record.slug))
    report.status.append(
        f"**New ward**, with its own page at `{page}`: {counted(len(ward.meetings), 'meeting')}, "
        f"{counted(len(ward.priorities), 'priority', 'priorities')} and "
        f"{counted(len(ward.feedback), 'report')}."
    )
    if ward.meetings:
        report.calendars.append(
            "The ward gets a calendar of its own; subscribers to every ward's calendar will see "
            f"its {counted(len(ward.meetings), 'meeting')} appear."
        )
    return report


def _removed_ward(before: Loaded, record: WardRecord) -> WardChanges:
    report = WardChanges(record.ward.name, record.slug)
    page = _public(before, Routes().ward(record.slug))
    report.status.append(
        f"**Removed**: its page `{page}`, its poster and its calendar will no longer be "
        "published. Links and QR codes to them will stop working."
    )
    if record.ward.meetings:
        report.calendars.append(
            "Subscribers to every ward's calendar will see its meetings disappear; subscribers "
            "to this ward's calendar keep what they have but get no more changes."
        )
    return report


# The glossary.


def _compare_glossary(old_site: Site, new_site: Site) -> Iterator[str]:
    before = {term.term: term for term in old_site.glossary}
    after = {term.term: term for term in new_site.glossary}
    for key, term in after.items():
        if key not in before:
            yield f"**New term**: {escaped(key)}: {brief(term.meaning)}"
        elif before[key] != term:
            changed = [
                n for n in GlossaryTerm.model_fields if getattr(before[key], n) != getattr(term, n)
            ]
            yield f"**Updated**: {escaped(key)} ({field_labels(GlossaryTerm, changed)})."
    yield from (f"**Removed**: {escaped(key)}." for key in before if key not in after)
    english_before = {k: v for term in before.values() for k, v in term_texts(term)}
    english_after = {k: v for term in after.values() for k, v in term_texts(term)}
    lines: list[str] = []
    translation_lines(
        lines,
        old_site,
        new_site,
        ("", ""),
        english_before,
        english_after,
        lambda key: (
            f"what {escaped(key[1])} stands for"
            if key[2] == "stands_for"
            else f"the meaning of {escaped(key[1])}"
        ),
    )
    yield from lines


# Pages.


def _pages(
    after: Loaded, touched: Mapping[str, set[str]], *, glossary: bool, lists: bool
) -> tuple[str, ...]:
    """The public paths of the pages that change, English first, then each language.

    A kind `ward:<code>` is a change to one language's text of the ward alone; any other
    kind changes the ward's page in every language, its poster, and the lists it names.
    `lists`: a ward was removed, so every list of wards changes.
    """
    kinds = set().union(*touched.values()) if touched else set()
    if lists:
        kinds |= {"wards", "meetings", "priorities", "standards"}
    found: list[Route] = []
    for language in after.site.languages:
        routes = language.routes
        found += [
            routes.ward(slug)
            for slug, changed in touched.items()
            if f"ward:{language.code}" in changed or any(":" not in kind for kind in changed)
        ]
        found += [
            route
            for kind, route in (
                ("wards", routes.wards()),
                ("meetings", routes.meetings()),
                ("priorities", routes.priorities()),
                ("standards", routes.standards()),
            )
            if kind in kinds
        ]
        found += [routes.glossary()] if glossary else []
    found += [
        poster(slug)
        for slug, changed in touched.items()
        if any(":" not in kind for kind in changed)
    ]
    return tuple(dict.fromkeys(_public(after, route) for route in found))


def _public(loaded: Loaded, route: Route) -> str:
    return loaded.settings.root_path(route.url)
