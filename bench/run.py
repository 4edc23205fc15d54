"""make bench: leadq and DuckDB side by side on the same generated CSV files.

Generates (and caches under .build-bench/) leads and touches with leadq's own
generator, in its default layout, and a fixed seed; the cache folder's name
carries a fingerprint of what the generator writes, so data from an older
generator is made again, not reused. Times each engine's load three times,
each in a new process from start until it is ready for the first query, runs
the six questions in both engines (one warm-up and five timed runs each,
medians), checks that both gave the same answers, and prints a table of
times, ratios and the peak memory of every run; then a second table of the
cohort forms (a condition or bucket key, top N, of_total and running, vs
previous, share(overdue)), each beside the same statement without the form
in leadq and beside DuckDB's SQL for it, answers checked the same way; then
each target as met or missed (a missed target does not fail: machines are
noisy). Exits non-zero when the answers differ.
"""
import argparse
import datetime
import glob
import hashlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

from queries import FORMS, QUESTIONS, SETUP

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, ".build-bench")
LEADQ = os.path.join(ROOT, ".build", "release", "leadq")
RUNS = 5


def size(text):
    match = re.fullmatch(r"(\d+)([kKmM]?)", text)
    if not match:
        sys.exit(f"bench: SIZE={text}: write a number of leads such as 100k, 1m or 10m")
    return int(match.group(1)) * {"": 1, "k": 1000, "m": 1_000_000}[match.group(2).lower()]


class Failed(Exception):
    pass


def measured(command):
    """Runs a command in a new process; returns its output, error output, peak
    RSS in MB and seconds from start until its first line of output (which
    both engines print once ready for the first query)."""
    wrapper = ("import resource, subprocess, sys, threading, time\n"
               "start = time.perf_counter()\n"
               "p = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)\n"
               "err = []\n"
               "reader = threading.Thread(target=lambda: err.append(p.stderr.read()))\n"
               "reader.start()\n"
               "first = p.stdout.readline()\n"
               "ready = time.perf_counter() - start\n"
               "out = p.stdout.read()\n"
               "p.wait(); reader.join()\n"
               "sys.stdout.buffer.write(first + out); sys.stderr.buffer.write(err[0])\n"
               "sys.stderr.write('\\nRSS_KB %d\\nREADY_S %.6f\\n' % (resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, ready))\n"
               "sys.exit(p.returncode)\n")
    done = subprocess.run([sys.executable, "-c", wrapper] + command, capture_output=True, text=True)
    rss = re.search(r"RSS_KB (\d+)", done.stderr)
    if done.returncode != 0 or rss is None:
        raise Failed(f"{' '.join(command[:3])} … failed (exit {done.returncode}):\n{done.stderr[-2000:]}")
    ready = float(re.search(r"READY_S ([\d.]+)", done.stderr).group(1))
    return done.stdout, done.stderr, int(rss.group(1)) / 1024, ready * 1000


def fingerprint():
    """A short hash of what the generator writes now (a small data set), so
    that cached data is made again whenever the generator's output changes."""
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([LEADQ, "gen", "--leads", "300", "--out", folder, "--seed", "42"], check=True, capture_output=True)
        digest = hashlib.sha256()
        for name in ("leads.csv", "touches.csv"):
            with open(os.path.join(folder, name), "rb") as f:
                digest.update(f.read())
    return digest.hexdigest()[:10]


def json_values(out):
    """The JSON values leadq printed one after another (`--format json`, a statement each)."""
    decoder, found, position = json.JSONDecoder(), [], 0
    while position < len(out):
        if out[position].isspace():
            position += 1
            continue
        value, position = decoder.raw_decode(out, position)
        found.append(value)
    return found


def ensure_data(leads):
    folder = os.path.join(BENCH, f"data-{leads}-{fingerprint()}")
    if not os.path.exists(os.path.join(folder, "touches.csv")):
        # Data of the same size from an older generator only takes disk space.
        for stale in glob.glob(os.path.join(BENCH, f"data-{leads}")) + glob.glob(os.path.join(BENCH, f"data-{leads}-*")):
            shutil.rmtree(stale, ignore_errors=True)
        print(f"generating {leads:,} leads into {folder} …", flush=True)
        subprocess.run([LEADQ, "gen", "--leads", str(leads), "--out", folder + ".partial", "--seed", "42"], check=True)
        os.rename(folder + ".partial", folder)
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


def timed_statements():
    """Every statement leadq times, by name: the six questions, then each
    form and its baseline (the same statement without the form)."""
    named = [(name, statement) for name, statement, _, _ in QUESTIONS]
    named += [(name, statement) for name, _, statement, _, _, _ in FORMS]
    named += [(name + " baseline", baseline) for name, _, _, baseline, _, _ in FORMS]
    return named


