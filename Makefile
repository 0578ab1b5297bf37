# `make run` and `make test` work on a fresh clone: both create .venv and install first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench eval clean screenshot

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Bytecode written ahead, as pip does for installed packages: where PYTHONDONTWRITEBYTECODE
# is set, every start would otherwise compile the reader's modules again (~60 ms).
run: $(STAMP)
	$(BIN)/python -m compileall -q reader
	$(BIN)/reader seeds

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python -m compileall -q reader bench
	$(BIN)/python -m bench

eval: $(STAMP)
	$(BIN)/reader eval

clean:
	rm -rf $(VENV) .pytest_cache

screenshot: $(STAMP)
	$(BIN)/python docs/make_screenshot.py
