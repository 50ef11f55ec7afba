# Sociale Basis: `make demo` and `make test` are all a newcomer needs (see README).
#
# Django 6 needs Python >= 3.12 and the machine's python3 is older, so the interpreter is chosen here
# explicitly (docs/adr/0002-python-interpreter.md): PYTHON overrides, else python3.13/python3.12 on PATH,
# else the pyenv builds.
PYTHON ?= $(shell for p in python3.13 python3.12 /root/.pyenv/versions/3.13.0/bin/python3.13 \
	/root/.pyenv/versions/3.12.1/bin/python3.12; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { echo $$p; break; }; \
	done)
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
PG_URL ?= postgres://postgres@127.0.0.1:5432/socialebasis
PYTEST_ARGS ?=
# Tests run in parallel processes (pytest-xdist), one per core by default; each has its own test database.
PYTEST_WORKERS ?= auto

.PHONY: prod-deps prod-check prod-serve env-table demo test install system-deps test-deps lint lint-api checks test-postgres test-sqlite schema messages clean bench-profiles bench-directory bench-help bench-pages bench-load bench-deps

demo: install
	$(MANAGE) migrate --noinput -v 0
	$(MANAGE) load_demo
	@echo "Sociale Basis draait op http://127.0.0.1:$(PORT)/ (stoppen: Ctrl+C). Accounts: zie README."
	$(MANAGE) runserver 127.0.0.1:$(PORT) --noreload

test: install test-deps lint checks test-postgres test-sqlite prod-check

install: system-deps $(VENV)/.installed node_modules/.installed locale/nl/LC_MESSAGES/django.mo

# The browser tests need Debian's chromium; the demo does not.
test-deps:
	@command -v chromium >/dev/null || $(MAKE) --no-print-directory system-deps NEED=chromium

# Debian packages, installed only when missing: gettext (msgfmt) always, and what NEED adds.
NEED ?=
system-deps:
	@missing="$(NEED)"; command -v msgfmt >/dev/null || missing="$$missing gettext"; \
	ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

$(VENV)/.installed: requirements/lock.txt requirements/dev-lock.txt pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python >= 3.12 not found; set PYTHON=/path/to/python3.12"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements/lock.txt -r requirements/dev-lock.txt
	$(BIN)/python -m pip install -q --no-deps -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

locale/nl/LC_MESSAGES/django.mo: locale/nl/LC_MESSAGES/django.po
	$(MANAGE) compilemessages --locale nl -v 0 --ignore .venv --ignore node_modules

lint: install lint-api
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

# The committed OpenAPI document against the NL API Design Rules: Logius' official Spectral ruleset (vendored,
# unchanged) with the exceptions of docs/adr/0022-api-contract-and-hostile-input.md, in docs/api/spectral.yaml.
lint-api: node_modules/.installed
	node_modules/.bin/spectral lint --fail-severity error -r docs/api/spectral.yaml docs/api/openapi.yaml

