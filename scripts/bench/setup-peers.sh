#!/usr/bin/env bash
# Installs what the benchmarks need when it is missing: GNU time (Debian's `time`), and the
# peer tools they compare against: pdftotext (Debian's poppler-utils; both with apt-get) and,
# in a virtualenv under .build/bench-venv, trafilatura and spaCy (pip, from PyPI). Enjeux
# itself never uses them.
# Never fails: a peer that cannot be installed is reported as skipped in the table.
# Usage: scripts/bench/setup-peers.sh  (from the repository root)
set -uo pipefail
VENV="${BENCH_VENV:-.build/bench-venv}"
LOG=.build/bench/setup-peers.log
mkdir -p .build/bench
: > "$LOG"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo -n "$@"
  else return 1; fi
}

apt_install() {
  command -v apt-get >/dev/null 2>&1 || return 1
  as_root apt-get update -qq >>"$LOG" 2>&1 || true
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >>"$LOG" 2>&1
}

if [ ! -x /usr/bin/time ]; then
  echo "bench: installing time (GNU time, which measures CPU time and peak memory)" >&2
  apt_install time || echo "bench: could not install GNU time; peak RSS figures will be less exact" >&2
fi
# The OCR row (8): pdftoppm renders pages, ImageMagick degrades them, the tesseract command and
# ocrmypdf (Debian's) are the peers.
for need in "tesseract:tesseract-ocr" "ocrmypdf:ocrmypdf"; do
  if ! command -v "${need%%:*}" >/dev/null 2>&1; then
    echo "bench: installing ${need#*:} (an OCR peer)" >&2
    apt_install "${need#*:}" || echo "bench: could not install ${need#*:}; its OCR rows will be skipped" >&2
  fi
done
if ! command -v magick >/dev/null 2>&1 && [ ! -x /usr/bin/convert ]; then
  echo "bench: installing imagemagick (degraded scans for the OCR row)" >&2
  apt_install imagemagick || echo "bench: could not install imagemagick; the OCR rows will be skipped" >&2
fi
if ! command -v pdftotext >/dev/null 2>&1; then
  echo "bench: installing poppler-utils (pdftotext, the PDF peer)" >&2
  apt_install poppler-utils || echo "bench: could not install poppler-utils; the pdftotext rows will be skipped" >&2
fi

if ! command -v python3 >/dev/null 2>&1; then
  echo "bench: python3 not found; the Python peers will be skipped" >&2
  exit 0
fi
if [ ! -x "$VENV/bin/python" ]; then
  if ! python3 -m venv "$VENV" >>"$LOG" 2>&1; then
    rm -rf "$VENV"
    apt_install python3-venv && python3 -m venv "$VENV" >>"$LOG" 2>&1 || {
      rm -rf "$VENV"
      echo "bench: cannot create a virtualenv (python3-venv); the Python peers will be skipped" >&2
      exit 0
    }
  fi
fi

# Pinned so that figures from different days compare the same peers. trafilatura needs
# lxml_html_clean, which recent lxml no longer bundles.
for requirement in "trafilatura:trafilatura==2.3.1 lxml_html_clean==0.4.6" "spacy:spacy==3.8.18"; do
  module="${requirement%%:*}" packages="${requirement#*:}"
  if ! "$VENV/bin/python" -c "import $module" >/dev/null 2>&1; then
    echo "bench: installing $packages in $VENV (pip)" >&2
    # shellcheck disable=SC2086  # one word per package
    timeout 600 "$VENV/bin/python" -m pip install -q --disable-pip-version-check $packages >>"$LOG" 2>&1 ||
      echo "bench: pip could not install $packages (no network?); its rows will be skipped, see $LOG" >&2
  fi
done
exit 0
