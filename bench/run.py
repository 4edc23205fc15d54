"""make bench: leadq and DuckDB side by side on the same generated CSV files.

Generates (and caches under .build-bench/) leads and touches with leadq's own
generator and a fixed seed, runs the six questions in both engines (one
warm-up and five timed runs each, medians), checks that both gave the same
answers, and prints a table of times, ratios and peak memory. Exits non-zero
when the answers differ.
"""
import argparse
import datetime
import json
import os
import platform
import re
import statistics
import subprocess
import sys

from queries import QUESTIONS

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, ".build-bench")
LEADQ = os.path.join(ROOT, ".build", "release", "leadq")
RUNS = 5


def size(text):
    match = re.fullmatch(r"(\d+)([kKmM]?)", text)
    if not match:
        sys.exit(f"bench: SIZE={text}: write a number of leads such as 100k or 1m")
    return int(match.group(1)) * {"": 1, "k": 1000, "m": 1_000_000}[match.group(2).lower()]


def measured(command):
    """Runs a command; returns its output, error output and peak RSS in MB."""
    wrapper = ("import resource, subprocess, sys\n"
               "p = subprocess.run(sys.argv[1:], capture_output=True)\n"
               "sys.stdout.buffer.write(p.stdout); sys.stderr.buffer.write(p.stderr)\n"
               "sys.stderr.write('\\nRSS_KB %d\\n' % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
               "sys.exit(p.returncode)\n")
    done = subprocess.run([sys.executable, "-c", wrapper] + command, capture_output=True, text=True)
    rss = int(re.search(r"RSS_KB (\d+)", done.stderr).group(1)) / 1024
    if done.returncode != 0:
        sys.exit(f"bench: {' '.join(command[:3])} … failed:\n{done.stderr}")
    return done.stdout, done.stderr, rss


def ensure_data(leads):
    folder = os.path.join(BENCH, f"data-{leads}")
    if not os.path.exists(os.path.join(folder, "touches.csv")):
        print(f"generating {leads:,} leads into {folder} …", flush=True)
        subprocess.run([LEADQ, "gen", "--leads", str(leads), "--out", folder, "--seed", "42"], check=True)
    return folder


def ensure_duckdb():
    venv = os.path.join(BENCH, "venv")
    python = os.path.join(venv, "bin", "python")
    if not os.path.exists(python):
        if subprocess.run([sys.executable, "-m", "venv", venv]).returncode != 0:
            return None
    if subprocess.run([python, "-c", "import duckdb"], capture_output=True).returncode != 0:
        print("installing duckdb into the bench's virtual environment …", flush=True)
        if subprocess.run([python, "-m", "pip", "install", "-q", "duckdb"]).returncode != 0:
            return None
    return python


def run_leadq(folder):
    script = os.path.join(BENCH, "questions.lq")
    with open(script, "w") as f:
        f.write(".timer on\n")
        for _, statement, _, _ in QUESTIONS:
            f.write((statement + "\n") * (RUNS + 1))
    loads = []
    for _ in range(3):
        summary, _, _ = measured([LEADQ, folder, "--no-init", "-c", ".summary"])
        seconds = re.search(r"in ([\d.]+) (ms|s)", summary)
        loads.append(float(seconds.group(1)) * (1 if seconds.group(2) == "ms" else 1000))
    load_ms = statistics.median(loads)
    out, err, rss = measured([LEADQ, folder, "--no-init", "--format", "json", "-f", script])
    times = [float(t) for t in re.findall(r"time: ([\d.]+) ms", err)]
    decoder = json.JSONDecoder()
    answers, position = [], 0
    while position < len(out):
        if out[position].isspace():
            position += 1
            continue
        value, position = decoder.raw_decode(out, position)
        answers.append(value)
    questions = {}
    for index, (name, _, _, _) in enumerate(QUESTIONS):
        runs = times[index * (RUNS + 1) + 1:(index + 1) * (RUNS + 1)]
        questions[name] = {"times_ms": runs, "rows": answers[(index + 1) * (RUNS + 1) - 1]}
    return {"load_ms": load_ms, "questions": questions, "rss_mb": rss}


