# Enjeux — two commands on a fresh Debian machine:
#   make analyze   build, then run the four stages over Corpus/ into Evidence/
#   make test      run every test
# and, for staff, make brief SELECTION=… TITLE=… (a brief as DOCX and ODT from Evidence/).
# Settings (override on the command line: make analyze CORPUS=… LEXICON=… OUT=…):
CORPUS  ?= Corpus
LEXICON ?= Lexicons/enjeux.fr.yaml
OUT     ?= Evidence
# The lists learn from the group's judgments (JUDGMENTS, by default judgments.jsonl in the
# corpus folder) unless LEARN=0 (docs/learning.md).
LEARN   ?= 1
JUDGMENTS ?= $(CORPUS)/judgments.jsonl
# When scanned PDF pages are read by OCR (Tesseract): never, auto (pages without a usable
# text layer) or always (every page): make analyze OCR=always
OCR     ?= auto
# Intermediate files (extracted text, passages, scores), one folder per corpus, keyed by its
# absolute path: .enjeux/<folder name>-<8 hex digits> (scripts/work-folder.sh).
WORK    ?= $(shell scripts/work-folder.sh "$(CORPUS)")
JOBS    ?= $(shell nproc 2>/dev/null || echo 2)
SWIFT   ?= swift

RELEASE_BIN = .build/release
# The executables carry the Swift runtime and Foundation (no dynamic symbol binding at each
# start: about 10 ms less per process, and every stage and extraction worker is one).
# SWIFT_BUILD_FLAGS= builds them against the shared runtime instead.
SWIFT_BUILD_FLAGS ?= --static-swift-stdlib

.PHONY: analyze test build deps test-deps clean help work-folder

help:
	@echo "make analyze [CORPUS=Corpus] [LEXICON=$(LEXICON)] [OUT=Evidence]   run the pipeline"
	@echo "             [LEARN=0] [JUDGMENTS=Corpus/judgments.jsonl]          (lists learn from judgments unless LEARN=0)"
	@echo "             [OCR=auto|never|always]                              OCR of scanned PDF pages"
	@echo "make test                                                         run every test"
	@echo "make brief SELECTION=choix.txt [TITLE=…] | TOP=3 [ISSUE=\"a b\"]    a brief (DOCX, ODT) from OUT into Brief/"
	@echo "make review [PORT=8750]                                           read, judge and collect passages in the browser"
	@echo "make evaluate [GOLD=…] [CORPUS=…] [LEXICON=…]                     measure a ranking against gold quotes"
	@echo "make bench                                                        benchmarks beside peer tools"
	@echo "make fuzz [FUZZ_SECONDS=60] [FUZZ_TARGETS=\"html lexicon json\"]       fuzz the parsers of outside input"
	@echo "make clean                                                        remove build outputs"

deps:
	@scripts/ensure-deps.sh build

test-deps:
	@scripts/ensure-deps.sh test

build: deps
	@SWIFT="$(SWIFT)" scripts/build-release.sh $(SWIFT_BUILD_FLAGS)

analyze: build
	@BIN=$(RELEASE_BIN) CORPUS="$(CORPUS)" LEXICON="$(LEXICON)" OUT="$(OUT)" WORK="$(WORK)" JOBS=$(JOBS) \
		LEARN="$(LEARN)" JUDGMENTS="$(JUDGMENTS)" OCR="$(OCR)" scripts/analyze.sh

test: test-deps
	@if $(SWIFT) format --version >/dev/null 2>&1; then \
		$(SWIFT) format lint --strict -r Sources Tests Package.swift && echo "swift format: clean"; \
	else echo "swift format: not in this toolchain, style check skipped"; fi
	@python3 scripts/check-imports.py
	$(SWIFT) test

clean:
	rm -rf .build .enjeux

# make brief: quotes passages of the evidence of the last `make analyze` (OUT) in a brief,
# written into BRIEF as brief.md, brief.json (CSL-JSON), brief.docx and brief.odt
# (docs/brief.md). Either the passage ids of a file, or the first TOP passages of the
# issues of ISSUE (every issue when empty):
#   make brief SELECTION=choix.txt TITLE="Autonomie professionnelle et méthodes Lean"
#   make brief TOP=3 ISSUE="autonomie optimisation" TITLE="Note au comité"
SELECTION ?=
TOP       ?= 3
ISSUE     ?=
TITLE     ?= Extraits de la documentation
BRIEF     ?= Brief

.PHONY: brief brief-deps
brief-deps:
	@scripts/ensure-deps.sh brief

brief: build brief-deps
	@$(RELEASE_BIN)/enjeux-brief --evidence "$(OUT)" --out "$(BRIEF)" --title "$(TITLE)" \
		$(if $(SELECTION),--selection "$(SELECTION)",--top $(TOP) $(foreach issue,$(ISSUE),--issue $(issue)))

# make review: the review workbench over the last run of CORPUS into OUT, in the browser
# (docs/review.md): prints http://127.0.0.1:PORT/?token=… first; judgments go to JUDGMENTS.
PORT ?= 8750
.PHONY: review
review: build
	@$(RELEASE_BIN)/enjeux-review --evidence "$(OUT)" --corpus "$(CORPUS)" --work "$(WORK)" \
		--judgments "$(JUDGMENTS)" --port $(PORT)

# Prints the work folder of CORPUS (make -s work-folder CORPUS=…).
work-folder:
	@echo "$(WORK)"

# make evaluate [GOLD=…] [CORPUS=…] [LEXICON=…]: runs the pipeline on CORPUS into
# .enjeux/evaluate/<corpus>-<hash>/ (work/ and Evidence/, reused by the next run so that a
# lexicon edit only rescores), then measures the ranking against the graded gold quotes of GOLD.
GOLD ?= ../shared/eval/dev/gold.jsonl
evaluate: CORPUS = ../shared/eval/dev/corpus
EVAL_DIR = $(shell scripts/work-folder.sh "$(CORPUS)" .enjeux/evaluate)

.PHONY: evaluate
evaluate: build
	@BIN=$(RELEASE_BIN) CORPUS="$(CORPUS)" LEXICON="$(LEXICON)" OUT="$(EVAL_DIR)/Evidence" \
		WORK="$(EVAL_DIR)/work" JOBS=$(JOBS) scripts/analyze.sh; status=$$?; \
		if [ $$status -ne 0 ] && [ $$status -ne 3 ]; then exit $$status; fi
	@$(RELEASE_BIN)/enjeux-lexicon evaluate --gold "$(GOLD)" --evidence "$(EVAL_DIR)/Evidence" \
		--work "$(EVAL_DIR)/work"

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

# Fuzzing (docs/fuzzing.md): the HTML extraction, the lexicon reader and the JSON readers of the
# intermediate files, with libFuzzer when the toolchain has it (a mutation loop otherwise), seeds
# from ../shared/corpus and the lexicon; FUZZ_SECONDS per target (the issue's long run: 3600).
# Not part of make test.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= html lexicon json
FUZZ_PARALLEL ?= 0

.PHONY: fuzz
fuzz: build
	@BIN=$(RELEASE_BIN) SWIFT="$(SWIFT)" FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_TARGETS="$(FUZZ_TARGETS)" \
		FUZZ_PARALLEL=$(FUZZ_PARALLEL) scripts/fuzz.sh
