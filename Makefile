# The two commands a newcomer needs: `make run` (the site with demo content) and `make test`.
# Both create the virtual environment and install everything on first use.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install browser-deps run test test-fast lint format bench messages screenshots

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

# What the browser tests need besides Python packages: Debian's chromium (apt, as root, when
# missing; or CHROMIUM_PATH) and axe-core from the npm registry (into .cache/browser/).
browser-deps:
	scripts/ensure-browser-deps

# Migrates, seeds the demo content (idempotent), upserts the job schedules, points the Wagtail
# Site at PUBLIC_BASE_URL (default http://HOST:PORT), then runs the site
# and a django-q2 worker until interrupted. DJANGO_DEBUG=1: a development server, not production.
RUN_ENV := DJANGO_DEBUG=1 PUBLIC_BASE_URL=$${PUBLIC_BASE_URL:-http://$(HOST):$(PORT)}

run: install
	$(RUN_ENV) $(PY) manage.py migrate --noinput
	$(RUN_ENV) $(PY) manage.py seed_demo
	$(RUN_ENV) $(PY) manage.py setup_schedules
	$(RUN_ENV) $(PY) manage.py configure_site
	@echo "Site: http://$(HOST):$(PORT)/hu/  Admin: http://$(HOST):$(PORT)/admin/ (README lists the demo users)"
	$(RUN_ENV) bash -c 'trap "kill 0" EXIT INT TERM; \
		$(PY) manage.py qcluster & \
		$(PY) manage.py runserver --noreload $(HOST):$(PORT)'

# The whole suite on the database DATABASE_URL names (SQLite when unset), browser tests included,
# on every core
# (pytest-xdist; TEST_WORKERS=0 runs it in one process) with a freshly built test database, and
# the 15 slowest tests listed at the end. PYTEST_ARGS passes more options or test paths.
# `make test-fast` keeps the SQLite test database between runs (`--reuse-db`, one file per worker
# under .pytest-db/), which spares the migrations; after editing a migration use `make test`.
# xdist's default `--dist load` hands each worker tests in collection order, which keeps
# pytest-django's order (transactional tests last) and each module's tests together.
TEST_WORKERS ?= auto
PYTEST_ARGS ?=
PYTEST := $(PY) -m pytest -n $(TEST_WORKERS) --durations=15

test: install browser-deps
	$(PYTEST) --create-db $(PYTEST_ARGS)

test-fast: install browser-deps
	$(PYTEST) --reuse-db $(PYTEST_ARGS)

# ruff, then the import contracts of pyproject.toml (the layers: the cms base knows no app).
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Benchmarks are scripts, not tests (timing is not a pass/fail criterion).
bench: install
	@for script in tests/benchmarks/bench_*.py; do \
		[ -e "$$script" ] || { echo "no benchmarks yet"; break; }; \
		echo "== $$script"; $(PY) "$$script" || exit 1; \
	done

# Re-extract the gettext catalogs and compile them (needs GNU gettext; the .mo files are
# committed so that a newcomer does not need it).
messages: install
	DJANGO_DEBUG=1 $(PY) manage.py makemessages --locale hu --ignore ".venv/*" --ignore "tests/*"
	DJANGO_DEBUG=1 $(PY) manage.py compilemessages --locale hu --ignore ".venv/*"

# Fresh screenshots of the demo site (public pages in both languages at phone and desktop size,
# and the admin) under docs/screenshots/, for the README. Not a test; uses a scratch database.
screenshots: install browser-deps
	$(PY) scripts/screenshots.py
