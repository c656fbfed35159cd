"""Peer for the tokenization row: spaCy's French tokenizer (`spacy.blank("fr")`, rules and
exceptions only, no model) over a UTF-8 text file, in one Python process.

Usage: python spacy_peer.py TEXT_FILE
The text is read in chunks of about 1 MB that end at a line break (as enjeux-tokenize
--analyze-stdin does), each chunk tokenized with nlp.tokenizer. Prints one JSON object with the
seconds (wall and CPU) spent tokenizing (reading, interpreter start-up and imports excluded), the seconds
spent importing spaCy and building the tokenizer, and the token count."""

import json
import sys
import time

CHUNK_BYTES = 1 << 20


def chunks(path: str):
    """Text chunks of about CHUNK_BYTES ending at a line break, decoded as UTF-8."""
    pending = b""
    with open(path, "rb") as handle:
        while True:
            block = handle.read(CHUNK_BYTES)
            if not block:
                break
            pending += block
            cut = pending.rfind(b"\n")
            if cut < 0:
                continue
            yield pending[:cut].decode("utf-8", "replace")
            pending = pending[cut + 1 :]
    if pending:
        yield pending.decode("utf-8", "replace")


def main() -> None:
    started = time.perf_counter()
    import spacy

    nlp = spacy.blank("fr")
    tokenizer = nlp.tokenizer
    ready = time.perf_counter()
    tokens, busy, busy_cpu = 0, 0.0, 0.0
    for text in chunks(sys.argv[1]):
        begin, begin_cpu = time.perf_counter(), time.process_time()
        tokens += len(tokenizer(text))
        busy += time.perf_counter() - begin
        busy_cpu += time.process_time() - begin_cpu
    print(
        json.dumps(
            {
                "loop_seconds": busy,
                "loop_cpu_seconds": busy_cpu,
                "import_seconds": ready - started,
                "tokens": tokens,
                "version": spacy.__version__,
            }
        )
    )


main()
