# One command to build the study guide deck, one to run the tests (see README.md).
# Both install what they need first: a virtualenv with deckgen, and reveal.js + fonts via npm ci.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: deck test lint wheel setup system-deps clean

deck: setup
	$(BIN)/deckgen build decks/generative-production --format html,pptx

test: setup system-deps lint
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check src tests benchmarks hatch_build.py
	$(BIN)/mypy

# The sdist and the wheel a teacher installs (its build hook runs npm ci for reveal.js and fonts).
wheel: $(VENV)/.installed
	$(BIN)/python -m build --outdir dist

setup: $(VENV)/.installed node_modules/.package-lock.json

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund

system-deps:
	scripts/install-system-deps

clean:
	rm -rf $(VENV) node_modules dist
