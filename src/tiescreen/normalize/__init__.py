"""Normalisation: text cleaning, the shared Latin key space, name parsing, dates."""

from tiescreen.normalize.names import ParsedName, parse_name
from tiescreen.normalize.text import clean_text, fold_text
from tiescreen.normalize.translit import keys_for, readable_latin

__all__ = ["ParsedName", "clean_text", "fold_text", "keys_for", "parse_name", "readable_latin"]
