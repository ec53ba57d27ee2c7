"""Similarity of two name words, and why, in the shared Latin key space.

The ladder, strongest first: identical; the same key (a transliteration or spelling
variant); the same given name from the table (incl. its Ukrainian, Belarusian or foreign
form); a short form; the same Wikidata name group; a vowel or case-ending variant (Belarusian
Нікалаеў, Latvian Valujevs); then edit distance on the keys, where two real but different
surnames one letter apart (Иванов/Ивашов) are kept apart.

Wikidata's name groups come from rigour, whose tagger takes about 6 s to build, so they are
asked only about pairs our own given-name table cannot settle (see :func:`_table_decides`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA

from tiescreen.match.chinese import same_chinese_name
from tiescreen.match.nicknames import clipped, same_nickname
from tiescreen.match.typos import (
    ONE_EDIT,
    SOUNDS_ALIKE,
    abjad,
    east_slavic,
    khmer,
    latin_form,
    skeleton,
    sound_key,
    syllabic,
    typo_similarity,
)
from tiescreen.normalize.frequency import is_known_surname
from tiescreen.normalize.given_names import lookup, same_given_name
from tiescreen.normalize.morph import known_readings
from tiescreen.normalize.names import NameToken
from tiescreen.normalize.text import has_cyrillic, is_russian, script_of
from tiescreen.normalize.translit import keys_for, loose_keys, raw_keys
from tiescreen.normalize.variants import both_named, share_name_group, supposing_some

__all__ = ["SHORT_FORM", "TokenMatch", "initial_matches", "key_similarity", "token_similarity"]

SHORT_FORM = 0.86  # a short form (Саша for Александр) is good evidence, below the full name
OTHER_LANGUAGE = 0.93  # Олександр for Александр, Nicholas for Николай
NAME_GROUP = 0.9  # the same Wikidata given-name group
LOOSE = 0.9  # Нікалаеў for Николаев, Valujevs for Валуев
TRANSLITERATION = 0.98
SPELLING = 0.95  # the most a spelling one letter apart earns: never as much as the same word read another way
DOUBLE_SURNAME = 0.9
SAME_SCRIPT = 0.6  # Максакова-Игенбергс for Maksakova


class TokenMatch(tuple[float, str]):
    """(similarity, how) for one pair of words; ``how`` is a code that explanations put in words."""

    __slots__ = ()

    @property
    def value(self) -> float:
        return self[0]

    @property
    def how(self) -> str:
        return self[1]


@lru_cache(maxsize=500_000)
def key_similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Edit-distance similarity of the closest keys, scaled so that a likely typo stays high.

    One edit in eight letters (0.875) is a likely typo (0.9); two (0.75) is doubtful (0.4);
    three or more is another word (0). A swap of two letters counts as one edit.
    """
    best = 0.0
    for x in a[:4]:
        for y in b[:4]:
            if x == y:
                return 1.0
            if x and y and abs(len(x) - len(y)) <= 3:
                best = max(best, OSA.normalized_similarity(x, y, score_cutoff=0.65))
    return max(0.0, min(1.0, (best - 0.65) / 0.25))


@dataclass(frozen=True, slots=True)
class _Word:
    """What the comparison needs of one word, computed once per distinct word."""

    keys: tuple[str, ...]
    key_set: frozenset[str]
    loose: tuple[str, ...]
    loose_set: frozenset[str]
    cyrillic: bool
    other: bool  # written in another script (Han, Hangul, Arabic...): compared as written
    raw: tuple[str, ...]  # unfolded keys: a typo stays one edit in them
    given: tuple[tuple[str, str], ...]  # (canonical name, form) from the given-name table
    slavic: bool  # an East Slavic name: one letter apart is another family, not a typo
    syllabic: bool  # Han, kana, Hangul: one character apart is another name
    abjad: bool  # Arabic or Hebrew script: short vowels unwritten


@lru_cache(maxsize=200_000)
def _word(norm: str) -> _Word:
    keys, loose = keys_for(norm), loose_keys(norm)
    given = tuple((g.name, g.form) for g in lookup(norm))
    cyrillic = has_cyrillic(norm)
    # A word of ASCII or Russian letters (most of them) has no letter of another script.
    other = not (norm.isascii() or is_russian(norm)) and any(script_of(ch) == "other" for ch in norm if ch.isalpha())
    keys = tuple(k for k in keys if k) or keys  # a script without a reading has no key to share
    return _Word(
        keys,
        frozenset(k for k in keys if k),
        loose,
        frozenset(k for k in loose if k),
        cyrillic,
        other,
        raw_keys(norm),
        given,
        east_slavic(norm),
        syllabic(norm),
        abjad(norm),
    )


