"""How ``tiescreen serve`` runs: stores, sign-in mode and limits."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tiescreen.match.scorer import DEFAULT_THRESHOLD
from tiescreen.review.model import Role
from tiescreen.store.decisions import DEFAULT_REVIEW_DB
from tiescreen.store.registry import DEFAULT_DB


@dataclass(frozen=True, slots=True)
class ServeSettings:
    """Settings of the web app.

    Attributes:
        review_db: the review store, a SQLite file or a ``postgresql://`` URL.
        registry_db: the registry's DuckDB file (read-only here).
        trusted_header: when set, the user's name is read from this request header, which a
            reverse proxy sets after signing the user in (local accounts are then not used).
        header_role: the role of header users who have no account in the review store.
        anonymous_role: the role of visitors who did not sign in (None: must sign in).
        secret: the key that signs session cookies (default: one kept in the review store).
        secure_cookies: mark cookies Secure (serve behind HTTPS).
        max_upload: the largest accepted people list, in bytes.
    """

    review_db: str = DEFAULT_REVIEW_DB
    registry_db: Path = Path(DEFAULT_DB)
    trusted_header: str | None = None
    header_role: Role = Role.VIEWER
    anonymous_role: Role | None = None
    secret: str | None = None
    secure_cookies: bool = False
    threshold: float = DEFAULT_THRESHOLD
    limit: int = 10
    max_upload: int = 20 * 1024 * 1024
    page_size: int = 100
