# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test lint migrate seed openapi client clean bench

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

lint: install
	$(BIN)/ruff check api tests migrations bench tools clients/examples

test: lint
	$(BIN)/pytest

bench: install  ## import the real data files, load the app and FastAPI baselines, print the figures (bench/README.md)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) upr.db upr.db-wal upr.db-shm .pytest_cache
