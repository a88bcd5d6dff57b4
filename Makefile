# The two commands: `make run` and `make test` (both work on a fresh machine).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# The web app: npm ci when the lock file changed, a build when a source changed. Without npm the
# recipe does nothing and `apo run` says in one log line that the web app needs Node to build.
WEB_DIST := app/webapp/dist/index.html
WEB_MODULES := web/node_modules/.package-lock.json
WEB_SOURCES := $(shell find web -path web/node_modules -prune -o -path web/docs -prune -o -type f -print 2>/dev/null)
HAVE_NPM := $(shell command -v npm 2>/dev/null)

.PHONY: install run test test-deps web bench clean

$(STAMP): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test,dev]'
	touch $(STAMP)

install: $(STAMP)

$(WEB_MODULES): web/package-lock.json
ifneq ($(HAVE_NPM),)
	cd web && npm ci --no-audit --no-fund --loglevel=error
endif

$(WEB_DIST): $(WEB_MODULES) $(WEB_SOURCES)
ifneq ($(HAVE_NPM),)
	cd web && npm run --silent build
endif

web: $(WEB_DIST)

run: install
	@$(MAKE) -s --no-print-directory web || echo "make: the web app did not build; the API and the bot run without it"
	$(BIN)/apo run

test-deps:
	bash tests/support/install_test_deps.sh

test: install test-deps web
ifneq ($(HAVE_NPM),)
	cd web && npm test --silent
endif
	$(BIN)/pytest

bench: install
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .cache .pytest_cache app/webapp/dist web/node_modules
