/// The Python program that holds the Spark session: it reads one JSON line
/// of setup (master, configuration, zones, the tables to make), answers it,
/// then reads one JSON line per request and answers each with one JSON
/// line. A request is a statement, `sample` (the first rows of tables the
/// session knows, as CSV text with ISO 8601 timestamps in UTC) or `tables`
/// (views over such tables in canonical form). A statement's answer is
/// the column names and the rows as text (timestamps as UTC text to the
/// millisecond, so no zone of the JVM or of Python shows through), or
/// the error's first line. Spark's own output goes to standard error. It
/// dies with leadq (PR_SET_PDEATHSIG; its JVM ends when its standard input
/// does) and ignores Ctrl-C; a thread reads the requests, so that a
/// `{"cancel": true}` line cancels the jobs of the statement under way.
extension SparkDriver {
    static let script = #"""
import csv, datetime, io, json, os, queue, signal, sys, threading, traceback

def main():
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)
    except Exception:
        pass
    if os.environ.get("LEADQ_PARENT") and os.getppid() != int(os.environ["LEADQ_PARENT"]):
        os._exit(0)
    out = os.fdopen(os.dup(1), "w", encoding="utf-8", newline="\n")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    try:
        os.setsid()
    except OSError:
        pass
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def answer(value):
        out.write(json.dumps(value, ensure_ascii=False, allow_nan=True) + "\n")
        out.flush()

    verbose = False

    def failure(kind, error):
        text = str(error).strip() or type(error).__name__
        first = next((line.strip() for line in text.splitlines() if line.strip()), text)
        if verbose:
            traceback.print_exc()
        answer({"ok": False, "kind": kind, "error": first})

    line = sys.stdin.readline()
    if not line:
        return
    setup = json.loads(line)
    verbose = setup.get("verbose", False)
    try:
        from pyspark.sql import SparkSession
        from pyspark.sql import functions as F
        from pyspark.sql import types as T
    except Exception as error:
        failure("install", error)
        return
    try:
        master = setup["master"]
        builder = SparkSession.builder.appName("leadq")
        if master.startswith("sc://"):
            builder = builder.remote(master)
        else:
            builder = builder.master(master)
            for key, value in setup["conf"].items():
                builder = builder.config(key, value)
        spark = builder.getOrCreate()
        if not master.startswith("sc://") and not verbose:
            spark.sparkContext.setLogLevel("ERROR")
        spark.conf.set("spark.sql.session.timeZone", setup["zone"])
    except Exception as error:
        failure("start", error)
        return

    kinds = {"timestamp": T.TimestampType(), "number": T.DoubleType(), "count": T.DoubleType(), "duration": T.LongType()}

    def read(file):
        names = spark.read.option("header", True).option("multiLine", True).option("escape", '"').csv(file["path"]).columns
        origin = {column["header"]: column for column in file["columns"]}
        schema = T.StructType([
            T.StructField(name, kinds.get(origin[name]["kind"], T.StringType()) if name in origin else T.StringType())
            for name in names])
        frame = (spark.read.schema(schema).option("header", True).option("mode", "FAILFAST").option("multiLine", True)
                 .option("escape", '"').option("timeZone", file["zone"]).csv(file["path"]))
        picked = []
        for column in file["columns"]:
            if column["header"] not in names:
                continue
            value = F.col("`" + column["header"].replace("`", "``") + "`")
            if column["kind"] == "text":
                value = F.when(value == "", F.lit(None)).otherwise(value)
            picked.append(value.alias(column["field"]))
        return frame.select(*picked)

    def column(frame, spec):
        value = F.col("`" + spec["header"].replace("`", "``") + "`")
        if spec["kind"] == "text":
            value = value.cast("string")
            value = F.when(value == "", F.lit(None)).otherwise(value)
        elif spec["kind"] in kinds:
            value = value.cast(kinds[spec["kind"]])
        return value.alias(spec["field"])

    def make(tables):
        for view, spec in tables.items():
            if "table" in spec:
                frame = spark.table(spec["table"])
                frame = frame.select(*[column(frame, c) for c in spec["columns"] if c["header"] in frame.columns])
            else:
                frame = None
                for file in spec["files"]:
                    part = read(file)
                    frame = part if frame is None else frame.unionByName(part, allowMissingColumns=True)
                if frame is None:
                    # No file (leads alone): an empty table of the fields.
                    frame = spark.createDataFrame([], T.StructType([
                        T.StructField(f["field"], kinds.get(f["kind"], T.StringType())) for f in spec.get("fields", [])]))
            if setup.get("cache"):
                frame = frame.cache()
            frame.createOrReplaceTempView(view)

    def sample(name, rows):
        frame = spark.table(name)
        picked = []
        for field in frame.schema.fields:
            value = F.col("`" + field.name.replace("`", "``") + "`")
            if isinstance(field.dataType, (T.TimestampType, T.TimestampNTZType)):
                value = F.date_format(value, "yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
            picked.append(value.cast("string"))
        text = io.StringIO()
        writer = csv.writer(text, lineterminator="\n")
        writer.writerow(frame.columns)
        for row in frame.select(*picked).limit(rows).collect():
            writer.writerow(["" if value is None else value for value in row])
        return text.getvalue()

    try:
        make(setup["tables"])
    except Exception as error:
        failure("tables", error)
        return
    def cancel():
        try:
            if master.startswith("sc://"):
                spark.interruptAll()
            else:
                spark.sparkContext.cancelAllJobs()
        except Exception:
            pass

    requests = queue.Queue()

    def reader():
        for line in sys.stdin:
            request = json.loads(line)
            if request.get("cancel"):
                cancel()
            else:
                requests.put(request)
        requests.put(None)

    threading.Thread(target=reader, daemon=True).start()
    answer({"ok": True, "version": spark.version})

    def cell(value, kind):
        if value is None:
            return None
        if kind == "timestamp":
            seconds, millis = divmod(value // 1000, 1000)
            moment = datetime.datetime(1970, 1, 1) + datetime.timedelta(seconds=seconds)
            return moment.strftime("%Y-%m-%d %H:%M:%S") + ".%03d" % millis
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, float):
            return repr(value)
        return str(value)

    while True:
        request = requests.get()
        if request is None:
            break
        if "sample" in request or "tables" in request:
            try:
                spark.conf.set("spark.sql.session.timeZone", "UTC")
                if "tables" in request:
                    make(request["tables"])
                    answer({"ok": True})
                else:
                    answer({"ok": True, "samples": {view: sample(name, request["rows"]) for view, name in request["sample"].items()}})
            except Exception as error:
                failure("tables", error)
            continue
        try:
            spark.conf.set("spark.sql.session.timeZone", request["zone"])
            frame = spark.sql(request["sql"])
            fields = frame.schema.fields
            names = [field.name for field in fields]
            frame = frame.toDF(*["c%d" % i for i in range(len(fields))])
            kinds_out, columns = [], []
            for index, field in enumerate(fields):
                column = F.col("c%d" % index)
                if isinstance(field.dataType, (T.TimestampType, T.TimestampNTZType)):
                    column = F.unix_micros(column.cast("timestamp"))
                    kinds_out.append("timestamp")
                else:
                    kinds_out.append("value")
                columns.append(column.alias("c%d" % index))
            rows = [[cell(row[i], kinds_out[i]) for i in range(len(fields))] for row in frame.select(*columns).collect()]
            answer({"ok": True, "columns": names, "rows": rows})
        except Exception as error:
            failure("statement", error)
    out.flush()
    os._exit(0)

main()
"""#
}
