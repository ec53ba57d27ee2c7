"""`screen --from-article`: everyone the article names is screened; roles become claims."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tiescreen.cli import cli
from tiescreen.extract import extract_text
from tiescreen.extract.screening import article_queries, with_claims
from tiescreen.model import PersonResult, TieKind

ARTICLE = (
    "Президент встретился с Олесей Шигиной, муниципальным депутатом округа Отрадное. "
    "Рядом сидела Ольга Цуканова, член Совета матерей и жён. Шигина рассказала о проблемах семей.\n"
)


def test_queries_leave_credits_out_and_carry_roles() -> None:
    article = extract_text(ARTICLE, lang="ru", credits=("Александр Щербак / ТАСС",), source="a.txt")
    queries = article_queries(article)
    assert [q.name for q in queries] == ["Олеся Шигина", "Ольга Цуканова"]
    assert queries[1].role == "член Совета матерей и жён"


def test_claims_alone_never_make_anyone_tied() -> None:
    article = extract_text(ARTICLE, lang="ru", source="https://example.org/news/1")
    results = with_claims([PersonResult(q, ()) for q in article_queries(article)], article)
    claim = results[1].claims[0]
    assert claim.kind == TieKind.CLAIMED and claim.confidence == "possible"
    assert claim.evidence == "Рядом сидела Ольга Цуканова, член Совета матерей и жён."
    assert claim.sources == ("https://example.org/news/1",)
    assert claim.body == "Совет матерей и жён"
    assert not results[1].tied and results[1].verdict == "no_tie_found"
    assert results[1].to_dict()["claims"][0]["kind"] == "claimed"


@pytest.mark.slow  # the screening run itself (store, index, name data) takes ~30 s here
def test_cli_screen_from_article(tmp_path: Path, peps: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE + "Фото: Александр Щербак / ТАСС\n", encoding="utf-8")
    db = tmp_path / "store.duckdb"
    args = ["screen", "--from-article", str(article), "-r", str(peps), "--db", str(db), "--format", "jsonl"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    by_name = {r["query"]["name"]: r for r in rows}
    assert set(by_name) == {"Олеся Шигина", "Ольга Цуканова"}  # the photographer is not screened
    assert by_name["Олеся Шигина"]["matches"][0]["entity_id"] == "p-1"
    assert by_name["Олеся Шигина"]["claims"][0]["role"] == "муниципальный депутат округа Отрадное"
    assert by_name["Ольга Цуканова"]["tied"] is False


def test_cli_screen_needs_people_or_an_article(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["screen", "-r", "x.json", "--db", str(tmp_path / "s.duckdb")])
    assert result.exit_code == 2
    assert "--from-article" in result.output
