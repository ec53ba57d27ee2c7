"""The one exception tree of tiescreen.

::

    TiescreenError
     ├── InputError (also ValueError)      a file, row or value the user gave is wrong
     │    └── FetchError                    a URL could not be downloaded
     ├── StoreError                         the embedded or shared store failed
     │    └── UnsupportedFeature            a backend cannot do what a stage asks
     ├── ConfigError (also ValueError)      a mapping or option does not make sense
     └── ReviewError                        a review action cannot be done
          ├── NotFound                      no such run, candidate or decision
          ├── PermissionDenied              the user's role does not allow it
          └── Conflict                      someone decided the candidate since it was shown

The library raises these; only ``cli.py`` turns them into one line and an exit code.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = [
    "ConfigError",
    "Conflict",
    "FetchError",
    "InputError",
    "NotFound",
    "PermissionDenied",
    "Problem",
    "ReviewError",
    "StoreError",
    "TiescreenError",
    "UnsupportedFeature",
]

MAX_LISTED = 20


class TiescreenError(Exception):
    """Base class of every error tiescreen raises on purpose."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One located problem in an input: where it is, what is wrong, how to fix it."""

    where: str  # "line 57", "row 14, column 'birth_date'", "entity 'occ-1'"
    message: str
    hint: str | None = None

    def __str__(self) -> str:
        text = f"{self.where}: {self.message}" if self.where else self.message
        return f"{text} (hint: {self.hint})" if self.hint else text


class InputError(TiescreenError, ValueError):
    """An input file (or part of it) cannot be used; names the file and every problem."""

    def __init__(self, path: Path | str, problems: list[Problem]) -> None:
        self.path = str(path)
        self.problems = list(problems)
        if len(self.problems) == 1:
            message = f"{self.path}: {self.problems[0]}"
        else:
            lines = [f"  {p}" for p in self.problems[:MAX_LISTED]]
            more = len(self.problems) - MAX_LISTED
            if more > 0:
                lines.append(f"  ... and {more} more")
            message = f"{self.path}: {len(self.problems)} problems\n" + "\n".join(lines)
        super().__init__(message)

    @classmethod
    def single(cls, path: Path | str, where: str, message: str, hint: str | None = None) -> InputError:
        """Build an error with one problem."""
        return cls(path, [Problem(where, message, hint)])


class FetchError(InputError):
    """A registry or article URL could not be fetched (offline, HTTP error, too large)."""

    def __init__(self, url: str, message: str) -> None:
        super().__init__(url, [Problem("", message)])


class ConfigError(TiescreenError, ValueError):
    """An option, mapping file or setting is inconsistent."""


class StoreError(TiescreenError):
    """The store could not be opened, read or written."""


class UnsupportedFeature(StoreError):
    """A backend was asked for something it declares it cannot do."""


class ReviewError(TiescreenError):
    """A review action (decision, undo, run) cannot be done as asked."""


class NotFound(ReviewError):
    """No such run, candidate, decision or user."""


class PermissionDenied(ReviewError):
    """The user's role does not allow this action."""


class Conflict(ReviewError):
    """The candidate's decision changed since the reviewer saw it (answered as HTTP 409).

    ``current`` is the decision now in force (as ``Decision.to_dict()``), or None when the
    candidate has none; the client shows it and lets the reviewer decide again.
    """

    def __init__(self, message: str, current: dict[str, Any] | None) -> None:
        super().__init__(message)
        self.current = current
