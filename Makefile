# Two commands do all the set-up on a fresh machine with Python 3.11+:
#   make run    the dashboard on the default corpus store (store/, seeded with the samples)
#   make test   the whole test suite
# `make run STORE=path` opens another store (created empty when new).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.requirements-installed
PORT   ?= 8501
STORE  ?=

.PHONY: setup run test bench eval fit-linker browser clean

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(STAMP)

setup: $(STAMP)

## the dashboard on a corpus store (default store/, seeded with the samples) at http://localhost:$(PORT)
run: setup
	$(BIN)/streamlit run streamlit_app.py --browser.gatherUsageStats false --server.port $(PORT) \
	  $(if $(STORE),-- --store "$(STORE)")

## every test; the browser tests need Debian's chromium (`make browser` installs it as root)
test: setup
	$(BIN)/python -m pytest

## speed and memory figures, each against its baseline measured in the same run
bench: setup
	$(BIN)/python bench/temporal.py
	$(BIN)/python bench/persons.py
	$(BIN)/python bench/pipeline.py
	$(BIN)/python bench/grouping.py
	$(BIN)/python bench/dashboard.py

## every quality figure on the dev sets beside ../shared (nl_news once its texts are rebuilt)
eval: setup
	PYTHONHASHSEED=0 $(BIN)/python -m evaluation.report

## refit the link model from the dev gold sets (document-level cross-validated first)
fit-linker: setup
	PYTHONHASHSEED=0 $(BIN)/python -m evaluation.fit_linker

## Debian's Chromium for chart export and the browser tests (needs root)
browser:
	command -v chromium >/dev/null || (apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core)

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
