"""A database outage loses nothing (issue 18 point 3).

A signed-in resident adds activities through the page and a professional (through the real login and second step)
adds agenda items, each form carrying its idempotency key, while a visitor reads pages and the API. Mid-stream the
shape's own PostgreSQL is stopped for ten seconds and started again. Whoever gets a 503 sends the same form again,
as a person does after the "try again later" page, until it is saved.
"""

import secrets
import threading
import time
from dataclasses import dataclass

import pytest
from shape_client import Person

pytestmark = pytest.mark.production

OUTAGE_SECONDS = 10
WRITES = 8  # per person
BEFORE_OUTAGE = 3  # writes each person has saved before the database goes down
PAUSE = 0.3  # between a 503 and the next try
RUN = secrets.token_hex(3)


@dataclass
class Answer:
    at: float
    who: str
    what: str
    status: int | None  # None: no answer within the client's timeout, or the connection failed
    began: float = 0.0
    retry_after: str | None = None
    error: str = ""


class Log:
    def __init__(self) -> None:
        self.answers: list[Answer] = []
        self.lock = threading.Lock()

    def add(self, who: str, what: str, response=None, error: Exception | None = None, began: float = 0.0) -> None:
        answer = Answer(time.monotonic(), who, what, None, began=began)
        answer.error = f"{type(error).__name__}: {error}" if error else ""
        if response is not None:
            answer.status, answer.retry_after = response.status_code, response.headers.get("Retry-After")
        with self.lock:
            self.answers.append(answer)


def _fill_activity(form, title: str) -> None:
    # The resident's form (ADR 0032): the municipality from the postcode, no fixed times, goals of Heusden.
    form.fields.update(
        title=title,
        description="Opgeslagen tijdens de storingsoefening.",
        postcode="5251",
        how_often="no_fixed_times",
        goals="dont_know",
        goals_from="GM0797",
    )


def _fill_agenda_item(form, title: str) -> None:
    form.fields.update(title=title, evidence="Storingsoefening.", owner_name="Buurtcomité Drunen")
    form.choose("owner_kind")
    form.choose("municipal_role")


class Writer(threading.Thread):
    """One person saving WRITES forms one after the other; each form is sent again after a 503 until it is saved."""

    def __init__(self, who: str, person: Person, path: str, fill, log: Log, deadline: float, outage) -> None:
        super().__init__(daemon=True)
        self.who, self.person, self.path, self.fill, self.log, self.deadline = who, person, path, fill, log, deadline
        self.outage = outage  # set when the database goes down: the rest of the writes meet the outage
        self.saved: list[dict] = []  # title, the form as sent, the page it came from, where the answer pointed
        self.retried = 0
        self.holding = False
        self.failure = ""

    def run(self) -> None:
        for number in range(WRITES):
            if not self.write(f"Oefening {RUN} {self.who} {number}", hold=number == BEFORE_OUTAGE):
                return

    def write(self, title: str, hold: bool = False) -> bool:
        """Saves one form; with `hold` the form is loaded, then sent only once the database is down."""
        page = form = None
        while time.monotonic() < self.deadline:
            began = time.monotonic()
            try:
                if form is None:
                    page, form = self.person.form(self.path, having="title")
                    self.log.add(self.who, "GET form", page)
                    if form is None:
                        time.sleep(PAUSE)
                        continue
                    self.fill(form, title)
                if hold:
                    self.holding = True
                    self.outage.wait(timeout=max(1, self.deadline - time.monotonic()))
                    hold = False
                answer = self.person.submit(form, page.url)
            except Exception as exc:  # recorded; the test fails on it
                self.log.add(self.who, "GET form" if form is None else "POST form", error=exc, began=began)
                time.sleep(PAUSE)
                continue
            self.log.add(self.who, "POST form", answer)
            if answer.status_code == 302:
                location = answer.headers["Location"]
                self.saved.append({"title": title, "form": form, "page": page.url, "location": location})
                return True
            if answer.status_code != 503:
                self.failure = f"{title}: {answer.status_code}"
                return False
            self.retried += 1
            time.sleep(PAUSE)
        self.failure = f"{title}: not saved before the deadline"
        return False


class Reader(threading.Thread):
    """A visitor reading pages and the API all the time: each time a new search (a page nobody asked for yet), and
    the sociale kaart's first page, which the page cache keeps for visitors (ADR 0038): that one needs no database
    and may go on answering 200 during the outage ("kept page")."""

    PATHS = ("/", "/sociale-kaart/?q=oefening{n}", "/gemeenten/GM0797/", "/api/v1/activities", "/readyz")
    KEPT = "/sociale-kaart/"

    def __init__(self, person: Person, log: Log, stop: threading.Event) -> None:
        super().__init__(daemon=True)
        self.person, self.log, self.stop = person, log, stop

    def run(self) -> None:
        n = 0
        while not self.stop.is_set():
            n += 1
            for who, path in [("visitor", p.format(n=n)) for p in self.PATHS] + [("kept page", self.KEPT)]:
                try:
                    self.log.add(who, f"GET {path}", self.person.get(path))
                except Exception as exc:
                    self.log.add(who, f"GET {path}", error=exc)
            time.sleep(PAUSE)


