# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# The venv is re-installed when the project or its lock changes.
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml requirements-dev.lock | cksum | cut -d' ' -f1)
# The lock files (make lock): every dependency pinned with its hashes, for CPython 3.11 on Linux x86_64.
LOCK_FLAGS := --generate-hashes --python-version 3.11 --python-platform x86_64-manylinux_2_28 \
	--custom-compile-command "make lock" --quiet
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install lock verify-lock node-tools run test test-fast lint format migration migrate seed openapi client clean bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml requirements-dev.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	rm -f $(VENV)/.installed-* && touch $@

install: $(STAMP)  ## the venv, from requirements-dev.lock (hash-checked), and the project, editable

# Re-resolve both lock files from pyproject.toml; pins already in them are kept unless a requirement
# moved (`make lock UPGRADE=1` takes the newest of everything). requirements.lock (the app, for the
# Dockerfile) is constrained to requirements-dev.lock's versions, so both agree.
lock: | $(BIN)/python
	$(BIN)/python -m pip install --quiet 'uv>=0.4'
	$(BIN)/uv pip compile pyproject.toml --extra dev $(LOCK_FLAGS) $(if $(UPGRADE),--upgrade) -o requirements-dev.lock
	$(BIN)/uv pip compile pyproject.toml -c requirements-dev.lock $(LOCK_FLAGS) $(if $(UPGRADE),--upgrade) \
		-o requirements.lock

verify-lock:  ## what the image's build does with requirements.lock, in a fresh venv (no Docker needed)
	sh docker/verify-lock.sh $(PYTHON)

migrate: install
	$(BIN)/upr migrate

seed: migrate
	$(BIN)/upr seed

run: seed
	$(BIN)/upr serve --with-worker --host $(HOST) --port $(PORT)

openapi: install  ## regenerate the committed contracts: openapi/*.json, then the client in clients/
	$(BIN)/python -m api.contracts

client: install  ## regenerate the client (clients/upr-tracker-client) from the committed openapi/*.json, build its wheel and sdist into dist/
	$(BIN)/python -m api.contracts --clients

LINTED := api tests migrations bench tools clients/examples clients/extras

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

# Spectral, openapi-typescript, openapi-fetch and tsc for the document tests (tests/contracts), from
# tools/node's lock; reinstalled when the lock changes.
NODE_TOOLS := tools/node/node_modules/.installed

$(NODE_TOOLS): tools/node/package-lock.json
	npm ci --prefix tools/node --no-audit --no-fund
	touch $@

node-tools: $(NODE_TOOLS)  ## the pinned Node tools of the contract tests (needs node and npm)

test: lint node-tools
	$(BIN)/pytest

test-fast: install  ## everything but the slow families (marker `slow`, set in tests/conftest.py)
	$(BIN)/pytest -m "not slow" -q

bench: install  ## import the real data files, load the app and FastAPI baselines, print the figures (bench/README.md); DB=postgresql for a throw-away PostgreSQL
	$(BIN)/python -m bench $(if $(DB),--db $(DB))

clean:
	rm -rf $(VENV) upr.db upr.db-wal upr.db-shm .pytest_cache