# Migrations, deploy checks, the committed OpenAPI document and the Dutch translations.
checks: install
	$(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=socialebasis.conf.production SECRET_KEY=$$(head -c 48 /dev/urandom | base64) \
	  ALLOWED_HOSTS=socialebasis.example.nl $(MANAGE) check --deploy --fail-level WARNING
	$(BIN)/python scripts/check_openapi.py
	$(BIN)/python scripts/check_translations.py
	$(BIN)/python scripts/env_table.py --check

# The table of environment variables in docs/deployment.md, from the settings' own documentation.
env-table: install
	$(BIN)/python scripts/env_table.py

test-postgres: install
	@if ! $(BIN)/python scripts/pg_ready.py "$(PG_URL)"; then \
	  if [ "$$CI" = "true" ]; then echo "PostgreSQL is not reachable at $(PG_URL); CI needs it."; exit 1; fi; \
	  echo "PostgreSQL is not reachable: skipping the PostgreSQL run (CI does not skip)."; exit 0; fi; \
	DATABASE_URL=$(PG_URL) $(BIN)/pytest -n $(PYTEST_WORKERS) -m "not production" $(PYTEST_ARGS)

# The browser suite runs on PostgreSQL only (the pages are the same on either database); SQLite, the demo's
# database, runs everything else.
test-sqlite: install
	DATABASE_URL=sqlite:///:memory: $(BIN)/pytest -n $(PYTEST_WORKERS) -m "not e2e and not production" $(PYTEST_ARGS)

# The production shape (docs/adr/0029-production-shape-in-ci.md): collectstatic with the production settings, its
# own PostgreSQL and Redis, gunicorn behind Debian's nginx over HTTPS, a Celery worker and beat, all on 127.0.0.1 on
# free ports in temporary folders. One pytest session builds it once, crawls it (pages, static files, the API), and
# drills it: a database outage, a lost worker and Redis, a backup restored. It prints each step with its time.
prod-check: install prod-deps
	$(BIN)/pytest tests/production -m production $(PROD_ARGS)

# nginx (Debian's) for the production shape; PostgreSQL's server programs and redis-server are there for the suite.
prod-deps:
	@command -v nginx >/dev/null || test -x /usr/sbin/nginx || $(MAKE) --no-print-directory system-deps NEED=nginx

# The production shape with the demo data, to look at or to measure: https://127.0.0.1:<port>/ (Ctrl+C stops it).
prod-serve: install prod-deps
	$(BIN)/python scripts/production_shape.py serve

schema: install
	$(MANAGE) spectacular --validate --fail-on-warn --file docs/api/openapi.yaml

# National-scale search benchmark of the sociale kaart in its own database (docs/performance.md, "## Directory").
BENCH_URL ?= postgres://postgres@127.0.0.1:5432/socialebasis_bench
bench-directory: install
	DATABASE_URL=$(BENCH_URL) DB_STATEMENT_TIMEOUT_MS=0 DJANGO_SETTINGS_MODULE=socialebasis.conf.test $(MANAGE) bench_directory $(BENCH_ARGS)

messages: install
	$(MANAGE) makemessages --locale nl --no-obsolete --no-wrap --ignore .venv --ignore node_modules --ignore var --add-location file

# Wijk profiles at national scale (docs/performance.md, "## Profiles"): builds synthetic data once in its own
# database (BENCH_PG_URL, not the directory's; the name must end in _bench), then prints recompute time,
# API p95 and the ratio to a plain SQL aggregate.
BENCH_PG_URL ?= postgres://postgres@127.0.0.1:5432/socialebasis_profiles_bench
BENCH_ARGS ?=
bench-profiles: install
	DATABASE_URL=$(BENCH_PG_URL) DB_STATEMENT_TIMEOUT_MS=0 DJANGO_SETTINGS_MODULE=socialebasis.conf.test $(MANAGE) bench_profiles $(BENCH_ARGS)

# Burenhulp matching at national scale (docs/performance.md, "## Neighbour help"): 200,000 volunteers and 50,000 open
# requests, built once in its own database (the name must end in _bench); p95 of suggestions and nearby requests
# and the ratio to the same SQL replayed.
BENCH_HELP_URL ?= postgres://postgres@127.0.0.1:5432/socialebasis_help_bench
bench-help: install
	DATABASE_URL=$(BENCH_HELP_URL) DB_STATEMENT_TIMEOUT_MS=0 DJANGO_SETTINGS_MODULE=socialebasis.conf.test $(MANAGE) bench_help $(BENCH_ARGS)

# Pages through the production shape (docs/performance.md "## Pages", ADR 0038): builds the national data set once in
# its own database (BENCH_PAGES_URL; the name must end in _bench), starts nginx + gunicorn on it with the bench
# settings, and measures each page and the floor (one query) with wrk from 127.0.0.1.
BENCH_PAGES_URL ?= postgres://postgres@127.0.0.1:5432/socialebasis_pages_bench
bench-pages: install bench-deps
	BENCH_PAGES_URL=$(BENCH_PAGES_URL) $(BIN)/python scripts/bench_pages.py pages $(BENCH_ARGS)

# A bounded locust run (two minutes) of residents searching and reading and staff writing, on the same shape and data.
bench-load: install bench-deps
	BENCH_PAGES_URL=$(BENCH_PAGES_URL) $(BIN)/python scripts/bench_pages.py load $(BENCH_ARGS)

bench-deps: prod-deps
	@command -v wrk >/dev/null || $(MAKE) --no-print-directory system-deps NEED=wrk

clean:
	rm -rf $(VENV) node_modules var
