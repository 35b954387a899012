#!/usr/bin/env bash
# Tillit's benchmark: the large municipality (50,000 people with accounts, 400 units) on a fresh
# database, Tillit in Release, wrk at 32 connections against every page and API list and against
# the bench-mode baseline (/bench/baseline: one raw SQL query of 12 rows as an HTML table).
#
# Usage: bench/run.sh [--postgres] [--duration 10s] [--connections 32] [--threads 2]
#                     [--people 50000] [--units 400] [--warmup 5s] [--only REGEX] [--no-publish]
#   --postgres      run on a throwaway PostgreSQL server (scripts/pg-start.sh) instead of SQLite
#   --duration D    wrk duration per endpoint (default 10s)
#   --warmup D      wrk duration per endpoint in the warm-up pass before measuring (default 5s)
#   --only REGEX    measure only the endpoints whose path matches (the baseline always runs)
#   --no-publish    reuse bench/out from an earlier run
#   --no-audit-pass skip the pass over the protected pages with and without read auditing
#   --audit-rounds N  rounds of that pass: audited and unaudited measured in turns (default 3)
# Prints one line per endpoint: requests/s, p50, p99, the baseline's requests/s in a run just
# before it and the ratio to that, SQL commands per request, the highest resident memory sampled during that endpoint's run, the machine's load
# average, and which budget it misses. The table is also written to bench/results/. Everything
# started is stopped at the end.
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
OUT="$ROOT/bench/out"
RESULTS="$ROOT/bench/results"

PROVIDER=Sqlite DURATION=10s CONNECTIONS=32 THREADS=2 PEOPLE=50000 UNITS=400 WARMUP=5s ONLY="" PUBLISH=1 AUDIT_PASS=1 AUDIT_ROUNDS=3
while [[ $# -gt 0 ]]; do
  case "$1" in
    --postgres) PROVIDER=Postgres; shift ;;
    --duration) DURATION="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --people) PEOPLE="$2"; shift 2 ;;
    --units) UNITS="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --only) ONLY="$2"; shift 2 ;;
    --no-publish) PUBLISH=0; shift ;;
    --no-audit-pass) AUDIT_PASS=0; shift ;;
    --audit-rounds) AUDIT_ROUNDS="$2"; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

# Budgets of the foundation issue.
MIN_RATIO=0.15 MAX_P99_MS=100 MAX_SQL=10 MAX_RSS_MB=400

say() { printf '%s\n' "$*" >&2; }

# ---------------------------------------------------------------- tools
if ! command -v wrk >/dev/null; then
  if [[ "$(id -u)" -eq 0 ]]; then
    say "Installing wrk (Debian package)..."
    apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
  else
    say "wrk is missing: install the Debian package 'wrk' (apt-get install wrk) or run as root"; exit 1
  fi
fi
for tool in curl python3 dotnet; do
  command -v "$tool" >/dev/null || { say "$tool is missing"; exit 1; }
done

