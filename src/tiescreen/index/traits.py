"""What candidate generation knows of a person besides their words: the letters their name
words start with, how short their shortest name form is, and their birth year.

A query's initials ("А. А. Алексенева") must be found among a candidate's words: the scorer
pairs each initial with a word that its full words left over, and an initial that contradicts
the words there are costs the pair its place above the threshold. So each person carries, in
one 64-bit number (:func:`pack`):

- bits 0-30: the letters some name word of theirs starts with (a letter's bit is its key's
  first character modulo 31, :func:`initial_bit`);
- bits 31-61: the letters two or more distinct words of theirs start with. When every registry
  word a query's full word may be starts with the letter of one of its initials, the person's
  word for that full word is one of theirs, and the initial needs another: "А. Алексенева"
  needs two words in А, so the Алексеневы called Мария are not candidates;
- bits 62-63: how short their shortest name form is (2: one word, 1: two words, 0: longer). A
  name form no longer than the query's full words leaves the initials nothing to contradict
  (a registry name "Алексенева" scores as high with any initials), so such a person's
  initials are not asked.

The masks are built over all of a person's names together (the letters of any of them), so
they only ever let through more people than a check per name form would.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

__all__ = ["LETTERS", "InitialsRule", "fewest_words", "initial_bit", "pack"]

LETTERS = 31
ONCE = (1 << LETTERS) - 1
_SHORT_SHIFT = 2 * LETTERS
IntArray = npt.NDArray[np.int64]


def initial_bit(key: str) -> int:
    """The bit of a word key's first letter in a person's initials mask (as the store computes it)."""
    return 1 << (ord(key[0]) % LETTERS)


def fewest_words(forms: Iterable[Iterable[str]]) -> int:
    """The fewest words of a name form (each given as its words), forms without words skipped; 0 for none."""
    counts = [n for n in (sum(1 for _ in words) for words in forms) if n]
    return min(counts, default=0)


def pack(once: npt.ArrayLike, twice: npt.ArrayLike, fewest: npt.ArrayLike) -> IntArray:
    """Each person's traits mask from their letters once, twice or more, and their fewest words a name form."""
    fewest = np.asarray(fewest, dtype=np.int64)
    short = np.where((fewest > 0) & (fewest < 3), 3 - fewest, 0)
    mask = np.asarray(once, dtype=np.int64) & ONCE
    mask |= (np.asarray(twice, dtype=np.int64) & ONCE) << LETTERS
    mask |= short << _SHORT_SHIFT  # bit 63 too: the mask may read as negative, which no test minds
    return mask


@dataclass(frozen=True, slots=True)
class InitialsRule:
    """What a query's initials ask of a candidate's traits mask.

    ``initials``: the query's initials (letter bits); ``twice``: those of them one of the query's
    full words takes for itself; ``words``: how many full words the query has.
    """

    initials: int
    twice: int = 0
    words: int = 0

    def agree(self, masks: IntArray) -> npt.NDArray[np.bool_]:
        """Which candidates, by traits mask, may carry every initial."""
        ok: npt.NDArray[np.bool_] = (masks & self.initials) == self.initials
        if self.twice:
            ok &= ((masks >> LETTERS) & self.twice) == self.twice
        if self.words:
            short = (masks >> _SHORT_SHIFT) & 3  # arithmetic shift: & 3 keeps the two bits
            ok |= (short > 0) & (3 - short <= self.words)
        return ok
