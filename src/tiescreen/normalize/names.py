"""Parse a person's name into given name, patronymic, surname and initials.

Handles any order ("Шигина Олеся Владимировна", "Olesya Shigina", "SHIGINA Olesya"), a
comma after the surname ("Шигина, Олеся"), initials ("О. В. Шигина", "Shigina O.V."), titles
and disambiguators ("Mr.", "(politik)", "Jr."), Turkic patronymics ("Иршат Юнир улы"), either
script, and guesses the gender from the patronymic, the given name and the surname ending,
taking the reading on which the words of the name agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rigour._core import person_name_prefixes_list
from rigour.names.prefix import remove_person_prefixes

from tiescreen.model.quickinit import quick_init
from tiescreen.normalize.given_names import lookup
from tiescreen.normalize.morph import known_readings, readings
from tiescreen.normalize.text import clean_text, fold_homoglyphs, fold_text, has_cyrillic
from tiescreen.normalize.translit import keys_for, loose_keys

__all__ = [
    "MAX_NAME_CHARS",
    "MAX_NAME_WORDS",
    "NameToken",
    "ParsedName",
    "cap_name",
    "parse_name",
    "patronymic_stem",
    "surname_gender_keys",
    "surname_gender_pair",
]

# What a name can hold: longer "names" are data errors (the readers refuse them, located); the
# library scores only this much of them, so that scoring stays fast whatever it is given.
MAX_NAME_CHARS = 1000
MAX_NAME_WORDS = 64

_TOKEN_SPLIT = re.compile(r"[\s,;/\u00b7\u30fb]+")  # middle dots separate names in Chinese and Japanese
_CAMEL = re.compile(r"(?<=[a-zа-яё])(?=[A-ZА-ЯЁ][a-zа-яё])")  # SergeiLavrov, ВладимирПутин
_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_INITIALS = re.compile(r"(?:[^\W\d_]\.){2,3}[^\W\d_]?\.?")  # "O.V.", "А.Б.В."
_RUSSIAN_START = re.compile("[а-яёА-ЯЁ]")  # no Latin letter matches these, even ignoring case
_RUSSIAN_NAME = re.compile("[А-ЯЁ][а-яё]+(?: [А-ЯЁ][а-яё]+)*")  # Шигина Олеся Владимировна
_DIGIT = re.compile(r"\d")
# How every patronymic the Russian dictionary knows ends (in the nominative: Ильич, Ильичи,
# Ильинична, Ильиничны, Аполлоныч); tests/normalize/test_names.py walks the dictionary to check.
_PATRONYMIC_ENDS = ("ич", "чи", "на", "ны", "ыч")
_PATRONYMIC_KEY = re.compile(r"(?:viX|viS|vih|ljiX|iliX|iX|viC|vitS|vits)$|(?:vna|iXna|iSna|ihna)$")
# Arabic (and Malay) markers written before the father's name: Abdullah bin Omar, Habib ben Mohamed.
_ARABIC_MALE = {"bin", "ibn", "ben", "bn"}
_ARABIC_FEMALE = {"bint", "binti", "bte"}
# Turkic patronymic markers written after the father's name: Юнир улы, Ali oglu, Гульнара кызы.
_TURKIC_MALE = {"ogli", "oglu", "ogly", "uli", "ули", "оглы", "улы", "ұлы", "oğlu"}
_TURKIC_FEMALE = {"kisi", "kizi", "kyzy", "qizi", "кызы", "қызы", "гызы"}
_MARKERS = frozenset(_ARABIC_MALE | _ARABIC_FEMALE | _TURKIC_MALE | _TURKIC_FEMALE)  # no word of these: nothing to mark
_DIGRAPHS = {"yu", "ya", "ye", "yo", "ju", "ja", "je", "jo", "iu", "ia", "zh", "kh", "ch", "sh", "ts"}
_DROP_WORDS = {
    "jr", "sr", "junior", "senior", "ii", "iii", "iv", "mr", "mrs", "ms", "dr",
    # Titles the press puts before a name, in the languages of the sources.
    "president", "президент", "presidente", "président", "präsident", "prezydent", "prezident", "predsjednik",
    "presiden", "președintele", "elnök", "депутат", "deputy", "governor", "губернатор", "mayor", "мэр", "minister",
    "министр", "senator", "сенатор", "general", "генерал", "colonel", "полковник",
}  # fmt: skip
_TITLES = _DROP_WORDS - {"jr", "sr", "junior", "senior", "ii", "iii", "iv"}
_FEMALE_SURNAME = re.compile(r"(?:ova|eva|ina|ska|cka|aja|ja)$")
_MALE_SURNAME = re.compile(r"(?:ov|ev|in|ski|cki|oi)$")
_PATRONYMIC_SUFFIX = re.compile(r"(?:ovna|evna|ivna|oviX|eviX|iviX|iXna|iniXna|iX|na)$")


@quick_init
@dataclass(frozen=True, slots=True)
class NameToken:
    """One word of a name: as written, folded, its keys, and its guessed role."""

    text: str
    norm: str
    keys: tuple[str, ...]
    role: str  # given | patronymic | surname | initial | unknown
    loose: tuple[str, ...] = ()
    key_set: frozenset[str] = field(default=frozenset(), compare=False)
    cyrillic: bool = field(default=False, compare=False)

    @property
    def key(self) -> str:
        """The best-reading key (used for blocking)."""
        return self.keys[0]


@quick_init
@dataclass(frozen=True, slots=True)
class ParsedName:
    """A parsed person name."""

    original: str
    tokens: tuple[NameToken, ...]
    gender: str | None = None  # "m", "f" or None when nothing tells
    script: str = "latin"
    notes: tuple[str, ...] = field(default=())  # "titled": one word after a title (Mr. Scholz)
    full: tuple[NameToken, ...] = field(default=(), compare=False)  # the words that are not initials
    initials: tuple[NameToken, ...] = field(default=(), compare=False)
    # Runs of two or three adjacent words run together ("patr"+"ushev"), by first index and length,
    # and the long words as they would be written run together: what a word written apart can meet.
    runs: frozenset[tuple[int, int, str]] = field(default=frozenset(), compare=False)
    wholes: frozenset[str] = field(default=frozenset(), compare=False)

    def by_role(self, role: str) -> list[NameToken]:
        """The tokens of one role, in name order."""
        return [t for t in self.tokens if t.role == role]

    @property
    def surname(self) -> NameToken | None:
        found = self.by_role("surname")
        return found[0] if found else None

    @property
    def patronymic(self) -> NameToken | None:
        found = self.by_role("patronymic")
        return found[0] if found else None

    @property
    def given(self) -> NameToken | None:
        found = self.by_role("given")
        return found[0] if found else None

    @property
    def full_tokens(self) -> list[NameToken]:
        return list(self.full) if self.full or self.initials else [t for t in self.tokens if t.role != "initial"]


def patronymic_stem(token: NameToken) -> tuple[str, ...]:
    """The father's name inside a patronymic, as keys (Владимирович -> vladimir)."""
    if token.norm in _TURKIC_MALE or token.norm in _TURKIC_FEMALE:
        return token.keys
    stems = {_PATRONYMIC_SUFFIX.sub("", k) for k in token.keys}
    return tuple(s for s in stems if s) or token.keys


