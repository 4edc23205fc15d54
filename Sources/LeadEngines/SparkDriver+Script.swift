/// The Python program that holds the Spark session: it reads one JSON line
/// of setup (master, configuration, zones, the tables to make), answers it,
/// then reads one JSON line per statement and answers each with one JSON
/// line: the column names and the rows as text (timestamps as UTC text to
/// the millisecond, so no zone of the JVM or of Python shows through), or
/// the error's first line. Spark's own output goes to standard error. It
/// dies with leadq (PR_SET_PDEATHSIG; its JVM ends when its standard input
/// does) and ignores Ctrl-C; a thread reads the requests, so that a
/// `{"cancel": true}` line cancels the jobs of the statement under way.
extension SparkDriver {
    static let script = #"""
import datetime, json, os, queue, signal, sys, threading, traceback

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

    try:
        for view, spec in setup["tables"].items():
            if "table" in spec:
                frame = spark.table(spec["table"])
            else:
                frame = None
                for file in spec["files"]:
                    part = read(file)
                    frame = part if frame is None else frame.unionByName(part, allowMissingColumns=True)
            if setup.get("cache"):
                frame = frame.cache()
            frame.createOrReplaceTempView(view)
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
