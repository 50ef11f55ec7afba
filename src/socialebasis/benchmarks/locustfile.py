"""The load run of `make bench-load` (scripts/bench_pages.py load; ADR 0038): residents search and read, staff write.

Started by the script with BENCH_PLAN (the JSON of `bench_pages_data`: paths per page and prepared staff sessions)
and BENCH_CA (the run's certificate authority). Residents are anonymous: they search the sociale kaart with the
directory benchmark's mix and open activities, places, organisations, wijk pages and profiles. Staff are policy
officers whose session passed the second step (prepared by the bench command, see pages_data.staff_sessions):
they open the form for a new activity and send it, and add an agenda item to a wijk of their municipality, with
the CSRF token and idempotency key of the form as a browser sends them. Not imported by the application.
"""

import itertools
import json
import os
import random
import re
from pathlib import Path

import gevent.ssl
from locust import FastHttpUser, HttpUser, between, constant_throughput, task

from socialebasis.benchmarks import load_forms

PLAN = (
    json.loads(Path(os.environ["BENCH_PLAN"]).read_text()) if "BENCH_PLAN" in os.environ else {"paths": {}, "staff": []}
)
CA = os.environ.get("BENCH_CA", True)
# Requests per second each resident sends (the offered rate of the run divided over the residents); 0: as fast as
# the pauses of a person allow (between 0.1 and 0.5 s).
RESIDENT_RATE = float(os.environ.get("BENCH_RESIDENT_RATE", "0"))
_staff = itertools.cycle(PLAN["staff"] or [None])
_INPUT = re.compile(r"<input\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r'(\w[\w-]*)="([^"]*)"')


def hidden_fields(html: str) -> dict:
    """The hidden inputs of a page's form (CSRF token, idempotency key), as a browser would send them."""
    fields = {}
    for tag in _INPUT.findall(html):
        attributes = dict(_ATTRIBUTE.findall(tag))
        if attributes.get("type") == "hidden" and "name" in attributes:
            fields[attributes["name"]] = attributes.get("value", "").replace("&amp;", "&")
    return fields


def _pick(key: str) -> str:
    return random.choice(PLAN["paths"][key])


def _verified_context():
    """TLS that checks nginx's certificate against the run's own certificate authority."""
    return gevent.ssl.create_default_context(cafile=CA) if isinstance(CA, str) else gevent.ssl.create_default_context()


class Resident(FastHttpUser):
    """Anonymous: mostly searching, then reading what was found. With BENCH_RESIDENT_RATE each resident keeps to
    that many requests per second (an open rate as long as the answers come faster than the pause), so the run
    offers a fixed total rate; locust's own client (geventhttpclient) costs little of the shared cores."""

    wait_time = constant_throughput(RESIDENT_RATE) if RESIDENT_RATE else between(0.1, 0.5)
    insecure = False
    ssl_context_factory = staticmethod(_verified_context)

    @task(load_forms.RESIDENT_MIX["search"])
    def search(self):
        self.client.get(_pick("search"), name="search page")

    @task(load_forms.RESIDENT_MIX["activity"])
    def activity(self):
        self.client.get(_pick("activity"), name="activity page")

    @task(load_forms.RESIDENT_MIX["place"])
    def place(self):
        self.client.get(_pick("place"), name="place page")

    @task(load_forms.RESIDENT_MIX["organisation"])
    def organisation(self):
        self.client.get(_pick("organisation"), name="organisation page")

    @task(load_forms.RESIDENT_MIX["district"])
    def district(self):
        self.client.get(_pick("district"), name="wijk page")

    @task(load_forms.RESIDENT_MIX["profile"])
    def profile(self):
        self.client.get(_pick("profile"), name="wijk profile")


class Staff(HttpUser):
    """A policy officer with a verified session: reads profiles and adds activities and agenda items."""

    # As many staff users as the run prepared sessions for (BENCH_STAFF_USERS); every other user is a resident.
    fixed_count = int(os.environ.get("BENCH_STAFF_USERS", "0")) if PLAN["staff"] else 0
    wait_time = between(0.5, 2)

    def on_start(self):
        self.client.verify = CA
        self.account = next(_staff)
        # The production cookie name (__Host- prefix: HTTPS, no domain, path /).
        self.client.cookies.set("__Host-sessionid", self.account["session"], path="/")
        self.counter = 0

    def _post_form(self, path: str, data: dict, name: str):
        with self.client.get(path, name=f"{name} (form)", catch_response=True) as page:
            if page.status_code != 200:
                page.failure(f"form answered {page.status_code}")
                return
            fields = hidden_fields(page.text)
        headers = {"Referer": self.host + path}
        with self.client.post(
            path, data={**fields, **data}, headers=headers, name=name, allow_redirects=False, catch_response=True
        ) as answer:
            if answer.status_code != 302:
                answer.failure(f"answered {answer.status_code} instead of a redirect after saving")

    @task(3)
    def read_profile(self):
        account = self.account
        self.client.get(f"/gemeenten/{account['municipality']}/wijken/{account['district']}/profiel/",
                        name="wijk profile (staff)")  # fmt: skip

    @task(2)
    def add_activity(self):
        self.counter += 1
        data = load_forms.activity_form(self.counter, self.account["municipality_id"])
        self._post_form("/sociale-kaart/nieuw/activiteit/", data, "add activity")

    @task(1)
    def add_agenda_item(self):
        self.counter += 1
        account = self.account
        path = f"/gemeenten/{account['municipality']}/wijken/{account['district']}/agenda/nieuw/"
        self._post_form(path, load_forms.agenda_form(self.counter), "add agenda item")
