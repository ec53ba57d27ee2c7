# The two quick-start commands (README): `make demo` and `make test`.
PY ?= python3
# CI adds the spark extra: make test EXTRAS=dev,spark
EXTRAS ?= dev
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test setup lint

$(BIN)/tiescreen: pyproject.toml
	@$(PY) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "tiescreen needs Python 3.11 or newer")'
	@{ command -v pkg-config >/dev/null && pkg-config --exists icu-uc && $(PY) -c 'import ensurepip' 2>/dev/null; } || ./.ci/system-deps.sh
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[$(EXTRAS)]'
	$(BIN)/python -m compileall -q src  # as a package install does (an editable one does not)
	@touch $(BIN)/tiescreen

setup: $(BIN)/tiescreen

demo: setup
	$(BIN)/tiescreen demo --dir tiescreen-demo

test: setup
	$(BIN)/python -m pytest -q -m 'not slow'

lint: setup
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy src
