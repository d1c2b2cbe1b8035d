#!/usr/bin/env python3
"""Drives the demo page in a real headless Chromium, with the keyboard only.

Starts the already-built partner server with `--demo-page`, waits for
/v1/health, then, pressing only Tab, Shift+Tab, Enter, Space and typing text
(Selenium ActionChains, never element.click()):

  * walks an orienteur journey to a leaf, with a step back, and checks the leaf
    is the one the API gives for the same answers;
  * sends an empty description (error announced and linked to the field), then
    a sentence describing a danger now, and checks the emergency block (17, 112, 114);
  * searches the stations near 33000 and checks the list;
  * books a slot (the Idempotency-Key comes from the page), checks the
    confirmation code, that the .ics link answers 200 with a calendar, and cancels;
  * opens the chat, sees the queue, sends a message, reloads the tab and sees the
    conversation resumed from sessionStorage, then leaves;
  * opens a new chat taken by an operator (a WebSocket console of this test), who
    sends a `signalement` frame for the visitor's message: the page shows the
    consent question (purpose, the message concerned, the deadline) with two real
    buttons, axe-core runs on it, the visitor answers « J’accepte » with the
    keyboard, and the operator sees the `consent` "yes" then `signalement_filed`
    with the consent granted (its receipt exists); the page says so; then a second
    request for the whole conversation, read in English (« I agree » / « I refuse »)
    and refused with Space: filed `refused`, said without the excerpt;
  * gives « Je donne mon avis » on the leaf (a missing answer is announced and
    linked, then "Non" with a comment holding a phone number): the reference is
    shown and announced, the API has the case and the team sees the number masked;
  * follows the leaf's station action twice: the page posts the outcome
    `station` with the leaf's view id to /v1/orientation/outcome once (201), and
    the server then refuses a second outcome for that view (409);
  * reads the local news of 33000 (the API's items, marked as examples),
    subscribes to one theme, reads the feed at the URL shown (Atom, that theme
    only), then unsubscribes (the feed is gone);
  * checks the focus ring of a focused button, the layout at 640 px (1280 px at
    200 % zoom), the English toggle, that nothing loaded from elsewhere and that
    the Content-Security-Policy refused nothing;
  * runs axe-core (bundled by the PyPI package axe-core-python, if installed) for
    WCAG 2.0/2.1 A and AA rules on the initial and the filled-in page.

Screenshots go to artifacts/ (git-ignored). Exits 1 with a message on the first
failure, and always stops the browser and the server.

    python3 Examples/DemoPage/browser_test.py --server "$(swift build --package-path Examples/PartnerServer --show-bin-path)/masecurite-server"
"""

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

import websocket  # websocket-client, a dependency of selenium: the operator's console

# Selenium must never download a browser or a driver: the Debian ones are passed explicitly.
os.environ.setdefault("SE_OFFLINE", "true")

from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import TimeoutException, WebDriverException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


class Failure(Exception):
    """A check that did not hold."""


class Run:
    def __init__(self, driver, base, artifacts):
        self.driver = driver
        self.base = base
        self.artifacts = artifacts
        self.passed = 0

    # ------------------------------------------------------------ reporting
    def ok(self, what):
        self.passed += 1
        print(f"ok {self.passed} - {what}", flush=True)

    def check(self, condition, what, detail=""):
        if not condition:
            raise Failure(f"{what}{': ' + detail if detail else ''}")
        self.ok(what)

    # ------------------------------------------------------------ HTTP (test side)
    def http(self, method, path, body=None, headers=None):
        data = json.dumps(body).encode() if body is not None else None
        all_headers = dict(headers or {})
        if data:
            all_headers["Content-Type"] = "application/json"
        request = urllib.request.Request(self.base + path, data=data, method=method, headers=all_headers)
        try:
            with urllib.request.urlopen(request, timeout=15) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def json(self, method, path, body=None, headers=None):
        status, _, payload = self.http(method, path, body, headers)
        if status >= 300:
            raise Failure(f"{method} {path} answered {status}: {payload[:300]!r}")
        return json.loads(payload)

    # ------------------------------------------------------------ keyboard
    def press(self, *keys):
        ActionChains(self.driver).send_keys(*keys).perform()

    def shift_tab(self):
        ActionChains(self.driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()

    def type_text(self, text):
        ActionChains(self.driver).send_keys(text).perform()

    def focused(self):
        """What has the focus: tag, id, text, value, type, classes and a few attributes."""
        return self.driver.execute_script("""
            const e = document.activeElement;
            if (!e) return null;
            return {tag: e.tagName.toLowerCase(), id: e.id || '', text: (e.textContent || '').trim().replace(/\\s+/g, ' '),
                    type: e.type || '', name: e.name || '', value: e.value || '', cls: e.className || '',
                    station: e.getAttribute('data-station') || '', href: e.getAttribute('href') || ''};""")

    def tab_to(self, predicate, what, limit=150, backwards=False, include_current=True):
        """Presses Tab (or Shift+Tab) until the focused element satisfies `predicate`
        (no key at all when it already does and `include_current`)."""
        current = self.focused()
        if include_current and current and predicate(current):
            return current
        seen = []
        for _ in range(limit):
            if backwards:
                self.shift_tab()
            else:
                self.press(Keys.TAB)
            element = self.focused()
            if element and predicate(element):
                return element
            if element:
                seen.append(element["id"] or element["text"][:30] or element["tag"])
        raise Failure(f"could not reach {what} with the keyboard in {limit} presses; focus went through {seen[-15:]}")

    def wait(self, condition, what, timeout=15):
        try:
            return WebDriverWait(self.driver, timeout, poll_frequency=0.1).until(lambda _: condition())
        except TimeoutException:
            raise Failure(f"timed out after {timeout} s waiting for {what}") from None

    def wait_focus(self, predicate, what, timeout=15):
        return self.wait(lambda: (lambda e: e if e and predicate(e) else None)(self.focused()), what, timeout)

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    # ------------------------------------------------------------ checks
    def axe(self, what):
        script = axe_script()
        if script is None:
            print("# axe-core not installed (pip install axe-core-python): accessibility rules not run", flush=True)
            return []
        self.driver.execute_script(script)
        result = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
            ".then(r => done({violations: r.violations, version: axe.version})).catch(e => done({error: String(e)}));",
            WCAG_TAGS)
        if "error" in result:
            raise Failure(f"axe-core failed on {what}: {result['error']}")
        violations = result["violations"]
        for violation in violations:
            targets = [", ".join(node["target"]) for node in violation["nodes"][:5]]
            print(f"# axe {violation['impact']}: {violation['id']} — {violation['help']} — {targets}", flush=True)
        self.check(not violations, f"axe-core {result['version']}: no WCAG 2 A/AA violation on {what}",
                   f"{len(violations)} rule(s) violated (listed above)")
        return violations

    def screenshot(self, path):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        metrics = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}})
        import base64
        with open(path, "wb") as handle:
            handle.write(base64.b64decode(shot["data"]))
        print(f"# screenshot: {os.path.relpath(path, ROOT)}", flush=True)


