# Every target creates .venv from pyproject.toml on first use, so a fresh
# clone needs nothing but python3 (>= 3.11) and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
LINT_TOOLS := tools/lint/node_modules/.installed-stamp
BASE_PATH ?= /

.PHONY: build serve check new test lint lint-site clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
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

test: $(STAMP) $(LINT_TOOLS)
	$(BIN)/ruff check generator tests bench tools
	$(BIN)/python -m pytest

# W3C Nu HTML checker and axe-core over the built site/ (BASE_PATH=/repo/ for a sub-path build).
lint-site: $(STAMP) $(LINT_TOOLS)
	$(BIN)/python tools/lint_site.py site --base-path $(BASE_PATH)

lint: $(STAMP)
	$(BIN)/ruff check generator tests bench tools

clean:
	rm -rf site .site-* $(VENV) *.egg-info .pytest_cache .ruff_cache .hypothesis tools/lint/node_modules
