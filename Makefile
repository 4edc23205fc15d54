# leadq — build, run and test.
#
#   make run     install libedit when missing, build release, open the demo data
#   make test    install libedit when missing, run the test suite
#   make gen     write generated data (LEADS=1000000 OUT=/tmp/leadq-1m)
#   make bench   leadq against DuckDB on generated data (SIZE=1m, or 100k)

SWIFT ?= swift
LEADS ?= 1000000
OUT ?= .build-data/$(LEADS)

SIZE ?= 1m

.PHONY: run test build deps gen bench clean

# libedit and pkg-config are the only system packages leadq needs.
deps:
	@if ! pkg-config --exists libedit 2>/dev/null; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO="sudo"; \
	    echo "Installing libedit-dev and pkg-config (needed for line editing)…"; \
	    $$SUDO apt-get update -qq && \
	    $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libedit-dev pkg-config >/dev/null || exit 1; \
	  else \
	    echo "leadq needs libedit and pkg-config: install libedit-dev (Debian, Ubuntu), libedit-devel (Fedora) or libedit (Homebrew), then run make again." >&2; \
	    exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build -c release

run: build
	.build/release/leadq

test: deps
	$(SWIFT) test

# leadq and DuckDB side by side on generated data (SIZE=100k for a quick run).
bench: build
	python3 bench/run.py --size $(SIZE)

gen: build
	.build/release/leadq gen --leads $(LEADS) --out $(OUT)

clean:
	rm -rf .build .build-*
