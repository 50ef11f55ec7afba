"""Fail when a translatable string has no Dutch translation (or only a fuzzy one).

Extracts the strings of the current code into a copy of the locale folder, merged with the committed Dutch
translations, and lists what is untranslated or fuzzy. The committed files are not touched.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# makemessages writes the strings of a file to the locale folder beside the top of the tree it walks, so it walks a
# temporary tree: a link to the sources and a copy of the translations. The committed files are never written.
with tempfile.TemporaryDirectory() as tmp:
    locale = Path(tmp) / "locale"
    shutil.copytree(ROOT / "locale", locale, ignore=shutil.ignore_patterns("*.mo"))
    (Path(tmp) / "src").symlink_to(ROOT / "src")
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "manage.py"),
            "makemessages",
            "--locale",
            "nl",
            "--no-obsolete",
            "-v",
            "0",
            "--ignore",
            ".venv",
            "--ignore",
            "node_modules",
            "--ignore",
            "var",
            "--ignore",
            "docs",
            "--symlinks",
        ],
        cwd=tmp,
        env={**os.environ, "LOCALE_DIR": str(locale), "DJANGO_SETTINGS_MODULE": "socialebasis.conf.test"},
        check=True,
    )
    po = locale / "nl" / "LC_MESSAGES" / "django.po"
    problems = []
    for flag, label in (("--untranslated", "untranslated"), ("--only-fuzzy", "fuzzy")):
        out = subprocess.run(
            ["msgattrib", flag, "--no-obsolete", str(po)], capture_output=True, text=True, check=True
        ).stdout
        entries = [block for block in out.split("\n\n") if "msgid" in block and 'msgid ""\nmsgstr ""\n"' not in block]
        problems += [f"{label}:\n{entry}" for entry in entries]
    if problems:
        print("\n\n".join(problems))
        sys.exit(f"{len(problems)} string(s) lack a Dutch translation: run `make messages` and translate them.")
print("Dutch translations: complete.")
