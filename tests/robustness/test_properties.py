"""Property-based tests of every normaliser and parser, on any Unicode (hypothesis).

These test other stages' public functions for the invariants the rest of the pipeline relies
on: cleaning is idempotent and leaves nothing invisible, parsers never raise anything but the
errors they document, and scores are symmetric and bounded.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import unicodedata

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from tiescreen.ingest.reading import Problems, TextFile
from tiescreen.ingest.rows import read_rows
from tiescreen.match import score_names
from tiescreen.normalize.dates import parse_date
from tiescreen.normalize.names import parse_name
from tiescreen.normalize.text import _CYR_TO_LAT, _LAT_TO_CYR, clean_text, fold_text
from tiescreen.normalize.translit import keys_for

SETTINGS = settings(
    max_examples=int(os.environ.get("TIESCREEN_PROPERTY_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# Hostile pieces hypothesis would rarely draw on its own: invisible, bidi, combining, look-alikes.
HOSTILE = (
    "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
    "\u2066", "\u2067", "\u2068", "\u2069", "\u00ad", "\ufeff", "\u034f", "\u0301", "\u0308", "\u0327",
    "\u2028", "\u2029", "\x00", "\t", "\r", "\n", "a", "о", "O", "е", "Ш", "ё", "Ё", "-", ",", ".", " ",
    "Шигина", "Olesya", "Владимировна", "Тас-оол", "ǅ", "ﬁ", "Ⅳ", "①", "Ｓ", "ß", "İ", "ς",
)  # fmt: skip
hostile_text = st.one_of(
    st.text(),
    st.lists(st.sampled_from(HOSTILE), max_size=30).map("".join),
    st.lists(st.one_of(st.sampled_from(HOSTILE), st.characters()), max_size=40).map("".join),
)

# Characters that change nothing a reader sees, or the direction of what they see.
INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff]"
)


def _diaeresis(text: str) -> bool:
    """A diaeresis anywhere (ё written as е + U+0308, Ё with a second one): a known bug below."""
    return "\u0308" in unicodedata.normalize("NFD", text)


def _visible_ok(text: str) -> None:
    assert not INVISIBLE.search(text), repr(text)
    assert not any(unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in text if ch not in "\t\n"), repr(text)


@SETTINGS
@given(hostile_text)
@example("\u202eанигиШ\u202c")
@example("\u0301\u0308")
@example("a\u0301\u200b\u0301")
@example("ǅ\u0301")
def test_clean_text_is_idempotent_and_leaves_nothing_invisible(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once
    _visible_ok(once)
    assert once == once.strip()
    assert "  " not in once


@SETTINGS
@given(hostile_text)
@example("ǅ")
@example("ﬁ\u0301")
@example("İ")
@example("Шигинa")
@example("K\u041e\u0300")  # Cyrillic О folded to Latin o before a combining grave: composes to ò
def test_fold_text_is_idempotent_lower_and_visible(text: str) -> None:
    assume(not _diaeresis(text))
    once = fold_text(text)
    assert fold_text(once) == once
    _visible_ok(once)
    assert "ё" not in once
    assert once == once.casefold() or fold_text(once.casefold()) == once


@pytest.mark.parametrize("text", ["0\u00b4", "Шигина\u00a8", "a\u02d8 b", "0 \u0300"])
def test_clean_text_spacing_accents_leave_no_stray_space(text: str) -> None:
    once = clean_text(text)
    assert once == once.strip() and "  " not in once and clean_text(once) == once


@pytest.mark.parametrize("text", ["Ё\u0308", "Алё\u0308на"])
def test_fold_text_leaves_no_yo_after_a_combining_diaeresis(text: str) -> None:
    once = fold_text(text)
    assert "ё" not in once and fold_text(once) == once


@SETTINGS
@given(hostile_text)
def test_keys_for_never_raises_and_returns_ascii_keys(text: str) -> None:
    word = fold_text(text)
    keys = keys_for(word)
    assert isinstance(keys, tuple) and keys
    assert all(isinstance(k, str) and k.isascii() for k in keys)
    assert keys_for(word) == keys  # deterministic (and cached)


# names.py reads digits inside a word as the letters they stand for (Ig0r Sech1n).
_LEET = str.maketrans("01345789", "oieastbg")


def _source_chars(text: str) -> set[str]:
    """Every character of the cleaned input, and its look-alike in the other script (composed
    with the marks after it: a Cyrillic О with a grave accent in a Latin word reads Ò)."""
    cleaned = clean_text(text)
    forms = (cleaned, cleaned.translate(_LAT_TO_CYR), cleaned.translate(_CYR_TO_LAT))
    chars = {c for form in forms for c in form + unicodedata.normalize("NFC", form)}
    return chars | set(clean_text("".join(chars)).translate(_LEET))


@SETTINGS
@given(hostile_text)
@example("Шигина, Олеся Владимировна")
@example("ВладимирПутин")
@example("г-жа Шигина")
@example("Юнир улы")
@example("DО̀")  # a Cyrillic О and a grave accent in a Latin word: Ò
def test_parse_name_never_raises_and_its_tokens_come_from_the_input(text: str) -> None:
    parsed = parse_name(text)
    allowed = _source_chars(text)
    for token in parsed.tokens:
        assert token.text, parsed
        assert set(token.text) <= allowed, (token.text, text)
        assert token.role in ("given", "patronymic", "surname", "initial", "unknown")
        assert token.keys
    assert parsed.gender in ("m", "f", None)


@SETTINGS
@given(hostile_text)
@example("31.02.1970")
@example("1970-02-30")
@example("0001-01-01")
@example("٢٠٢٠-١٠-١٠")
def test_parse_date_returns_an_iso_prefix_or_value_error(text: str) -> None:
    try:
        iso = parse_date(text)
    except ValueError:
        return
    assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", iso), iso
    assert iso.isascii()
    assert parse_date(iso) == iso


@SETTINGS
@given(st.dates(), st.sampled_from(("{d:%Y-%m-%d}", "{d:%d.%m.%Y}", "{d:%d/%m/%Y}", "{d:%Y-%m-%d}T00:00:00Z")))
def test_parse_date_reads_real_dates_back(day: object, pattern: str) -> None:
    import datetime

    assert isinstance(day, datetime.date)
    if not 1000 <= day.year <= 2100:
        with pytest.raises(ValueError):
            parse_date(pattern.format(d=day))
        return
    assert parse_date(pattern.format(d=day)) == day.isoformat()


names = st.one_of(hostile_text, st.sampled_from(("Olesya Shigina", "Шигина Олеся Владимировна", "Шигин О.", "")))


@SETTINGS
@given(names, names)
@example("Olesya Shigina", "Шигина Олеся")
@example("", "")
@example("\u0301", "Шигина")
def test_score_names_is_symmetric_and_bounded(a: str, b: str) -> None:
    ab, ba = score_names(a, b), score_names(b, a)
    assert ab == ba
    assert 0.0 <= ab <= 1.0


@SETTINGS
@given(st.text(min_size=1).filter(lambda s: any(ch.isalpha() for ch in clean_text(s))))
def test_a_name_scores_at_least_as_high_against_itself_as_against_nothing(name: str) -> None:
    assert score_names(name, name) >= score_names(name, "")


def _text_file(body: str, name: str) -> TextFile:
    return TextFile(name, body, "utf-8", "sha256:x")


cells = st.one_of(st.text(max_size=20), st.sampled_from(('"', ",", "\n", "\r\n", ";", "\t", '""', "\x00", "=1+1")))


@SETTINGS
@given(st.lists(st.lists(cells, min_size=1, max_size=5), min_size=1, max_size=12))
def test_csv_rows_never_raise_and_round_trip_well_formed_tables(table: list[list[str]]) -> None:
    import csv
    import io

    out = io.StringIO()
    csv.writer(out).writerows([["a", "b", "c", "d", "e"], *table])
    problems = Problems("t.csv", skip=True)
    columns, rows = read_rows(_text_file(out.getvalue(), "t.csv"), problems, "csv")
    assert columns == ["a", "b", "c", "d", "e"]
    kept = {r.number for r in rows}
    for number, cells_ in enumerate(table, start=1):
        has_nul = any("\x00" in c for c in cells_)
        blank = not any(c.strip() for c in cells_)
        if has_nul or blank:
            assert number not in kept
            continue
        row = next(r for r in rows if r.number == number)
        assert [row.cells[c] for c in columns[: len(cells_)]] == cells_
    assert len(rows) + len(problems.found) <= len(table)


@SETTINGS
@given(st.text(max_size=300))
@example('"a\nb')
@example(",,,\n\x00")
def test_csv_rows_never_raise_on_arbitrary_text(body: str) -> None:
    problems = Problems("t.csv", skip=True)
    columns, rows = read_rows(_text_file("name\n" + body, "t.csv"), problems, "csv")
    assert columns == ["name"]
    for row in rows:
        assert set(row.cells) <= set(columns)
        assert row.where.startswith(f"row {row.number} ")
    for problem in problems.found:
        assert problem.where.startswith(("row ", "line "))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@SETTINGS
@given(st.lists(st.one_of(json_values.map(json.dumps), st.text(max_size=40)), max_size=10))
def test_json_rows_keep_objects_and_locate_everything_else(lines: list[str]) -> None:
    body = "\n".join(line.replace("\n", " ").replace("\r", " ") for line in lines)
    problems = Problems("t.jsonl", skip=True)
    _columns, rows = read_rows(_text_file(body, "t.jsonl"), problems, "jsonl")
    objects = 0
    for line in body.splitlines():
        with contextlib.suppress(ValueError):
            objects += isinstance(json.loads(line), dict)
    assert len(rows) == objects
    assert all(p.where.startswith("line ") for p in problems.found)
    assert all(isinstance(v, str) for r in rows for v in r.cells.values())
