"""The table of environment variables in docs/deployment.md, made from the settings' own documentation.

Every setting that may differ between installations is read with `config(NAME, default, documentation)`
(src/socialebasis/conf/env.py), which records it. This script imports the production settings, which read every
variable, and writes the table between the two markers in docs/deployment.md. With --check (`make checks`) it
changes nothing and fails when the committed table is not what the settings say.
"""

import difflib
import importlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "deployment.md"
START, END = "<!-- env-table:start -->", "<!-- env-table:end -->"

sys.path.insert(0, str(ROOT / "src"))


def shown(value) -> str:
    if isinstance(value, bool):
        return "`true`" if value else "`false`"
    if isinstance(value, list):
        value = ",".join(value)
    text = str(value).replace(str(ROOT), "<checkout>")
    return f"`{text}`" if text else "(empty)"


def table() -> str:
    env = importlib.import_module("socialebasis.conf.env")
    importlib.import_module("socialebasis.conf.production")  # reads every variable, the production ones last
    lines = ["| variable | default | meaning |", "|---|---|---|"]
    for name, (default, doc) in env.DOCUMENTED.items():
        lines.append(f"| `{name}` | {shown(default)} | {doc.replace('|', '/')} |")
    return "\n".join(lines)


def main() -> int:
    text = DOC.read_text(encoding="utf-8")
    before, rest = text.split(START, 1)
    _old, after = rest.split(END, 1)
    new = f"{before}{START}\n{table()}\n{END}{after}"
    if "--check" in sys.argv:
        if new != text:
            sys.stdout.writelines(
                difflib.unified_diff(text.splitlines(True), new.splitlines(True), "committed", "settings")
            )
            print("docs/deployment.md: the table of environment variables is out of date; run `make env-table`.")
            return 1
        print("docs/deployment.md: the table of environment variables matches the settings.")
        return 0
    DOC.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
