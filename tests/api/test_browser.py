"""The web app in a real browser: Playwright drives Debian's Chromium against the real server.

Each test starts the app with uvicorn on a free loopback port (local store in tmp_path,
offline engine), signs in with a token minted as `coach init --demo` mints it, and checks
that the page logs no console error and asks no host but the service. Screenshots go to
`test-artifacts/`; with APP_SCREENSHOTS_TO_DOCS=1 the README's `docs/app*.png` are redrawn.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import uvicorn
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Page,
    Route,
    expect,
    sync_playwright,
)

from api.auth import issue_token
from api.cli import DEMO_USER, listening_socket
from api.main import create_app
from api.runtime import signing_secret
from api.settings import Settings

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
DOCS = ROOT / "docs"
DOC_SHOTS = {"app", "app-phone"}
"""The screenshots the README shows."""
TODAY = dt.date.today()

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="no chromium binary: `apt-get install chromium` (.ci/run does) for browser tests",
    ),
]


@dataclass
class Session:
    """A signed-in page and what it did: every request's host, every console error."""

    page: Page
    base: str
    token: str
    urls: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def check_clean(self) -> None:
        """Only the service was asked for anything, never with the token in a URL, and
        nothing went wrong in the page."""
        assert {urlsplit(url).netloc for url in self.urls} == {urlsplit(self.base).netloc}
        assert not [url for url in self.urls if self.token in url]
        assert self.errors == []

    def send(self, text: str) -> None:
        """Type a message and press Enter; wait for the streamed reply to finish."""
        replies = self.page.locator(".message.assistant")
        count = replies.count()
        box = self.page.get_by_role("textbox", name="Message")
        box.fill(text)
        box.press("Enter")
        expect(self.page.locator(".message.assistant:not([aria-busy])")).to_have_count(count + 1)

    def panel(self, name: str) -> None:
        self.page.get_by_role("button", name=name, exact=True).click()
        expect(self.page.get_by_role("region", name=name)).to_be_visible()

    def screenshot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=ARTIFACTS / f"{name}.png")
        if name in DOC_SHOTS and os.environ.get("APP_SCREENSHOTS_TO_DOCS") == "1":
            DOCS.mkdir(exist_ok=True)
            shutil.copyfile(ARTIFACTS / f"{name}.png", DOCS / f"{name}.png")


