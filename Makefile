# Two commands do everything on a fresh Debian machine:
#   make run    set up (if needed) and start the kiosk on the bundled exhibit
#   make test   set up (if needed) and run the whole test suite
# Set-up is idempotent: Debian libraries are installed only when missing,
# the virtual environment only when it is stale.

VENV     ?= .venv
PYTHON   ?= python3
PY       := $(VENV)/bin/python
STAMP    := $(VENV)/.installed
DEB_PKGS := xvfb xdotool libegl1 libgl1 libxkbcommon-x11-0 libxcb-cursor0 \
            libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 \
            libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 \
            libpulse0 libfontconfig1 libdbus-1-3 fonts-inter python3-venv imagemagick poppler-utils \
            espeak-ng ffmpeg x11-xserver-utils
# Only the tests need these: real engines to test narration against.
TEST_DEB_PKGS := speech-dispatcher speech-dispatcher-espeak-ng pulseaudio at-spi2-core dbus-x11 python3-pyatspi prometheus git \
                 cage grim wtype xwayland libwayland-cursor0 orca ddcutil

.PHONY: run test lint setup system-deps test-deps narration clean

run: setup narration
	@$(PY) -m compileall -q kiosk >/dev/null  # bytecode even where PYTHONDONTWRITEBYTECODE is set: a quicker start
	MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=131072 $(VENV)/bin/kiosk run $(ARGS)  # see kiosk/service.py

# The bundled exhibit's recorded narration: a few seconds the first time, nothing after.
narration: setup
	-@$(VENV)/bin/kiosk narrate

test: setup test-deps lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

# Lint, format and types at zero findings: the test command fails on any regression.
lint: setup
	$(VENV)/bin/ruff check kiosk tests tools
	$(VENV)/bin/ruff format --check kiosk tests tools
	$(VENV)/bin/mypy

test-deps:
	@bash tools/install-debian-deps.sh $(TEST_DEB_PKGS)

setup: system-deps $(STAMP)

system-deps:
	@bash tools/install-debian-deps.sh $(DEB_PKGS)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	$(PY) tools/slim_qt.py $(VENV) >/dev/null  # Qt without the parts never loaded: 640 -> 200 MiB (README)
	touch $(STAMP)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
