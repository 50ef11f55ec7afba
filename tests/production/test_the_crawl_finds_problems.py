"""The crawl of `make prod-check` (scripts/prod_check.py) reports what it is there to find: a 5xx, a static file
that does not answer 200 (also one a stylesheet loads), an asset from another origin, a missing security header, a
path of the API document that gives 404, and a kind of page it did not reach. A small server on 127.0.0.1 plays a
site with exactly those faults; no shape is needed, so this runs in the ordinary suites."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests
from prod_check import Crawler, Report

HEADERS = {
    "Content-Security-Policy": "default-src 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}
HOME = """<!doctype html><html><head>
<link rel="stylesheet" href="/static/site.css"><link rel="stylesheet" href="/static/gone.css">
<script src="https://elsewhere.invalid/tracker.js"></script></head><body>
<a href="/fine/">fine</a> <a href="/broken/">broken</a> <a href="/bare/">bare</a> <a href="#top">top</a>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt=""></body></html>"""
API = {
    "servers": [{"url": "/api/v1"}],
    "paths": {
        "/things": {"get": {}},
        "/things/{id}": {"get": {}},
        "/areas": {"get": {}},
        "/shapes": {"get": {"parameters": [{"in": "query", "name": "municipality", "required": True}]}},
        "/municipalities": {"get": {}},
    },
}
PAGES = {
    "/": (200, "text/html", HOME),
    "/fine/": (200, "text/html", "<p>ok</p>"),
    "/broken/": (500, "text/html", "<p>Server Error</p>"),
    "/bare/": (200, "text/html", "<p>no headers</p>"),
    "/static/site.css": (200, "text/css", "body{background:url('img/dot.png')} h1{background:url(img/missing.svg)}"),
    "/static/img/dot.png": (200, "image/png", ""),
    "/api/v1/openapi.json": (200, "application/json", json.dumps(API)),
    "/api/v1/things": (200, "application/json", json.dumps({"results": [{"id": 7}]})),
    "/api/v1/areas": (200, "application/json", "[]"),
    "/api/v1/municipalities": (200, "application/json", json.dumps({"results": [{"statcode": "GM0797"}]})),
    "/api/v1/shapes?municipality=GM0797": (200, "application/json", "[]"),
}


class _Site(BaseHTTPRequestHandler):
    requested: list[str] = []

    def do_GET(self):
        self.requested.append(self.path)
        status, kind, body = PAGES.get(self.path, (404, "text/plain", "not found"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        for name, value in HEADERS.items():
            if self.path != "/bare/":
                self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args):
        pass


@pytest.fixture
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    _Site.requested = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def _session():
    session = requests.Session()
    session.trust_env = False
    return session


def test_the_crawl_reports_a_5xx_a_missing_static_file_a_foreign_asset_a_missing_header_and_an_unreached_kind(site):
    report = Report()
    crawler = Crawler(site, _session, report, required={"home page": r"/", "activity": r"/activiteiten/\d+/"})
    crawler.crawl()
    problems = "\n".join(report.problems)
    assert f"{site}/broken/: 500" in problems
    assert f"static file {site}/static/gone.css: 404" in problems
    assert f"static file {site}/static/img/missing.svg: 404" in problems  # named by a stylesheet, not the page
    assert "loads https://elsewhere.invalid/tracker.js from another origin" in problems
    assert f"{site}/bare/: missing Content-Security-Policy, X-Content-Type-Options, Referrer-Policy" in problems
    assert "the crawl reached no activity page" in problems
    assert "home page" not in problems
    assert len(report.problems) == 6, problems
    assert report.assets[f"{site}/static/img/dot.png"] == 200
    assert not any("elsewhere" in path for path in _Site.requested)  # never fetched: nothing leaves the machine


def test_the_api_check_requests_every_list_fills_details_and_required_parameters_and_reports_a_404(site):
    report = Report()
    Crawler(site, _session, report).api()
    assert set(report.api) == {
        "/api/v1/things",
        "/api/v1/things/7",
        "/api/v1/areas",
        "/api/v1/municipalities",
        "/api/v1/shapes?municipality=GM0797",
    }
    assert report.problems == ["/api/v1/things/7: 404, though the API document lists /api/v1/things/{id}"]
