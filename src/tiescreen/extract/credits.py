"""Photo credits and bylines: recognise them, cut them out of the text, name their parts.

"Alexander Scherbak / TASS / Kremlin", "Photo: Maxim Shemetov / Reuters", "Фото: Алексей
Смирнов / ТАСС", "By Jane Roe", "Автор: Иван Петров", "(Reporting by A; Editing by B)":
the people named there took the picture or wrote the piece; they were not present.
"""

from __future__ import annotations

import re

__all__ = ["credit_of_line", "split_credit", "strip_credits"]

_KEYWORD = (
    r"(?:photo(?:graph)?s?|pictures?|images?|video|illustration|credits?|source|фото(?:графия)?|видео|"
    r"иллюстрация|кадр|источник(?:\s+фото)?|снимок)"
)
_BYLINE = r"(?:by|written\s+by|reporting\s+by|editing\s+by|additional\s+reporting\s+by|автор|текст|авторы|редактор)"
_KEYWORD_LINE = re.compile(rf"^\s*[(\[]?\s*{_KEYWORD}\s*(?:by\b|:|—|–|-|©)\s*(?P<credit>.+?)[)\]]?\s*$", re.IGNORECASE)
_BYLINE_LINE = re.compile(rf"^\s*[(\[]?\s*{_BYLINE}\s*[:\s]\s*(?P<credit>[^.!?]{{3,120}}?)[)\]]?\s*$", re.IGNORECASE)
_INLINE = re.compile(
    rf"(?:^|[.!?»\"”]\s+|\(\s*|\s[|—–-]\s)(?P<kw>{_KEYWORD}\s*(?:by\b|:|©)\s*(?P<credit>[^()]{{3,150}}?))\)?\s*$",
    re.IGNORECASE,
)
_SLASHED = re.compile(r"^\s*(?:©\s*)?[^\s/][^/]{1,60}(?:\s*/\s*[^/]{2,60}){1,3}\s*$")
_COPYRIGHT = re.compile(r"^\s*©\s*(?P<credit>[^.]{3,100})$")


def credit_of_line(line: str) -> str | None:
    """The credit a short line consists of, or None when the line is not a credit.

    >>> credit_of_line("Фото: Алексей Смирнов / ТАСС")
    'Алексей Смирнов / ТАСС'
    >>> credit_of_line("Alexander Scherbak / TASS / Kremlin")
    'Alexander Scherbak / TASS / Kremlin'
    """
    line = line.strip()
    if not line or len(line) > 200:
        return None
    for pattern in (_KEYWORD_LINE, _BYLINE_LINE, _COPYRIGHT):
        found = pattern.match(line)
        if found:
            return found.group("credit").strip(" .;")
    if _SLASHED.match(line) and len(line) <= 120 and not re.search(r"[.!?]\s", line):
        return line.strip(" .")
    return None


def strip_credits(line: str) -> tuple[str, str | None]:
    """Split a caption line into its text and its trailing credit (``"... Photo: X / Y"``)."""
    whole = credit_of_line(line)
    if whole:
        return "", whole
    found = _INLINE.search(line)
    if found and len(line) < 400:
        return line[: found.start("kw")].rstrip(" (|—–-"), found.group("credit").strip(" .;")
    return line, None


def split_credit(credit: str) -> list[str]:
    """The parts of a credit: people and agencies ("Alexander Scherbak", "TASS", "Kremlin")."""
    credit = re.sub(r"^\s*(?:photo|фото)\s*[:.]?\s*", "", credit, flags=re.IGNORECASE)
    parts = re.split(r"\s*(?:/|\||;|,|&|\band\b|\bи\b|\bfor\b|\bдля\b|©|\bvia\b)\s*", credit)
    parts = [re.sub(rf"^{_BYLINE}\s*:?\s*", "", p, flags=re.IGNORECASE).strip(" .()[]") for p in parts]
    return [p for p in parts if p and len(p) <= 60]
