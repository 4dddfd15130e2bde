# Two entry points for a fresh machine (see README.md):
#   make example       set up, then check and build the flagship resolution into build/
#   make test          set up, then run the linter and the tests
# and for maintainers:
#   make test-newest   the tests with the newest releases pyproject.toml admits, unlocked
#   make lock          refresh requirements.lock to those newest releases
VENV := .venv
BIN := $(VENV)/bin
PYTHON ?= python3
# Every Python package, at the version the tests ran with, with its hashes; made by `make lock`.
LOCK := requirements.lock
UV_VERSION := 0.13.9

# Debian packages: WeasyPrint's libraries (PDF), and for the tests Dutch and French
# hyphenation for LibreOffice (which opens our DOCX files as a user would, and accepts and
# rejects their tracked changes: scripts/install-libreoffice.sh installs it) and poppler
# (pdftoppm, to look at pages).
RUNTIME_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
TEST_PACKAGES := hyphen-nl hyphen-fr poppler-utils

.PHONY: example test test-newest lint lock setup system-runtime system-test

setup: $(VENV)/.installed

# A new environment whenever the lock changes, so it holds exactly what the lock says. The lock
# has setuptools too: drafter itself is then built with no unpinned download.
$(VENV)/.installed: $(LOCK) pyproject.toml
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r $(LOCK)
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

# Installs what is missing, when it can (as root, with apt-get); says what to install if not.
define install_debian
	@missing=$$(for package in $(1); do dpkg -s $$package >/dev/null 2>&1 || echo $$package; done); \
	if [ -z "$$missing" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing Debian packages: $$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else echo "please install these Debian packages: $$missing"; fi
endef

system-runtime:
	$(call install_debian,$(RUNTIME_PACKAGES))

system-test:
	@sh scripts/install-libreoffice.sh
	$(call install_debian,$(RUNTIME_PACKAGES) $(TEST_PACKAGES))

example: system-runtime setup
	$(BIN)/drafter check resolutions/doc-55-1780-001.yaml
	$(BIN)/drafter build resolutions/doc-55-1780-001.yaml --format pdf,html

test: system-test setup
	$(BIN)/ruff check drafter tests bench
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check drafter tests bench

# Drift check: the newest releases the ranges in pyproject.toml admit, without the lock, as
# someone installing drafter as a library gets them. A release that breaks drafter fails here
# while the lock still keeps `make test` and fresh installs working. (test_installed.py installs
# the lock whatever runs it, so it would check nothing more here.)
test-newest: system-test
	rm -rf $(VENV)-newest
	$(PYTHON) -m venv $(VENV)-newest
	$(VENV)-newest/bin/pip install --quiet --disable-pip-version-check --upgrade -e '.[test]'
	$(VENV)-newest/bin/pip list --format=freeze --disable-pip-version-check \
		| grep -iE '^(jinja2|python-docx|weasyprint|pyyaml|typer|pydyf)=='
	$(VENV)-newest/bin/python -m pytest -q -p no:cacheprovider --ignore=tests/test_installed.py

# Refreshes the lock to the newest releases pyproject.toml admits (with hashes for every
# platform), with uv; then run `make test` and commit requirements.lock.
lock:
	$(PYTHON) -m venv $(VENV)-lock
	$(VENV)-lock/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(VENV)-lock/bin/uv pip compile pyproject.toml --extra test --extra bench --group build --universal \
		--python-version 3.11 --generate-hashes --no-emit-package drafter --upgrade \
		--custom-compile-command "make lock" --quiet --output-file $(LOCK)
