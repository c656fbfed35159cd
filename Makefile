# Enjeux — two commands on a fresh Debian machine:
#   make analyze   build, then run the four stages over Corpus/ into Evidence/
#   make test      run every test
# Settings (override on the command line: make analyze CORPUS=… LEXICON=… OUT=…):
CORPUS  ?= Corpus
LEXICON ?= Lexicons/enjeux.fr.yaml
OUT     ?= Evidence
# Intermediate files (extracted text, passages, scores), one folder per corpus.
WORK    ?= .enjeux/$(notdir $(abspath $(CORPUS)))
JOBS    ?= $(shell nproc 2>/dev/null || echo 2)
SWIFT   ?= swift

RELEASE_BIN = .build/release

.PHONY: analyze test build deps test-deps clean help

help:
	@echo "make analyze [CORPUS=Corpus] [LEXICON=$(LEXICON)] [OUT=Evidence]   run the pipeline"
	@echo "make test                                                         run every test"
	@echo "make clean                                                        remove build outputs"

deps:
	@scripts/ensure-deps.sh build

test-deps:
	@scripts/ensure-deps.sh test

build: deps
	@$(SWIFT) build -c release

analyze: build
	@BIN=$(RELEASE_BIN) CORPUS="$(CORPUS)" LEXICON="$(LEXICON)" OUT="$(OUT)" WORK="$(WORK)" JOBS=$(JOBS) \
		scripts/analyze.sh

test: test-deps
	$(SWIFT) test

clean:
	rm -rf .build .enjeux

# Benchmarks: every stage beside a peer tool on ../shared, one table (docs/benchmarks.md).
#   make bench                            build, then measure (about 10 minutes on 2 cores)
#   make bench BENCH_BIN=.build-x/release measure executables already built there
#   make bench-corpus                     only prepare the benchmark inputs under .build/bench/
BENCH_BIN ?=
BENCH_EXECUTABLES = $(or $(BENCH_BIN),$(RELEASE_BIN))

.PHONY: bench bench-corpus

bench: $(if $(BENCH_BIN),deps,build)
	@BIN=$(BENCH_EXECUTABLES) scripts/bench/run.sh

bench-corpus: $(if $(BENCH_BIN),deps,build)
	@BIN=$(BENCH_EXECUTABLES) scripts/bench/run.sh --corpus-only
