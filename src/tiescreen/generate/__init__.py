"""Generated registries of Russian officials and query lists with known truth, of any size.

``python -m tiescreen.generate DIR --people 100000 --queries 10000`` writes
``registry.ftm.json``, ``queries.csv`` and ``truth.csv`` into DIR.
"""

from tiescreen.generate.registry import GeneratedPerson, iter_people, write_queries, write_registry

__all__ = ["GeneratedPerson", "iter_people", "write_queries", "write_registry"]
