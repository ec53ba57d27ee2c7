"""The review app driven in Debian's chromium (Playwright): screen the demo, open a candidate,
confirm with the keyboard, undo, reload, see it kept, export.

Run with ``pytest -m browser tests/web``. Skips when chromium or Playwright is absent (no
``playwright install``: it uses /usr/bin/chromium). Set TIESCREEN_SCREENSHOT=docs/review.png
to save a screenshot of the review page.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser
CHROMIUM = os.environ.get("TIESCREEN_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path, password_hash: str) -> Iterator[tuple[str, Path]]:
    import uvicorn

    from tiescreen.demo import write_demo
    from tiescreen.ingest import ingest_registry
    from tiescreen.review.model import Role
    from tiescreen.store.decisions import DecisionStore
    from tiescreen.store.registry import open_store
    from tiescreen.web import ServeSettings, create_app

    files = write_demo(tmp_path / "demo")
    registry_db = tmp_path / "registry.duckdb"
    with open_store(registry_db) as registry:
        ingest_registry(registry, files.registry)
    store = DecisionStore.open(tmp_path / "review.sqlite")
    store.add_user("ann", Role.ADMIN, password_hash)
    app = create_app(ServeSettings(review_db=str(tmp_path / "review.sqlite"), registry_db=registry_db), store)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", files.people
    srv.should_exit = True
    thread.join(10)
    store.close()


@pytest.fixture
def page() -> Iterator[Any]:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip(f"chromium is not installed ({CHROMIUM}); apt-get install chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
        yield context.new_page()
        context.close()
        browser.close()


def _open_run(page: Any, base: str, people: Path) -> None:
    page.goto(f"{base}/login")
    page.fill("input[name=name]", "ann")
    page.fill("input[name=password]", "correct horse battery")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")
    page.set_input_files("input[name=people]", str(people))
    page.fill("input[name=title]", "Meeting with mothers (fictional demo)")
    page.click("form.upload button[type=submit]")
    page.wait_for_url(f"{base}/review/*")
    for _ in range(360):  # the run is screened in the background (the first one loads name data)
        if page.locator("article.cand").count():
            return
        time.sleep(0.5)
        page.reload(timeout=60_000)
    raise AssertionError("the run did not finish: " + page.inner_text("main"))


def test_review_with_the_keyboard_undo_reload_export(server: tuple[str, Path], page: Any, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    base, people = server
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    _open_run(page, base, people)

    page.keyboard.press("j")
    card = page.locator("article.cand.focused")
    person, entity = card.get_attribute("data-person"), card.get_attribute("data-entity")
    selector = f'article.cand[data-person="{person}"][data-entity="{entity}"]'
    badge = page.locator(f"{selector} .badge")
    page.keyboard.press("y")
    expect(badge).to_have_text("Confirmed", timeout=30_000)
    page.keyboard.press("z")
    expect(badge).to_have_text("Undecided", timeout=30_000)
    page.keyboard.press("j")
    page.keyboard.press("k")
    page.keyboard.press("y")
    expect(badge).to_have_text("Confirmed", timeout=30_000)

    page.reload()
    assert page.inner_text(f"{selector} .badge") == "Confirmed"
    assert "status-confirm" in (page.get_attribute(selector, "class") or "")
    assert "ann" in page.inner_text(f"{selector} .state")
    if os.environ.get("TIESCREEN_SCREENSHOT"):
        page.keyboard.press("j")
        clip = {"x": 0, "y": 0, "width": 1280, "height": 1560}
        page.screenshot(path=os.environ["TIESCREEN_SCREENSHOT"], full_page=True, clip=clip)

    with page.expect_download() as download:
        page.click(".downloads a:text-is('json')")
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    [decision] = data["run"]["review"]["decisions"]
    assert (decision["entity_id"], decision["status"], decision["user"]) == (entity, "confirm", "ann")
    assert not errors, errors


def test_a_colleagues_decision_made_meanwhile_is_shown_not_overwritten(
    server: tuple[str, Path], page: Any, tmp_path: Path
) -> None:
    import httpx
    from playwright.sync_api import expect

    from tiescreen.review.auth import new_api_key
    from tiescreen.review.model import Role
    from tiescreen.store.decisions import DecisionStore

    base, people = server
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    _open_run(page, base, people)
    page.keyboard.press("j")
    card = page.locator("article.cand.focused")
    person, entity = card.get_attribute("data-person"), card.get_attribute("data-entity")
    selector = f'article.cand[data-person="{person}"][data-entity="{entity}"]'
    assert card.get_attribute("data-decision") == "0"

    store = DecisionStore.open(tmp_path / "review.sqlite")  # bob decides while ann looks at the page
    store.add_user("bob", Role.REVIEWER, None)
    key, digest = new_api_key()
    store.add_api_key(digest, "bob", None, None)
    store.close()
    run_id = page.url.split("/review/", 1)[1].split("?", 1)[0]
    body = {"run_id": run_id, "person_idx": int(person or 0), "entity_id": entity, "verdict": "reject"}
    made = httpx.post(f"{base}/decisions", json=body, headers={"X-API-Key": key})
    assert made.status_code == 201, made.text

    page.keyboard.press("y")  # ann saw "undecided": her confirm is not saved over bob's reject
    expect(page.locator(f"{selector} .badge")).to_have_text("Rejected", timeout=30_000)
    expect(page.locator("#toast")).to_contain_text("Not saved")
    assert "bob" in page.inner_text("#toast") and "bob" in page.inner_text(f"{selector} .state")
    assert page.get_attribute(selector, "data-decision") == str(made.json()["id"])
    page.keyboard.press("y")  # now she has seen it: pressing again replaces it
    expect(page.locator(f"{selector} .badge")).to_have_text("Confirmed", timeout=30_000)
    log = httpx.get(f"{base}/decisions", params={"run_id": run_id}, headers={"X-API-Key": key}).json()
    assert [(d["user"], d["verdict"]) for d in log] == [("ann", "confirm"), ("bob", "reject")]
    assert not errors, errors
