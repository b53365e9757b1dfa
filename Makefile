# Everything a fresh machine with Python 3.11+ and make needs: each target makes the virtualenv it uses.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin

.PHONY: run test test-sqlite bench lint clean migration

PIP := $(BIN)/pip install --quiet --disable-pip-version-check
# pip's and setuptools' chatter goes to a log, shown only if the install fails.
quietly = $(1) >$(VENV)/install.log 2>&1 || { cat $(VENV)/install.log; exit 1; }

# One stamp per set of packages, so each target installs only what it uses: running needs the bot's
# own dependencies; the tests and the benchmarks' peers (large) are added only by the targets that use them.
$(BIN)/.installed-run: pyproject.toml
	@echo "Installing tmw-bot into $(VENV) (once, or after pyproject.toml changes)..."
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(call quietly,$(PIP) --upgrade pip)
	@$(call quietly,$(PIP) -e .)
	@touch $@

$(BIN)/.installed-test: $(BIN)/.installed-run
	@echo "Installing what the tests need..."
	@$(call quietly,$(PIP) -e '.[test]')
	@touch $@

$(BIN)/.installed-bench: $(BIN)/.installed-run
	@echo "Installing the benchmarks' peers (scrubadub, the Teams SDK and what they bring)..."
	@$(call quietly,$(PIP) -e '.[bench]')
	@touch $@

## run: start the bot for Slack, Teams or both, whichever is set up (Slack over Socket Mode when SLACK_APP_TOKEN
##      is set, otherwise HTTP on 127.0.0.1:3000); with neither SLACK_BOT_TOKEN nor TEAMS_APP_ID (in the
##      environment or .env) yet, the local playground instead: no Slack needed
run: $(BIN)/.installed-run
	@if [ -n "$$SLACK_BOT_TOKEN$$TEAMS_APP_ID" ] || grep -qsE '^[[:space:]]*(SLACK_BOT_TOKEN|TEAMS_APP_ID)[[:space:]]*=[[:space:]]*["'"'"']?[^[:space:]#"'"'"']' .env; then \
		exec $(BIN)/tmw-bot run; \
	else \
		echo "No Slack or Teams settings yet (SLACK_BOT_TOKEN and TEAMS_APP_ID are unset), so here is the local playground: the bot and a stand-in for Slack."; \
		exec $(BIN)/tmw-bot local; \
	fi

## test: the whole suite, on SQLite and on a throwaway PostgreSQL server
test: $(BIN)/.installed-test
	scripts/with-postgres $(BIN)/pytest

## test-sqlite: the suite on SQLite only (quicker)
test-sqlite: $(BIN)/.installed-test
	$(BIN)/pytest

## bench: the benchmarks, each printing its figures beside a baseline
bench: $(BIN)/.installed-bench
	for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

## migration m="what changed": write a migration for changes to storage/models.py
migration: $(BIN)/.installed-run
	$(BIN)/python -m storage.migrate revision "$(m)"

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis *.egg-info
