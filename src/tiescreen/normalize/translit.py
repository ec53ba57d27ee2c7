"""The shared Latin key space: Cyrillic and every common Latin spelling meet in one key.

Latin-to-Cyrillic is unreliable, so both sides go the other way: a Cyrillic word maps
letter by letter to a phoneme-class key, and a Latin word is read by the spelling rules of
the transliteration systems that are in use for Russian names (GOST, ICAO, BGN/PCGN, ISO 9,
Library of Congress, and the French, German, Dutch, Polish and Czech press conventions)
into the same classes. Where a Latin spelling is ambiguous ("ch" is ч in English, ш in
French, х in German and Polish) the word gets more than one key and a comparison takes the
best. The key alphabet:

    a b v g d e Z(ж) z i j k l m n o p r s t u f h C(ц) X(ч) S(ш) Q(щ) y(ы)

:func:`folded` then removes what the systems disagree on (glides, doubled letters, the
endings -iy/-ij/-y/-ii, vowel + й), so ``Shcherbakov``, ``Chtcherbakov``,
``Schtscherbakow``, ``Szczerbakow``, ``Ščerbakov`` and ``Щербаков`` share one key.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rigour.text.translit import ascii_text

from tiescreen.normalize.text import is_russian, script_of

__all__ = ["cyrillic_key", "folded", "keys_for", "latin_keys", "loose_keys", "raw_keys", "readable_latin"]

_CYR = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "Z",
    "з": "z",
    "и": "i",
    "й": "j",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "h",
    "ц": "C",
    "ч": "X",
    "ш": "S",
    "щ": "Q",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "ju",
    "я": "ja",
    # Ukrainian and Belarusian
    "і": "i",
    "ї": "ji",
    "є": "je",
    "ґ": "g",
    "ў": "v",  # Belarusian ў after a vowel is the Russian в of the same name (Валуеў = Валуев)
    # Tatar, Bashkir, Kazakh, Yakut, Tuvan, Chechen
    "ә": "a",
    "ө": "o",
    "ү": "u",
    "җ": "Z",
    "ң": "n",
    "һ": "h",
    "ғ": "g",
    "қ": "k",
    "ұ": "u",
    "ҕ": "g",
    "ҥ": "n",
    "ҙ": "z",
    "ҫ": "s",
    "ӏ": "",
    "ј": "j",
    "ѕ": "z",
}

_CYR_TABLE = str.maketrans(_CYR)

# Latin spellings, longest first. A tuple gives the alternatives of an ambiguous spelling,
# the most common reading first.
_LAT: dict[str, tuple[str, ...]] = {
    "schtsch": ("Q",),
    "shtch": ("Q",),
    "shtsh": ("Q",),
    "sjtsj": ("Q",),
    "chtch": ("Q",),
    "shch": ("Q",),
    "szcz": ("Q",),
    "stsch": ("Q",),
    "šč": ("Q",),
    "sč": ("Q",),
    "shh": ("Q",),
    "tsch": ("X", "tS"),  # German ч, or т + ш (Muchametschin)
    "tsh": ("tS",),  # Мухаметшин: т + ш, not ц + х
    "joe": ("ju",),  # Dutch ю (Ljoedmila)
    "jou": ("Zu", "ju"),  # French жу (Joukov) or ю
    "tsj": ("X",),
    "tch": ("X", "tS"),  # French ч, or т + ш (Moukhametchine)
    "sch": ("S", "Q", "Z"),  # German writes ш, щ and ж alike (Schukow = Жуков)
    "sh": ("S",),
    "sz": ("S", "s"),  # Polish ш, Hungarian с (Szergejevics)
    "ch": ("X", "S", "h"),
    "cz": ("X",),
    "cs": ("X",),  # Hungarian (Mihajlovics)
    "ć": ("X",),
    "č": ("X",),
    "ĉ": ("X",),
    "zh": ("Z",),
    "zj": ("Z", "zj"),
    "ž": ("Z",),
    "ż": ("Z",),
    "ź": ("z",),
    "dzh": ("dZ",),
    "kh": ("h",),
    "x": ("ks", "h"),
    "ts": ("C",),
    "tz": ("C",),
    "c": ("C", "k"),
    "ŝ": ("Q",),
    "š": ("S",),
    "ś": ("s",),
    "w": ("v",),
    "ph": ("f",),
    "ou": ("u",),
    "ck": ("k",),
    "q": ("k",),
    "yo": ("jo", "e"),
    "jo": ("jo", "e", "Zo"),
    "io": ("io", "e"),
    "oe": ("oe", "u"),
    "sj": ("S", "sj"),
    "gu": ("gu", "g"),
    "iou": ("ju",),
    "j": ("j", "Z"),
    "z": ("z", "C"),
    "h": ("h", "g"),
    "ł": ("l",),
    "ń": ("n",),
    "ü": ("ju", "u"),
}
_LAT_RE = re.compile("|".join(sorted((re.escape(k) for k in _LAT), key=len, reverse=True)))
_VOWELS = set("aeiouy")
_TIES = dict.fromkeys([0x0361, 0x035C, 0x0311], None)  # Library of Congress ligature ties (t͡s)
_MAX_VARIANTS = 32

# Glides and endings the systems write differently, folded the same way on both sides: each
# rule with letters it cannot apply without ("": always tried), so a substring test skips a pass.
_FOLD_RULES: tuple[tuple[str, str, str], ...] = (
    (r"y(?=[aeiou])", "j", "y"),  # Yulia, Vasilyev: y before a vowel is a glide
    (r"i(?=[aeou])", "j", "i"),  # Iuliia, Vasiliev, Mariia: i before a vowel is a glide
    (r"ij(?=[aeou])", "j", "ij"),  # Юлия, Мария: и + я
    (r"ij$|iy$|ii$|yi$|yj$|y$", "i", ""),  # -ий/-ый endings: Dmitriy, Dmitrij, Dmitry, Dmitrii
    (r"(?<=[aeou])[ij]$", "", ""),  # vowel + й at the end: Sergei, Nikolai, Tsoi
    (r"j", "", "j"),  # glides left are spelled in too many ways to keep
    (r"y", "i", "y"),  # ы
    (r"(?<=[aeou])i", "", "i"),  # ай/ей written ai/ei/ay/ey: Михайлович = Mikhailovich
    (r"z", "s", "z"),  # German and Dutch write з as s (Sjuganow)
    (r"(.)\1+", r"\1", ""),  # doubled letters: Kossov, Tas-ool
)


_FOLDS = tuple((re.compile(pattern), repl, needs) for pattern, repl, needs in _FOLD_RULES)


def cyrillic_key(word: str) -> str:
    """Phoneme-class key of a lower-case Cyrillic word (before :func:`folded`)."""
    if is_russian(word):  # every letter is in the table: one translate, no per-letter Python
        return word.translate(_CYR_TABLE)
    return "".join(_CYR.get(ch, ch if ch.isascii() and ch.isalpha() else "") for ch in word)


def latin_keys(word: str) -> list[str]:
    """Phoneme-class keys of a lower-case Latin word, one per reading of its ambiguous parts."""
    variants = [""]
    pos = 0
    for m in _LAT_RE.finditer(word):
        plain = _plain(word[pos : m.start()])
        variants = [v + plain for v in variants]
        options = _LAT[m.group(0)]
        if len(variants) * len(options) > _MAX_VARIANTS:
            options = options[:1]
        variants = [v + o for v in variants for o in options]
        pos = m.end()
    plain = _plain(word[pos:])
    return [v + plain for v in variants]


def romanise(text: str) -> str:
    """ASCII for text in any script: ICU's romanisation (rigour), and anyascii's tables for the
    scripts ICU has no transliterator for (Khmer, Lao, Tibetan, Sinhala), which ICU marks "?".

    >>> romanise("Щербаков"), romanise("ប៉ុល ពត")
    ('Shcherbakov', 'bol pt')
    """
    if text.isascii():
        return text
    if is_russian(text):
        return _russian_ascii(text)
    plain = _strip_marks(text)
    if plain.isascii():  # Latin with diacritics (Arkaša, Müller): ICU would give the same, 100x slower
        return plain
    out = ascii_text(text)
    if "?" in out and "?" not in text:
        from anyascii import anyascii

        out = anyascii(text)
    return out


# ICU's romanisation of a lower-case Russian word: letter by letter but for the -ий/-ый
# ending, without ICU's 0.1 ms a word. Checked equal to ICU on every string of up to four
# Russian letters and every Russian word of the 1M-person benchmark registry; the tests
# check all strings of up to two letters and random words.
_RUSSIAN_ASCII = str.maketrans(
    {
        **dict(zip("абвгдезиклмнопрстуфыэ", "abvgdeziklmnoprstufye", strict=True)),
        **{"ё": "yo", "ж": "zh", "й": "i", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch"},
        **{"ъ": "", "ь": "", "ю": "yu", "я": "ya"},
    }
)


def _russian_ascii(word: str) -> str:
    """ICU's ASCII for a word of lower-case Russian letters alone."""
    if word.endswith(("ий", "ый")):
        return word[:-2].translate(_RUSSIAN_ASCII) + "y"
    return word.translate(_RUSSIAN_ASCII)


