# leadq — build, run and test.
SHELL := /bin/bash
#
#   make run     install libedit when missing, build release, open the demo data
#   make test    install libedit, libpq, PostgreSQL, chromium, duckdb-cli, pyspark and Java when missing,
#                run the test suite (with the differential suite: statements in memory, on DuckDB and on Spark)
#   make gen     write generated data (LEADS=1000000 OUT=/tmp/leadq-1m)
#   make bench   leadq against DuckDB on generated data (SIZE=1m, or 100k; ENGINES=1 adds bench-engines)
#   make bench-engines  the questions in memory and on PostgreSQL, DuckDB and Spark, compiled SQL beside hand-written
#   make fuzz    fuzz the language, the CSV reader and the shell (SECONDS=60 each)

SWIFT ?= swift
LEADS ?= 1000000
OUT ?= .build-data/$(LEADS)

SIZE ?= 1m
SECONDS ?= 60
FUZZ_FLAGS = -c release --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DLEADQ_FUZZ

.PHONY: run test build deps browser engines java postgres gen bench bench-engines fuzz clean

# libedit (line editing), libpq (PostgreSQL) and pkg-config, and the tz database
# for time zones, are the system packages leadq needs.
deps:
	@if ! pkg-config --exists libedit libpq 2>/dev/null; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO="sudo"; \
	    echo "Installing libedit-dev, libpq-dev and pkg-config (needed for line editing and PostgreSQL)…"; \
	    $$SUDO apt-get update -qq && \
	    $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libedit-dev libpq-dev pkg-config >/dev/null || exit 1; \
	  else \
	    echo "leadq needs libedit, libpq and pkg-config: install libedit-dev and libpq-dev (Debian, Ubuntu), libedit-devel and libpq-devel (Fedora) or libedit and libpq (Homebrew), then run make again." >&2; \
	    exit 1; \
	  fi; \
	fi

	@if [ ! -f /usr/share/zoneinfo/America/New_York ] && [ -z "$$TZDIR" ]; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO="sudo"; \
	    echo "Installing tzdata (the time zone rules set tz reads)…"; \
	    $$SUDO apt-get update -qq && \
	    $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tzdata >/dev/null || exit 1; \
	  else \
	    echo "leadq reads time zones from /usr/share/zoneinfo: install tzdata (or set TZDIR), then run make again." >&2; \
	    exit 1; \
	  fi; \
	fi

# The tests start a throwaway PostgreSQL server of their own: Debian's postgresql.
postgres:
	@if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO="sudo"; \
	    echo "Installing postgresql (the tests load data from a throwaway server)…"; \
	    $$SUDO apt-get update -qq && \
	    $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null || exit 1; \
	  else \
	    echo "the tests need a PostgreSQL server (initdb, pg_ctl, psql): install postgresql, then run make again." >&2; \
	    exit 1; \
	  fi; \
	fi

# The tests also open an HTML report in a real browser: Debian's chromium.
browser:
	@if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO="sudo"; \
	    echo "Installing chromium and fonts-liberation (the report test opens HTML in a real browser)…"; \
	    $$SUDO apt-get update -qq && \
	    $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null || exit 1; \
	  else \
	    echo "the tests need Chromium: install chromium (Debian, Ubuntu, Fedora) or Chromium.app, then run make again." >&2; \
	    exit 1; \
	  fi; \
	fi

# The engines the differential suite runs on: the duckdb program from PyPI's
# duckdb-cli and Apache Spark from pyspark (with Java 17 from Debian), in a
# virtual environment under .build-engines (on PATH for tests).
ENGINES_VENV := .build-engines/venv

