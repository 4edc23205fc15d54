"""make bench-engines: the six questions on every engine leadq answers with
(in memory, PostgreSQL, DuckDB, Spark local), each beside hand-written SQL
on the same engine.

On the generated data of `make bench` (SIZE=1m or 100k) it times, for each
engine:
- leadq end to end: `leadq … --engine E -f script` with `.timer on`, each
  question once as a warm-up then RUNS times (what a user waits for: the
  statement compiled, sent, answered and read back);
- the compiled SQL (`| sql E`) and a person's SQL for the same question
  (bench/engine_queries.py) in one session of the engine over the same
  tables, one warm-up then RUNS runs each, alternating question by question,
  so that both pay the same for the engine's start and its reading.
PostgreSQL is a throwaway server the bench starts and stops, with both CSV
files loaded by COPY into typed tables; DuckDB's session loads the CSV files
into tables; Spark's reads them as leadq's driver does (explicit schema,
cached). Every engine's answers through leadq are checked against the
in-memory answers, and the hand-written SQL's answers against them too.
Prints a table with each engine's compiled / hand-written ratio (target
≤ 1.5×) as met or missed; exits non-zero when answers differ.
"""
import argparse
import csv
import datetime
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from engine_queries import HAND
from queries import QUESTIONS
import run
from run import BENCH, ROOT, Failed, compare, ensure_data, same, size

VENV_BIN = os.path.join(ROOT, ".build-engines", "venv", "bin")
PGBIN = next((p for p in sorted(__import__("glob").glob("/usr/lib/postgresql/*/bin"), reverse=True)), "/usr/bin")
TARGET = 1.5


def environment():
    env = dict(os.environ)
    env["PATH"] = VENV_BIN + ":" + env.get("PATH", "/usr/bin:/bin")
    env["SPARK_LOCAL_IP"] = "127.0.0.1"
    env.pop("SPARK_HOME", None)
    return env


def leadq_end_to_end(label, arguments, runs):
    """leadq answering the six questions, each a warm-up and `runs` timed
    runs in one process: medians and the last answer of each."""
    script = os.path.join(BENCH, "engine-questions.lq")
    with open(script, "w") as f:
        f.write(".timer on\n")
        for _, statement, _, _ in QUESTIONS:
            f.write((statement + "\n") * (runs + 1))
    start = time.perf_counter()
    done = subprocess.run([run.LEADQ] + arguments + ["--no-init", "--format", "json", "-f", script],
                          capture_output=True, text=True, env=environment())
    print(f"  leadq → {label}: {time.perf_counter() - start:,.1f} s in all", flush=True)
    times = [float(t) for t in re.findall(r"time: ([\d.]+) ms", done.stderr)]
    found = run.json_values(done.stdout) if done.returncode == 0 else []
    if done.returncode != 0 or len(times) != len(QUESTIONS) * (runs + 1) or len(found) != len(times):
        raise Failed(f"leadq → {label} failed (exit {done.returncode}):\n{done.stderr[-2000:]}")
    result = {}
    for index, (name, _, _, _) in enumerate(QUESTIONS):
        block = times[index * (runs + 1):(index + 1) * (runs + 1)]
        result[name] = {"times_ms": block[1:], "rows": found[(index + 1) * (runs + 1) - 1]}
    return result


def compiled_sql(folder, dialect):
    """What each question compiles to, from leadq on the first rows of the files (the same fields and types)."""
    sample = os.path.join(BENCH, "engine-sample")
    os.makedirs(sample, exist_ok=True)
    for name in ("leads.csv", "touches.csv"):
        with open(os.path.join(folder, name), "rb") as source, open(os.path.join(sample, name), "wb") as target:
            for _ in range(2000):
                line = source.readline()
                if not line:
                    break
                target.write(line)
    sql = {}
    for name, statement, _, _ in QUESTIONS:
        done = subprocess.run([run.LEADQ, sample, "--no-init", "-c", f"{statement} | sql {dialect}"], capture_output=True, text=True, check=True)
        sql[name] = done.stdout.strip().rstrip(";")
    return sql


def statements(folder, dialect):
    """(key, sql) for each question: compiled then hand-written, question by question."""
    compiled = compiled_sql(folder, dialect)
    return [(f"{name} {side}", sql) for name, _, _, _ in QUESTIONS
            for side, sql in (("compiled", compiled[name]), ("hand", HAND[dialect][name]))]