def _strip_marks(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def _plain(chunk: str) -> str:
    if chunk.isascii():
        return "".join(ch for ch in chunk if ch.isalpha())
    return "".join(ch for ch in romanise(chunk).lower() if ch.isalpha())


def folded(key: str) -> str:
    """Fold a phoneme key so that every transliteration system's form of a word meets."""
    out = key
    for pattern, repl, needs in _FOLDS:
        if needs in out:
            out = pattern.sub(repl, out)
    return out


@lru_cache(maxsize=200_000)
def keys_for(word: str) -> tuple[str, ...]:
    """The folded keys of one lower-case word in any script (best reading first).

    >>> keys_for("щербаков")[0] == keys_for("schtscherbakow")[0] == keys_for("szczerbakow")[0]
    True
    >>> keys_for("shigina")[0] == keys_for("шигина")[0]
    True
    """
    if not word:
        return ("",)
    if is_russian(word):  # what _any_keys gives such a word, without its script tests
        return (folded(cyrillic_key(word)),)
    return _any_keys(word)


def _any_keys(word: str) -> tuple[str, ...]:
    """:func:`keys_for` of a word in any script (not empty)."""
    if not word.isascii():
        word = unicodedata.normalize("NFC", word.translate(_TIES))
    scripts = {script_of(ch) for ch in word if ch.isalpha()}
    if scripts == {"cyrillic"} or ("cyrillic" in scripts and "latin" not in scripts):
        raw = [cyrillic_key(word)]
    elif scripts <= {"latin"}:
        raw = latin_keys(word)
    else:
        raw = latin_keys(re.sub(r"[^a-z]", "", romanise(word).lower()))  # ICU's romanisation, one word
    if scripts <= {"latin"} and _FRENCH_MALE.search(word):
        raw.extend(latin_keys(word[:-1]))
    if word.endswith("ová") and len(word) > 5:  # Czech adds -ová to a woman's surname: Rodninová = Роднина
        raw.extend(latin_keys(word[:-3] + "a"))
    seen: dict[str, None] = {}
    for key in raw:
        seen.setdefault(folded(key), None)
    return tuple(k for k in seen if k) or ("",)


@lru_cache(maxsize=200_000)
def raw_keys(word: str) -> tuple[str, ...]:
    """Phoneme-class keys before :func:`folded` (glides and doubled letters kept).

    A typo ("Deimkhanova" for Делимханова) is one edit here, while folding can turn it into two.
    """
    if not word:
        return ("",)
    if is_russian(word) or any(script_of(ch) == "cyrillic" for ch in word):
        return (cyrillic_key(word),)
    ascii_word = word if word.isascii() else romanise(word).lower()
    return tuple(dict.fromkeys(latin_keys(ascii_word)))[:4]


_BALTIC = re.compile(r"(?<=[a-zA-Z]{3})(?:as|is|us|s)$")
_LOOSE = str.maketrans({"o": "a", "e": "i", "v": "u"})
_FRENCH_MALE = re.compile(r"(?<=[a-z]{3})ine$")  # Poutine, Khabibouline: French -ine is Russian -ин


@lru_cache(maxsize=200_000)
def loose_keys(word: str) -> tuple[str, ...]:
    """Keys that also forgive unstressed vowels and Baltic case endings.

    Belarusian and Ukrainian write a Russian name's unstressed о as а and е as і (Нікалаеў),
    Latvian and Lithuanian add -s/-as to a name (Nikolajs Valujevs, Maratas Safinas). A match
    on these keys is weaker evidence than one on :func:`keys_for`.

    >>> loose_keys("нікалаеў")[0] == loose_keys("nikolaev")[0]
    True
    """
    keys = list(keys_for(word))
    if word.isascii() and _BALTIC.search(word):
        keys.extend(keys_for(_BALTIC.sub("", word)))
    seen: dict[str, None] = {}
    for key in keys:
        seen.setdefault(key.translate(_LOOSE), None)
    return tuple(seen)


@lru_cache(maxsize=50_000)
def readable_latin(text: str) -> str:
    """A readable Latin spelling for display (Wikipedia-style for Russian), any script."""
    import iuliia

    if any(script_of(ch) == "cyrillic" for ch in text):
        return str(iuliia.WIKIPEDIA.translate(text))
    return ascii_text(text) if not text.isascii() else text