@lru_cache(maxsize=200_000)
def _is_patronymic(norm: str) -> bool:
    keys = keys_for(norm)
    # Of five letters, only Ильич (Ilich in Latin, which no dictionary look-up reads) ends so.
    long_enough = len(norm) >= 6 or keys[0].endswith("iliX")
    by_ending = long_enough and any(_PATRONYMIC_KEY.search(k) for k in keys[:2])
    if by_ending and not norm.isascii():
        return True  # whatever the dictionary says: its look-up (most of a new word's cost) is spared
    if not by_ending and not norm.endswith(_PATRONYMIC_ENDS):
        return False  # no patronymic of the dictionary ends so: its look-up is spared too
    if any(r.role == "patronymic" for r in known_readings(norm)):
        return True
    if norm.isascii() and norm.endswith("rich"):
        return False  # Germanic -rich (Friedrich, Heinrich, Ulrich) is not -ич
    return by_ending


def cap_name(name: str) -> str:
    """The part of a name that is scored: its first 1,000 characters, then at most 64 words.

    >>> cap_name("Ivan " * 100).count("Ivan")
    64
    """
    if len(name) <= MAX_NAME_CHARS and name.count(" ") < MAX_NAME_WORDS:
        return name
    return " ".join(name[:MAX_NAME_CHARS].split()[:MAX_NAME_WORDS])


