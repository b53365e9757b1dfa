# Everything a fresh machine with Python 3.11+ and make needs: each target makes the virtualenv it uses.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin

.PHONY: run test test-sqlite bench lint clean migration

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

## run: start the bot (Socket Mode when SLACK_APP_TOKEN is set, otherwise HTTP on 127.0.0.1:3000);
##      with no SLACK_BOT_TOKEN (in the environment or .env) yet, the local playground instead: no Slack needed
run: $(BIN)/.installed
	@if [ -n "$$SLACK_BOT_TOKEN" ] || grep -qsE '^[[:space:]]*SLACK_BOT_TOKEN[[:space:]]*=[[:space:]]*["'"'"']?[^[:space:]#"'"'"']' .env; then \
		exec $(BIN)/tmw-bot run; \
	else \
		echo "No Slack tokens yet (SLACK_BOT_TOKEN is not set), so here is the local playground: the bot and a stand-in for Slack."; \
		exec $(BIN)/tmw-bot local; \
	fi

## test: the whole suite, on SQLite and on a throwaway PostgreSQL server
test: $(BIN)/.installed
	scripts/with-postgres $(BIN)/pytest

## test-sqlite: the suite on SQLite only (quicker)
test-sqlite: $(BIN)/.installed
	$(BIN)/pytest

## bench: the benchmarks, each printing its figures beside a baseline
bench: $(BIN)/.installed
	for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

## migration m="what changed": write a migration for changes to storage/models.py
migration: $(BIN)/.installed
	$(BIN)/python -m storage.migrate revision "$(m)"

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis *.egg-info
