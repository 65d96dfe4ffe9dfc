# Two commands on a fresh clone: `make run` (extract the bundled sample) and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test eval snapshots review-snapshots schemas install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(VENV)/bin/vnextract extract --pretty samples/seed.txt

test: $(STAMP)
	$(PY) -m pytest -q

eval: $(STAMP)
	$(VENV)/bin/vnextract eval corpus/real --no-details
	$(VENV)/bin/vnextract eval corpus --no-details

snapshots: $(STAMP)
	$(PY) -m pytest -q tests/test_snapshots.py --update-snapshots

# What the current rules changed against the accepted snapshots, as pages to open before `make snapshots`
# (the real-text corpus too when its bench is there; its test part is not shown).
review-snapshots: $(STAMP)
	mkdir -p build
	$(VENV)/bin/vnextract review --snapshots corpus -o build/review-snapshots.html
	-$(VENV)/bin/vnextract review --snapshots corpus/real -o build/review-snapshots-real.html

schemas: $(STAMP)
	$(VENV)/bin/vnextract schema schemas

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
