#!/usr/bin/env bash
# make fuzz: fuzzes the three parsers that take outside input (docs/fuzzing.md):
#   html     a web page through the format sniffer and the HTML / MHTML extractor
#   lexicon  a lexicon through the YAML reader, the checker and the scorer
#   json     an extracted, tokenized or scored file through its JSON reader (read, write, read back)
# Settings from the environment: FUZZ_SECONDS per target (60), FUZZ_TARGETS ("html lexicon json"),
# FUZZ_PARALLEL=1 to run the targets side by side, FUZZ_TIMEOUT (seconds of wall time one input may
# take before it counts as a hang, 20), SWIFT, BIN (release executables, for the JSON seeds).
# Everything lives under .build/fuzz/: the instrumented build, seeds/, corpus/ (what libFuzzer
# keeps between runs), artifacts/ (crashing inputs) and logs/.
set -uo pipefail
SWIFT="${SWIFT:-swift}"
SECONDS_PER_TARGET="${FUZZ_SECONDS:-60}"
TARGETS="${FUZZ_TARGETS:-html lexicon json}"
TIMEOUT="${FUZZ_TIMEOUT:-20}"
BIN="${BIN:-.build/release}"
ROOT=.build/fuzz
SHARED=../shared/corpus
MAX_LEN=65536
mkdir -p "$ROOT"/{seeds,corpus,artifacts,logs}

# 1. The instrumented build: Swift code compiled with -sanitize=fuzzer (coverage and comparison
# tracing for libFuzzer), linked with libFuzzer's library without its main (enjeux-fuzz has its
# own and calls LLVMFuzzerRunDriver). Without that library, a plain build runs the mutation loop.
swiftc_path=$(command -v swiftc || true)
runtime=""
if [ -n "$swiftc_path" ]; then
  runtime=$(ls "$(dirname "$(readlink -f "$swiftc_path")")"/../lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a 2>/dev/null | head -1)
fi
if [ -n "$runtime" ]; then
  echo "fuzz: building enjeux-fuzz with libFuzzer ($runtime)"
  "$SWIFT" build -c release --scratch-path "$ROOT/build" --product enjeux-fuzz \
    -Xswiftc -Xfrontend -Xswiftc -sanitize=fuzzer \
    -Xlinker --export-dynamic -Xlinker --whole-archive -Xlinker "$runtime" -Xlinker --no-whole-archive \
    -Xlinker -lstdc++ || exit $?
else
  echo "fuzz: libclang_rt.fuzzer_no_main not found in this toolchain: building the deterministic mutation loop"
  "$SWIFT" build -c release --scratch-path "$ROOT/build" --product enjeux-fuzz || exit $?
fi
FUZZ="$ROOT/build/release/enjeux-fuzz"

# 2. Seeds. HTML: the pages of ../shared/corpus up to 64 KB, and pages the issue found refused.
rm -rf "$ROOT/seeds" && mkdir -p "$ROOT/seeds"/{html,lexicon,json}
if [ -d "$SHARED" ]; then
  find "$SHARED" -type f \( -name '*.html' -o -name '*.htm' -o -name '*.mhtml' -o -name '*.mht' \) -size -65k \
    -exec sh -c 'for f; do cp "$f" "$0/$(printf %s "$f" | sha256sum | cut -c1-16).html"; done' "$ROOT/seeds/html" {} +
else
  echo "fuzz: $SHARED not found: seeds are the generated pages and the lexicon only"
fi
printf '<!DOCTYPE html><html><head><title>Note</title></head><body><p>L’autonomie.</p></body></html>' \
  | iconv -f UTF-8 -t UTF-16LE >"$ROOT/seeds/html/utf16le-without-bom.html"
{ printf '<!-- '; head -c 3000 /dev/zero | tr '\0' 'x'; printf ' -->\n<html><body><p>Après un long commentaire.</p></body></html>'; } \
  >"$ROOT/seeds/html/long-comment.html"
