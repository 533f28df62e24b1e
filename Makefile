# Two commands do everything on a fresh machine: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint build check bench clean

$(STAMP): pyproject.toml
	@echo "Setting up $(VENV) (first run takes a minute or two)..."
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	@$(BIN)/python -m pip install -e '.[dev]' > $(VENV)/install.log 2>&1 \
		|| { tail -n 30 $(VENV)/install.log; echo "Install failed: see $(VENV)/install.log"; exit 1; }
	@touch $(STAMP)

run: $(STAMP)  ## build briefings if stale, then start the bot (local preview without Slack tokens)
	@$(BIN)/deepseek-bot build --check >/dev/null 2>&1 || $(BIN)/deepseek-bot build
	$(BIN)/deepseek-bot serve

test: $(STAMP)  ## everything CI runs: lint, format, types, briefings check, tests
	$(BIN)/ruff check bot tests bench
	$(BIN)/ruff format --check bot tests bench
	$(BIN)/mypy
	$(BIN)/deepseek-bot build --check
	$(BIN)/pytest

build: $(STAMP)
	$(BIN)/deepseek-bot build

bench: $(STAMP)
	$(BIN)/python bench/build.py
	$(BIN)/python bench/http.py
	$(BIN)/python bench/digest.py
	$(BIN)/python bench/ingest.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
