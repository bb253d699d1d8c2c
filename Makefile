# Two commands do all set-up on a fresh machine:
#   make run   - create .venv, install exocargo into it, fetch resources, run the demo workflow end to end
#   make test  - the same set-up with the test tools, then the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CORES ?= 2

.PHONY: run test env dev-env resources lint docs clean

# The workflow's environment: pinned packages, then exocargo itself (editable, so `import exocargo` works anywhere).
$(BIN)/snakemake: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(BIN)/pytest: requirements-dev.txt $(BIN)/snakemake
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

env: $(BIN)/snakemake

dev-env: $(BIN)/pytest

resources: env
	$(BIN)/snakemake --cores $(CORES) fetch_resources

run: env
	$(BIN)/snakemake --cores $(CORES)

test: dev-env resources
	$(BIN)/python -m pytest

lint: dev-env
	$(BIN)/snakemake --lint
	$(BIN)/ruff check .
	$(BIN)/snakefmt --check Snakefile workflow/rules

# Column reference of every output table, written from exocargo.tables (tests check it is current).
docs: env
	$(BIN)/python -m exocargo.tables docs/tables.md

clean:
	rm -rf results logs .snakemake
