"""`make bench-pages` and `make bench-load` (docs/performance.md "## Pages", docs/adr/0038-pages-as-fast-as-the-api.md).

Both start the production shape (scripts/production_shape.py: collectstatic, gunicorn behind Debian's nginx over
HTTPS, Redis) against a national-scale data set in a PostgreSQL database of its own whose name ends in `_bench`
(built once by `socialebasis bench_pages_data`), with the settings `socialebasis.conf.bench`: production plus the
benchmarks app, whose floor view answers through the same stack. Everything listens on 127.0.0.1.

    pages   wrk against each page (paths drawn from the data set, a Lua script cycles through them) and the floor
            (one ORM lookup, a few bytes of HTML): requests/s, p50/p95, HTML size, ratio to the floor, targets.
    load    a bounded headless locust run (src/socialebasis/benchmarks/locustfile.py): residents search and read,
            staff (prepared, second-step-verified sessions) add activities and agenda items; fails on any 5xx.

It prints everything a rerun on a quiet machine needs: the machine, the load average before and after each
measurement, the versions, the settings of the run.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))
from production_shape import BIN, ROOT, ProductionShape, Steps

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
from socialebasis.benchmarks import load_forms  # Django-free

PAGES = [
    # (key, label, target share of the floor's requests/s, HTML limit in KB)
    ("floor", "floor: one ORM lookup", None, None),
    ("activity", "activity page", 0.50, None),
    ("place", "place page", None, None),
    ("organisation", "organisation page", None, None),
    ("search", "search page (directory mix)", 0.25, None),
    ("district", "wijk page", None, None),
    ("profile", "wijk profile", 0.15, 150),
]

LUA = """
paths = {%(paths)s}
counter = 0
request = function()
    counter = counter + 1
    return wrk.format("GET", paths[(counter %% #paths) + 1])
end
done = function(summary, latency, requests)
    io.write(string.format(
        "BENCH requests=%%d duration_us=%%d p50_us=%%d p95_us=%%d p99_us=%%d non2xx=%%d errors=%%d\\n",
        summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
        latency:percentile(99), summary.errors.status, summary.errors.connect + summary.errors.read
        + summary.errors.write + summary.errors.timeout))
end
"""


class ExistingPostgres:
    """The bench database on the PostgreSQL the developer already runs, in place of the shape's private cluster:
    the national data set is built once and kept between runs. The shape never stops or drops it."""

    running = False

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.base = f"{parts.scheme}://{parts.netloc}"
        self.port = parts.port or 5432
        self.name = parts.path.lstrip("/")
        if not self.name.endswith("_bench"):
            raise SystemExit(f"The bench database's name must end in _bench (it is emptied and rebuilt): {self.name}")

    def url(self, database: str) -> str:
        return f"{self.base}/{database}"

    def create_database(self, name: str) -> None:
        with psycopg.connect(self.url("postgres"), autocommit=True) as admin:
            if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                admin.execute(f'CREATE DATABASE "{name}"')  # the name ends in _bench, checked above

    def log_tail(self, lines: int = 20) -> str:
        return ""

    def destroy(self) -> None:
        pass

    def stop(self, mode: str = "fast") -> None:
        pass


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def machine() -> str:
    cpus = os.cpu_count()
    model = ""
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    return f"{cpus} CPUs ({model}), Python {platform.python_version()}, {wrk_version()}, {nginx_version()}"


def postgres_version(url: str) -> str:
    with psycopg.connect(url) as conn:
        return "PostgreSQL " + conn.execute("SHOW server_version").fetchone()[0].split()[0]


def wrk_version() -> str:
    done = subprocess.run(["wrk", "--version"], capture_output=True, text=True)
    return (done.stdout or done.stderr).splitlines()[0].split(" [")[0] if (done.stdout or done.stderr) else "wrk"


def nginx_version() -> str:
    from production_shape import nginx_program

    done = subprocess.run([nginx_program(), "-v"], capture_output=True, text=True)
    return done.stderr.strip().replace("nginx version: ", "")


def prepare(args, steps: Steps, *, staff: int = 0) -> tuple[ProductionShape, dict]:
    """The shape on the bench database, the data set built when missing, the plan of requests written."""
    postgres = ExistingPostgres(args.database_url)
    shape = ProductionShape(
        steps=steps,
        postgres=postgres,
        database=postgres.name,
        gunicorn_workers=args.workers,
        celery=args.celery,
        label="bench",
    )
    shape.env["DJANGO_SETTINGS_MODULE"] = "socialebasis.conf.bench"
    shape.build(demo=False)
    plan_file = shape.tmp / "plan.json"
    with steps.step("socialebasis bench_pages_data") as info:
        command = ["bench_pages_data", "--activities", str(args.activities), "--sample", str(args.sample)]
        command += ["--profile-areas", str(args.profile_areas)]
        command += ["--staff", str(staff), "--out", str(plan_file)]
        if args.rebuild:
            command.append("--rebuild")
        # Building a million rows takes minutes: no statement limit for this one command.
        output = shape.manage(*command, env={"DB_STATEMENT_TIMEOUT_MS": "0"}, timeout=7200)
        info["detail"] = "; ".join(line for line in output.strip().splitlines()) or "data set present"
    shape.start()
    return shape, json.loads(plan_file.read_text())


def first_visits(shape: ProductionShape, paths: list[str]) -> tuple[float, int, set[int], float]:
    """Every path once, one after the other, before wrk: mean and largest body (uncompressed, as wrk reads them),
    the statuses seen, and the median time of a first visit (nothing cached yet for that path; one at a time)."""
    session = shape.session()
    sizes, statuses, times = [], set(), []
    for path in paths:
        started = time.perf_counter()
        response = session.get(shape.base_url + path, timeout=60)
        times.append((time.perf_counter() - started) * 1000)
        statuses.add(response.status_code)
        sizes.append(len(response.content))
    return statistics.mean(sizes), max(sizes), statuses, statistics.median(times)


def run_wrk(shape: ProductionShape, paths: list[str], args, folder: Path, key: str) -> dict:
    script = folder / f"{key}.lua"
    script.write_text(LUA % {"paths": ", ".join(json.dumps(p) for p in paths)})
    before = load_average()
    done = subprocess.run(
        ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s", "--timeout", "10s",
         "-s", str(script), shape.base_url],
        capture_output=True, text=True, timeout=args.duration + 60,
    )  # fmt: skip
    found = re.search(r"BENCH (.*)", done.stdout)
    if not found:
        raise SystemExit(f"wrk gave no figures for {key}:\n{done.stdout}{done.stderr}")
    figures = {name: int(value) for name, value in (part.split("=") for part in found.group(1).split())}
    figures["rps"] = figures["requests"] / (figures["duration_us"] / 1e6)
    figures["load"] = f"{before} -> {load_average()}"
    return figures


def pages(args) -> int:
    steps = Steps()
    print(f"Pages benchmark (docs/performance.md '## Pages'), {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    print(f"  machine: {machine()}, {postgres_version(args.database_url.rsplit('/', 1)[0] + '/postgres')}")
    print(f"  load average at the start: {load_average()}")
    with contextlib_shape(args, steps) as (shape, plan):
        folder = Path(tempfile.mkdtemp(prefix="sb-bench-wrk-"))
        results = {}
        try:
            for key, label, _target, _limit in PAGES:
                paths = plan["paths"][key]
                if not paths:
                    raise SystemExit(f"no paths for {label}")
                mean, largest, statuses, first = first_visits(shape, paths)  # also the warm-up
                if statuses != {200}:
                    raise SystemExit(f"{label}: answers {sorted(statuses)} (expected 200 only)")
                figures = run_wrk(shape, paths, args, folder, key)
                figures.update(html_mean=mean, html_max=largest, first_ms=first)
                results[key] = figures
                print(
                    f"  measured {label}: {figures['rps']:.1f} requests/s, p95 {figures['p95_us'] / 1000:.1f} ms "
                    f"(load {figures['load']})",
                    flush=True,
                )
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    report(results, args)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    failed = [k for k, r in results.items() if r["non2xx"] or r["errors"]]
    return 1 if failed else 0


def report(results: dict, args) -> None:
    floor = results["floor"]["rps"]
    print(
        f"\nwrk -t{args.threads} -c{args.connections} -d{args.duration}s through nginx (HTTPS) and gunicorn "
        f"({args.workers} sync workers), {args.sample} paths per page in turn, "
        f"data set: {args.activities:,} activities"
    )
    print("first visit: median of one request at a time over every path before wrk (nothing cached for it yet)")
    print(
        f"{'page':<30} {'req/s':>8} {'p50':>8} {'p95':>8} {'HTML':>9} {'ratio':>6} {'target':>7}  {'verdict':<7}  "
        f"non-2xx  first visit"
    )
    for key, label, target, limit in PAGES:
        r = results[key]
        ratio = r["rps"] / floor
        verdicts = []
        if target is not None:
            verdicts.append("met" if ratio >= target else "NOT met")
        if limit is not None:
            verdicts.append(f"HTML {'met' if r['html_max'] <= limit * 1024 else 'NOT met'}")
        print(
            f"{label:<30} {r['rps']:>8.1f} {r['p50_us'] / 1000:>6.1f}ms {r['p95_us'] / 1000:>6.1f}ms "
            f"{r['html_mean'] / 1024:>7.1f}KB {ratio:>6.2f} {('>=' + format(target, '.0%')) if target else '':>7}"
            f"  {', '.join(verdicts) or '-':<7}  {r['non2xx'] + r['errors']:>7}  {r['first_ms']:>8.1f}ms"
        )
    print("load average per measurement (before -> after):")
    for key, label, _t, _l in PAGES:
        print(f"  {label:<30} {results[key]['load']}")
    print(f"load average at the end: {load_average()}")


class contextlib_shape:
    def __init__(self, args, steps: Steps, staff: int = 0):
        self.args, self.steps, self.staff, self.shape = args, steps, staff, None

    def __enter__(self):
        try:
            self.shape, plan = prepare(self.args, self.steps, staff=self.staff)
        except BaseException:
            self.__exit__()
            raise
        return self.shape, plan

    def __exit__(self, *exc):
        if self.shape is not None:
            self.shape.stop()


# The names locust gives the residents' requests (locustfile.py), by the page keys of PAGES.
RESIDENT_NAMES = {
    "search": "search page", "activity": "activity page", "place": "place page",
    "organisation": "organisation page", "district": "wijk page", "profile": "wijk profile",
}  # fmt: skip
# Pages without a target of their own count at the search page's share when the mix's rate is worked out.
DEFAULT_SHARE = 0.25


def offered_rate(floor_rps: float) -> tuple[float, float]:
    """The residents' rate that the targets of point 2 ask of the load run's mix, and its share of the floor.

    If the shape serves page i alone at share_i x floor requests/s, a mix with fractions p_i is served at
    floor / sum(p_i / share_i): each request takes its page's part of the capacity. With the mix of
    load_forms.RESIDENT_MIX this is 0.28 x the floor.
    """
    shares = {key: target or DEFAULT_SHARE for key, _label, target, _limit in PAGES if key != "floor"}
    mix = load_forms.RESIDENT_MIX
    cost = sum(weight / shares[key] for key, weight in mix.items()) / sum(mix.values())
    return floor_rps / cost, 1 / cost


def warm(shape: ProductionShape, plan: dict) -> tuple[float, int]:
    """Every resident path once, four at a time, as bench-pages' first visits do: the run measures the site as it
    holds a load, not its first minute after a restart. Returns the seconds taken and the number of paths."""
    from concurrent.futures import ThreadPoolExecutor

    paths = [path for key in load_forms.RESIDENT_MIX for path in plan["paths"][key]]
    session = shape.session()
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=4) as pool:
        statuses = set(pool.map(lambda path: session.get(shape.base_url + path, timeout=60).status_code, paths))
    if statuses != {200}:
        raise SystemExit(f"warming up: answers {sorted(statuses)} (expected 200 only)")
    return time.perf_counter() - started, len(paths)


def load(args) -> int:
    steps = Steps()
    print(f"Load run (docs/performance.md '## Pages', load held), {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    print(f"  machine: {machine()}")
    print(f"  load average at the start: {load_average()}")
    with contextlib_shape(args, steps, staff=args.staff) as (shape, plan):
        folder = Path(tempfile.mkdtemp(prefix="sb-bench-locust-"))
        (folder / "plan.json").write_text(json.dumps(plan))
        seconds, count = warm(shape, plan)
        print(f"  warmed up: {count} resident paths once each in {seconds:.0f} s", flush=True)
        floor = run_wrk(shape, plan["paths"]["floor"], args, folder, "floor")
        rate, share = (args.rate, args.rate / floor["rps"]) if args.rate else offered_rate(floor["rps"])
        residents = args.users
        print(
            f"  floor: {floor['rps']:.1f} requests/s (wrk, load {floor['load']}); offered resident rate "
            f"{rate:.1f} requests/s = {share:.2f} x floor, over {residents} residents; {args.staff} staff",
            flush=True,
        )
        env = {
            **{k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "TZ")},
            "BENCH_PLAN": str(folder / "plan.json"),
            "BENCH_CA": str(shape.certificate_authority),
            "BENCH_STAFF_USERS": str(args.staff),
            "BENCH_RESIDENT_RATE": f"{rate / residents:.4f}",
        }
        before = load_average()
        users = residents + args.staff
        command = [
            str(BIN / "locust"), "-f", str(ROOT / "src" / "socialebasis" / "benchmarks" / "locustfile.py"),
            "--headless", "--users", str(users), "--spawn-rate", str(users),
            "--run-time", f"{args.run_time}s", "--stop-timeout", "10", "--host", shape.base_url,
            "--csv", str(folder / "run"), "--only-summary", "--loglevel", "WARNING",
        ]  # fmt: skip
        print(f"  locust: {residents} residents and {args.staff} staff for {args.run_time} s", flush=True)
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=args.run_time + 120)
        after = load_average()
        rows = list(csv.DictReader((folder / "run_stats.csv").open()))
        failures = list(csv.DictReader((folder / "run_failures.csv").open()))
        gunicorn_5xx = count_5xx(shape.tmp / "access.log")
    print(f"\nlocust for {args.run_time} s against nginx (HTTPS), gunicorn {args.workers} workers")
    print(f"{'request':<44} {'n':>6} {'fail':>5} {'req/s':>7} {'p50':>7} {'p95':>7} {'max':>8}")
    for row in rows:
        print(
            f"{row['Name'][:44]:<44} {row['Request Count']:>6} {row['Failure Count']:>5} "
            f"{float(row['Requests/s']):>7.1f} {row['50%']:>5}ms {row['95%']:>5}ms "
            f"{float(row['Max Response Time']):>6.0f}ms"
        )
    for failure in failures:
        print(f"  failure: {failure['Method']} {failure['Name']}: {failure['Error']} ({failure['Occurrences']}x)")
    held = sum(float(r["Requests/s"]) for r in rows if r["Name"] in RESIDENT_NAMES.values())
    print(
        f"residents: {held:.1f} requests/s held of {rate:.1f} offered ({held / rate:.0%}), "
        f"{held / floor['rps']:.2f} x floor"
    )
    print(f"5xx answers in gunicorn's access log: {gunicorn_5xx}")
    print(f"load average before -> after: {before} -> {after}")
    if done.returncode not in (0, 1):
        print(done.stdout[-3000:], done.stderr[-3000:])
    total = next((r for r in rows if r["Name"] == "Aggregated"), None)
    clean = gunicorn_5xx == 0 and total is not None and int(total["Failure Count"]) == 0
    kept_up = held >= 0.95 * rate
    if clean and kept_up:
        print("PASS: the offered rate held (95 % or more), no 5xx, no failed request")
    else:
        reasons = [("failures or 5xx above", not clean), ("the offered rate was not held", not kept_up)]
        print("FAIL: " + "; ".join(reason for reason, bad in reasons if bad))
    return 0 if clean and kept_up else 1


def count_5xx(access_log: Path) -> int:
    """gunicorn's access log (its default format): the status follows the quoted request line."""
    count = 0
    if access_log.exists():
        for line in access_log.read_text(errors="replace").splitlines():
            found = re.search(r'" (\d{3}) ', line)
            if found and found.group(1).startswith("5"):
                count += 1
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["pages", "load"])
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_PAGES_URL", "postgres://postgres@127.0.0.1:5432/socialebasis_pages_bench"),
    )
    parser.add_argument("--activities", type=int, default=1_000_000)
    parser.add_argument("--profile-areas", type=int, default=17_000, help="areas with figures (x 40 x 10 values)")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--sample", type=int, default=200, help="paths per page")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument("--celery", action="store_true", help="also start the Celery worker and beat")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--duration", type=int, default=15, help="seconds per page")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--users", type=int, default=100, help="locust residents (load)")
    parser.add_argument("--staff", type=int, default=8, help="staff users, each with a session of its own (load)")
    parser.add_argument(
        "--rate", type=float, default=0, help="residents' requests/s to offer (load; default: what point 2 implies)"
    )
    parser.add_argument("--run-time", type=int, default=120, help="seconds of the locust run (load)")
    args = parser.parse_args()
    return pages(args) if args.action == "pages" else load(args)


if __name__ == "__main__":
    sys.exit(main())