engines: java
	@if [ ! -x $(ENGINES_VENV)/bin/duckdb ]; then \
	  echo "Installing duckdb-cli into $(ENGINES_VENV) (for --engine duckdb and the differential tests)…"; \
	  if ! python3 -m venv $(ENGINES_VENV) >/dev/null 2>&1; then \
	    rm -rf $(ENGINES_VENV); \
	    SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO="sudo"; \
	    $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null && \
	    python3 -m venv $(ENGINES_VENV) || exit 1; \
	  fi; \
	  $(ENGINES_VENV)/bin/pip install -q duckdb-cli || exit 1; \
	fi
	@if [ ! -x $(ENGINES_VENV)/bin/spark-sql ] || ! $(ENGINES_VENV)/bin/python -c "import grpc, pyarrow, pandas" >/dev/null 2>&1; then \
	  echo "Installing pyspark[connect] into $(ENGINES_VENV) (for --engine spark, Spark Connect and the differential tests)…"; \
	  $(ENGINES_VENV)/bin/pip install -q "pyspark[connect]" || exit 1; \
	fi

# Spark's JVM: Debian's Java 17 runtime.
java:
	@if ! command -v java >/dev/null 2>&1 && [ -z "$$JAVA_HOME" ]; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO="sudo"; \
	    echo "Installing openjdk-17-jre-headless (Spark runs on Java)…"; \
	    $$SUDO apt-get update -qq && \
	    $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless >/dev/null || exit 1; \
	  else \
	    echo "--engine spark and its tests need Java 17: install openjdk-17-jre-headless (Debian, Ubuntu) or a JDK, then run make again." >&2; \
	    exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build -c release

run: build
	.build/release/leadq

test: deps browser engines postgres
	PATH="$(CURDIR)/$(ENGINES_VENV)/bin:$$PATH" LEADQ_ENGINES=required $(SWIFT) test

# leadq and DuckDB side by side on generated data (SIZE=100k for a quick run).
bench: build
	python3 bench/run.py --size $(SIZE)
	@if [ -n "$(ENGINES)" ]; then $(MAKE) --no-print-directory bench-engines SIZE=$(SIZE); fi

# The six questions through leadq on every engine (a throwaway PostgreSQL
# server, duckdb, Spark local), each beside hand-written SQL on the same
# engine; Spark's rows take fewer runs (SPARK_RUNS).
SPARK_RUNS ?= 3
bench-engines: build engines postgres
	PATH="$(CURDIR)/$(ENGINES_VENV)/bin:$$PATH" python3 bench/engines.py --size $(SIZE) --spark-runs $(SPARK_RUNS)

# Fuzz the language, the CSV reader and the shell (dot commands, exports,
# .read; files stay in a scratch folder) for SECONDS each; new inputs and any
# crash land in .build-fuzz/ (the seed corpus in Fuzz/corpus is not changed).
# FUZZ_TARGETS picks some: make fuzz FUZZ_TARGETS=shell
FUZZ_TARGETS ?= query csv shell
fuzz: deps
	$(SWIFT) build $(FUZZ_FLAGS) --product FuzzQuery
	$(SWIFT) build $(FUZZ_FLAGS) --product FuzzCSV
	$(SWIFT) build $(FUZZ_FLAGS) --product FuzzShell
	@for target in $(FUZZ_TARGETS); do \
	  case $$target in query) name=FuzzQuery;; csv) name=FuzzCSV;; shell) name=FuzzShell;; *) echo "no fuzz target $$target"; exit 1;; esac; \
	  mkdir -p .build-fuzz/corpus-$$target .build-fuzz/crashes-$$target; \
	  echo "fuzzing $$name for $(SECONDS) s"; \
	  ASAN_OPTIONS=detect_leaks=0 $$PWD/.build-fuzz/release/$$name -max_total_time=$(SECONDS) -timeout=10 -rss_limit_mb=4096 -detect_leaks=0 \
	    -close_fd_mask=3 -artifact_prefix=$$PWD/.build-fuzz/crashes-$$target/ $$PWD/.build-fuzz/corpus-$$target $$PWD/Fuzz/corpus/$$target \
	    2>&1 | grep -E "^(#[0-9]+ +DONE|==[0-9]+==|SUMMARY|Done)|ERROR|crash" ; \
	  status=$${PIPESTATUS[0]}; \
	  if [ "$$status" != 0 ]; then echo "$$name found a failure (exit $$status): see .build-fuzz/crashes-$$target"; exit 1; fi; \
	done

gen: build
	.build/release/leadq gen --leads $(LEADS) --out $(OUT) --force

clean:
	rm -rf .build .build-*
