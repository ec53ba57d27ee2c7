"""People lists: CSV, JSON lines, text; and every bad input the issue lists, located."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from tiescreen.errors import InputError
from tiescreen.ingest.people import read_people
from tiescreen.ingest.reading import Problems


def _file(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_csv_with_optional_columns(tmp_path: Path) -> None:
    path = _file(tmp_path, "p.csv", "name,id,birth_date,region,role,note\nШигина Олеся,q1,02.04.1975,Москва,mother,x\n")
    (q,) = read_people(path)
    assert (q.id, q.name, q.birth_date, q.region, q.role, q.extra) == (
        "q1", "Шигина Олеся", "1975-04-02", "Москва", "mother", {"note": "x"})  # fmt: skip


def test_ids_default_to_row_numbers_and_stay_unique(tmp_path: Path) -> None:
    path = _file(tmp_path, "p.csv", "name,id\nA Б,\nВ Г,\nД Е,x\nЖ З,x\n")
    assert [q.id for q in read_people(path)] == ["1", "2", "x", "x#4"]


def test_json_lines_and_text(tmp_path: Path) -> None:
    jl = _file(tmp_path, "p.jsonl", '{"name": "Olesya Shigina", "id": 7}\n\n{"name": "Тас-оол Ирина"}\n')
    assert [(q.id, q.name) for q in read_people(jl)] == [("7", "Olesya Shigina"), ("2", "Тас-оол Ирина")]
    txt = _file(tmp_path, "p.txt", "# attendees\nOlesya Shigina\n\nШигина, Олеся\n")
    assert [(q.id, q.name) for q in read_people(txt)] == [("2", "Olesya Shigina"), ("4", "Шигина, Олеся")]


def test_bom_and_utf16_are_read(tmp_path: Path) -> None:
    bom = _file(tmp_path, "bom.csv", codecs.BOM_UTF8 + "name\nОлеся Шигина\n".encode())
    assert read_people(bom)[0].name == "Олеся Шигина"
    for enc, prefix in (("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-le", b""), ("utf-16-be", b"")):
        path = _file(tmp_path, f"{enc}{len(prefix)}.csv", prefix + "name\nОлеся Шигина\n".encode(enc))
        assert read_people(path)[0].name == "Олеся Шигина"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("missing.csv", None, "missing.csv: file not found"),
        ("empty.csv", b"", "empty.csv: is empty"),
        ("noname.csv", "fio,city\nА Б,М\n", "noname.csv: header: has no 'name' column (columns found: 'fio', 'city')"),
        ("cp1251.csv", "name\nОлеся Шигина\n".encode("cp1251"), "cp1251.csv: line 2: byte 0xce at offset 5 is not valid utf-8"),
        ("nul.csv", "name\nОлеся\x00 Шигина\n", "nul.csv: row 1 (line 2): contains a NUL byte"),
        ("bad.jsonl", '{"name": "A B"}\n{"name": \n', "bad.jsonl: line 2: invalid JSON"),
        ("header.csv", "name,id\n", "header.csv: has no people to screen"),
        ("date.csv", "name,birth_date\nА Б,31.02.1970\n", "date.csv: row 1 (line 2), column 'birth_date': '31.02.1970' is not a date"),
        ("binary.txt", bytes(range(256)) * 4, "binary.txt: is a binary file, not text"),
    ],
)  # fmt: skip
def test_bad_input_names_file_row_and_problem(
    tmp_path: Path, name: str, data: bytes | str | None, message: str
) -> None:
    path = tmp_path / name if data is None else _file(tmp_path, name, data)
    with pytest.raises(InputError) as err:
        read_people(path)
    assert str(err.value).startswith(str(tmp_path / message.split(":")[0]) + message[len(message.split(":")[0]) :])


def test_cp1251_hint_names_the_encoding_and_the_option_reads_it(tmp_path: Path) -> None:
    path = _file(tmp_path, "p.csv", "name\nОлеся Шигина\n".encode("cp1251"))
    with pytest.raises(InputError, match=r"looks like cp1251.*--encoding cp1251"):
        read_people(path)
    assert read_people(path, encoding="cp1251")[0].name == "Олеся Шигина"


def test_skip_bad_rows_reports_what_was_skipped(tmp_path: Path) -> None:
    path = _file(tmp_path, "p.csv", "name,birth_date\nА Б,31.02.1970\nВ Г,1980\n,\n123,\n")
    problems = Problems(str(path))
    people = read_people(path, skip_bad_rows=True, problems=problems)
    assert [q.name for q in people] == ["В Г"]
    assert problems.skipped == 2
    assert "no letters" in str(problems.found[1])


def test_ragged_csv_row_is_located(tmp_path: Path) -> None:
    path = _file(tmp_path, "p.csv", "name,id\nА Б,1\nВ Г,2,extra\n")
    with pytest.raises(InputError, match=r"row 2 \(line 3\): has 3 cells but the header has 2 columns"):
        read_people(path)
