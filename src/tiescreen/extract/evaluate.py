"""Score extraction against a labelled set (``tests/extract/corpus/labels.yaml``).

Per field, precision and recall over the whole set:

- ``people``: people present (not credits), by name (case and ё/е folded);
- ``credits``: people named in credits and bylines, flagged ``is_credit``;
- ``roles``: (person, role) pairs; a role counts when it and the label are the same
  words, or one holds the other's words (``token_set_ratio`` >= 85 after folding) and has at
  most half as many words again;
- ``organizations``: organisations outside credits, by the same test on names;
- ``unnamed_roles``: roles stated without a name, by the same test;
- ``sentences`` (HTML pages only): the article's sentences kept after boilerplate removal;
  ``boilerplate``: the share of the planted boilerplate lines removed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz

from tiescreen.extract.model import Article

__all__ = ["BOILERPLATE_MARKERS", "Score", "evaluate", "load_labels", "same_phrase"]

BOILERPLATE_MARKERS = (
    "Support us monthly",
    "Payment methods",
    "Remind me later",
    "Read more",
    "Share:",
    "Subscribe to our",
    "cookies",
    "All rights reserved",
    "Поддержите нас",
    "Способы оплаты",
    "Напомнить мне",
    "Читайте также",
    "Поделиться",
    "Подпишитесь",
    "cookie",
    "Все права защищены",
)


@dataclass
class Score:
    """True positives, false positives and false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _fold(text: str) -> str:
    text = text.casefold().replace("ё", "е")
    text = re.sub(r"^(?:the|a|an)\s+", "", text)
    return " ".join(re.sub(r"[^\w\s-]", " ", text).split())


def same_phrase(a: str, b: str) -> bool:
    """True when two names or roles say the same: equal once folded, or one holds (nearly) all
    of the other's words and is at most a little longer (2/3 of the words in common)."""
    fa, fb = _fold(a), _fold(b)
    if fa == fb:
        return True
    short, long = sorted((len(fa.split()), len(fb.split())))
    return fuzz.token_set_ratio(fa, fb) >= 85 and short >= 0.66 * long


def load_labels(path: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return list(data)


Same = Callable[[str, str], bool]
FIELDS = ("people", "credits", "roles", "organizations", "unnamed_roles", "sentences", "boilerplate")


def _match(expected: Iterable[str], found: Iterable[str], score: Score, same: Same, tag: str) -> None:
    left = list(found)
    for item in expected:
        hit = next((f for f in left if same(item, f)), None)
        if hit is None:
            score.fn += 1
            score.misses.append(f"{tag}: missed {item!r}")
        else:
            score.tp += 1
            left.remove(hit)
    score.fp += len(left)
    score.misses.extend(f"{tag}: extra {f!r}" for f in left)


def _same_name(a: str, b: str) -> bool:
    return _fold(a) == _fold(b)


def evaluate(corpus: Path, extract: Callable[[Path, str], Article]) -> dict[str, Score]:
    """Run ``extract(path, lang)`` on every labelled article and score each field."""
    scores = {k: Score() for k in FIELDS}
    for item in load_labels(corpus / "labels.yaml"):
        path = corpus / item["file"]
        article = extract(path, item["lang"])
        _score_article(item, article, scores)
        if item["file"].endswith(".html"):
            _text_scores(item, article.text, path, scores)
    return scores


def _score_article(item: dict[str, Any], article: Article, scores: dict[str, Score]) -> None:
    tag = item["file"]
    present = [p for p in article.people if not p.is_credit]
    _match([p["name"] for p in item["people"]], [p.name for p in present], scores["people"], _same_name, tag)
    credited = [p.name for p in article.people if p.is_credit]
    _match(item["credits"], credited, scores["credits"], _same_name, tag)
    for label in item["people"]:
        person = next((p for p in present if _same_name(p.name, label["name"])), None)
        found = person.roles if person else ()
        _match(label["roles"], found, scores["roles"], same_phrase, f"{tag} {label['name']}")
    labelled = [x["name"] for x in item["people"]]
    scores["roles"].fp += sum(len(p.roles) for p in present if not any(_same_name(p.name, x) for x in labelled))
    orgs = [o.name for o in article.organizations if not o.is_credit]
    _match(item["organizations"], orgs, scores["organizations"], same_phrase, tag)
    unnamed = [u.role for u in article.unnamed_roles]
    _match(item["unnamed_roles"], unnamed, scores["unnamed_roles"], same_phrase, tag)


def _text_scores(item: dict[str, Any], text: str, path: Path, scores: dict[str, Score]) -> None:
    flat = " ".join(text.split())
    for sentence in item["sentences"]:
        if " ".join(sentence.split()) in flat:
            scores["sentences"].tp += 1
        else:
            scores["sentences"].fn += 1
            scores["sentences"].misses.append(f"{item['file']}: lost {sentence[:60]!r}")
    page = path.read_text(encoding="utf-8")
    for marker in BOILERPLATE_MARKERS:
        if marker in page:
            if marker in text:
                scores["boilerplate"].fn += 1
                scores["boilerplate"].misses.append(f"{item['file']}: kept {marker!r}")
            else:
                scores["boilerplate"].tp += 1
