# Two commands on a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/pip --quiet --disable-pip-version-check
SITE_DIR ?= site
export NO_MKDOCS_2_WARNING := 1

.PHONY: help cms site test test-fast checks types check-data serve validate schema catalogue check-schema check-catalogue lint lock clean bench render

## help: list these commands
help:
	@sed -n 's/^## //p' $(MAKEFILE_LIST)

# What building the site needs (requirements.txt), and what the tests and checks need
# besides (requirements-dev.txt, which starts with -r requirements.txt): publishing installs
# only the first; the tests install both in one run of pip, about 6 s sooner than one set
# after the other. --no-compile: Python compiles a module when it is first imported, and
# most installed modules never are.
define install
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed (found " + sys.version.split()[0] + ")")'
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --no-compile -r $(1)
	$(PIP) install --no-deps -e .
endef

$(VENV)/.installed: requirements.txt pyproject.toml
	$(call install,requirements.txt)
	@touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt pyproject.toml
	$(call install,requirements-dev.txt)
	@touch $(VENV)/.installed $@

## site: build the website into site/. It is built beside it and swapped in only when the
## whole build succeeded, so a mistake never leaves a half-built site for a deploy to publish;
## a second build at the same time waits for none and says so (hooks/wardpanels/publish.py).
site: $(VENV)/.installed cms/node_modules/.installed
	$(BIN)/python -m wardpanels.publish $(SITE_DIR) -- $(BIN)/mkdocs build --strict
	@echo
	@echo "Built the site in $(SITE_DIR)/. To look at it, run: make serve"
	@echo "and open http://127.0.0.1:8000/ in a browser."

## test: lint, check types, check the schemas and the catalogue are current, check the live
## data, run every test (the tests build a fixture borough of their own, never the live data)
test: checks
	$(BIN)/pytest $(SPREAD)

## test-fast: the tests that need no browser and build no whole site (well under a minute)
test-fast: $(VENV)/.dev-installed
	$(BIN)/pytest -q $(SPREAD) -m "not browser and not build" --ignore=tests/browser

# pytest-xdist runs the tests in one process a core, a test file to a process, so a file's
# shared fixtures are made once; the session's built sites are built once for all processes
# (tests/conftest.py).
SPREAD := -n auto --dist loadfile

## checks: what `make test` does before the tests: install, lint, types, schemas,
## catalogue and the live data. Two jobs at a time: the installs (pip's downloads beside
## npm's), then the checks (mypy beside the live data's build).
checks:
	@$(MAKE) --no-print-directory --jobs=2 --output-sync=target \
	  $(VENV)/.dev-installed tests/js/node_modules/.installed cms/node_modules/.installed
	@$(MAKE) --no-print-directory --jobs=2 --output-sync=target \
	  check-data lint types check-schema check-catalogue

## types: mypy, strict, over hooks/ and tests/
types: $(VENV)/.dev-installed
	$(BIN)/mypy

## check-data: check the live data as a pull request does, at the real "now": every file,
## then a strict build into a folder that is thrown away
check-data: $(VENV)/.installed
	env -u SOURCE_DATE_EPOCH $(BIN)/wardpanels validate
	@scratch=$$(mktemp -d) && trap 'rm -rf "$$scratch"' EXIT && \
	  env -u SOURCE_DATE_EPOCH $(BIN)/mkdocs build --strict --quiet --site-dir "$$scratch/site"

# Tools the tests run on Node.js (skipped without it): ical.js, Thunderbird's calendar
# parser, reads the feeds; Ajv checks the JSON Schemas as editors' tools read them.
tests/js/node_modules/.installed: tests/js/package.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm install --prefix tests/js --silent --no-audit --no-fund --prefer-offline && touch $@; \
	else echo "npm not found: the ical.js feed tests will be skipped"; fi

## cms: install the form editor at /admin/ (Decap CMS's bundle, pinned in
## cms/package-lock.json) and the local proxy its browser test and `make serve` editing use.
## Without npm the site is built without /admin/'s script, and the build says so.
cms: cms/node_modules/.installed

cms/node_modules/.installed: cms/package.json cms/package-lock.json cms/install-bundle.mjs
	@if ! command -v npm >/dev/null 2>&1; then \
	  echo "npm not found: the site is built without the form editor's script (/admin/)"; \
	elif npm ci --prefix cms --silent --no-audit --no-fund --prefer-offline --ignore-scripts \
	  --omit=optional && node cms/install-bundle.mjs; then touch $@; \
	else echo "npm could not install cms/: the site is built without the form editor's script"; fi

## serve: live preview that rebuilds when wards/, glossary/ or site_src/ change
serve: $(VENV)/.installed
	$(BIN)/mkdocs serve

## validate: check the ward and glossary files, as a pull request does
validate: $(VENV)/.installed
	$(BIN)/wardpanels validate

## schema: regenerate wards/ward.schema.json and glossary/glossary.schema.json
schema: $(VENV)/.installed
	$(BIN)/wardpanels schema

## catalogue: update translations/messages.pot and each language's messages.po from the code
catalogue: $(VENV)/.installed
	$(BIN)/wardpanels catalogue

## check-schema: fail if a committed JSON Schema no longer matches the data model
check-schema: $(VENV)/.installed
	$(BIN)/wardpanels schema --check

## check-catalogue: fail if the message catalogue no longer matches the code's texts
check-catalogue: $(VENV)/.installed
	$(BIN)/wardpanels catalogue --check

## lint: ruff's checks, and its formatting left as it is
lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

## lock: re-pin requirements.txt and requirements-dev.txt to the newest versions
## pyproject.toml allows
lock:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --disable-pip-version-check -e .
	{ echo '# What building the site needs, pinned, so each machine builds the same site. Regenerate with `make lock`.'; \
	  .lock-venv/bin/pip freeze --exclude-editable | grep -v -E '^(pip|setuptools|wheel)=='; } > requirements.txt
	.lock-venv/bin/pip install --quiet --disable-pip-version-check -e '.[test]'
	{ echo '# What the tests and checks need besides, pinned. Regenerate with `make lock`.'; echo '-r requirements.txt'; \
	  .lock-venv/bin/pip freeze --exclude-editable | grep -v -E '^(pip|setuptools|wheel)==' | grep -v -x -F -f requirements.txt; } > requirements-dev.txt
	rm -rf .lock-venv

## clean: remove the built site, the virtual environment and the caches
clean:
	rm -rf site site.tmp site.old .site.lock $(VENV) cms/node_modules .pytest_cache .ruff_cache .hypothesis

## bench: build time, memory and page weight at 20, 300, 700 and 1000 wards (not part of test)
bench: $(VENV)/.installed
	$(BIN)/python bench/run.py
