"""The production shape of Sociale Basis, built and started as an operator does it (docs/deployment.md, ADR 0029).

- `collectstatic` with the production settings (hashed names, a manifest, gzip and brotli copies);
- a PostgreSQL cluster of its own (`initdb` in a temporary folder, a free port), migrated, checked with
  `check --deploy` and loaded with the demo data (`load_demo --no-accounts`);
- a Redis of its own with an append-only file, as cache and as Celery broker;
- gunicorn with several workers (deploy/gunicorn.conf.py) behind Debian's nginx (deploy/nginx/sociale-basis.conf,
  HTTPS with a certificate made for the run; plain HTTP sends visitors to HTTPS);
- a Celery worker and beat.

Everything listens on 127.0.0.1 on ports chosen at run time and lives in temporary folders, so two runs (or two
pytest workers) never meet; mail and the outside services point at a closed local port. This is the one way the
production shape is started: by `make prod-check` (tests/production, through `scripts/prod_check.py`) and by hand:

    .venv/bin/python scripts/production_shape.py serve [--workers 4]    # start it; Ctrl+C stops it
"""

from __future__ import annotations

import argparse
import contextlib
import grp
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import requests

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
NGINX_SITE = ROOT / "deploy" / "nginx" / "sociale-basis.conf"
GUNICORN_CONF = ROOT / "deploy" / "gunicorn.conf.py"
# The environment a service of the platform gets, besides its own variables: nothing else leaks in from the caller
# (a DATABASE_URL or DJANGO_SETTINGS_MODULE of the test run, for example).
PASSED_ON = ("PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR", "CI")


class ShapeError(RuntimeError):
    """The production shape could not be built or started; the message says what and shows the log."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_program(name: str) -> str:
    """A PostgreSQL server program (initdb, pg_ctl, pg_dump, ...): Debian's newest version first, then PATH."""
    versions = sorted(
        (path for path in Path("/usr/lib/postgresql").glob("*/bin") if path.parent.name.isdigit()),
        key=lambda path: int(path.parent.name),
        reverse=True,
    )
    for folder in versions:
        if (folder / name).exists():
            return str(folder / name)
    if found := shutil.which(name):
        return found
    raise ShapeError(f"{name} not found: install PostgreSQL's server package (postgresql).")


def nginx_program() -> str:
    for candidate in (shutil.which("nginx"), "/usr/sbin/nginx"):
        if candidate and Path(candidate).exists():
            return candidate
    raise ShapeError("nginx not found: install Debian's nginx package (make prod-deps).")


class Steps:
    """What was done and how long it took, printed as it happens."""

    def __init__(self, out: Callable[[str], None] = print):
        self.out = out
        self.started = time.monotonic()
        self.done: list[tuple[str, float]] = []

    @contextlib.contextmanager
    def step(self, text: str) -> Iterator[dict]:
        """Times the block; the block may add a detail (`info["detail"] = ...`) to the printed line."""
        info: dict = {}
        begin = time.monotonic()
        yield info
        self.record(f"{text}{': ' + info['detail'] if info.get('detail') else ''}", time.monotonic() - begin)

    def record(self, text: str, seconds: float) -> None:
        self.done.append((text, seconds))
        self.out(f"  {text} ({seconds:.1f} s)")

    def total(self) -> float:
        return time.monotonic() - self.started


