#!/usr/bin/env bash
# Start N SRB-Monitor processes and nginx in front of them (sticky sessions, shared stores).
#   bash deploy/room.sh [N=2]                  → http://127.0.0.1:8500, only this computer
#   SRB_ROOM_LISTEN=0.0.0.0:8500 bash deploy/room.sh 2   → the whole meeting-room network (see README)
# Needs nginx (Debian: apt-get install nginx-light) and the app's .venv (bash scripts/run.sh app once).
# Ctrl+C stops nginx and every app process.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2}
listen=${SRB_ROOM_LISTEN:-127.0.0.1:8500}
first_port=${SRB_ROOM_FIRST_PORT:-8601}
prefix=${SRB_ROOM_DIR:-$PWD/var/room}
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || { echo "Fehler: nginx fehlt (apt-get install nginx-light)." >&2; exit 1; }
mkdir -p "$prefix"
# Every process uses the same scenario database, so a scenario saved in one is listed in all.
export SRB_SZENARIO_DB=${SRB_SZENARIO_DB:-$PWD/var/szenarien.sqlite}
export SRB_BIBLIOTHEK_DB=${SRB_BIBLIOTHEK_DB:-$PWD/var/bibliothek.sqlite}  # and the same data library

pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

servers=""
for i in $(seq 0 $((n - 1))); do
  port=$((first_port + i))
  .venv/bin/python -m streamlit run app.py --server.port "$port" --server.address 127.0.0.1 \
      > "$prefix/app-$port.log" 2>&1 &
  pids+=($!)
  servers+="        server 127.0.0.1:$port;"$'\n'
done
for i in $(seq 0 $((n - 1))); do
  port=$((first_port + i))
  for _ in $(seq 1 120); do
    if .venv/bin/python -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$port/_stcore/health', timeout=1)" 2>/dev/null; then break; fi
    sleep 0.5
  done
done
sed -e "s|@LISTEN@|$listen|" -e "s|@PREFIX@|$prefix|g" deploy/nginx.conf.in |
  awk -v servers="$servers" '{ if ($0 == "@SERVERS@") printf "%s", servers; else print }' > "$prefix/nginx.conf"
echo "SRB-Monitor für den Raum: http://$listen ($n App-Prozesse, Protokolle in $prefix)" >&2
PATH=$PATH:/usr/sbin nginx -p "$prefix" -c "$prefix/nginx.conf" &
pids+=($!)
wait