@lru_cache(maxsize=200_000)
def _latin(norm: str) -> tuple[str, str]:
    """A word's plain ASCII letters and their Metaphone code ("" when too short), for the typo
    rule alone: worked out only when a pair reaches it (ICU romanises a word in about 0.2 ms)."""
    latin = latin_form(norm)
    return latin, sound_key(latin)


# The ends of East Slavic surnames in the key space: -ов/-ев(а), -ский/-ская, -цкий, -енко, -ук,
# -ич, -ых, and -овна of a patronymic; -ин(а)/-ын(а), which given names share (Галина,
# Кристина), counts in long words and known surnames only.
_SURNAME_END = re.compile(r"(?:[oe]va?|[oe]f|sk(?:i|a|aa|oi)|[CX]k[ia]|enk[oa]|[uy]k|iX|[iy]h|vna)$")
_IN_END = re.compile(r"[iy]na?$")
_LONG_WORD = 10  # letters: as long as the longest common given names (Александра, Константин), all in the table


def _surname_shaped(word: str, keys: tuple[str, ...]) -> bool:
    """True for a word with an East Slavic surname ending in one of its keys (Кривофомин,
    Dobrolaptevyalsky, Kalinine, Путин)."""
    for key in keys:
        if len(key) < 5:
            continue
        if _SURNAME_END.search(key) or (_IN_END.search(key) and (len(key) >= 7 or is_known_surname(word))):
            return True
    return False


def _no_given_name(word: str, w: _Word, near: bool) -> bool:
    """True for a word that is no given name, so has no Wikidata name group to share.

    That is initials written together (A.Ia., Ю.В.); a word the Russian dictionary knows only
    as a surname or patronymic (Путин, Ильич); a surname by its ending that the dictionary
    does not know as a given name (Кривофомин, but not Яков or Христина); or, unless ``near``
    (its spelling is close to the other word's: Александар, Александр), a long word of one
    part that the dictionary does not know as a given name (Толстоорляолва,
    Shirokomedvedetsevd). Short forms (Микита, Сашко), hyphenated initials (J.-C.) and
    compounds (Jean-Claude) are left to the name groups.
    """
    if "." in word and "-" not in word and all(len(part) <= 2 for part in word.split(".")):
        return True
    roles = {r.role for r in known_readings(word)}
    if roles:
        return "given" not in roles
    if _surname_shaped(word, w.keys):
        return True
    return len(word) >= _LONG_WORD and not near and word.isalpha()


def _table_decides(a: str, b: str, wa: _Word, wb: _Word) -> bool:
    """True when our given-name table settles a pair alone, without Wikidata's name groups:
    both words are East Slavic given names it knows (Олеся, Ольга: two names), or neither
    word that it does not know can be a given name (Аркадий against Кривофомин)."""
    if wa.given and wb.given:
        return True
    near = key_similarity(wa.keys, wb.keys) > 0
    return (bool(wa.given) or _no_given_name(a, wa, near)) and (bool(wb.given) or _no_given_name(b, wb, near))


def _given_relation(a: str, b: str, wa: _Word, wb: _Word) -> TokenMatch | None:
    relation = same_given_name(a, b)
    if relation == "exact":
        return TokenMatch((0.97, "same_name"))
    if relation == "other_language":
        return TokenMatch((OTHER_LANGUAGE, "other_language"))
    if relation == "short":
        return TokenMatch((SHORT_FORM, "short_form"))
    group = None if _table_decides(a, b, wa, wb) else share_name_group(a, b)
    if group == "name":
        return TokenMatch((NAME_GROUP, "name_group"))
    if group == "nick":
        return TokenMatch((SHORT_FORM, "nickname"))
    if same_nickname(a, b):
        return TokenMatch((SHORT_FORM, "pet_form"))
    return None


def _clipped(a: str, b: str, wa: _Word, wb: _Word) -> TokenMatch | None:
    """A given name cut after its first letters (Abiy for Abiyot), unless both words are known names
    of different groups (Ivan, Ivanka) or the name is East Slavic or syllabic (its tables decide)."""
    if wa.slavic or wb.slavic or wa.syllabic or wb.syllabic or not clipped(a, b):
        return None
    if both_named(a, b):
        return None
    return TokenMatch((SHORT_FORM, "clipped"))