# ---------------------------------------------------------------- clean-up
WORK="$(mktemp -d /tmp/tillit-bench.XXXXXXXX)"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
SERVER_PID="" SAMPLER_PID="" OFF_PID=""
# shellcheck source=../scripts/pg-start.sh
source "$ROOT/scripts/pg-start.sh"
cleanup() {
  [[ -n "$SAMPLER_PID" ]] && kill "$SAMPLER_PID" 2>/dev/null || true
  if [[ -n "$OFF_PID" ]] && kill -0 "$OFF_PID" 2>/dev/null; then
    kill "$OFF_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$OFF_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$OFF_PID" 2>/dev/null || true
  fi
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
  fi
  tillit_pg_stop
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- build
if [[ "$PUBLISH" -eq 1 || ! -f "$OUT/tillit.dll" ]]; then
  say "Publishing Tillit in Release to bench/out..."
  dotnet publish "$ROOT/src/Tillit.Web" -c Release -o "$OUT" --nologo -v quiet >"$WORK/publish.log" 2>&1 \
    || { cat "$WORK/publish.log" >&2; exit 1; }
fi

# ---------------------------------------------------------------- database
if [[ "$PROVIDER" == Postgres ]]; then
  tillit_pg_start
  CONNECTION="$TILLIT_TEST_POSTGRES;Database=tillit_bench;Maximum Pool Size=100"
else
  CONNECTION="Data Source=$WORK/tillit-bench.db"
fi
export Database__Provider="$PROVIDER" Database__ConnectionString="$CONNECTION"
export Tillit__BenchMode=true Tillit__ExposeSqlCommandCount=true Tillit__SeedDemoOnEmptyDatabase=false
export Security__RequireSecondFactorForPrivilegedRoles=false Security__HttpsOnlyCookies=false
export Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production DOTNET_NOLOGO=1

tillit() { (cd "$OUT" && dotnet tillit.dll "$@"); }

say "Generating the large municipality ($PEOPLE people, $UNITS units) on $PROVIDER..."
start=$(date +%s.%N)
tillit bench generate --people "$PEOPLE" --units "$UNITS" >"$WORK/generate.log" 2>&1 || { cat "$WORK/generate.log" >&2; exit 1; }
GENERATE_SECONDS=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$start" "$(date +%s.%N)")
sed 's/^/  /' "$WORK/generate.log" | grep -v '^  Password' >&2
PASSWORD="$(sed -n 's/^Password of every account: //p' "$WORK/generate.log")"
account() { awk -v r="$1" '$1 == r { print $2; exit }' "$WORK/generate.log"; }
OFFICER="$(account SecurityOfficer)" ADMIN="$(account Administrator)"
[[ -n "$PASSWORD" && -n "$OFFICER" && -n "$ADMIN" ]] || { say "could not read the accounts from the generator's output"; exit 1; }

OFFICER_TOKEN="$(tillit admin create-token --email "$OFFICER" --name bench | tail -n 1)"
ADMIN_TOKEN="$(tillit admin create-token --email "$ADMIN" --name bench | tail -n 1)"

# ---------------------------------------------------------------- server
PORT="$(tillit_pg_free_port)"
BASE="http://127.0.0.1:$PORT"
start_server() { # extra environment assignments for this start, e.g. Audit__AuditReads=false
  (cd "$OUT" && exec env "$@" dotnet tillit.dll --urls "$BASE") >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "$BASE/health/ready" 2>/dev/null && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
    sleep 0.5
  done
  curl -fsS -o /dev/null "$BASE/health/ready" || { say "Tillit did not become ready"; cat "$WORK/server.log" >&2; exit 1; }
}
stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}
start_server

# Signs in through the form (antiforgery token and all) and prints the session cookie header.
sign_in() {
  local email="$1" jar="$WORK/jar.$RANDOM" token status
  token="$(curl -fsS -c "$jar" -b "$jar" "$BASE/account/sign-in" \
    | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n 1)"
  [[ -n "$token" ]] || { say "no antiforgery token on the sign-in page"; return 1; }
  status="$(curl -sS -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
    --data-urlencode "Input.Email=$email" --data-urlencode "Input.Password=$PASSWORD" \
    --data-urlencode "__RequestVerificationToken=$token" "$BASE/account/sign-in")"
  [[ "$status" == 302 ]] || { say "sign-in as $email answered $status"; return 1; }
  awk '$6 == "Tillit" { print "Cookie: Tillit=" $7 }' "$jar"
}
OFFICER_COOKIE="$(sign_in "$OFFICER")"
ADMIN_COOKIE="$(sign_in "$ADMIN")"
[[ -n "$OFFICER_COOKIE" && -n "$ADMIN_COOKIE" ]] || { say "sign-in gave no session cookie"; exit 1; }

status_of() { curl -sS -o /dev/null -w '%{http_code}' -H "$2" "$BASE$1"; }
# SQL commands of a request: the least of three, so that a request that happened to renew a cached value (a minute
# old) does not count that value's queries as the page's own.
sql_of() {
  for _ in 1 2 3; do curl -sS -D - -o /dev/null -H "$2" "$BASE$1" | tr -d '\r' | awk 'tolower($1) == "x-tillit-sql-commands:" { print $2 }'; done | sort -n | head -n 1
}
json_id() { # first item id of a list endpoint, preferring the given field/value
  curl -sS -H "$2" "$BASE$1" | python3 -c '
import json, sys
want = sys.argv[1:]
try:
    items = json.load(sys.stdin).get("items", [])
except ValueError:
    items = []
pick = [i for i in items if len(want) == 2 and str(i.get(want[0])) == want[1]] or items
print(pick[0]["id"] if pick else "")' "${@:3}"
}

