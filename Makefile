# jobbnav — the two commands: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck pytest bench browser compile clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Concept recognition's hot modules compiled with mypyc (docs/decisions/0007): rebuilt when a
# source changed, skipped (the Python sources run, slower) where nothing can compile them.
compile: $(STAMP)
	@$(BIN)/jobbnav enrich compile --if-stale 2>&1 | grep -v 'Treating generator comprehension' \
	  || true
	@$(BIN)/python -c 'from jobbnav.enrich.compiled import is_fresh; \
	  print("concept recognition: " + ("compiled" if is_fresh() else \
	  "Python sources (mypyc could not compile them)"))'

run: $(STAMP) compile
	$(BIN)/jobbnav db upgrade
	$(BIN)/jobbnav demo load --if-empty
	$(BIN)/jobbnav demo accounts
	$(BIN)/jobbnav serve

# Headless Chromium for the browser tests, from Debian's packages (never a downloaded browser).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) \
	      || echo "chromium could not be installed: browser tests will be skipped"; \
	  else echo "no /usr/bin/chromium and not root: browser tests will be skipped"; fi; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy
	$(BIN)/mypy tests

pytest: $(STAMP) compile browser
	$(BIN)/pytest -q

test: lint typecheck pytest

bench: $(STAMP) compile
	@for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
	rm -f src/*.so src/jobbnav/enrich/*.so src/jobbnav/enrich/compiled.json
