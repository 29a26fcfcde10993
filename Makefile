# LandCase: `make run` and `make test` set up everything they need on Debian 12.
SHELL := /bin/bash
SYSTEM_PYTHON := /usr/bin/python3
VENV := .venv
PYTHON := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := qgis python3-qgis qgis-providers libsqlite3-mod-spatialite python3-gdal python3-pyproj \
	python3-venv python3-dev python3-pil gcc libgeos-dev libpq-dev fonts-wqy-zenhei xvfb xauth poppler-utils zbar-tools \
	qttools5-dev-tools
QM := resources/i18n/landcase_zh_CN.qm
SAMPLE := build/sample
DEMO := build/demo/landcase_demo.sqlite
PROFILES := build/qgis-profiles

.PHONY: run test deps apt translations demo package lint qt6-check test-qgis qgis-root clean

run: deps translations demo
	$(PYTHON) tools/qgis_profile.py $(PROFILES) >/dev/null
	@if [ -z "$$DISPLAY" ]; then \
	  echo "No display found. Start QGIS on a virtual screen with:  xvfb-run -a make run"; \
	  echo "(or run 'make run' from a desktop session)."; exit 1; fi
	LANDCASE_DEMO=$(abspath $(DEMO)) LANDCASE_SAMPLE=$(abspath $(SAMPLE)) \
	PYTHONPATH=$$($(PYTHON) -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])') \
	qgis --profiles-path $(abspath $(PROFILES)) \
	  --profile landcase --nologo --code $${LANDCASE_CODE:-tools/open_demo.py}

test: deps translations
	QT_QPA_PLATFORM=offscreen $(PYTHON) -m pytest -ra $(PYTEST_ARGS)

deps: apt $(VENV)/.installed

# Installs only the Debian packages that are missing.
apt:
	@missing=$$(for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:" $$missing; \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $$missing; \
	fi

# The venv sees Debian's QGIS and GDAL bindings (system site packages); pip adds the
# pinned packages of pyproject.toml. shapely is built against Debian's GEOS: inside QGIS
# the process already has that GEOS loaded, and a wheel's own GEOS would be mixed with it.
# psycopg-c likewise against Debian's libpq (libpq-dev's pg_config), the libpq QGIS loads.
$(VENV)/.installed: pyproject.toml tools/requirements.py
	[ -x $(PYTHON) ] || $(SYSTEM_PYTHON) -m venv --system-site-packages $(VENV)
	$(PYTHON) -m pip install -q --disable-pip-version-check --no-binary shapely,psycopg-c \
	  $$($(SYSTEM_PYTHON) tools/requirements.py dev)
	test "$$($(PYTHON) -c 'import shapely; print(*shapely.geos_version, sep=".")')" = "$$(geos-config --version)"
	test "$$($(PYTHON) -c 'import psycopg; print(psycopg.pq.__impl__)')" = c
	touch $@

translations: $(QM)

$(QM): resources/i18n/landcase_zh_CN.ts
	lrelease -silent $< -qm $@

demo: $(DEMO)

$(DEMO): $(VENV)/.installed tools/sample_county.py tools/build_demo.py tools/demo_patrols.py cases/schema.py
	$(PYTHON) tools/sample_county.py --size small --out $(SAMPLE)
	$(PYTHON) tools/build_demo.py $(SAMPLE) $@

package: translations
	$(SYSTEM_PYTHON) tools/package.py dist

# ruff (style, naming), vulture (dead code) and mypy (cases/); settings in pyproject.toml.
lint: deps qt6-check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/vulture
	$(VENV)/bin/mypy

# QGIS's PyQt5-to-PyQt6 migration script (PyPI: qgis-pyqt5to6, which declares Python 3.12 but
# runs on Debian 12's 3.11) in a venv of its own with PyQt6; any change it would make fails.
QT6_CHECK := build/qt6-check
QT6_CHECK_PACKAGES := qgis-pyqt5to6==0.0.0.dev0 PyQt6==6.11.0 PyQt6-QScintilla==2.14.1 \
	tokenize-rt==6.2.0 astpretty==3.0.0
qt6-check: $(QT6_CHECK)/.installed
	$(QT6_CHECK)/bin/python tools/qt6_check.py $(QT6_CHECK)/bin/pyqt5to6 .

$(QT6_CHECK)/.installed: Makefile
	[ -x $(QT6_CHECK)/bin/python ] || $(SYSTEM_PYTHON) -m venv $(QT6_CHECK)
	$(QT6_CHECK)/bin/python -m pip install -q --disable-pip-version-check --ignore-requires-python \
	  $(QT6_CHECK_PACKAGES)
	touch $@

# The QGIS tests (marker `qgis`) in a Debian root with another QGIS: `make test-qgis QGIS=3.40`
# (Debian 13) or `QGIS=3.44` (Debian unstable); the table of versions is in tools/qgis_root.sh.
# Roots are cached in QGIS_ROOTS (default /var/cache/landcase/qgis-roots/<version>).
QGIS ?= 3.40
test-qgis: translations
	$(SUDO) QGIS_ROOTS=$(QGIS_ROOTS) tools/qgis_root.sh test $(QGIS) $(PYTEST_ARGS)

qgis-root:
	$(SUDO) QGIS_ROOTS=$(QGIS_ROOTS) tools/qgis_root.sh build $(QGIS)

clean:
	rm -rf build dist $(QM) tests/artifacts

# The throw-away local PostgreSQL/PostGIS cluster (build/pg) the PostgreSQL backend will use;
# run as root, it runs as system user landcase-pg. pg-start prints its URI as the last line.
APT_PACKAGES += postgresql-15 postgresql-15-postgis-3
.PHONY: pg-start pg-stop

pg-start: deps
	@$(PYTHON) tools/pg_cluster.py start

pg-stop:
	@$(SYSTEM_PYTHON) tools/pg_cluster.py stop

# QGIS on the demo county in database landcase_demo of the local cluster (made anew each
# time); its evidence (photos, reports) goes to build/demo-pg.
.PHONY: run-pg
run-pg: deps translations demo
	$(PYTHON) tools/qgis_profile.py $(PROFILES) >/dev/null
	@if [ -z "$$DISPLAY" ]; then \
	  echo "No display found. Start QGIS on a virtual screen with:  xvfb-run -a make run-pg"; \
	  exit 1; fi
	uri=$$($(PYTHON) tools/demo_database_pg.py | tail -1) && \
	LANDCASE_EVIDENCE_ROOT=$(abspath build/demo-pg) $(PYTHON) tools/build_demo.py $(SAMPLE) "$$uri" && \
	LANDCASE_DEMO="$$uri" LANDCASE_SAMPLE=$(abspath $(SAMPLE)) \
	LANDCASE_EVIDENCE_ROOT=$(abspath build/demo-pg) \
	PYTHONPATH=$$($(PYTHON) -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])') \
	qgis --profiles-path $(abspath $(PROFILES)) \
	  --profile landcase --nologo --code $${LANDCASE_CODE:-tools/open_demo.py}

clean: pg-stop  # a running cluster is stopped before build/ goes
