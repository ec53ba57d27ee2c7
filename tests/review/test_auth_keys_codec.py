"""Passwords, API keys, decision keys, and reading stored results back."""

from __future__ import annotations

from pathlib import Path

import pytest

from tiescreen.errors import ConfigError
from tiescreen.model import RegistryEntity
from tiescreen.review.auth import hash_api_key, hash_password, new_api_key, verify_password
from tiescreen.review.codec import result_from_dict
from tiescreen.review.keys import entity_hash, query_key


def test_passwords_are_salted_scrypt_hashes() -> None:
    one, two = hash_password("correct horse"), hash_password("correct horse")
    assert one.startswith("scrypt$") and one != two and "correct" not in one
    assert verify_password("correct horse", one)
    assert not verify_password("correct horsf", one)
    assert not verify_password("anything", None)
    assert not verify_password("anything", "md5$abc")
    with pytest.raises(ConfigError):
        hash_password("short")


def test_api_keys_are_stored_as_hashes() -> None:
    key, digest = new_api_key()
    assert key.startswith("ts_") and digest == hash_api_key(key) and key not in digest
    assert new_api_key()[0] != key


def test_query_key_folds_case_spacing_and_yo() -> None:
    assert query_key("  ШИГИНА  Олёся\u200b ") == query_key("шигина олеся")
    assert query_key("Шигина Олеся") != query_key("Шигин Олеся")


def test_entity_hash_follows_content_not_order() -> None:
    a = RegistryEntity("p-1", "Person", "A", {"name": ("A", "B"), "birthDate": ("1970",)})
    b = RegistryEntity("p-1", "Person", "A", {"birthDate": ("1970",), "name": ("B", "A")})
    c = RegistryEntity("p-1", "Person", "A", {"name": ("A", "B"), "birthDate": ("1971",)})
    assert entity_hash(a) == entity_hash(b) != entity_hash(c)


def test_a_stored_result_reads_back_identically(peps: Path, attendees: Path, tmp_path: Path) -> None:
    from tiescreen.pipeline import screen

    result = screen(attendees, [peps], db=tmp_path / "r.duckdb")
    assert any(p.matches for p in result.people)
    assert result_from_dict(result.to_dict()).to_dict() == result.to_dict()
