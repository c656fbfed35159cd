"""Peer for the HTML row: trafilatura over a list of HTML files, in one Python process.

Usage: python trafilatura_peer.py FILE_LIST OUT_DIR
FILE_LIST holds one path per line. Each page's text goes to OUT_DIR/<line number>.txt. Prints
one JSON object: seconds (wall and CPU) spent in the loop (interpreter start-up and imports excluded),
seconds spent importing trafilatura, files read, files with no output, and the failures."""

import json
import os
import sys
import time


def main() -> None:
    file_list, out_dir = sys.argv[1], sys.argv[2]
    started = time.perf_counter()
    import trafilatura

    imported = time.perf_counter()
    with open(file_list, encoding="utf-8") as handle:
        paths = [line.rstrip("\n") for line in handle if line.strip()]
    empty, failures = 0, []
    loop_start, loop_cpu_start = time.perf_counter(), time.process_time()
    for number, path in enumerate(paths):
        with open(path, "rb") as page:
            data = page.read()
        try:
            text = trafilatura.extract(data)
        except Exception as error:  # a peer's crash on one page must not stop the row
            failures.append(f"{os.path.basename(path)}: {type(error).__name__}")
            text = None
        if not text:
            empty += 1
            text = ""
        with open(os.path.join(out_dir, f"{number}.txt"), "w", encoding="utf-8") as out:
            out.write(text)
    loop_seconds = time.perf_counter() - loop_start
    loop_cpu_seconds = time.process_time() - loop_cpu_start
    print(
        json.dumps(
            {
                "loop_seconds": loop_seconds,
                "loop_cpu_seconds": loop_cpu_seconds,
                "import_seconds": imported - started,
                "files": len(paths),
                "empty": empty,
                "failures": failures,
                "version": getattr(trafilatura, "__version__", "?"),
            }
        )
    )


main()