def run_leadq(folder):
    script = os.path.join(BENCH, "questions.lq")
    named = timed_statements()
    with open(script, "w") as f:
        f.write(SETUP + "\n.timer on\n")
        for _, statement in named:
            f.write((statement + "\n") * (RUNS + 1))
    loads, rss = [], []
    for _ in range(3):
        # `.summary` prints once both files are loaded and the derived fields made.
        _, _, peak, ready = measured([LEADQ, folder, "--no-init", "-c", ".summary"])
        loads.append(ready)
        rss.append(peak)
    out, err, peak, _ = measured([LEADQ, folder, "--no-init", "--format", "json", "-f", script])
    rss.append(peak)
    times = [float(t) for t in re.findall(r"time: ([\d.]+) ms", err)]
    answers = json_values(out)
    if len(times) != len(named) * (RUNS + 1) or len(answers) != len(named) * (RUNS + 1):
        raise Failed(f"leadq gave {len(times)} times and {len(answers)} answers for {len(named) * (RUNS + 1)} statements:\n{err[-2000:]}")
    questions = {}
    for index, (name, _) in enumerate(named):
        runs = times[index * (RUNS + 1) + 1:(index + 1) * (RUNS + 1)]
        questions[name] = {"times_ms": runs, "rows": answers[(index + 1) * (RUNS + 1) - 1]}
    return {"load_ms": statistics.median(loads), "loads_ms": loads, "questions": questions, "rss_mb": max(rss), "rss_runs_mb": rss}


def run_duckdb(python, folder):
    """DuckDB's loads (three new processes) and questions; None when it cannot finish."""
    side = os.path.join(ROOT, "bench", "duckdb_side.py")
    try:
        loads, rss = [], []
        for _ in range(3):
            _, _, peak, ready = measured([python, side, folder, "0"])
            loads.append(ready)
            rss.append(peak)
        out, _, peak, _ = measured([python, side, folder, str(RUNS)])
    except Failed as failure:
        print(f"DuckDB could not finish: {failure}", flush=True)
        return None
    rss.append(peak)
    duck = json.loads(out.split("\n", 1)[1])
    duck.update(load_ms=statistics.median(loads), loads_ms=loads, rss_mb=max(rss), rss_runs_mb=rss)
    return duck


def first_use_ms(folder):
    """The first statement naming `touch_id`, which a large touch file leaves
    in the file at load: it is read then. In a new process, after the load."""
    with open(os.path.join(folder, "touches.csv")) as f:
        f.readline()
        first = f.readline().split(",")[0]
    out = subprocess.run([LEADQ, folder, "--no-init", "-c", ".timer on", "-c", f'touches where touch_id = "{first}"'],
                         check=True, capture_output=True, text=True)
    return float(re.findall(r"time: ([\d.]+) ms", out.stderr)[0])


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


def key_of(values):
    """A group's key as text on both sides: leadq's JSON and DuckDB's rows
    spell booleans and whole numbers alike once written out."""
    def text(value):
        if value is None:
            return None
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)
    return tuple(text(v) for v in values)


def compare(name, keys, leadq_rows, duck):
    """Every DuckDB row must be in leadq's answer with the same values; rows only
    leadq shows (empty time buckets it fills in) must be empty."""
    columns = duck["columns"]
    mine = {}
    for row in leadq_rows:
        values = list(row.values())
        mine[key_of(values[:keys])] = values[keys:]
    problems = []
    for row in duck["rows"]:
        key = key_of(row[:keys])
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


def median_ms(engine, name):
    return statistics.median(engine["questions"][name]["times_ms"])


def against_baseline(mine, name):
    return median_ms(mine, name) / median_ms(mine, name + " baseline")


def forms_table(mine, duck):
    """The second table: each form beside its baseline in leadq and beside DuckDB."""
    lines = ["| form | leadq | baseline (the same statement without the form) | baseline | new / baseline | DuckDB | leadq / DuckDB |",
             "|---|---:|---|---:|---:|---:|---:|"]
    for name, form, statement, baseline, _, _ in FORMS:
        a, base = median_ms(mine, name), median_ms(mine, name + " baseline")
        ratio = a / base
        verdict = "met" if ratio <= 2 else "MISSED"
        b = f"{median_ms(duck, name):,.1f} ms" if duck else "—"
        versus = f"{a / median_ms(duck, name):.3f}" if duck else "—"
        lines.append(f"| {name} {form}: `{statement}` | {a:,.1f} ms | `{baseline}` | {base:,.1f} ms | "
                     f"{ratio:.2f} ({verdict} ≤ 2×) | {b} | {versus} |")
    return lines


