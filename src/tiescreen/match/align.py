"""Align the words of two person names and score the alignment.

Words are paired best-first without assuming an order, like with like (a patronymic only
with a patronymic); leftover words of the same role are paired as disagreements; initials go
last. The score is the weighted agreement of the aligned words, with the shorter name's
unmatched words counting fully and the longer name's extra words (a middle name, a dropped
second given name) counting little. Then the name-level facts adjust it: the other-gender
form of the surname (a relative, not the person), a conflicting patronymic, a gender clash.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from tiescreen.match.tokens import initial_matches, key_similarity, token_similarity
from tiescreen.match.typos import syllabic
from tiescreen.model.quickinit import quick_init
from tiescreen.normalize.frequency import is_common_surname
from tiescreen.normalize.given_names import same_name_by_keys
from tiescreen.normalize.names import NameToken, ParsedName, patronymic_stem, surname_gender_keys

__all__ = ["NameComparison", "TokenPair", "compare_names"]

WEIGHT = {"surname": 1.0, "given": 0.8, "patronymic": 0.6, "unknown": 0.8, "initial": 0.3}
EXTRA_WORD = 0.35  # share of its weight that the first extra word of the longer name costs
EXTRA_MORE = 0.2  # each further one: long names (Arabic chains of forebears) are cut to their ends
INITIALS_ONLY_CAP = 0.5  # "N.N." says too little to be anybody
# Particles of surnames and name chains: "de" in Boris de Pfeffel Johnson says nothing when missing.
PARTICLES = frozenset({"de", "del", "da", "di", "du", "van", "von", "der", "den", "la", "le", "al", "el", "abu", "bin"})
PATRONYMIC_AGREES = 0.85
RELATIVE_CAP = 0.45  # Шигин / Шигина: never a match of the same person
PATRONYMIC_CONFLICT_CAP = 0.5
COMMON_SURNAME = 0.97
TITLED_SURNAME = 0.8  # "President Erdoğan" for Recep Tayyip Erdoğan: a family name after a title
WRITTEN_TOGETHER = 0.95


class TokenPair(NamedTuple):
    """One aligned (or unaligned) pair of words: ``a`` from the first name, ``b`` from the second.

    A named tuple rather than a frozen dataclass: several are built for every pair of names
    compared, and a tuple is built about four times faster.
    """

    a: NameToken | None
    b: NameToken | None
    role: str
    sim: float
    how: str


@quick_init
@dataclass(frozen=True, slots=True)
class NameComparison:
    """The comparison of two parsed names."""

    score: float
    pairs: tuple[TokenPair, ...]
    relation: str = "same_person"
    conflicts: tuple[str, ...] = ()
    agreements: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def flipped(self) -> NameComparison:
        """The same comparison seen from the other name."""
        pairs = tuple(TokenPair(p.b, p.a, p.role, p.sim, p.how) for p in self.pairs)
        return NameComparison(self.score, pairs, self.relation, self.conflicts, self.agreements, self.notes)


def _role(a: NameToken, b: NameToken) -> str:
    if a.role == b.role or b.role == "unknown":
        return a.role
    if a.role == "unknown":
        return b.role
    return "surname" if "surname" in (a.role, b.role) else a.role


def _father_keys(stems: tuple[str, ...]) -> tuple[str, ...]:
    """Keys the father's name can have: -ий, -ей, -ай drop before -евич (Сергей -> Сергеевич)."""
    return tuple(stem + end for stem in stems for end in ("", "i", "e", "a"))


def _pair_similarity(a: NameToken, b: NameToken) -> tuple[float, str] | None:
    ra, rb = a.role, b.role
    if ra != rb and "patronymic" in (ra, rb) and "unknown" not in (ra, rb):
        return None  # a patronymic never stands for a given name or a surname
    if a.norm == b.norm:
        return 1.0, "identical"
    if ra == rb == "patronymic":
        sim, how = token_similarity(a, b)
        if sim >= 0.98:
            return sim, how
        stem_a, stem_b = patronymic_stem(a), patronymic_stem(b)
        same = same_name_by_keys(_father_keys(stem_a), _father_keys(stem_b))
        stem = 0.95 if same else key_similarity(stem_a, stem_b)
        return (sim, how) if sim >= stem else (stem, "same_father_name")
    given = ra == "given" or rb == "given" or ra == rb == "unknown"
    sim, how = token_similarity(a, b, given=given)
    if ra != rb and ra != "unknown" and rb != "unknown":
        sim -= 0.03  # given name against surname: only when the order was guessed wrong
    return max(sim, 0.0), how


