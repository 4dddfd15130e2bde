# Two entry points for a fresh machine (see README.md):
#   make example   set up, then check and build the flagship resolution into build/
#   make test      set up, then run the tests
VENV := .venv
BIN := $(VENV)/bin
PYTHON ?= python3

.PHONY: example test lint setup

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

example: setup
	$(BIN)/drafter check resolutions/doc-55-1780-001.yaml

test: setup
	$(BIN)/ruff check drafter tests bench
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check drafter tests bench
