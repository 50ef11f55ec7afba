#!/usr/bin/env python
"""Run Django's management commands from a checkout (the installed `socialebasis` command does the same)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))

from socialebasis.manage import main

if __name__ == "__main__":
    main()
