# claimcheck — every target creates the environment it needs from the project's own files.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SEEDS  := data/seeds
SHARED ?= ../shared

.PHONY: help run test lint eval bench clean

## help: list the targets (this list)
help:
	@grep -E '^## ' $(MAKEFILE_LIST) | sed -e 's/^## //' -e 's/: /\t/' | expand -t 10

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

## run: extract and diff the seed articles; writes reports/ (claims.csv, discrepancies.csv/.html/.xlsx) and prints the table
run: $(STAMP)
	mkdir -p reports
	$(BIN)/claimcheck extract $(SEEDS) --meta $(SEEDS)/meta.csv -o reports/claims.csv
	$(BIN)/claimcheck diff $(SEEDS) --meta $(SEEDS)/meta.csv --format csv -o reports/discrepancies.csv
	$(BIN)/claimcheck diff $(SEEDS) --meta $(SEEDS)/meta.csv -o reports/discrepancies.html
	$(BIN)/claimcheck diff $(SEEDS) --meta $(SEEDS)/meta.csv -o reports/discrepancies.xlsx
	$(BIN)/claimcheck diff $(SEEDS) --meta $(SEEDS)/meta.csv

## test: the whole test suite
test: $(STAMP)
	$(BIN)/python -m pytest

## lint: ruff on the package and the tests
lint: $(STAMP)
	$(BIN)/python -m pip install --quiet ruff==0.17.6
	$(BIN)/ruff check claimcheck tests

## eval: score every evaluation set of data/ (and ../shared/dev when it is there), check the floors, print the cross-validation folds
eval: $(STAMP)
	$(BIN)/python scripts/evaluate.py --check $(if $(wildcard $(SHARED)/dev/gold.json),--shared $(SHARED))
	$(BIN)/python scripts/fit_evidence.py --models $$($(BIN)/python -c "import json; print(json.load(open('claimcheck/resources/evidence.json'))['model'])")

## bench: throughput, diff scaling, start-up and memory (writes reports/bench.json); BENCH_ARGS="--sizes 100 1000 --repeat 1" for a quicker run
bench: $(STAMP)
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)

## clean: remove the virtualenv, reports/ and the pytest cache
clean:
	rm -rf $(VENV) reports .pytest_cache
