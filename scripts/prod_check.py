"""Check the production shape through nginx: every page of a crawl, every static file they load, every API list,
the security headers, HTTPS, and a task through Redis to the worker (docs/adr/0029-production-shape-in-ci.md).

`make prod-check` runs this inside tests/production (the same shape then serves the drills). By hand:

    .venv/bin/python scripts/prod_check.py        # builds and starts the shape (scripts/production_shape.py)
    .venv/bin/python scripts/prod_check.py --url https://test.gemeente.nl --ca-bundle ca.pem  # an installation

Fails (exit 1) on any 5xx answer, a static file of a crawled page (or one its stylesheets load) that does not
answer 200, an asset from another origin, a missing security header (CSP, X-Content-Type-Options, Referrer-Policy,
X-Frame-Options or CSP frame-ancestors, HSTS over HTTPS), a kind of page the crawl did not reach, a 404 for a path
of the API document, or plain HTTP not sent to HTTPS. tests/production/test_the_crawl_finds_problems.py shows it
finds each of these.
"""

from __future__ import annotations

import argparse
import re
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlencode, urljoin, urlsplit

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))

from production_shape import ProductionShape, Steps

# Where the crawl starts; it follows links from these (same origin only).
SEEDS = ["/", "/sociale-kaart/", "/healthz", "/readyz", "/api/v1/openapi.json"]
API_DOCUMENT = "/api/v1/openapi.json"
# Kinds of page the crawl must reach, by path: a crawl that misses one of them fails.
REQUIRED = {
    "home page": r"/",
    "sociale kaart": r"/sociale-kaart/",
    "activity": r"/sociale-kaart/activiteiten/\d+/",
    "place": r"/sociale-kaart/plekken/\d+/",
    "organisation": r"/sociale-kaart/organisaties/\d+/",
    "municipality": r"/gemeenten/GM\d+/",
    "wijk": r"/gemeenten/GM\d+/wijken/WK\d+/",
    "wijk profile": r"/gemeenten/GM\d+/wijken/WK\d+/profiel/",
    "framework": r"/gemeenten/GM\d+/kader/",
    "API document": r"/api/v1/openapi\.json",
    "healthz": r"/healthz",
    "readyz": r"/readyz",
}
# At most this many pages of one kind (the same path with other codes or numbers, and the same query parameters),
# and this many in all: the crawl sees every kind of page without fetching all 81 wijken.
PER_KIND = 3
MAX_PAGES = 400
CLIENTS = 4
TIMEOUT = 30
# Where a list row keeps a value that a path calls otherwise (a division's {statcode} is its municipality's code,
# a framework version's {number} its version).
ALIASES = {"statcode": ("municipality", "code"), "id": ("pk",), "number": ("version",)}
# Required query parameters of a list: the list whose first row gives a value, and the field it is in.
QUERY_VALUES = {"municipality": ("/municipalities", "statcode")}
# url(...) in a stylesheet: fonts, icons and images the browser loads with it.
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+?)['"]?\s*\)""")
SECURITY_HEADERS = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy")


@dataclass
class Report:
    pages: dict[str, int] = field(default_factory=dict)  # URL -> status
    assets: dict[str, int] = field(default_factory=dict)
    api: dict[str, int] = field(default_factory=dict)
    not_requested: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    kinds: set[str] = field(default_factory=set)
    capped: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    def problem(self, text: str) -> None:
        with self.lock:
            self.problems.append(text)

    def summary(self) -> str:
        statuses: dict[int, int] = {}
        for status in [*self.pages.values(), *self.assets.values(), *self.api.values()]:
            statuses[status] = statuses.get(status, 0) + 1
        counted = ", ".join(f"{count} x {status}" for status, count in sorted(statuses.items()))
        return (
            f"{len(self.pages)} pages of {len(self.kinds)} kinds{' (bounded)' if self.capped else ''}, "
            f"{len(self.assets)} static files, {len(self.api)} API requests ({counted}); "
            f"{len(self.problems)} problem(s)"
        )


class _Links(HTMLParser):
    """The links (a href) and the assets (link href, script src, img src) of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.assets: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "link" and attrs.get("href"):
            # Stylesheets, icons and preloads are loaded by the browser; alternate links (iCal feeds) are pages.
            (self.links if "alternate" in (attrs.get("rel") or "") else self.assets).append(attrs["href"])
        elif tag in ("script", "img") and attrs.get("src"):
            self.assets.append(attrs["src"])


def kind_of(url: str) -> str:
    """A page's kind: its path with every segment that holds a digit replaced, plus its query's parameter names."""
    parts = urlsplit(url)
    path = "/".join("*" if re.search(r"\d", segment) else segment for segment in parts.path.split("/"))
    names = sorted({pair.split("=", 1)[0] for pair in parts.query.split("&") if pair})
    return path + ("?" + "&".join(names) if names else "")


def header_problems(response: requests.Response, https: bool) -> list[str]:
    headers = response.headers
    missing = [name for name in SECURITY_HEADERS if name not in headers]
    if headers.get("X-Content-Type-Options", "nosniff").lower() != "nosniff":
        missing.append("X-Content-Type-Options: nosniff")
    if "X-Frame-Options" not in headers and "frame-ancestors" not in headers.get("Content-Security-Policy", ""):
        missing.append("X-Frame-Options or CSP frame-ancestors")
    if https and "Strict-Transport-Security" not in headers:
        missing.append("Strict-Transport-Security")
    return missing


class Crawler:
    def __init__(self, base_url: str, session_factory, report: Report, required: dict[str, str] = REQUIRED) -> None:
        self.base = base_url.rstrip("/")
        self.required = required
        self.origin = urlsplit(self.base)
        self.https = self.origin.scheme == "https"
        self.session_factory = session_factory
        self.report = report
        self.local = threading.local()

    def session(self) -> requests.Session:
        if not hasattr(self.local, "session"):
            self.local.session = self.session_factory()
        return self.local.session

    def same_origin(self, url: str) -> bool:
        parts = urlsplit(url)
        return (parts.scheme, parts.netloc) == (self.origin.scheme, self.origin.netloc)

    def fetch(self, url: str) -> requests.Response | None:
        try:
            response = self.session().get(url, timeout=TIMEOUT, allow_redirects=False)
        except requests.RequestException as exc:
            self.report.problem(f"{url}: no answer ({type(exc).__name__}: {exc})")
            return None
        if response.status_code >= 500:
            self.report.problem(f"{url}: {response.status_code} {response.text[:200]!r}")
        if missing := header_problems(response, self.https):
            self.report.problem(f"{url}: missing {', '.join(missing)}")
        return response

    def page(self, url: str) -> tuple[list[str], list[str]]:
        response = self.fetch(url)
        if response is None:
            return [], []
        with self.report.lock:
            self.report.pages[url] = response.status_code
        found: list[str] = []
        if response.is_redirect:
            found.append(urljoin(url, response.headers["Location"]))
        if response.status_code != 200 or "text/html" not in response.headers.get("Content-Type", ""):
            return found, []
        parser = _Links()
        parser.feed(response.text)
        links = [urldefrag(urljoin(url, href))[0] for href in parser.links]
        assets = [urljoin(url, src) for src in parser.assets if not src.startswith("data:")]
        for asset in assets:
            if not self.same_origin(asset):
                self.report.problem(f"{url}: loads {asset} from another origin")
        return found + [link for link in links if link.startswith(("http://", "https://"))], assets

    def crawl(self) -> None:
        seen: set[str] = set()
        per_kind: dict[str, int] = {}
        queue = [self.base + path for path in SEEDS]
        assets: set[str] = set()
        with ThreadPoolExecutor(CLIENTS) as pool:
            while queue:
                batch = []
                for url in queue:
                    if url in seen or not self.same_origin(url):
                        continue
                    seen.add(url)
                    kind = kind_of(url)
                    if per_kind.get(kind, 0) >= PER_KIND:
                        continue
                    if len(batch) + len(self.report.pages) >= MAX_PAGES:
                        self.report.capped = True
                        break
                    per_kind[kind] = per_kind.get(kind, 0) + 1
                    batch.append(url)
                queue = []
                for links, page_assets in pool.map(self.page, batch):
                    queue.extend(links)
                    assets.update(asset for asset in page_assets if self.same_origin(asset))
            # The static files of the pages, then what their stylesheets load (fonts, icons, images).
            while assets:
                found: set[str] = set()
                for url, response in zip(sorted(assets), pool.map(self.fetch, sorted(assets)), strict=True):
                    if response is None:
                        continue
                    self.report.assets[url] = response.status_code
                    if response.status_code != 200:
                        self.report.problem(f"static file {url}: {response.status_code}")
                    elif "text/css" in response.headers.get("Content-Type", ""):
                        found.update(self._css_references(url, response.text))
                assets = found - set(self.report.assets)
        self.report.kinds = set(per_kind)
        paths = {urlsplit(url).path for url in self.report.pages}
        for name, pattern in self.required.items():
            if not any(re.fullmatch(pattern, path) for path in paths):
                self.report.problem(f"the crawl reached no {name} page ({pattern})")

    def _css_references(self, url: str, css: str) -> set[str]:
        found = set()
        for reference in CSS_URL.findall(css):
            if reference.startswith(("data:", "#")):
                continue
            target = urldefrag(urljoin(url, reference))[0]
            if self.same_origin(target):
                found.add(target)
            else:
                self.report.problem(f"{url}: loads {target} from another origin")
        return found

    def api(self) -> None:
        """Every GET path of the OpenAPI document: lists, and a path with parameters when the lists give them."""
        response = self.session().get(f"{self.base}{API_DOCUMENT}", timeout=TIMEOUT)
        if response.status_code != 200:
            self.report.problem(f"{API_DOCUMENT}: {response.status_code}")
            return
        document = response.json()
        # Paths in the document are relative to its server ("/api/v1").
        prefix = urlsplit(urljoin(self.base + API_DOCUMENT, document.get("servers", [{}])[0].get("url", "/"))).path
        prefix = prefix.rstrip("/")
        required = {
            prefix + path: [
                parameter["name"]
                for parameter in [*operations.get("parameters", []), *operations["get"].get("parameters", [])]
                if parameter.get("in") == "query" and parameter.get("required")
            ]
            for path, operations in document["paths"].items()
            if "get" in operations
        }
        # The first row of each list answered so far, by the list's path as the document writes it ({...} kept).
        first_rows: dict[str, dict] = {}
        # Paths with more parameters after the ones with fewer; among equals, those without a required query last.
        for template in sorted(required, key=lambda path: (path.count("{"), bool(required[path]), path)):
            url = self._fill(template, first_rows)
            query = self._query(required[template], prefix, first_rows)
            if url is None or query is None:
                self.report.not_requested.append(template)
                continue
            url += query
            answer = self.fetch(self.base + url)
            if answer is None:
                continue
            self.report.api[url] = answer.status_code
            if answer.status_code == 404:  # a path of the document, with values a list gave: it must exist
                self.report.problem(f"{url}: 404, though the API document lists {template}")
            is_json = answer.status_code == 200 and "json" in answer.headers.get("Content-Type", "")
            if is_json and (row := _first_row(answer.json())):
                first_rows[template] = row

    @staticmethod
    def _fill(template: str, first_rows: dict[str, dict]) -> str | None:
        """`/api/v1/places/{id}` with the id of the first row of `/api/v1/places`; each value comes from the list
        just before it in the path. None when no list gives every value."""
        parts = re.split(r"(\{\w+\})", template)
        filled = ""
        row: dict = {}
        for index, part in enumerate(parts):
            if not part.startswith("{"):
                filled += part
                continue
            # The list just before this parameter; when the path before it is no list (`/divisions/{statcode}/`
            # before `{slug}`), the row that gave the parameter before.
            row = first_rows.get("".join(parts[:index]).rstrip("/"), row)
            name = part[1:-1]
            value = next((row[key] for key in (name, *ALIASES.get(name, ())) if key in row), None)
            if value is None or isinstance(value, dict | list | bool):
                return None
            filled += str(value)
        return filled

    @staticmethod
    def _query(names: list[str], prefix: str, first_rows: dict[str, dict]) -> str | None:
        """The query string for a list's required parameters (`?municipality=GM0797`), or None when no list gave
        a value for one of them."""
        values = {}
        for name in names:
            source, key = QUERY_VALUES.get(name, ("", name))
            value = first_rows.get(prefix + source, {}).get(key)
            if value is None:
                return None
            values[name] = value
        return "?" + urlencode(values) if values else ""

    def transport(self, http_url: str | None) -> None:
        """Plain HTTP answers only with a redirect to the same path over HTTPS."""
        if not http_url:
            return
        try:
            answer = self.session_factory().get(
                f"{http_url}/sociale-kaart/?q=koffie", timeout=TIMEOUT, allow_redirects=False
            )
        except requests.RequestException as exc:
            self.report.problem(f"plain HTTP: no answer ({exc})")
            return
        expected = f"{self.base}/sociale-kaart/?q=koffie"
        if answer.status_code != 301 or answer.headers.get("Location") != expected:
            location = answer.headers.get("Location")
            self.report.problem(f"plain HTTP: {answer.status_code} to {location}, not 301 to the same URL over HTTPS")


def _first_row(body) -> dict | None:
    """The first row of a list answer: paginated (results), HSDS (contents), GeoJSON (features) or a plain list."""
    rows = body
    if isinstance(body, dict):
        rows = next((body[key] for key in ("results", "contents", "features") if isinstance(body.get(key), list)), None)
    if not isinstance(rows, list) or not rows or not isinstance(rows[0], dict):
        return None
    return rows[0].get("properties", rows[0]) if "features" in body else rows[0]


def check(base_url: str, session_factory, *, http_url: str | None = None, steps: Steps | None = None) -> Report:
    """Crawls the pages, fetches their static files, the API lists, and plain HTTP; returns what it found."""
    steps = steps or Steps()
    report = Report()
    crawler = Crawler(base_url, session_factory, report)
    with steps.step("crawl through nginx") as info:
        crawler.crawl()
        crawler.api()
        crawler.transport(http_url)
        info["detail"] = report.summary()
        if report.not_requested:  # a detail path whose list is empty in the demo data
            info["detail"] += f"; not requested (no list row gives their values): {', '.join(report.not_requested)}"
    return report


def send_task(shape: ProductionShape, name: str = "directory.review_freshness", timeout: float = 60) -> None:
    """Puts a task of the platform on the broker, as beat does, and waits until the worker has done it."""
    from celery import Celery

    worker = shape.processes["worker"]
    start = worker.log.stat().st_size
    app = Celery("prod-check", broker=shape.broker_url, set_as_current=False)
    try:
        task_id = app.send_task(name).id
    finally:
        app.close()
    worker.wait_for_log(f"Task {name}[{task_id}] succeeded", timeout, start=start)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="check this running installation instead of building the shape")
    parser.add_argument("--ca-bundle", help="certificate authorities to trust for --url (default: the system's)")
    parser.add_argument("--static-root", help="use (or fill) this collectstatic folder instead of a temporary one")
    args = parser.parse_args()
    steps = Steps()
    print("Production shape check (docs/adr/0029-production-shape-in-ci.md)")
    if args.url:

        def session_factory():
            session = requests.Session()
            if args.ca_bundle:
                session.verify = args.ca_bundle
            return session

        report = check(args.url, session_factory, steps=steps)
    else:
        with ProductionShape(steps=steps, static_root=args.static_root) as shape:
            shape.build()
            shape.start()
            with steps.step("a task through Redis to the worker (directory.review_freshness)"):
                send_task(shape)
            report = check(shape.base_url, shape.session, http_url=shape.http_url, steps=steps)
    print("\n".join(f"PROBLEM {problem}" for problem in report.problems))
    print(f"{'FAILED' if report.problems else 'OK'}: {report.summary()}; {steps.total():.0f} s in all")
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main())
