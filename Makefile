# Two commands do all the setup: `make play` and `make test`. Each creates .venv with pip if needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: play test validate clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

# The GIFT export's test parses it with gift-pegjs, the PEG grammar of GIFT, from npm (its
# generated parser needs nothing else): see tests/unit/test_export_gift.py.
GIFT_GRAMMAR := $(VENV)/node/.installed

$(GIFT_GRAMMAR): Makefile | $(STAMP)
	npm install --silent --no-audit --no-fund --prefix $(VENV)/node gift-pegjs@1.0.2
	@touch $(GIFT_GRAMMAR)

play: $(STAMP)
	$(BIN)/briefing play

# Two workers (pytest-xdist): the machines it runs on have two cores. loadgroup keeps the tests
# marked xdist_group together (the wheel's, so it is built once).
TEST_WORKERS ?= 2

test: $(STAMP) $(GIFT_GRAMMAR)
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist loadgroup

validate: $(STAMP)
	$(BIN)/briefing validate

clean:
	rm -rf $(VENV) build dist .pytest_cache
