# Two commands on a fresh machine: `make demo` and `make test` (see README).
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
PORT ?= 8000
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: demo test e2e lint format messages install install-dev clean

$(VENV)/bin/activate:
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(VENV)/bin/activate
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(VENV)/bin/activate
	$(PIP) install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Runs the site with demo content on SQLite at http://127.0.0.1:$(PORT)
demo: $(VENV)/.installed
	DJANGO_SETTINGS_MODULE=campaign_site.settings.dev $(PY) manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=campaign_site.settings.dev $(PY) manage.py seed_demo
	@echo "Demo accounts: admin, redaktor, moderator, sekretariat, juror1, juror2, juror3 (password: $${DEMO_PASSWORD:-demo-mazowsze})"
	DJANGO_SETTINGS_MODULE=campaign_site.settings.dev $(PY) manage.py runserver 127.0.0.1:$(PORT)

# The whole suite on SQLite, browser journeys included where Chromium is installed
# (CI=true makes a missing browser a failure instead of a skip).
test: $(VENV)/.installed-dev node_modules/.installed
	$(PY) -m pytest -n 2 --dist loadgroup

e2e: $(VENV)/.installed-dev node_modules/.installed
	$(PY) -m pytest tests/e2e -m e2e

lint: $(VENV)/.installed-dev
	$(PY) -m ruff format --check .
	$(PY) -m ruff check .
	$(VENV)/bin/bandit -c bandit.yaml -r . -q

format: $(VENV)/.installed-dev
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

# Extract and compile the message files (commit both .po and .mo).
messages: $(VENV)/.installed-dev
	$(PY) manage.py makemessages -l pl -l en --ignore=.venv --ignore=node_modules --ignore=build --ignore=tests
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules

clean:
	rm -rf build .pytest_cache
