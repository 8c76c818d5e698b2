"""End to end in a real headless Chromium: upload through the page, read a plan, hover a deadline.

The app runs under uvicorn in a thread over a temporary data directory with the real
pipeline; Playwright drives the system Chromium (scripts/install-system-deps.sh installs it).
A screenshot of the document page is kept in test-artifacts/ui-document.png.
"""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
import uvicorn

from service.app import create_app
from service.settings import Settings

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "corpus" / "sources"
ARTIFACTS = ROOT / "test-artifacts"
PLANS = ["tvpl_KH_235-KH-UBND_ThanhHoa_2025-11-18.txt", "tvpl_KH_987-KH-UBND_NgheAn_2025-11-20.txt"]
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")

pytestmark = pytest.mark.browser


def system_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return next((p for p in ("/usr/bin/chromium", "/usr/lib/chromium/chromium") if Path(p).is_file()), None)


@pytest.fixture(scope="module")
def chromium_path() -> str:
    path = system_chromium()
    if path is None:
        message = "no system Chromium (scripts/install-system-deps.sh installs it)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running(settings: Settings):
    """The real app over ``settings`` on a free port; yields its base URL."""
    app = create_app(settings)
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)
        app.state.engine.dispose()


@pytest.fixture
def server(tmp_path):
    with running(Settings(data_dir=tmp_path / "var")) as url:
        yield url


@pytest.fixture
def page(chromium_path):
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path, headless=True)
        context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="vi-VN")
        page = context.new_page()
        page.set_default_timeout(60_000)
        yield page
        browser.close()


def test_upload_then_read_a_plan_in_chromium(server, page):
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))

    page.goto(f"{server}/upload")
    page.set_input_files("#files", [str(CORPUS / name) for name in PLANS])
    page.click("#upload-form button[type=submit]")
    page.wait_for_selector("#overall[data-state=done]")
    assert page.eval_on_selector("#overall", "e => e.value") == 1
    assert page.inner_text("#overall-text") == "Hoàn tất: 2/2 tệp"
    rows = page.locator("#upload-rows tr")
    assert rows.count() == 2
    for i, name in enumerate(PLANS):
        row = rows.nth(i)
        assert row.get_attribute("class") == "state-stored"
        assert name in row.inner_text() and "Đã lưu" in row.inner_text()
        assert row.locator("progress").evaluate("e => e.value") == 1

    # the first plan's link leads to its page
    rows.nth(0).locator("a").click()
    page.wait_for_selector("#doctext")
    assert "235/KH-UBND" in page.inner_text("h1")

    mark = page.locator("#doctext mark.hl-deadline").first
    tip = mark.get_attribute("data-tip")
    assert tip.startswith("Thời hạn: ") and mark.get_attribute("title") is None   # moved to the card
    mark.hover()
    card = page.locator("#hovercard")
    card.wait_for(state="visible")
    assert card.inner_text() == tip

    # an outline link scrolls the text to its heading
    second = page.locator("#outline > ol > li > a").nth(1)
    anchor = second.get_attribute("href")
    heading = second.inner_text()
    second.click()
    assert page.url.endswith(anchor)
    assert page.evaluate("document.getElementById('doctext').scrollTop") > 0
    assert page.evaluate(f"document.querySelector('{anchor}').nextSibling.textContent").startswith(heading)
    webcal = page.locator("#deadlines a.webcal").get_attribute("href")
    assert webcal.startswith("webcal://127.0.0.1:") and webcal.endswith("/calendar.ics")

    page.evaluate("window.scrollTo(0, 0)")
    mark.hover()
    card.wait_for(state="visible")
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "ui-document.png"
    page.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 10_000
    assert problems == []        # no script error and no Content-Security-Policy violation


def test_compliance_rows_scroll_both_texts(server, page):
    fixtures = ROOT / "tests" / "fixtures" / "compliance"
    ids = []
    for name in ("province_plan.txt", "district_plan.txt"):
        r = page.request.post(f"{server}/api/documents", multipart={
            "files": {"name": name, "mimeType": "text/plain", "buffer": (fixtures / name).read_bytes()}})
        assert r.status == 201
        ids.append(r.json()["documents"][0]["id"])
    page.goto(f"{server}/documents/{ids[1]}/compliance")
    assert "mức triển khai 75%" in page.inner_text("#coverage")
    parent_text, child_text = page.locator("#parent-text"), page.locator("#child-text")
    assert parent_text.evaluate("e => e.scrollTop") == 0 and child_text.evaluate("e => e.scrollTop") == 0

    # the last item with evidence sits low in both texts: its link scrolls both
    row = page.locator("#items tbody tr:has(td:nth-child(6) a)").last
    link = row.locator("td:first-child a.jump")
    parent_anchor, child_anchor = link.get_attribute("data-parent"), link.get_attribute("data-child")
    link.click()
    assert parent_text.evaluate("e => e.scrollTop") > 0 and child_text.evaluate("e => e.scrollTop") > 0
    for pre, anchor in ((parent_text, parent_anchor), (child_text, child_anchor)):
        active = page.locator(f"#{anchor} + mark")
        assert "active" in active.get_attribute("class")
        top = active.evaluate("m => m.getBoundingClientRect().top - m.closest('pre').getBoundingClientRect().top")
        assert 0 <= top < pre.evaluate("e => e.clientHeight")          # in sight inside its box
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "ui-compliance.png"))


def test_the_api_token_is_sent_and_remembered(tmp_path, page):
    with running(Settings(data_dir=tmp_path / "var", api_token="s3cret")) as server:
        page.goto(f"{server}/upload")
        plan = str(CORPUS / PLANS[1])
        page.fill("#token", "wrong")
        page.set_input_files("#files", plan)
        page.click("#upload-form button[type=submit]")
        page.wait_for_selector("#overall[data-state=done]")
        assert page.inner_text("#upload-rows tr").endswith("Cần API token hợp lệ")

        page.goto(f"{server}/upload")
        assert page.input_value("#token") == "wrong"               # kept in localStorage
        page.fill("#token", "s3cret")
        page.set_input_files("#files", plan)
        page.click("#upload-form button[type=submit]")
        page.wait_for_selector("#overall[data-state=done]")
        assert "Đã lưu" in page.inner_text("#upload-rows tr")
        page.goto(f"{server}/upload")
        assert page.input_value("#token") == "s3cret"
