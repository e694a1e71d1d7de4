#!/usr/bin/env bash
# SRB-Monitor: install into .venv (inside the project) from the lock, then start the app or run every test.
#   bash scripts/run.sh app    [Streamlit-Optionen, z. B. --server.address 0.0.0.0]
#   bash scripts/run.sh tests  [pytest-Optionen]
# Nothing is installed outside .venv, except Debian packages the machine lacks (python3-venv for the
# virtual environment, chromium for the browser tests), with apt-get as root or via sudo.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '%s\n' "$*" >&2; }
what=${1:-}
case "$what" in
  app) lock=requirements.lock ;;
  tests) lock=requirements-dev.lock ;;
  *) say "Aufruf: bash scripts/run.sh app|tests [weitere Optionen]"; exit 2 ;;
esac
shift

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else return 1
  fi
}

apt_install() {  # apt_install REASON PACKAGE...
  local reason=$1; shift
  if ! command -v apt-get >/dev/null 2>&1; then return 1; fi
  say "Installiere mit apt-get: $* ($reason)."
  as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

find_python() {
  local candidate
  for candidate in ${PYTHON:-} python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  say "Fehler: Python 3.11 wurde nicht gefunden (python3.11 oder python3). Unter Debian 12: apt-get install python3."
  exit 1
}

if [ ! -x .venv/bin/python ]; then
  python=$(find_python)
  if ! "$python" -m venv .venv >/dev/null 2>&1; then
    # Debian's own Python ships venv without ensurepip; the package python3-venv adds it.
    rm -rf .venv
    apt_install "für die virtuelle Umgebung .venv" python3-venv ||
      { say "Fehler: Die virtuelle Umgebung kann nicht angelegt werden. Bitte 'apt-get install python3-venv' ausführen."; exit 1; }
    "$python" -m venv .venv
  fi
fi

# Install only when the lock changed since the last install; --no-deps because the lock is complete.
# The test lock contains the app lock, so after the tests were installed the app needs nothing more.
stamp=.venv/.srb-lock
lock_id() { echo "$1 $(sha256sum "$1" | cut -d' ' -f1)"; }
have=$(cat "$stamp" 2>/dev/null || true)
if [ "$have" != "$(lock_id "$lock")" ] && ! { [ "$what" = app ] && [ "$have" = "$(lock_id requirements-dev.lock)" ]; }; then
  say "Installiere die Pakete aus $lock in .venv …"
  .venv/bin/python -m pip install -q --disable-pip-version-check --require-hashes --no-deps -r "$lock"
  .venv/bin/python scripts/check_lock.py --sync "$lock"
  lock_id "$lock" > "$stamp"
fi

if [ "$what" = app ]; then
  exec .venv/bin/python -m streamlit run app.py "$@"
fi

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium fonts-dejavu-core)
[ -x /usr/sbin/nginx ] || missing+=(nginx-light)
# Playwright's bundled Node.js needs libatomic, which a minimal Debian does not have.
/sbin/ldconfig -p 2>/dev/null | grep -q 'libatomic\.so\.1' || missing+=(libatomic1)
if [ ${#missing[@]} -gt 0 ]; then
  apt_install "für die Browser-Tests und den Test der Raum-Konfiguration" "${missing[@]}" ||
    say "Hinweis: Ohne Chromium und nginx werden diese Tests übersprungen (in CI sind sie Pflicht)."
  # Debian starts the packaged nginx on port 80; the tests start their own.
  { command -v systemctl >/dev/null 2>&1 && as_root systemctl disable --now nginx >/dev/null 2>&1; } ||
    as_root /usr/sbin/nginx -s stop >/dev/null 2>&1 || true
fi
.venv/bin/python -m ruff check .
.venv/bin/python -m mypy
exec .venv/bin/python -m pytest "$@"
