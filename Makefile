# Friches & Tiers-Lieux — developer commands. Each target installs what it needs first.
#   make demo      run the analysis headless on the Ingeville demo territory (writes out/)
#   make test      lint, then the whole test suite, headless
#   make test-matrix   make test and make demo on QGIS 3.40 (trixie) and 3.44 (sid) in debootstrap chroots
#   make package   build dist/friches_tierslieux-<version>.zip for "Install from ZIP"
#   make install   link this folder into a QGIS profile and enable it (PROFILE=default)
#   make fuzz      the long property-based campaign; writes its figures to docs/reliability.md

SHELL := /bin/bash
PLUGIN := friches_tierslieux
SYS_PYTHON := /usr/bin/python3
VENV := .venv
PY := $(VENV)/bin/python
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)
PROFILE ?= default
QGIS_PROFILES ?= $(HOME)/.local/share/QGIS/QGIS3/profiles
export QT_QPA_PLATFORM ?= offscreen

# Debian / Ubuntu packages: QGIS with its Python bindings, scipy and pandas, xvfb for widget screenshots,
# Qt's lrelease for the translations, pdftoppm and zip for the map products. shapely comes from the
# distribution when its python3-shapely has the 2.x API (Debian 13+, Ubuntu 24.04+), else as a pip
# wheel in the venv that keeps the distribution's numpy (scripts/runtime_deps.py; nothing is compiled).
APT_PACKAGES := python3-qgis qgis qgis-providers python3-scipy python3-pandas python3-venv python3-pip xvfb \
	qttools5-dev-tools poppler-utils zip
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# lrelease: on the PATH through qtchooser up to Debian 12, only in Qt's own folder from Debian 13 on
LRELEASE = $$(command -v lrelease || ls /usr/lib/qt5/bin/lrelease /usr/lib/qt6/bin/lrelease 2>/dev/null | head -n1)

.PHONY: all sysdeps venv translations demo test test-fast test-matrix lint package install uninstall ts clean benchmarks fuzz \
	postgis-packages

all: test

sysdeps:
	@if ! $(SYS_PYTHON) -c "import qgis.core" 2>/dev/null || [ -z "$(LRELEASE)" ] \
	   || ! command -v xvfb-run >/dev/null || ! command -v zip >/dev/null || ! command -v pdftotext >/dev/null \
	   || ! $(SYS_PYTHON) -c "import ensurepip" 2>/dev/null; then \
	  echo ">>> installing system packages: $(APT_PACKAGES)"; \
	  $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y $(APT_PACKAGES); \
	fi
	@extra=$$($(SYS_PYTHON) scripts/runtime_deps.py --apt); if [ -n "$$extra" ]; then \
	  echo ">>> installing the distribution's $$extra"; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y $$extra; \
	fi

# The venv sees the distribution's packages; pip may add tools and a shapely wheel, never another numpy.
$(VENV)/.stamp: requirements-dev.txt dependencies.py scripts/runtime_deps.py | sysdeps
	$(SYS_PYTHON) -m venv --system-site-packages $(VENV)
	$(PY) scripts/runtime_deps.py --numpy-constraint > $(VENV)/constraints.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt -c $(VENV)/constraints.txt
	$(PY) scripts/runtime_deps.py --venv
	touch $@

venv: sysdeps $(VENV)/.stamp

translations: sysdeps
	@for ts in i18n/*.ts; do $(LRELEASE) -silent "$$ts" -qm "$${ts%.ts}.qm" || exit 1; done

# Refresh i18n/*.ts from the source strings (keeps existing translations).
ts: venv
	$(PY) scripts/update_translations.py

lint: venv
	$(VENV)/bin/ruff check .

# PostgreSQL + PostGIS for the team-inventory tests (tests/pg_cluster.py starts a throw-away cluster of its own
# on 127.0.0.1, as an unprivileged user when run as root, and stops it) and psycopg2 for their second,
# independent connection. Installed from the distribution when missing; the tests fail with the reason,
# never skip, when the cluster cannot start.
PG_PACKAGES := postgresql postgis postgresql-postgis python3-psycopg2
postgis-packages:
	@if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
	   || ! ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1 \
	   || ! $(SYS_PYTHON) -c "import psycopg2" 2>/dev/null; then \
	  echo ">>> installing PostgreSQL and PostGIS for the tests: $(PG_PACKAGES)"; \
	  $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y $(PG_PACKAGES); \
	fi

test: venv translations lint postgis-packages
	$(VENV)/bin/pytest

test-fast: venv
	$(VENV)/bin/pytest tests/unit

# The same make test and make demo on QGIS 3.40 LTR (Debian trixie) and 3.44 (sid), each in a cached
# debootstrap chroot (scripts/test_matrix.sh; SUITES="trixie" for one; needs root or sudo).
SUITES ?= trixie sid
test-matrix:
	scripts/test_matrix.sh $(SUITES)

demo: venv translations
	$(PY) scripts/run_demo.py --out out

# The hypothesis suite with random cases, FUZZ_SCALE times more than make test runs (tests/fuzz_support.py).
FUZZ_SCALE ?= 20
fuzz: venv translations
	$(PY) scripts/fuzz_campaign.py --scale $(FUZZ_SCALE)

benchmarks: venv
	@for b in benchmarks/bench_*.py; do echo ">>> $$b"; $(PY) "$$b" || exit 1; done

package: sysdeps translations
	rm -rf build/$(PLUGIN) && mkdir -p build/$(PLUGIN) dist
	git ls-files -z --cached --others --exclude-standard \
	  | grep -zvE '^(tests|benchmarks|scripts|demo|\.ci|\.github)/|^(Makefile|pyproject.toml|requirements-dev.txt|\.gitignore)$$' \
	  | xargs -0 -I{} cp --parents {} build/$(PLUGIN)/
	cp i18n/*.qm build/$(PLUGIN)/i18n/
	cd build && rm -f ../dist/$(PLUGIN)-$(VERSION).zip && zip -qr ../dist/$(PLUGIN)-$(VERSION).zip $(PLUGIN)
	@echo "dist/$(PLUGIN)-$(VERSION).zip"

install: sysdeps translations
	mkdir -p "$(QGIS_PROFILES)/$(PROFILE)/python/plugins"
	ln -sfn "$(CURDIR)" "$(QGIS_PROFILES)/$(PROFILE)/python/plugins/$(PLUGIN)"
	$(SYS_PYTHON) scripts/enable_plugin.py "$(QGIS_PROFILES)/$(PROFILE)" $(PLUGIN)
	@# QGIS runs the system Python: give it shapely 2 and pandas as the plugin's own message says
	@# (the distribution's packages when they fit, else pip --user wheels keeping its numpy).
	$(SYS_PYTHON) scripts/runtime_deps.py --user
	@echo "Installed into $(QGIS_PROFILES)/$(PROFILE)/python/plugins/$(PLUGIN) (restart QGIS)"

uninstall:
	rm -f "$(QGIS_PROFILES)/$(PROFILE)/python/plugins/$(PLUGIN)"

clean:
	rm -rf build dist out .pytest_pkg i18n/*.qm
