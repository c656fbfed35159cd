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

# One run at a time on a work folder and on an output folder: flock(1) on a lock file that
# names its owner's process id. The system releases the lock when the run ends, however it
# ends, so a lock left by a run that died is taken over; a second run waits ENJEUX_LOCK_WAIT
# seconds (3 by default), then stops with status 75 and the first run's process id.
lock_run() { # lock_run FD FILE WHAT
  local fd=$1 file=$2 what=$3 owner
  mkdir -p "$(dirname "$file")" || exit 73
  eval "exec $fd>>\"\$file\"" || exit 73
  # Polled rather than `flock -w`, whose timer a blocked SIGALRM (inherited) would silence.
  local tenths=0 limit
  limit=$(awk -v s="${ENJEUX_LOCK_WAIT:-3}" 'BEGIN { print int(s * 10) }')
  until flock -n "$fd"; do
    if [ "$tenths" -ge "$limit" ]; then
      owner=$(head -c 32 "$file" 2>/dev/null | tr -dc '0-9')
      echo "enjeux: error: another run is in progress on $what${owner:+ (process $owner)}; wait for it to end, then run again" >&2
      exit 75
    fi
    sleep 0.1
    tenths=$((tenths + 1))
  done
  owner=$(head -c 32 "$file" 2>/dev/null | tr -dc '0-9')
  if [ -n "$owner" ] && [ "$owner" != "$$" ] && ! kill -0 "$owner" 2>/dev/null; then
    echo "enjeux: took over the lock of $what left by process $owner, which has ended" >&2
  fi
  echo "$$" >"$file"
  # Emptied when the run ends normally: only a killed run leaves its id for the next to report.
  lock_files+=("$file")
  trap 'for f in "${lock_files[@]}"; do : >"$f"; done' EXIT
}
lock_files=()
if command -v flock >/dev/null 2>&1; then
  lock_run 8 "$WORK/.run.lock" "the work folder $WORK"
  lock_run 9 "$(dirname "$OUT")/.$(basename "$OUT").run.lock" "the output folder $OUT"
else
  echo "enjeux: warning: flock not found (Debian package util-linux): this run does not lock $WORK and $OUT" >&2
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
