"""Keyboard users: the skip link comes first and skips the header; the header can be walked with Tab in
order, and every focused element shows a visible outline."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

SKIP_LINK = ("A", "Direct naar de inhoud")
SIGNED_OUT_HEADER = [
    ("A", "Sociale Basis"),
    ("A", "Gemeenten"),
    ("A", "Activiteiten"),
    ("A", "Plekken"),
    ("A", "Inloggen"),
    ("A", "Aanmelden"),
    ("BUTTON", "English"),
]
SIGNED_IN_HEADER = [
    ("A", "Sociale Basis"),
    ("A", "Gemeenten"),
    ("A", "Activiteiten"),
    ("A", "Plekken"),
    ("A", "Berichten"),
    ("A", "Mijn account"),
    ("BUTTON", "Uitloggen"),
    ("BUTTON", "English"),
]

# What the keyboard user sees of the focused element: its name, where it is, how it is outlined, and the
# colour painted just outside the outline (the backdrop the outline must stand out from: WCAG 1.4.11).
_FOCUSED = """() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  const ring = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth) + 2;
  const backdrop = (x, y) => {
    const behind = document.elementsFromPoint(x, y).find((node) => !element.contains(node));
    for (let node = behind; node; node = node.parentElement) {
      const colour = getComputedStyle(node).backgroundColor;
      if (!/^rgba\\(.*, 0\\)$/.test(colour) && colour !== "transparent") return colour;
    }
    return "rgb(255, 255, 255)";
  };
  return {
    tag: element.tagName, id: element.id, text: element.textContent.trim(),
    inHeader: !!element.closest("header"), inMain: !!element.closest("main"),
    outlineStyle: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth),
    outlineColour: style.outlineColor,
    backdrops: [
      backdrop(Math.max(box.left - ring, 0), box.top + box.height / 2),
      backdrop(box.left + box.width / 2, Math.max(box.top - ring, 0)),
    ],
    visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0,
  };
}"""


def _luminance(colour: str) -> float:
    red, green, blue = (int(part) / 255 for part in re.findall(r"[\d.]+", colour)[:3])
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(first: str, second: str) -> float:
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def press_tab(page) -> dict:
    page.keyboard.press("Tab")
    return page.evaluate(_FOCUSED)


def assert_outlined(focused: dict) -> None:
    name = repr(focused["text"])
    assert focused["visible"], f"{name} is focused but not on screen"
    assert focused["outlineStyle"] != "none", f"{name} has no focus outline"
    assert focused["outlineWidth"] >= 2, f"{name} has a focus outline of {focused['outlineWidth']}px"
    for backdrop in focused["backdrops"]:
        contrast = _contrast(focused["outlineColour"], backdrop)
        assert contrast >= 3, (
            f"the focus outline of {name} ({focused['outlineColour']}) has a contrast of {contrast:.1f}:1 "
            f"against {backdrop}; WCAG 1.4.11 asks for 3:1"
        )


def walk_header(page, expected: list[tuple[str, str]]) -> None:
    """From page load: the skip link first, then every link and button of the header in order."""
    focused = press_tab(page)
    assert (focused["tag"], focused["text"]) == SKIP_LINK
    assert_outlined(focused)
    reached = []
    for _ in expected:
        focused = press_tab(page)
        assert focused["inHeader"], f"Tab left the header at {focused['text']!r}, after {reached}"
        assert_outlined(focused)
        reached.append((focused["tag"], focused["text"]))
    assert reached == expected


def skip_to_content(page) -> None:
    """From page load: the skip link first; Enter moves focus to main, and the next Tab stays inside it."""
    focused = press_tab(page)
    assert (focused["tag"], focused["text"]) == SKIP_LINK
    assert_outlined(focused)
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    focused = press_tab(page)
    assert focused["inMain"], f"after the skip link, Tab went to {focused['text']!r} outside main"
    assert_outlined(focused)


@pytest.mark.parametrize("path", ["/", "/gemeenten/GM0797/"], ids=["home", "municipality"])
def test_keyboard_user_walks_the_header_or_skips_it(site, page, path):
    page.goto(site + path)
    walk_header(page, SIGNED_OUT_HEADER)
    page.goto(site + path)
    skip_to_content(page)


def test_keyboard_user_walks_the_header_when_signed_in(site, page, sign_in, user_factory):
    user_factory(username="bewoner")
    sign_in(page, "bewoner")
    walk_header(page, SIGNED_IN_HEADER)
