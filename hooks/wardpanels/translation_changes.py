"""What changes in the translations between two revisions, language by language: texts
newly translated, updated, out of date because the English changed, or no longer
translated, and a translation marked as a draft or checked."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial

from .change_words import counted, field_label, listed, priority_words, report_words, when
from .history import meeting_identity
from .localise import Key, feedback_identity
from .model import Feedback, Meeting, Priority, Venue, Ward
from .site import Site, WardRecord
from .translations import english_texts


def ward_translation_lines(
    lines: list[str], old_site: Site, new_site: Site, a: WardRecord, b: WardRecord
) -> set[str]:
    """Texts newly translated, now out of date, or no longer translated, by language."""
    return translation_lines(
        lines,
        old_site,
        new_site,
        (a.slug, b.slug),
        dict(english_texts(a.ward)),
        dict(english_texts(b.ward)),
        partial(text_name, b.ward),
    )


def translation_lines(
    lines: list[str],
    old_site: Site,
    new_site: Site,
    slugs: tuple[str, str],
    english_before: Mapping[Key, str],
    english_after: Mapping[Key, str],
    name: Callable[[Key], str],
) -> set[str]:
    """Add a sentence per language and kind of change; return the languages that change."""
    changed: set[str] = set()
    for language in new_site.languages[1:]:
        code = language.code
        was = old_site.translations.get(code, {}).get(slugs[0], {})
        now = new_site.translations.get(code, {}).get(slugs[1], {})
        called = f"{language.name} ({code})"
        added = [key for key in now if key not in was]
        updated = [key for key in now if key in was and was[key] != now[key]]
        lost = [key for key in was if key not in now and key in english_after]
        stale = [key for key in lost if english_before.get(key) != english_after[key]]
        removed = [key for key in lost if key not in stale]
        for keys, sentence in (
            (added, f"**Translated into {called}**"),
            (updated, f"**Translation updated in {called}**"),
            (
                stale,
                f"**Out of date in {called}**, because the English changed: the {called} page "
                "shows the English until the translation is brought up to date",
            ),
            (removed, f"**Translation removed in {called}**: the page shows the English"),
        ):
            if keys:
                lines.append(f"{sentence}: {_texts(keys, name)}.")
                changed.add(code)
        draft_before = slugs[0] in old_site.drafts.get(code, frozenset())
        draft_after = slugs[1] in new_site.drafts.get(code, frozenset())
        if draft_before != draft_after and (now or was):
            lines.append(
                f"**The {called} translation is now marked as a draft**: the page says a fluent "
                "reader has yet to check it."
                if draft_after
                else f"**The {called} translation is no longer a draft**: a fluent reader "
                "checked it."
            )
            changed.add(code)
    return changed


# How many texts a translation sentence names one by one; more are counted by kind.
_MOST_NAMED = 5
_KINDS = {
    "ward": ("text about the ward", "texts about the ward"),
    "priorities": ("text of a priority", "texts of priorities"),
    "meetings": ("text of a meeting", "texts of meetings"),
    "feedback": ('text of a "You said, we did" report', 'texts of "You said, we did" reports'),
    "glossary": ("text of the glossary", "texts of the glossary"),
}


def _texts(keys: list[Key], name: Callable[[Key], str]) -> str:
    """A few texts by name; many, counted by kind, so a whole new translation reads short."""
    if len(keys) <= _MOST_NAMED:
        return listed([name(key) for key in keys], quote=False)
    counts: dict[str, int] = {}
    for section, _identity, _field in keys:
        counts[section] = counts.get(section, 0) + 1
    return f"{len(keys)} texts: " + listed(
        [counted(n, *_KINDS[section]) for section, n in counts.items()], quote=False
    )


def text_name(ward: Ward, key: Key) -> str:
    """A translated text in words: `the title of priority “Drug dealing”`."""
    section, identity, name = key
    if section == "ward":
        return "the summary" if name == "summary" else "how to join"
    if section == "priorities":
        found = next((p for p in ward.priorities if p.id == identity), None)
        what = priority_words(found) if found else f"`{identity}`"
        return f"the {field_label(Priority, name).lower()} of priority {what}"
    if section == "meetings":
        meeting = next((m for m in ward.meetings if meeting_identity(m) == identity), None)
        model = Venue if name == "venue.access" else Meeting
        label = field_label(model, name.split(".")[-1]).lower()
        return f"the {label} of the meeting on {when(meeting) if meeting else identity}"
    entry = next((f for f in ward.feedback if feedback_identity(f) == identity), None)
    what = report_words(entry, ward) if entry else identity
    return f"“{field_label(Feedback, name)}” in {what}"
