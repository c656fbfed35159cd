#!/usr/bin/env bash
# Prints the work folder (intermediate files) of a corpus folder: ROOT/<folder name>-<hash>,
# where <hash> is the first 8 hex digits of the SHA-256 of the corpus's absolute path, symbolic
# links resolved (`Corpus-3f9a1c2b`). Two corpora with the same folder name in different places
# get different work folders; the same folder reached by another path gets the same one.
# EnjeuxPipeline's WorkFolder computes the same name (the default --work of enjeux-lexicon).
#   scripts/work-folder.sh CORPUS [ROOT]     ROOT defaults to .enjeux
set -euo pipefail
corpus="${1:?usage: work-folder.sh CORPUS [ROOT]}"
root="${2:-.enjeux}"
absolute="$(realpath -m -- "$corpus")"
name="$(basename -- "$absolute")"
if [ "$name" = "/" ] || [ -z "$name" ]; then name="corpus"; fi
hash="$(printf '%s' "$absolute" | sha256sum | cut -c1-8)"
printf '%s/%s-%s\n' "$root" "$name" "$hash"