def axe_script():
    for module in ("axe_core_python", "axe_selenium_python"):
        try:
            package = __import__(module)
        except ImportError:
            continue
        folder = os.path.dirname(package.__file__)
        for candidate in (os.path.join(folder, "axe.min.js"), os.path.join(folder, "node_modules", "axe-core", "axe.min.js")):
            if os.path.exists(candidate):
                with open(candidate, encoding="utf-8") as handle:
                    return handle.read()
    return None


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# The avis team's token of this run (the server reads it from a file; /v1/team needs it).
TEAM_TOKEN = "demo-page-test-team-token-" + os.urandom(8).hex()
# The chat operator of this run (operators file): connected only for the signalement check, so the
# earlier chat checks see a platform nobody serves yet (`unstaffed`, with the numbers to call).
OPERATOR = {"id": "op-demo", "display_name": "Agent 7001", "token": "demo-page-test-operator-" + os.urandom(8).hex(),
            "role": "officer", "platforms": ["tchat"], "languages": ["fr", "en"]}


def start_server(binary, page, port, log, team_file, operators_file):
    command = [binary, "--host", "127.0.0.1", "--port", str(port), "--demo-page", page, "--log-level", "warning",
               "--team-token-file", team_file, "--operators-file", operators_file]
    return subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)


def wait_health(process, base, log_path, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise Failure(f"the server exited with status {process.returncode} before answering:\n{tail(log_path)}")
        try:
            with urllib.request.urlopen(base + "/v1/health", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        time.sleep(0.2)
    raise Failure(f"the server did not answer /v1/health within {timeout} s:\n{tail(log_path)}")


def tail(path, lines=30):
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return "".join(handle.readlines()[-lines:])
    except OSError:
        return "(no server log)"


def make_driver(chromium, chromedriver, driver_log):
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--window-size=1280,900", "--disable-gpu", "--disable-dev-shm-usage",
                     "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync",
                     "--disable-background-networking", "--disable-component-update", "--lang=fr-FR",
                     "--force-device-scale-factor=1"):
        options.add_argument(argument)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        options.add_argument("--no-sandbox")  # Chromium refuses to run as root with its sandbox
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=chromedriver, log_output=driver_log)
    return webdriver.Chrome(service=service, options=options)


# ---------------------------------------------------------------- the journey
def is_text(text):
    return lambda e: e["text"] == text


def orienteur_expected(run, answers):
    """The leaf the API gives for these answers (journey id, then choice labels)."""
    state = run.json("POST", "/v1/orientation/step", {"action": "start", "journey": answers[0]})
    for label in answers[1:]:
        index = next((c["index"] for c in state["question"]["choices"] if c["label"] == label), None)
        if index is None:
            raise Failure(f"the API offers no choice '{label}' at '{state['question']['text']}'")
        state = run.json("POST", "/v1/orientation/step", {"token": state["token"], "action": "choose", "choice": index})
    if state["position"] != "leaf":
        raise Failure(f"the answers {answers} do not reach a leaf in the API")
    return state["leaf"]


def test_page_structure(run):
    status, headers, body = run.http("GET", "/")
    headers = {k.lower(): v for k, v in headers.items()}
    run.check(status == 200 and headers.get("content-type") == "text/html; charset=utf-8", "GET / serves the page as text/html; charset=utf-8")
    policy = headers.get("content-security-policy", "")
    run.check("default-src 'none'" in policy and "'unsafe-inline'" not in policy and "'sha256-" in policy,
              "the page has a strict Content-Security-Policy (hashes, no 'unsafe-inline')", policy)
    run.check(headers.get("x-content-type-options") == "nosniff" and headers.get("referrer-policy") == "no-referrer",
              "nosniff and no-referrer headers")

    run.driver.get(run.base + "/")
    run.wait(lambda: run.js("return document.querySelectorAll('#orient-view .journey').length") == 3, "the three journeys")
    facts = run.js("""
        const unlabelled = [...document.querySelectorAll('input, select, textarea')]
            .filter(e => e.type !== 'hidden' && !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).map(e => e.id || e.name);
        return {lang: document.documentElement.lang, h1: document.querySelectorAll('h1').length,
                landmarks: ['header', 'nav', 'main', 'footer'].filter(t => document.querySelector(t)),
                unlabelled, title: document.title};""")
    run.check(facts["lang"] == "fr", "the page is in French (html lang=fr)")
    run.check(facts["h1"] == 1, "exactly one h1")
    run.check(facts["landmarks"] == ["header", "nav", "main", "footer"], "header, nav, main and footer landmarks", str(facts["landmarks"]))
    run.check(not facts["unlabelled"], "every form field has a label", str(facts["unlabelled"]))

    # The skip link comes first and moves the focus to the main content.
    first = run.tab_to(lambda e: True, "the first focusable element", limit=1, include_current=False)
    run.check("skip" in first["cls"] and first["href"] == "#contenu", "the first Tab reaches the skip link", str(first))
    visible = run.js("const r = document.activeElement.getBoundingClientRect(); return r.top >= 0 && r.height > 0;")
    run.check(visible, "the skip link shows when focused")
    run.press(Keys.ENTER)
    run.wait_focus(lambda e: e["id"] == "contenu", "the focus on <main> after the skip link")
    run.ok("Enter on the skip link moves the focus to the main content")


def test_focus_ring(run):
    run.tab_to(lambda e: e["tag"] == "button" and "journey" in e["cls"], "a journey button")
    ring = run.js("""const s = getComputedStyle(document.activeElement);
                     return {style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor};""")
    run.check(ring["style"] not in ("none", "hidden") and ring["width"] >= 2,
              f"a focused button shows a visible focus ring ({ring['width']:g}px {ring['style']} {ring['color']})", str(ring))


