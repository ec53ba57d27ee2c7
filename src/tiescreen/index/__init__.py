"""Candidate generation: blocking keys for names, so a registry is never scanned pair by pair."""

from tiescreen.index.keys import entity_keys, name_keys, query_keys

__all__ = ["entity_keys", "name_keys", "query_keys"]