# "Abd al-Aziz", "Abd el Kader", "Abd-ul-Rahman": "servant of", the article and one of God's names,
# which English writes Abdul Aziz; the article here is part of the first word, not a particle.
# Abdel and Abdal run together with the name (Abdelkader) are Abdul too.
_ABD_AL = re.compile(r"(?<!\w)['’ʿ`]?(abd)(?:[\s-]*[aeu]l([\s-]+)|[aeo]l(?=\w\w))(?=\w)", re.IGNORECASE)


def _abdul(match: re.Match[str]) -> str:
    word = "ABDUL" if match.group(1).isupper() else "Abdul"
    return word + (" " if match.group(2) else "")


def _split(text: str) -> tuple[list[str], int | None]:
    """Words of a name and the index where a comma ended the surname part (if any)."""
    if _RUSSIAN_NAME.fullmatch(text):  # a plain Russian name: of _split_any's rules only titles apply
        return _plain_words(text), None
    return _split_any(text)


def _plain_words(text: str) -> list[str]:
    """The words of a plain Russian name (``_RUSSIAN_NAME``), titles such as Jr. left out."""
    return [w for w in text.split(" ") if w.lower() not in _DROP_WORDS]


def _split_any(text: str) -> tuple[list[str], int | None]:
    """:func:`_split` for any text: brackets, Abd al-, commas, initials, run-together words."""
    if "(" in text or "[" in text:  # the checks skip a regex scan that most names do not need
        text = _PAREN.sub(" ", text)
    if "abd" in text.lower():  # _ABD_AL's letters match ASCII a, b, d alone, in either case
        text = _ABD_AL.sub(_abdul, text)
    comma_at: int | None = None
    if "," in text:
        head, _, tail = text.partition(",")
        head_words = [w for w in _TOKEN_SPLIT.split(head) if w]
        tail_words = [w.strip(".").lower() for w in _TOKEN_SPLIT.split(tail) if w]
        if not all(w in _DROP_WORDS for w in tail_words):
            comma_at = len(head_words)
    words: list[str] = []
    for raw in _TOKEN_SPLIT.split(text):
        if raw.endswith(".") and raw[:-1].lower() in _DIGRAPHS:
            words.append(raw)  # "Yu.", "Zh.": a Latin initial written with two letters
            continue
        raw = raw.strip(".-'\"«»“”()")
        if not raw or raw.lower() in _DROP_WORDS:
            continue
        if "." in raw and _INITIALS.fullmatch(raw + ("" if raw.endswith(".") else ".")):
            words.extend(ch for ch in raw if ch.isalpha())
            continue
        if raw[1:].islower():  # no capital after the first letter: nothing for _CAMEL to split
            words.append(raw)
        else:
            words.extend(w for w in _CAMEL.split(raw) if w)
    return words, comma_at


@lru_cache(maxsize=200_000)
def _word(raw: str) -> str:
    """A word as the parser reads it (digits for letters and look-alike letters undone), or
    "" when it has no letter. Words repeat across names: each is worked out once."""
    word = fold_homoglyphs(_unleet(raw))
    return word if any(ch.isalpha() for ch in word) else ""


