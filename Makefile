# Every target creates .venv from the lock file on first use, so a fresh
# clone needs nothing but python3 (>= 3.11) and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
LINT_TOOLS := tools/lint/node_modules/.installed-stamp
BASE_PATH ?= /
# requirements.lock: what the package needs; requirements-dev.lock: that and the test tools.
# Exact versions and the hashes of every file of them, from PyPI; `make lock` refreshes both.
LOCK := requirements.lock
DEV_LOCK := requirements-dev.lock
UV := uv==0.13.9
COMPILE := $(BIN)/uv pip compile pyproject.toml --quiet --no-config --universal \
	--python-version 3.11 --generate-hashes --index-url https://pypi.org/simple \
	--custom-compile-command "make lock"

.PHONY: build serve check new test test-fast lint typecheck lint-site lock clean

# Exactly the locked files (pip refuses any other), then the project itself without
# touching them.
$(STAMP): $(DEV_LOCK) pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(DEV_LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/briefing build

serve: $(STAMP)
	$(BIN)/briefing serve

check: $(STAMP)
	$(BIN)/briefing check --strict

new: $(STAMP)  # make new TITLE="Talks resume in Istanbul" SOURCE=bbc-news TOPIC=istanbul-talks
	$(BIN)/briefing new article "$(TITLE)" $(if $(SOURCE),--source "$(SOURCE)") $(if $(TOPIC),--topic "$(TOPIC)")

# The HTML checker and axe-core, from npm (needs node and npm; vnu also needs java).
$(LINT_TOOLS): tools/lint/package.json tools/lint/package-lock.json
	npm ci --prefix tools/lint --silent --no-audit --no-fund
	touch $(LINT_TOOLS)

# A test file per worker at a time (pytest-xdist), so the sites a file builds once are
# built once; one worker more than the cores, as a third of the suite's time is waiting
# (servers, browsers, subprocesses): on 2 cores, 306 s with 3 workers against 349 s with 2.
# The ten slowest tests are listed at the end, so a test that slows the suite shows the day it lands.
WORKERS := $(shell python3 -c 'import os; print((os.cpu_count() or 1) + 1)')
test: $(STAMP) $(LINT_TOOLS)
	$(BIN)/ruff check generator tests bench tools
	$(BIN)/mypy
	$(BIN)/python -m pytest -n $(WORKERS) --dist loadfile --durations=10

# The unit layer (under 30 s): no site is checked or built, no server, browser or process
# started (tests/conftest.py marks the rest `slow`).
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow"

# Re-resolve the newest versions that pyproject.toml allows and write both locks.
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet $(UV)
	$(COMPILE) -o $(LOCK)
	cp $(LOCK) generator/authoring/starter/$(LOCK)  # what `briefing init` pins a new site's install to
	$(COMPILE) --extra dev -o $(DEV_LOCK)

# W3C Nu HTML checker and axe-core over the built site/ (BASE_PATH=/repo/ for a sub-path build).
lint-site: $(STAMP) $(LINT_TOOLS)
	$(BIN)/python tools/lint_site.py site --base-path $(BASE_PATH)

lint: $(STAMP)
	$(BIN)/ruff check generator tests bench tools

# mypy over generator/, as pyproject.toml's [tool.mypy] says.
typecheck: $(STAMP)
	$(BIN)/mypy

clean:
	rm -rf site .site-* $(VENV) *.egg-info .pytest_cache .ruff_cache .mypy_cache .hypothesis tools/lint/node_modules
