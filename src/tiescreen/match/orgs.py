"""Organisation names (and other non-person names): legal forms aside, the words must agree.

Registries name bodies, parties, companies and vessels as well as people. An organisation
name is read into parts (:mod:`tiescreen.match.org_words`): its legal form (rigour's table of
legal forms in many languages: Aktiengesellschaft = AG, Общество с ограниченной
ответственностью = ООО = LLC, Sp. z o.o.), its numbers (44 = Forty-Four, 1st = First, VII),
qualifiers in brackets ("(Schweiz)"), and its core words in ASCII. The core words are aligned
with typo tolerance and acronyms (PLA = People's Liberation Army); a word only one name has
counts against (a bracketed qualifier, or a place name against a bare brand, only a little), two
words that disagree count more. A different number is another organisation (Fund VII is not Fund
VIII); a different legal form is probably a sister company (AG against GmbH stays below the
threshold; Corporation against Company, words any company may use, costs less).
"""

from __future__ import annotations

import re
from functools import lru_cache

from tiescreen.match.org_words import OrgName, is_place, org_parts
from tiescreen.match.typos import typo_similarity

__all__ = ["org_parts", "score_org_names"]

# A word only the longer name has counts fully: unlike a person's dropped middle name, a word
# added to an organisation's name usually names another body (Banco Santander Chile, Deutsche
# Bank Trust Company). A qualifier in brackets only one name has costs little.
QUALIFIER = 0.15  # "Deutsche Bank (Schweiz) AG"
ACRONYM = 0.9  # PLA for People's Liberation Army
FORM_CONFLICT = 0.65  # AG against GmbH: one company cannot be both, so a sister company of the brand
VAGUE_FORM_CONFLICT = 0.8  # Corporation against Company: words any company may use
_VAGUE_FORMS = frozenset({"co", "corp"})
NUMBER_CONFLICT_CAP = 0.5


def _word_similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if a.isdigit() or b.isdigit():
        return 0.0
    return typo_similarity(a, b)


def _acronyms(a: list[str], b: list[str]) -> list[tuple[str, str]]:
    """Pair a short word of ``a`` with the run of words of ``b`` whose initials spell it; the
    run is taken out of ``b`` and the word out of ``a``."""
    pairs: list[tuple[str, str]] = []
    for word in list(a):
        if not (2 <= len(word) <= 5 and word.isalpha()) or word in b:
            continue
        for start in range(len(b) - len(word) + 1):
            run = b[start : start + len(word)]
            if all(len(w) > 1 for w in run) and "".join(w[0] for w in run) == word:
                pairs.append((word, " ".join(run)))
                del b[start : start + len(word)]
                a.remove(word)
                break
    return pairs


def _align(a: list[str], b: list[str]) -> tuple[list[float], list[str], list[str]]:
    """Best-first alignment: the similarities of the pairs and the words left on each side."""
    scored = sorted(
        ((_word_similarity(x, y), i, j) for i, x in enumerate(a) for j, y in enumerate(b)),
        key=lambda p: (-p[0], p[1], p[2]),
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    sims: list[float] = []
    for sim, i, j in scored:
        if sim <= 0 or i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        sims.append(sim)
    return sims, [w for i, w in enumerate(a) if i not in used_a], [w for j, w in enumerate(b) if j not in used_b]


def _cheap(x: OrgName, other: OrgName, left: list[str]) -> frozenset[str]:
    """The words of ``x`` only it has that cost little: its bracketed qualifiers, and place names
    (FABERLIC EUROPE Sp. z o.o.) when the other name is a bare brand without a legal form
    ("faberlic", "PLA China"), which may mean any body of the group. Between two registered
    names (both with a legal form) a place names another body: Banco Santander Chile S.A."""
    if other.forms:
        return x.qualifiers
    return x.qualifiers | frozenset(w for w in left if is_place(w))


def _extra_cost(left: list[str], qualifiers: frozenset[str]) -> float:
    return sum(QUALIFIER if word in qualifiers else 1.0 for word in left)


def _words_score(x: OrgName, y: OrgName) -> float:
    a, b = list(x.words), list(y.words)
    acronyms = _acronyms(a, b) + _acronyms(b, a)
    sims, left_a, left_b = _align(a, b)
    sims += [ACRONYM] * len(acronyms)
    if not sims:
        return 0.0
    got = sum(sims)
    if left_a and left_b:  # words that disagree: both count fully, and the name is a conjunction
        return got / (len(sims) + len(left_a) + len(left_b)) * 0.5
    total = len(sims) + _extra_cost(left_a, _cheap(x, y, left_a)) + _extra_cost(left_b, _cheap(y, x, left_b))
    return float(got / total * min(sims) ** 0.5)


def _compact_score(x: OrgName, y: OrgName) -> float:
    """The same letters with the words run together or split differently (SiemensAG, Andrang Heta)."""
    if not x.compact or (x.compact != y.compact and len(x.words) == len(y.words)):
        return 0.0
    return 0.95 if x.compact == y.compact else typo_similarity(x.compact, y.compact)


_ALIAS_SPLIT = re.compile(r"\s*/\s*(?=\w{2,})(?<=\w{2}/)|\s+/\s+")


def _aliases(name: str) -> list[str]:
    """Aliases joined with a slash ("Al-Qa'ida/Islamic Army"); "A/S" and "M/V" are not split."""
    parts = [p for p in _ALIAS_SPLIT.split(name) if p.strip()]
    return parts if len(parts) > 1 else [name]


@lru_cache(maxsize=200_000)
def score_org_names(a: str, b: str) -> float:
    """Similarity of two organisation names in [0, 1], symmetric.

    >>> score_org_names("Microsoft Corporation", "Microsoft Corp.") > 0.9
    True
    >>> score_org_names("Citigroup Capital Trust I", "Citigroup Capital Trust II") < 0.7
    True
    """
    if b < a:
        a, b = b, a
    if "/" in a or "/" in b:
        return max(_score(x, y) for x in _aliases(a) for y in _aliases(b))
    return _score(a, b)


def _score(a: str, b: str) -> float:
    x, y = org_parts(a), org_parts(b)
    if not x.words or not y.words:
        return 0.0
    score = max(_words_score(x, y), _compact_score(x, y))
    if x.forms and y.forms and not x.forms & y.forms:
        vague = x.forms <= _VAGUE_FORMS or y.forms <= _VAGUE_FORMS
        score *= VAGUE_FORM_CONFLICT if vague else FORM_CONFLICT
    if x.numbers != y.numbers:
        score = min(score, NUMBER_CONFLICT_CAP)
    return max(0.0, min(1.0, score))
