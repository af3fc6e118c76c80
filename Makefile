# Two commands on a fresh machine: `make serve` and `make test`. Every target sets up what it needs.
SHELL := /bin/bash
VENV := .venv
PYTHON := $(VENV)/bin/python
# The site generator: mkdocs (1.6, the last 1.x release) or properdocs (its maintained 1.x fork,
# same mkdocs.yml, hooks and plugins). `make build ENGINE=properdocs`; `make test` builds with both.
ENGINE ?= mkdocs
MKDOCS := $(PYTHON) -m $(ENGINE)
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1   # silence Material's end-of-life banner (not a warning)

.PHONY: setup python assets browser build serve deploy test test-fast offline bench bench-links bench-import bench-lighthouse bench-mermaid2 clean

setup: python assets

python: $(VENV)/.installed
$(VENV)/.installed: pyproject.toml constraints.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -c constraints.txt -e '.[test,dev]'
	touch $@

# Mermaid, KaTeX (served by the site) and axe-core / Lighthouse (tests, bench) from the npm registry.
assets: node_modules/.installed
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Debian's Chromium for the browser tests (Playwright's own browser download does not work offline).
browser:
	@command -v chromium >/dev/null && command -v pdfinfo >/dev/null || { \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium poppler-utils fonts-liberation; }

build: setup
	$(MKDOCS) build --strict -f mkdocs.yml

# Any static host: a strict build for the published address, copied with rsync when DEPLOY_TO is
# set (user@host:/var/www/guide/ or a local folder). GitHub Pages: .github/workflows/deploy.yml.
deploy: setup
	@test -n "$(SITE_URL)" || { echo "make deploy: set SITE_URL to the published address, e.g. SITE_URL=https://example.org/guide/"; exit 2; }
	SITE_URL="$(SITE_URL)" $(MKDOCS) build --strict -f mkdocs.yml
	@if [ -n "$(DEPLOY_TO)" ]; then rsync -a --delete site/ "$(DEPLOY_TO)"; echo "published site/ to $(DEPLOY_TO)"; \
	 else echo "built site/ for $(SITE_URL); upload it to your host (or set DEPLOY_TO=... to rsync it)"; fi

serve: setup
	$(MKDOCS) serve -f mkdocs.yml --dev-addr 127.0.0.1:8000

# A copy of the site that works from file:// (Material's offline plugin), zipped for download.
offline: setup
	OFFLINE=true DIRECTORY_URLS=false $(MKDOCS) build --strict -f mkdocs.yml --site-dir site-offline
	mkdir -p dist && rm -f dist/ml-system-design-guide-offline.zip
	cd site-offline && $(PYTHON) -m zipfile -c ../dist/ml-system-design-guide-offline.zip .

test: setup browser
	$(PYTHON) -m pytest

# Everything but the real-browser tests (no Chromium needed).
test-fast: setup
	$(PYTHON) -m pytest -m "not browser"

# Benchmarks (not part of `make test`); each records its result in bench/README.md.
bench: bench-links bench-import bench-lighthouse bench-mermaid2

bench-links: setup
	$(PYTHON) bench/links/run.py

bench-import: setup
	$(PYTHON) bench/importer/run.py

bench-lighthouse: setup browser
	$(PYTHON) bench/lighthouse/run.py

bench-mermaid2: setup browser
	$(PYTHON) bench/mermaid2/run.py

clean:
	rm -rf site site-offline dist .pytest_cache
