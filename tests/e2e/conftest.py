"""Browser fixtures: Debian's Chromium through Playwright, axe-core, and a watch on CSP violations.

The browser resolves nothing but 127.0.0.1 (``--host-resolver-rules``), so no test can reach outside the
machine; map tiles fail to load on purpose. Playwright never downloads a browser here.
"""

import json
import os
import weakref
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
AXE_SOURCE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# WCAG 2.0 and 2.1, levels A and AA: what Dutch government sites must meet.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PASSWORD = "correct-horse-battery-staple"

# Reports every CSP violation of the document to the test, before any script of the page runs.
_CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__sbReportCspViolation(JSON.stringify({
    directive: event.effectiveDirective, blocked: event.blockedURI,
    source: event.sourceFile, line: event.lineNumber, sample: event.sample,
  }));
});
"""


def pytest_configure(config):
    # The browser resolves no host names at all, so the live server must be reached by its address.
    if not config.getvalue("liveserver"):
        os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")


# With JavaScript off Chromium runs no timer or event callbacks, not even for scripts the test injects; only
# promise reactions still run. axe-core waits for zero-delay timers between its rules, so on such pages the
# test runs those as promise reactions. Longer timers are only axe's safety timeouts (frames, preloading),
# which never need to fire here. The page's own scripts stay off: this only serves axe.
_TIMERS_WITHOUT_JAVASCRIPT = """() => {
  let next = 1;
  const cancelled = new Set();
  window.setTimeout = (callback, delay = 0, ...args) => {
    const id = next++;
    if (delay <= 1) {
      Promise.resolve().then(() => { if (!cancelled.has(id)) callback(...args); });
    }
    return id;
  };
  window.clearTimeout = (id) => { cancelled.add(id); };
}"""
_contexts_without_javascript = weakref.WeakSet()


@dataclass
class PageProblems:
    """What went wrong in the browser while a test ran: CSP violations and uncaught script errors."""

    csp_violations: list[str] = field(default_factory=list)
    script_errors: list[str] = field(default_factory=list)

    def assert_none(self) -> None:
        assert not self.csp_violations, "Content-Security-Policy violations:\n" + "\n".join(self.csp_violations)
        assert not self.script_errors, "Uncaught script errors:\n" + "\n".join(self.script_errors)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package (make system-deps).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE_SOURCE.exists():
        pytest.fail(f"{AXE_SOURCE} is missing: run `npm ci` (make install).")
    return AXE_SOURCE.read_text(encoding="utf-8")


@pytest.fixture
def site(request, live_server, transactional_db) -> str:
    """Base URL of the running app, with the four municipalities and their wijken loaded (``seed_areas``)."""
    request.getfixturevalue("seed_areas")  # the importers once per process, then the same rows in bulk
    return live_server.url


@pytest.fixture
def problems() -> PageProblems:
    return PageProblems()


@pytest.fixture
def new_page(browser, problems):
    """Opens a page in a fresh browser context (own cookies) that reports CSP violations to ``problems``.

    The page's own CSP stays on: axe is injected through the DevTools protocol, which CSP does not govern.
    """
    contexts = []

    def open_page(*, javascript: bool = True) -> Page:
        context = browser.new_context(java_script_enabled=javascript, locale="nl-NL")
        context.set_default_timeout(10_000)
        contexts.append(context)
        if not javascript:
            _contexts_without_javascript.add(context)
        context.expose_binding("__sbReportCspViolation", lambda source, report: problems.csp_violations.append(report))
        context.add_init_script(_CSP_LISTENER)
        page = context.new_page()

        def on_console(message):
            text = message.text
            if message.type == "error" and "Content Security Policy" in text:
                problems.csp_violations.append(f"{page.url}: {text}")

        page.on("console", on_console)
        page.on("pageerror", lambda error: problems.script_errors.append(f"{page.url}: {error}"))
        return page

    yield open_page
    for context in contexts:
        context.close()
    problems.assert_none()


@pytest.fixture
def page(new_page) -> Page:
    return new_page()


@pytest.fixture
def axe_violations(axe_source):
    """Runs axe-core (WCAG 2.0/2.1 A and AA) on the page; returns the violations, readably described."""

    def run(page: Page) -> list[str]:
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            if page.context in _contexts_without_javascript:
                page.evaluate(_TIMERS_WITHOUT_JAVASCRIPT)
            page.evaluate(axe_source)
        results = page.evaluate(
            "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            WCAG_TAGS,
        )
        return [_describe(violation) for violation in results["violations"]]

    return run


@pytest.fixture
def assert_accessible(axe_violations, problems):
    """Fails with a readable list when axe finds violations on the page, or the page broke its CSP."""

    def check(page: Page) -> None:
        violations = axe_violations(page)
        assert not violations, f"axe found {len(violations)} violation(s) on {page.url}:\n" + "\n".join(violations)
        problems.assert_none()

    return check


@pytest.fixture
def assert_all_accessible(axe_violations, problems):
    """Visits several pages and reports the violations of all of them at once."""

    def check(page: Page, urls: list[str]) -> None:
        found = {}
        for url in urls:
            page.goto(url)
            if violations := axe_violations(page):
                found[page.url] = violations
        assert not found, "axe found violations:\n" + "\n".join(
            f"{url}:\n" + "\n".join(violations) for url, violations in found.items()
        )
        problems.assert_none()

    return check


def _describe(violation: dict) -> str:
    lines = [f"- {violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>"]
    for node in violation["nodes"]:
        lines.append(f"    at {json.dumps(node['target'])}: {node['html'][:300]}")
        if node.get("failureSummary"):
            lines.extend(f"      {line}" for line in node["failureSummary"].splitlines())
    return "\n".join(lines)


@pytest.fixture
def sign_in(site):
    """Signs in through the login form, as a person would: django-axes sees a real request."""

    def submit(page: Page, username: str, password: str = PASSWORD) -> None:
        page.goto(f"{site}/account/inloggen/")
        main = page.locator("main")
        main.get_by_label("Gebruikersnaam").fill(username)
        main.get_by_label("Wachtwoord").fill(password)
        with page.expect_navigation():
            main.get_by_role("button", name="Inloggen").click()

    return submit


@pytest.fixture
def signed_in_as(site, verified):
    """Put a browser page in `user`'s session without the sign-in forms (their own journeys test those), replacing
    whoever it was signed in as. `second_factor=True`: as after the TOTP step, which staff pages ask for."""
    from django.test import Client

    def sign_in(page: Page, user, *, second_factor: bool = False) -> None:
        client = Client()
        if second_factor:
            verified(client, user)
        else:
            client.force_login(user)
        page.context.clear_cookies()
        page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site}])

    return sign_in