def startup_ms():
    times = []
    for _ in range(5):
        start = datetime.datetime.now()
        subprocess.run([LEADQ, "--no-init", "-c", ".quit"], check=True, capture_output=True)
        times.append((datetime.datetime.now() - start).total_seconds() * 1000)
    return statistics.median(times)


def same(a, b):
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, str) or isinstance(b, str):
        return str(a) == str(b)
    return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a)))


def compare(name, keys, leadq_rows, duck):
    """Every DuckDB row must be in leadq's answer with the same values; rows only
    leadq shows (empty time buckets it fills in) must be empty."""
    columns = duck["columns"]
    mine = {}
    for row in leadq_rows:
        values = list(row.values())
        mine[tuple(values[:keys])] = values[keys:]
    problems = []
    for row in duck["rows"]:
        key = tuple(None if v is None else str(v) for v in row[:keys])
        found = mine.pop(key, None)
        if found is None:
            problems.append(f"{name}: leadq has no group {key}")
            continue
        for column, want, have in zip(columns[keys:], row[keys:], found):
            if not same(want, have):
                problems.append(f"{name} {key} {column}: DuckDB {want}, leadq {have}")
    for key, values in mine.items():
        if any(v not in (None, 0) for v in values):
            problems.append(f"{name}: leadq has a group {key} DuckDB does not: {values}")
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="1m")
    leads = size(parser.parse_args().size)
    os.makedirs(BENCH, exist_ok=True)
    folder = ensure_data(leads)
    megabytes = sum(os.path.getsize(os.path.join(folder, f)) for f in ("leads.csv", "touches.csv")) / 1e6
    print(f"running leadq on {leads:,} leads ({megabytes:,.0f} MB of CSV) …", flush=True)
    mine = run_leadq(folder)
    python = ensure_duckdb()
    duck = None
    if python is None:
        print("DuckDB could not be installed (pip failed): showing leadq alone.")
    else:
        print("running DuckDB …", flush=True)
        side = os.path.join(ROOT, "bench", "duckdb_side.py")
        # Like leadq's, DuckDB's load is the median of three, each in a new process.
        loads = [json.loads(measured([python, side, folder, "0"])[0])["load_ms"] for _ in range(2)]
        out, _, rss = measured([python, side, folder, str(RUNS)])
        duck = json.loads(out)
        duck["load_ms"] = statistics.median(loads + [duck["load_ms"]])
        duck["rss_mb"] = rss

    lines = [f"{leads:,} leads, {megabytes:,.0f} MB of CSV; {os.cpu_count()} cores, "
             f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GB; "
             f"{datetime.date.today()}; medians of {RUNS} runs after a warm-up", ""]
    lines.append("| | leadq | DuckDB | leadq / DuckDB |")
    lines.append("|---|---:|---:|---:|")

    def row(label, a, b, unit="ms"):
        ratio = f"{a / b:.3f}" if b else "—"
        lines.append(f"| {label} | {a:,.1f} {unit} | {b:,.1f} {unit} | {ratio} |" if b else f"| {label} | {a:,.1f} {unit} | — | — |")

    row("load (both files, queryable; median of 3 each)", mine["load_ms"], duck["load_ms"] if duck else None)
    problems = []
    for name, statement, _, keys in QUESTIONS:
        a = statistics.median(mine["questions"][name]["times_ms"])
        b = statistics.median(duck["questions"][name]["times_ms"]) if duck else None
        row(f"{name} `{statement}`", a, b)
        if duck:
            problems += compare(name, keys, mine["questions"][name]["rows"], duck["questions"][name])
    row("peak RSS (load and all questions)", mine["rss_mb"], duck["rss_mb"] if duck else None, "MB")
    lines.append(f"| start to ready on the demo data | {startup_ms():,.0f} ms | | |")
    report = "\n".join(lines)
    print()
    print(report)
    with open(os.path.join(BENCH, "results.md"), "w") as f:
        f.write(report + "\n")
    if problems:
        print("\nThe engines disagree:")
        for problem in problems[:50]:
            print("  " + problem)
        sys.exit(1)
    if duck:
        print("\nBoth engines gave the same answers.")


if __name__ == "__main__":
    main()
