#!/usr/bin/env python3
"""The web page (--html) in a real browser: Debian's Chromium, headless, driven through its DevTools protocol
(python3-websocket). Checks that no request leaves the page, that Tab reaches every event on the picture and
the arrow keys move between them, that a click and Enter each show the event's commentary, that reduced motion
stills the page, and that axe-core (fetched from npm by fetch_axe.sh) finds no serious or critical violation in
light or dark. Prints "N passed, M failed".

Usage: page_in_chromium.py EPILOGUE STORY BUILD_DIR
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket

epilogue, story, build_dir = sys.argv[1:4]
here = os.path.dirname(os.path.abspath(__file__))
passed = failed = 0


def check(condition, what):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what)


class Page:
    """One browser tab, spoken to over the DevTools websocket."""

    def __init__(self, url):
        self.socket = websocket.create_connection(url, timeout=60)
        self.next_id = 0
        self.events = []

    def call(self, method, **params):
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for(self, method, seconds=30):
        deadline = time.time() + seconds
        while time.time() < deadline:
            for event in self.events:
                if event.get("method") == method:
                    return event
            self.socket.settimeout(max(0.1, deadline - time.time()))
            try:
                self.events.append(json.loads(self.socket.recv()))
            except websocket.WebSocketTimeoutException:
                break
        raise RuntimeError(f"no {method} within {seconds} s")

    def evaluate(self, expression, awaited=False):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=awaited)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression[:60]}...: {result['exceptionDetails']}")
        return result["result"].get("value")

    def key(self, key, code, keycode, shift=False):
        modifiers = 8 if shift else 0
        for kind in ("rawKeyDown", "keyUp"):
            self.call("Input.dispatchKeyEvent", type=kind, key=key, code=code, windowsVirtualKeyCode=keycode,
                      modifiers=modifiers)
        if key == "Enter":
            self.call("Input.dispatchKeyEvent", type="char", text="\r", key="Enter", code="Enter")

    def click(self, x, y):
        # As a mouse does: it moves onto the place, then presses and releases there.
        self.call("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def settle(self):
        """Waits for two animation frames, so a scroll or a change of layout has been drawn."""
        self.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))",
                      awaited=True)

    def wait_until(self, expression, seconds=3):
        """The value of a JavaScript expression once it is true, or its last value after some seconds."""
        deadline = time.time() + seconds
        value = self.evaluate(expression)
        while not value and time.time() < deadline:
            time.sleep(0.05)
            value = self.evaluate(expression)
        return value


def main():
    work = tempfile.mkdtemp(prefix="epilogue-page-")
    browser = None
    try:
        fetched = subprocess.run([os.path.join(here, "fetch_axe.sh"), build_dir], capture_output=True, text=True)
        if fetched.returncode != 0:
            print("FAIL: axe-core could not be fetched:", fetched.stderr.strip())
            return 1
        axe_source = open(fetched.stdout.strip(), encoding="utf-8").read()

        page_path = os.path.join(work, "story page.html")
        # Under the sanitizers, Epilogue (only it) runs with the preload CTest gives (tests/CMakeLists.txt).
        environment = dict(os.environ, LD_PRELOAD=os.environ.get("EPILOGUE_SANITIZER_PRELOAD", ""))
        made = subprocess.run([epilogue, story, "--html", page_path, "--size", "1280x720", "--select", "kiss"],
                              capture_output=True, text=True, env=environment)
        check(made.returncode == 0, f"--html exit status {made.returncode}: {made.stderr}")
        if made.returncode != 0:
            return 1
        html = open(page_path, encoding="utf-8").read()
        check(os.path.dirname(os.path.abspath(story)) not in html, "the page names the story's directory")

        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        if not chromium:
            print("FAIL: chromium is not installed (scripts/test.sh installs Debian's chromium)")
            return 1
        browser = subprocess.Popen(
            [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
             "--remote-debugging-port=0", f"--user-data-dir={work}/profile", "--window-size=1400,1000", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        port = None
        deadline = time.time() + 60
        while time.time() < deadline and port is None:
            line = browser.stderr.readline()
            if not line and browser.poll() is not None:
                break
            found = re.search(r"DevTools listening on ws://[^:]+:(\d+)/", line)
            if found:
                port = int(found.group(1))
        if port is None:
            print("FAIL: chromium did not start its DevTools endpoint")
            return 1
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=30))
        page_target = next(t for t in targets if t.get("type") == "page")
        page = Page(page_target["webSocketDebuggerUrl"])
        page.call("Network.enable")
        page.call("Page.enable")
        page.call("Runtime.enable")
        page.events.clear()
        url = "file://" + urllib.request.pathname2url(page_path)
        page.call("Page.navigate", url=url)
        page.wait_for("Page.loadEventFired")
        time.sleep(0.3)

        # No request leaves the page: the only one is the page itself.
        requests = [e["params"]["request"]["url"] for e in page.events if e.get("method") == "Network.requestWillBeSent"]
        others = [r for r in requests if r != url and not r.startswith("data:")]
        check(requests and not others, f"the page made requests: {others}")

        spots = page.evaluate("Array.from(document.querySelectorAll('.spot')).map(s => s.dataset.event)")
        moments = page.evaluate("document.querySelectorAll('.moment').length")
        check(len(spots) == 16 and moments == 16, f"16 events expected on the picture and beside it: {len(spots)}, {moments}")
        shown = page.evaluate("Array.from(document.querySelectorAll('.moment')).filter(m => !m.hidden).map(m => m.querySelector('h3').textContent)")
        check(shown == ["The kiss"], f"--select kiss: the page opens on its commentary, not {shown}")

        # Tab reaches every event on the picture.
        reached = set()
        for _ in range(80):
            page.key("Tab", "Tab", 9)
            active = page.evaluate("document.activeElement && document.activeElement.classList.contains('spot') ? document.activeElement.dataset.event : ''")
            if active:
                reached.add(active)
        check(reached == set(spots), f"Tab did not reach every event: missing {sorted(set(spots) - reached)}")

        # The arrow keys move between events; Enter selects the one that has the focus.
        page.evaluate("document.querySelector('.spot').focus()")
        page.key("ArrowRight", "ArrowRight", 39)
        second = page.evaluate("document.activeElement.dataset.event")
        check(second == spots[1], f"ArrowRight went to {second}, not the next event {spots[1]}")
        page.key("Enter", "Enter", 13)
        title = page.evaluate("document.querySelector('.moment:not([hidden]) h3').textContent")
        expected = page.evaluate(f"document.querySelector('#c-{second} h3').textContent")
        check(title == expected, f"Enter showed '{title}', not '{expected}'")

        # A click on an event's place on the picture shows its commentary.
        for index in (0, len(spots) // 2, len(spots) - 1):
            event = spots[index]
            page.evaluate(f"document.querySelector('.spot[data-event=\"{event}\"]').scrollIntoView({{block: 'center', behavior: 'instant'}})")
            page.settle()
            box = page.evaluate(f"(() => {{ const r = document.querySelector('.spot[data-event=\"{event}\"]').getBoundingClientRect();"
                                " return [r.left + r.width / 2, r.top + r.height / 2]; })()")
            page.click(box[0], box[1])
            page.wait_until(f"document.body.getAttribute('data-selected') === '{event}'")
            visible = page.evaluate("Array.from(document.querySelectorAll('.moment')).filter(m => !m.hidden).map(m => m.dataset.event)")
            pressed = page.evaluate("Array.from(document.querySelectorAll('.spot[aria-pressed=true]')).map(s => s.dataset.event)")
            check(visible == [event] and pressed == [event], f"a click on {event} showed {visible} (pressed {pressed})")

        # Reduced motion: nothing moves.
        page.call("Emulation.setEmulatedMedia", features=[{"name": "prefers-reduced-motion", "value": "reduce"}])
        duration = page.evaluate("getComputedStyle(document.querySelector('.spot')).transitionDuration")
        check(duration in ("0s", ""), f"with reduced motion the events still animate ({duration})")

        # Accessibility, light and dark.
        page.evaluate(axe_source)
        for scheme in ("light", "dark"):
            page.call("Emulation.setEmulatedMedia", features=[{"name": "prefers-color-scheme", "value": scheme}])
            report = page.evaluate("axe.run(document, {resultTypes: ['violations']}).then(r => JSON.stringify(r.violations.map("
                                   "v => ({id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help}))))", awaited=True)
            violations = json.loads(report)
            serious = [v for v in violations if v["impact"] in ("serious", "critical")]
            check(not serious, f"axe-core ({scheme}): {serious}")
            for v in violations:
                if v not in serious:
                    print(f"note: axe-core ({scheme}), {v['impact']}: {v['id']} ({v['nodes']}): {v['help']}")
        return 0
    finally:
        if browser:
            browser.terminate()
            try:
                browser.wait(timeout=10)
            except subprocess.TimeoutExpired:
                browser.kill()
        shutil.rmtree(work, ignore_errors=True)


status = main()
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed or status else 0)
