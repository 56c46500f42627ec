# Glassbox build and test entry points. `make help` lists them.
#
# Everything cgo (go-gl, GLFW, Gio's GPU backends) needs the Debian packages
# that scripts/setup.sh installs; every target that builds runs it first.
# It returns at once when nothing is missing.

GO       ?= go
BIN      := bin
BROWSER  := $(BIN)/browser
# How long each fuzz target runs under `make fuzz`.
FUZZTIME ?= 10s
# How many inputs each parser fuzz target tries inside `make test` (a few
# seconds each). A count rather than a time: with a duration, Go 1.26's
# fuzzing coordinator can fail a clean run with "context deadline exceeded"
# as the time runs out (golang.org/issue/75804, fixed in Go 1.27).
FUZZSMOKE ?= 20000x
# Extra flags for go test, e.g. TESTFLAGS=-race or TESTFLAGS='-run Window -v'.
TESTFLAGS ?=

# Where the shared conformance suites and benchmarks live.
SHARED   ?= ../shared

.PHONY: all help setup build run test vet fmt-check fuzz fuzz-smoke reftest test262 wpt clean

all: build

help:
	@echo "make build      build ./cmd/browser into $(BROWSER)"
	@echo "make run        build and open the browser on its start page (needs a display)"
	@echo "make test       go vet, then all tests under xvfb-run (window tests need X)"
	@echo "make fmt-check  fail if gofmt would change any file"
	@echo "make fuzz       run each fuzz target for FUZZTIME (now $(FUZZTIME))"
	@echo "make fuzz-smoke run the parser fuzz targets for FUZZSMOKE (part of make test)"
	@echo "make reftest    run the CSS WG reftests in $(SHARED)/conformance/csswg (minutes)"
	@echo "make test262    run test262 in $(SHARED)/conformance/test262 (long)"
	@echo "make wpt        run the web-platform-tests in $(SHARED)/conformance/wpt (dom, html/webappapis)"
	@echo "make setup      install missing Debian packages (scripts/setup.sh)"

setup:
	@scripts/setup.sh

build: setup
	$(GO) build -o $(BROWSER) ./cmd/browser

# The browser needs an X display for its window. Say so plainly instead of
# letting GLFW fail somewhere inside.
run: build
	@if [ -z "$$DISPLAY" ]; then \
		echo "make run: no display (DISPLAY is not set)."; \
		echo "  Run it under a virtual X server:  xvfb-run -a make run"; \
		echo "  or render offscreen instead:      $(BROWSER) -headless -screenshot page.png"; \
		exit 1; \
	fi
	$(BROWSER)

vet: setup
	$(GO) vet ./...

# xvfb-run gives the window tests an X server; headless tests use EGL's
# surfaceless platform and would pass without it. -a picks a free display
# number, searching from a random start: two runs that both start at :99
# can race for it, and the loser's Xvfb removes the winner's socket.
test: setup vet
	xvfb-run -a -n $$(shuf -i 100-899 -n 1) $(GO) test $(TESTFLAGS) ./...
	@$(MAKE) --no-print-directory fuzz-smoke

# A few seconds of fuzzing for each parser that takes input from the web:
# HTML to DOM, CSS parsing and the cascade over arbitrary CSS.
fuzz-smoke:
	$(GO) test -run='^$$' -fuzz='^FuzzParse$$' -fuzztime=$(FUZZSMOKE) ./engine/html
	$(GO) test -run='^$$' -fuzz='^FuzzParse$$' -fuzztime=$(FUZZSMOKE) ./engine/css
	$(GO) test -run='^$$' -fuzz='^FuzzCompute$$' -fuzztime=$(FUZZSMOKE) ./engine/style

fmt-check:
	@out="$$(gofmt -l $$(git ls-files --cached --others --exclude-standard '*.go'))"; \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

# Each FuzzXxx function in each package, one at a time: go test -fuzz takes
# a single target.
fuzz: setup
	@set -e; \
	for f in $$(grep -rl --include='*_test.go' '^func Fuzz' .); do \
		dir=$$(dirname $$f); \
		for name in $$(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' $$f); do \
			echo "fuzz $$dir $$name ($(FUZZTIME))"; \
			$(GO) test -run='^$$' -fuzz="^$$name$$" -fuzztime=$(FUZZTIME) $$dir; \
		done; \
	done

# The conformance suites take minutes, so they are targets of their own and
# not part of make test. docs/conformance.md records their figures.
reftest: setup
	$(GO) run ./cmd/reftest -root $(SHARED)/conformance/csswg -j 2 -compare chromium

test262: setup
	$(GO) run ./cmd/test262 -root $(SHARED)/conformance/test262

wpt: setup
	$(GO) run ./cmd/wpt -root $(SHARED)/conformance/wpt -j 2 dom html/webappapis

clean:
	rm -rf $(BIN)
