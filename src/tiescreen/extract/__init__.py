"""Article extraction: who a news page or transcript names, in what role, who is a credit.

>>> from tiescreen.extract import extract_article  # doctest: +SKIP
>>> extract_article("report.html").to_dict()["people"][0]["name"]  # doctest: +SKIP
'Олеся Шигина'
"""

from tiescreen.extract.article import extract_article, extract_text, remove_boilerplate
from tiescreen.extract.model import Article, ExtractedOrg, ExtractedPerson, RoleStatement

__all__ = [
    "Article",
    "ExtractedOrg",
    "ExtractedPerson",
    "RoleStatement",
    "extract_article",
    "extract_text",
    "remove_boilerplate",
]
