# The two commands: `make run` and `make test` (both work on a fresh machine).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test test-deps bench clean

$(STAMP): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test,dev]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/apo run

test-deps:
	bash tests/support/install_test_deps.sh

test: install test-deps
	$(BIN)/pytest

bench: install
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .cache .pytest_cache
