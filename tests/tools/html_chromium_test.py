#!/usr/bin/env python3
"""Renders clausecheck HTML reports in headless Chromium and checks them.

Usage: html_chromium_test.py CLAUSECHECK INPUT...

Reviews the inputs with `--output-dir` (the JSON and HTML report of each) plus
a hostile contract written here, then opens each HTML report in Debian's
chromium (--headless --dump-dom, console logged to stderr) and checks that:
- the page rendered and its script ran: the findings counter carries the
  data-shown the script sets, and the filter form is shown;
- the count of finding cards, the counter and its total equal the number of
  findings in the JSON report;
- no console message was logged (the page logs nothing; an uncaught
  exception or a Content-Security-Policy violation would be);
- in the hostile contract, the markup it contains is text: no element it
  wrote exists and its script did not run.
- the filters work: a copy of one report with a severity unchecked hides
  exactly that severity's cards and highlights, and the counter says so.

Exits 77 (ctest SKIP_RETURN_CODE) when chromium is not installed.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

SKIP = 77
PAGE_TIMEOUT = 120  # seconds per page: a cold start on a busy 2-core machine

HOSTILE = """SERVICES AGREEMENT

This Agreement is made between Acme Corp. ("Acme") and <b id="pwned-tag">Evil</b> Ltd.

1. Services
Acme shall provide the services <script>document.body.dataset.pwned = '[Customer Name]';</script>
<img src=x onerror="document.body.dataset.pwned = 'img'"> & "quotes" 'too'.

