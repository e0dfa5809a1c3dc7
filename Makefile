# Precursor task runner. `make help` lists the targets.
# Only python3 (>= 3.11) and make are needed: the first target that needs the environment creates
# .venv from uv.lock (installing uv into it with pip when uv is missing).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.synced
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)
export UV_SYSTEM_CERTS := 1
export PYTHONDONTWRITEBYTECODE := 1

.DEFAULT_GOAL := help
.PHONY: help install report build test test-browser lint format lab bench screen clean

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-14s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): uv.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@test -x $(BIN)/uv || $(BIN)/python -m pip --version >/dev/null 2>&1 || $(BIN)/python -m ensurepip --default-pip >/dev/null
	@test -x $(BIN)/uv || $(BIN)/python -m pip install --quiet "uv>=0.9"
	$(BIN)/uv sync --frozen --python $(BIN)/python
	@touch $(STAMP)

install: $(STAMP) ## create .venv from uv.lock

build: $(STAMP) ## build every table in data/processed from data/raw (unchanged ones skipped)
	$(BIN)/precursor build

report: $(STAMP) ## build tables, execute the notebooks, export the charts and reports/index.html
	$(BIN)/precursor report

test: $(STAMP) ## run the test suite (no network; reads ../shared/data where present)
	$(BIN)/python -m pytest -q -n 2 --dist loadfile

test-browser: $(STAMP) ## open, run and reopen every notebook in JupyterLab in Chromium
	$(BIN)/python -m pytest -q tests/browser -p no:xdist

lint: $(STAMP) ## ruff lint, import order and formatting
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP) ## apply ruff fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

lab: $(STAMP) ## JupyterLab on 127.0.0.1 (token on), opening notebooks/
	$(BIN)/precursor lab

bench: $(STAMP) ## run every benchmark under bench/ and print its figures
	@for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

screen: $(STAMP) ## retrain the events screen from the gold set (after changing rules or gold)
	$(BIN)/python -m analysis.events.screen --gold tests/data/events/gold
	$(BIN)/python -m analysis.events.screen --gold tests/data/events/gold --cv

clean: ## remove built tables, reports and caches (keeps data/raw and .venv)
	rm -rf data/processed/*.parquet data/processed/manifest.json data/cache reports/figures \
	       reports/notebooks reports/screenshots reports/index.html
