#!/usr/bin/env bash
# Installs the Debian packages Enjeux needs when they are missing (apt-get; sudo when not
# root), or says clearly what to install. Usage: scripts/ensure-deps.sh [build|brief|test]
#   build  what `make analyze` needs; brief  also pandoc and the CSL styles (`make brief`);
#   test   all of it and the tools the tests compare with.
set -euo pipefail
purpose="${1:-build}"

missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if command -v pkg-config >/dev/null 2>&1; then
  pkg-config --exists poppler-glib || missing+=(libpoppler-glib-dev)
  pkg-config --exists libxml-2.0 || missing+=(libxml2-dev)
  # OpenSSL's libcrypto: SHA-256 of files and identifiers.
  pkg-config --exists libcrypto || missing+=(libssl-dev)
  # zlib: ZIPFoundation inflates Word and OpenDocument archives and deflates the parts of evidence.xlsx.
  pkg-config --exists zlib || missing+=(zlib1g-dev)
  # Tesseract's C API: OCR of scanned PDF pages.
  pkg-config --exists tesseract || missing+=(libtesseract-dev)
  # SQLite: the evidence database (evidence.sqlite).
  pkg-config --exists sqlite3 || missing+=(libsqlite3-dev)
else
  missing+=(libpoppler-glib-dev libxml2-dev libssl-dev zlib1g-dev libtesseract-dev libsqlite3-dev)
fi
# Tesseract's French and English language data (the OCR reads fra+eng).
tessdata_has() { compgen -G "/usr/share/tesseract-ocr/*/tessdata/$1.traineddata" >/dev/null; }
tessdata_has fra || missing+=(tesseract-ocr-fra)
tessdata_has eng || missing+=(tesseract-ocr-eng)
# French word list used to undo end-of-line hyphenation in PDFs; French and English lists to
# tell a garbled PDF text layer (fonts without a Unicode mapping) from real words.
[ -f /usr/share/hunspell/fr.dic ] || missing+=(hunspell-fr)
[ -f /usr/share/hunspell/en_US.dic ] || missing+=(hunspell-en-us)
if [ "$purpose" = brief ] || [ "$purpose" = test ]; then
  # pandoc with citeproc turns a brief into DOCX and ODT; the CSL styles give APA 7th edition.
  # (The tests also read the Markdown files' escaping back with pandoc's CommonMark reader.)
  command -v pandoc >/dev/null 2>&1 || missing+=(pandoc)
  [ -f /usr/share/citation-style-language/styles/apa.csl ] || missing+=(citation-style-language-styles)
fi
if [ "$purpose" = test ]; then
  # pdftotext: reference layout for the PDF tests; pdftoppm renders the OCR tests' scans.
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  # ImageMagick makes the OCR tests' and benchmark's degraded scans; the tesseract command is
  # the OCR benchmark's peer.
  { command -v magick >/dev/null 2>&1 || [ -x /usr/bin/convert ]; } || missing+=(imagemagick)
  command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr)
  # Headless browser for the report test (index.html rendered and checked from the DOM).
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  # Its driver, for the review workbench's browser test (Selenium in a test-only virtualenv).
  command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
  # xmllint: the REFI-QDA project validated against its official schema.
  command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
  # LibreOffice Calc (headless) for the spreadsheet test (the CSV files opened in Calc);
  # soffice alone may be Writer only, so look for Calc's library beside it.
  soffice_path="$(command -v soffice 2>/dev/null || true)"
  soffice_program="$([ -n "$soffice_path" ] && dirname "$(readlink -f "$soffice_path")" || true)"
  if [ -z "$soffice_program" ] || [ ! -e "$soffice_program/libsclo.so" ]; then
    missing+=(libreoffice-calc-nogui)
  fi
  # LibreOffice Writer (headless) for the brief test (its DOCX and ODT converted to text).
  if [ -z "$soffice_program" ] || [ ! -e "$soffice_program/libswlo.so" ]; then
    missing+=(libreoffice-writer-nogui)
  fi
  # strace: the test that checks the extraction workers never open /etc/passwd.
  command -v strace >/dev/null 2>&1 || missing+=(strace)
  # python3 -m venv, for the test-only environment that reads evidence.xlsx with openpyxl.
  if ! command -v python3 >/dev/null 2>&1 || ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
    missing+=(python3-venv)
  fi
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "enjeux: installing missing Debian packages: ${missing[*]}" >&2
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "enjeux: error: apt-get not found; install these packages by hand: ${missing[*]}" >&2
    exit 1
  fi
  if [ "$(id -u)" -eq 0 ]; then
    sudo=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
  elif command -v sudo >/dev/null 2>&1 && [ -t 0 ]; then
    sudo=(sudo)
  else
    echo "enjeux: error: not root and sudo is not available; run: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
  if ! { "${sudo[@]}" apt-get update -qq && \
         DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }; then
    echo "enjeux: error: apt-get could not install: ${missing[*]}" >&2
    exit 1
  fi
fi

if ! command -v swift >/dev/null 2>&1; then
  echo "enjeux: error: the Swift toolchain (6.1 or later) is not on PATH; install it from swift.org" >&2
  exit 1
fi
