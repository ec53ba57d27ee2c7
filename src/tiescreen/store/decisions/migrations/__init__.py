"""Alembic migrations of the review store (run programmatically by ``migrate.upgrade``)."""
