# Two commands do all set-up on a fresh machine:
#   make run   - create .venv, fetch resources, run the demo workflow end to end
#   make test  - the same set-up, then the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CORES ?= 2

.PHONY: run test env resources lint clean

$(BIN)/snakemake: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

env: $(BIN)/snakemake

resources: env
	$(BIN)/snakemake --cores $(CORES) fetch_resources

run: env
	$(BIN)/snakemake --cores $(CORES)

test: env resources
	$(BIN)/python -m pytest

lint: env
	$(BIN)/snakemake --lint
	$(BIN)/ruff check .
	$(BIN)/snakefmt --check Snakefile workflow/rules

clean:
	rm -rf results logs .snakemake
