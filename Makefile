# Vitrine: `make demo` runs the site on the embedded default; `make test` runs every check.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
# The scale-out run of the suite uses these when both services answer.
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/vitrine
TEST_REDIS_URL ?= redis://127.0.0.1:6379/15
# Throttle counters in a Redis database of their own, as the README advises: flushing the
# cache (tests do it between tests) must never reset them.
TEST_THROTTLE_REDIS_URL ?= redis://127.0.0.1:6379/14
# The suite runs in two processes (pytest-xdist), a test file never split between them. In the
# scale-out run each process gets Redis databases of its own (a test empties its cache first;
# tests/xdist_services.py), and pytest-django gives each a PostgreSQL database of its own.
TEST_REDIS_URL_GW1 ?= redis://127.0.0.1:6379/13
TEST_THROTTLE_REDIS_URL_GW1 ?= redis://127.0.0.1:6379/12
PYTEST := $(PY) -m pytest -q -p no:cacheprovider -p tests.xdist_services -n 2 --dist loadfile

.PHONY: help install frontend chromium ffmpeg pango gettext translations messages migrate collection demo serve lint test test-sqlite test-scaleout bench clean

help:
	@echo "make demo   install everything, import the demo collection and serve http://$(HOST):$(PORT)"
	@echo "make test   lint + the whole test suite (SQLite, then PostgreSQL + Redis when reachable)"

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip setuptools wheel
	# torch first and exactly: a looser resolve would pull several GB of CUDA packages.
	$(PIP) install --quiet "torch==2.13.0"
	$(PIP) install --quiet -e ".[posters,dev]"
	# check_interop parses IIIF with iiif-prezi3, whose one release caps Pillow below our pin
	# (for an image helper the check never calls): installed alone, its needs are in pyproject.
	$(PIP) install --quiet --no-deps "iiif-prezi3==3.1.1"
	touch $@

install: $(VENV)/.installed frontend translations pango

# The French interface: locale/fr/LC_MESSAGES/django.po is the source, compiled here.
CATALOGUES := $(wildcard locale/*/LC_MESSAGES/django.po)
translations: $(CATALOGUES:.po=.mo)

%/LC_MESSAGES/django.mo: %/LC_MESSAGES/django.po | gettext
	msgfmt --check -o $@ $<

gettext:
	@if ! command -v msgfmt >/dev/null || ! command -v xgettext >/dev/null; then \
		echo "Installing Debian's gettext for the translations"; \
		$$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get update -qq; \
		DEBIAN_FRONTEND=noninteractive $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get install -y -qq gettext >/dev/null; \
	fi

# After changing interface strings: collect them into the catalogues, then translate the
# new entries (`make test` fails while any is untranslated).
messages: install
	$(PY) manage.py makemessages -l fr --no-obsolete -i tests -i bench -i scripts \
		-i static/vendor -i node_modules -i .venv -i var

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

frontend: node_modules/.package-lock.json
	$(PY) scripts/vendor_frontend.py

chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
		echo "Installing Debian's chromium for the browser tests"; \
		$$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get update -qq; \
		DEBIAN_FRONTEND=noninteractive $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get install -y -qq chromium >/dev/null; \
	fi

# The PDF reports (reports/) are laid out by WeasyPrint, which loads Debian's Pango.
pango:
	@if ! ldconfig -p | grep -q "libpangoft2-1.0.so.0"; then \
		echo "Installing Debian's Pango for the PDF reports"; \
		$$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get update -qq; \
		DEBIAN_FRONTEND=noninteractive $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 >/dev/null; \
	fi

# The exhibitions' narrated films (films/) are encoded with Debian's ffmpeg.
ffmpeg:
	@if [ ! -x /usr/bin/ffmpeg ]; then \
		echo "Installing Debian's ffmpeg for the exhibition films"; \
		$$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get update -qq; \
		DEBIAN_FRONTEND=noninteractive $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get install -y -qq ffmpeg >/dev/null; \
	fi

migrate: install
	mkdir -p var
	$(PY) manage.py migrate --noinput

collection: migrate chromium ffmpeg
	# Embeddings, the keyword index and description drafts are made in one batch below
	# rather than record by record; speech is made when a description is first played.
	SEARCH_EMBED_ON_CHANGE=0 DESCRIPTIONS_DRAFT_ON_CHANGE=0 SPEECH_ON_CHANGE=0 \
		$(PY) manage.py import_collection --defer-indexing
	$(PY) manage.py load_gallery_map tours/demo/gallery-map.json
	$(PY) manage.py import_exhibitions
	$(PY) manage.py render_model_posters
	$(PY) manage.py cut_restoration_tiles
	$(PY) manage.py embed_collection
	$(PY) manage.py build_keyword_index
	$(PY) manage.py build_search_index
	$(PY) manage.py draft_descriptions

# The demo serves as a museum would: DEBUG off (the site's own 404 and 500 pages, never
# Django's debug page), static files collected and served by WhiteNoise, daphne as the
# ASGI server. Plain HTTP on the loopback, so the HTTPS-only settings are off.
DEMO_ENV = DJANGO_DEBUG=0 VITRINE_HTTPS=0 SECRET_KEY="$$(cat var/secret-key)"

var/secret-key:
	mkdir -p var
	umask 077 && $(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > $@

demo: collection var/secret-key
	$(PY) manage.py create_demo_curator --password-file var/demo-curator.txt
	$(DEMO_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	@echo "Serving Vitrine on http://$(HOST):$(PORT)  (curator login: http://$(HOST):$(PORT)/admin/)"
	$(DEMO_ENV) $(VENV)/bin/daphne -b $(HOST) -p $(PORT) config.asgi:application

# Development mode: DEBUG on, code reloaded on change, static files from the source tree.
serve: install
	DJANGO_DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy .
	$(VENV)/bin/lint-imports
	$(PY) scripts/check_translations.py

test-sqlite: install chromium ffmpeg
	$(PYTEST)

# The same suite against real PostgreSQL and Redis, less the browser tests and the tests
# that cannot depend on the backend (both ran already above; see tests/conftest.py).
# Tasks stay eager inside tests; tests/scaleout starts a real Celery worker of its own.
test-scaleout: install
	@if $(PY) scripts/services_available.py "$(TEST_DATABASE_URL)" "$(TEST_REDIS_URL)"; then \
		echo "== Scale-out run: PostgreSQL + Redis"; \
		DATABASE_URL="$(TEST_DATABASE_URL)" REDIS_URL="$(TEST_REDIS_URL)" CELERY_TASK_ALWAYS_EAGER=1 \
			THROTTLE_REDIS_URL="$(TEST_THROTTLE_REDIS_URL)" \
			REDIS_URL_GW1="$(TEST_REDIS_URL_GW1)" THROTTLE_REDIS_URL_GW1="$(TEST_THROTTLE_REDIS_URL_GW1)" \
			$(PYTEST) -m "not browser and not same_on_every_backend"; \
	else \
		echo "== SKIPPED the scale-out run: PostgreSQL ($(TEST_DATABASE_URL)) or Redis ($(TEST_REDIS_URL)) is not reachable"; \
	fi

test: lint test-sqlite test-scaleout

bench: install
	$(PY) manage.py bench_pages

clean:
	rm -rf $(VENV) node_modules static/vendor var/static
