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

# make evaluate [GOLD=…] [CORPUS=…] [LEXICON=…]: runs the pipeline on CORPUS into
# .enjeux/evaluate/<corpus>/ (work/ and Evidence/, reused by the next run so that a lexicon
# edit only rescores), then measures the ranking against the graded gold quotes of GOLD.
GOLD ?= ../shared/eval/dev/gold.jsonl
evaluate: CORPUS = ../shared/eval/dev/corpus
EVAL_DIR = .enjeux/evaluate/$(notdir $(abspath $(CORPUS)))

.PHONY: evaluate
evaluate: build
	@BIN=$(RELEASE_BIN) CORPUS="$(CORPUS)" LEXICON="$(LEXICON)" OUT="$(EVAL_DIR)/Evidence" \
		WORK="$(EVAL_DIR)/work" JOBS=$(JOBS) scripts/analyze.sh; status=$$?; \
		if [ $$status -ne 0 ] && [ $$status -ne 3 ]; then exit $$status; fi
	@$(RELEASE_BIN)/enjeux-lexicon evaluate --gold "$(GOLD)" --evidence "$(EVAL_DIR)/Evidence" \
		--work "$(EVAL_DIR)/work"
