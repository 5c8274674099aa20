# The two quick-start commands: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= pledgewatch.sqlite

.PHONY: run test bench bench-web clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

## Ingest the sample documents into a SQLite file and print what was found.
run: $(BIN)/.installed
	$(BIN)/pledgewatch --db $(DB) ingest samples/
	$(BIN)/pledgewatch --db $(DB) summary
	$(BIN)/pledgewatch --db $(DB) serve

## Lint and run the whole test suite.
test: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/pytest -q

bench: $(BIN)/.installed
	$(BIN)/python bench/ingest.py --docs 300

bench-web: $(BIN)/.installed
	$(BIN)/python bench/web.py --docs 10000

clean:
	rm -rf $(VENV) *.sqlite *.sqlite-* .pytest_cache .ruff_cache test-artifacts
