# Two commands set everything up on a machine that has only python3:
#   make build   create .venv, install newsevents, build a release from seeds/
#   make test    install the test tools too, then lint, type-check and test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
VERSION ?= $(shell $(PYTHON) -c "import tomllib;print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])")

.PHONY: build test lint schema clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Installed markers: reinstall when pyproject.toml or the pinned constraints change.
$(VENV)/.installed: $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/pip install --quiet -c constraints.txt -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

# An editable install leaves the package's bytecode to the first run, and where
# PYTHONDONTWRITEBYTECODE is set every process compiles it again (0.1 s each: the build,
# its fork server, its side processes). Compiled here once; a stale file is recompiled.
build: $(VENV)/.installed
	$(BIN)/python -m compileall -q src/newsevents
	$(BIN)/newsevents build --input seeds --out releases --version $(VERSION) --gold gold --force

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

test: $(VENV)/.installed-test lint
	$(BIN)/pytest

schema: $(VENV)/.installed
	$(BIN)/newsevents schema --out schema

clean:
	rm -rf $(VENV) releases .pytest_cache .mypy_cache .ruff_cache