# Ids for detail pages, read through the API like a client would.
UNIT_ID="$(json_id "/api/v1/units?sort=kind&pageSize=200" "Authorization: Bearer $OFFICER_TOKEN" kind Department)"
[[ -n "$UNIT_ID" ]] || UNIT_ID="$(json_id "/api/v1/units?sort=kind&pageSize=200" "Authorization: Bearer $OFFICER_TOKEN" kind 4)"
PERSON_ID="$(json_id "/api/v1/people?page=2" "Authorization: Bearer $OFFICER_TOKEN")"
ASSIGNMENT_ID="$(json_id "/api/v1/role-assignments?page=2" "Authorization: Bearer $OFFICER_TOKEN")"
DOCUMENT_ID="$(json_id "/api/v1/documents" "Authorization: Bearer $OFFICER_TOKEN")"
SYSTEM_ID="$(json_id "/api/v1/systems?page=3" "Authorization: Bearer $OFFICER_TOKEN")"
SET_ID="$(json_id "/api/v1/information-sets?page=30&state=Valid" "Authorization: Bearer $OFFICER_TOKEN")"
REQUIREMENT_ID="$(json_id "/api/v1/requirements" "Authorization: Bearer $OFFICER_TOKEN")"
MEASURE_ID="$(json_id "/api/v1/measures?page=100" "Authorization: Bearer $OFFICER_TOKEN")"
AGREEMENT_ID="$(json_id "/api/v1/agreements?page=50" "Authorization: Bearer $OFFICER_TOKEN")"
LAW_ID="$(json_id "/api/v1/laws?page=2" "Authorization: Bearer $OFFICER_TOKEN")"
ANALYSIS_ID="$(json_id "/api/v1/risk-analyses?page=3&status=Approved" "Authorization: Bearer $OFFICER_TOKEN")"
INCIDENT_ID="$(json_id "/api/v1/incidents?page=10&status=Closed" "Authorization: Bearer $OFFICER_TOKEN")"
CAMPAIGN_ID="$(json_id "/api/v1/acknowledgement-campaigns?pageSize=100" "Authorization: Bearer $OFFICER_TOKEN" audienceKind Everyone)"
[[ -n "$CAMPAIGN_ID" ]] || CAMPAIGN_ID="$(json_id "/api/v1/acknowledgement-campaigns?pageSize=100" "Authorization: Bearer $OFFICER_TOKEN" audienceKind 0)"
# A risk's page needs its analysis too: "{analysis}/risks/{risk}" from the register.
RISK_REF="$(curl -sS -H "Authorization: Bearer $OFFICER_TOKEN" "$BASE/api/v1/risks?page=5" | python3 -c '
import json, sys
try:
    items = json.load(sys.stdin).get("items", [])
except ValueError:
    items = []
print(items[0]["analysisId"] + "/risks/" + items[0]["id"] if items else "")')"
RISK_ID="${RISK_REF##*/}"
# Exercises and courses have no API: the first one linked from the list page.
COURSE_ID="$(curl -sS -H "$OFFICER_COOKIE" "$BASE/training?page=2" | grep -o '/training/[0-9a-f-]\{36\}' | head -n 1 | cut -d/ -f3)"
EXERCISE_ID="$(curl -sS -H "$OFFICER_COOKIE" "$BASE/exercises?page=5" | grep -o '/exercises/[0-9a-f-]\{36\}' | head -n 1 | cut -d/ -f3)"