def test_orienteur(run):
    answers_fr = ["Je suis victime", "Vol, cambriolage ou dégradation", "Mon véhicule, vélo ou trottinette",
                  "On m'a volé mon vélo ou ma trottinette"]
    expected = orienteur_expected(run, ["victime"] + answers_fr[1:])
    # The focus is on a journey button (test_focus_ring): go to "Je suis victime" and press Enter.
    run.tab_to(lambda e: e["tag"] == "button" and e["text"].startswith(answers_fr[0]), "the journey 'Je suis victime'", backwards=True)
    run.press(Keys.ENTER)
    run.wait_focus(lambda e: e["tag"] == "h3" and e["text"] == "Que vous est-il arrivé ?", "the first question's heading to take the focus")
    run.ok("Enter on a journey shows its first question and focuses its heading")

    run.tab_to(is_text(answers_fr[1]), f"the choice '{answers_fr[1]}'")
    run.press(Keys.SPACE)
    second = run.wait_focus(lambda e: e["tag"] == "h3" and e["text"] != "Que vous est-il arrivé ?", "the next question's heading")
    run.ok(f"Space on a choice answers it; the focus is on the next question ('{second['text']}')")

    # A wrong turn, then back.
    run.tab_to(lambda e: e["tag"] == "button" and "choice" in e["cls"], "a choice")
    run.press(Keys.ENTER)
    run.wait_focus(lambda e: e["tag"] == "h3" and e["text"] != second["text"], "the heading after a wrong turn")
    run.tab_to(lambda e: e["tag"] == "button" and e["text"].endswith("Retour"), "the 'Retour' button")
    run.press(Keys.ENTER)
    run.wait_focus(lambda e: e["tag"] == "h3" and e["text"] == second["text"], "the previous question after 'Retour'")
    run.ok("'Retour' goes back to the previous question")

    run.tab_to(is_text(answers_fr[2]), f"the choice '{answers_fr[2]}'")
    run.press(Keys.ENTER)
    run.wait_focus(lambda e: e["tag"] == "h3" and e["text"] != second["text"], "the third question")
    run.tab_to(is_text(answers_fr[3]), f"the choice '{answers_fr[3]}'")
    run.press(Keys.ENTER)
    leaf = run.wait_focus(lambda e: e["id"] == "leaf-title", "the leaf's title to take the focus")
    run.check(leaf["text"] == expected["title"], f"the journey ends on the leaf '{expected['title']}'", leaf["text"])
    summary = run.js("const p = document.querySelector('#orient-leaf .leaf-summary'); return p && p.offsetHeight > 0 ? p.textContent : null;")
    run.check(summary == expected["summary"], "the leaf's text is shown", str(summary))
    crumbs = run.js("return document.querySelectorAll('#orient-view nav .crumbs li').length")
    run.check(crumbs >= 3, f"the breadcrumb lists the answers ({crumbs} steps)")
    items = run.js("return [...document.querySelectorAll('#orient-leaf .doc-list li')].map(li => li.textContent)")
    wanted = [item for group in expected["document_lists"] for item in group["items"]]
    run.check(wanted and items == wanted, f"the leaf lists the {len(wanted)} documents to bring, as the API resolves them", str(items[:3]))
    return expected


def is_avis_send(e):
    return e["tag"] == "button" and e["text"] == "Envoyer mon avis"


AVIS_COMMENT = "Le lien ne marche pas, rappelez-moi au 06 12 34 56 78"


def test_avis(run, leaf):
    """« Je donne mon avis » on the leaf just reached, with the keyboard only."""
    run.tab_to(is_avis_send, "'Envoyer mon avis' under the leaf")
    run.press(Keys.ENTER)
    run.wait(lambda: run.js("return document.getElementById('avis-leaf-error').textContent.trim().length > 0"), "the missing-answer error")
    error = run.js("""const f = document.getElementById('avis-leaf-yes'), b = document.getElementById('avis-leaf-error');
                      return {invalid: f.getAttribute('aria-invalid'), described: (f.getAttribute('aria-describedby') || '').split(' ').includes('avis-leaf-error'),
                              role: b.getAttribute('role'), focused: document.activeElement === f};""")
    run.check(error["invalid"] == "true" and error["described"] and error["role"] == "alert" and error["focused"],
              "an avis without an answer is refused: alert, aria-invalid, aria-describedby and focus on 'Oui'", str(error))
    run.axe("the « Je donne mon avis » form with its error")
    run.press(Keys.ARROW_RIGHT)
    checked = run.js("const r = document.querySelector('#avis-leaf input[type=radio]:checked'); return r ? r.value : null")
    run.check(checked == "no", "the arrow key moves to 'Non' and chooses it", str(checked))
    run.tab_to(lambda e: e["id"] == "avis-leaf-comment", "the comment field")
    run.type_text(AVIS_COMMENT)
    run.tab_to(is_avis_send, "'Envoyer mon avis'")
    run.press(Keys.ENTER)
    run.wait_focus(lambda e: e["id"] == "avis-leaf-thanks", "the thank-you heading to take the focus")
    reference = run.js("return document.getElementById('avis-leaf-reference').textContent")
    run.check(re.fullmatch(r"A(-[2-9A-HJKMNP-Z]{4}){5}", reference or "") is not None, f"the page shows the avis reference ({reference})")
    run.wait(lambda: reference in run.js("return document.getElementById('announcer').textContent"), "the reference to be announced")
    run.ok("the reference is announced in the live region")
    shown = run.js("return document.getElementById('avis-leaf-done').textContent")
    run.check("masqués" in shown, "the page says the phone number was masked")
    view = run.json("GET", f"/v1/feedback/{reference}")
    run.check(view["status"] == "received" and view["about"] == f"leaf:{leaf['id']}", "the API has the case, about this leaf", str(view))
    cases = run.json("GET", "/v1/team/feedback", headers={"Authorization": f"Bearer {TEAM_TOKEN}"})["cases"]
    stored = next((c for c in cases if c["reference"] == reference), None)
    run.check(stored is not None and "[téléphone]" in stored["comment"] and "06 12" not in stored["comment"] and not stored["useful"],
              "the team sees the comment with the phone number masked, and the vote 'not useful'", str(stored))
    run.tab_to(lambda e: e["id"] == "avis-leaf-check", "'Voir la réponse'")
    run.press(Keys.ENTER)
    answer = run.wait(lambda: (lambda text: text if "Reçu" in text else None)(run.js("return document.getElementById('avis-leaf-answer').textContent")),
                      "the answer's status")
    run.check("réponse attendue au plus tard" in answer and "null" not in answer, "'Voir la réponse' reads where the avis stands", answer)


def is_station_action(e):
    return e["tag"] == "button" and e["text"].startswith("Trouver un lieu près de chez vous")


def test_follow_up(run, leaf):
    """Following the leaf's station action posts its outcome once, with the view id the server gave the leaf."""
    view = run.js("const a = document.getElementById('orient-leaf'); return a ? a.dataset.view || null : null")
    run.check(re.fullmatch(r"[A-Za-z0-9_-]{43}", view or "") is not None, "the leaf carries the view id of its showing (data-view)", str(view))
    # Counts the page's requests to the outcome route (a wrapper around fetch, installed by the test, not by the page).
    run.js("""window.__outcomes = [];
              const original = window.fetch;
              window.fetch = function (url, options) {
                const promise = original.apply(this, arguments);
                if (String(url).endsWith('/v1/orientation/outcome')) {
                  const sent = {body: options && options.body, status: null, about: null};
                  window.__outcomes.push(sent);
                  promise.then((response) => response.clone().json().then((body) => { sent.about = body.about || null; sent.status = response.status; }))
                    .catch(() => { sent.status = sent.status || 0; });
                }
                return promise;
              };""")
    run.tab_to(is_station_action, "the leaf's 'Trouver un lieu près de chez vous' action", backwards=True)
    run.press(Keys.ENTER)
    run.wait_focus(lambda e: e["id"] == "lieux-title", "the stations heading after the leaf's station action")
    sent = run.wait(lambda: (lambda o: o if len(o) == 1 and o[0]["status"] is not None else None)(run.js("return window.__outcomes")),
                    "the outcome request to be answered")
    run.check(json.loads(sent[0]["body"] or "{}") == {"view": view, "outcome": "station"} and sent[0]["status"] == 201
              and sent[0]["about"] == f"leaf:{leaf['id']}",
              "following the station action posts {view, outcome: station} to /v1/orientation/outcome: 201, counted for this leaf", str(sent))
    status, _, payload = run.http("POST", "/v1/orientation/outcome", {"view": view, "outcome": "chat"})
    problem = json.loads(payload or b"{}")
    run.check(status == 409 and problem.get("type") == "urn:masecurite:problem:follow-up-already-recorded",
              "the server counted the page's outcome: the same view is refused a second one (409)", f"{status} {payload[:200]!r}")
    # Following it again sends nothing more.
    run.tab_to(is_station_action, "the leaf's station action again", backwards=True)
    run.press(Keys.ENTER)
    run.wait_focus(lambda e: e["id"] == "lieux-title", "the stations heading again")
    time.sleep(1)
    count = run.js("return window.__outcomes.length")
    run.check(count == 1, "following the same leaf's action again posts no second outcome", f"{count} requests")
    run.tab_to(lambda e: e["id"] == "ask-text", "the description field", backwards=True)


