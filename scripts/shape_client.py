"""A person using the production shape through nginx, as a browser without JavaScript does (ADR 0029).

Cookies, the form as the page renders it (hidden fields such as the CSRF token and the idempotency key included),
the Referer a browser sends with a form over HTTPS, and signing in through the real login and second-step pages.
Used by the drills in tests/production; meant for the load test of staff writing too.
"""

from __future__ import annotations

from binascii import unhexlify
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin

import requests
from django_otp.oath import totp  # pure Python: no Django settings needed

TIMEOUT = 10  # seconds; an answer that takes longer counts as a hang


@dataclass
class Form:
    action: str
    fields: dict[str, str | list[str]]
    # For each <select>: its options as (value, label).
    options: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def choose(self, name: str, label_contains: str = "") -> None:
        """Selects the first option of a <select> whose label contains the text (the first real one without)."""
        for value, label in self.options[name]:
            if value and label_contains in label:
                self.fields[name] = value
                return
        raise LookupError(f"no option {label_contains!r} in {name}")


class _FormParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: str | None = None
        self._selected: list[str] = []
        self._multiple = False
        self._option: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self._form = Form(action=attrs.get("action") or "", fields={})
        if self._form is None:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self._form.fields.setdefault(name, []).append(attrs.get("value") or "on")
            elif kind not in ("submit", "button", "reset", "file"):
                self._form.fields[name] = attrs.get("value") or ""
        elif tag == "select" and name:
            self._select, self._selected, self._multiple = name, [], "multiple" in attrs
            self._form.options[name] = []
        elif tag == "option" and self._select:
            self._option = attrs.get("value") or ""
            self._form.options[self._select].append((self._option, ""))
            if "selected" in attrs:
                self._selected.append(self._option)
        elif tag == "textarea" and name:
            self._textarea = name
            self._form.fields[name] = ""

    def handle_data(self, data):
        if self._form is None:
            return
        if self._textarea:
            self._form.fields[self._textarea] += data
        elif self._select and self._option is not None:
            value, label = self._form.options[self._select][-1]
            self._form.options[self._select][-1] = (value, label + data.strip())

    def handle_endtag(self, tag):
        if self._form is None:
            return
        if tag == "textarea":
            self._textarea = None
        elif tag == "option":
            self._option = None
        elif tag == "select" and self._select:
            options = self._form.options[self._select]
            if self._multiple:
                self._form.fields[self._select] = self._selected
            else:  # a browser sends the selected option, or the first
                first = options[0][0] if options else ""
                self._form.fields[self._select] = self._selected[0] if self._selected else first
            self._select = None
        elif tag == "form":
            self.forms.append(self._form)
            self._form = None


def forms_of(html: str) -> list[Form]:
    parser = _FormParser()
    parser.feed(html)
    return parser.forms


class Person:
    """One person with one browser (cookie jar) on the site at `base_url`."""

    def __init__(self, session: requests.Session, base_url: str) -> None:
        self.session = session
        self.base = base_url.rstrip("/")

    def url(self, path: str) -> str:
        return urljoin(self.base + "/", path.lstrip("/"))

    def get(self, path: str) -> requests.Response:
        return self.session.get(self.url(path), timeout=TIMEOUT, allow_redirects=False)

    def form(self, path: str, having: str) -> tuple[requests.Response, Form | None]:
        """The page at `path` and its POST form that has a field `having` (None when the page did not answer 200)."""
        response = self.get(path)
        if response.status_code != 200:
            return response, None
        for form in forms_of(response.text):
            if having in form.fields:
                form.action = urljoin(response.url, form.action) if form.action else response.url
                return response, form
        raise LookupError(f"{path}: no form with a field {having!r}")

    def submit(self, form: Form, referer: str) -> requests.Response:
        """Sends a form as a browser does: its fields, and the page it came from as Referer (Django's CSRF check
        over HTTPS compares it with the host)."""
        return self.session.post(
            form.action, data=form.fields, headers={"Referer": referer}, timeout=TIMEOUT, allow_redirects=False
        )

    def sign_in(self, username: str, password: str, totp_key: str | None = None) -> None:
        """Through the login page and, for staff, the second step with the current code of their authenticator."""
        page, form = self.form("/account/inloggen/", having="username")
        if form is None:
            raise RuntimeError(f"login page: {page.status_code}")
        form.fields.update(username=username, password=password)
        answer = self.submit(form, page.url)
        if answer.status_code != 302:
            raise RuntimeError(f"sign-in of {username}: {answer.status_code}")
        if totp_key is None:
            return
        page, form = self.form("/account/controle/", having="token")
        if form is None:
            raise RuntimeError(f"second step: {page.status_code}")
        form.fields["token"] = f"{totp(unhexlify(totp_key)):06d}"
        answer = self.submit(form, page.url)
        if answer.status_code != 302:
            raise RuntimeError(f"second step of {username}: {answer.status_code}")
