"""Organisation names (and other non-person names): legal forms aside, the words must agree.

Registries name bodies, parties and companies as well as people. Legal forms are brought to
one form with rigour's table (Aktiengesellschaft = AG, Joint Stock Company = JSC), then the
remaining words are aligned with typo tolerance. Numbers and series markers must agree
exactly ("Bowne Global Solutions II" is another company), and a word only one name has
(a country, a branch) counts against.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import OSA
from rigour.names.org_types import extract_org_types, remove_org_types
from rigour.text.translit import ascii_text

__all__ = ["org_parts", "score_org_names"]

_STOP = {"the", "of", "and", "&", "de", "la", "le", "der", "die", "das", "du", "des", "et", "und", "y", "i"}
_NUMERIC = re.compile(r"^(?:\d+|[ivxlc]+)$")
_PUNCT = re.compile(r"[^\w\s&]+")
_ACRONYM = re.compile(r"\b(?:[a-z]\.){2,}")
# Legal forms rigour's table leaves as words (English long forms and their abbreviations).
_FORMS = {
    "corporation": "corp", "corp": "corp", "incorporated": "inc", "inc": "inc", "company": "co", "co": "co",
    "limited": "ltd", "ltd": "ltd", "plc": "plc", "llc": "llc", "group": "group", "holding": "holding",
    "holdings": "holding",
}  # fmt: skip
_FORM_WORDS = frozenset(_FORMS) - {"group", "holding", "holdings"}


@lru_cache(maxsize=100_000)
def org_parts(name: str) -> tuple[tuple[str, ...], frozenset[str], str]:
    """The core words of an organisation name (ASCII, lower case), its legal forms, and the
    whole name's letters run together."""
    text = ascii_text(name).casefold().replace("p.l.c.", "plc")
    text = _ACRONYM.sub(lambda m: m.group(0).replace(".", ""), text)  # A.B.C. = ABC
    text = _PUNCT.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip()
    forms = {target for _, target in extract_org_types(text, generic=True)}
    numbers = {w for w in text.split() if _NUMERIC.match(w)}  # "II" is a series marker, not a form
    core = remove_org_types(text, replacement=" ") or text
    words: list[str] = []
    for w in core.split():
        if w in _FORM_WORDS:
            forms.add(_FORMS[w])
        elif w not in _STOP:
            words.append(_FORMS.get(w, w))
    words += sorted(numbers - set(words))
    return tuple(words) or tuple(text.split()), frozenset(forms), "".join(text.split())


def _word_similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if _NUMERIC.match(a) or _NUMERIC.match(b) or min(len(a), len(b)) < 4:
        return 0.0
    return max(0.0, (OSA.normalized_similarity(a, b) - 0.6) / 0.3)


def _aligned(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    pairs = sorted(
        ((_word_similarity(x, y), i, j) for i, x in enumerate(a) for j, y in enumerate(b)),
        key=lambda p: (-p[0], p[1], p[2]),
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    got = 0.0
    for sim, i, j in pairs:
        if sim <= 0 or i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        got += sim
    return got / max(len(a), len(b))


@lru_cache(maxsize=200_000)
def score_org_names(a: str, b: str) -> float:
    """Similarity of two organisation names in [0, 1], symmetric.

    >>> score_org_names("Microsoft Corporation", "Microsoft Corp.") > 0.9
    True
    """
    (wa, fa, ca), (wb, fb, cb) = org_parts(a), org_parts(b)
    if not wa or not wb:
        return 0.0
    words = _aligned(wa, wb) if wa <= wb else _aligned(wb, wa)
    # The same letters with the words run together or split differently (SiemensAG).
    compact = OSA.normalized_similarity(ca, cb)
    score = max(words, compact if compact >= 0.92 else 0.0)
    if fa and fb and not fa & fb:
        score *= 0.9  # different legal forms: perhaps a sister company
    if {w for w in wa if _NUMERIC.match(w)} != {w for w in wb if _NUMERIC.match(w)}:
        score = min(score, 0.5)  # another number or series marker is another organisation
    return max(0.0, min(1.0, score))
