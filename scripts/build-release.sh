#!/usr/bin/env bash
# Builds the release executables: scripts/build-release.sh [swift build options…]
# With --static-swift-stdlib the linker warns that Foundation's static library uses mktemp(3)
# (for Foundation's own temporary files; Enjeux does not call it): that one line is left out
# of the output, everything else is shown and the exit status is swift build's.
swift="${SWIFT:-swift}"
"$swift" build -c release "$@" 2>&1 | { grep -v "warning: the use of \`mktemp' is dangerous" || true; }
exit "${PIPESTATUS[0]}"
