"""The production settings plus the benchmarks app, for `make bench-pages` and `make bench-load` only (ADR 0038).

The production shape started by those targets uses this module so that the floor of the measurement (a view with
one query, `benchmarks/urls.py`) answers through the same nginx, gunicorn and middleware as the pages measured.
Nothing else uses it: the deployment guide and `make prod-check` run `socialebasis.conf.production`, which never
installs the benchmarks app.
"""

from .production import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "socialebasis.benchmarks"]  # noqa: F405
ROOT_URLCONF = "socialebasis.benchmarks.urls"