class Process:
    """A service in its own process group, so that it and its children are stopped together (and only they)."""

    def __init__(self, name: str, argv: list[str], *, env: dict, log: Path, user: str | None = None, cwd=ROOT):
        self.name, self.log = name, log
        with open(log, "ab") as out:
            self.popen = subprocess.Popen(
                argv,
                cwd=cwd,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                user=user,
            )

    @property
    def pid(self) -> int:
        return self.popen.pid

    def alive(self) -> bool:
        return self.popen.poll() is None

    def children(self) -> list[int]:
        """The ids of this process's own child processes (a Celery worker's pool, gunicorn's workers)."""
        found = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            with contextlib.suppress(OSError, IndexError, ValueError):
                # pid (name) state ppid ...: the name may hold spaces, so read after its closing parenthesis.
                if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == self.popen.pid:
                    found.append(int(stat.parent.name))
        return found

    def signal_group(self, sig: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.popen.pid, sig)

    def kill(self) -> None:
        """SIGKILL to the process and its children: no chance to clean up, as when a machine loses a process."""
        self.signal_group(signal.SIGKILL)
        self.popen.wait(timeout=30)

    def stop(self, timeout: float = 20) -> None:
        if not self.alive():
            return
        self.signal_group(signal.SIGTERM)
        try:
            self.popen.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
        self.signal_group(signal.SIGKILL)  # children that outlived their parent

    def tail(self, lines: int = 25) -> str:
        try:
            text = self.log.read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def wait_for_log(self, needle: str, timeout: float, start: int = 0) -> None:
        """Waits until the log (from byte `start`) contains `needle`; fails when the process dies first."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if needle in self.log.read_text(errors="replace")[start:]:
                return
            if not self.alive():
                raise ShapeError(f"{self.name} stopped:\n{self.tail()}")
            time.sleep(0.1)
        raise ShapeError(f"{self.name}: no {needle!r} in its log after {timeout:.0f} s:\n{self.tail()}")


def _wait_until(check: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    last = "no answer"
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except Exception as exc:  # not there yet: try again until the deadline
            last = f"{type(exc).__name__}: {exc}"
        time.sleep(0.1)
    raise ShapeError(f"{what}: not within {timeout:.0f} s (last: {last})")


class PrivatePostgres:
    """A PostgreSQL cluster of its own: initdb in a temporary folder, TCP on 127.0.0.1 only, a free port.

    PostgreSQL refuses to run as root; run as root, the cluster belongs to the `postgres` account.
    """

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="sb-prod-pg-"))
        self.data = self.dir / "data"
        self.port = free_port()
        self.user = "postgres" if os.geteuid() == 0 else None
        if self.user:
            shutil.chown(self.dir, self.user)
        self.running = False

    def _run(self, *argv: str, timeout: float = 120) -> None:
        done = subprocess.run(argv, cwd=self.dir, user=self.user, capture_output=True, text=True, timeout=timeout)
        if done.returncode:
            raise ShapeError(f"{' '.join(argv[:2])} failed:\n{done.stdout}{done.stderr}\n{self.log_tail()}")

    def init(self) -> None:
        self._run(
            postgres_program("initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust",
            "-E", "UTF8", "--locale=C.UTF-8",
        )  # fmt: skip
        with open(self.data / "postgresql.conf", "a") as conf:
            conf.write(
                f"listen_addresses = '127.0.0.1'\nport = {self.port}\nunix_socket_directories = ''\n"
                "max_connections = 60\n"
            )

    def start(self) -> None:
        self._run(postgres_program("pg_ctl"), "-D", str(self.data), "-l", str(self.dir / "postgres.log"), "-w", "start")
        self.running = True

    def stop(self, mode: str = "fast") -> None:
        """`fast`: open transactions are rolled back and every connection is closed, as when a server goes down."""
        self._run(postgres_program("pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")
        self.running = False

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def connect(self, database: str = "postgres", **kwargs) -> psycopg.Connection:
        return psycopg.connect(self.url(database), connect_timeout=5, **kwargs)

    def create_database(self, name: str) -> None:
        with self.connect(autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')

    def log_tail(self, lines: int = 20) -> str:
        with contextlib.suppress(OSError):
            return "\n".join((self.dir / "postgres.log").read_text(errors="replace").splitlines()[-lines:])
        return ""

    def destroy(self) -> None:
        if self.running:
            with contextlib.suppress(Exception):
                self.stop("immediate")
        shutil.rmtree(self.dir, ignore_errors=True)


class PrivateRedis:
    """A Redis of its own on a free port, with an append-only file written at every change: a restart (even after
    SIGKILL) keeps the queue, as the deployment guide asks of the broker's Redis."""

    def __init__(self, folder: Path) -> None:
        self.dir = folder
        self.dir.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.process: Process | None = None
        self.starts = 0

    def start(self) -> None:
        self.starts += 1
        argv = [
            shutil.which("redis-server") or "/usr/bin/redis-server",
            "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.dir),
            "--appendonly", "yes", "--appendfsync", "always", "--save", "", "--daemonize", "no",
        ]  # fmt: skip
        self.process = Process("redis", argv, env={"PATH": os.environ.get("PATH", "")}, log=self.dir / "redis.log")
        _wait_until(lambda: self.client().ping(), 20, f"Redis on port {self.port}")

    def client(self, db: int = 0):
        import redis

        return redis.Redis(host="127.0.0.1", port=self.port, db=db, socket_timeout=5, socket_connect_timeout=2)

    def url(self, db: int) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def kill(self) -> None:
        self.process.kill()