@contextmanager
def running(settings: Settings) -> Iterator[str]:
    """The app served by uvicorn in a thread on a free loopback port; yields its base URL."""
    sock = listening_socket("127.0.0.1", 0)
    server = uvicorn.Server(uvicorn.Config(create_app(settings), log_config=None, access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(20)
        sock.close()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    # A summary every 4 messages, so the Progress view has one to show.
    return Settings(
        data_dir=tmp_path / "data",
        storage="local",
        model="offline",
        summary_every=4,
        log_level="WARNING",
    )


@pytest.fixture
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM)
        yield launched
        launched.close()


@pytest.fixture
def session(settings: Settings, browser: Browser) -> Iterator[Session]:
    """A desktop-sized page signed in through the link `make run` prints."""
    with running(settings) as base:
        yield open_app(browser, settings, base, width=1280, height=880)


def open_app(
    browser: Browser, settings: Settings, base: str, *, width: int, height: int
) -> Session:
    """A new page that opens `base/#token=…` and watches its requests and console."""
    secret = signing_secret(settings)
    assert secret is not None
    token = issue_token(secret, DEMO_USER, ttl_s=600)
    page = browser.new_page(viewport={"width": width, "height": height})
    session = Session(page=page, base=base, token=token)
    page.on("request", lambda request: session.urls.append(request.url))
    page.on("console", lambda message: _console_error(session, message))
    page.on("pageerror", lambda error: session.errors.append(f"page error: {error}"))
    page.goto(f"{base}/#token={token}")
    expect(page.locator("#who")).to_have_text(DEMO_USER)
    return session


def _console_error(session: Session, message: ConsoleMessage) -> None:
    # A conversation's summary is 404 until the coach has written one (the API's contract);
    # the page expects that, but Chromium still logs the response. Nothing else may fail.
    url = message.location.get("url", "")
    if message.type == "error" and not (url.endswith("/summary") and "404" in message.text):
        session.errors.append(f"{message.text} ({url})")


def create_coach(session: Session, name: str) -> None:
    page = session.page
    form = page.locator("#coach-form")
    # The app opens the form itself once it knows there are no coaches: wait for that.
    expect(page.locator("[aria-busy='true']")).to_have_count(0)
    if not form.is_visible():
        page.get_by_text("New coach").click()
    form.get_by_label("Name").fill(name)
    form.get_by_label("Personality").select_option(index=1)
    form.get_by_role("button", name="Create coach").click()
    expect(page.get_by_role("heading", name=name)).to_be_visible()


def test_sign_in_chat_log_and_chart_workouts(session: Session) -> None:
    page = session.page
    # Signed in from the fragment, which is gone from the address bar.
    assert page.url == f"{session.base}/"
    assert page.evaluate("localStorage.getItem('coach.token')").startswith("ey")
    create_coach(session, "Coach Rivera")
    coach = page.get_by_role("button", name="Coach Rivera")
    expect(coach).to_have_attribute("aria-current", "true")

    # Shift+Enter is a new line; Enter sends.
    box = page.get_by_role("textbox", name="Message")
    box.fill("line one")
    box.press("Shift+Enter")
    assert box.input_value() == "line one\n"
    box.fill("")

    # The reply streams: the coach's text grows several times before it is done.
    page.evaluate(
        """() => {
        window.replyLengths = [];
        new MutationObserver(() => {
          const text = document.querySelector('.message.assistant:last-child .text');
          if (text) window.replyLengths.push(text.textContent.length);
        }).observe(document.querySelector('#messages'),
                   {subtree: true, childList: true, characterData: true});
      }"""
    )
    week_ago = TODAY - dt.timedelta(days=7)
    session.send(f"Back squat 5x5 at 205 lb on {week_ago.isoformat()}")
    assert len(set(page.evaluate("window.replyLengths"))) >= 3
    card = page.locator(".message.assistant").last.locator(".workout-card")
    expect(card).to_contain_text("Back squat 5×5 @ 205 lb")
    session.send("back squat 5x5 at 225")
    session.send(f"Ran 5 km in 24:30 on {(TODAY - dt.timedelta(days=2)).isoformat()}")
    session.send("Did Fran in 8:57 with 95 lb thrusters")

    workouts = page.get_by_role("region", name="Workouts")
    expect(workouts.locator("article")).to_have_count(4)
    expect(workouts).to_contain_text("Back squat 5×5 @ 225 lb")
    expect(workouts).to_contain_text("5 km in 24:30 (4:54/km)")
    expect(workouts).to_contain_text("Time 8:57")

    session.panel("Progress")
    progress = page.get_by_role("region", name="Progress")
    lift = progress.get_by_role("img", name="Back squat: top set and estimated one-rep max")
    expect(lift).to_have_attribute("aria-label", _lift_label(week_ago))
    expect(lift.locator("canvas")).to_have_count(1)
    expect(progress.get_by_role("img", name="Weekly sessions per discipline")).to_be_visible()
    pace = progress.get_by_role("img", name="Run pace over time")
    expect(pace).to_have_attribute("aria-label", _run_label())
    bests = progress.get_by_role("table")
    expect(bests.get_by_role("row", name="Back squat")).to_contain_text("225 lb")
    expect(bests.get_by_role("row", name="Fran")).to_contain_text("8:57")
    summary = progress.locator("section", has=page.get_by_role("heading", name="summary"))
    expect(summary).not_to_contain_text("No summary yet")
    expect(summary.locator("p").first).not_to_be_empty()
    session.screenshot("app")
    page.get_by_role("combobox", name="Measure").select_option("volume")
    expect(progress.get_by_role("img", name="Weekly lifting volume")).to_be_visible()
    expect(page.get_by_role("combobox", name="Measure")).to_be_focused()
    session.check_clean()


def _lift_label(week_ago: dt.date) -> str:
    return (
        "Back squat: top set and estimated one-rep max per session, in lb, 2 sessions from "
        f"{week_ago.isoformat()} to {TODAY.isoformat()}; latest top set 225 lb × 5, "
        "estimated 1RM 262.5 lb."
    )


def _run_label() -> str:
    day = (TODAY - dt.timedelta(days=2)).isoformat()
    return (
        "Run pace over time in minutes per kilometre (lower is faster), 1 run from "
        f"{day} to {day}; latest 4:54 per km over 5 km."
    )


def test_remember_forget_and_edit_a_workout(session: Session) -> None:
    page = session.page
    create_coach(session, "Coach Kim")
    session.send("remember that my left knee is sore")
    expect(page.locator(".memory-card.saved")).to_contain_text("knee")
    session.panel("Memories")
    memories = page.get_by_role("region", name="Memories")
    expect(memories.locator("article")).to_have_count(1)
    expect(memories).to_contain_text("knee")

    session.send("forget what I said about my knee")
    expect(page.locator(".memory-card.forgotten")).to_contain_text("knee")
    expect(memories.locator("article")).to_have_count(0)

    memories.get_by_label("Something to remember").fill("I train at 6am")
    memories.get_by_role("button", name="Remember").click()
    expect(memories.locator("article")).to_have_count(1)
    memories.get_by_role("button", name="Forget: I train at 6am").click()
    expect(memories).to_contain_text("Nothing remembered yet.")

    session.send("back squat 5x5 at 225")
    session.panel("Workouts")
    workouts = page.get_by_role("region", name="Workouts")
    workouts.get_by_role("button", name=f"Edit Back squat, {TODAY.isoformat()}").click()
    dialog = page.get_by_role("dialog", name="Edit workout")
    dialog.get_by_label("Name").fill("Heavy squat day")
    dialog.get_by_label("Duration (minutes)").fill("45")
    dialog.get_by_role("button", name="Save").click()
    expect(dialog).to_be_hidden()
    expect(workouts.get_by_role("heading", name="Heavy squat day")).to_be_visible()

    page.reload()  # stored, not just drawn: and the token survives a reload
    session.panel("Workouts")
    expect(workouts.get_by_role("heading", name="Heavy squat day")).to_be_visible()
    delete = workouts.get_by_role("button", name=f"Delete Heavy squat day, {TODAY.isoformat()}")
    delete.click()
    delete.click()  # the second click confirms
    expect(workouts).to_contain_text("No workouts yet")

    page.get_by_role("button", name="Rename").click()
    page.get_by_label("Conversation title").fill("Knee and squats")
    page.get_by_label("Conversation title").press("Enter")
    expect(page.get_by_role("heading", name="Knee and squats")).to_be_visible()
    expect(page.get_by_role("button", name="Knee and squats")).to_be_visible()
    session.check_clean()


def test_a_failed_send_retries_with_the_same_message_id(session: Session) -> None:
    page = session.page
    create_coach(session, "Coach Kim")
    sent: list[str] = []

    def lose_the_first_response(route: Route) -> None:
        body = route.request.post_data_json
        assert body is not None
        sent.append(body["client_message_id"])
        if len(sent) == 1:
            route.fetch()  # the server runs the turn and logs the workout...
            route.abort()  # ...but the reply never reaches the page
        else:
            route.continue_()

    page.route("**/messages", lose_the_first_response)
    page.get_by_role("textbox", name="Message").fill("back squat 5x5 at 225")
    page.get_by_role("button", name="Send").click()
    failure = page.get_by_role("alert").filter(has_text="Not sent")
    expect(failure).to_be_visible()
    session.errors.clear()  # the aborted request is logged as a failed load, on purpose
    failure.get_by_role("button", name="Retry").click()
    expect(failure).to_be_hidden()
    expect(page.locator(".message.assistant").last).to_contain_text("back squat")
    assert len(sent) == 2 and sent[0] == sent[1]
    workouts = page.get_by_role("region", name="Workouts")
    expect(workouts.locator("article")).to_have_count(1)  # logged once, not twice
    session.check_clean()


def test_phone_width(settings: Settings, browser: Browser) -> None:
    with running(settings) as base:
        session = open_app(browser, settings, base, width=390, height=844)
        page = session.page
        create_coach_on_phone(session, "Coach Rivera")
        session.send("back squat 5x5 at 225")
        session.send(f"Back squat 5x5 at 215 lb on {(TODAY - dt.timedelta(days=7)).isoformat()}")
        session.send("Ran 5 km in 24:30")
        expect(page.get_by_role("button", name="Send")).to_be_in_viewport()
        session.screenshot("app-phone-chat")
        session.panel("Progress")
        expect(page.get_by_role("log", name="Conversation")).to_be_hidden()
        chart = page.get_by_role("img", name="Back squat: top set")
        box = chart.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
        session.screenshot("app-phone")
        session.check_clean()


def create_coach_on_phone(session: Session, name: str) -> None:
    """On a phone the coaches live in a drawer behind the Coaches button."""
    page = session.page
    menu = page.get_by_role("button", name="Coaches")
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    create_coach(session, name)
    expect(page.get_by_role("complementary")).to_be_hidden()


def test_docs_work_offline(settings: Settings, browser: Browser) -> None:
    with running(settings) as base:
        page = browser.new_page()
        urls: list[str] = []
        page.on("request", lambda request: urls.append(request.url))
        page.goto(f"{base}/docs")
        expect(page.get_by_role("heading", name="Coach Agent API")).to_be_visible()
        expect(page.get_by_text("/v1/progress", exact=True)).to_be_visible()
        assert {urlsplit(url).netloc for url in urls} == {urlsplit(base).netloc}
