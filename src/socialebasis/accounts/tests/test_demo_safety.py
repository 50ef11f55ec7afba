import importlib
import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings

from socialebasis.accounts import services


def _demo_accounts():
    import json

    path = django_settings.BASE_DIR / "data" / "demo" / "accounts.json"
    return json.loads(path.read_text(encoding="utf-8"))["accounts"]


def test_production_settings_keep_demo_mode_off_whatever_the_environment():
    # Run in a fresh interpreter so the production module is read with a hostile environment.
    code = "import socialebasis.conf.production as p; print(p.DEMO_MODE)"
    env = {**os.environ, "DEMO_MODE": "true", "SECRET_KEY": "x" * 50}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    assert importlib.import_module("socialebasis.conf.demo").DEMO_MODE is True


@pytest.mark.django_db
def test_demo_accounts_are_refused_outside_the_demo(settings):
    settings.DEMO_MODE = False
    with pytest.raises(services.DemoModeRequired):
        services.create_demo_accounts(_demo_accounts())


@pytest.mark.django_db
def test_demo_accounts_exist_for_every_role(settings, seed_areas):
    from socialebasis.core.roles import Role

    settings.DEMO_MODE = True
    users = services.create_demo_accounts(_demo_accounts())
    assert {u.role for u in users} == set(Role.values)
    beleid = next(u for u in users if u.username == "beleid")
    assert sorted(beleid.municipalities.values_list("statcode", flat=True)) == ["GM0797", "GM1961"]
    assert all(u.totpdevice_set.exists() == u.needs_second_factor for u in users)
    inwoner = next(u for u in users if u.username == "inwoner")
    assert inwoner.home_municipality.statcode == "GM0797" and inwoner.home_district is not None
    # Idempotent: running the demo again changes nothing.
    assert len(services.create_demo_accounts(_demo_accounts())) == len(users)