class Postgres:
    """A throwaway server on a unix socket in its own folder, with the CSV files COPYed into typed tables."""

    def __init__(self, folder):
        self.folder = folder
        self.home = tempfile.mkdtemp(prefix="leadq-bench-pg.")
        shutil.chown(self.home, "postgres", "postgres")
        self.data = os.path.join(self.home, "data")

    def as_postgres(self, *command):
        subprocess.run(["runuser", "-u", "postgres", "--"] + list(command), check=True, capture_output=True)

    def __enter__(self):
        self.as_postgres(f"{PGBIN}/initdb", "-D", self.data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync")
        self.as_postgres(f"{PGBIN}/pg_ctl", "-D", self.data, "-l", os.path.join(self.home, "server.log"), "-w", "-t", "30", "-o",
                         f"-c listen_addresses='' -k {self.home} -c fsync=off -c synchronous_commit=off -c full_page_writes=off", "start")
        start = time.perf_counter()
        for table in ("leads", "touches"):
            path = os.path.join(self.folder, f"{table}.csv")
            with open(path) as f:
                names = f.readline().strip().split(",")
            columns = ", ".join(f'"{n}" {"timestamptz" if n == "at" or n.endswith("_at") else "text"}' for n in names)
            self.psql(f"CREATE TABLE {table} ({columns})")
            self.psql(f"\\copy {table} FROM '{path}' WITH (FORMAT csv, HEADER true)")
        self.psql("ANALYZE")
        self.load_ms = (time.perf_counter() - start) * 1000
        return self

    def __exit__(self, *_):
        subprocess.run(["runuser", "-u", "postgres", "--", f"{PGBIN}/pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop"], capture_output=True)
        shutil.rmtree(self.home, ignore_errors=True)

    @property
    def conninfo(self):
        return f"host={self.home} user=postgres dbname=postgres"

    def psql(self, command, script=None):
        arguments = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", self.home, "-U", "postgres", "-d", "postgres"]
        arguments += ["-f", script] if script else ["-c", command]
        done = subprocess.run(arguments, capture_output=True, text=True)
        if done.returncode != 0:
            raise Failed(f"psql: {done.stderr[-2000:]}")
        return done.stdout

    def session(self, named, runs):
        """Each statement a warm-up and `runs` timed runs (psql's \\timing) in one session."""
        scratch = tempfile.mkdtemp(prefix="leadq-bench-psql.")
        script = os.path.join(scratch, "run.sql")
        with open(script, "w") as f:
            f.write("SET TimeZone = 'UTC';\nSET jit = off;\n\\pset format csv\n\\timing on\n")
            for index, (_, sql) in enumerate(named):
                f.write(f"\\o {scratch}/scratch.csv\n" + (sql + ";\n") * runs + f"\\o {scratch}/{index}.csv\n{sql};\n")
        out = self.psql(None, script)
        return timed(named, [float(t) for t in re.findall(r"^Time: ([\d.]+) ms", out, re.M)], runs, scratch)


    def copy_out_ms(self):
        """What the server itself takes to copy both tables out, as psql's \\copy to /dev/null does."""
        start = time.perf_counter()
        for table in ("leads", "touches"):
            self.psql(f"\\copy (SELECT * FROM {table}) TO '/dev/null'")
        return (time.perf_counter() - start) * 1000


def load_ms(arguments):
    """A new leadq process loading into memory and leaving: process start to exit."""
    start = time.perf_counter()
    done = subprocess.run([run.LEADQ] + arguments + ["--no-init", "-c", ".quit"], capture_output=True, text=True, env=environment())
    if done.returncode != 0:
        raise Failed(f"leadq {' '.join(arguments)} failed (exit {done.returncode}):\n{done.stderr[-2000:]}")
    return (time.perf_counter() - start) * 1000


def source_loads(server, folder, rounds):
    """PostgreSQL as a source: leadq --db's load beside the server's own copy
    of both tables and the CSV load, alternating, `rounds` times each."""
    times = {"db": [], "copy": [], "csv": []}
    for _ in range(rounds):
        times["db"].append(load_ms(["--db", server.conninfo]))
        times["copy"].append(server.copy_out_ms())
        times["csv"].append(load_ms([folder]))
    db, copy, csv_ = (statistics.median(times[k]) for k in ("db", "copy", "csv"))
    spread = "; ".join(f"{k} " + ", ".join(f"{t / 1000:,.1f}" for t in v) + " s" for k, v in times.items())
    return (f"PostgreSQL as a source (medians of {rounds}): leadq --db loads both tables in {db / 1000:,.1f} s, "
            f"psql \\copy of both to /dev/null {copy / 1000:,.1f} s, ratio {db / copy:.2f} (target ≤ 1.5); "
            f"the CSV files load in {csv_ / 1000:,.1f} s ({spread})"), db / copy


def cell(text):
    """A CSV answer's value: empty is null, a number is a float."""
    if text == "":
        return None
    try:
        return float(text)
    except ValueError:
        return text


def timed(named, times, runs, scratch):
    """The timings (a warm-up first) and each statement's answer file, as the sessions write them."""
    if len(times) != len(named) * (runs + 1):
        raise Failed(f"{len(times)} timings for {len(named)} statements")
    result = {}
    for index, (key, _) in enumerate(named):
        with open(os.path.join(scratch, f"{index}.csv"), newline="") as f:
            lines = list(csv.reader(f))
        result[key] = {"times_ms": times[index * (runs + 1) + 1:(index + 1) * (runs + 1)],
                       "columns": lines[0] if lines else [], "rows": [[cell(v) for v in line] for line in lines[1:]]}
    shutil.rmtree(scratch, ignore_errors=True)
    return result


def duckdb_session(folder, named, runs):
    """One duckdb process (the program leadq runs): both files loaded into tables, then each statement timed by `.timer`."""
    scratch = tempfile.mkdtemp(prefix="leadq-bench-duckdb.")
    script = [f"SET TimeZone = 'UTC';",
              f"CREATE TABLE leads AS SELECT * REPLACE (created_at::TIMESTAMP AS created_at, qualified_at::TIMESTAMP AS qualified_at, "
              f"converted_at::TIMESTAMP AS converted_at) FROM read_csv('{folder}/leads.csv');",
              f"CREATE TABLE touches AS SELECT * REPLACE (\"at\"::TIMESTAMP AS \"at\") FROM read_csv('{folder}/touches.csv');",
              ".timer on"]
    for index, (_, sql) in enumerate(named):
        script += [f".output {scratch}/scratch.csv"] + [sql + ";"] * runs + [f".output {scratch}/{index}.csv", sql + ";"]
    done = subprocess.run([os.path.join(VENV_BIN, "duckdb"), "-csv", ":memory:"], input="\n".join(script) + "\n",
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise Failed(f"duckdb: {done.stderr[-2000:]}")
    return timed(named, [float(t) * 1000 for t in re.findall(r"Run Time \(s\): real ([\d.]+)", done.stdout)], runs, scratch)


def spark_session(folder, named, runs):
    request = os.path.join(BENCH, "spark-request.json")
    with open(request, "w") as f:
        json.dump({"folder": os.path.abspath(folder), "runs": runs, "statements": named}, f)
    done = subprocess.run([os.path.join(VENV_BIN, "python"), os.path.join(ROOT, "bench", "spark_side.py"), request],
                          capture_output=True, text=True, env=environment())
    if done.returncode != 0:
        raise Failed(f"spark: {done.stderr[-2000:]}")
    report = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"  Spark's session read and cached the files in {report['load_ms'] / 1000:,.1f} s", flush=True)
    return report["questions"]


def median(entry):
    return statistics.median(entry["times_ms"])


def same_answer(mine, theirs):
    """Two leadq answers alike: the same rows in the same order, counts exactly, the rest within 1e-9."""
    if len(mine) != len(theirs):
        return False
    return all(list(a.keys()) == list(b.keys()) and all(same(x, y) for x, y in zip(a.values(), b.values()))
               for a, b in zip(mine, theirs))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="1m")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--spark-runs", type=int, default=3)
    parser.add_argument("--engines", default="postgres,duckdb,spark")
    parser.add_argument("--leadq", help="the leadq program to time (default: the release build)")
    options = parser.parse_args()
    if options.leadq:
        run.LEADQ = os.path.abspath(options.leadq)
    leads = size(options.size)
    os.makedirs(BENCH, exist_ok=True)
    folder = ensure_data(leads)
    megabytes = sum(os.path.getsize(os.path.join(folder, f)) for f in ("leads.csv", "touches.csv")) / 1e6
    load = os.getloadavg()
    print(f"engines on {leads:,} leads ({megabytes:,.0f} MB of CSV); load average {load[0]:.1f} …", flush=True)
    memory = leadq_end_to_end("memory", [folder], options.runs)
    results, notes, problems = {}, [], []
    source_verdict = None
    for engine in options.engines.split(","):
        runs = options.spark_runs if engine == "spark" else options.runs
        print(f"running {engine} …", flush=True)
        named = statements(folder, engine)
        started = time.perf_counter()
        if engine == "postgres":
            with Postgres(folder) as server:
                notes.append(f"PostgreSQL: both files COPYed into typed tables and analysed in {server.load_ms / 1000:,.1f} s")
                session = server.session(named, runs)
                ends = leadq_end_to_end("PostgreSQL", ["--db", server.conninfo, "--engine", "postgres"], runs)
                note, ratio = source_loads(server, folder, 3)
                print("  " + note, flush=True)
                notes.append(note)
                source_verdict = f"{'met   ' if ratio <= TARGET else 'MISSED'}  leadq --db load ≤ {TARGET}× psql \\copy: {ratio:.2f}"
        elif engine == "duckdb":
            session = duckdb_session(folder, named, runs)
            ends = leadq_end_to_end("DuckDB", [folder, "--engine", "duckdb"], runs)
        elif engine == "spark":
            session = spark_session(folder, named, runs)
            ends = leadq_end_to_end("Spark", [folder, "--engine", "spark"], runs)
        else:
            sys.exit(f"bench: no engine {engine}: choose postgres, duckdb or spark")
        notes.append(f"{engine}: {time.perf_counter() - started:,.0f} s for its part of the run, {runs} timed runs per statement")
        results[engine] = {"session": session, "ends": ends, "runs": runs}
        for name, _, _, _ in QUESTIONS:
            compiled, hand = median(session[f"{name} compiled"]), median(session[f"{name} hand"])
            print(f"  {name}: leadq → {engine} {median(ends[name]):,.1f} ms; compiled {compiled:,.1f} ms, "
                  f"hand-written {hand:,.1f} ms ({compiled / hand:.2f})", flush=True)
        for name, _, _, keys in QUESTIONS:
            if not same_answer(memory[name]["rows"], ends[name]["rows"]):
                problems.append(f"{name}: leadq → {engine} answers differently from memory: {ends[name]['rows'][:3]} …")
            problems += [f"{engine} hand-written " + p for p in compare(name, keys, memory[name]["rows"], session[f"{name} hand"])]

    lines = [f"{leads:,} leads, {megabytes:,.0f} MB of CSV; {os.cpu_count()} cores; {datetime.date.today()}; "
             f"load average at the start {load[0]:.1f}, {load[1]:.1f}, {load[2]:.1f}; medians after a warm-up", "",
             "| engine | question | leadq → engine | compiled SQL | hand-written SQL | compiled / hand |",
             "|---|---|---:|---:|---:|---:|"]
    for name, statement, _, _ in QUESTIONS:
        lines.append(f"| in memory | {name} `{statement}` | {median(memory[name]):,.1f} ms | | | |")
    verdicts = []
    for engine, result in results.items():
        for name, statement, _, _ in QUESTIONS:
            compiled, hand = median(result["session"][f"{name} compiled"]), median(result["session"][f"{name} hand"])
            ratio = compiled / hand
            lines.append(f"| {engine} | {name} `{statement}` | {median(result['ends'][name]):,.1f} ms | {compiled:,.1f} ms | "
                         f"{hand:,.1f} ms | {ratio:.2f} |")
            verdicts.append(f"{'met   ' if ratio <= TARGET else 'MISSED'}  {engine} {name} compiled ≤ {TARGET}× hand-written: {ratio:.2f}")
    if source_verdict:
        verdicts.append(source_verdict)
    lines += [""] + notes + [""] + verdicts
    run.publish(lines, "engines.md", problems)
    print("\nEvery engine gave the in-memory answers, and so did the hand-written SQL.")


if __name__ == "__main__":
    main()
