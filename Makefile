# The two commands of the README: `make run` (the service) and `make test` (the suite).
VENV   ?= .venv
PYTHON ?= python3
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup run test bench score load clean

setup: $(STAMP)

$(STAMP): pyproject.toml scripts/install-system-deps.sh
	bash scripts/install-system-deps.sh
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: setup
	$(BIN)/kehoach serve

test: setup
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: setup
	$(BIN)/python scripts/bench_ingest.py
	$(BIN)/python scripts/bench_parse.py

# Scores the golden corpus (corpus/groundtruth) with the project's scorer.
score: setup
	rm -rf out/corpus
	$(BIN)/kehoach parse corpus/sources/* --out out/corpus
	$(BIN)/python corpus/eval/score.py corpus/groundtruth out/corpus

# Uploads N documents from M clients against a running `make run` (see scripts/load_test.py).
load: setup
	$(BIN)/python scripts/load_test.py $(LOAD_ARGS)

clean:
	rm -rf $(VENV) var out .pytest_cache
