"""Engines that screen many people at once: embedded (local cores) and Spark.

``local`` runs in this process and its forked workers against the embedded store; ``spark``
(``pip install 'tiescreen[spark]'``) runs the same planning, blocking and scoring code as
Spark jobs over Parquet files. Spark is imported only when it is used.
"""

from __future__ import annotations

from typing import Any

from tiescreen.errors import ConfigError

__all__ = ["ENGINES", "require_spark"]

ENGINES = ("local", "spark")


def require_spark() -> Any:
    """Import pyspark, or explain how to install it."""
    try:
        import pyspark
    except ImportError:
        raise ConfigError("the spark engine needs pyspark: install it with pip install 'tiescreen[spark]'") from None
    return pyspark


def __getattr__(name: str) -> Any:
    if name == "spark":
        require_spark()
        import importlib

        return importlib.import_module("tiescreen.engine.spark")
    raise AttributeError(f"module 'tiescreen.engine' has no attribute {name!r}")
