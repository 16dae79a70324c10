# The two commands: `make demo` and `make test`. Both create .venv when missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Debian packages the end-to-end tests drive as real peers:
# baresip places SIP calls, kamailio is a real registrar, pdftoppm renders PDFs.
# desktop-file-validate and appstreamcli check the Linux desktop integration;
# strace proves the journal is synced before a call is announced.
# Xvfb and openbox are the real window system (a screen and a window manager)
# the desk is started and quit in, many times (tests/ui/test_quit_cleanly.py).
SYSDEPS := baresip:baresip kamailio:kamailio pdftoppm:poppler-utils \
	desktop-file-validate:desktop-file-utils appstreamcli:appstream strace:strace \
	Xvfb:xvfb openbox:openbox
# Libraries, not commands: what Qt's xcb platform plugin loads (PySide6 ships
# the plugin, not these), checked with dpkg.
SYSLIBS := libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 \
	libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1

.PHONY: demo test sysdeps lint clean bundle

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

demo: $(STAMP)
	$(BIN)/customscreen demo

# Install the Debian peers the tests need, when this machine lets us.
sysdeps:
	@missing=""; \
	for pair in $(SYSDEPS); do \
	  cmd=$${pair%%:*}; pkg=$${pair#*:}; \
	  command -v $$cmd >/dev/null 2>&1 || missing="$$missing $$pkg"; \
	done; \
	for pkg in $(SYSLIBS); do \
	  dpkg-query -W -f='$${Status}' $$pkg 2>/dev/null | grep -q 'ok installed' \
	    || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    echo "installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "missing Debian packages:$$missing (install them as root to run every test)"; exit 1; \
	  fi; \
	fi

test: $(STAMP) sysdeps
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider

# The one-folder bundle in dist/customscreen/ (PyInstaller; see packaging/customscreen.spec).
bundle: $(STAMP)
	$(BIN)/python -c "import PyInstaller" 2>/dev/null || $(BIN)/python -m pip install -q 'pyinstaller>=6.10'
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist \
	  --workpath build/pyinstaller packaging/customscreen.spec

lint: $(STAMP)
	$(BIN)/ruff check app customscreen telephony ui tests
	$(BIN)/mypy app customscreen telephony

clean:
	rm -rf $(VENV) build dist *.egg-info demo-shots