def is_ask_button(e):
    return e["tag"] == "button" and e["text"] in ("Trouver de l’aide", "Trouver de l'aide")


def test_ask(run):
    run.tab_to(lambda e: e["id"] == "ask-text", "the description field")
    run.tab_to(is_ask_button, "the 'Trouver de l’aide' button")
    run.press(Keys.ENTER)
    run.wait(lambda: run.js("return document.getElementById('ask-error').textContent.trim().length > 0"), "the empty-description error")
    error = run.js("""const f = document.getElementById('ask-text'), b = document.getElementById('ask-error');
                      return {invalid: f.getAttribute('aria-invalid'), described: (f.getAttribute('aria-describedby') || '').split(' ').includes('ask-error'),
                              role: b.getAttribute('role'), focused: document.activeElement === f};""")
    run.check(error["invalid"] == "true" and error["described"] and error["role"] == "alert" and error["focused"],
              "an empty description is refused: alert, aria-invalid, aria-describedby and focus on the field", str(error))
    run.type_text("quelqu'un essaie d'entrer chez moi en ce moment, j'ai peur")
    run.tab_to(is_ask_button, "the 'Trouver de l’aide' button")
    run.press(Keys.ENTER)
    run.wait(lambda: run.js("const b = document.getElementById('ask-emergency'); return b && b.offsetHeight > 0;"), "the emergency block")
    links = run.js("return [...document.querySelectorAll('#ask-emergency a')].map(a => a.getAttribute('href'))")
    run.check(all(n in links for n in ("tel:17", "tel:112", "sms:114")), "a danger now shows the emergency block with tel:17, tel:112 and sms:114", str(links))
    focus = run.focused()
    run.check(focus["tag"] in ("h3", "h4") and "Urgence" in focus["text"], "the focus is on the emergency heading", str(focus))
    cleared = run.js("return document.getElementById('ask-error').textContent.trim() === '' && !document.getElementById('ask-text').hasAttribute('aria-invalid')")
    run.check(cleared, "the error is cleared once the description is sent")


FICHE_SENTENCE = "on m'a volé ma voiture cette nuit"


def test_fiche(run):
    """A fiche pratique named by an answer opens below the answers, by keyboard, and closes back to its button."""
    answer = run.json("POST", "/v1/orientation/ask", {"text": FICHE_SENTENCE, "lang": "fr", "limit": 5})
    fiche_id = next((r["id"] for r in answer["results"] if r["kind"] == "fiche"), None)
    if fiche_id is None:
        raise Failure(f"the API suggests no fiche for '{FICHE_SENTENCE}'")
    fiche = run.json("GET", f"/v1/fiches/{fiche_id}?lang=fr")
    run.tab_to(lambda e: e["id"] == "ask-text", "the description field", backwards=True)
    ActionChains(run.driver).key_down(Keys.CONTROL).send_keys("a").key_up(Keys.CONTROL).send_keys(Keys.DELETE).perform()
    run.type_text(FICHE_SENTENCE)
    run.tab_to(is_ask_button, "the 'Trouver de l’aide' button")
    run.press(Keys.ENTER)
    run.wait_focus(lambda e: e["tag"] in ("h3", "h4") and "Urgence" not in e["text"], "the answers' heading")
    trigger = run.tab_to(lambda e: e["tag"] == "button" and e["text"] == f"Lire la fiche : {fiche['title']}",
                         f"the button of the fiche '{fiche['title']}'")
    run.press(Keys.ENTER)
    title = run.wait_focus(lambda e: e["id"] == "fiche-title", "the fiche's title to take the focus")
    run.check(title["text"] == fiche["title"], f"Enter opens the fiche '{fiche['title']}' and focuses its title", title["text"])
    headings = run.js("return [...document.querySelectorAll('#fiche-view article h4')].map(h => h.textContent)")
    run.check(all(section["heading"] in headings for section in fiche["sections"]),
              f"the fiche shows its {len(fiche['sections'])} sections", str(headings))
    run.tab_to(lambda e: e["tag"] == "button" and e["text"] == "Fermer la fiche", "the 'Fermer la fiche' button")
    run.press(Keys.ENTER)
    back = run.wait_focus(lambda e: e["tag"] == "button" and e["text"] == trigger["text"], "the focus back on the fiche's button")
    closed = run.js("return document.querySelector('#fiche-view article') === null")
    run.check(closed and back is not None, "closing the fiche gives the focus back to the button that opened it")


def test_stations(run):
    run.tab_to(lambda e: e["id"] == "station-query", "the postal code field")
    # An unknown commune: the API's problem, in French, with its detail, linked to the field.
    run.type_text("Qxzwvklmnop")
    run.press(Keys.ENTER)
    run.wait(lambda: run.js("return document.getElementById('station-error').textContent.includes('Aucune commune')"), "the place-not-found message")
    problem = run.js("""const b = document.getElementById('station-error'), f = document.getElementById('station-query');
                        return {detail: (b.querySelector('[lang=en]') || {}).textContent || '', invalid: f.getAttribute('aria-invalid'),
                                described: f.getAttribute('aria-describedby').split(' ').includes('station-error'), focused: document.activeElement === f};""")
    run.check("Qxzwvklmnop" in problem["detail"] and problem["invalid"] == "true" and problem["described"] and problem["focused"],
              "an API problem is shown in French with its detail (lang=en), linked to the field", str(problem))
    ActionChains(run.driver).key_down(Keys.CONTROL).send_keys("a").key_up(Keys.CONTROL).perform()
    run.type_text("33000")
    run.press(Keys.ENTER)
    title = run.wait_focus(lambda e: e["id"] == "stations-title", "the station results heading")
    run.check("Bordeaux" in title["text"], f"searching 33000 lists places near Bordeaux ('{title['text']}')")
    stations = run.js("""return [...document.querySelectorAll('#station-results .station')].map(li => ({
        name: li.querySelector('h4').textContent, text: li.textContent,
        phone: (li.querySelector('a[href^="tel:"]') || {}).href || null, button: li.querySelector('button[data-station]').dataset.station}));""")
    run.check(len(stations) >= 3, f"the list has {len(stations)} stations")
    run.check(all(s["name"] and ("Ouvert" in s["text"] or "Fermé" in s["text"] or "non communiqués" in s["text"]) for s in stations),
              "each station shows its name and whether it is open now, in words")
    run.check(any(s["phone"] for s in stations), "stations with a phone number have a tel: link")
    run.check(any(re.search(r"à \d", s["text"]) for s in stations), "distances are shown")
    return stations


