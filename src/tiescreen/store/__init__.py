"""Storage: the only package that talks to a database."""

from tiescreen.store.registry import DEFAULT_DB, RegistryStore, open_store

__all__ = ["DEFAULT_DB", "RegistryStore", "open_store"]