2. Liability
The Customer shall be liable for all damages without limitation.
"""


def chromium_binary():
    for name in (os.environ.get("CHROMIUM", ""), "chromium", "chromium-browser"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def render(chromium, page, profile):
    """Returns (dom, console lines) of `page` after its scripts ran."""
    cmd = [
        "timeout", "--kill-after=10", str(PAGE_TIMEOUT), chromium,
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--no-first-run", "--no-default-browser-check", "--disable-extensions",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--password-store=basic", "--user-data-dir=" + profile,
        "--enable-logging=stderr", "--v=0", "--dump-dom", "file://" + os.path.abspath(page),
    ]
    env = dict(os.environ, HOME=profile)
    last = None
    for _ in range(2):  # one retry: a browser that failed to start is not the page's fault
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        dom = proc.stdout.decode("utf-8", "replace")
        log = proc.stderr.decode("utf-8", "replace").splitlines()
        if proc.returncode == 0 and "</html>" in dom:
            return dom, [line for line in log if re.search(r"CONSOLE[:(]", line)]
        last = "exit %d, %d bytes of DOM; stderr tail: %s" % (
            proc.returncode, len(dom), " | ".join(log[-3:]))
    raise RuntimeError("chromium did not render %s: %s" % (page, last))


def check_page(path, dom, console, findings):
    errors = []
    shown = re.search(r'<output id="shown"([^>]*)>([^<]*)</output>', dom)
    if not shown:
        return ["%s: no findings counter in the page" % path]
    attrs = dict(re.findall(r'(data-[a-z]+)="([^"]*)"', shown.group(1)))
    if "data-shown" not in attrs:
        errors.append("%s: the page's script did not run (no data-shown)" % path)
    cards = len(re.findall(r'<article class="finding ', dom))
    for what, value in (("cards", str(cards)), ("counter", shown.group(2)),
                        ("data-total", attrs.get("data-total")),
                        ("data-shown", attrs.get("data-shown"))):
        if value != str(findings):
            errors.append("%s: %s %s, the JSON report has %d findings" %
                          (path, what, value, findings))
    if findings > 0 and not re.search(r'<form id="filters">', dom):
        errors.append("%s: the filter form is still hidden" % path)
    for line in console:
        errors.append("%s: console: %s" % (path, line))
    return errors


def check_filter(chromium, out, reports, tmp):
    """The filters at work: a copy of a report with one severity unchecked
    (as a reader would leave it) must hide exactly that severity's cards and
    highlights once the script ran."""
    for path, report in reports.items():
        severities = sorted({f["severity"] for f in report["findings"]})
        if len(severities) >= 2:
            break
    else:
        return ["no report with findings of two severities to filter"]
    off = severities[0]
    page = os.path.join(out, path.lstrip("/") + ".html")
    with open(page, encoding="utf-8") as f:
        html = f.read()
    box = 'name="severity" value="%s" checked>' % off
    if box not in html:
        return ["%s: no %s checkbox" % (path, off)]
    filtered = os.path.join(tmp, "filtered.html")
    with open(filtered, "w", encoding="utf-8") as f:
        f.write(html.replace(box, 'name="severity" value="%s">' % off))
    dom, console = render(chromium, filtered, tempfile.mkdtemp(prefix="profile-", dir=tmp))
    hidden_ids = {f["id"] for f in report["findings"] if f["severity"] == off}
    errors = ["filtered %s: console: %s" % (path, line) for line in console]
    shown = re.search(r'<output id="shown"[^>]*data-shown="(\d+)"', dom)
    want = len(report["findings"]) - len(hidden_ids)
    if not shown or int(shown.group(1)) != want:
        errors.append("filtered %s: %s shown, expected %d" %
                      (path, shown.group(1) if shown else "none", want))
    hidden = set(re.findall(r'<article class="finding[^>]*id="([^"]+)"[^>]*hidden', dom))
    if hidden != hidden_ids:
        errors.append("filtered %s: hidden cards %s, expected %s" %
                      (path, sorted(hidden), sorted(hidden_ids)))
    for cls, names in re.findall(r'<a class="hl ([^"]*)"[^>]*data-f="([^"]*)"', dom):
        expect_off = set(names.split()) <= hidden_ids
        if expect_off != ("off" in cls.split()):
            errors.append("filtered %s: highlight of %s has class '%s'" % (path, names, cls))
    return errors


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    clausecheck, inputs = argv[1], argv[2:]
    chromium = chromium_binary()
    if not chromium:
        print("SKIP: chromium is not installed (Debian: apt-get install chromium; "
              "scripts/setup.sh installs it)")
        return SKIP
    with tempfile.TemporaryDirectory(prefix="clausecheck-chromium-") as tmp:
        hostile = os.path.join(tmp, "hostile.txt")
        with open(hostile, "w", encoding="utf-8") as f:
            f.write(HOSTILE)
        out = os.path.join(tmp, "reports")
        run = subprocess.run(
            [clausecheck, "review", "--format", "jsonl", "-q", "--output-dir", out, "-j", "2"] +
            inputs + [hostile], stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
        if run.returncode != 0:
            print("clausecheck exited %d: %s" % (run.returncode, run.stderr.decode()))
            return 1
        counts = {}
        reports = {}
        for line in run.stdout.decode("utf-8").splitlines():
            report = json.loads(line)
            counts[report["document"]["path"]] = len(report["findings"])
            reports[report["document"]["path"]] = report

        errors = []
        start = time.monotonic()
        for path, findings in counts.items():
            page = os.path.join(out, path.lstrip("/") + ".html")
            profile = tempfile.mkdtemp(prefix="profile-", dir=tmp)
            dom, console = render(chromium, page, profile)
            errors += check_page(path, dom, console, findings)
            if path == hostile:
                # (--dump-dom writes quotes in text unescaped: look for tags.)
                if re.search(r'<body[^>]*data-pwned|<[a-z]+ id="pwned-tag"|<img\b', dom):
                    errors.append("hostile contract: its markup became part of the page")
                if "&lt;script&gt;document.body.dataset.pwned" not in dom:
                    errors.append("hostile contract: its <script> is not shown as text")
                if findings == 0:
                    errors.append("hostile contract: expected findings to highlight")
        errors += check_filter(chromium, out, reports, tmp)
        seconds = time.monotonic() - start
    for e in errors:
        print("FAIL " + e)
    print("%d pages rendered in %.1f s (%.1f s a page), %d failures" %
          (len(counts), seconds, seconds / max(len(counts), 1), len(errors)))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
