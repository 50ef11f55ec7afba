"""The production shape for `make prod-check`: built and started once per test session, then checked and drilled.

scripts/production_shape.py builds it (docs/adr/0029-production-shape-in-ci.md). What each step did and how long it
took is printed as it happens and again at the end of the run. CI fails when nginx, PostgreSQL's server programs
or redis-server are missing; elsewhere these tests are skipped without them.
"""

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from production_shape import ProductionShape, ShapeError, Steps, nginx_program, postgres_program  # noqa: E402

# The order in which the tests run: the check of a fresh shape first, the backup last (it backs up what the drills
# wrote).
ORDER = ["test_production_shape", "test_database_outage", "test_lost_worker", "test_backup_and_restore"]
PASSWORD = "drill-only-password-8d2f5c1a"
# The professional's authenticator secret (hex, 20 bytes): the drill computes the current code from it.
TOTP_KEY = "3132333435363738393031323334353637383930"

_steps: list[Steps] = []


def pytest_collection_modifyitems(items):
    def position(item):
        module = item.path.stem
        return ORDER.index(module) if module in ORDER else len(ORDER)

    items.sort(key=lambda item: position(item) if item.path.parent == Path(__file__).parent else -1)


def _missing() -> list[str]:
    missing = []
    for what, find in (
        ("nginx", nginx_program),
        ("initdb", lambda: postgres_program("initdb")),
        ("pg_dump", lambda: postgres_program("pg_dump")),
    ):
        try:
            find()
        except ShapeError:
            missing.append(what)
    missing += [program for program in ("redis-server", "openssl") if not shutil.which(program)]
    return missing


def _printer(config):
    capture = config.pluginmanager.getplugin("capturemanager")
    reporter = config.pluginmanager.getplugin("terminalreporter")

    def out(line: str) -> None:
        with capture.global_and_fixture_disabled():
            reporter.write_line(line)

    return out


@pytest.fixture(scope="session")
def shape(request):
    if missing := _missing():
        message = f"the production shape needs {', '.join(missing)} (make prod-deps)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    steps = Steps(out=_printer(request.config))
    _steps.append(steps)
    steps.out("\nProduction shape (docs/adr/0029-production-shape-in-ci.md):")
    # `make prod-check` may hand over a collectstatic result; without one the shape makes its own.
    # SB_PROD_KEEP=1 keeps the temporary folders (the services' logs) for a look afterwards.
    built = ProductionShape(
        steps=steps,
        static_root=os.environ.get("SB_PROD_STATIC_ROOT") or None,
        keep=os.environ.get("SB_PROD_KEEP") == "1",
    )
    try:
        built.build()
        built.start()
        yield built
    finally:
        built.stop()


@pytest.fixture(scope="session")
def drill_accounts(shape):
    """A resident and a professional of Heusden with an authenticator, made as an operator would (`shell`)."""
    shape.manage(
        "shell",
        "-c",
        f"""
from django_otp.plugins.otp_totp.models import TOTPDevice
from socialebasis.accounts.models import Role, User
from socialebasis.areas.models import Municipality
User.objects.create_user("drill-resident", "resident@example.invalid", "{PASSWORD}", role=Role.RESIDENT)
professional = User.objects.create_user(
    "drill-professional", "professional@example.invalid", "{PASSWORD}", role=Role.PROFESSIONAL
)
professional.municipalities.set([Municipality.objects.get(statcode="GM0797")])
TOTPDevice.objects.create(user=professional, name="Telefoon", confirmed=True, key="{TOTP_KEY}")
""",
    )
    return {"resident": ("drill-resident", PASSWORD, None), "professional": ("drill-professional", PASSWORD, TOTP_KEY)}


def pytest_terminal_summary(terminalreporter):
    for steps in _steps:
        terminalreporter.section("production shape: what was done, and how long it took")
        for text, seconds in steps.done:
            terminalreporter.write_line(f"{seconds:7.1f} s  {text}")
        terminalreporter.write_line(f"{steps.total():7.1f} s  in all")
