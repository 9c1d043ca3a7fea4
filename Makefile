# The two commands of the README's quick start: `make run` and `make test`; the desktop
# build `make dist` (dist/Briefer/) and `make install-desktop` (Linux application menu).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test lint bench bench-large dist install-desktop clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall whenever pyproject.toml changes.
$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(BIN)/briefer

test: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

# Style, the architecture contracts (pyproject's [tool.importlinter]) and the types
# (mypy, strict on core, ingest and export). .ci/run runs it before `make test`.
lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/mypy

# Every benchmark at sizes S and M (libraries are built once, then cached in
# ~/.cache/briefer-bench or $$BRIEFER_BENCH_CACHE). bench-large adds L: 100,000 sources
# (building it takes half an hour on two busy cores).
bench: $(VENV)/.installed-test
	$(BIN)/python -m bench

bench-large: $(VENV)/.installed-test
	$(BIN)/python -m bench library --sizes L
	$(BIN)/python -m bench keystroke --size L

# The one-folder desktop app, built by PyInstaller from briefer.spec, then its self-test.
dist: $(VENV)/.installed-test
	$(BIN)/pyinstaller --noconfirm --log-level WARN briefer.spec
	QT_QPA_PLATFORM=offscreen dist/Briefer/Briefer --self-test

# Linux: the .desktop file, AppStream metadata and icons, for this user. The menu entry
# starts dist/Briefer/Briefer when it is built, else the installed briefer-gui.
APP_ID        := io.github.briefer.Briefer
XDG_DATA_HOME ?= $(HOME)/.local/share
DESKTOP_EXEC  ?= $(if $(wildcard dist/Briefer/Briefer),$(abspath dist/Briefer/Briefer),$(abspath $(BIN)/briefer-gui))
ICON_SIZES    := 16 24 32 48 64 128 256 512

install-desktop:
	install -d "$(XDG_DATA_HOME)/applications" "$(XDG_DATA_HOME)/metainfo" \
		"$(XDG_DATA_HOME)/icons/hicolor/scalable/apps"
	sed 's|@EXEC@|$(DESKTOP_EXEC)|' resources/linux/$(APP_ID).desktop \
		> "$(XDG_DATA_HOME)/applications/$(APP_ID).desktop"
	install -m 644 resources/linux/$(APP_ID).metainfo.xml "$(XDG_DATA_HOME)/metainfo/"
	install -m 644 resources/app/briefer.svg \
		"$(XDG_DATA_HOME)/icons/hicolor/scalable/apps/$(APP_ID).svg"
	for s in $(ICON_SIZES); do \
		install -D -m 644 resources/app/briefer-$$s.png \
			"$(XDG_DATA_HOME)/icons/hicolor/$${s}x$${s}/apps/$(APP_ID).png"; \
	done
	if command -v update-desktop-database >/dev/null; then \
		update-desktop-database -q "$(XDG_DATA_HOME)/applications"; fi
	@echo "Briefer is in the application menu: $(XDG_DATA_HOME)/applications/$(APP_ID).desktop"

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
