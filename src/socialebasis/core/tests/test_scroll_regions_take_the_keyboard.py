"""A table that may scroll sideways on a phone (our `sb-table-scroll`, or NL Design System's
`utrecht-table-container`, which scrolls too) can be reached and scrolled with the keyboard:
it is a focusable, named region (WCAG 2.1.1; axe's scrollable-region-focusable). axe only sees the tables that
overflow in a browser test's data; this reads every template, so a new one cannot forget it."""

import re
from pathlib import Path

import socialebasis

ROOT = Path(socialebasis.__file__).resolve().parent
SCROLLER = re.compile(r"<div\b[^>]*\bclass=\"[^\"]*\b(?:sb-table-scroll|utrecht-table-container)\b[^\"]*\"[^>]*>")


def test_every_sideways_scrolling_table_is_a_focusable_named_region():
    found, wrong = 0, []
    for template in ROOT.rglob("templates/**/*.html"):
        for tag in SCROLLER.findall(template.read_text(encoding="utf-8")):
            found += 1
            if not ('tabindex="0"' in tag and 'role="region"' in tag and "aria-label" in tag):
                wrong.append(f"{template.relative_to(ROOT)}: {tag}")
    assert found > 15
    assert not wrong, "\n".join(wrong)
