#!/usr/bin/env bash
# `make bench`: installs the peer tools when missing, then measures every stage of Enjeux beside
# its peer on the shared corpus and prints one table (also .build/bench/bench.md and .json).
# Environment: BIN (built executables, default .build/release), ENJEUX_SHARED, BENCH_REPEAT,
# BENCH_SECTIONS (see scripts/bench/bench.py). `run.sh --corpus-only` prepares the inputs only.
set -uo pipefail
cd "$(dirname "$0")/../.."
if ! command -v python3 >/dev/null 2>&1; then
  echo "bench: error: python3 is needed to run the benchmarks (apt-get install python3)" >&2
  exit 1
fi
if [ "${1:-}" != "--corpus-only" ]; then
  scripts/bench/setup-peers.sh
fi
exec python3 scripts/bench/bench.py "$@"
