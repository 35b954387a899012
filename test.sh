#!/usr/bin/env bash
# Runs every Tillit test: builds once, starts a throwaway PostgreSQL, then runs
#   domain                 tests/Tillit.Domain.Tests
#   integration-sqlite     tests/Tillit.Integration.Tests  (TILLIT_TEST_PROVIDER=Sqlite)
#   integration-postgres   tests/Tillit.Integration.Tests  (TILLIT_TEST_PROVIDER=Postgres)
#   browser                tests/Tillit.Browser.Tests      (TILLIT_TEST_PROVIDER=Sqlite)
# TRX results go to artifacts/test-results/<run>/. The last line printed is always
# "N passed, N failed" (plus ", N skipped" when some were skipped).
#
# Usage: ./test.sh [--filter EXPR] [--only domain|integration|browser[,...]]
#   --filter EXPR   passed to every `dotnet test` run as --filter EXPR
#   --only LIST     run a subset (comma-separated or repeated)
# Environment:
#   TILLIT_CHROMIUM            browser executable (default: `command -v chromium`)
#   TILLIT_TEST_HANG_TIMEOUT   per-test hang timeout for dotnet test (default 10m, 0 = off)
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
ROOT="$PWD"
RESULTS="$ROOT/artifacts/test-results"

usage() {
    sed -n '2,15p' "$ROOT/test.sh" | sed 's/^# \{0,1\}//'
}

# ---------------------------------------------------------------- arguments
FILTER=""
ONLY=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --filter) [[ $# -ge 2 ]] || { echo "--filter needs an expression" >&2; exit 2; }
                  FILTER="$2"; shift 2 ;;
        --filter=*) FILTER="${1#--filter=}"; shift ;;
        --only) [[ $# -ge 2 ]] || { echo "--only needs domain|integration|browser" >&2; exit 2; }
                ONLY="${ONLY:+$ONLY,}$2"; shift 2 ;;
        --only=*) ONLY="${ONLY:+$ONLY,}${1#--only=}"; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done

RUN_DOMAIN=0 RUN_INTEGRATION=0 RUN_BROWSER=0
if [[ -z "$ONLY" ]]; then
    RUN_DOMAIN=1 RUN_INTEGRATION=1 RUN_BROWSER=1
else
    IFS=',' read -r -a only_parts <<<"$ONLY"
    for part in "${only_parts[@]}"; do
        case "$part" in
            domain) RUN_DOMAIN=1 ;;
            integration) RUN_INTEGRATION=1 ;;
            browser) RUN_BROWSER=1 ;;
            "") ;;
            *) echo "--only: unknown subset '$part' (use domain, integration or browser)" >&2; exit 2 ;;
        esac
    done
fi

# Fatal setup problem: say why, and still end with the summary line.
die() {
    echo "test.sh: $*" >&2
    echo "0 passed, 1 failed"
    exit 1
}

# ---------------------------------------------------------------- test projects
DOMAIN_PROJECT=tests/Tillit.Domain.Tests
INTEGRATION_PROJECT=tests/Tillit.Integration.Tests
BROWSER_PROJECT=tests/Tillit.Browser.Tests
require_project() {
    [[ -d "$ROOT/$1" ]] || die "missing test project $1 (directory $ROOT/$1 does not exist)"
}
[[ $RUN_DOMAIN -eq 1 ]] && require_project "$DOMAIN_PROJECT"
[[ $RUN_INTEGRATION -eq 1 ]] && require_project "$INTEGRATION_PROJECT"
[[ $RUN_BROWSER -eq 1 ]] && require_project "$BROWSER_PROJECT"
[[ -f "$ROOT/Tillit.slnx" ]] || die "missing solution Tillit.slnx"
command -v dotnet >/dev/null 2>&1 || die "dotnet is not on PATH (install the .NET 10 SDK)"

# ---------------------------------------------------------------- system packages
NEED_PG=$RUN_INTEGRATION
NEED_BROWSER=$RUN_BROWSER

deb_installed() {
    [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]
}
have_pg_server() {
    compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || command -v initdb >/dev/null 2>&1
}

