"""Names that look alike: one ward or term written twice in letters that look the same.

"Воw Еast" with Cyrillic В, о and Е, or "Bow East" with an invisible character inside, is
another string than "Bow East" but the same name to every reader. Names are compared by a
skeleton in the spirit of Unicode TR39: compatibility forms folded (NFKC), characters no
one sees removed, letters of other alphabets that look like Latin ones made Latin, case
folded. A word that mixes Latin letters with those of an alphabet holding Latin look-alikes
(Cyrillic, Greek, Armenian, Cherokee, fullwidth or mathematical forms...), or two such
alphabets, is refused outright: no English word does that, and it is how a look-alike is
made. Other scripts may join Latin letters in a word: a translation may join a Bengali
ending to an English name ("PCSOরা").
"""

from __future__ import annotations

import re
import unicodedata

# Capitals first (before case folding, В and в look like different Latin letters), then
# small letters and digits; the letters of the TR39 confusables list that look like
# Latin ones in the fonts residents' phones use, Latin's own among them (dotless ı).
_CAPITALS = str.maketrans(
    "АВЕЅІЈКМНОРСТУХҮԌΑΒΕΖΗΙΚΜΝΟΡΤΥΧՏՍՕԼ",
    "ABESIJKMHOPCTYXYGABEZHIKMNOPTYXSUOL",
)
_SMALL = str.maketrans(
    "аеѕіјорсухһԁԛԝӏүοαινρϲϳօսհոցզաւıȷɑɡǀ01",
    "aesijopcyxhdqwlyoaivpcjouhngqwlijaglol",
)
_LETTERS = re.compile(r"[^\W\d_]+")
# Alphabets, and forms of letters, that hold letters looking like Latin ones, by the first
# word of their Unicode names (FULLWIDTH LATIN CAPITAL LETTER R, KELVIN SIGN).
_LOOK_ALIKE_SCRIPTS = frozenset(
    {
        "CYRILLIC",
        "GREEK",
        "ARMENIAN",
        "CHEROKEE",
        "COPTIC",
        "LISU",
        "CANADIAN",
        "TIFINAGH",
        "FULLWIDTH",
        "MATHEMATICAL",
        "SCRIPT",
        "BLACK-LETTER",
        "DOUBLE-STRUCK",
        "KELVIN",
        "ANGSTROM",
        "PLANCK",
    }
)


def _seen(char: str) -> bool:
    """False for the default-ignorable characters: format controls, variation selectors."""
    return unicodedata.category(char) != "Cf" and not (
        "\ufe00" <= char <= "\ufe0f" or "\U000e0100" <= char <= "\U000e01ef" or char == "\u034f"
    )


def skeleton(text: str) -> str:
    """What a name looks like: two names with one skeleton cannot be told apart."""
    folded = "".join(filter(_seen, unicodedata.normalize("NFKC", text)))
    folded = folded.translate(_CAPITALS).casefold().translate(_SMALL)
    return " ".join(folded.split())


def mixed_word(text: str) -> tuple[str, str] | None:
    """The first word that mixes Latin letters with an alphabet of look-alikes (or two
    such alphabets), if any, and the alphabets it mixes (`Cyrillic and Latin`)."""
    for found in _LETTERS.finditer(text):
        word = found.group()
        if word.isascii():
            continue
        scripts = {unicodedata.name(char, "").split(" ")[0] for char in word}
        look_alikes = scripts & _LOOK_ALIKE_SCRIPTS
        if ("LATIN" in scripts and look_alikes) or len(look_alikes) > 1:
            named = sorted(look_alikes | (scripts & {"LATIN"}))
            return word, " and ".join(name.capitalize() for name in named)
    return None