# Lexicon: the project's lexicon, and a small one with anchors and aliases.
cp Lexicons/*.yaml "$ROOT/seeds/lexicon/"
printf 'name: a\nversion: "1"\ncategories:\n  a:\n    label: A\n    description: d\n    terms: &t\n      - {term: autonomie, weight: 2}\n      - "marge [de] manœuvre"\n  b:\n    label: B\n    description: d\n    terms: *t\n' \
  >"$ROOT/seeds/lexicon/aliases.yaml"
# JSON: the intermediate files of a small corpus (one kind byte, then the file: 0 extracted,
# 1 tokenized, 2 scores), written by the release executables.
if [ -x "$BIN/enjeux-extract" ] && [ -d "$SHARED/seeds" ]; then
  work="$ROOT/json-work"
  rm -rf "$work" && mkdir -p "$work/corpus"
  find "$SHARED/seeds" -type f -size -40k -exec cp {} "$work/corpus/" \;
  "$BIN/enjeux-extract" "$work/corpus" --out "$work/extracted" >/dev/null 2>&1
  "$BIN/enjeux-tokenize" "$work/extracted" --out "$work/passages" >/dev/null 2>&1
  "$BIN/enjeux-score" "$work/passages" --lexicon Lexicons/enjeux.fr.yaml --out "$work/scores.json" >/dev/null 2>&1
  add_json() { # add_json KIND FILE
    [ -f "$2" ] && [ "$(stat -c %s "$2")" -lt $MAX_LEN ] || return 0
    { printf "\\x$(printf %02x "$1")"; cat "$2"; } >"$ROOT/seeds/json/$1-$(basename "$2")"
  }
  for f in "$work"/extracted/*.json; do [ "$(basename "$f")" = manifest.json ] || add_json 0 "$f"; done
  for f in "$work"/passages/*.json; do [ "$(basename "$f")" = manifest.json ] || add_json 1 "$f"; done
  add_json 2 "$work/scores.json"
else
  echo "fuzz: no release executables in $BIN (make build) or no $SHARED/seeds: JSON seeds are minimal"
fi
printf '\x00{"schema":1,"id":"a","source":"a.txt","sha256":"","byte_count":1,"format":"text","metadata":{},"pages":[],"warnings":[]}' \
  >"$ROOT/seeds/json/minimal-extracted"

# 3. Each target for FUZZ_SECONDS (side by side with FUZZ_PARALLEL=1); the working corpus is
# kept between runs.
fuzz_target() { # fuzz_target TARGET
  local target=$1 log="$ROOT/logs/$1.log" result
  mkdir -p "$ROOT/corpus/$target"
  echo "fuzz: $target for $SECONDS_PER_TARGET s (log: $log)"
  "$FUZZ" "$target" -max_total_time="$SECONDS_PER_TARGET" -max_len=$MAX_LEN -timeout="$TIMEOUT" -rss_limit_mb=2560 \
    -print_final_stats=1 -dict="scripts/fuzz/$target.dict" -artifact_prefix="$ROOT/artifacts/$target-" \
    "$ROOT/corpus/$target" "$ROOT/seeds/$target" >"$log" 2>&1
  result=$?
  echo "fuzz: $target: $(grep -E '^#[0-9]+' "$log" | tail -1)"
  grep -E '^(Done [0-9]+ runs|stat::number_of_executed_units|stat::peak_rss_mb)' "$log" | sed "s/^/fuzz: $target: /"
  if [ $result -ne 0 ]; then
    echo "fuzz: $target FAILED (status $result); the input is in $ROOT/artifacts/ (see $log)" >&2
    return 1
  fi
}
status=0
if [ "${FUZZ_PARALLEL:-0}" = 1 ]; then
  pids=()
  for target in $TARGETS; do fuzz_target "$target" & pids+=($!); done
  for pid in "${pids[@]}"; do wait "$pid" || status=1; done
else
  for target in $TARGETS; do fuzz_target "$target" || status=1; done
fi
exit $status
