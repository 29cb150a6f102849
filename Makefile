# claimcheck — every target creates the environment it needs from the project's own files.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SEEDS  := data/seeds
SHARED ?= ../shared

.PHONY: run test lint eval bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

## run: extract and diff the seed articles; writes reports/claims.csv and reports/discrepancies.csv
run: $(STAMP)
	mkdir -p reports
	$(BIN)/claimcheck extract $(SEEDS) --meta $(SEEDS)/meta.csv -o reports/claims.csv
	$(BIN)/claimcheck diff $(SEEDS) --meta $(SEEDS)/meta.csv --format csv -o reports/discrepancies.csv
	$(BIN)/claimcheck diff $(SEEDS) --meta $(SEEDS)/meta.csv --format html -o reports/discrepancies.html
	$(BIN)/claimcheck diff $(SEEDS) --meta $(SEEDS)/meta.csv

## test: the whole test suite
test: $(STAMP)
	$(BIN)/python -m pytest

## lint: ruff on the package and the tests
lint: $(STAMP)
	$(BIN)/python -m pip install --quiet ruff==0.17.6
	$(BIN)/ruff check claimcheck tests

## eval: score the seeds and the dev stories against their gold files (needs ../shared)
eval: $(STAMP)
	mkdir -p reports
	$(BIN)/claimcheck diff $(SEEDS) --meta $(SEEDS)/meta.csv --format csv -o reports/discrepancies.csv --quiet
	$(BIN)/python $(SHARED)/eval/score.py $(SHARED)/seeds_gold.json reports/discrepancies.csv --min-recall 1.0 --min-precision 0.9
	$(BIN)/claimcheck diff $(SHARED)/dev/articles --meta $(SHARED)/dev/meta.csv --format csv -o reports/dev.csv --quiet
	$(BIN)/python $(SHARED)/eval/score.py $(SHARED)/dev/gold.json reports/dev.csv --min-recall 0.9 --min-precision 0.9
	# the project's own stories (data/eval, data/eval2), written independently of the shared sets
	$(BIN)/claimcheck diff data/eval/articles --meta data/eval/meta.csv --format csv -o reports/eval.csv --quiet
	$(BIN)/python $(SHARED)/eval/score.py data/eval/gold.json reports/eval.csv
	$(BIN)/claimcheck diff data/eval2/articles --meta data/eval2/meta.csv --format csv -o reports/eval2.csv --quiet
	$(BIN)/python $(SHARED)/eval/score.py data/eval2/gold.json reports/eval2.csv

## bench: throughput, diff scaling, start-up and memory (writes reports/bench.json); BENCH_ARGS="--sizes 100 1000 --repeat 1" for a quicker run
bench: $(STAMP)
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) reports .pytest_cache