def _count(shape, table: str) -> dict[str, int]:
    with shape.postgres.connect(shape.database) as conn:
        rows = conn.execute(
            f"SELECT title, count(*) FROM {table} WHERE title LIKE %s GROUP BY title",  # noqa: S608 (our table names)
            (f"Oefening {RUN} %",),
        ).fetchall()
    return dict(rows)


def _wait_for(condition, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the writes did not get going before the outage"
        time.sleep(0.1)


def test_a_database_outage_answers_503_and_loses_no_saved_write_nor_stores_one_twice(shape, drill_accounts):
    people = {}
    for who, (username, password, totp_key) in drill_accounts.items():
        people[who] = Person(shape.session(), shape.base_url)
        people[who].sign_in(username, password, totp_key)
    log = Log()
    deadline = time.monotonic() + 180
    outage = threading.Event()
    writers = [
        Writer(
            "resident", people["resident"], "/sociale-kaart/nieuw/activiteit/", _fill_activity, log, deadline, outage
        ),
        Writer(
            "professional",
            people["professional"],
            "/gemeenten/GM0797/wijken/WK079701/agenda/nieuw/",
            _fill_agenda_item,
            log,
            deadline,
            outage,
        ),
    ]
    stop_reading = threading.Event()
    reader = Reader(Person(shape.session(), shape.base_url), log, stop_reading)
    for thread in (*writers, reader):
        thread.start()

    # Mid-stream: every writer has saved its first writes and holds a filled-in form, to send once the database is
    # down (so that a form sent during the outage is sent again with its key afterwards).
    _wait_for(lambda: all(writer.holding or writer.failure for writer in writers), 60)
    shape.postgres.stop("fast")
    down = time.monotonic()
    outage.set()
    time.sleep(OUTAGE_SECONDS)
    back = time.monotonic()
    shape.postgres.start()
    # "Serves again within seconds": /readyz must answer 200 within 15 s of PostgreSQL's return, or this fails.
    recovery = shape.wait_until_ready(15)
    for writer in writers:
        writer.join(timeout=max(1, deadline - time.monotonic()))
    stop_reading.set()
    reader.join(timeout=30)

    # A form sent again with its key after it was saved: the first answer again, nothing stored twice.
    replays = []
    for writer in writers:
        for saved in writer.saved[:2]:
            replays.append((saved, writer.person.submit(saved["form"], saved["page"])))
    # The control: the same title from a new form (a new key) is a second write, so a duplicate would show.
    control = f"Oefening {RUN} resident control"
    for _ in range(2):
        page, form = people["resident"].form("/sociale-kaart/nieuw/activiteit/", having="title")
        _fill_activity(form, control)
        assert people["resident"].submit(form, page.url).status_code == 302

    during = [answer for answer in log.answers if down <= answer.at <= back and answer.who != "kept page"]
    kept = [answer for answer in log.answers if down <= answer.at <= back and answer.who == "kept page"]
    shape.steps.record(
        f"database outage drill: PostgreSQL stopped {back - down:.0f} s; {sum(len(w.saved) for w in writers)} writes "
        f"saved, {sum(w.retried for w in writers)} sent again after a 503; {len(during)} answers during the outage, "
        f"all 503 (the kept page: {sum(a.status == 200 for a in kept)} of {len(kept)} answered 200 from the cache); "
        f"/readyz 200 again {recovery:.1f} s after PostgreSQL started",
        time.monotonic() - (deadline - 180),
    )

    assert not [w.failure for w in writers if w.failure]
    assert not [a for a in log.answers if a.status is None], "a request got no answer (hang or broken connection)"
    assert {a.status for a in log.answers} <= {200, 302, 503}, sorted({a.status for a in log.answers})
    assert all(a.retry_after for a in log.answers if a.status == 503), "a 503 without Retry-After"
    assert {a.who for a in during} == {"resident", "professional", "visitor"}
    assert all(a.status == 503 for a in during), [(a.who, a.what, a.status) for a in during if a.status != 503]
    for saved, answer in replays:
        assert (answer.status_code, answer.headers.get("Location")) == (302, saved["location"])
        assert answer.headers.get("Idempotent-Replay") == "true"
    activities, agenda_items = _count(shape, "directory_activity"), _count(shape, "profiles_agendaitem")
    for writer, stored in ((writers[0], activities), (writers[1], agenda_items)):
        assert len(writer.saved) == WRITES
        assert {saved["title"]: 1 for saved in writer.saved} == {t: n for t, n in stored.items() if t != control}
    assert activities[control] == 2
