"""YAML is read as editors' tools read it (YAML 1.2), with the line of every value kept."""

from __future__ import annotations

import unicodedata

import pytest

from wardpanels.loading import Mark, YamlError, parse_yaml


def parse(text: str):
    return parse_yaml(text, "wards/x.yml")


def refusal(text: str) -> YamlError:
    with pytest.raises(YamlError) as caught:
        parse(text)
    return caught.value


def test_an_unquoted_time_stays_a_time_not_the_number_of_minutes():
    assert parse("start: 19:00\n").value == {"start": "19:00"}


def test_dates_stay_text_for_the_model_to_read():
    assert parse("date: 2026-03-11\n").value == {"date": "2026-03-11"}


def test_yes_and_no_are_words_not_booleans():
    assert parse("a: yes\nb: no\nc: on\n").value == {"a": "yes", "b": "no", "c": "on"}


def test_core_schema_scalars():
    value = parse("a: true\nb: false\nc: 14\nd: 1.5\ne: ~\nf:\ng: null\n").value
    assert value == {"a": True, "b": False, "c": 14, "d": 1.5, "e": None, "f": None, "g": None}


def test_quoted_and_block_text_is_always_text():
    value = parse("a: '14'\nb: \"true\"\nc: |\n  19:00\n").value
    assert value == {"a": "14", "b": "true", "c": "19:00\n"}


def test_every_value_and_key_keeps_its_line_and_column():
    document = parse("name: Bow\nmeetings:\n  - date: 2026-03-11\n    end: 18:00\n")
    assert document.mark_of(("meetings", 0, "end")) == Mark(4, 10)
    assert document.mark_of(("meetings", 0, "end"), key=True) == Mark(4, 5)


def test_a_missing_value_is_located_at_its_parent():
    document = parse("meetings:\n  - date: 2026-03-11\n")
    assert document.mark_of(("meetings", 0, "venue")) == Mark(2, 5)


def test_duplicate_keys_are_refused_at_the_second_one():
    problem = refusal("name: A\nsummary: x\nname: B\n")
    assert problem.mark == Mark(3, 1)
    assert "'name' appears twice" in problem.message
    assert "first on line 1" in problem.message


def test_aliases_and_anchors_are_refused():
    assert "not allowed" in refusal("a: &x 1\nb: *x\n").message


def test_an_alias_bomb_is_refused_before_it_expands():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(9)
    )
    assert refusal(bomb).mark == Mark(1, 4)


def test_tags_are_refused():
    assert "tag" in refusal("a: !!python/object:os.system x\n").message


def test_a_tab_is_explained():
    problem = refusal("meetings:\n\t- date: 2026-03-11\n")
    assert problem.mark.line == 2
    assert "tab" in problem.message


def test_an_unclosed_quote_is_explained():
    assert "never closed" in refusal('name: "Elm East\nsummary: x\n').message


def test_an_empty_file_is_explained():
    assert refusal("# nothing but a comment\n").message == "the file is empty"


def test_two_documents_in_one_file_are_refused():
    assert "more than one" in refusal("a: 1\n---\nb: 2\n").message


# Format characters that show as a sign (number signs before Arabic and Syriac digits), and
# the joiners Bengali spelling needs: the only ones data text may hold.
_SHOWN_OR_NEEDED = {
    *range(0x600, 0x606),
    0x6DD,
    0x70F,
    0x890,
    0x891,
    0x8E2,
    0x110BD,
    0x110CD,
    0x200C,
    0x200D,
}


def test_every_invisible_format_character_is_refused_typed_or_escaped():
    for code in range(0x110000):
        char = chr(code)
        if unicodedata.category(char) != "Cf" or code in _SHOWN_OR_NEEDED:
            continue
        with pytest.raises(YamlError, match=rf"U\+{code:04X}\)"):
            parse_yaml(f"name: a{char}b\n", "x.yml")
        with pytest.raises(YamlError, match=rf"U\+{code:04X}\)"):
            parse_yaml(f'name: "a\\U{code:08x}b"\n', "x.yml")


def test_bengali_keeps_its_joiners():
    assert parse_yaml("name: র\u200dয\u200c\n", "x.yml").value == {"name": "র\u200dয\u200c"}


def test_text_and_keys_are_read_in_one_spelling():
    decomposed = unicodedata.normalize("NFD", "Café")
    assert parse_yaml(f"{decomposed}: {decomposed}\n", "x.yml").value == {"Café": "Café"}