def test_booking(run, stations):
    # The first listed station that has a free 'plainte' slot this week, asked to the API directly.
    target = None
    for station in stations:
        status, _, payload = run.http("GET", f"/v1/appointments/slots?station={urllib.parse.quote(station['button'])}&motif=plainte&days=7")
        if status == 422:
            continue  # takes no online appointment (hours not published, or outside the online area): a fair answer
        if status >= 300:
            raise Failure(f"GET /v1/appointments/slots for {station['button']} answered {status}: {payload[:300]!r}")
        slots = json.loads(payload)
        if any(s["remaining"] > 0 for s in slots["slots"]):
            target = station
            break
    if target is None:
        raise Failure("no station near 33000 has a free 'plainte' slot in the next 7 days")
    run.tab_to(lambda e: e["station"] == target["button"], f"'Prendre rendez-vous ici' for {target['name']}")
    run.press(Keys.ENTER)
    run.wait_focus(lambda e: e["id"] == "rdv-title", "the booking heading")
    chosen = run.js("return document.getElementById('book-station').value")
    run.check(chosen == target["button"], f"'Prendre rendez-vous ici' selects {target['name']} and focuses the booking section")
    motif = run.tab_to(lambda e: e["id"] == "book-motif", "the motif select")
    run.check(motif["value"] == "plainte", "the motif defaults to 'plainte'")
    run.tab_to(lambda e: e["tag"] == "button" and e["text"] == "Voir les créneaux", "'Voir les créneaux'")
    run.press(Keys.ENTER)
    run.wait_focus(lambda e: e["id"] == "slots-title", "the slots heading")
    run.tab_to(lambda e: e["name"] == "slot", "the first slot")
    run.press(Keys.SPACE)
    picked = run.js("const r = document.querySelector('input[name=slot]:checked'); return r ? r.value : null")
    run.check(bool(picked), f"Space picks the slot {picked}")
    run.screenshot(os.path.join(run.artifacts, "demo-page-slots.png"))
    run.tab_to(lambda e: e["tag"] == "button" and e["text"] == "Confirmer le rendez-vous", "'Confirmer le rendez-vous'")
    run.press(Keys.ENTER)
    run.wait_focus(lambda e: e["id"] == "booking-title", "the confirmation heading", timeout=20)
    code = run.js("return document.getElementById('booking-code').textContent")
    run.check(re.fullmatch(r"[A-Z0-9]{4}(-[A-Z0-9]{4}){4}", code or "") is not None, f"the booking succeeds with a confirmation code ({code})")
    booking = run.json("GET", f"/v1/appointments/{code}")
    run.check(booking["status"] == "booked" and booking["start"] == picked and booking["station"] == target["button"],
              "the API has the booking, at the slot chosen")
    href = run.js("return document.getElementById('booking-ics').getAttribute('href')")
    status, headers, body = run.http("GET", href)
    headers = {k.lower(): v for k, v in headers.items()}
    run.check(status == 200 and headers.get("content-type", "").startswith("text/calendar") and b"BEGIN:VCALENDAR" in body,
              "the .ics link answers 200 with a calendar", f"{status} {headers.get('content-type')}")
    return code


def test_cancel(run, code):
    run.tab_to(lambda e: e["id"] == "booking-cancel", "'Annuler ce rendez-vous'", limit=200, backwards=True)
    run.press(Keys.ENTER)
    run.wait_focus(lambda e: e["id"] == "cancel-question", "the cancel confirmation question")
    run.tab_to(lambda e: e["id"] == "cancel-yes", "'Oui, annuler'")
    run.press(Keys.ENTER)
    run.wait_focus(lambda e: e["id"] == "booking-title" and e["text"] == "Rendez-vous annulé", "the cancelled heading")
    booking = run.json("GET", f"/v1/appointments/{code}")
    run.check(booking["status"] == "cancelled-by-citizen", "cancelling through the page cancels the booking")


def test_chat(run):
    run.tab_to(lambda e: e["tag"] == "button" and e["text"] == "Commencer la discussion", "'Commencer la discussion'")
    run.press(Keys.ENTER)
    run.wait_focus(lambda e: e["id"] == "chat-log-title", "the conversation heading")
    # Queued with a position, or told at once that nobody serves the platform now, with the numbers (never silence).
    status = run.wait(lambda: (lambda s: s if "attente" in s else None)(run.js("return document.getElementById('chat-status').textContent")),
                      "the queue state")
    run.check("position" in status or "17" in status, f"the visitor is welcomed and told how long or what to call: '{status}'")
    run.tab_to(lambda e: e["id"] == "chat-text", "the message field")
    run.type_text("Bonjour, ceci est un essai de la page.")
    run.tab_to(lambda e: e["tag"] == "button" and e["text"] == "Envoyer", "'Envoyer'")
    run.press(Keys.ENTER)
    run.wait(lambda: run.js("const s = document.querySelector('#chat-list .msg.mine .state'); return s && s.textContent === 'envoyé';"),
             "the message to be acknowledged")
    run.ok("a message is sent and acknowledged by the server")
    stored = run.js("return sessionStorage.getItem('masecurite.demo.chat')")
    saved = json.loads(stored or "{}")
    run.check(set(saved) == {"token", "conversation", "last_seq", "platform"} and "essai" not in stored,
              "sessionStorage keeps only the token, conversation, last sequence and platform (no message)", str(sorted(saved)))


def test_chat_resume(run):
    run.driver.refresh()
    run.wait(lambda: run.js("return !document.getElementById('chat-room').hidden"), "the chat to resume after a reload")
    run.wait(lambda: run.js("return [...document.querySelectorAll('#chat-list .msg.mine .text')].some(p => p.textContent.includes('essai'))"),
             "the message to be replayed")
    run.wait(lambda: "attente" in run.js("return document.getElementById('chat-status').textContent"), "the queue state after resuming")
    run.ok("after a reload the conversation resumes from sessionStorage, with its message replayed once")
    count = run.js("return document.querySelectorAll('#chat-list .msg.mine').length")
    run.check(count == 1, "no message is duplicated on resume", str(count))


def test_chat_leave(run):
    # The reload put the focus back at the top of the page: Tab all the way down.
    run.tab_to(lambda e: e["id"] == "chat-leave", "'Quitter la discussion'", limit=300)
    run.press(Keys.ENTER)
    run.wait(lambda: run.js("return !document.getElementById('chat-ended').hidden"), "the chat to end")
    run.check(run.js("return sessionStorage.getItem('masecurite.demo.chat') === null"), "leaving forgets the conversation in sessionStorage")


