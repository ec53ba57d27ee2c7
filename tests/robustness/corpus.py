"""A generated corpus of malformed and hostile input files.

:func:`build_corpus` returns :class:`Case` objects (bytes plus what the readers must make of
them); :func:`write_corpus` writes them into a folder. Nothing here is committed as data:
every file is made at test time from the rules below, deterministically (seeded).

Families of cases: wrong encodings (cp1251, KOI8-R, UTF-16 with and without a BOM), truncated
and invalid JSON, ragged CSV, quotes and embedded newlines, NUL bytes, very long lines, deep
JSON nesting, empty and header-only files, binary garbage, FtM with unknown schemata and
dangling references, impossible dates, hostile Unicode in names (combining marks only, bidi
overrides, zero-width joiners, homoglyph mixes, 100,000-character names), and partly bad
files whose good rows must be kept when bad rows are skipped.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Case", "build_corpus", "write_corpus"]

GOOD_NAMES = (
    "Шигина Олеся Владимировна",
    "Тас-оол Ирина Михайловна",
    "Olesya Shigina",
    "Иванов Пётр Сергеевич",
    "Агуева Марьям",
    "Belekhova Anna",
)

HOSTILE_NAMES: dict[str, str] = {
    "combining_only": "\u0301\u0308\u0327\u0300",
    "combining_stack": "\u0301" * 200,
    "rtl_override": "\u202eанигиШ\u202c Олеся",
    "rtl_isolate": "\u2067Шигина\u2069 \u2066Olesya\u2069",
    "zwj_inside": "Ши\u200dгина\u200d Оле\u200cся",
    "zero_width_space": "Ши\u200bгина\u00ad Олеся",
    "homoglyph_lat_in_cyr": "Шигинa Oлеся",  # Latin a and O
    "homoglyph_cyr_in_lat": "Оlеsуа Shigina",  # Cyrillic О, е, у, а
    "all_caps_mixed": "ШИГИНА OLESYA",
    "fullwidth": "Ｏｌｅｓｙａ Ｓｈｉｇｉｎａ",
    "bom_inside": "\ufeffШигина \ufeffОлеся",
    "controls": "Шиг\x07ина\x1b[31m Олеся",
    "emoji_only": "\U0001f600\U0001f600",
    "digits_only": "1234567",
    "punctuation_only": "-- ,, ..",
    "variation_selectors": "Ши\ufe0fгина",
    "surrogate_escape_text": "Шигина \\udc80",
    "mixed_scripts": "Шигина 王 Ολέσια",
    "long_100k": "Ш" * 100_000,
    "long_words_100k": " ".join(["Шигина"] * 14_286),
    "formula": '=HYPERLINK("http://x","Шигина")',
    "html": "<script>alert(1)</script> Шигина",
    "line_separator": "Шигина\u2028Олеся",
    "paragraph_separator": "Шигина\u2029Олеся",
    "tabs": "Шигина\tОлеся",
}

BAD_DATES = ("31.02.1970", "30.02.2000", "00.00.0000", "1970-13-01", "1970-02-30", "32.01.1999",
             "29.02.1900", "99/99/9999", "0001-01-01", "9999-12-31", "1970-1-1-1", "десятое мая",
             "1970-00", "1е10")  # fmt: skip

BAD_SCHEMATA = ("Persn", "", "person", "Thing\x00", "__proto__", "Person ", "PERSON", "Occupancy2")


@dataclass(frozen=True, slots=True)
class Case:
    """One corpus file and what the readers must make of it.

    Attributes:
        name: file name (its extension steers format detection, as a user's would).
        data: the bytes.
        family: the kind of hostility, for the figures.
        good: rows or entities that must survive ``skip_bad_rows=True`` (None: not asserted).
        bad_where: a location ("line 3", "row 2") the rejection must name, when one applies.
        encoding: the encoding the user would pass with ``--encoding`` (legacy encodings).
        huge: a multi-megabyte file (run through fewer readers in the default test run).
    """

    name: str
    data: bytes
    family: str
    good: int | None = None
    bad_where: str | None = None
    encoding: str | None = None
    huge: bool = False

    @property
    def good_reader(self) -> str:
        """The reader ``good`` counts for: ``"registry"`` (entities), ``"people"`` or ``"pairs"`` (rows)."""
        if self.name.startswith("pairs_"):
            return "pairs"
        if ".ftm." in self.name or self.name.startswith("ftm_") or self.name.endswith("_registry.csv"):
            return "registry"
        return "people"


def _csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def _jsonl(items: list[object]) -> str:
    return "".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items)


def _ftm_person(i: int, name: str) -> dict[str, object]:
    return {"id": f"p-{i}", "schema": "Person", "properties": {"name": [name]}}


def _ftm_registry(n: int = 4) -> list[dict[str, object]]:
    items: list[dict[str, object]] = [_ftm_person(i, GOOD_NAMES[i % len(GOOD_NAMES)]) for i in range(n)]
    items.append({"id": "body-1", "schema": "PublicBody", "properties": {"name": ["Администрация района"]}})
    items.append({"id": "pos-1", "schema": "Position", "properties": {"name": ["Депутат"], "organization": ["body-1"]}})
    items.append({"id": "occ-1", "schema": "Occupancy", "properties": {"holder": ["p-0"], "post": ["pos-1"]}})
    return items


def _names_as_formats(tag: str, name: str) -> Iterator[Case]:
    """One hostile name in each format, next to two good rows."""
    good = [GOOD_NAMES[0], GOOD_NAMES[2]]
    yield Case(f"{tag}.csv", _csv([["id", "name"], ["a", good[0]], ["b", name], ["c", good[1]]]).encode(), "names")
    yield Case(f"{tag}.txt", "\n".join([good[0], name, good[1]]).encode(), "names")
    yield Case(f"{tag}.jsonl", _jsonl([{"name": good[0]}, {"name": name}, {"name": good[1]}]).encode(), "names")
    items = [_ftm_person(1, good[0]), _ftm_person(2, name), _ftm_person(3, good[1])]
    yield Case(f"{tag}.ftm.json", _jsonl(items).encode(), "names")


def _hostile_names() -> Iterator[Case]:
    for tag, name in HOSTILE_NAMES.items():
        yield from _names_as_formats(f"name_{tag}", name)
    rng = random.Random(11)
    alphabet = "ШигнаОлесяabcdeo\u0301\u200b\u202e\u200d\u00ad -,.'\t"
    for i in range(20):
        name = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))
        yield from _names_as_formats(f"name_random_{i:02d}", name)


def _encodings() -> Iterator[Case]:
    text_csv = _csv([["id", "name", "region"], *[[str(i), n, "Москва"] for i, n in enumerate(GOOD_NAMES, 1)]])
    text_txt = "\n".join(GOOD_NAMES) + "\n"
    text_ftm = _jsonl(_ftm_registry())
    n_ftm = len(_ftm_registry())
    for fmt, text, good in (("csv", text_csv, 6), ("txt", text_txt, 6), ("ftm.json", text_ftm, n_ftm)):
        for enc in ("cp1251", "koi8-r"):
            # Unnamed: the readers must refuse with a hint; named: they must read every row.
            yield Case(f"enc_{enc}_unnamed.{fmt}", text.replace("ё", "е").encode(enc), "encoding")
            yield Case(f"enc_{enc}_named.{fmt}", text.replace("ё", "е").encode(enc), "encoding", good, encoding=enc)
        for enc, bom in (("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)):
            yield Case(f"enc_{enc}_bom.{fmt}", bom + text.encode(enc), "encoding", good)
            yield Case(f"enc_{enc}_nobom.{fmt}", text.encode(enc), "encoding", good)
        yield Case(f"enc_utf8_bom.{fmt}", codecs.BOM_UTF8 + text.encode(), "encoding", good)
        yield Case(f"enc_utf16_odd_length.{fmt}", codecs.BOM_UTF16_LE + text.encode("utf-16-le")[:-1], "encoding")
        yield Case(f"enc_latin1.{fmt}", text.replace("Ш", "S").encode("utf-8").replace(b"\xd0", b"\xe9"), "encoding")
        yield Case(f"enc_utf8_cut_char.{fmt}", text.encode()[:-2] + b"\xd0", "encoding")
        yield Case(f"enc_cesu_surrogate.{fmt}", text.encode() + b"\xed\xa0\x80\n", "encoding")
        yield Case(f"enc_wrong_named.{fmt}", text.encode("utf-16-le"), "encoding", encoding="ascii")
        yield Case(f"enc_unknown_codec.{fmt}", text.encode(), "encoding", encoding="no-such-codec")


def _json_breakage() -> Iterator[Case]:
    full = _jsonl(_ftm_registry(6)).encode()
    rng = random.Random(3)
    cuts = sorted(rng.sample(range(1, len(full) - 1), 30))
    for cut in cuts:
        yield Case(f"json_truncated_{cut:05d}.ftm.json", full[:cut], "json")
        yield Case(f"json_truncated_{cut:05d}.jsonl", full[:cut].replace(b'"schema"', b'"kind"'), "json")
    array = json.dumps([{"name": n} for n in GOOD_NAMES], ensure_ascii=False).encode()
    for cut in (1, 10, len(array) // 2, len(array) - 1):
        yield Case(f"json_array_truncated_{cut}.json", array[:cut], "json")
    invalid = {
        "trailing_comma": '{"name": "Шигина",}',
        "single_quotes": "{'name': 'Шигина'}",
        "unquoted_key": '{name: "Шигина"}',
        "nan": '{"name": NaN}',
        "infinity": '{"name": "Шигина", "id": Infinity}',
        "bare_string": '"Шигина"',
        "bare_number": "12345",
        "null": "null",
        "list_line": '["Шигина", "Олеся"]',
        "nested_name": '{"name": {"first": "Олеся"}}',
        "name_list": '{"name": ["Шигина", "Олеся"]}',
        "name_number": '{"name": 42}',
        "name_null": '{"name": null}',
        "duplicate_keys": '{"name": "Шигина", "name": "Иванов"}',
        "huge_number": '{"name": "Шигина", "id": 1' + "0" * 5000 + "}",
        "lone_surrogate": '{"name": "\\ud800 Шигина"}',
        "escaped_nul": '{"name": "Ши\\u0000гина"}',
        "control_in_string": '{"name": "Ши\x01гина"}',
        "comment": '// people\n{"name": "Шигина"}',
        "concatenated": '{"name": "Шигина"}{"name": "Иванов"}',
    }
    for tag, line in invalid.items():
        body = f'{{"name": "{GOOD_NAMES[2]}"}}\n{line}\n{{"name": "{GOOD_NAMES[3]}"}}\n'
        yield Case(f"json_invalid_{tag}.jsonl", body.encode(), "json")
        ftm = line.replace('"name"', '"id": "x-1", "schema": "Person", "properties": {"name": []}, "n"')
        body = _jsonl([_ftm_person(1, GOOD_NAMES[0])]) + ftm + "\n" + _jsonl([_ftm_person(2, GOOD_NAMES[1])])
        yield Case(f"json_invalid_{tag}.ftm.json", body.encode(), "json")


def _deep_json() -> Iterator[Case]:
    for depth in (100, 1_000, 10_000, 100_000):
        arrays = "[" * depth + "]" * depth
        objects = '{"a":' * depth + "1" + "}" * depth
        yield Case(f"deep_array_{depth}.jsonl", f'{{"name": "Шигина", "x": {arrays}}}\n'.encode(), "deep")
        yield Case(
            f"deep_object_{depth}.ftm.json", f'{{"id": "p", "schema": "Person", "x": {objects}}}\n'.encode(), "deep"
        )
        yield Case(f"deep_array_{depth}.json", arrays.encode(), "deep")
        yield Case(f"deep_unclosed_{depth}.jsonl", ("[" * depth).encode(), "deep")


def _csv_breakage() -> Iterator[Case]:
    header = "id,name,birth_date\n"
    rows = {
        "ragged_long": ("1,Шигина Олеся,\n2,Иванов,1970-01-01,extra,more\n3,Olesya Shigina,\n", 2, "row 2"),
        "ragged_short": ("1,Шигина Олеся\n2\n3,Olesya Shigina,1975\n", 2, None),
        "unclosed_quote": ('1,"Шигина Олеся,\n2,Иванов,\n', None, None),
        "quote_in_middle": ('1,Ши"гина,\n2,"Ива""нов",\n', 2, None),
        "embedded_newline": ('1,"Шигина\nОлеся",\n2,"Olesya\r\nShigina",\n3,Иванов,\n', 3, None),
        "embedded_cr": ('1,"Шигина\rОлеся",\n2,Иванов,\n', 2, None),
        "quoted_delimiters": ('1,"Шигина, Олеся; Владимировна",\n2,"a,b,c",\n', 2, None),
        "semicolon_delim": None,
        "tab_delim": None,
        "blank_lines": ("\n\n1,Шигина Олеся,\n\n\n2,Иванов,\n\n", 2, None),
        "crlf": ("1,Шигина Олеся,\r\n2,Иванов,\r\n", 2, None),
        "cr_only": ("1,Шигина Олеся,\r2,Иванов,\r", None, None),
        "bad_date_row": ("1,Шигина Олеся,31.02.1970\n2,Иванов,1970-01-01\n", 1, "row 1"),
        "only_delims": (",,,\n,,\n", None, None),
        "empty_name_rows": ("1,,\n2, ,\n3,Иванов,\n", 1, "row 1"),
        "escape_backslash": ('1,"Шигина \\" Олеся",\n2,Иванов,\n', None, None),
    }
    for tag, spec in rows.items():
        if spec is None:
            continue
        body, good, where = spec
        yield Case(f"csv_{tag}.csv", (header + body).encode(), "csv", good, where)
    yield Case("csv_semicolon.csv", "id;name\n1;Шигина Олеся\n2;Иванов Пётр\n".encode(), "csv", 2)
    yield Case("csv_tab.tsv", "id\tname\n1\tШигина Олеся\n2\tИванов Пётр\n".encode(), "csv", 2)
    yield Case("csv_no_name_column.csv", "id,fio\n1,Шигина\n".encode(), "csv")
    yield Case("csv_duplicate_header.csv", "name,name\nШигина,Иванов\n".encode(), "csv")
    yield Case("csv_empty_header.csv", ",,\nШигина,Иванов,\n".encode(), "csv")
    yield Case("csv_header_bom_twice.csv", "\ufeff\ufeffname\nШигина Олеся\n".encode(), "csv")
    wide = ",".join(f"c{i}" for i in range(5000)) + ",name\n" + ",".join("x" * 5000) + ",Шигина\n"
    yield Case("csv_5000_columns.csv", wide.encode(), "csv")
    rng = random.Random(5)
    for i in range(20):
        cells = ['"', ",", "\n", "\r", "Шигина", "Olesya", '""', ";", "\t", "a"]
        body = "".join(rng.choice(cells) for _ in range(rng.randint(5, 200)))
        yield Case(f"csv_random_{i:02d}.csv", ("name,id\n" + body).encode(), "csv")


def _nul_bytes() -> Iterator[Case]:
    base = _csv([["id", "name"], ["1", GOOD_NAMES[0]], ["2", GOOD_NAMES[1]], ["3", GOOD_NAMES[2]]])
    lines = "\n".join(GOOD_NAMES[:3]) + "\n"
    ftm = _jsonl([_ftm_person(i, n) for i, n in enumerate(GOOD_NAMES[:3])])
    for fmt, text in (
        ("csv", base),
        ("txt", lines),
        ("ftm.json", ftm),
        ("jsonl", _jsonl([{"name": n} for n in GOOD_NAMES[:3]])),
    ):
        data = text.encode()
        second = data.index(b"\n", data.index(b"\n") + 1 if fmt == "csv" else 0) + 3
        yield Case(f"nul_in_row.{fmt}", data[:second] + b"\x00" + data[second:], "nul", 2)
        yield Case(f"nul_leading.{fmt}", b"\x00" + data, "nul")
        yield Case(f"nul_trailing.{fmt}", data + b"\x00", "nul")
        yield Case(f"nul_many.{fmt}", data.replace(b"\n", b"\x00\n"), "nul")
        yield Case(f"nul_only.{fmt}", b"\x00" * 4096, "nul")


def _binary() -> Iterator[Case]:
    rng = random.Random(17)
    magic = {"png": b"\x89PNG\r\n\x1a\n", "zip": b"PK\x03\x04", "gzip": b"\x1f\x8b\x08", "pdf": b"%PDF-1.7\n",
             "xlsx": b"PK\x03\x04\x14\x00\x06\x00", "elf": b"\x7fELF\x02\x01\x01"}  # fmt: skip
    exts = ("csv", "txt", "jsonl", "ftm.json", "json")
    for i in range(40):
        size = rng.choice((1, 3, 17, 512, 4096, 70_000))
        blob = bytes(rng.getrandbits(8) for _ in range(size))
        yield Case(f"binary_random_{i:02d}.{exts[i % len(exts)]}", blob, "binary")
    for tag, head in magic.items():
        for ext in ("csv", "ftm.json"):
            blob = head + bytes(rng.getrandbits(8) for _ in range(2000))
            yield Case(f"binary_{tag}.{ext}", blob, "binary")
    yield Case("binary_high_ascii.txt", bytes(range(128, 256)) * 8, "binary")
    yield Case("binary_all_bytes.csv", bytes(range(256)) * 8, "binary")


def _empty() -> Iterator[Case]:
    bodies = {"zero": b"", "space": b" ", "newlines": b"\n\n\n", "crlf": b"\r\n\r\n", "bom": codecs.BOM_UTF8,
              "bom16": codecs.BOM_UTF16_LE, "tabs": b"\t\t\n", "nbsp": "\u00a0\u00a0\n".encode(),
              "zwsp": "\u200b\n".encode(), "comment": b"# nothing here\n"}  # fmt: skip
    for tag, data in bodies.items():
        for ext in ("csv", "txt", "jsonl", "ftm.json", "json"):
            yield Case(f"empty_{tag}.{ext}", data, "empty")
    for header in ("id,name,birth_date", "name", "name;region", "id\tname", "name1,name2", "\ufeffname"):
        tag = header.replace(",", "_").replace(";", "_").replace("\t", "_").replace("\ufeff", "bom_")
        yield Case(f"header_only_{tag}.csv", (header + "\n").encode(), "empty")
        yield Case(f"header_only_{tag}_nonl.csv", header.encode(), "empty")
    yield Case("empty_array.json", b"[]", "empty")
    yield Case("empty_object.jsonl", b"{}\n", "empty")
    yield Case("empty_objects.ftm.json", b"{}\n{}\n", "empty")


def _ftm_breakage() -> Iterator[Case]:
    good = [_ftm_person(1, GOOD_NAMES[0]), _ftm_person(2, GOOD_NAMES[1])]
    for i, schema in enumerate(BAD_SCHEMATA):
        bad = {"id": f"x-{i}", "schema": schema, "properties": {"name": ["Шигина"]}}
        yield Case(f"ftm_unknown_schema_{i}.ftm.json", _jsonl([*good, bad]).encode(), "ftm", 2, "line 3")
    dangling = {
        "occupancy_holder": {"id": "o-1", "schema": "Occupancy", "properties": {"holder": ["p-404"], "post": ["p-1"]}},
        "membership_org": {
            "id": "m-1",
            "schema": "Membership",
            "properties": {"member": ["p-1"], "organization": ["org-404"]},
        },
        "family_relative": {"id": "f-1", "schema": "Family", "properties": {"person": ["p-1"], "relative": ["p-404"]}},
        "position_org": {
            "id": "pos-9",
            "schema": "Position",
            "properties": {"name": ["Депутат"], "organization": ["nowhere"]},
        },
        "employment_both": {"id": "e-1", "schema": "Employment", "properties": {"employee": ["a"], "employer": ["b"]}},
        "self_reference": {"id": "u-1", "schema": "UnknownLink", "properties": {"subject": ["u-1"], "object": ["u-2"]}},
    }
    for tag, entity in dangling.items():
        yield Case(f"ftm_dangling_{tag}.ftm.json", _jsonl([*good, entity]).encode(), "ftm", 2, "line 3")
    odd = {
        "no_id": {"schema": "Person", "properties": {"name": ["Шигина"]}},
        "id_number": {"id": 42, "schema": "Person", "properties": {"name": ["Шигина"]}},
        "id_empty": {"id": "", "schema": "Person", "properties": {"name": ["Шигина"]}},
        "schema_list": {"id": "x", "schema": ["Person"], "properties": {}},
        "props_list": {"id": "x", "schema": "Person", "properties": ["name", "Шигина"]},
        "props_string": {"id": "x", "schema": "Person", "properties": "Шигина"},
        "array_item": ["Person", "x"],
    }
    for tag, entity in odd.items():
        yield Case(f"ftm_{tag}.ftm.json", _jsonl([*good, entity]).encode(), "ftm", 2, "line 3")
    strange_props = {
        "unknown_prop": {"id": "x", "schema": "Person", "properties": {"shoeSize": ["42"], "name": ["Иванов"]}},
        "prop_not_list": {"id": "x", "schema": "Person", "properties": {"name": "Иванов"}},
        "prop_nested": {"id": "x", "schema": "Person", "properties": {"name": [["Иванов"]], "alias": [{"a": 1}]}},
        "prop_null": {"id": "x", "schema": "Person", "properties": {"name": None}},
        "prop_number": {"id": "x", "schema": "Person", "properties": {"name": [1.5e308, -0.0, 10**30]}},
        "caption_object": {"id": "x", "schema": "Person", "caption": {"x": 1}, "properties": {"name": ["Иванов"]}},
        "bad_birthdate": {
            "id": "x",
            "schema": "Person",
            "properties": {"name": ["Иванов"], "birthDate": ["31.02.1970"]},
        },
        "empty_props": {"id": "x", "schema": "Person", "properties": {}},
        "duplicate_id": {"id": "p-1", "schema": "Person", "properties": {"name": ["Другое Имя"]}},
    }
    for tag, entity in strange_props.items():
        yield Case(f"ftm_{tag}.ftm.json", _jsonl([*good, entity]).encode(), "ftm", 3)
    cycle = [
        {"id": "f-a", "schema": "Family", "properties": {"person": ["p-1"], "relative": ["p-2"]}},
        {"id": "f-b", "schema": "Family", "properties": {"person": ["p-2"], "relative": ["p-1"]}},
    ]
    yield Case("ftm_family_cycle.ftm.json", _jsonl([*good, *cycle]).encode(), "ftm", 4)
    yield Case("ftm_array_form.json", json.dumps([*good], ensure_ascii=False).encode(), "ftm", 2)
    yield Case("ftm_array_truncated.json", json.dumps([*good], ensure_ascii=False).encode()[:-5], "ftm")


def _dates() -> Iterator[Case]:
    for i, date in enumerate(BAD_DATES):
        rows = [["id", "name", "birth_date"], ["1", GOOD_NAMES[0], "1975-04-02"], ["2", GOOD_NAMES[3], date]]
        yield Case(f"date_{i:02d}_people.csv", _csv(rows).encode(), "dates", 1, "row 2")
        reg = [["name", "position", "body", "start"], [GOOD_NAMES[0], "Депутат", "Совет", "2017"],
               [GOOD_NAMES[3], "Депутат", "Совет", date]]  # fmt: skip
        yield Case(f"date_{i:02d}_registry.csv", _csv(reg).encode(), "dates", 4, "row 2")
        person = {"id": "p-9", "schema": "Person", "properties": {"name": [GOOD_NAMES[3]], "birthDate": [date]}}
        yield Case(f"date_{i:02d}.ftm.json", _jsonl([_ftm_person(1, GOOD_NAMES[0]), person]).encode(), "dates", 2)


def _partly_bad() -> Iterator[Case]:
    """Files with many good rows and some bad ones; ``good`` is the exact count to keep."""
    rng = random.Random(23)
    for i in range(20):
        n = rng.randint(5, 60)
        bad_rows = set(rng.sample(range(n), rng.randint(1, max(1, n // 4))))
        rows = [["id", "name", "birth_date"]]
        for r in range(n):
            name = GOOD_NAMES[r % len(GOOD_NAMES)]
            if r in bad_rows:
                kind = rng.choice(("date", "noname", "nul", "ragged"))
                row = {
                    "date": [f"r{r}", name, "31.02.1970"],
                    "noname": [f"r{r}", "\u200b\u0301", ""],
                    "nul": [f"r{r}", name + "\x00", ""],
                    "ragged": [f"r{r}", name, "", "x", "y"],
                }[kind]
            else:
                row = [f"r{r}", name, ""]
            rows.append(row)
        yield Case(f"partly_bad_{i:02d}.csv", _csv(rows).encode(), "partly_bad", n - len(bad_rows))
        items: list[object] = []
        for r in range(n):
            if r in bad_rows:
                items.append(rng.choice(([1, 2], "text", {"id": f"x{r}", "schema": "Nope"}, {"schema": "Person"})))
            else:
                items.append(_ftm_person(r, GOOD_NAMES[r % len(GOOD_NAMES)]))
        body = _jsonl(items)
        if i % 3 == 0:
            lines = body.splitlines(keepends=True)
            body = "".join(line if j not in bad_rows else line[: len(line) // 2] + "\n" for j, line in enumerate(lines))
        yield Case(f"partly_bad_{i:02d}.ftm.json", body.encode(), "partly_bad", n - len(bad_rows))


def _pairs() -> Iterator[Case]:
    """``name1,name2`` files for ``score-pairs``: hostile names on either side, broken rows."""
    for tag, name in HOSTILE_NAMES.items():
        rows = [["name1", "name2", "note"], [GOOD_NAMES[0], name, tag], [name, GOOD_NAMES[2], tag]]
        if len(name) < 1000:  # two 100,000-character names: see test_scorer_long_names in test_corpus.py
            rows.append([name, name, tag])
        yield Case(f"pairs_{tag}.csv", _csv(rows).encode(), "pairs", len(rows) - 1)
    yield Case("pairs_ragged.csv", "name1,name2\nШигина,Shigina\nа,б,в\nИванов,Ivanov\n".encode(), "pairs", 2, "row 2")
    yield Case("pairs_missing_column.csv", "name1,other\nШигина,Shigina\n".encode(), "pairs")
    yield Case("pairs_short_rows.csv", "name1,name2\nШигина\n,\n\n".encode(), "pairs", 1)
    yield Case("pairs_score_column.csv", b"name1,name2,score,match\n=1+1,@SUM(A1),-1,+1\n", "pairs", 1)


def _huge() -> Iterator[Case]:
    ten_mb = 10 * 1024 * 1024
    yield Case("huge_line.txt", ("Ш" * (ten_mb // 2)).encode(), "huge", huge=True)
    yield Case("huge_cell.csv", ("name\n" + "a" * ten_mb + "\nШигина Олеся\n").encode(), "huge", 1, huge=True)
    yield Case("huge_json_line.jsonl", (json.dumps({"name": "b" * ten_mb}) + "\n").encode(), "huge", huge=True)
    big = json.dumps(_ftm_person(1, "Шигина " + "c" * ten_mb), ensure_ascii=False)
    yield Case("huge_entity.ftm.json", big.encode(), "huge", huge=True)
    yield Case("huge_no_newline.csv", b"name," + b"x," * (ten_mb // 2), "huge", huge=True)


FAMILIES = (_hostile_names, _encodings, _json_breakage, _deep_json, _csv_breakage, _nul_bytes, _binary, _empty,
            _ftm_breakage, _dates, _partly_bad, _pairs, _huge)  # fmt: skip


def build_corpus(include_huge: bool = True) -> list[Case]:
    """Every corpus case, in a stable order. File names are unique."""
    cases = [c for family in FAMILIES for c in family() if include_huge or not c.huge]
    names = [c.name for c in cases]
    assert len(names) == len(set(names)), "corpus file names must be unique"
    return cases


def write_corpus(folder: Path, include_huge: bool = True) -> list[tuple[Case, Path]]:
    """Write the corpus into ``folder``; returns each case with its path."""
    folder.mkdir(parents=True, exist_ok=True)
    out: list[tuple[Case, Path]] = []
    for case in build_corpus(include_huge):
        path = folder / case.name
        path.write_bytes(case.data)
        out.append((case, path))
    return out
