"""Runs of equal numbers in sorted arrays: deduplicating without ``np.unique``.

``np.unique`` hashes its input (numpy 2) and costs about ten times a sort for the few
thousand numbers a query meets; arrays that are sorted anyway need only a look at neighbours.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

__all__ = ["run_starts"]


def run_starts(ordered: npt.NDArray[np.integer]) -> npt.NDArray[np.bool_]:
    """Where each run of equal numbers in a sorted array starts.

    >>> run_starts(np.array([1, 1, 2, 5, 5])).tolist()
    [True, False, True, True, False]
    """
    first = np.empty(len(ordered), dtype=bool)
    first[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    return first