def _exact(a: Sequence[NameToken], b: Sequence[NameToken]) -> tuple[list[TokenPair], set[int], set[int]]:
    """Pair the words that share a key first: cheap, and what the greedy pass would pick anyway."""
    pairs: list[TokenPair] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for i, x in enumerate(a):
        norm, keys = x.norm, x.key_set
        for j, y in enumerate(b):
            if j in used_b:
                continue
            same = norm == y.norm
            if not same and (keys.isdisjoint(y.key_set) or (syllabic(norm) and syllabic(y.norm))):
                continue  # nothing shared, or a romanisation only (高石 and 高市), not a name
            ra, rb = x.role, y.role
            if ra != rb and "patronymic" in (ra, rb) and "unknown" not in (ra, rb):
                continue
            sim, how = (1.0, "identical") if same else (0.98, "spelling")
            if how == "identical" and (" " in x.text) != (" " in y.text):
                how = "written_together"  # Patr ushev, joined by _join_split
            if how == "spelling" and x.cyrillic != y.cyrillic:
                how = "transliteration"
            if ra != rb and ra != "unknown" and rb != "unknown":
                sim -= 0.03
            pairs.append(TokenPair(x, y, _role(x, y), sim, how))
            used_a.add(i)
            used_b.add(j)
            break
    return pairs, used_a, used_b


def _greedy(a: Sequence[NameToken], b: Sequence[NameToken]) -> tuple[list[TokenPair], set[int], set[int]]:
    pairs, used_a, used_b = _exact(a, b)
    if len(used_a) == len(a) or len(used_b) == len(b):
        return pairs, used_a, used_b
    scored: list[tuple[float, int, int, str]] = []  # (-similarity, i, j, how)
    for i, x in enumerate(a):
        if i in used_a:
            continue
        for j, y in enumerate(b):
            if j in used_b:
                continue
            found = _pair_similarity(x, y)
            if found is not None:
                scored.append((-found[0], i, j, found[1]))
    scored.sort()  # best first, then by position: (i, j) is unique, so ``how`` is never compared
    for minus, i, j, how in scored:
        if i in used_a or j in used_b:
            continue
        sim = -minus
        if sim < 0.5 and not (a[i].role == b[j].role and a[i].role != "unknown"):
            continue
        used_a.add(i)
        used_b.add(j)
        pairs.append(TokenPair(a[i], b[j], _role(a[i], b[j]), sim, how))
    return pairs, used_a, used_b


def _initials(initials: list[NameToken], free: list[NameToken], skip: set[int]) -> tuple[list[TokenPair], bool]:
    """Match initials against the other name's unaligned words (removed from ``free`` when hit).

    Returns the pairs and True when an initial contradicts a word that is there to compare.
    """
    pairs: list[TokenPair] = []
    conflict = False
    for initial in initials:
        if id(initial) in skip:
            continue
        hit = next((t for t in free if initial_matches(initial, t)), None)
        if hit is not None:
            free.remove(hit)
            skip.add(id(hit))
            pairs.append(TokenPair(initial, hit, "initial", 1.0, "initial"))
        elif free:  # a word is there to compare, and the initial is not its first letter
            conflict = True
            pairs.append(TokenPair(initial, None, "initial", 0.0, "initial_conflict"))
    return pairs, conflict


def _base_score(pairs: list[TokenPair], a: ParsedName, b: ParsedName) -> float:
    """Weighted agreement; unmatched words of the shorter name count fully."""
    got = total = 0.0
    weakest = 1.0
    extra = EXTRA_WORD
    size_a = len(a.full) - [t.role for t in a.full].count("patronymic")  # no generator: asked for every pair
    size_b = len(b.full) - [t.role for t in b.full].count("patronymic")
    for p in pairs:
        weight = WEIGHT.get(p.role, 0.8)
        if p.role == "patronymic" and size_a and size_b:
            continue  # a patronymic adjusts the score below; a missing one is no evidence
        if p.a is not None and p.b is not None:
            got += weight * p.sim
            total += weight
            if p.role != "initial":
                weakest = min(weakest, p.sim)
        elif p.role != "initial":
            only = p.a or p.b
            if only is not None and only.norm in PARTICLES:
                continue
            longer = (p.a is not None and size_a > size_b) or (p.b is not None and size_b > size_a)
            total += weight * (extra if longer else 1.0)
            if longer:
                extra = EXTRA_MORE
    # A name is a conjunction: its weakest aligned word pulls the whole down (by up to half).
    return (got / total) * max(0.5, weakest**0.5) if total else 0.0


def _compare(a: ParsedName, b: ParsedName) -> NameComparison:
    full_a, full_b = _join_split(a, b), _join_split(b, a)
    if not full_a and not full_b:
        return NameComparison(0.0, ())
    pairs, used_a, used_b = _greedy(full_a, full_b)
    free_a = [t for i, t in enumerate(full_a) if i not in used_a]
    free_b = [t for j, t in enumerate(full_b) if j not in used_b]
    conflict_a = conflict_b = False
    if a.initials or b.initials:
        done: set[int] = set()
        forward, conflict_a = _initials(list(a.initials), free_b + list(b.initials), done)
        free_b = [t for t in free_b if id(t) not in done]
        back, conflict_b = _initials(list(b.initials), free_a, done)
        pairs += forward + [TokenPair(p.b, p.a, p.role, p.sim, p.how) for p in back]
    pairs += [TokenPair(t, None, t.role, 0.0, "missing") for t in free_a]
    pairs += [TokenPair(None, t, t.role, 0.0, "missing") for t in free_b]
    score = _base_score(pairs, a, b)
    if not full_a or not full_b:
        score = min(score, INITIALS_ONLY_CAP)
    if score < WRITTEN_TOGETHER and len(full_a) != len(full_b) and _compact(a) & _compact(b):
        whole_a = NameToken(a.original, a.original, (), "unknown")
        whole_b = NameToken(b.original, b.original, (), "unknown")
        pairs = [TokenPair(whole_a, whole_b, "unknown", WRITTEN_TOGETHER, "written_together")]
        score = WRITTEN_TOGETHER
    if score < TITLED_SURNAME and (a.notes or b.notes):
        score = max(score, _titled_surname(pairs, a, b))
    return _adjust(score, pairs, a, b, conflict_a or conflict_b)