# Every page and API list of the running app; those that do not answer 200 are skipped with a note.
ENDPOINTS=(
  / /units "/units?page=3&sort=kind" "/units?q=skolan" "/units/$UNIT_ID" /units/new "/units/$UNIT_ID/edit"
  /people "/people?page=300&sort=name" "/people?q=anna" "/people/$PERSON_ID" /people/new "/people/$PERSON_ID/edit"
  "/people/$PERSON_ID/account"
  /roles "/roles?page=3" "/roles/$ASSIGNMENT_ID" /roles/new /documents "/documents/$DOCUMENT_ID"
  /audit /account/activity /account/tokens /account/tokens/new /api-docs
  /api/v1/units "/api/v1/units?page=3&sort=kind" "/api/v1/units/$UNIT_ID"
  /api/v1/people "/api/v1/people?page=300&sort=name" "/api/v1/people?q=anna" "/api/v1/people/$PERSON_ID"
  /api/v1/role-assignments "/api/v1/role-assignments?page=3" "/api/v1/role-assignments/$ASSIGNMENT_ID"
  /api/v1/documents /api/v1/audit-events /api/v1/me
  /systems "/systems?page=20&sort=need&desc=true" "/systems?gap=NoOwner" "/systems?q=journal" "/systems/$SYSTEM_ID" /systems/new
  "/systems/$SYSTEM_ID/edit" /information-sets "/information-sets?page=200" "/information-sets?state=Stale" "/information-sets?q=beslut"
  "/information-sets/$SET_ID" /information-sets/new "/information-sets/$SET_ID/edit"
  /api/v1/systems "/api/v1/systems?page=20&sort=need" "/api/v1/systems?gap=NoOwner" "/api/v1/systems/$SYSTEM_ID"
  /api/v1/information-sets "/api/v1/information-sets?page=200" "/api/v1/information-sets?state=Never" "/api/v1/information-sets/$SET_ID"
  /requirements "/requirements/$REQUIREMENT_ID" /requirements/applicability "/requirements/applicability?page=2"
  "/systems/$SYSTEM_ID/requirements" "/systems/$SYSTEM_ID/requirements/$REQUIREMENT_ID" "/systems?gap=ImportantUnassessed"
  /measures "/measures?page=500" "/measures?overdue=true" "/measures?sort=status&desc=true" "/measures?system=$SYSTEM_ID" "/measures/$MEASURE_ID"
  "/measures/$MEASURE_ID/edit" /measures/new
  /api/v1/requirements /api/v1/requirements/applicability "/api/v1/systems/$SYSTEM_ID/requirements"
  /api/v1/measures "/api/v1/measures?page=500" "/api/v1/measures?overdue=true&sort=title" "/api/v1/measures/$MEASURE_ID"
  /incidents/report /incidents/mine /api/v1/incidents/mine
  /agreements "/agreements?page=100" "/agreements?view=NoticeSoon" "/agreements?q=norrdata&sort=ends" "/agreements/$AGREEMENT_ID"
  "/agreements/$AGREEMENT_ID/edit" /agreements/new "/systems?gap=NoDataProcessingAgreement"
  /api/v1/agreements "/api/v1/agreements?page=100" "/api/v1/agreements?view=WithoutDataProcessing" "/api/v1/agreements/$AGREEMENT_ID"
  "/api/v1/systems?gap=NoDataProcessingAgreement"
  /continuity "/continuity?view=NotExercised" "/continuity/systems/$SYSTEM_ID" /continuity/crisis-organisation
  /exercises "/exercises?page=10" "/exercises?view=Held&sort=held&desc=true" "/exercises?system=$SYSTEM_ID" "/exercises/$EXERCISE_ID"
  "/exercises/$EXERCISE_ID/edit" /exercises/new
  /laws "/laws?page=3" "/laws?overdue=true" "/laws?system=$SYSTEM_ID" "/laws/$LAW_ID" "/laws/$LAW_ID/edit" /laws/new
  /api/v1/laws "/api/v1/laws?page=3" "/api/v1/laws/$LAW_ID"
  /training "/training?page=2" "/training/$COURSE_ID" /training/coverage "/training/coverage?course=$COURSE_ID" /training/mine
  /risk "/risk?page=20" "/risk?status=Approved&sort=next" "/risk?review=true" "/risk?system=$SYSTEM_ID" "/risk?q=journal"
  "/risk/$ANALYSIS_ID" "/risk/$RISK_REF" /risk/register "/risk/register?page=100" "/risk/register?l=3&c=4"
  "/risk/register?residual=true&band=High&sort=residual" "/risk/register?analysis=$ANALYSIS_ID" /risk/threats /risk/new
  /api/v1/risk-analyses "/api/v1/risk-analyses?page=20" "/api/v1/risk-analyses?reviewNeeded=true" "/api/v1/risk-analyses/$ANALYSIS_ID"
  /api/v1/risks "/api/v1/risks?page=100" /api/v1/threats
  /incidents "/incidents?page=100" "/incidents?open=true" "/incidents?status=Closed&sort=severity&desc=true" "/incidents/$INCIDENT_ID"
  /incidents/statistics "/incidents/statistics?year=$(( $(date -u +%Y) - 1 ))"
  /api/v1/incidents "/api/v1/incidents?page=100" "/api/v1/incidents?open=true" "/api/v1/incidents/$INCIDENT_ID"
  "/documents?page=5" "/documents?type=Routine" "/documents?q=rutin" "/documents/$DOCUMENT_ID/diff" /documents/to-read /documents/work
  /documents/campaigns "/documents/campaigns/$CAMPAIGN_ID" "/documents/campaigns/$CAMPAIGN_ID?confirmed=true&page=50"
  "/api/v1/documents?page=5" "/api/v1/documents/$DOCUMENT_ID" /api/v1/acknowledgement-campaigns
  "/api/v1/acknowledgement-campaigns/$CAMPAIGN_ID/coverage" "/api/v1/acknowledgement-campaigns/$CAMPAIGN_ID/people"
  "/api/v1/acknowledgement-campaigns/$CAMPAIGN_ID/people?confirmed=false" /api/v1/me/documents-to-read
)

