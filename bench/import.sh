#!/usr/bin/env bash
# Times importing an .xlsx of information systems through POST /api/v1/systems/import (mode=commit):
# issue 4's budget is 25,000 rows in at most 10 s. Test-independent; prints the figure and `uptime`.
#
#   bench/import.sh [--postgres] [--rows 25000] [--people 2000] [--units 100] [--no-publish]
#
# Uses SQLite in a temporary folder (or, with --postgres, a throwaway PostgreSQL server from
# scripts/pg-start.sh) and the published build in bench/out (like bench/run.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
OUT="$ROOT/bench/out"
ROWS=25000 PEOPLE=2000 UNITS=100 PUBLISH=1 PROVIDER=Sqlite
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rows) ROWS="$2"; shift 2 ;;
    --people) PEOPLE="$2"; shift 2 ;;
    --units) UNITS="$2"; shift 2 ;;
    --no-publish) PUBLISH=0; shift ;;
    --postgres) PROVIDER=Postgres; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
say() { printf '%s\n' "$*" >&2; }
WORK="$(mktemp -d)" SERVER_PID=""
# shellcheck source=../scripts/pg-start.sh
source "$ROOT/scripts/pg-start.sh"
cleanup() {
  if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  tillit_pg_stop
  rm -rf "$WORK"
}
trap cleanup EXIT
if [[ "$PUBLISH" -eq 1 || ! -f "$OUT/tillit.dll" ]]; then
  say "Publishing Tillit in Release to bench/out..."
  dotnet publish "$ROOT/src/Tillit.Web" -c Release -o "$OUT" --nologo -v quiet >"$WORK/publish.log" 2>&1 || { cat "$WORK/publish.log" >&2; exit 1; }
fi
if [[ "$PROVIDER" == Postgres ]]; then
  tillit_pg_start
  CONNECTION="$TILLIT_TEST_POSTGRES;Database=tillit_import"
else
  CONNECTION="Data Source=$WORK/bench.db"
fi
export Database__Provider="$PROVIDER" Database__ConnectionString="$CONNECTION"
export Tillit__BenchMode=true Tillit__SeedDemoOnEmptyDatabase=false Security__RequireSecondFactorForPrivilegedRoles=false Security__HttpsOnlyCookies=false
export Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production DOTNET_NOLOGO=1
tillit() { (cd "$OUT" && dotnet tillit.dll "$@"); }
say "Generating an organisation ($PEOPLE people, $UNITS units)..."
tillit bench generate --people "$PEOPLE" --units "$UNITS" >"$WORK/generate.log" 2>&1 || { cat "$WORK/generate.log" >&2; exit 1; }
OFFICER="$(awk '$1 == "SecurityOfficer" { print $2; exit }' "$WORK/generate.log")"
TOKEN="$(tillit admin create-token --email "$OFFICER" --name bench | tail -n 1)"
tillit bench import-file --rows "$ROWS" --out "$WORK/import.xlsx" >&2
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
BASE="http://127.0.0.1:$PORT"
(cd "$OUT" && exec dotnet tillit.dll --urls "$BASE") >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do curl -fsS -o /dev/null "$BASE/health/ready" 2>/dev/null && break; sleep 0.5; done
# One warm-up validation of a small file would skew nothing here: the figure is the first, cold import.
say "Importing $ROWS rows ($(du -h "$WORK/import.xlsx" | cut -f1)) on $PROVIDER..."
LOAD_BEFORE="$(cat /proc/loadavg)"
# The server's CPU time (user + system, clock ticks) around the request: on a shared machine the wall time
# grows with the load, the CPU time much less.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat"; }
CPU_BEFORE="$(cpu_ticks)"
result="$(curl -sS -o "$WORK/response.json" -w '%{http_code} %{time_total}' -H "Authorization: Bearer $TOKEN" \
  -F "file=@$WORK/import.xlsx" "$BASE/api/v1/systems/import?mode=commit")"
status="${result%% *}" seconds="${result##* }"
CPU_SECONDS="$(python3 -c "import os,sys; print(f'{(int(sys.argv[2]) - int(sys.argv[1])) / os.sysconf(\"SC_CLK_TCK\"):.1f}')" "$CPU_BEFORE" "$(cpu_ticks)")"
[[ "$status" == 200 ]] || { say "import failed: $status"; head -c 2000 "$WORK/response.json" >&2; exit 1; }
created="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["created"])' "$WORK/response.json")"
echo "Imported $created of $ROWS rows from .xlsx in $seconds s on $PROVIDER (budget 10 s); the server used $CPU_SECONDS s of CPU meanwhile."
echo "Load (/proc/loadavg) before: $LOAD_BEFORE; after: $(cat /proc/loadavg)"
# The chain (not --state: the generator writes its rows without events, as a fill outside the trail).
tillit audit verify >"$WORK/verify.log" 2>&1 || { say "audit verify failed:"; tail -n 5 "$WORK/verify.log" >&2; exit 1; }
echo "audit verify: $(grep -v '^ *$' "$WORK/verify.log" | tail -n 3 | tr '\n' ' ')"
