"""Bad input: one clear InputError each, never a traceback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tiescreen.errors import FetchError, InputError
from tiescreen.extract import extract_article, extract_text
from tiescreen.extract.source import read_source

Write = Callable[[str, str | bytes], Path]
ARTICLE = "<html><body><article><p>{}</p></article></body></html>"
TEXT_EN = "Olga Tsukanova, a member of the Council of Mothers and Wives, said the meeting had been staged by officials."


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("photo.html", b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG image"),
        ("report.html", b"%PDF-1.7\n" + bytes(200), "PDF"),
        ("blob.txt", bytes(range(256)) * 8, "binary"),
        ("empty.html", b"", "is empty"),
        ("blank.txt", b"   \n\n\t ", "is empty"),
    ],
)
def test_unreadable_files(write: Write, name: str, content: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as info:
        extract_article(write(name, content))
    assert "\n" not in str(info.value)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        extract_article(tmp_path / "nope.html")
    with pytest.raises(InputError, match="folder"):
        extract_article(tmp_path)


def test_fifty_megabyte_page_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024**2)  # sparse: costs no disk
    with pytest.raises(InputError, match="more than the 20 MB"):
        read_source(path)


def test_page_with_no_article(write: Write) -> None:
    page = "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><footer>© 2026</footer></body></html>"
    with pytest.raises(InputError, match="no article text"):
        extract_article(write("index.html", page))


def test_page_of_nothing_but_boilerplate(write: Write) -> None:
    page = ARTICLE.format("Support us monthly.</p><p>Payment methods: card</p><p>Remind me later</p><p>Share: Facebook")
    with pytest.raises(InputError, match="no article text"):
        extract_article(write("appeal.html", page))


def test_broken_html_still_gives_its_text(write: Write) -> None:
    page = "<html><body><div><p>" + TEXT_EN + "<p>Tsukanova said more.<div></span></body"
    article = extract_article(write("broken.html", page))
    assert "Olga Tsukanova" in article.text
    assert [p.name for p in article.people] == ["Olga Tsukanova"]


def test_markup_that_is_not_html_at_all(write: Write) -> None:
    with pytest.raises(InputError):
        extract_article(write("junk.html", "<<<<>>>><html><<<>>>"))


@pytest.mark.parametrize(
    "text",
    [
        "Die Bundesregierung hat am Freitag in Berlin neue Regeln für die Arbeit der Behörden beschlossen und vorgestellt.",
        "Президент України зустрівся з матерями військових у Києві, повідомляє його пресслужба і телеканал.",
        "北京时间周五，领导人会见了士兵的母亲们，并发表了讲话。",
    ],
)
def test_unknown_languages(write: Write, text: str) -> None:
    with pytest.raises(InputError, match="pass --lang ru or --lang en"):
        extract_article(write("other.txt", text))


def test_unsupported_forced_language() -> None:
    with pytest.raises(InputError, match="not supported"):
        extract_text(TEXT_EN, lang="de")


def test_offline_url_is_a_clear_fetch_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TIESCREEN_CACHE", str(tmp_path))
    with pytest.raises(FetchError, match="cannot download"):
        extract_article("http://127.0.0.1:9/article.html")


def test_cp1251_text_file_is_read(write: Write) -> None:
    text = "Пресс-секретарь Кремля Дмитрий Песков заявил журналистам, что встреча прошла в Ново-Огарёве."
    article = extract_article(write("cp1251.txt", text.encode("cp1251")))
    assert article.lang == "ru"
    assert [p.name for p in article.people] == ["Дмитрий Песков"]
