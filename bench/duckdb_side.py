"""Runs the benchmark questions in DuckDB (inside the bench's virtual
environment) and prints the timings and answers as JSON; with 0 runs, only
loads the files. A line `ready` is printed as soon as both files are loaded,
so that the caller can time the load from the process's start."""
import json
import sys
import time

import duckdb

from queries import FORMS, QUESTIONS

folder, runs = sys.argv[1], int(sys.argv[2])
con = duckdb.connect()
con.execute("SET TimeZone = 'UTC'")
start = time.perf_counter()
con.execute(f"""CREATE TABLE leads AS SELECT * REPLACE (created_at::TIMESTAMP AS created_at,
                    qualified_at::TIMESTAMP AS qualified_at, converted_at::TIMESTAMP AS converted_at)
                FROM read_csv('{folder}/leads.csv')""")
con.execute(f"""CREATE TABLE touches AS SELECT * REPLACE ("at"::TIMESTAMP AS "at")
                FROM read_csv('{folder}/touches.csv')""")
load_ms = (time.perf_counter() - start) * 1000
print("ready", flush=True)
report = {"load_ms": load_ms, "questions": {}}
if runs == 0:
    print(json.dumps(report))
    sys.exit(0)
named = [(name, sql) for name, _, sql, _ in QUESTIONS] + [(name, sql) for name, _, _, _, sql, _ in FORMS]
for name, sql in named:
    con.execute(sql).fetchall()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        rows = con.execute(sql).fetchall()
        times.append((time.perf_counter() - start) * 1000)
    columns = [d[0] for d in con.description]
    report["questions"][name] = {"times_ms": times, "columns": columns, "rows": [list(r) for r in rows]}
print(json.dumps(report, default=str))
