# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test test-fast lint format migration migrate seed openapi client clean bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-* && touch $@

install: $(STAMP)

migrate: install
	$(BIN)/upr migrate

seed: migrate
	$(BIN)/upr seed

run: seed
	$(BIN)/upr serve --with-worker --host $(HOST) --port $(PORT)

openapi: install  ## regenerate the committed contracts: openapi/*.json, then both clients in clients/
	$(BIN)/python -m api.contracts

client: install  ## regenerate both clients in clients/ from the committed openapi/*.json
	$(BIN)/python -m api.contracts --clients

LINTED := api tests migrations bench tools clients/examples

lint: install  ## ruff (rules and format), the type checker, the import contracts
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/mypy
	$(BIN)/python tools/mypy_tests_ratchet.py
	$(BIN)/lint-imports --no-cache

format: install  ## apply ruff's fixes and format
	$(BIN)/ruff check --fix $(LINTED)
	$(BIN)/ruff format $(LINTED)

NEXT_REVISION = $(shell printf '%04d' $$(( $$(ls migrations/versions | grep -c '^[0-9]') + 1 )))

migration: migrate  ## a new Alembic revision from the models, numbered: make migration m="what changes"
	@test -n "$(m)" || (echo 'usage: make migration m="what changes"' && exit 1)
	$(BIN)/alembic revision --autogenerate --rev-id $(NEXT_REVISION) -m "$(m)"

test: lint
	$(BIN)/pytest

test-fast: install  ## everything but the slow families (marker `slow`, set in tests/conftest.py)
	$(BIN)/pytest -m "not slow" -q

bench: install  ## import the real data files, load the app and FastAPI baselines, print the figures (bench/README.md)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) upr.db upr.db-wal upr.db-shm .pytest_cache