missing=()
if [[ $NEED_PG -eq 1 ]] && ! have_pg_server; then
    missing+=(postgresql)
fi
if [[ $NEED_BROWSER -eq 1 ]]; then
    if [[ -n "${TILLIT_CHROMIUM:-}" && -x "${TILLIT_CHROMIUM}" ]]; then
        : # caller chose a browser
    elif command -v dpkg-query >/dev/null 2>&1; then
        deb_installed chromium || missing+=(chromium)
    elif ! command -v chromium >/dev/null 2>&1; then
        missing+=(chromium)
    fi
    if command -v dpkg-query >/dev/null 2>&1 && ! deb_installed fonts-dejavu-core; then
        missing+=(fonts-dejavu-core)
    fi
fi
if [[ ${#missing[@]} -gt 0 ]]; then
    if [[ "$(id -u)" -eq 0 ]]; then
        echo "test.sh: installing ${missing[*]} ..."
        export DEBIAN_FRONTEND=noninteractive
        apt_log="$(mktemp)"
        if ! { apt-get update -q && apt-get install -y -q --no-install-recommends "${missing[@]}"; } >"$apt_log" 2>&1 </dev/null; then
            cat "$apt_log" >&2
            rm -f "$apt_log"
            die "apt-get install ${missing[*]} failed"
        fi
        rm -f "$apt_log"
    else
        echo "test.sh: missing system packages: ${missing[*]}" >&2
        echo "test.sh: install them with: sudo apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
fi
if [[ $NEED_PG -eq 1 ]] && ! have_pg_server; then
    die "PostgreSQL server binaries still not found after install"
fi
if [[ $NEED_BROWSER -eq 1 ]]; then
    if [[ -z "${TILLIT_CHROMIUM:-}" || ! -x "${TILLIT_CHROMIUM}" ]]; then
        TILLIT_CHROMIUM="$(command -v chromium 2>/dev/null || true)"
        [[ -n "$TILLIT_CHROMIUM" ]] || die "chromium not found on PATH after install"
    fi
    export TILLIT_CHROMIUM
fi

# ---------------------------------------------------------------- results folder
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

# ---------------------------------------------------------------- build
echo "test.sh: dotnet build Tillit.slnx -c Release"
build_start=$SECONDS
if ! dotnet build Tillit.slnx -c Release >"$RESULTS/build.log" 2>&1 </dev/null; then
    cat "$RESULTS/build.log"
    echo "test.sh: BUILD FAILED (full log: artifacts/test-results/build.log)" >&2
    echo "0 passed, 1 failed"
    exit 1
fi
echo "test.sh: build succeeded in $((SECONDS - build_start))s"

# ---------------------------------------------------------------- PostgreSQL
# shellcheck source=scripts/pg-start.sh
source "$ROOT/scripts/pg-start.sh"
cleanup() {
    tillit_pg_stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
if [[ $NEED_PG -eq 1 ]]; then
    tillit_pg_start || die "could not start PostgreSQL"
    export TILLIT_TEST_POSTGRES
fi

# ---------------------------------------------------------------- test runs
RUN_NAMES=()
RUN_CODES=()

run_tests() { # name project provider(or "")
    local name="$1" project="$2" provider="$3"
    local dir="$RESULTS/$name"
    local args=(test "$project" --no-build -c Release
        --results-directory "$dir"
        --logger "trx;LogFileName=$name.trx")
    local hang="${TILLIT_TEST_HANG_TIMEOUT:-10m}"
    if [[ "$hang" != 0 ]]; then
        args+=(--blame-hang-timeout "$hang" --blame-hang-dump-type none)
    fi
    if [[ -n "$FILTER" ]]; then
        args+=(--filter "$FILTER")
    fi
    local envs=(-u TILLIT_TEST_PROVIDER)
    [[ -n "$provider" ]] && envs=(TILLIT_TEST_PROVIDER="$provider")
    echo
    echo "==================== $name: dotnet test $project${provider:+ (TILLIT_TEST_PROVIDER=$provider)}"
    local rc=0
    env "${envs[@]}" dotnet "${args[@]}" </dev/null || rc=$?
    echo "==================== $name: exit code $rc"
    RUN_NAMES+=("$name")
    RUN_CODES+=("$rc")
}

[[ $RUN_DOMAIN -eq 1 ]] && run_tests domain "$DOMAIN_PROJECT" ""
if [[ $RUN_INTEGRATION -eq 1 ]]; then
    run_tests integration-sqlite "$INTEGRATION_PROJECT" Sqlite
    run_tests integration-postgres "$INTEGRATION_PROJECT" Postgres
fi
[[ $RUN_BROWSER -eq 1 ]] && run_tests browser "$BROWSER_PROJECT" Sqlite

# ---------------------------------------------------------------- summary
# Prints "passed failed skipped" summed over the TRX files given.
trx_counts() {
    if command -v python3 >/dev/null 2>&1; then
        python3 - "$@" <<'PY'
import sys
import xml.etree.ElementTree as ET

def n(c, key):
    try:
        return int(c.get(key, "0") or 0)
    except ValueError:
        return 0

passed = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as e:
        print(f"test.sh: cannot read {path}: {e}", file=sys.stderr)
        failed += 1
        continue
    counters = [el for el in root.iter() if el.tag.rsplit("}", 1)[-1] == "Counters"]
    if not counters:
        print(f"test.sh: no <Counters> in {path}", file=sys.stderr)
        failed += 1
        continue
    c = counters[0]
    passed += n(c, "passed") + n(c, "passedButRunAborted")
    failed += n(c, "failed") + n(c, "error") + n(c, "timeout") + n(c, "aborted")
    skipped += n(c, "notExecuted") + n(c, "inconclusive")
print(passed, failed, skipped)
PY
    else
        local f p=0 fl=0 s=0 line
        attr() { grep -o "[[:space:]]$1=\"[0-9]*\"" <<<"$line" | head -n1 | grep -o '[0-9]\+' || echo 0; }
        for f in "$@"; do
            line="$(tr '\n' ' ' <"$f" | grep -o '<Counters[^>]*>' | head -n1 || true)"
            if [[ -z "$line" ]]; then fl=$((fl + 1)); continue; fi
            p=$((p + $(attr passed) + $(attr passedButRunAborted)))
            fl=$((fl + $(attr failed) + $(attr error) + $(attr timeout) + $(attr aborted)))
            s=$((s + $(attr notExecuted) + $(attr inconclusive)))
        done
        echo "$p $fl $s"
    fi
}

echo
echo "==================== summary"
total_passed=0 total_failed=0 total_skipped=0 any_run_failed=0
for i in "${!RUN_NAMES[@]}"; do
    name="${RUN_NAMES[$i]}" rc="${RUN_CODES[$i]}"
    shopt -s nullglob
    trx_files=("$RESULTS/$name"/*.trx)
    shopt -u nullglob
    [[ "$rc" -ne 0 ]] && any_run_failed=1
    if [[ ${#trx_files[@]} -eq 0 ]]; then
        echo "$name: NO TRX FILE (dotnet test crashed? exit code $rc) - counted as 1 failed"
        total_failed=$((total_failed + 1))
        any_run_failed=1
        continue
    fi
    read -r p f s < <(trx_counts "${trx_files[@]}")
    total_passed=$((total_passed + p))
    total_failed=$((total_failed + f))
    total_skipped=$((total_skipped + s))
    echo "$name: $p passed, $f failed, $s skipped (exit code $rc)"
done

status=0
if [[ $any_run_failed -ne 0 || $total_failed -ne 0 ]]; then
    status=1
fi
if [[ $total_passed -eq 0 ]]; then
    echo "test.sh: no test passed - treating as failure"
    status=1
fi
echo "results: artifacts/test-results/"

summary="$total_passed passed, $total_failed failed"
[[ $total_skipped -gt 0 ]] && summary+=", $total_skipped skipped"
echo "$summary"
exit "$status"