@lru_cache(maxsize=500_000)
def _similarity(a: str, b: str, given: bool) -> TokenMatch:
    if a == b:
        return TokenMatch((1.0, "identical"))
    wa, wb = _word(a), _word(b)
    if wa.syllabic and wb.syllabic:  # romanisation merges homophones: 高石 and 高市 are both "gaoshi"
        return TokenMatch((0.0, "different"))
    if wa.key_set & wb.key_set:
        return TokenMatch((TRANSLITERATION, "transliteration" if wa.cyrillic != wb.cyrillic else "spelling"))
    if given and wa.given and wb.given:
        found = _given_relation(a, b, wa, wb)
        return found if found is not None else TokenMatch((0.0, "different_names"))
    if given:
        found = _given_relation(a, b, wa, wb) or _clipped(a, b, wa, wb)
        if found is not None:
            return found
    if wa.loose_set & wb.loose_set:
        return TokenMatch((LOOSE, "loose"))
    if _ARTICLE.match(a) or _ARTICLE.match(b):  # al-Nuristani = Nooristani, el-Assad = al-Assad
        x, y = sorted((_ARTICLE.sub("", a), _ARTICLE.sub("", b)))
        found = _similar(x, y, given)
        return TokenMatch((min(found.value, TRANSLITERATION), found.how))
    if "-" in a and "-" in b and a.count("-") == b.count("-"):
        return _compound(a, b, given)
    if ("-" in a) != ("-" in b) and same_chinese_name(a, b):
        return TokenMatch((TRANSLITERATION, "wade_giles"))
    if "-" in a or "-" in b:
        found = _double_surname(a, b)
        if found is not None:
            return found
    return _fuzzy(a, b, wa, wb, given)


_NO_TYPO = TokenMatch((0.0, "different"))


def _typo(a: str, b: str, wa: _Word, wb: _Word, given: bool) -> TokenMatch:
    """The generic typo allowance, for words that are not East Slavic names (see :mod:`typos`)."""
    if wa.slavic or wb.slavic or (wa.syllabic and wb.syllabic):
        return _NO_TYPO
    found = _typo_score(a, b, wa, wb)
    if found.value > 0 and given and both_named(a, b):
        return _NO_TYPO  # two known given names that share no group are two names (Harry, Larry)
    return found


def _typo_score(a: str, b: str, wa: _Word, wb: _Word) -> TokenMatch:
    """The typo similarity alone: computed first, so that rigour's name groups are asked only
    when a typo could count."""
    if wa.other and wb.other:
        return TokenMatch((typo_similarity(a, b), "typo"))  # the same script: compare as written
    (latin_a, sound_a), (latin_b, sound_b) = _latin(a), _latin(b)
    if wa.abjad != wb.abjad:  # Arabic, Hebrew or Khmer against Latin: compare the consonants written
        x, y = skeleton(latin_a), skeleton(latin_b)
        shortest = 2 if khmer(a + b) else 3  # Khmer names are mostly one syllable: Pol Pot, Hun Sen
        return TokenMatch((ONE_EDIT, "consonants")) if len(x) >= shortest and x == y else _NO_TYPO
    typo = typo_similarity(latin_a, latin_b)
    if typo < SOUNDS_ALIKE and sound_a and sound_a == sound_b and latin_a[0] == latin_b[0]:
        return TokenMatch((SOUNDS_ALIKE, "sounds_alike"))
    return TokenMatch((typo, "typo"))


def _fuzzy(a: str, b: str, wa: _Word, wb: _Word, given: bool = False) -> TokenMatch:
    typo = _typo(a, b, wa, wb, given)
    if wa.other and wb.other:
        return typo if typo.value >= 0.75 else _NO_TYPO
    sim = max(key_similarity(wa.keys, wb.keys), 0.97 * key_similarity(wa.loose, wb.loose))
    if sim < 0.9:
        sim = max(sim, 0.95 * key_similarity(wa.raw, wb.raw))
    if sim > 0 and wa.cyrillic and wb.cyrillic and wa.slavic and wb.slavic:
        sim *= SAME_SCRIPT  # no transliteration to blame: a different letter is more likely another name
    if sim > 0 and (_suffix_pair(wa.keys, wb.keys) or (is_known_surname(a) and is_known_surname(b))):
        return TokenMatch((min(sim, 0.3), "different_surnames"))
    if typo.value > sim:
        return typo
    # One edit in ten letters of the keys scales to 1.0: never above a true reading (ALEXINSKII is
    # Алексинский, 0.98, not Алексанский).
    sim = min(sim, SPELLING)
    return TokenMatch((sim, "similar" if sim >= 0.75 else "different"))