class ProductionShape:
    """The platform as it runs in production, on this machine only. Use as a context manager, or stop() it.

    `postgres` may be an already running PrivatePostgres (its owner stops it); otherwise the shape makes its own.
    A `static_root` that already holds a collectstatic result (staticfiles.json) is used as it is.
    """

    def __init__(
        self,
        *,
        steps: Steps | None = None,
        static_root: str | Path | None = None,
        postgres: PrivatePostgres | None = None,
        database: str = "sb_prod",
        gunicorn_workers: int = 3,
        celery: bool = True,
        keep: bool = False,
        label: str = "",
    ) -> None:
        self.steps = steps or Steps()
        self.tmp = Path(tempfile.mkdtemp(prefix="sb-prod-"))
        self.static_root = Path(static_root) if static_root else self.tmp / "static"
        self.owns_postgres = postgres is None
        self.postgres = postgres or PrivatePostgres()
        self.database = database
        self.gunicorn_workers = gunicorn_workers
        self.celery = celery
        self.keep = keep
        self.label = label  # in the printed steps, when a run starts more than one shape
        self.redis = PrivateRedis(self.tmp / "redis")
        self.app_port, self.http_port, self.https_port = free_port(), free_port(), free_port()
        self.processes: dict[str, Process] = {}
        self.workers_started = 0
        self.certificate = self.tmp / "tls" / "cert.pem"
        # Prometheus's token: /metrics on gunicorn's own address answers only with it (docs/adr/0037-operations.md).
        self.metrics_token = secrets.token_urlsafe(32)
        self.env = self._environment()

    # -- configuration ---------------------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"https://127.0.0.1:{self.https_port}"

    @property
    def http_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def app_url(self) -> str:
        """gunicorn itself, as Prometheus on the internal network reaches an app server (not through nginx)."""
        return f"http://127.0.0.1:{self.app_port}"

    @property
    def database_url(self) -> str:
        return self.postgres.url(self.database)

    @property
    def broker_url(self) -> str:
        return self.redis.url(1)

    def _environment(self) -> dict[str, str]:
        nowhere = free_port()  # nothing listens here: mail and the outside services lead nowhere
        env = {name: os.environ[name] for name in PASSED_ON if name in os.environ}
        env.update(
            DJANGO_SETTINGS_MODULE="socialebasis.conf.production",
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            DATABASE_URL=self.database_url,
            REDIS_URL=self.redis.url(0),
            CELERY_BROKER_URL=self.broker_url,
            STATIC_ROOT=str(self.static_root),
            MEDIA_ROOT=str(self.tmp / "media"),
            SITE_URL=self.base_url,
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(nowhere),
            PDOK_LOCATIESERVER_URL=f"http://127.0.0.1:{nowhere}/pdok",
            CBS_ODATA_URL=f"http://127.0.0.1:{nowhere}/cbs",
            MAP_TILE_URL=f"http://127.0.0.1:{nowhere}/tiles/{{z}}/{{x}}/{{y}}.png",
            GUNICORN_BIND=f"127.0.0.1:{self.app_port}",
            GUNICORN_WORKERS=str(self.gunicorn_workers),
            GUNICORN_ACCESS_LOG=str(self.tmp / "access.log"),
            PYTHONUNBUFFERED="1",
            METRICS_TOKEN=self.metrics_token,
            # The worker's heartbeat every second, stale after five: the drill needs no minute to see a lost worker.
            WORKER_HEARTBEAT_SECONDS="1",
            WORKER_HEARTBEAT_STALE_SECONDS="5",
        )
        return env

    def session(self) -> requests.Session:
        """A client that trusts the run's own certificate authority and nothing else.

        It ignores the environment (trust_env): a REQUESTS_CA_BUNDLE there would replace the authority, and a proxy
        variable could send the requests elsewhere.
        """
        session = requests.Session()
        session.trust_env = False
        session.verify = str(self.certificate_authority)
        return session

    # -- build -----------------------------------------------------------------------------------------------------

    def command(self, *args: str) -> list[str]:
        """A management command as an operator types it (`socialebasis ...`, from the checkout's virtualenv)."""
        program = BIN / "socialebasis"
        return [str(program), *args] if program.exists() else [sys.executable, str(ROOT / "manage.py"), *args]

    def manage(self, *args: str, env: dict | None = None, timeout: float = 300) -> str:
        done = subprocess.run(
            self.command(*args),
            cwd=ROOT,
            env={**self.env, **(env or {})},
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if done.returncode:
            raise ShapeError(f"socialebasis {' '.join(args)} failed ({done.returncode}):\n{done.stdout}{done.stderr}")
        return done.stdout

    def build(self, *, demo: bool = True) -> None:
        """collectstatic (alongside the database work), the database, the certificate."""
        if not (ROOT / "locale" / "nl" / "LC_MESSAGES" / "django.mo").exists():
            raise ShapeError("locale/nl/LC_MESSAGES/django.mo is missing: run `make install` (compilemessages).")
        collecting = None
        started = time.monotonic()
        if not (self.static_root / "staticfiles.json").exists():
            collecting = subprocess.Popen(
                self.command("collectstatic", "--noinput"),
                cwd=ROOT,
                env=self.env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
        # The broker first: writes (load_demo's too) hand follow-up work to the worker after they commit (ADR 0027).
        self.redis.start()
        if self.owns_postgres:
            with self.steps.step("PostgreSQL of its own") as info:
                self.postgres.init()
                self.postgres.start()
                info["detail"] = f"initdb, 127.0.0.1:{self.postgres.port}"
        self.postgres.create_database(self.database)
        with self.steps.step("socialebasis migrate"):
            self.manage("migrate", "--noinput", "-v", "0")
        if demo:
            with self.steps.step("socialebasis load_demo --no-accounts"):
                self.manage("load_demo", "--no-accounts")
        with self.steps.step("socialebasis check --deploy --fail-level WARNING"):
            self.manage("check", "--deploy", "--fail-level", "WARNING")
        if collecting is not None:
            output, _ = collecting.communicate(timeout=600)
            if collecting.returncode:
                raise ShapeError(f"socialebasis collectstatic failed:\n{output}")
            summary = output.strip().splitlines()[-1] if output.strip() else ""
            took = time.monotonic() - started
            self.steps.record(f"socialebasis collectstatic (alongside the above): {summary}", took)
        self._make_certificate()

    def _make_certificate(self) -> None:
        """A certificate for 127.0.0.1 and localhost, signed by an authority made for this run; valid for two days.

        Only this run's clients trust that authority (`session()`); the keys live and die in the temporary folder.
        """
        folder = self.certificate.parent
        folder.mkdir(exist_ok=True)
        new_key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        (folder / "server.ext").write_text(
            "subjectAltName = IP:127.0.0.1, DNS:localhost\nbasicConstraints = critical, CA:FALSE\n"
            "keyUsage = critical, digitalSignature\nextendedKeyUsage = serverAuth\n"
            "subjectKeyIdentifier = hash\nauthorityKeyIdentifier = keyid\n"
        )
        for argv in (
            ["req", "-x509", *new_key, "-days", "2", "-subj", "/CN=Sociale Basis production shape (this run only)",
             "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign",
             "-keyout", "ca-key.pem", "-out", "ca.pem"],
            ["req", *new_key, "-subj", "/CN=127.0.0.1", "-keyout", "key.pem", "-out", "server.csr"],
            ["x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-set_serial",
             str(secrets.randbits(63)), "-days", "2", "-extfile", "server.ext", "-out", "cert.pem"],
        ):  # fmt: skip
            done = subprocess.run(["openssl", *argv], cwd=folder, capture_output=True, text=True)
            if done.returncode:
                raise ShapeError(f"openssl {argv[0]}: {done.stderr}")

    @property
    def certificate_authority(self) -> Path:
        return self.certificate.with_name("ca.pem")

    # -- run -------------------------------------------------------------------------------------------------------

    def start(self) -> None:
        if not self.certificate.exists():
            self._make_certificate()
        with self.steps.step(f"started{' (' + self.label + ')' if self.label else ''}") as info:
            try:
                if not (self.redis.process and self.redis.process.alive()):
                    self.redis.start()
                self.processes["gunicorn"] = Process(
                    "gunicorn",
                    [str(BIN / "gunicorn"), "-c", str(GUNICORN_CONF), "socialebasis.wsgi"],
                    # The workers' shared metrics files in the run's folder (deploy/gunicorn.conf.py empties it).
                    env={**self.env, "PROMETHEUS_MULTIPROC_DIR": str(self.tmp / "metrics")},
                    log=self.tmp / "gunicorn.log",
                )
                self._start_nginx()
                if self.celery:
                    self.start_worker()
                    self.processes["beat"] = Process(
                        "beat",
                        [
                            str(BIN / "celery"), "-A", "socialebasis", "beat", "--loglevel", "INFO",
                            "--schedule", str(self.tmp / "beat-schedule"),
                        ],
                        env=self.env,
                        log=self.tmp / "beat.log",
                    )  # fmt: skip
                self.wait_until_ready(60)
                if self.celery:
                    self.processes["worker"].wait_for_log(" ready.", 60)
                    self.processes["beat"].wait_for_log("beat: Starting", 60)
            except Exception:
                self.report_logs()
                raise
            parts = [
                f"Redis (append-only) :{self.redis.port}",
                f"gunicorn ({self.gunicorn_workers} worker{'s' if self.gunicorn_workers != 1 else ''})",
            ]
            parts.append(f"nginx {self.https_port} (HTTPS) and {self.http_port} (HTTP)")
            if self.celery:
                parts.append("Celery worker and beat")
            info["detail"] = ", ".join(parts)

    def _start_nginx(self) -> None:
        folder = self.tmp / "nginx"
        temp = folder / "temp"
        temp.mkdir(parents=True)
        user_line = ""
        if os.geteuid() == 0:
            # nginx's workers give up root; they only need the folder for request bodies that do not fit in memory.
            worker, group = _unprivileged_account()
            user_line = f"user {worker} {group};"
            # Others may pass through these folders to that one, not list or read them.
            os.chmod(self.tmp, 0o711)  # noqa: S103
            os.chmod(folder, 0o711)  # noqa: S103
            shutil.chown(temp, worker, group)
        site = NGINX_SITE.read_text()
        for name, value in {
            "SERVER_NAME": "127.0.0.1 localhost",
            "PUBLIC_HOST": f"127.0.0.1:{self.https_port}",
            "HTTP_LISTEN": f"127.0.0.1:{self.http_port}",
            "HTTPS_LISTEN": f"127.0.0.1:{self.https_port}",
            "CERTIFICATE": str(self.certificate),
            "CERTIFICATE_KEY": str(self.certificate.with_name("key.pem")),
            "APP_ADDRESS": f"127.0.0.1:{self.app_port}",
        }.items():
            site = site.replace(f"@{name}@", value)
        (folder / "site.conf").write_text(site)
        # The main configuration Debian's /etc/nginx/nginx.conf would give, reduced to what a private run needs.
        (folder / "nginx.conf").write_text(
            f"""daemon off;
{user_line}
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 512; }}
http {{
    access_log {folder}/access.log;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {folder}/site.conf;
}}
"""
        )
        conf = str(folder / "nginx.conf")
        check = subprocess.run(
            [nginx_program(), "-t", "-q", "-p", str(folder), "-e", str(folder / "error.log"), "-c", conf],
            capture_output=True,
            text=True,
        )
        if check.returncode:
            raise ShapeError(f"nginx -t: {check.stdout}{check.stderr}")
        self.processes["nginx"] = Process(
            "nginx",
            [nginx_program(), "-p", str(folder), "-e", str(folder / "error.log"), "-c", conf],
            env={"PATH": os.environ.get("PATH", "")},
            log=folder / "stdout.log",
        )

    def start_worker(self, env: dict | None = None) -> Process:
        """A Celery worker, as the deployment guide runs it (one process in its pool here: the machine is small)."""
        self.workers_started += 1
        name = f"worker{self.workers_started}"
        process = Process(
            "worker",
            [
                str(BIN / "celery"), "-A", "socialebasis", "worker", "--concurrency", "1", "--loglevel", "INFO",
                "--hostname", f"{name}@sb-prod-{self.https_port}",
            ],
            env={**self.env, **(env or {})},
            log=self.tmp / f"{name}.log",
        )  # fmt: skip
        self.processes["worker"] = process
        return process

    def wait_until_ready(self, timeout: float) -> float:
        """Waits until /readyz answers 200 through nginx; returns how long that took."""
        begin = time.monotonic()
        session = self.session()
        _wait_until(lambda: session.get(f"{self.base_url}/readyz", timeout=5).status_code == 200, timeout, "/readyz")
        return time.monotonic() - begin

    def report_logs(self) -> None:
        for process in self.processes.values():
            self.steps.out(f"--- {process.name} ({process.log}) ---\n{process.tail()}")
        if self.redis.process:
            self.steps.out(f"--- redis ---\n{self.redis.process.tail()}")
        with contextlib.suppress(OSError):
            error_log = (self.tmp / "nginx" / "error.log").read_text(errors="replace").splitlines()[-15:]
            self.steps.out("--- nginx error.log ---\n" + "\n".join(error_log))
        self.steps.out(f"--- postgres ---\n{self.postgres.log_tail()}")

    def stop(self) -> None:
        for name in ("beat", "worker", "nginx", "gunicorn"):
            if name in self.processes:
                self.processes[name].stop()
        if self.redis.process:
            self.redis.process.stop()
        if self.owns_postgres:
            if not self.keep:
                self.postgres.destroy()
            elif self.postgres.running:
                self.postgres.stop()
        if not self.keep:
            shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self) -> ProductionShape:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def _unprivileged_account() -> tuple[str, str]:
    for user, group in (("nobody", "nogroup"), ("nobody", "nobody"), ("www-data", "www-data")):
        with contextlib.suppress(KeyError):
            pwd.getpwnam(user), grp.getgrnam(group)
            return user, group
    raise ShapeError("no unprivileged account (nobody, www-data) for nginx's workers")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="action", required=True)
    serve = sub.add_parser("serve", help="build and start the production shape, and wait (Ctrl+C stops it)")
    serve.add_argument("--workers", type=int, default=3, help="gunicorn workers (default 3)")
    serve.add_argument("--keep", action="store_true", help="keep the temporary folders (logs) afterwards")
    args = parser.parse_args()
    steps = Steps()
    print("Production shape (docs/adr/0029-production-shape-in-ci.md)")
    with ProductionShape(steps=steps, gunicorn_workers=args.workers, keep=args.keep) as shape:
        shape.build()
        shape.start()
        print(f"Ready at {shape.base_url}/ (trust {shape.certificate_authority}); logs in {shape.tmp}. Ctrl+C stops.")
        with contextlib.suppress(KeyboardInterrupt):
            signal.pause()
    return 0


if __name__ == "__main__":
    sys.exit(main())
