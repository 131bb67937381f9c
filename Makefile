# Two commands matter: `make run` (install + serve on embedded defaults) and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: help install run test lint format bench clean

help:  ## list targets
	@grep -E '^[a-z]+:.*##' Makefile | sed 's/:.*##/\t/'

$(STAMP): requirements.lock requirements-dev.lock pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q -r requirements-dev.lock
	$(BIN)/pip install -q --no-deps -e .
	touch $(STAMP)

install: $(STAMP)  ## create .venv with pinned dependencies

run: $(STAMP)  ## init the local store, create the demo coach, serve on 127.0.0.1:8000
	$(BIN)/coach init --demo
	$(BIN)/coach serve

test: $(STAMP)  ## lint, type-check, find dead code and run the whole test suite
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	@! $(BIN)/vulture | grep -v -e "unused variable" -e "unused attribute"  # dead code
	$(BIN)/pytest

lint: $(STAMP)  ## ruff lint and mypy type check
	$(BIN)/ruff check .
	$(BIN)/mypy

format: $(STAMP)  ## ruff format
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(STAMP)  ## print the benchmarks' figures
	@for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:  ## remove the venv and local data
	rm -rf $(VENV) .coach
