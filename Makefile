# Page Magic — the two commands: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)

.PHONY: run test install services lint typecheck unit bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install -q --disable-pip-version-check --upgrade pip
	@$(PY) -m pip install -q --disable-pip-version-check -e ".[test]"
	@rm -f $(VENV)/.installed-* && touch $(STAMP)

install: $(STAMP)

## Start the terminal chat on the embedded defaults (SQLite, offline generator, local hosting).
run: $(STAMP)
	@$(VENV)/bin/pagemagic chat

## Install what tests need, start the services that are not running, run the whole suite.
test: $(STAMP) services lint typecheck unit

services:
	@bash scripts/services.sh

lint: $(STAMP)
	@$(VENV)/bin/ruff check .

typecheck: $(STAMP)
	@$(VENV)/bin/mypy

unit: $(STAMP)
	@$(VENV)/bin/pytest

## Render benchmark: median render time per site and bytes per page.
bench: $(STAMP)
	@$(PY) bench/render.py

clean:
	rm -rf $(VENV) .pagemagic .pytest_cache .mypy_cache .ruff_cache
