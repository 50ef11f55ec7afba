"""Read settings from the environment, each with a default and one line of documentation.

Every variable read through `config()` is registered in `DOCUMENTED`, from which the table of variables in
docs/deployment.md is made.
"""

import os
from typing import Any

DOCUMENTED: dict[str, tuple[Any, str]] = {}

_TRUE = {"1", "true", "yes", "on"}


def config(name: str, default: Any, doc: str) -> Any:
    DOCUMENTED[name] = (default, doc)
    raw = os.environ.get(name)
    if raw is None:
        return default
    if isinstance(default, bool):
        return raw.strip().lower() in _TRUE
    if isinstance(default, int):
        return int(raw)
    if isinstance(default, list):
        return [item.strip() for item in raw.split(",") if item.strip()]
    return raw
