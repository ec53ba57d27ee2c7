"""Precision, recall, F1 at a threshold, and recall at a fixed false-positive rate."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Metrics:
    precision: float
    recall: float
    f1: float
    recall_at_fpr: float
    fpr_threshold: float
    positives: int
    negatives: int


def at_threshold(scores: Sequence[float], labels: Sequence[bool], threshold: float) -> tuple[float, float, float]:
    tp = sum(1 for s, y in zip(scores, labels, strict=True) if y and s >= threshold)
    fp = sum(1 for s, y in zip(scores, labels, strict=True) if not y and s >= threshold)
    fn = sum(1 for s, y in zip(scores, labels, strict=True) if y and s < threshold)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def recall_at_fpr(scores: Sequence[float], labels: Sequence[bool], fpr: float = 0.01) -> tuple[float, float]:
    """Recall at the strictest cut that lets at most ``fpr`` of the negatives through.

    A pair passes when its score is strictly above the cut; the cut is the score of the
    (k+1)-th highest negative, k = floor(fpr * negatives), so ties never sneak negatives in.
    """
    neg = sorted((s for s, y in zip(scores, labels, strict=True) if not y), reverse=True)
    pos = [s for s, y in zip(scores, labels, strict=True) if y]
    if not pos:
        return 0.0, math.nan
    allowed = math.floor(fpr * len(neg))
    cut = neg[allowed] if allowed < len(neg) else -math.inf
    return sum(1 for s in pos if s > cut) / len(pos), cut


def evaluate(scores: Sequence[float], labels: Sequence[bool], threshold: float) -> Metrics:
    p, r, f1 = at_threshold(scores, labels, threshold)
    rec, cut = recall_at_fpr(scores, labels)
    return Metrics(p, r, f1, rec, cut, sum(labels), len(labels) - sum(labels))
