"""Read input files as text, safely: encodings, BOMs, NUL bytes, located errors.

Every reader in ``ingest/`` goes through :func:`read_text` so that a file in cp1251 or
UTF-16, a BOM or a NUL byte gives one clear message naming the file and the line.
"""

from __future__ import annotations

import codecs
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tiescreen.errors import InputError, Problem

__all__ = ["Problems", "TextFile", "file_hash", "nul_problem", "read_bytes", "read_text"]

MAX_FILE_BYTES = 2 * 1024**3


@dataclass
class Problems:
    """Problems found while reading one file, with the policy for them.

    ``skip=False`` (the default) stops at the end of the file with every problem listed;
    ``skip=True`` keeps the good rows and records what was skipped and why.
    """

    path: str
    skip: bool = False
    found: list[Problem] = field(default_factory=list)

    def add(self, where: str, message: str, hint: str | None = None) -> None:
        self.found.append(Problem(where, message, hint))

    def finish(self) -> None:
        """Raise once with every problem unless bad rows are to be skipped."""
        if self.found and not self.skip:
            raise InputError(self.path, self.found)

    @property
    def skipped(self) -> int:
        return len(self.found)


@dataclass(frozen=True, slots=True)
class TextFile:
    """A decoded input file."""

    path: str
    text: str
    encoding: str
    content_hash: str

    def lines(self) -> Iterator[tuple[int, str]]:
        yield from enumerate(self.text.splitlines(), start=1)


def file_hash(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def read_text(path: Path | str, encoding: str | None = None) -> TextFile:
    """Read a whole file as text.

    UTF-8 (with or without BOM) and UTF-16 (with a BOM, or recognised by its NUL pattern)
    are read as they are; anything else must be named with ``encoding``.

    Raises:
        InputError: the file is missing, empty, a directory, binary, or not UTF-8.
    """
    p = Path(path)
    data = read_bytes(p)
    digest = file_hash(data)
    if encoding:
        try:
            return TextFile(str(p), data.decode(encoding), encoding, digest)
        except (LookupError, UnicodeDecodeError) as exc:
            raise InputError.single(p, "", f"cannot be read as {encoding}: {exc}") from None
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return TextFile(str(p), _decode(p, data, name), name, digest)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return TextFile(str(p), _decode(p, data, utf16), utf16, digest)
    text = _decode(p, data, "utf-8")
    if "\x00" in text and _looks_binary(data):
        raise InputError.single(p, "", "is a binary file, not text")
    return TextFile(str(p), text, "utf-8", digest)


def read_bytes(
    path: Path | str,
    *,
    label: str | None = None,
    max_bytes: int = MAX_FILE_BYTES,
    too_big: Callable[[int], tuple[str, str | None]] | None = None,
) -> bytes:
    """The bytes of an input file, or one located InputError: missing, a folder, unreadable,
    larger than ``max_bytes`` (worded by ``too_big(size)`` when given), or empty.

    ``label`` names the file in messages (default: the path).
    """
    p = Path(path)
    where = label if label is not None else p
    if not p.exists():
        raise InputError.single(where, "", "file not found")
    if p.is_dir():
        raise InputError.single(where, "", "is a folder, not a file")
    try:
        size = p.stat().st_size
        if size > max_bytes:
            message, hint = (
                too_big(size) if too_big else (f"is {size} bytes, more than the {max_bytes} bytes allowed", None)
            )
            raise InputError.single(where, "", message, hint)
        data = p.read_bytes()
    except OSError as exc:
        raise InputError.single(where, "", f"cannot be read: {exc.strerror or exc}") from None
    if not data.strip():
        raise InputError.single(where, "", "is empty")
    return data


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM has a NUL in every other byte for Latin text."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    # Cyrillic UTF-16: high bytes are 0x04 in every other position.
    if sample[1::2].count(4) / max(1, len(sample[1::2])) > 0.3:
        return "utf-16-le"
    if sample[0::2].count(4) / max(1, len(sample[0::2])) > 0.3:
        return "utf-16-be"
    return None


def _decode(p: Path, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        hint = "convert it to UTF-8 or pass --encoding"
        guess = _guess_legacy(data)
        if guess:
            hint = f"the file looks like {guess}; convert it to UTF-8 or pass --encoding {guess}"
        elif _looks_binary(data):
            raise InputError.single(p, "", "is a binary file, not text") from None
        raise InputError.single(
            p,
            f"line {line}",
            f"byte 0x{data[exc.start]:02x} at offset {exc.start} is not valid {encoding}",
            hint,
        ) from None


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls / max(1, len(sample)) > 0.1


def _guess_legacy(data: bytes) -> str | None:
    """Name a legacy Cyrillic encoding when the bytes read as mostly Cyrillic in it."""
    if _looks_binary(data):
        return None
    sample = data[:65536]
    best: tuple[float, str] | None = None
    for enc in ("cp1251", "koi8-r"):
        try:
            text = sample.decode(enc)
        except UnicodeDecodeError:
            continue
        letters = [ch for ch in text if ch.isalpha()]
        if not letters:
            continue
        cyr = [ch for ch in letters if "\u0400" <= ch <= "\u04ff"]
        # In the right encoding most Cyrillic letters are lower case.
        lower = sum(1 for ch in cyr if ch.islower()) / max(1, len(cyr))
        score = len(cyr) / len(letters) * lower
        if cyr and (best is None or score > best[0]):
            best = (score, enc)
    return best[1] if best and best[0] > 0.3 else None


def nul_problem(line: str) -> str | None:
    """The message for a row holding a NUL byte, or None."""
    return "contains a NUL byte (the file may not be text)" if "\x00" in line else None
