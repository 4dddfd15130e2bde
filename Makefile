# Two entry points for a fresh machine (see README.md):
#   make example   set up, then check and build the flagship resolution into build/
#   make test      set up, then run the linter and the tests
VENV := .venv
BIN := $(VENV)/bin
PYTHON ?= python3

# Debian packages: WeasyPrint's libraries (PDF), and for the tests LibreOffice (to open our
# DOCX files as a user would, with Dutch and French hyphenation) and poppler (pdftoppm,
# to look at pages).
RUNTIME_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
TEST_PACKAGES := libreoffice-writer-nogui hyphen-nl hyphen-fr poppler-utils

.PHONY: example test lint setup system-runtime system-test

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
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
	$(call install_debian,$(RUNTIME_PACKAGES) $(TEST_PACKAGES))

example: system-runtime setup
	$(BIN)/drafter check resolutions/doc-55-1780-001.yaml
	$(BIN)/drafter build resolutions/doc-55-1780-001.yaml --format pdf,html

test: system-test setup
	$(BIN)/ruff check drafter tests bench
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check drafter tests bench
