#!/usr/bin/env bash
# Runs the four stages over a corpus: extract, tokenize, score, rank.
# Called by `make analyze`; every setting comes from the environment:
#   BIN (folder of the built executables), CORPUS, LEXICON, OUT, WORK, JOBS, LEARN (0: the lists
#   do not learn from JUDGMENTS, by default judgments.jsonl in the corpus folder) and OCR
#   (never, auto or always: when scanned PDF pages are read by OCR; auto by default).
set -uo pipefail
: "${BIN:?}" "${CORPUS:?}" "${LEXICON:?}" "${OUT:?}" "${WORK:?}"
JOBS="${JOBS:-$(nproc)}"
LEARN="${LEARN:-1}"
JUDGMENTS="${JUDGMENTS:-$CORPUS/judgments.jsonl}"
OCR="${OCR:-auto}"
case "$OCR" in
  never | auto | always) ;;
  *)
    echo "enjeux: error: OCR must be never, auto or always (got \"$OCR\")" >&2
    exit 64
    ;;
esac

if [ ! -d "$CORPUS" ]; then
  echo "enjeux: error: corpus folder not found: $CORPUS" >&2
  exit 66
fi
if [ ! -r "$LEXICON" ]; then
  echo "enjeux: error: cannot read the lexicon: $LEXICON" >&2
  exit 66
fi

"$BIN/enjeux-extract" "$CORPUS" --out "$WORK/extracted" --jobs "$JOBS" --ocr "$OCR"
extract_status=$?
# 3 means some documents failed: the others go on, and the run ends with 3.
if [ $extract_status -ne 0 ] && [ $extract_status -ne 3 ]; then exit $extract_status; fi

"$BIN/enjeux-tokenize" "$WORK/extracted" --out "$WORK/passages" --jobs "$JOBS" || exit $?
"$BIN/enjeux-score" "$WORK/passages" --lexicon "$LEXICON" --out "$WORK/scores.json" --jobs "$JOBS"
score_status=$?
# 65: the lexicon is invalid; nothing is ranked and the previous evidence stays as it was.
if [ $score_status -eq 65 ]; then
  "$BIN/enjeux-rank" --invalid-lexicon "$OUT"
  exit 65
fi
if [ $score_status -ne 0 ]; then exit $score_status; fi
learn=()
if [ "$LEARN" != 0 ]; then learn=(--judgments "$JUDGMENTS"); fi
"$BIN/enjeux-rank" "$WORK/scores.json" --extracted "$WORK/extracted" --out "$OUT" "${learn[@]}" || exit $?
"$BIN/enjeux-rank" --summary "$OUT"
if [ $extract_status -eq 3 ]; then
  # The last line people read, in French like the summary above it.
  echo "enjeux: terminé avec des échecs : les documents qui n’ont pas pu être lus sont listés dans $OUT/run.md, avec la raison" >&2
fi
exit $extract_status