class OperatorConsole:
    """The operator's side of the chat, over the server's /v1/chat WebSocket (the test's, not the page's)."""

    def __init__(self, base, account):
        self.socket = websocket.create_connection(base.replace("http://", "ws://") + "/v1/chat", timeout=15,
                                                  header=[f"Authorization: Bearer {account['token']}"])
        self.frames = []
        self.send({"type": "hello", "role": "operator", "operator": account["id"]})
        self.next("the operator's welcome", lambda f: f.get("type") == "welcome")

    def send(self, frame):
        self.socket.send(json.dumps(dict(frame, v=1)))

    def next(self, what, predicate, timeout=20):
        """The first frame received (now or already) that satisfies `predicate`."""
        for frame in self.frames:
            if predicate(frame):
                return frame
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.socket.settimeout(max(0.1, deadline - time.monotonic()))
            try:
                frame = json.loads(self.socket.recv())
            except websocket.WebSocketTimeoutException:
                break
            self.frames.append(frame)
            if predicate(frame):
                return frame
        raise Failure(f"the operator did not receive {what} within {timeout} s; got types {[f.get('type') for f in self.frames]}")

    def close(self):
        try:
            self.socket.close()
        except (OSError, websocket.WebSocketException):
            pass


def test_chat_signalement(run, screenshot_dir):
    operator = OperatorConsole(run.base, OPERATOR)
    try:
        # A new chat: the operator is connected now, so the visitor is taken at once.
        run.tab_to(lambda e: e["id"] == "chat-new", "'Nouvelle discussion'")
        run.press(Keys.ENTER)
        run.tab_to(lambda e: e["tag"] == "button" and e["text"] == "Commencer la discussion", "'Commencer la discussion'")
        run.press(Keys.ENTER)
        assigned = operator.next("the conversation", lambda f: f.get("type") == "assigned")
        conversation = assigned["conversation"]
        run.wait(lambda: OPERATOR["display_name"] in run.js("return document.getElementById('chat-status').textContent"),
                 "the visitor to see the operator's pseudonym")
        run.tab_to(lambda e: e["id"] == "chat-text", "the message field")
        run.type_text("Il y a des ventes dans le hall B tous les soirs.")
        run.tab_to(lambda e: e["tag"] == "button" and e["text"] == "Envoyer", "'Envoyer'")
        run.press(Keys.ENTER)
        message = operator.next("the visitor's message", lambda f: f.get("type") == "visitor_message" and "seq" in f)
        run.wait(lambda: run.js("const s = document.querySelector('#chat-list .msg.mine .state'); return s && s.textContent === 'envoyé';"),
                 "the message to be acknowledged")
        run.check(run.js("return document.getElementById('chat-consents').children.length") == 0,
                  "before any signalement the chat shows no consent question")

        operator.send({"type": "signalement", "conversation": conversation, "client_txn_id": "sig-demo-1", "insee": "33063",
                       "excerpt": True, "from_seq": message["seq"], "to_seq": message["seq"],
                       "fields": {"place": "hall B, résidence des Lilas", "recurrence": "daily",
                                  "description": "Ventes tous les soirs dans le hall, d'après la personne."}})
        asked = operator.next("consent_requested", lambda f: f.get("type") == "consent_requested")
        box = run.wait(lambda: run.js("""
            const box = document.querySelector('#chat-consents .consent');
            if (!box || box.offsetHeight === 0) return null;
            const label = document.getElementById(box.getAttribute('aria-labelledby'));
            const described = document.getElementById(box.getAttribute('aria-describedby'));
            const buttons = [...box.querySelectorAll('button')];
            return {role: box.getAttribute('role'), label: label ? label.textContent : '', purpose: described ? described.textContent : '',
                    which: box.querySelector('.consent-which').textContent, deadline: box.querySelector('.consent-deadline').textContent,
                    buttons: buttons.map(b => ({tag: b.tagName, type: b.type, text: b.textContent, disabled: b.disabled})),
                    request: box.dataset.request,
                    log: [...document.querySelectorAll('#chat-list .sys')].map(li => li.textContent).join(' | '),
                    live: document.getElementById('chat-log').getAttribute('aria-live')};"""), "the consent question")
        run.check(box["role"] == "group" and "accord" in box["label"] and box["purpose"] == asked["purpose"] and box["request"] == asked["request"],
                  "the page shows the consent question as a labelled group, with the server's purpose in French", str(box))
        deadline = time.strftime("%H:%M", time.localtime(_iso_seconds(asked["expires_at"])))
        run.check("1 message" in box["which"] and deadline in box["deadline"],
                  f"it says which messages are concerned ('{box['which']}') and until when ('{box['deadline']}')")
        run.check([(b["tag"], b["type"], b["text"], b["disabled"]) for b in box["buttons"]]
                  == [("BUTTON", "button", "J’accepte", False), ("BUTTON", "button", "Je refuse", False)],
                  "two real buttons, « J’accepte » and « Je refuse »", str(box["buttons"]))
        run.check(box["live"] == "polite" and "demande votre accord" in box["log"] and deadline in box["log"],
                  "the request is announced in the chat's aria-live log, with its deadline", box["log"])
        run.screenshot(os.path.join(screenshot_dir, "demo-page-consent.png"))
        run.axe("the chat's consent question")

        # The focus is still in the message field: the buttons are just above it.
        run.tab_to(lambda e: e["tag"] == "button" and e["text"] == "J’accepte", "'J’accepte'", backwards=True)
        ring = run.js("const s = getComputedStyle(document.activeElement); return {style: s.outlineStyle, width: parseFloat(s.outlineWidth)};")
        run.check(ring["style"] not in ("none", "hidden") and ring["width"] >= 2, "« J’accepte » shows a visible focus ring", str(ring))
        run.press(Keys.ENTER)
        answered = run.wait(lambda: run.js("""
            const box = document.querySelector('#chat-consents .consent');
            const outcome = box.querySelector('.consent-outcome');
            return outcome.textContent ? {outcome: outcome.textContent, role: outcome.getAttribute('role'),
                    disabled: [...box.querySelectorAll('button')].map(b => b.disabled),
                    focus: document.activeElement === outcome} : null;"""), "the page to say what was chosen")
        run.check(answered["disabled"] == [True, True] and answered["outcome"].startswith("Vous avez accepté")
                  and answered["role"] == "status" and answered["focus"],
                  "Enter on « J’accepte » disables both buttons and says what was chosen (a status that takes the focus)", str(answered))
        run.press(Keys.ENTER)  # a second press must not answer twice
        consent = operator.next("the visitor's consent", lambda f: f.get("type") == "consent" and "seq" in f)
        run.check(consent["answer"] == "yes" and consent["request"] == asked["request"], "the operator sees the consent answered 'yes'", str(consent))
        filed = operator.next("signalement_filed", lambda f: f.get("type") == "signalement_filed")
        run.check(filed["consent"] == "granted" and filed.get("reference", "").startswith("S-"),
                  "the operator sees the signalement filed with the consent granted, and its reference",
                  json.dumps({k: filed.get(k) for k in ("consent", "request", "unit", "approximate")}))
        receipt = run.json("GET", f"/v1/signalements/{filed['reference']}")
        run.check(receipt.get("reference") == filed["reference"], "the signalement's receipt exists on the server", str(sorted(receipt)))
        notices = run.wait(lambda: (lambda lines: lines if "Le signalement a été transmis, avec les messages que vous avez accepté de joindre." in lines else None)(
            run.js("return [...document.querySelectorAll('#chat-list .sys')].map(li => li.textContent)")), "the page's notices")
        run.check("Votre réponse a été enregistrée." in notices, "the page says the answer was recorded, then the signalement sent with the excerpt")
        time.sleep(0.5)
        answers = [f for f in operator.frames if f.get("type") == "consent"]
        error = run.js("return document.getElementById('chat-error').textContent")
        run.check(len(answers) == 1 and not error and not filed["reference"] in run.js("return document.body.textContent"),
                  "the consent frame was sent once (no refusal), and the visitor never sees the reference", f"{len(answers)} answers, error '{error}'")

        # A second request, for the whole conversation, read in English and refused.
        operator.send({"type": "operator_message", "conversation": conversation, "client_txn_id": "op-demo-1",
                       "text": "Merci, je transmets aussi notre échange si vous le voulez bien."})
        operator.next("the operator's own message", lambda f: f.get("type") == "operator_message" and "seq" in f)
        operator.send({"type": "signalement", "conversation": conversation, "client_txn_id": "sig-demo-2", "insee": "33063",
                       "excerpt": True, "fields": {"place": "hall B, résidence des Lilas", "recurrence": "daily",
                                                   "description": "Ventes tous les soirs dans le hall, d'après la personne."}})
        second = operator.next("the second consent_requested",
                               lambda f: f.get("type") == "consent_requested" and f.get("request") != asked["request"])
        run.wait(lambda: run.js("return document.querySelectorAll('#chat-consents .consent').length") == 2, "the second question")
        run.tab_to(lambda e: e["id"] == "lang-toggle", "the language toggle", limit=500, backwards=True)
        run.press(Keys.ENTER)
        run.wait(lambda: run.js("return document.documentElement.lang") == "en", "html lang=en")
        english = run.js("""
            return [...document.querySelectorAll('#chat-consents .consent')].map(box => ({
                title: box.querySelector('h4').textContent, which: box.querySelector('.consent-which').textContent,
                buttons: [...box.querySelectorAll('button')].map(b => b.textContent),
                outcome: box.querySelector('.consent-outcome').textContent}));""")
        run.check([b["buttons"] for b in english] == [["I agree", "I refuse"]] * 2 and english[0]["outcome"].startswith("You agreed")
                  and english[1]["which"].startswith("Messages concerned: 2 messages"),
                  "in English the questions read « I agree » / « I refuse », the first one's answer and the two messages concerned", str(english))
        run.tab_to(lambda e: e["tag"] == "button" and e["text"] == "I refuse", "'I refuse'", limit=300)
        run.press(Keys.SPACE)
        consent = operator.next("the visitor's refusal", lambda f: f.get("type") == "consent" and f.get("request") == second["request"] and "seq" in f)
        filed = operator.next("the second signalement_filed", lambda f: f.get("type") == "signalement_filed" and f.get("request") == second["request"])
        run.check(consent["answer"] == "no" and filed["consent"] == "refused",
                  "Space on « I refuse » answers 'no': the operator sees the signalement filed without the excerpt (refused)")
        run.wait(lambda: "The report has been sent, without any excerpt of this conversation." in
                 run.js("return [...document.querySelectorAll('#chat-list .sys')].map(li => li.textContent)"), "the English notice")
        outcome = run.js("return document.querySelectorAll('#chat-consents .consent-outcome')[1].textContent")
        run.check(outcome.startswith("You refused"), "the page says the refusal was chosen, then that the report went without the excerpt", outcome)
        run.tab_to(lambda e: e["id"] == "lang-toggle", "the language toggle", limit=500, backwards=True)
        run.press(Keys.ENTER)
        run.wait(lambda: run.js("return document.documentElement.lang") == "fr", "html lang=fr again")

        run.tab_to(lambda e: e["id"] == "chat-leave", "'Quitter la discussion'", limit=300)
        run.press(Keys.ENTER)
        run.wait(lambda: run.js("return !document.getElementById('chat-ended').hidden"), "the chat to end")
    finally:
        operator.close()


