"""The HTML report: event statistics in words, graphs as inline SVG, safe links and names."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from tests.report.fake import EVIL, URL, fake_result
from tiescreen.report import render
from tiescreen.report.graph import person_graph


def _soup() -> BeautifulSoup:
    return BeautifulSoup(render(fake_result(), "html"), "html.parser")


def test_event_statistics_are_stated_in_words_with_a_chart():
    soup = _soup()
    event = soup.select_one("section.event")
    assert event is not None
    text = event.get_text(" ")
    # 5 screened, 1 with a confirmed tie of her own (the mother and the claim count apart)
    assert "1 of 5 with confirmed ties when 1 in 20 adults has one" in text
    assert "1 more with only a family tie" in text
    assert "Clopper-Pearson" in text
    assert len(event.select("svg.chart")) == 2
    assert event.select_one("svg.chart").get_text().count("here: 1") == 1


def test_every_person_with_ties_gets_a_graph_with_its_nodes():
    soup = _soup()
    cards = soup.select("article.card")
    assert [bool(c.select_one("svg.graph")) for c in cards] == [True, True, True, False, True]
    graph = cards[0].select_one("svg.graph").get_text(" ")
    for label in ("Natalia Bakhilina", "Бахилина Наталья Игоревна", "Депутат", "ruling party"):
        assert label in graph
    relative = cards[1].select_one("svg.graph").get_text(" ")
    assert "Уваров Д." in relative and "mother of Уваров Д." in relative


def test_graph_edges_are_dashed_for_ended_and_possible_ties():
    svg = str(person_graph(fake_result().people[0]))
    assert svg.count('stroke-dasharray="5 4"') == 2  # role and body edges of the former office only
    namesake = str(person_graph(fake_result().people[2]))
    assert 'stroke-dasharray="5 4"' in namesake


def test_conflicts_are_shown():
    card = _soup().select("article.card")[2]
    box = card.select_one(".conflict")
    assert box is not None and "Ярославская область" in box.get_text()


def test_sources_link_only_http_and_nothing_runs():
    html = render(fake_result(), "html")
    soup = BeautifulSoup(html, "html.parser")
    hrefs = [a["href"] for a in soup.select("a[href]")]
    assert hrefs and all(h.startswith(("http://", "https://")) for h in hrefs)
    assert URL + "p-1" in hrefs
    assert "officials#17" in soup.get_text()  # non-URL sources are shown as text
    assert EVIL not in html
    assert not soup.select("script")
    assert not re.search(r"\son\w+=", html)  # no event handler attributes anywhere
    csp = soup.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
    assert "default-src 'none'" in csp


def test_tie_kinds_and_time_in_words():
    text = _soup().get_text(" ")
    assert "party candidate (not a member)" in text
    assert "(not the ruling party)" in text
    assert "from 2006-01-01" in text and "until 2011-09-30" in text
    assert "their office" in text


def test_claims_render_with_their_sentence_and_stay_unconfirmed():
    card = _soup().select("article.card")[4]
    text = card.get_text(" ")
    assert "claimed in reporting" in text
    assert "“Ирина Петрова, член Общественной палаты Тверской области, рассказала…”" in text
    assert "not a finding until a registry confirms it" in text
    assert card.select_one('a[href="https://news.example.org/article"]') is not None
    assert "No tie found in the registries screened." in text


def test_a_claim_alone_is_named_in_the_verdict_but_is_no_tie():
    person = fake_result().people[4]
    assert not person.tied
    card = _soup().select("article.card")[4]
    assert (
        card.select_one(".verdict").get_text()
        == "No tie found in the registries screened; a role is claimed in reporting"
    )
