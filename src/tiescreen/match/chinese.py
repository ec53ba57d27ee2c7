"""Chinese names in Wade-Giles and in pinyin: Mao Tse-tung = Mao Zedong, Hsiao-p'ing = Xiaoping.

Older sources, Taiwan and many sanctions lists romanise Chinese names in Wade-Giles, with the
syllables of a given name joined by a hyphen; mainland sources use pinyin, the syllables written
together. The two spell most syllables differently (ts = z, hs = x, ch = zh or j, -ung = -ong,
-ieh = -ie) and Wade-Giles marks aspiration with an apostrophe that is usually dropped, so t can be
d or t, k can be g or k. Both are read into syllables and each syllable brought to one
key that forgets what the unmarked Wade-Giles spelling cannot tell.

Only a hyphenated word whose parts all read as Wade-Giles syllables is compared this way, with an
unhyphenated word that reads as as many pinyin syllables: other words (Tan, Dan) never meet here.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["same_chinese_name"]


def _words(text: str) -> list[str]:
    return text.split()


_PINYIN_INITIALS = ("zh", "ch", "sh", *"bpmfdtnlgkhjqxrzcsyw", "")
_PINYIN_FINALS = frozenset(
    _words("a o e ai ei ao ou an en ang eng ong er i ia ie iao iu ian in iang ing iong u ua uo uai ui uan un uang ue")
)
_WG_INITIALS = ("ch'", "ts'", "tz'", "hs", "ch", "ts", "tz", "sh", "ss", "sz", "p'", "t'", "k'", *"pmftnlkhjsyw", "")
_WG_FINALS = frozenset(
    _words(
        "a o e eh ai ei ao ou an en ang eng ung erh i ia ieh iao iu ian ien in iang ing iung u ua uo uai ui uei uan "
        "un uang ueh ih"
    )
)
# Initials as one class each: the consonants the unmarked Wade-Giles spelling cannot tell apart.
_INITIAL_CLASS = {
    "b": "P", "p": "P", "p'": "P", "d": "T", "t": "T", "t'": "T", "g": "K", "k": "K", "k'": "K",
    "zh": "C", "ch": "C", "ch'": "C", "q": "C", "z": "Z", "c": "Z", "ts": "Z", "tz": "Z", "ts'": "Z",
    "tz'": "Z", "x": "X", "hs": "X", "sh": "S", "ss": "s", "sz": "s", "r": "R",
}  # fmt: skip
_WG_FINAL = {"ung": "ong", "iung": "iong", "ieh": "ie", "eh": "e", "ien": "ian", "ih": "i", "uei": "ui", "ueh": "ue"}
_MAX_READINGS = 8


def _readings(
    word: str, initials: tuple[str, ...], finals: frozenset[str], first: bool = True
) -> list[list[tuple[str, str]]]:
    """Every way (up to a few) to read ``word`` as a run of syllables (initial, final); a syllable
    without an initial only comes first (pinyin writes Xi'an with an apostrophe)."""
    if not word:
        return [[]]
    found: list[list[tuple[str, str]]] = []
    for initial in initials if first else initials[:-1]:
        if not word.startswith(initial):
            continue
        rest = word[len(initial) :]
        for end in range(len(rest), 0, -1):
            if rest[:end] in finals:
                tails = _readings(rest[end:], initials, finals, first=False)
                found += [[(initial, rest[:end]), *tail] for tail in tails]
                if len(found) >= _MAX_READINGS:
                    return found
    return found


def _key(initial: str, final: str, wade_giles: bool) -> str:
    """One syllable's key: the initial's class, the final in pinyin spelling."""
    if initial == "y" and final.startswith("i"):
        initial = ""  # ying = ing, yi = i
    if wade_giles:
        cls = "R" if initial == "j" else _INITIAL_CLASS.get(initial, initial)  # Wade-Giles j is pinyin r
        final = _WG_FINAL.get(final, final)
        if initial == "y" and final == "en":
            final = "an"  # yen = yan
        if cls in ("Z", "s") and final == "u":
            final = "i"  # tzu = zi, ssu = si
    else:
        cls = "C" if initial == "j" else _INITIAL_CLASS.get(initial, initial)
        if cls in ("K", "H") and final == "e":
            final = "o"  # ge, ke, he are ko, k'o, ho
        elif final == "uo" and cls not in ("K", "H", ""):
            final = "o"  # duo, luo, zhuo are to, lo, cho
    return cls + final


@lru_cache(maxsize=50_000)
def _wade_giles_keys(word: str) -> frozenset[str]:
    parts = word.split("-")
    if len(parts) < 2:
        return frozenset()
    keys = [""]
    for part in parts:
        readings = [r for r in _readings(part, _WG_INITIALS, _WG_FINALS) if len(r) == 1]
        if not readings:
            return frozenset()
        keys = [k + "." + _key(*r[0], wade_giles=True) for k in keys for r in readings]
    return frozenset(keys)


@lru_cache(maxsize=50_000)
def _pinyin_keys(word: str) -> frozenset[str]:
    return frozenset(
        "".join("." + _key(i, f, wade_giles=False) for i, f in reading)
        for reading in _readings(word, _PINYIN_INITIALS, _PINYIN_FINALS)
    )


def same_chinese_name(a: str, b: str) -> bool:
    """True when one word is a Wade-Giles given name (Tse-tung) and the other its pinyin (Zedong).

    Both lower case.

    >>> same_chinese_name("tse-tung", "zedong"), same_chinese_name("hsiao-p'ing", "xiaoping")
    (True, True)
    >>> same_chinese_name("tse-tung", "zetang")
    False
    """
    wade, pinyin = (a, b) if "-" in a else (b, a)
    if "-" in pinyin or not wade.isascii() or not pinyin.isalpha():
        return False
    keys = _wade_giles_keys(wade)
    return bool(keys) and not keys.isdisjoint(_pinyin_keys(pinyin))
