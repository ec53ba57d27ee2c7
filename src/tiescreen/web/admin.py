"""The admin page: local accounts, roles and API keys."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from tiescreen.errors import InputError
from tiescreen.review.auth import hash_password, new_api_key
from tiescreen.review.model import Role
from tiescreen.web.render import flash, page
from tiescreen.web.security import check_csrf, needs
from tiescreen.web.views import service

router = APIRouter(include_in_schema=False)


def parse_role(value: str) -> Role:
    try:
        return Role(value.strip().lower())
    except ValueError:
        raise InputError.single("role", "", f"{value!r} is not one of viewer, reviewer, admin") from None


@router.get("/admin")
def admin_page(request: Request) -> Response:
    needs(request, Role.ADMIN)
    store = service(request).store
    return page(request, "admin.html.j2", {"users": store.users(), "keys": store.api_keys(), "roles": list(Role)})


@router.post("/admin/users")
def save_user(
    request: Request,
    name: Annotated[str, Form(max_length=128)],
    role: Annotated[str, Form(max_length=16)],
    password: Annotated[str, Form(max_length=1024)] = "",
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf_token)
    admin = needs(request, Role.ADMIN)
    store = service(request).store
    name, chosen = name.strip(), parse_role(role)
    if not name or len(name) > 128:
        raise InputError.single("name", "", "a user name needs 1 to 128 characters")
    digest = hash_password(password) if password else None
    if store.user(name) is None:
        store.add_user(name, chosen, digest, by=admin.name)
        flash(request, f"Added {name} ({chosen}).")
    else:
        store.set_user(name, role=chosen, password_hash=digest)
        flash(request, f"Updated {name} ({chosen}).")
    return RedirectResponse("/admin", status_code=303)


@router.post("/admin/keys")
def create_key(
    request: Request,
    user_name: Annotated[str, Form(max_length=128)],
    label: Annotated[str, Form(max_length=500)] = "",
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf_token)
    admin = needs(request, Role.ADMIN)
    store = service(request).store
    if store.user(user_name) is None:
        raise InputError.single("user", "", f"no user {user_name!r}; add the account first")
    key, digest = new_api_key()
    store.add_api_key(digest, user_name, label.strip() or None, admin.name)
    context = {"users": store.users(), "keys": store.api_keys(), "roles": list(Role), "new_key": key}
    return page(request, "admin.html.j2", context)


@router.post("/admin/keys/revoke")
def revoke_key(request: Request, key_hash: Annotated[str, Form()], csrf_token: Annotated[str, Form()] = "") -> Response:
    check_csrf(request, csrf_token)
    needs(request, Role.ADMIN)
    service(request).store.revoke_api_key(key_hash)
    flash(request, "Key revoked.")
    return RedirectResponse("/admin", status_code=303)