def _iso_seconds(text):
    """Seconds since the epoch of an ISO 8601 UTC date with milliseconds (the protocol's `at`)."""
    import calendar
    return calendar.timegm(time.strptime(text.split(".")[0].rstrip("Z"), "%Y-%m-%dT%H:%M:%S"))


def is_subscribe(e):
    return e["tag"] == "button" and e["text"] in ("M’abonner", "M'abonner")


def atom_entry_ids(body):
    import xml.etree.ElementTree as ET
    root = ET.fromstring(body)
    ns = {"atom": "http://www.w3.org/2005/Atom"}
    if root.tag != "{http://www.w3.org/2005/Atom}feed":
        raise Failure(f"the feed is not Atom: root {root.tag}")
    return [entry.find("atom:id", ns).text for entry in root.findall("atom:entry", ns)]


def test_local_news(run):
    expected = run.json("GET", "/v1/local-information?postal_code=33000")
    run.tab_to(lambda e: e["id"] == "news-query", "the local-news place field", limit=300)
    run.type_text("33000")
    run.press(Keys.ENTER)
    title = run.wait_focus(lambda e: e["id"] == "news-results-title", "the local news heading")
    run.check("Bordeaux" in title["text"], f"33000 gives the news of Bordeaux ('{title['text']}')")
    shown = run.js("return [...document.querySelectorAll('#news-results .news-item h4')].map(h => h.textContent)")
    wanted = [item["title"] for item in expected["items"]]
    run.check(wanted and shown == wanted, f"the page lists the {len(wanted)} items the API gives for 33000", str(shown))
    note = run.js("const p = document.querySelector('#news-results .examples-note'); return p && p.offsetHeight > 0 ? p.textContent : null")
    run.check(expected["examples"] and note and "Exemples" in note, "the bundled items are said to be examples", str(note))

    run.tab_to(lambda e: e["id"] == "sub-theme-cambriolage", "the theme 'Cambriolages'")
    run.press(Keys.SPACE)
    run.check(run.js("return document.getElementById('sub-theme-cambriolage').checked"), "Space checks the theme")
    run.tab_to(is_subscribe, "'M’abonner'")
    run.press(Keys.ENTER)
    run.wait_focus(lambda e: e["id"] == "subscribed-title", "the subscription heading to take the focus")
    run.wait(lambda: run.js("return document.getElementById('subscribe-status').textContent") == "Abonnement créé", "the announcement")
    url = run.js("return document.getElementById('feed-url').value")
    label = run.js("const f = document.getElementById('feed-url'); return f.labels.length ? f.labels[0].textContent : ''")
    run.check(url.startswith(run.base + "/v1/subscriptions/") and url.endswith("/feed?format=atom") and "flux" in label,
              "the feed URL is shown in a labelled field", url)
    status, headers, body = run.http("GET", url[len(run.base):])
    headers = {k.lower(): v for k, v in headers.items()}
    run.check(status == 200 and headers.get("content-type", "").startswith("application/atom+xml") and headers.get("etag"),
              "the feed URL answers 200 with Atom and an ETag")
    burglaries = run.json("GET", "/v1/local-information?postal_code=33000&theme=cambriolage")["items"]
    ids = atom_entry_ids(body)
    run.check(ids == [f"urn:masecurite:local-information:item:{i['id']}" for i in burglaries] and ids,
              f"the feed holds the {len(ids)} burglary item(s) of the place, and only them", str(ids))
    status, _, _ = run.http("GET", url[len(run.base):], headers={"If-None-Match": headers["etag"]})
    run.check(status == 304, "the feed answers 304 to its own ETag")
    token = url.split("/v1/subscriptions/")[1].split("/")[0]
    stored = run.js("return JSON.stringify(Object.assign({}, sessionStorage)) + JSON.stringify(Object.assign({}, localStorage))")
    run.check(token not in stored, "the page keeps the token nowhere but on screen")

    run.tab_to(lambda e: e["id"] == "unsubscribe", "'Me désabonner'")
    run.press(Keys.ENTER)
    run.wait_focus(lambda e: e["id"] == "unsubscribed", "the confirmation to take the focus")
    status, _, _ = run.http("GET", url[len(run.base):])
    run.check(status == 404, "after 'Me désabonner' the feed is gone (404)")


