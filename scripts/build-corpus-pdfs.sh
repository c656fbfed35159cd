#!/usr/bin/env bash
# Regenerates the sample corpus PDFs from their flat OpenDocument sources.
#
#   CorpusSources/<dir>/<name>.fodt  ->  Corpus/<dir>/<name>.pdf
# (CorpusSources/office/ holds the sources of the Word and OpenDocument documents of the
# corpus, made by scripts/fixtures/make-office-fixtures.sh, not PDFs.)
#
# Needs LibreOffice Writer (Debian: libreoffice-writer-nogui), the DejaVu fonts
# (fonts-dejavu) and the French hyphenation patterns (hyphen-fr); without the
# latter the PDFs still build but justified text is no longer hyphenated.
#
# After conversion each PDF is patched in place, keeping every byte offset:
#   - /CreationDate is set from the source's <meta:creation-date> (LibreOffice
#     writes the export time) or blanked when the source has no date;
#   - the trailer /ID and /DocChecksum are derived from the source's MD5.
# LibreOffice may still order the embedded font objects differently from run to
# run, so when poppler-utils is installed an existing PDF whose metadata, fonts
# and text are unchanged is kept as it is: rebuilding unchanged sources leaves
# the committed files untouched. `--force` always replaces them.
#
# Usage: scripts/build-corpus-pdfs.sh [--force]
set -euo pipefail

force=false
case "${1:-}" in
    "") ;;
    --force) force=true ;;
    *) echo "usage: $0 [--force]" >&2; exit 2 ;;
esac

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="$repo_root/Corpus"
sources="$repo_root/CorpusSources"

command -v soffice >/dev/null || { echo "error: soffice not found (apt-get install libreoffice-writer-nogui)" >&2; exit 1; }
command -v perl >/dev/null || { echo "error: perl not found" >&2; exit 1; }
if ! ls /usr/share/hyphen/hyph_fr*.dic >/dev/null 2>&1; then
    echo "warning: French hyphenation patterns missing (apt-get install hyphen-fr); text will not be hyphenated" >&2
fi

# A private LibreOffice profile: no clash with a running instance, no user settings.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
profile="$work/profile"
staging="$work/out"
mkdir -p "$staging"

# What a reader or an extractor sees of a PDF: metadata, font names, page text.
pdf_signature() {
    pdfinfo "$1" | grep -v '^File size:'
    pdffonts "$1" | awk 'NR > 2 { print $1, $2, $3 }' | sort
    pdftotext -layout "$1" -
}
can_compare=false
command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null && command -v pdffonts >/dev/null && can_compare=true

# With address-space randomisation, LibreOffice orders the embedded font objects
# differently from one run to the next; run the converter without it when allowed.
no_aslr=()
if command -v setarch >/dev/null && setarch "$(uname -m)" -R true 2>/dev/null; then
    no_aslr=(setarch "$(uname -m)" -R)
fi

count=0
while IFS= read -r -d '' source; do
    relative="${source#"$sources"/}"
    relative_dir="$(dirname "$relative")"
    out_dir="$corpus"
    [ "$relative_dir" = "." ] || out_dir="$corpus/$relative_dir"
    mkdir -p "$out_dir"
    name="$(basename "$source" .fodt)"
    final="$out_dir/$name.pdf"
    pdf="$staging/$name.pdf"
    rm -f "$pdf"

    "${no_aslr[@]}" soffice -env:UserInstallation="file://$profile" --headless --norestore \
        --convert-to pdf:writer_pdf_Export --outdir "$staging" "$source" >/dev/null 2>&1
    [ -s "$pdf" ] || { echo "error: conversion failed for $relative" >&2; exit 1; }

    SOURCE="$source" perl -0777 -i -pe '
        BEGIN {
            use Digest::MD5 qw(md5_hex);
            open(my $fh, "<:raw", $ENV{SOURCE}) or die "cannot read $ENV{SOURCE}";
            local $/; my $xml = <$fh>; close $fh;
            $id = uc md5_hex($xml);
            ($y, $mo, $d, $h, $mi, $s) =
                $xml =~ m{<meta:creation-date>(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)};
        }
        # Same length in, same length out: the xref table stays valid.
        if (defined $y) {
            s{/CreationDate\(D:\d{14}Z\x27\)}{/CreationDate(D:$y$mo$d$h$mi${s}Z\x27)};
        } else {
            s{(/CreationDate\(D:\d{14}Z\x27\))}{" " x length($1)}e;
        }
        s{/ID \[ <[0-9A-F]{32}>\s*<[0-9A-F]{32}> \]}{
            my $m = $&; $m =~ s/<[0-9A-F]{32}>/<$id>/g; $m
        }e;
        s{/DocChecksum /[0-9A-F]{32}}{/DocChecksum /$id};
    ' "$pdf"

    if [ -f "$final" ] && cmp -s "$pdf" "$final"; then
        echo "unchanged ${final#"$repo_root"/}"
    elif ! $force && [ -f "$final" ] && $can_compare && [ "$(pdf_signature "$pdf")" = "$(pdf_signature "$final")" ]; then
        echo "unchanged ${final#"$repo_root"/} (same text, fonts and metadata; kept)"
    else
        mv -f "$pdf" "$final"
        echo "built ${final#"$repo_root"/}"
    fi
    count=$((count + 1))
done < <(find "$sources" -path "$sources/office" -prune -o -name '*.fodt' -print0 | sort -z)

echo "$count source(s) converted"
