"""How fast a report opens: loads an `index.html` in headless Chromium several times and
prints the median times from the navigation's start to the first contentful paint, to
DOMContentLoaded and to the end of the load event, with the page's size and element count.

Chromium is driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`: JSON
messages separated by NUL bytes on file descriptors 3 and 4), so no network port is opened.
Every host name is unresolvable, as in the browser tests.

    python3 scripts/bench/page_paint.py Evidence/index.html [--runs 5] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


class Browser:
    """A headless Chromium and one page target, spoken to over the DevTools pipe."""

    def __init__(self, executable: str, profile: str) -> None:
        to_browser_read, self.to_browser = os.pipe()
        self.from_browser, from_browser_write = os.pipe()
        # The browser reads commands on fd 3 and writes answers on fd 4: the child's ends are
        # moved there (after the parent's pipe ends, which may hold those numbers, are kept apart).
        to_browser_read = self.moved_above(to_browser_read, 10)
        from_browser_write = self.moved_above(from_browser_write, 11)
        self.process = subprocess.Popen(
            [
                executable, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--host-resolver-rules=MAP * ~NOTFOUND",
                f"--user-data-dir={profile}", "--remote-debugging-pipe", "--window-size=1280,900", "about:blank",
            ],
            pass_fds=(3, 4, to_browser_read, from_browser_write),
            preexec_fn=lambda: (os.dup2(to_browser_read, 3), os.dup2(from_browser_write, 4)),
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.buffer = b""
        self.next_id = 0
        self.events: list[dict] = []
        targets = self.call("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self.session = self.call("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]
        self.call("Page.enable", session=True)

    @staticmethod
    def moved_above(descriptor: int, minimum: int) -> int:
        moved = os.dup2(descriptor, max(minimum, descriptor + 20), inheritable=True)
        os.close(descriptor)
        return moved

    def send(self, method: str, session: bool, params: dict) -> int:
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        return self.next_id

    def receive(self, deadline: float) -> dict:
        while b"\0" not in self.buffer:
            if time.monotonic() > deadline:
                raise TimeoutError("no answer from Chromium")
            chunk = os.read(self.from_browser, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe")
            self.buffer += chunk
        message, _, self.buffer = self.buffer.partition(b"\0")
        return json.loads(message)

    def call(self, method: str, session: bool = False, timeout: float = 60, **params) -> dict:
        number = self.send(method, session, params)
        deadline = time.monotonic() + timeout
        while True:
            message = self.receive(deadline)
            if message.get("id") == number:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for(self, event: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while True:
            for index, message in enumerate(self.events):
                if message.get("method") == event:
                    del self.events[: index + 1]
                    return
            self.events.append(self.receive(deadline))

    def evaluate(self, expression: str):
        result = self.call("Runtime.evaluate", session=True, expression=expression, returnByValue=True)
        return result["result"].get("value")

    def close(self) -> None:
        try:
            self.call("Browser.close", timeout=10)
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


MEASURE = """JSON.stringify((function () {
  var paint = {};
  performance.getEntriesByType('paint').forEach(function (e) { paint[e.name] = e.startTime; });
  var nav = performance.getEntriesByType('navigation')[0];
  return {fcp: paint['first-contentful-paint'], fp: paint['first-paint'],
          dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
          elements: document.getElementsByTagName('*').length,
          script: document.documentElement.getAttribute('data-script')};
})())"""


def measure(page: str, runs: int, executable: str) -> dict:
    url = "file://" + os.path.abspath(page)
    profile = tempfile.mkdtemp(prefix="enjeux-paint-")
    browser = Browser(executable, profile)
    samples = []
    try:
        for _ in range(runs + 1):  # the first load warms the browser's own caches; not counted
            browser.call("Page.navigate", session=True, url=url)
            browser.wait_for("Page.loadEventFired")
            # Paint entries are recorded after the frame is presented: wait for them.
            deadline = time.monotonic() + 10
            while True:
                sample = json.loads(browser.evaluate(MEASURE))
                if sample.get("fcp") is not None and sample.get("load", 0) > 0 or time.monotonic() > deadline:
                    break
                time.sleep(0.05)
            samples.append(sample)
    finally:
        browser.close()
        shutil.rmtree(profile, ignore_errors=True)
    counted = samples[1:]

    def median(key: str) -> float | None:
        values = [s[key] for s in counted if s.get(key) is not None]
        return round(statistics.median(values), 1) if values else None

    return {
        "page": page, "bytes": os.path.getsize(page), "elements": counted[-1]["elements"], "runs": len(counted),
        "first_contentful_paint_ms": median("fcp"), "dom_content_loaded_ms": median("dcl"),
        "load_ms": median("load"), "script_ran": counted[-1]["script"] == "actif",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("page")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args()
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        print("page_paint: error: chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 1
    result = measure(args.page, args.runs, executable)
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{result['page']}: {result['bytes']:,} bytes, {result['elements']:,} elements; median of "
              f"{result['runs']} loads: first contentful paint {result['first_contentful_paint_ms']} ms, "
              f"DOMContentLoaded {result['dom_content_loaded_ms']} ms, load {result['load_ms']} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