@lru_cache(maxsize=200_000)
def _token(word: str, role: str) -> NameToken:
    norm = fold_text(word.rstrip("."))
    keys = keys_for(norm)
    return NameToken(word, norm, keys, role, loose_keys(norm), frozenset(keys) - {""}, has_cyrillic(norm))


@lru_cache(maxsize=200_000)
def parse_name(name: str) -> ParsedName:
    """Parse a person's name in any order and script.

    >>> p = parse_name("Шигина, Олеся Владимировна")
    >>> [t.role for t in p.tokens], p.gender
    (['surname', 'given', 'patronymic'], 'f')
    """
    cleaned = clean_text(cap_name(name))
    if _RUSSIAN_NAME.fullmatch(cleaned) and _latin_prefixes():
        return _parse_russian(cleaned)
    return _parse_any(cleaned)


def _parse_russian(cleaned: str) -> ParsedName:
    """:func:`parse_name` of a plain Russian name (most registry names), by the same rules with
    what cannot apply left out: rigour's titles, brackets, commas, initials, digits and
    look-alike letters; each word is its own reading and folds to its lower case with е for ё."""
    words = _plain_words(cleaned)
    norms = [w.lower().replace("ё", "е") for w in words]
    patronymic = [_is_patronymic(norm) for norm in norms]
    first = patronymic.index(True) if True in patronymic else 0
    if first and _MARKERS.isdisjoint(norms):  # Фамилия Имя Отчество, Имя Отчество Фамилия: no hint needed
        # _assign_given_and_surname's rule: the word before the patronymic is the given name
        roles = ["patronymic" if p else "surname" for p in patronymic]
        roles[first - 1] = "given"
        return _built(cleaned, cleaned, words, roles, None)
    return _parsed(cleaned, cleaned, words, norms, None)


def _parse_any(cleaned: str) -> ParsedName:
    """:func:`parse_name` of any cleaned name."""
    stripped = _without_prefixes(cleaned)
    words, comma_at = _split(stripped)
    del words[MAX_NAME_WORDS:]  # "a,b,c,..." splits into more words than spaces
    words = [w for w in map(_word, words) if w]
    norms = [fold_text(w.rstrip(".")) for w in words]
    return _parsed(cleaned, stripped, words, norms, comma_at)


def _parsed(cleaned: str, stripped: str, words: list[str], norms: list[str], comma_at: int | None) -> ParsedName:
    """The name of these words (and their folded forms): their roles, then :func:`_built`."""
    roles = ["unknown"] * len(words)
    turkic = _mark_turkic(norms, roles) if not _MARKERS.isdisjoint(norms) else None
    for i, (norm, w) in enumerate(zip(norms, words, strict=True)):
        if roles[i] != "unknown":
            continue
        if len(norm) == 1 or w.endswith("."):
            roles[i] = "initial"
        elif _is_patronymic(norm):
            roles[i] = "patronymic"
    _assign_given_and_surname(words, norms, roles, comma_at)
    return _built(cleaned, stripped, words, roles, turkic)


def _built(cleaned: str, stripped: str, words: list[str], roles: list[str], gender: str | None) -> ParsedName:
    """The name of these words in these roles: its tokens and what comparing needs."""
    tokens = tuple([_token(w, r) for w, r in zip(words, roles, strict=True) if r != "marker"])
    script = "cyrillic" if has_cyrillic(cleaned) else "latin"
    initials = tuple([t for t in tokens if t.role == "initial"]) if "initial" in roles else ()
    full = tuple([t for t in tokens if t.role != "initial"]) if initials else tokens
    full_norms = [t.norm for t in full]
    twos = [(i, 2, full_norms[i] + full_norms[i + 1]) for i in range(len(full) - 1)]
    runs = frozenset(twos + [(i, 3, two + full_norms[i + 2]) for i, _, two in twos[:-1]])
    wholes = frozenset([norm.replace("-", "") for norm in full_norms if len(norm) > 4])
    notes = ("titled",) if len(full) == 1 and not initials and _titled(cleaned, stripped) else ()
    return ParsedName(cleaned, tokens, gender or _gender(tokens), script, notes, full, initials, runs, wholes)


