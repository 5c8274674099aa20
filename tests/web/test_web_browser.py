"""The app in a real browser: Debian's headless Chromium driven by Playwright, against
`uvicorn` serving a real SQLite file on a free loopback port.

Each test saves screenshots of the pages it visits under test-artifacts/screenshots/ (at a
laptop and a phone width) for a reviewer to look at. Without /usr/bin/chromium (or the
browser PLEDGEWATCH_CHROMIUM names) the tests skip; PLEDGEWATCH_REQUIRE_BROWSER=1 (CI)
makes that a failure.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import ROOT, SAMPLES

from web.webhelpers import (
    LATER_STATEMENT,
    LATER_STATEMENT_NAME,
    USERS,
    export_of,
    ingest_files,
)

CHROMIUM = Path(os.environ.get("PLEDGEWATCH_CHROMIUM", "/usr/bin/chromium"))
SHOTS = ROOT / "test-artifacts" / "screenshots"
LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _need_browser() -> None:
    reason = None
    if not CHROMIUM.exists():
        reason = f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            reason = "the playwright package is not installed"
    if reason:
        if os.environ.get("PLEDGEWATCH_REQUIRE_BROWSER") == "1":
            pytest.fail(reason + "; PLEDGEWATCH_REQUIRE_BROWSER=1 makes browser tests mandatory")
        pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server_db(master_db, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("browser") / "browser.sqlite"
    shutil.copy(master_db, path)
    return path


@pytest.fixture(scope="module")
def live_server(server_db):
    _need_browser()
    import uvicorn

    from pledgewatch.config import Settings
    from pledgewatch.web.app import create_app

    port = _free_port()
    app = create_app(str(server_db), Settings())
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser_context(live_server, tmp_path_factory):
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            user_data_dir=str(profile),
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            headless=True,
            viewport=LAPTOP,
            locale="en-US",
        )
        context.set_default_timeout(15_000)
        yield context
        context.close()


@pytest.fixture
def page(browser_context, live_server):
    """A fresh tab that records script errors (a CSP violation would show up here)."""
    tab = browser_context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.on(
        "console",
        lambda message: tab.errors.append(message.text) if message.type == "error" else None,
    )
    tab.base = live_server
    yield tab
    errors = [e for e in tab.errors if "status of 403" not in e and "status of 404" not in e]
    tab.close()
    assert not errors, errors


def shoot(page, name: str, phone: bool = True) -> None:
    page.set_viewport_size(LAPTOP)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    if phone:
        page.set_viewport_size(PHONE)
        page.screenshot(path=str(SHOTS / f"{name}-phone.png"), full_page=False)
        page.set_viewport_size(LAPTOP)


def sign_in(page, name: str) -> None:
    page.context.clear_cookies()
    page.goto(page.base + "/")
    assert "/login" in page.url
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", USERS[name][0])
    page.click("form button[type=submit].primary")
    page.wait_for_url(page.base + "/")


def test_sign_in_upload_open_document_and_follow_a_name(page):
    page.goto(page.base + "/login")
    shoot(page, "login")
    sign_in(page, "editor")
    assert page.locator("svg.chart").count() == 1
    shoot(page, "home")

    page.click("nav >> text=Upload")
    sample = SAMPLES / "05_yensebek-detention-ru.txt"
    page.set_input_files("input[type=file]", str(sample))
    page.click("#upload-form button[type=submit]")
    row = page.locator("#upload-progress .progress-row")
    row.wait_for()
    page.wait_for_selector("#upload-progress .badge.status-added", timeout=60_000)
    assert sample.name in row.inner_text()
    shoot(page, "upload", phone=False)

    page.click("#upload-progress a")  # "open"
    page.wait_for_url(re.compile(r".*/documents/doc_\w+"))
    names = page.locator(".text a.m-person")
    assert names.count() >= 1
    assert page.locator(".text a.m-organization, .text a.m-location").count() >= 1
    shoot(page, "document")

    name = page.locator(".text a.m-person", has_text="Енсебек").first
    surname_form = name.inner_text()
    name.click()
    page.wait_for_url(re.compile(r".*/entities/per_\w+"))
    names_shown = page.locator(".entity-head").inner_text()  # the name and its aliases
    assert "Енсебек" in names_shown
    quotes = page.locator("blockquote.evidence p").all_inner_texts()
    assert any("Енсебек" in quote for quote in quotes), (surname_form, quotes)
    shoot(page, "person")


def test_accept_a_suggested_fact_with_the_keyboard(page, server_db):
    sign_in(page, "editor")
    page.goto(page.base + "/review")
    shoot(page, "review-queue")
    page.click("#review-one")
    page.wait_for_url(re.compile(r".*/review/fct_\w+.*"))
    fact_id = re.search(r"/review/(fct_\w+)", page.url).group(1)
    shoot(page, "review-one")
    page.keyboard.press("a")
    page.wait_for_url(lambda url: urlsplit(url).path != f"/review/{fact_id}")
    assert "Decision recorded." in page.content()
    page.goto(page.base + f"/facts/{fact_id}")
    assert page.locator(".badge.status-accepted").count() >= 1
    assert "editor" in page.locator("ol.decisions").inner_text()
    shoot(page, "fact", phone=False)
    status = {f["id"]: f for f in export_of(server_db)["facts"]}[fact_id]
    assert status["status"] == "accepted" and status["reviewed_by"] == "editor"


def test_search_a_latin_spelling_finds_the_cyrillic_record(page):
    sign_in(page, "editor")
    page.fill("#home-q", "Zhylanbayev")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/search\?q=Zhylanbayev"))
    link = page.locator(".entity-hits a", has_text="Марат Жыланбаев")
    assert link.count() == 1
    assert page.locator(".passage mark").count() >= 1
    shoot(page, "search")
    page.click(".langs >> text=RU")
    page.wait_for_url(re.compile(r".*/search\?q=Zhylanbayev"))
    assert "Результаты по запросу" in page.content()
    shoot(page, "search-ru")
    link.click()
    page.wait_for_url(re.compile(r".*/entities/per_\w+"))
    assert page.locator("h1").inner_text() == "Марат Жыланбаев"
    assert "Marat Zhylanbayev" in page.locator(".aliases").inner_text()
    shoot(page, "person-ru")
    page.click(".langs >> text=EN")


def test_a_viewer_cannot_reach_the_review_actions(page, server_db):
    sign_in(page, "viewer")
    assert page.locator("nav >> text=Upload").count() == 0
    page.goto(page.base + "/review")
    assert page.locator("input[name=fact]").count() == 0
    assert page.locator("button[name=decision]").count() == 0
    suggested = next(f["id"] for f in export_of(server_db)["facts"] if f["status"] == "suggested")
    page.goto(page.base + f"/review/{suggested}")
    assert page.locator("button[name=decision]").count() == 0
    page.keyboard.press("a")
    page.wait_for_timeout(300)
    assert f"/review/{suggested}" in page.url
    shoot(page, "review-viewer", phone=False)
    response = page.goto(page.base + "/upload")
    assert response.status == 403
    status = {f["id"]: f["status"] for f in export_of(server_db)["facts"]}
    assert status[suggested] == "suggested"


def test_an_editor_joins_two_records_from_the_merge_queue(page, server_db, tmp_path):
    statement = tmp_path / LATER_STATEMENT_NAME
    statement.write_text(LATER_STATEMENT, encoding="utf-8")
    ingest_files(str(server_db), [statement])
    sign_in(page, "editor")
    page.click('nav a[href="/review/merges"]')
    page.wait_for_url(page.base + "/review/merges")
    pair = page.locator("article.merge-pair", has_text="Айгерим Тлеужанова")
    assert pair.count() == 1
    links = pair.locator(".merge-side h2 a")
    names = links.all_inner_texts()
    ids = [href.rsplit("/", 1)[1] for href in (links.nth(i).get_attribute("href") for i in (0, 1))]
    assert pair.locator("mark", has_text="Айгерим Тлеужановой").count() == 1
    shoot(page, "merge-queue")

    pair.locator("button[value=same]").click()
    page.wait_for_url(re.compile(r".*/review/merges\?done=same"))
    assert "Merged: the two records are one now." in page.content()
    assert page.locator("article.merge-pair", has_text="Айгерим Тлеужанова").count() == 0

    page.goto(page.base + f"/entities/{ids[1]}")  # the absorbed record: its survivor's page
    page.wait_for_url(page.base + f"/entities/{ids[0]}")
    assert page.locator("h1").inner_text() == names[0]
    merged_from = page.locator("ul.merged-from").inner_text()
    assert names[1] in merged_from and ids[1] in merged_from
    assert page.locator("ul.merged-from button", has_text="Split").count() == 1
    shoot(page, "merged-person")


def test_the_api_reference_lists_the_operations_and_tries_one(page):
    """Swagger UI runs from local files under the strict policy (a blocked script or style
    would be a console error), and "Try it out" calls the API with the session cookie."""
    sign_in(page, "viewer")
    page.goto(page.base + "/docs")
    path = page.locator(".opblock-summary-path").get_by_text("/api/v1/documents", exact=True)
    operation = page.locator(".opblock-get").filter(has=path)
    operation.wait_for()
    assert page.locator(".opblock-summary-path", has_text="/api/v1/facts").count() >= 1
    shoot(page, "api-docs")
    operation.locator(".opblock-summary").click()
    operation.locator("button.try-out__btn").click()
    operation.locator("button.execute").click()
    status = operation.locator(".live-responses-table td.response-col_status:not(.col_header)")
    status.wait_for()
    assert status.inner_text().strip() == "200"
    body = json.loads(operation.locator(".live-responses-table .microlight").first.inner_text())
    assert body["total"] >= 1 and body["items"][0]["id"].startswith("doc_")
    shoot(page, "api-docs-try", phone=False)
