"""``tiescreen extract``."""

from __future__ import annotations

import json

import click

from tiescreen.cli.common import say, write_output


@click.command("extract")
@click.argument("article", metavar="ARTICLE")
@click.option(
    "--lang",
    type=click.Choice(["ru", "en"]),
    default=None,
    help="The article's language (default: detected from the text).",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="A readable summary, or the JSON contract (people, organizations, unnamed_roles, text).",
)
@click.option("-o", "--output", default=None, help="Write to this file instead of standard output.")
def command(article: str, lang: str | None, fmt: str, output: str | None) -> None:
    """Read ARTICLE (HTML file, text file, URL, or - for stdin): who it names, in what role, who is a credit."""
    from tiescreen.extract import extract_article
    from tiescreen.extract.summary import summary

    result = extract_article(article, lang=lang)
    named = sum(1 for p in result.people if not p.is_credit)
    credits = len(result.people) - named
    orgs = sum(1 for o in result.organizations if not o.is_credit)
    say(f"{article}: {named} people named, {credits} credits, {orgs} organisations")
    text = json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n" if fmt == "json" else summary(result)
    write_output(text, output)