# ---------------------------------------------------------------- measuring
to_ms() { # wrk latency (e.g. 812.00us, 1.23ms, 2.01s) in milliseconds
  python3 -c '
import sys, re
m = re.match(r"([\d.]+)(us|ms|s|m)$", sys.argv[1])
f = {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}
print(f"{float(m.group(1)) * f[m.group(2)]:.1f}" if m else "?")' "$1"
}
rss_mb() { awk '/^VmRSS/ { printf "%d\n", $2 / 1024 }' "/proc/$SERVER_PID/status" 2>/dev/null || echo 0; }
hwm_mb() { awk '/^VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$SERVER_PID/status" 2>/dev/null || echo 0; }

# Samples the server's resident memory every 0.2 s into a file while wrk runs.
start_sampler() {
  : >"$WORK/rss"
  ( while kill -0 "$SERVER_PID" 2>/dev/null; do rss_mb >>"$WORK/rss"; sleep 0.2; done ) &
  SAMPLER_PID=$!
}
stop_sampler() {
  kill "$SAMPLER_PID" 2>/dev/null || true; wait "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""
  sort -n "$WORK/rss" | tail -n 1
}

TABLE="$WORK/table"
printf '%-36s %8s %8s %8s %8s %6s %4s %7s %6s  %s\n' endpoint "req/s" "p50 ms" "p99 ms" "base/s" ratio sql "rss MB" load budget >"$TABLE"
BASELINE_RPS=""
NOTES=()

# wrk against one endpoint; the figures go to the table, with the budgets each misses.
measure() { # path, auth header, label
  local path="$1" header="$2" label="$3" log="$WORK/wrk.log" rps p50 p99 sql ratio peak errors load missed=""
  local args=(-t"$THREADS" -c"$CONNECTIONS" --latency -d"$DURATION")
  [[ -n "$header" ]] && args+=(-H "$header")
  start_sampler
  wrk "${args[@]}" "$BASE$path" >"$log" 2>&1 || true
  peak="$(stop_sampler)"
  load="$(cut -d' ' -f1 /proc/loadavg)"
  rps="$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' "$log")"
  p50="$(to_ms "$(awk '$1 == "50%" { print $2 }' "$log")")"
  p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' "$log")")"
  errors="$(awk '/Non-2xx or 3xx responses:/ { printf "non-2xx:%s ", $NF } /Socket errors:/ { gsub(/,/, ""); printf "timeouts:%s ", $NF }' "$log")"
  [[ "$errors" == "timeouts:0 " ]] && errors=""
  sql="$(sql_of "$path" "${header:-X-None: 1}")"
  if [[ "$path" == /bench/* ]]; then
    BASELINE_RPS="${rps:-0}" ratio="1.00"
  else
    ratio="$(python3 -c "import sys; print(f'{int(sys.argv[1]) / max(1, int(sys.argv[2])):.2f}')" "${rps:-0}" "$BASELINE_RPS")"
  fi
  if [[ "$path" != /bench/* ]]; then
    python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) >= float(sys.argv[2]) else 1)" "$ratio" "$MIN_RATIO" || missed+="ratio "
    python3 -c "import sys; sys.exit(0 if sys.argv[1] != '?' and float(sys.argv[1]) <= float(sys.argv[2]) else 1)" "$p99" "$MAX_P99_MS" || missed+="p99 "
    [[ "${sql:-99}" -le "$MAX_SQL" ]] || missed+="sql "
  fi
  [[ "${peak:-0}" -le "$MAX_RSS_MB" ]] || missed+="memory "
  [[ -z "$errors" ]] || missed+="ERRORS(${errors% }) "
  # The session must still be alive, or the figures measured a redirect.
  [[ -z "$header" || "$(status_of "$path" "$header")" == 200 ]] || missed+="NOT-200-AFTER-RUN "
  # wrk gives up on a request after 2 s: time one request alone, so the table's zero has a figure beside it.
  if [[ "$path" != /bench/* && ( "${rps:-0}" -eq 0 || "$errors" == *timeouts* ) ]]; then
    NOTES+=("$label: wrk timed out; one request alone took $(curl -sS -o /dev/null -w '%{time_total}' -H "${header:-X-None: 1}" "$BASE$path") s (load $(cut -d' ' -f1 /proc/loadavg))")
  fi
  LAST_RPS="${rps:-0}"
  [[ "$QUIET_BASELINE" -eq 1 ]] && return 0
  printf '%-36s %8s %8s %8s %8s %6s %4s %7s %6s  %s\n' "$label" "${rps:-?}" "$p50" "$p99" "$BASELINE_RPS" "$ratio" "${sql:-?}" "$peak" "$load" "${missed:-ok}" | tee -a "$TABLE" >&2
}

# Which endpoints this build has, and with whose credentials each answers 200.
PLAN_PATHS=() PLAN_HEADERS=() PLAN_LABELS=()
for path in "${ENDPOINTS[@]}"; do
  [[ -z "$ONLY" || "$path" =~ $ONLY ]] || continue
  if [[ "$path" != / && ( "$path" == */ || "$path" == *//* ) ]]; then NOTES+=("$path: no id to fill in (its list is empty or missing), skipped"); continue; fi
  if [[ "$path" == /api/* ]]; then
    candidates=("Authorization: Bearer $OFFICER_TOKEN|security officer's token" "Authorization: Bearer $ADMIN_TOKEN|administrator's token")
  else
    candidates=("$OFFICER_COOKIE|security officer" "$ADMIN_COOKIE|administrator")
  fi
  chosen=""
  for candidate in "${candidates[@]}"; do
    if [[ "$(status_of "$path" "${candidate%%|*}")" == 200 ]]; then chosen="$candidate"; break; fi
  done
  if [[ -z "$chosen" ]]; then
    NOTES+=("$path: not in this build (no 200 for the security officer or the administrator), skipped")
    continue
  fi
  label="$path"
  [[ "${chosen#*|}" == administrator* ]] && label="$path (admin)"
  label="${label//$UNIT_ID/{unit\}}"
  [[ -n "$PERSON_ID" ]] && label="${label//$PERSON_ID/{person\}}"
  [[ -n "$ASSIGNMENT_ID" ]] && label="${label//$ASSIGNMENT_ID/{assignment\}}"
  [[ -n "$DOCUMENT_ID" ]] && label="${label//$DOCUMENT_ID/{document\}}"
  [[ -n "$SYSTEM_ID" ]] && label="${label//$SYSTEM_ID/{system\}}"
  [[ -n "$SET_ID" ]] && label="${label//$SET_ID/{set\}}"
  [[ -n "$RISK_REF" ]] && label="${label//$RISK_REF/{analysis\}/risks/{risk\}}"
  [[ -n "$ANALYSIS_ID" ]] && label="${label//$ANALYSIS_ID/{analysis\}}"
  [[ -n "$RISK_ID" ]] && label="${label//$RISK_ID/{risk\}}"
  [[ -n "$INCIDENT_ID" ]] && label="${label//$INCIDENT_ID/{incident\}}"
  [[ -n "$CAMPAIGN_ID" ]] && label="${label//$CAMPAIGN_ID/{campaign\}}"
  PLAN_PATHS+=("$path") PLAN_HEADERS+=("${chosen%%|*}") PLAN_LABELS+=("$label")
done

# Warm-up: every endpoint once, so the JIT has tiered the code before anything is measured.
say ""
say "Warming up ${#PLAN_PATHS[@]} endpoints and the baseline, $WARMUP each..."
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$BASE/bench/baseline" >/dev/null 2>&1 || true
for i in "${!PLAN_PATHS[@]}"; do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "${PLAN_HEADERS[$i]}" "$BASE${PLAN_PATHS[$i]}" >/dev/null 2>&1 || true
done

say "Tillit on $PROVIDER at $BASE; wrk -t$THREADS -c$CONNECTIONS -d$DURATION per endpoint."
head -n 1 "$TABLE" >&2
# Each endpoint is measured right after a run of the baseline, and its ratio is to that run: on a
# machine shared with other work the baseline moves with the load, and adjacent runs share it.
QUIET_BASELINE=0
declare -a AUDITED_RPS
measure /bench/baseline "" "/bench/baseline"
BASELINES=("$BASELINE_RPS")
QUIET_BASELINE=1
for i in "${!PLAN_PATHS[@]}"; do
  if [[ "$i" -gt 0 ]]; then measure /bench/baseline "" ""; BASELINES+=("$BASELINE_RPS"); fi
  QUIET_BASELINE=0
  measure "${PLAN_PATHS[$i]}" "${PLAN_HEADERS[$i]}" "${PLAN_LABELS[$i]}"
  AUDITED_RPS[$i]="$LAST_RPS"
  QUIET_BASELINE=1
done
BASELINE_SUMMARY="$(printf '%s\n' "${BASELINES[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "baseline over the run: min %s, median %s, max %s req/s", a[1], a[int((NR + 1) / 2)], a[NR] }')"
say "$BASELINE_SUMMARY"

# The crisis binder of the whole organisation, as HTML and as PDF: one request each, budget 10 s (issue 9).
for binder in /continuity/binder "/continuity/binder?handler=pdf"; do
  read -r code seconds < <(curl -sS -o /dev/null -w '%{http_code} %{time_total}\n' -H "$OFFICER_COOKIE" "$BASE$binder")
  verdict="$(python3 -c "import sys; print('ok' if sys.argv[1] == '200' and float(sys.argv[2]) <= 10 else 'OVER 10 s or not 200')" "$code" "$seconds")"
  NOTES+=("crisis binder $binder: $code in ${seconds} s ($verdict)")
done

HWM="$(hwm_mb)"

# The audit trail's budget: a page whose reads are recorded serves at least 60 % of the requests of
# the same page with read auditing switched off (Audit:AuditReads=false). A second Tillit runs beside
# the first on the same database with read auditing off, and the two are measured in turns (audited,
# off, audited, off, …), so both see the same load on a shared machine; the share is of the medians.
AUDIT_TABLE="$WORK/audit-table"
: >"$AUDIT_TABLE"
if [[ "$AUDIT_PASS" -eq 1 ]]; then
  OFF_PORT="$(tillit_pg_free_port)"
  OFF_BASE="http://127.0.0.1:$OFF_PORT"
  (cd "$OUT" && exec env Audit__AuditReads=false dotnet tillit.dll --urls "$OFF_BASE") >"$WORK/server-off.log" 2>&1 &
  OFF_PID=$!
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "$OFF_BASE/health/ready" 2>/dev/null && break
    kill -0 "$OFF_PID" 2>/dev/null || { cat "$WORK/server-off.log" >&2; exit 1; }
    sleep 0.5
  done
  OFF_OFFICER_COOKIE="$(BASE="$OFF_BASE" sign_in "$OFFICER")" OFF_ADMIN_COOKIE="$(BASE="$OFF_BASE" sign_in "$ADMIN")"
  rps_of() { # base, path, header, duration
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$4" -H "$3" "$1$2" 2>/dev/null | awk '/^Requests\/sec/ { printf "%.0f", $2 }'
  }
  median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
  say ""
  say "Protected pages with read auditing and, on a second Tillit beside it, without (Audit:AuditReads=false),"
  say "measured in turns, $AUDIT_ROUNDS rounds of $DURATION each; the audit trail's budget: audited >= 60 % of off."
  printf '%-36s %8s %8s %8s %6s  %s\n' endpoint "audited" "off" "share" load budget | tee "$AUDIT_TABLE" >&2
  for i in "${!PLAN_PATHS[@]}"; do
    path="${PLAN_PATHS[$i]}"
    [[ "$path" =~ ^/(people|roles|information-sets|measures|agreements|risk|incidents|api/v1/people|api/v1/role-assignments|api/v1/information-sets|api/v1/measures|api/v1/agreements|api/v1/risk-analyses|api/v1/risks|api/v1/incidents)(/|\?|$) ]] || continue
    [[ "$path" == /risk/threats || "$path" == /incidents/statistics* ]] && continue
    [[ "$path" == */new || "$path" == */edit || "$path" == */account ]] && continue
    header="${PLAN_HEADERS[$i]}" off_header="${PLAN_HEADERS[$i]}"
    if [[ "$header" == Cookie:* ]]; then
      [[ "${PLAN_LABELS[$i]}" == *"(admin)" ]] && off_header="$OFF_ADMIN_COOKIE" || off_header="$OFF_OFFICER_COOKIE"
    fi
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "$off_header" "$OFF_BASE$path" >/dev/null 2>&1 || true
    audited_runs=() off_runs=()
    for _ in $(seq 1 "$AUDIT_ROUNDS"); do
      audited_runs+=("$(rps_of "$BASE" "$path" "$header" "$DURATION")")
      off_runs+=("$(rps_of "$OFF_BASE" "$path" "$off_header" "$DURATION")")
    done
    audited="$(median "${audited_runs[@]}")" off="$(median "${off_runs[@]}")"
    share="$(python3 -c "import sys; print(f'{int(sys.argv[1] or 0) / max(1, int(sys.argv[2] or 0)):.2f}')" "$audited" "$off")"
    verdict="$(python3 -c "import sys; print('ok' if float(sys.argv[1]) >= 0.6 else 'share')" "$share")"
    [[ "$(status_of "$path" "$header")" == 200 && "$(BASE="$OFF_BASE" status_of "$path" "$off_header")" == 200 ]] || verdict+=" NOT-200-AFTER-RUN"
    printf '%-36s %8s %8s %8s %6s  %s   (audited: %s; off: %s)\n' "${PLAN_LABELS[$i]}" "${audited:-?}" "${off:-?}" "$share" "$(cut -d' ' -f1 /proc/loadavg)" "$verdict" "${audited_runs[*]}" "${off_runs[*]}" | tee -a "$AUDIT_TABLE" >&2
  done
fi
say ""
for note in "${NOTES[@]}"; do say "note: $note"; done
say "Generated the data set in ${GENERATE_SECONDS} s. Tillit's peak resident memory (VmHWM): ${HWM} MB (budget ${MAX_RSS_MB} MB)."
say "Budgets: ratio >= $MIN_RATIO of the baseline's req/s, p99 <= ${MAX_P99_MS} ms, <= $MAX_SQL SQL commands per request, <= ${MAX_RSS_MB} MB."

mkdir -p "$RESULTS"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
{
  echo "# Tillit bench, $PROVIDER, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "# $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1), $(free -h | awk '/^Mem:/ { print $2 }') RAM; load before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# $PEOPLE people, $UNITS units, generated in ${GENERATE_SECONDS} s; wrk -t$THREADS -c$CONNECTIONS -d$DURATION after a $WARMUP warm-up each; VmHWM ${HWM} MB"
  echo "# ratio = req/s over the req/s of the baseline run just before it (base/s); $BASELINE_SUMMARY"
  cat "$TABLE"
  [[ -s "$AUDIT_TABLE" ]] && { echo; echo "# protected pages: median req/s with read auditing, and without (Audit:AuditReads=false, a second Tillit on the same database), measured in turns; share"; cat "$AUDIT_TABLE"; }
  for note in "${NOTES[@]}"; do echo "note: $note"; done
} >"$RESULTS/$STAMP-${PROVIDER,,}.txt"
cat "$TABLE"
echo "$BASELINE_SUMMARY"
[[ -s "$AUDIT_TABLE" ]] && { echo; cat "$AUDIT_TABLE"; }
echo "(saved to bench/results/$STAMP-${PROVIDER,,}.txt; load now: $(cut -d' ' -f1-3 /proc/loadavg))"