@lru_cache(maxsize=1)
def _latin_prefixes() -> bool:
    """True when every title rigour strips starts with a Latin letter (Mr., Dr., His Excellency)."""
    return all(p[:1].isascii() and p[:1].isalpha() for p in person_name_prefixes_list())


def _without_prefixes(cleaned: str) -> str:
    """The name without the titles before it; a name that starts with a Russian letter has none
    of rigour's (Latin) titles, which spares their long regular expression."""
    if _RUSSIAN_START.match(cleaned) and _latin_prefixes():
        return cleaned
    return remove_person_prefixes(cleaned) or cleaned


def _titled(cleaned: str, stripped: str) -> bool:
    """True when a title stood before the name ("President Erdoğan", "Mr. Scholz", "Dr Ivanov")."""
    first = stripped.split(maxsplit=1)[0].strip(".").lower() if stripped.strip() else ""
    return stripped != cleaned or first in _TITLES


_LEET = str.maketrans("01345789", "oieastbg")


def _unleet(word: str) -> str:
    """Digits standing for letters inside a word (Ig0r Sech1n) become the letters."""
    if not _DIGIT.search(word):
        return word
    letters = [ch for ch in word if ch.isalpha()]
    if len(letters) >= 2 and all(ch.isascii() for ch in letters):
        return word.translate(_LEET)
    return word


def _mark_turkic(norms: list[str], roles: list[str]) -> str | None:
    """Mark "Юнир улы" and "bin Omar": the father's name becomes the patronymic, the marker is dropped."""
    gender: str | None = None
    for i, norm in enumerate(norms):
        if i == 0 or len(norms) < 3 or roles[i] != "unknown":
            continue
        if norm in _TURKIC_MALE or norm in _TURKIC_FEMALE:
            roles[i - 1], roles[i] = "patronymic", "marker"
            gender = "m" if norm in _TURKIC_MALE else "f"
        elif (norm in _ARABIC_MALE or norm in _ARABIC_FEMALE) and i + 1 < len(norms):
            roles[i], roles[i + 1] = "marker", "patronymic"  # the father's name, as -ович says in Russian
            gender = gender or ("m" if norm in _ARABIC_MALE else "f")
    return gender


@lru_cache(maxsize=200_000)
def _role_hint(norm: str) -> str | None:
    """What the dictionaries say a word is, when they agree on one role."""
    kinds = {r.role for r in known_readings(norm)}
    if lookup(norm):
        kinds.add("given")
    return kinds.pop() if len(kinds) == 1 else None


def _assign_given_and_surname(words: list[str], norms: list[str], roles: list[str], comma_at: int | None) -> None:
    free = [i for i, r in enumerate(roles) if r == "unknown"]
    if not free:
        return
    if comma_at is not None and 0 < comma_at < len(words):
        for i in free:
            roles[i] = "surname" if i < comma_at else "given"
        return
    # An ALL-CAPS word among mixed-case words is a surname ("SHIGINA Olesya").
    caps = [i for i in free if words[i].isupper() and len(words[i]) > 1]
    if caps and len(caps) < len(free):
        for i in free:
            roles[i] = "surname" if i in caps else "given"
        return
    patronymic = [i for i, r in enumerate(roles) if r == "patronymic"]
    before = patronymic[0] - 1 if patronymic else -1
    while before > 0 and roles[before] == "marker":  # Muhammad bin Salman
        before -= 1
    if before in free:
        roles[before] = "given"
        for i in free:
            if roles[i] == "unknown":
                roles[i] = "surname"
        return
    _assign_by_hints(norms, roles, free)


