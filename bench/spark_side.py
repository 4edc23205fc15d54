"""Runs SQL statements in one local Spark session (inside the engines'
virtual environment) over the generated CSV files, read as leadq's Spark
driver reads them (explicit schema, cached), and prints each statement's
timings and last answer as JSON: one warm-up, then the timed runs.
Arguments: a JSON file {"folder", "runs", "statements": [[key, sql], …]}."""
import json
import sys
import time

from pyspark.sql import SparkSession
from pyspark.sql import types as T

request = json.load(open(sys.argv[1]))
spark = (SparkSession.builder.master("local[*]").appName("leadq-bench")
         .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
         .config("spark.sql.session.timeZone", "UTC").config("spark.sql.shuffle.partitions", "4")
         .getOrCreate())
spark.sparkContext.setLogLevel("ERROR")


def kind(name):
    return T.TimestampType() if name == "at" or name.endswith("_at") else T.StringType()


start = time.perf_counter()
for table in ("leads", "touches"):
    path = f"{request['folder']}/{table}.csv"
    names = spark.read.option("header", True).csv(path).columns
    schema = T.StructType([T.StructField(name, kind(name)) for name in names])
    frame = (spark.read.schema(schema).option("header", True).option("mode", "FAILFAST").option("multiLine", True)
             .option("escape", '"').csv(path))
    frame.cache().createOrReplaceTempView(table)
    frame.count()
report = {"load_ms": (time.perf_counter() - start) * 1000, "questions": {}}


def text(value):
    return value.strftime("%Y-%m-%d %H:%M:%S") if hasattr(value, "strftime") else value


for key, sql in request["statements"]:
    spark.sql(sql).collect()
    times = []
    for _ in range(request["runs"]):
        start = time.perf_counter()
        frame = spark.sql(sql)
        rows = frame.collect()
        times.append((time.perf_counter() - start) * 1000)
    report["questions"][key] = {"times_ms": times, "columns": frame.columns,
                                "rows": [[text(v) for v in row] for row in rows]}
spark.stop()
print(json.dumps(report, default=str))