def _titled_surname(pairs: list[TokenPair], a: ParsedName, b: ParsedName) -> float:
    """A title and one word ("President Erdoğan", "Mr. Scholz") name a person by the family name.

    It matches a longer name when the word is that name's family name (its surname standing at
    either end, not a middle word) and the surname is not a common one: "Mr. Ivanov" could be
    any Ivanov. Returns the score that mention earns, or 0.
    """
    for p in pairs:
        for mine, theirs, x, y in ((p.a, p.b, a, b), (p.b, p.a, b, a)):
            if mine is None or theirs is None or "titled" not in x.notes or len(y.full) < 2:
                continue
            ends = (y.full[0].norm, y.full[-1].norm)
            if theirs.role != "surname" or mine.role == "given" or theirs.norm not in ends or p.sim < 0.9:
                continue
            if not any(is_common_surname(k) for k in theirs.keys):
                return TITLED_SURNAME * p.sim
    return 0.0


Words = tuple[NameToken, ...]


def _join_split(x: ParsedName, y: ParsedName) -> Words:
    """``x``'s words, with runs of two or three that are one word of ``y`` written apart joined
    (Patr ushev, Plat Ono Vich, Mohammad Hasni = MohammadHasni)."""
    wholes = y.wholes
    hits = [r for r in x.runs if r[2] in wholes] if wholes else []
    if not hits:
        return x.full
    hits.sort(key=lambda r: (r[0], -r[1]))
    norms = {t.norm for t in x.full}
    whole = {t.norm.replace("-", ""): t for t in y.full}
    joined: list[NameToken] = []
    i = 0
    for start, n, text in hits:
        like = whole[text]
        if start < i or like.norm in norms:
            continue
        joined.extend(x.full[i:start])
        run = x.full[start : start + n]
        joined.append(
            NameToken(
                " ".join(t.text for t in run), like.norm, like.keys, like.role, like.loose, like.key_set, like.cyrillic
            )
        )
        i = start + n
    return tuple(joined) + x.full[i:]


def _compact(name: ParsedName) -> set[str]:
    """The whole name's key with the word breaks removed, in written and reversed order
    (SergeiLavrov, Tas ool, Margarita-Simonyan)."""
    if len(name.full) > 4 or not name.full:
        return set()
    keys = [t.key for t in name.full]
    return {"".join(keys), "".join(reversed(keys))}


def _adjust(score: float, pairs: list[TokenPair], a: ParsedName, b: ParsedName, initials: bool) -> NameComparison:
    conflicts: list[str] = []
    agreements: list[str] = []
    notes: list[str] = []
    relation = "same_person"
    for p in pairs:
        if p.a is None or p.b is None:
            continue
        if p.role == "surname" and surname_gender_keys(p.a.keys, p.b.keys):
            relation = "possible_relative"
            conflicts.append("surname_gender")
        elif p.role == "patronymic":
            if p.sim >= PATRONYMIC_AGREES:
                agreements.append("patronymic")
            else:
                conflicts.append("patronymic")
        elif p.role == "surname" and p.sim >= 0.9 and any(is_common_surname(k) for k in p.a.keys):
            notes.append("common_surname")
    if "patronymic" in agreements and score > 0:
        score += (1.0 - score) * 0.3
    if "common_surname" in notes:
        score *= COMMON_SURNAME
    if "patronymic" in conflicts:
        score = min(score * 0.6, PATRONYMIC_CONFLICT_CAP)
    if initials:
        conflicts.append("initials")
        score *= 0.6
    if relation == "possible_relative":
        score = min(score, RELATIVE_CAP)
    elif a.gender and b.gender and a.gender != b.gender:
        conflicts.append("gender")
        score *= 0.5
    return NameComparison(
        max(0.0, min(1.0, score)), tuple(pairs), relation, tuple(conflicts), tuple(agreements), tuple(notes)
    )


def compare_names(a: ParsedName, b: ParsedName) -> NameComparison:
    """Compare two parsed names; symmetric (the same score whichever comes first).

    The pairs of the result have ``a``'s words on the left.
    """
    if a.original != b.original:  # the order of (original, norms) without building the norms
        first = a.original < b.original
    else:
        first = [t.norm for t in a.tokens] <= [t.norm for t in b.tokens]
    if first:
        return _compare(a, b)
    return _compare(b, a).flipped()