def _assign_by_hints(norms: list[str], roles: list[str], free: list[int]) -> None:
    if len(free) == 1:
        initials = any(r == "initial" for r in roles)
        roles[free[0]] = "given" if not initials and _role_hint(norms[free[0]]) == "given" else "surname"
        return
    hints = {i: _role_hint(norms[i]) for i in free}
    given = [i for i in free if hints[i] == "given"]
    surname = [i for i in free if hints[i] == "surname"]
    if len(free) == 2:
        pick: int | None = None
        if len(given) == 1 and given[0] not in surname:
            pick = given[0]
        elif len(surname) == 1:
            pick = next(i for i in free if i != surname[0])
        if pick is not None:
            for i in free:
                roles[i] = "given" if i == pick else "surname"
            return
    # No other hint: "Given Surname" in Latin and Russian press use alike.
    roles[free[0]] = "given"
    for i in free[1:]:
        roles[i] = "surname"


def _gender(tokens: tuple[NameToken, ...]) -> str | None:
    """The gender the words agree on: patronymic first, then given name, then surname."""
    for t in tokens:
        if t.role == "patronymic":
            return "f" if t.key.endswith("na") else "m"
    votes: list[str] = []
    for t in tokens:
        if t.role == "given":
            genders: set[str | None] = {g.gender for g in lookup(t.norm)}
            genders = genders or {r.gender for r in readings(t.norm) if r.role == "given"}
            if len(genders) == 1 and None not in genders:
                votes.extend(g for g in genders if g is not None)
    if votes:
        return votes[0]
    for t in tokens:
        if t.role == "surname":
            if _FEMALE_SURNAME.search(t.key):
                return "f"
            if _MALE_SURNAME.search(t.key):
                return "m"
    return None


def _same_stem(x: str, y: str) -> bool:
    """Equal, or one vowel apart in a stem of four letters or more: Белкинская/Belkenskii is
    the other gender's form with an unstressed vowel heard differently (the loose keys forgive
    the same). A different consonant is another family: Иванов/Ивашова."""
    if x == y:
        return True
    if len(x) != len(y) or len(x) < 4:
        return False
    diff = [(p, q) for p, q in zip(x, y, strict=True) if p != q]
    return len(diff) == 1 and diff[0][0] in _VOWELS and diff[0][1] in _VOWELS


_VOWELS = frozenset("aeiouy")


def surname_gender_pair(a: str, b: str) -> bool:
    """True when two surname keys are the male and female forms of one family name.

    Иванов/Иванова, Шигин/Шигина, Достоевский/Достоевская, Толстой/Толстая.

    >>> surname_gender_pair(keys_for("шигин")[0], keys_for("shigina")[0])
    True
    >>> surname_gender_pair(keys_for("белкенский")[0], keys_for("belkinskaja")[0])
    True
    """
    if a == b or min(len(a), len(b)) < 3:
        return False
    for x, y in ((a, b), (b, a)):
        if x.endswith("ska") and y.endswith("ski") and _same_stem(x[:-3], y[:-3]):
            return True
        if x.endswith("a") and y.endswith(("ov", "ev", "n")) and _same_stem(x[:-1], y):  # -ov, -ev, -in, -n
            return True
        if x.endswith("ta") and y.endswith("to") and x[:-2] == y[:-2]:  # Толстая/Толстой
            return True
        if x.endswith("a") and y.endswith("o") and x[:-1] == y[:-1] and len(x) > 4:  # Толстая/Tolstoy
            return True
    return False


@lru_cache(maxsize=100_000)
def surname_gender_keys(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """True when any key of one surname and any of the other are its male and female forms
    (:func:`surname_gender_pair`); cached, as every aligned surname pair asks it."""
    return any(surname_gender_pair(x, y) for x in a for y in b)
