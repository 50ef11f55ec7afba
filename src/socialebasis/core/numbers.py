"""Numbers typed by people and programs (query parameters, form fields, import cells), read in one strict way.

`str.isdigit()` is true for `³` and `٣`, and `int()` then fails or reads a number the writer did not mean;
`float()` accepts `nan`, `inf` and `1_000`. Here a number is ASCII digits only, with an optional sign, decimal
point and exponent, and it is finite. Anything else is `None`, so the caller can say in Dutch what is wrong.
"""

import math
import re

_INTEGER = re.compile(r"[+-]?[0-9]{1,18}")
_DECIMAL = re.compile(r"[+-]?(?:[0-9]{1,30}(?:\.[0-9]{0,30})?|\.[0-9]{1,30})(?:[eE][+-]?[0-9]{1,3})?")


def parse_int(text: str | None, low: int | None = None, high: int | None = None) -> int | None:
    """The integer written in `text` (ASCII digits, optional sign), within [low, high]; otherwise None."""
    if not isinstance(text, str) or not _INTEGER.fullmatch(text):
        return None
    number = int(text)
    if (low is not None and number < low) or (high is not None and number > high):
        return None
    return number


def parse_float(
    text: str | None, low: float | None = None, high: float | None = None, *, decimal_comma: bool = False
) -> float | None:
    """The finite number written in `text`, within [low, high]; otherwise None.

    With `decimal_comma`, one comma is read as the decimal point (Dutch spreadsheets: `12,5`).
    """
    if not isinstance(text, str):
        return None
    if decimal_comma and "." not in text and text.count(",") == 1:
        text = text.replace(",", ".")
    if not _DECIMAL.fullmatch(text):
        return None
    number = float(text)
    if not math.isfinite(number):
        return None
    if (low is not None and number < low) or (high is not None and number > high):
        return None
    return number