def targets(leads, megabytes, mine, duck, startup):
    """Each target of the benchmark, met or missed."""
    lines = []

    def check(label, met, detail):
        lines.append(f"{'met   ' if met else 'MISSED'}  {label}: {detail}")

    if duck:
        ratio = mine["load_ms"] / duck["load_ms"]
        check("load ≤ 0.25× DuckDB's", ratio <= 0.25, f"{ratio:.3f}")
        ratio = mine["rss_mb"] / duck["rss_mb"]
        check("peak RSS ≤ 0.5× DuckDB's", ratio <= 0.5, f"{ratio:.3f}")
        for name, _, _, _ in QUESTIONS:
            ratio = statistics.median(mine["questions"][name]["times_ms"]) / statistics.median(duck["questions"][name]["times_ms"])
            check(f"{name} ≤ 0.02× DuckDB's", ratio <= 0.02, f"{ratio:.4f}")
    else:
        lines.append("(no DuckDB figures: the ratios cannot be checked)")
    for name, form, _, _, _, _ in FORMS:
        ratio = against_baseline(mine, name)
        check(f"{name} {form} ≤ 2× the same statement without it", ratio <= 2, f"{ratio:.2f}")
    if leads >= 10_000_000:
        check("leadq's peak RSS under 8 GB", mine["rss_mb"] < 8 * 1024, f"{mine['rss_mb']:,.0f} MB")
    check("start on the demo under 30 ms", startup < 30, f"{startup:.0f} ms")
    # Throughput must not fall as the files grow: compared with every smaller size run before.
    rate = megabytes / (mine["load_ms"] / 1000)
    for path in sorted(glob.glob(os.path.join(BENCH, "load-*.json"))):
        with open(path) as f:
            other = json.load(f)
        if other["leads"] < leads and other.get("fingerprint") == mine["fingerprint"]:
            check(f"load throughput at {leads:,} leads not below {other['leads']:,}'s",
                  rate >= other["mb_per_s"] * 0.95, f"{rate:,.0f} against {other['mb_per_s']:,.0f} MB/s (5% allowed for noise)")
    with open(os.path.join(BENCH, f"load-{leads}.json"), "w") as f:
        json.dump({"leads": leads, "mb_per_s": rate, "fingerprint": mine["fingerprint"]}, f)
    return lines


def publish(lines, name, problems):
    """Prints the report, keeps it as bench/NAME, and exits 1 when the engines disagreed."""
    report = "\n".join(lines)
    print()
    print(report)
    with open(os.path.join(BENCH, name), "w") as f:
        f.write(report + "\n")
    if problems:
        print("\nThe engines disagree:")
        for problem in problems[:50]:
            print("  " + problem)
        sys.exit(1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="1m")
    leads = size(parser.parse_args().size)
    os.makedirs(BENCH, exist_ok=True)
    folder = ensure_data(leads)
    megabytes = sum(os.path.getsize(os.path.join(folder, f)) for f in ("leads.csv", "touches.csv")) / 1e6
    print(f"running leadq on {leads:,} leads ({megabytes:,.0f} MB of CSV) …", flush=True)
    mine = run_leadq(folder)
    mine["fingerprint"] = folder.rsplit("-", 1)[1]
    python = ensure_duckdb()
    duck = None
    if python is None:
        print("DuckDB could not be installed (pip failed): showing leadq alone.")
    else:
        print("running DuckDB …", flush=True)
        duck = run_duckdb(python, folder)

    lines = [f"{leads:,} leads, {megabytes:,.0f} MB of CSV; {os.cpu_count()} cores, "
             f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GB; "
             f"{datetime.date.today()}; loads: medians of 3 new processes, start to ready; "
             f"questions: medians of {RUNS} runs after a warm-up", ""]
    lines.append("| | leadq | DuckDB | leadq / DuckDB |")
    lines.append("|---|---:|---:|---:|")

    def row(label, a, b, unit="ms"):
        ratio = f"{a / b:.3f}" if b else "—"
        lines.append(f"| {label} | {a:,.1f} {unit} | {b:,.1f} {unit} | {ratio} |" if b else f"| {label} | {a:,.1f} {unit} | — | — |")

    row("load, start to ready (median of 3 new processes)", mine["load_ms"], duck["load_ms"] if duck else None)
    problems = []
    for name, statement, _, keys in QUESTIONS:
        a = statistics.median(mine["questions"][name]["times_ms"])
        b = statistics.median(duck["questions"][name]["times_ms"]) if duck else None
        row(f"{name} `{statement}`", a, b)
        if duck:
            problems += compare(name, keys, mine["questions"][name]["rows"], duck["questions"][name])
    row("peak RSS (the largest of every run)", mine["rss_mb"], duck["rss_mb"] if duck else None, "MB")
    startup = startup_ms()
    lines.append(f"| start to ready on the demo data | {startup:,.0f} ms | | |")
    lines.append(f"| first statement naming `touch_id` (read from the file then) | {first_use_ms(folder):,.0f} ms | | |")
    lines.append("")
    lines += forms_table(mine, duck)
    for name, _, _, _, _, keys in FORMS:
        if duck:
            problems += compare(name, keys, mine["questions"][name]["rows"], duck["questions"][name])
    lines.append("")

    def spread(values, unit):
        return ", ".join(f"{v:,.0f}" for v in values) + f" {unit}"

    lines.append(f"leadq: loads {spread(mine['loads_ms'], 'ms')}; peak RSS per run {spread(mine['rss_runs_mb'], 'MB')}; "
                 f"{megabytes / (mine['load_ms'] / 1000):,.0f} MB/s")
    if duck:
        lines.append(f"DuckDB: loads {spread(duck['loads_ms'], 'ms')}; peak RSS per run {spread(duck['rss_runs_mb'], 'MB')}")
    lines.append("")
    lines += targets(leads, megabytes, mine, duck, startup)
    publish(lines, "results.md", problems)
    if duck:
        print("\nBoth engines gave the same answers.")


if __name__ == "__main__":
    main()
