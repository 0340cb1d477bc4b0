# Scriptorium — `make` builds the dataset in output/, `make test` runs the test suite.
SWIFT     ?= swift
INPUT     ?= input
OUTPUT    ?= output
JOBS      ?= $(shell nproc 2>/dev/null || echo 2)
BIN       := .build/release/scriptorium
SOURCES   := $(shell find Sources -type f) Package.swift
## Per-document cache shared by `make` and the parts (empty: no cache).
CACHE     ?= .cache/scriptorium
CACHE_ARG  = $(if $(CACHE),--cache $(CACHE))

.PHONY: all dataset deps release test asan bench instructions fuzz validate verify conformance publish-check clean parts merge slurm-test FORCE

all: dataset

## System packages: libxml2's headers and pkg-config (to find them). Installed with apt-get when running as root.
deps:
	@if ! pkg-config --exists libxml-2.0 2>/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing libxml2-dev and pkg-config..."; \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libxml2-dev pkg-config >/dev/null; \
	  else \
	    echo "Scriptorium needs libxml2's development files. Run:"; \
	    echo "  sudo apt-get install -y libxml2-dev pkg-config"; \
	    exit 1; \
	  fi; \
	fi

$(BIN): $(SOURCES) | deps
	$(SWIFT) build -c release --product scriptorium

release: deps $(BIN)

dataset: release
	$(BIN) build $(INPUT) --output $(OUTPUT) --jobs $(JOBS) $(CACHE_ARG)

test: deps
	$(SWIFT) test

## The test suite under AddressSanitizer, in its own build folder (the normal build is left as it is). Leak
## detection is off: XCTest's own runner leaks, which would fail every run.
asan: deps
	ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --sanitize=address --scratch-path .build-asan

validate: release
	$(BIN) validate $(OUTPUT)

verify: release
	$(BIN) verify $(OUTPUT)

## Independent validators (bagit, sha256sum, frictionless, jing + TEI P5, pyld + rdflib); needs ../shared.
conformance: dataset
	../shared/tools/conformance $(OUTPUT)

## The files for publishing as their users' tools see them: rocrate-validator (RO-Crate 1.1), html5lib (strict) on
## every page, the landing page's JSON-LD against dataset.jsonld (rdflib), headless Chromium rendering with no
## request but the page (see Tests/Publish/publish-check.sh; installs roc-validator, html5lib and chromium if missing).
publish-check: dataset
	Tests/Publish/publish-check.sh $(OUTPUT)

## Property tests with many more inputs than `make test` runs (each failure prints its seed and a shrunk input).
## FUZZ_ITERATIONS inputs per property; FUZZ_SEED picks another sequence (empty: the fixed default).
FUZZ_ITERATIONS ?= 20000
FUZZ_SEED       ?=
fuzz: deps
	SCRIPTORIUM_FUZZ_ITERATIONS=$(FUZZ_ITERATIONS) $(if $(FUZZ_SEED),SCRIPTORIUM_FUZZ_SEED=$(FUZZ_SEED)) $(SWIFT) test --filter Fuzz

bench: release
	@command -v /usr/bin/time >/dev/null || (DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null)
	python3 Tests/Benchmarks/bench.py --binary $(BIN) --jobs $(JOBS)

## Instructions executed per stage under callgrind (reproducible, unlike wall time): compare before and after a change.
instructions: release
	@command -v valgrind >/dev/null || (DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >/dev/null)
	python3 Tests/Benchmarks/instructions.py --binary $(BIN)

## Builds past one machine. `make parts` builds the corpus as N parts, one recipe each (so `make -j` runs them at once),
## each behind the launcher RUN, e.g. RUN='srun -N1 -n1 -c1' (in RUN, $* is the part's number); `make merge` joins
## them into $(OUTPUT), byte-identical to `make`. A part is built again only when it is missing or older than the
## binary or anything in $(INPUT) (remove $(PARTS) to build every part again).
N         ?= 2
PARTS     ?= parts
RUN       ?=
PART_JOBS ?= 1
PART_DIRS  = $(foreach k,$(shell seq 1 $(N)),$(PARTS)/part-$(k)-of-$(N))

parts: $(PART_DIRS)

$(PARTS)/part-%-of-$(N): $(BIN) FORCE
	@if [ -d '$@' ] && [ -z "$$(find $(INPUT) '$(BIN)' -newer '$@' -print -quit)" ]; then \
	  echo "$@ is up to date"; \
	else \
	  mkdir -p '$(PARTS)' && \
	  echo '$(RUN) $(BIN) build $(INPUT) --shard $*/$(N) --output $@ --jobs $(PART_JOBS) $(CACHE_ARG)' && \
	  $(RUN) $(BIN) build $(INPUT) --shard $*/$(N) --output $@ --jobs $(PART_JOBS) $(CACHE_ARG); \
	fi

merge: $(PART_DIRS)
	$(BIN) merge $(PART_DIRS) --output $(OUTPUT)

FORCE:

## A one-machine Slurm cluster of three nodes builds three parts through srun and an sbatch array; their merge must
## equal a plain build (needs root; installs munge and Slurm when missing; see Tests/Slurm/slurm-test.sh).
slurm-test: release
	BIN=$(BIN) Tests/Slurm/slurm-test.sh

clean:
	rm -rf .build .build-asan $(OUTPUT) $(PARTS)
