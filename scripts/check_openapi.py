"""Fail when the committed OpenAPI document is invalid or no longer matches the code."""

import difflib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMITTED = ROOT / "docs" / "api" / "openapi.yaml"

with tempfile.TemporaryDirectory() as tmp:
    fresh = Path(tmp) / "openapi.yaml"
    result = subprocess.run(
        [sys.executable, "manage.py", "spectacular", "--validate", "--fail-on-warn", "--file", str(fresh)],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "socialebasis.conf.test"},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        print(result.stdout + result.stderr)
        sys.exit("The OpenAPI document is invalid (see above).")
    if not COMMITTED.exists() or COMMITTED.read_text() != fresh.read_text():
        old = COMMITTED.read_text().splitlines() if COMMITTED.exists() else []
        diff = difflib.unified_diff(old, fresh.read_text().splitlines(), "committed", "generated", lineterm="")
        print("\n".join(list(diff)[:80]))
        sys.exit("docs/api/openapi.yaml is stale: run `make schema` and commit it.")
print("OpenAPI document: valid and up to date.")