def test_narrow(run, screenshot_dir):
    run.driver.set_window_size(640, 900)
    time.sleep(0.3)
    overflow = run.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    run.check(overflow <= 0, "at 640 px wide (1280 px at 200 % zoom) nothing scrolls sideways", f"{overflow}px too wide")
    run.screenshot(os.path.join(screenshot_dir, "demo-page-narrow.png"))
    run.driver.set_window_size(1280, 900)


def test_english(run):
    run.tab_to(lambda e: e["id"] == "lang-toggle", "the language toggle", limit=500, backwards=True)
    run.press(Keys.ENTER)
    run.wait(lambda: run.js("return document.documentElement.lang") == "en", "html lang=en")
    run.wait(lambda: run.js("return [...document.querySelectorAll('#orient-view .journey-title')].some(s => s.textContent === 'I am a victim')"),
             "the journeys in English (from the API)")
    facts = run.js("return {h1: document.querySelector('h1').textContent, toggle: document.getElementById('lang-toggle').textContent, "
                   "toggleLang: document.getElementById('lang-toggle').lang, focus: document.activeElement.id}")
    run.check(facts["h1"].startswith("Ma Sécurité, your") and facts["toggle"] == "Français" and facts["toggleLang"] == "fr" and facts["focus"] == "lang-toggle",
              "the English toggle translates the page, sets lang attributes and keeps the focus", str(facts))


def test_hygiene(run):
    foreign = run.js("return performance.getEntriesByType('resource').map(e => e.name).filter(u => !u.startsWith(location.origin))")
    run.check(not foreign, "nothing was loaded from another origin", str(foreign))
    logs = run.driver.get_log("browser")
    refused = [entry["message"] for entry in logs if "Content Security Policy" in entry["message"] or "Refused to" in entry["message"]]
    run.check(not refused, "the Content-Security-Policy refused nothing (no inline style or handler, no outside request)", "\n".join(refused[:5]))
    errors = [entry["message"] for entry in logs if entry["level"] == "SEVERE" and "/favicon.ico" not in entry["message"]
              and not re.search(r"/v1/\S+ - Failed to load resource: the server responded with a status of (4\d\d)", entry["message"])]
    run.check(not errors, "no JavaScript error in the console", "\n".join(errors[:5]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server", help="the built masecurite-server binary (default: from `swift build --show-bin-path`)")
    parser.add_argument("--page", default=os.path.join(ROOT, "Examples", "DemoPage", "index.html"))
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument("--chromedriver", default=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    parser.add_argument("--artifacts", default=os.path.join(ROOT, "artifacts"))
    parser.add_argument("--port", type=int, default=0, help="TCP port for the server (default: a free one)")
    args = parser.parse_args()

    server = args.server
    if not server:
        bin_path = subprocess.run(["swift", "build", "--package-path", os.path.join(ROOT, "Examples", "PartnerServer"), "--show-bin-path"],
                                  capture_output=True, text=True, check=False).stdout.strip()
        server = os.path.join(bin_path, "masecurite-server")
    for path, what in ((server, "the server binary (build it: swift build --package-path Examples/PartnerServer --product masecurite-server)"),
                       (args.chromium, "Chromium (apt-get install chromium)"), (args.chromedriver, "chromedriver (apt-get install chromium-driver)")):
        if not os.path.exists(path):
            print(f"FAIL: {what} not found at {path}", file=sys.stderr)
            return 1

    stale = os.path.join(args.artifacts, "demo-page-failure.png")
    if os.path.exists(stale):
        os.remove(stale)  # from an earlier failed run: it would mislead
    port = args.port or free_port()
    base = f"http://127.0.0.1:{port}"
    workdir = tempfile.mkdtemp(prefix="masecurite-demo-")
    server_log_path = os.path.join(workdir, "server.log")
    server_log = open(server_log_path, "w", encoding="utf-8")
    driver_log = open(os.path.join(workdir, "chromedriver.log"), "w", encoding="utf-8")
    team_file = os.path.join(workdir, "team-tokens.txt")
    with open(team_file, "w", encoding="utf-8") as handle:
        handle.write(TEAM_TOKEN + "\n")
    operators_file = os.path.join(workdir, "operators.json")
    with open(operators_file, "w", encoding="utf-8") as handle:
        json.dump([OPERATOR], handle)
    process = start_server(server, os.path.abspath(args.page), port, server_log, team_file, operators_file)
    driver = None
    run = None
    try:
        wait_health(process, base, server_log_path)
        print(f"# server up at {base}", flush=True)
        driver = make_driver(args.chromium, args.chromedriver, driver_log)
        driver.set_script_timeout(60)
        run = Run(driver, base, args.artifacts)
        test_page_structure(run)
        run.axe("the page as it loads")
        test_focus_ring(run)
        leaf = test_orienteur(run)
        test_avis(run, leaf)
        test_follow_up(run, leaf)
        test_ask(run)
        test_fiche(run)
        stations = test_stations(run)
        code = test_booking(run, stations)
        test_chat(run)
        run.screenshot(os.path.join(args.artifacts, "demo-page.png"))
        run.axe("the page with a leaf, an emergency, stations, a booking and a chat")
        test_cancel(run, code)
        test_chat_resume(run)
        test_chat_leave(run)
        test_chat_signalement(run, args.artifacts)
        test_local_news(run)
        run.screenshot(os.path.join(args.artifacts, "demo-page-local-news.png"))
        run.axe("the local news, a subscription and an avis given")
        test_narrow(run, args.artifacts)
        test_english(run)
        test_hygiene(run)
        print(f"{run.passed} passed, 0 failed", flush=True)
        return 0
    except (Failure, WebDriverException) as failure:
        message = str(failure).strip() or repr(failure)
        print(f"FAIL: {message}", file=sys.stderr, flush=True)
        if driver is not None:
            try:
                Run(driver, base, args.artifacts).screenshot(os.path.join(args.artifacts, "demo-page-failure.png"))
                for entry in driver.get_log("browser")[-10:]:
                    print(f"# browser {entry['level']}: {entry['message']}", file=sys.stderr)
            except WebDriverException:
                pass
        print(f"# server log:\n{tail(server_log_path)}", file=sys.stderr)
        print(f"{run.passed if run else 0} passed, 1 failed", flush=True)
        return 1
    finally:
        if driver is not None:
            try:
                driver.quit()
            except WebDriverException:
                pass
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        server_log.close()
        driver_log.close()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
