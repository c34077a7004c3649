# Casualty and incident dataset builder. `make` sets up and builds the dataset; `make test` runs the tests.
# Targets are files: the build reruns only when the articles, the code, the rules or the expectations change.

PYTHON_BASE ?= python3
VENV        := .venv
PY          := $(VENV)/bin/python
STAMP       := $(VENV)/.installed
SEEDS       := $(shell find seeds -type f 2>/dev/null | sort)
CODE        := $(shell find etl -name '*.py' -o -name '*.yaml' | sort)
SUITES      := $(wildcard expectations/*.json)
GOLD        ?= $(wildcard ../shared/eval/dev/*.jsonl)
CLUSTERS    ?= $(wildcard ../shared/eval/dev/semeval2018_gva.jsonl)

.DEFAULT_GOAL := all
.PHONY: all help test eval expectations bench clean distclean

all: data/manifest.json ## set up (if needed) and build data/ and reports/ from seeds/

help: ## list the targets
	@grep -E '^[a-zA-Z_./-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 24

$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON_BASE) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	touch $@

# Exit 3 (built, some inputs had errors) fails make on purpose; the outputs are written either way.
data/manifest.json reports/index.html &: $(STAMP) $(SEEDS) $(CODE) $(SUITES) ## build the dataset
	$(PY) -m etl build --seeds seeds --data data --reports reports

# The build replaces its outputs atomically; make must not delete them when interrupted.
.PRECIOUS: data/manifest.json reports/index.html

test: $(STAMP) ## run the test suite
	$(PY) -m pytest

eval: $(STAMP) ## score the extractor on gold data: make eval GOLD="a.jsonl b.jsonl" (and merging on CLUSTERS)
	$(PY) -m etl eval $(GOLD) --errors reports/eval_misses.jsonl --json reports/eval.json $(if $(CLUSTERS),--clusters $(CLUSTERS))

expectations: $(STAMP) ## regenerate expectations/*.json from the column dictionary
	$(PY) -m etl.validate

bench: $(STAMP) ## speed, memory and incremental-rebuild figures for N = 1,000 and 10,000 articles (BENCH_N=100000 adds more)
	BENCH_N="$(BENCH_N)" $(PY) -m etl.bench

clean: ## remove the built data and reports
	find data reports -mindepth 1 ! -name .gitkeep -delete

distclean: clean ## also remove the virtual environment
	rm -rf $(VENV)
