#!/usr/bin/env python3
"""Times a full clausecheck review against peers' plain-text extraction.

On the same DOCX files, in one run:
  clausecheck   `clausecheck review FILES --format jsonl -j J` (one process for
                all files), and again one process per file (startup included)
  pandoc        `pandoc -t plain FILE`, one process per file
  docx2txt      `docx2txt FILE -`, one process per file
  mammoth       mammoth.extractRawText under node, one node process for all files
  libreoffice   `soffice --headless --convert-to txt FILES`, one process for all

Installs nothing. A peer that is not found is skipped and the script says so.
mammoth is looked up with NODE_PATH, --node-path and bench/node_modules.
For each tool: files/s, MB/s (DOCX bytes in), CPU seconds and the peak RSS of
its largest process (wait4's ru_maxrss, children included), and how many times
faster clausecheck is, in wall and in CPU time. --repeat R keeps each tool's best wall time of R runs
(the machine may be shared); the load average is printed with the results.

  bench/compare_peers.py /tmp/cc-docx --clausecheck build/release/cli/clausecheck
  bench/compare_peers.py /tmp/cc-docx --peer-files 100   # peers on the first 100 files only
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))

MAMMOTH_JS = r"""
const mammoth = require('mammoth');
const fs = require('fs');
(async () => {
  let chars = 0;
  for (const f of fs.readFileSync(0, 'utf8').split('\n').filter(Boolean)) {
    const r = await mammoth.extractRawText({path: f});
    chars += r.value.length;
  }
  process.stdout.write(String(chars) + '\n');
})().catch(e => { console.error(e.message); process.exit(1); });
"""


class Run:
    def __init__(self):
        self.wall = 0.0
        self.cpu = 0.0
        self.rss_kb = 0
        self.failures = 0
        self.processes = 0


def run_process(cmd, env=None, stdin_text=None, run=None):
    """Runs one process to its end, stdout discarded; adds its figures to `run`."""
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE if stdin_text is not None else subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    if stdin_text is not None:
        proc.stdin.write(stdin_text.encode())
        proc.stdin.close()
    _, status, ru = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    run.cpu += ru.ru_utime + ru.ru_stime
    run.rss_kb = max(run.rss_kb, ru.ru_maxrss)
    run.processes += 1
    return proc.returncode


def timed(fn):
    run = Run()
    start = time.perf_counter()
    fn(run)
    run.wall = time.perf_counter() - start
    return run


def find_mammoth(node, extra):
    dirs = [d for d in os.environ.get("NODE_PATH", "").split(os.pathsep) if d]
    dirs += extra + [os.path.join(HERE, "node_modules")]
    for d in dirs:
        if os.path.isfile(os.path.join(d, "mammoth", "package.json")):
            return d
    return None


def collect(paths):
    files = []
    for p in paths:
        if os.path.isdir(p):
            for root, _, names in os.walk(p):
                files += [os.path.join(root, n) for n in names if n.lower().endswith(".docx")]
        elif p.lower().endswith(".docx"):
            files.append(p)
    return sorted(files)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="\n".join(__doc__.splitlines()[1:]))
    ap.add_argument("paths", nargs="+", help="DOCX files or directories of them")
    ap.add_argument("--clausecheck", default=os.path.join(HERE, "..", "build", "release", "cli",
                                                          "clausecheck"))
    ap.add_argument("-j", "--jobs", type=int, default=1, help="clausecheck threads (default 1)")
    ap.add_argument("--node-path", action="append", default=[], help="a node_modules directory")
    ap.add_argument("--peers", default="pandoc,docx2txt,mammoth,libreoffice",
                    help="comma-separated peers to try (default all)")
    ap.add_argument("--peer-files", type=int, default=0,
                    help="time every tool on only the first N files (0: all)")
    ap.add_argument("--repeat", type=int, default=1, help="best of R runs per tool")
    args = ap.parse_args()

    files = collect(args.paths)
    if args.peer_files > 0:
        files = files[:args.peer_files]
    if not files:
        sys.exit("compare_peers: no .docx files in " + " ".join(args.paths))
    if not os.access(args.clausecheck, os.X_OK):
        sys.exit(f"compare_peers: {args.clausecheck} is not an executable clausecheck")
    mb = sum(os.path.getsize(f) for f in files) / 1e6
    listing = "\n".join(files) + "\n"
    scratch = tempfile.mkdtemp(prefix="compare_peers-")

    tools = []  # (name, function of Run)
    cc = os.path.abspath(args.clausecheck)
    def one_process(cmd, env=None, ok=(0,)):
        def fn(r):
            if run_process(cmd, env=env, stdin_text=listing, run=r) not in ok:
                r.failures += 1
        return fn

    # A review's exit code 1 means a gate failed, not an error (there is no --fail-on here).
    tools.append((f"clausecheck review -j{args.jobs}",
                  one_process([cc, "review", "--files-from", "-", "--format", "jsonl", "-q",
                               "-j", str(args.jobs)], ok=(0, 1))))

    def per_file(cmd_of, ok=(0,)):
        def fn(r):
            for f in files:
                if run_process(cmd_of(f), run=r) not in ok:
                    r.failures += 1
        return fn

    tools.append(("clausecheck, a process per file",
                  per_file(lambda f: [cc, "review", f, "--format", "jsonl", "-q", "-j", "1"], ok=(0, 1))))
    found, missing = [], []
    wanted = [p for p in args.peers.split(",") if p]
    for peer in wanted:
        if peer == "pandoc" and shutil.which("pandoc"):
            tools.append(("pandoc -t plain", per_file(lambda f: ["pandoc", "-t", "plain", f])))
        elif peer == "docx2txt" and shutil.which("docx2txt"):
            tools.append(("docx2txt", per_file(lambda f: ["docx2txt", f, "-"])))
        elif peer == "mammoth" and shutil.which("node") and find_mammoth("node", args.node_path):
            env = dict(os.environ, NODE_PATH=find_mammoth("node", args.node_path))
            tools.append(("mammoth extractRawText (node)", one_process(["node", "-e", MAMMOTH_JS], env=env)))
        elif peer == "libreoffice" and (shutil.which("soffice") or shutil.which("libreoffice")):
            office = shutil.which("soffice") or shutil.which("libreoffice")
            profile = "file://" + os.path.join(scratch, "lo-profile")
            out = os.path.join(scratch, "lo-out")

            def lo(r, office=office, profile=profile, out=out):
                if run_process([office, "-env:UserInstallation=" + profile, "--headless",
                                "--convert-to", "txt:Text", "--outdir", out] + files, run=r) != 0:
                    r.failures += 1
                r.failures += len(files) - len([n for n in os.listdir(out) if n.endswith(".txt")]) \
                    if os.path.isdir(out) else len(files)
                shutil.rmtree(out, ignore_errors=True)
            # The first start creates the profile: not timed.
            run_process([office, "-env:UserInstallation=" + profile, "--headless", "--terminate_after_init"],
                        run=Run())
            tools.append(("libreoffice --convert-to txt", lo))
        else:
            missing.append(peer)
            continue
        found.append(peer)
    print(f"files: {len(files)} DOCX, {mb:.2f} MB; peers found: {', '.join(found) or 'none'}; "
          f"not found: {', '.join(missing) or 'none'}")
    load_before = os.getloadavg()

    results = []
    for name, fn in tools:
        best = None
        for _ in range(max(args.repeat, 1)):
            r = timed(fn)
            if best is None or r.wall < best.wall:
                best = r
        results.append((name, best))
        print(f"  {name}: {best.wall:.2f} s", file=sys.stderr)
    shutil.rmtree(scratch, ignore_errors=True)

    # "x wall": how many times faster clausecheck's run was; "x CPU": the same
    # in CPU seconds, which a busy machine disturbs less than wall time.
    cc = results[0][1]
    print(f"{'tool':34} {'wall s':>8} {'files/s':>9} {'MB/s':>8} {'CPU s':>8} "
          f"{'peak RSS MB':>11} {'failed':>6} {'x wall':>8} {'x CPU':>8}")
    for name, r in results:
        rate = len(files) / r.wall
        print(f"{name:34} {r.wall:8.2f} {rate:9.1f} {mb / r.wall:8.2f} {r.cpu:8.2f} "
              f"{r.rss_kb / 1024:11.1f} {r.failures:6d} {r.wall / cc.wall:8.1f} "
              f"{r.cpu / max(cc.cpu, 1e-9):8.1f}")
    print(f"load average (1 min) before/after: {load_before[0]:.2f} / {os.getloadavg()[0]:.2f} "
          f"on {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
