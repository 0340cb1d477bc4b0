"""The checks of `make publish-check` (see publish-check.sh). Exit status 1 when any fails."""
import argparse
import glob
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading

import html5lib
import rdflib
from rdflib.compare import isomorphic

PROBLEMS = []


def problem(message):
    PROBLEMS.append(message)
    print("FAIL: " + message)


def rocrate(data):
    """rocrate-validator on the payload, REQUIRED then RECOMMENDED. The RO-Crate context (w3id.org) is served from
    the copy inside the `rocrate` package when the network cannot reach it, so the check also runs offline."""
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "rocrate_offline.py")
    for level, must_pass in (("required", True), ("recommended", False)):
        run = subprocess.run([sys.executable, script, "-y", "--disable-color", "validate", "-p", "ro-crate-1.1",
                              "-l", level, "--no-paging", "--no-cache", "-v", "-f", "json", data],
                             capture_output=True, text=True, timeout=600)
        try:
            report = json.loads(run.stdout[run.stdout.index("{"):])
        except ValueError:
            problem(f"rocrate-validator ({level}) gave no report: {run.stderr.strip()[-400:]}")
            continue
        issues = report.get("issues", [])
        summary = f"rocrate-validator ro-crate-1.1 {level.upper()}: {'valid' if report.get('passed') else 'not valid'}, {len(issues)} issues"
        if must_pass and not report.get("passed"):
            problem(summary)
            for issue in issues:
                print("   ", issue.get("check", {}).get("identifier", "?"), issue.get("message", ""))
        else:
            print(("ok: " if report.get("passed") else "note: ") + summary)
            for issue in issues:
                print("   ", issue.get("check", {}).get("identifier", "?"), "-", " ".join(issue.get("message", "").split()))


def html_pages(data):
    pages = [os.path.join(data, "index.html")] + sorted(glob.glob(os.path.join(data, "html", "*.html")))
    before = len(PROBLEMS)
    for path in pages:
        parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
        try:
            with open(path, "rb") as f:
                parser.parse(f.read())
        except Exception as e:  # html5lib raises ParseError at the first error in strict mode
            problem(f"{os.path.relpath(path, data)}: not conforming HTML (html5lib strict): {e}")
    if len(PROBLEMS) == before:
        print(f"ok: {len(pages)} HTML pages parsed by html5lib in strict mode")
    return pages


def landing_jsonld(data):
    """The page's JSON-LD and dataset.jsonld as RDF graphs: isomorphic, so the page says what the bag says."""
    with open(os.path.join(data, "index.html"), "rb") as f:
        tree = html5lib.parse(f.read(), namespaceHTMLElements=False)
    scripts = [s.text for s in tree.iter("script") if s.get("type") == "application/ld+json"]
    if len(scripts) != 1:
        problem(f"index.html: {len(scripts)} JSON-LD blocks, expected 1")
        return
    base = "file://" + os.path.abspath(os.path.join(data, "dataset.jsonld"))
    page = rdflib.Graph().parse(data=scripts[0], format="json-ld", base=base)
    bag = rdflib.Graph().parse(os.path.join(data, "dataset.jsonld"), format="json-ld")
    if not isomorphic(page, bag):
        problem(f"index.html: its JSON-LD ({len(page)} triples) is not the graph of dataset.jsonld ({len(bag)} triples)")
    else:
        print(f"ok: index.html's JSON-LD and dataset.jsonld are the same graph ({len(bag)} triples)")


class Recorder(http.server.SimpleHTTPRequestHandler):
    requests = []

    def log_message(self, *args):
        pass

    def do_GET(self):
        Recorder.requests.append(self.path)
        super().do_GET()


def render(data, pages, shots):
    """Each page in headless Chromium, served from the bag: the server must see only the page, and Chromium's
    net log no request made for the page but the page itself (Chromium's own background requests, which have no
    page as their site, are left aside)."""
    os.makedirs(shots, exist_ok=True)
    handler = lambda *a, **k: Recorder(*a, directory=data, **k)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        for page in pages:
            rel = os.path.relpath(page, data)
            Recorder.requests = []
            with tempfile.TemporaryDirectory() as tmp:
                netlog = os.path.join(tmp, "netlog.json")
                shot = os.path.join(os.path.abspath(shots), rel.replace("/", "_") + ".png")
                run = subprocess.run(
                    ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                     "--no-first-run", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--disable-default-apps", f"--user-data-dir={tmp}/profile",
                     "--window-size=1200,1600", f"--log-net-log={netlog}", f"--screenshot={shot}", f"{origin}/{rel}"],
                    capture_output=True, text=True, timeout=180)
                if run.returncode != 0 or not os.path.exists(shot):
                    problem(f"{rel}: chromium did not render it: {run.stderr.strip()[-300:]}")
                    continue
                with open(netlog) as f:
                    log = json.load(f)
            names = {v: k for k, v in log["constants"]["logEventTypes"].items()}
            made = sorted({e["params"]["url"] for e in log["events"]
                           if names.get(e["type"]) == "URL_REQUEST_START_JOB"
                           and e.get("params", {}).get("network_isolation_key", "").startswith("http://127.0.0.1")})
            others = [u for u in made if u != f"{origin}/{rel}"] + [p for p in Recorder.requests if p != "/" + rel]
            if others:
                problem(f"{rel}: rendering it made requests besides the page: {sorted(set(others))}")
            else:
                print(f"ok: {rel} rendered ({shot}), no request but the page itself")
    finally:
        server.shutdown()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("output")
    ap.add_argument("--screenshots", default=".build/publish-check")
    args = ap.parse_args()
    data = os.path.join(args.output, "data")
    rocrate(data)
    pages = html_pages(data)
    landing_jsonld(data)
    render(data, pages[:2], args.screenshots)
    if PROBLEMS:
        print(f"publish-check: {len(PROBLEMS)} problems")
        sys.exit(1)
    print("publish-check: passed")


if __name__ == "__main__":
    main()
