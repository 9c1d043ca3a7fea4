# The two commands of the README's quick start: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test lint bench bench-large clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall whenever pyproject.toml changes.
$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(BIN)/briefer

test: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .

# Every benchmark at sizes S and M (libraries are built once, then cached in
# ~/.cache/briefer-bench or $$BRIEFER_BENCH_CACHE). bench-large adds L: 100,000 sources
# (building it takes half an hour on two busy cores).
bench: $(VENV)/.installed-test
	$(BIN)/python -m bench

bench-large: $(VENV)/.installed-test
	$(BIN)/python -m bench library --sizes L
	$(BIN)/python -m bench keystroke --size L

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