# The Arabic article and its assimilated forms before a hyphen (al-Assad, el-Sisi, ash-Shara): a
# word of its own, spelt many ways, not the first half of a compound.
_ARTICLE = re.compile(r"^(?:a|e|u)[lnrsdtzh]{1,2}-")


def _compound(a: str, b: str, given: bool) -> TokenMatch:
    """Two hyphenated words of as many parts are as alike as their least alike parts: a Korean or
    Chinese given name is two syllables (Song-su is not Kyong-su), a double surname two names."""
    pairs = (sorted((x, y)) for x, y in zip(a.split("-"), b.split("-"), strict=True))
    parts = [_similar(x, y, given) for x, y in pairs]
    return min(parts, key=lambda m: m.value)


def _double_surname(a: str, b: str) -> TokenMatch | None:
    """Максакова-Игенбергс against Maksakova: one part of a double surname."""
    long_, short = (a, b) if "-" in a else (b, a)
    if "-" in short:
        return None
    short_keys = _word(short).key_set
    for part in long_.split("-"):
        if len(part) > 3 and short_keys.intersection(keys_for(part)):  # Korean Mun-nam is no double surname
            return TokenMatch((DOUBLE_SURNAME, "double_surname"))
    return None


_K_SUFFIX = re.compile(r"^(.{3,}?)(k?)(ov|ev|in)(a?)$")


def _suffix_pair(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Панов/Панков, Савин/Савкин: Russian surnames are formed both from a stem and from its
    diminutive in -к-, so the two are two families, not a typo."""
    for x in a[:2]:
        mx = _K_SUFFIX.match(x)
        for y in b[:2]:
            my = _K_SUFFIX.match(y)
            if mx and my and mx.group(1, 3, 4) == my.group(1, 3, 4) and mx.group(2) != my.group(2):
                return True
    return False


def token_similarity(a: NameToken, b: NameToken, *, given: bool = False) -> TokenMatch:
    """How alike two full name words are, and why (symmetric).

    ``given`` also tries the given-name table, its short and foreign forms, and Wikidata's
    name groups (Sasha = Александр, Iryna = Ирина).
    """
    x, y = (a.norm, b.norm) if a.norm <= b.norm else (b.norm, a.norm)
    return _similar(x, y, given)


def _similar(a: str, b: str, given: bool) -> TokenMatch:
    """:func:`_similarity`, from its cache unless name groups are only supposed (see
    :func:`tiescreen.normalize.variants.supposing`): a supposition is no answer to keep."""
    return _similarity.__wrapped__(a, b, given) if supposing_some() else _similarity(a, b, given)


# The Latin letters a Cyrillic first letter is written with, in one system or another
# (Ю. = Yu./Iu./Ju., Ч. = Ch./Tsch./Cz., Х. = Kh./H./Ch.).
_FIRST_LETTERS = {
    "а": "a", "б": "b", "в": "vw", "г": "gh", "д": "d", "е": "eyji", "ё": "eyji", "ж": "zj",
    "з": "zs", "и": "iy", "й": "iyj", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "uo", "ф": "f", "х": "khc", "ц": "tcz", "ч": "ct", "ш": "sc",
    "щ": "sc", "э": "e", "ю": "iyju", "я": "iyja", "і": "i", "є": "iyje", "ї": "iyj", "ґ": "g",
}  # fmt: skip


def _first_letters(word: str) -> str:
    """Every Latin letter the word's first letter can be written with (the letter itself too)."""
    first = word[:1]
    return first + _FIRST_LETTERS.get(first, "")


def initial_matches(initial: NameToken, full: NameToken) -> bool:
    """An initial matches a word that starts with it in any script (Ю. = Yulia, C. = Чечена)."""
    if full.norm.startswith(initial.norm):
        return True
    same_script = initial.norm.isascii() == full.norm[:1].isascii()
    if same_script and not _same_script_initial(initial.norm, full.norm):
        return False  # O. is not Joachim, though the key of Joachim starts with its vowel
    if any(k.startswith(i) for i in initial.keys for k in full.keys if i):
        return True
    a, b = _first_letters(initial.norm), _first_letters(full.norm)
    if initial.norm.isascii() != full.norm[:1].isascii():
        return bool(set(a) & set(b) - set("абвгдеёжзийклмнопрстуфхцчшщэюяієїґ"))
    return initial.norm[:1] == full.norm[:1]


def _same_script_initial(initial: str, full: str) -> bool:
    """Two Latin first letters one Cyrillic letter can be written with (Yu./Ju., V./W., Ch./Tsch.)."""
    return initial[:1] == full[:1] or any(
        initial[:1] in letters and full[:1] in letters for letters in _FIRST_LETTERS.values()
    )
