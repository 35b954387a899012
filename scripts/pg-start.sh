# shellcheck shell=bash
# Throwaway PostgreSQL server for tests and benchmarks.
#
#   source scripts/pg-start.sh
#   tillit_pg_start      # exports PGPORT, PGTMP, TILLIT_PGBIN, TILLIT_TEST_POSTGRES
#   ...
#   tillit_pg_stop       # stops the server and removes PGTMP (safe to call twice)
#
# Nothing here registers traps: the caller decides (e.g. `trap tillit_pg_stop EXIT`).
# The server trusts every local connection, listens on 127.0.0.1 only, and runs with
# durability turned off (fsync, synchronous_commit, full_page_writes) because its data
# is thrown away. When run as root, initdb/postgres run as the `postgres` OS user,
# since PostgreSQL refuses to run as root.
#
# Optional environment: TILLIT_PGBIN (directory holding initdb/pg_ctl) overrides the
# lookup; TILLIT_PG_LOCALE overrides the database locale (default C.UTF-8 if available).

# Directory with initdb/pg_ctl/pg_isready: newest /usr/lib/postgresql/*/bin, else PATH.
tillit_pg_find_bin() {
    if [[ -n "${TILLIT_PGBIN:-}" && -x "${TILLIT_PGBIN}/initdb" ]]; then
        printf '%s\n' "$TILLIT_PGBIN"
        return 0
    fi
    local dir best=""
    while IFS= read -r dir; do
        [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]] && best="$dir"
    done < <(compgen -G '/usr/lib/postgresql/*/bin' | sort -V)
    if [[ -z "$best" ]]; then
        local initdb
        initdb="$(command -v initdb 2>/dev/null || true)"
        [[ -n "$initdb" ]] && best="$(dirname "$(readlink -f "$initdb")")"
    fi
    if [[ -z "$best" || ! -x "$best/pg_ctl" ]]; then
        echo "tillit_pg: no PostgreSQL server binaries found (install the 'postgresql' package)" >&2
        return 1
    fi
    printf '%s\n' "$best"
}

# Prints a TCP port on 127.0.0.1 that nothing is using, probing upwards from a random
# start in 20000-40000.
tillit_pg_free_port() {
    local start=$((20000 + RANDOM % 20001))
    local py
    py="$(command -v python3 2>/dev/null || true)"
    if [[ -n "$py" ]]; then
        "$py" - "$start" <<'PY'
import socket, sys
start = int(sys.argv[1])
for i in range(20001):
    port = 20000 + (start - 20000 + i) % 20001
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        s.bind(("127.0.0.1", port))
    except OSError:
        continue
    finally:
        s.close()
    print(port)
    sys.exit(0)
sys.exit(1)
PY
        return
    fi
    local i port
    for ((i = 0; i <= 20000; i++)); do
        port=$((20000 + (start - 20000 + i) % 20001))
        # A successful connect means something is listening there.
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            printf '%s\n' "$port"
            return 0
        fi
    done
    return 1
}

# Runs a command as the postgres OS user when we are root, else as ourselves.
# Runs inside PGTMP so the postgres user never needs access to our working directory.
_tillit_pg_as_owner() {
    if [[ "$(id -u)" -eq 0 ]]; then
        (cd "$PGTMP" && runuser -u postgres -- "$@")
    else
        (cd "$PGTMP" && "$@")
    fi
}

tillit_pg_start() {
    if [[ -n "${PGTMP:-}" && -d "${PGTMP}/data" ]]; then
        echo "tillit_pg: a server is already running from $PGTMP (call tillit_pg_stop first)" >&2
        return 1
    fi
    local bin
    bin="$(tillit_pg_find_bin)" || return 1
    export TILLIT_PGBIN="$bin"

    # Always under /tmp: short path (unix socket paths are limited to ~107 bytes),
    # no spaces, and traversable by the postgres user.
    PGTMP="$(mktemp -d /tmp/tillit-pg.XXXXXXXX)" || return 1
    export PGTMP
    if [[ "$(id -u)" -eq 0 ]]; then
        if ! id postgres >/dev/null 2>&1; then
            echo "tillit_pg: running as root but there is no 'postgres' OS user" >&2
            rm -rf "$PGTMP"; unset PGTMP
            return 1
        fi
        chown postgres: "$PGTMP" || return 1
    fi

    local locale="${TILLIT_PG_LOCALE:-}"
    if [[ -z "$locale" ]]; then
        if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then locale=C.UTF-8; else locale=C; fi
    fi
    if ! _tillit_pg_as_owner "$bin/initdb" -D "$PGTMP/data" -A trust -U postgres \
            -E UTF8 --locale="$locale" >"$PGTMP/initdb.log" 2>&1; then
        echo "tillit_pg: initdb failed:" >&2
        cat "$PGTMP/initdb.log" >&2
        rm -rf "$PGTMP"; unset PGTMP
        return 1
    fi

    # Retry with another port if someone grabs ours between probing and binding.
    local attempt port="" started=""
    for attempt in 1 2 3 4 5; do
        port="$(tillit_pg_free_port)" || { echo "tillit_pg: no free TCP port found" >&2; break; }
        if _tillit_pg_as_owner "$bin/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/postgres.log" -w -t 60 \
                -o "-p $port -k $PGTMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
                start >"$PGTMP/pg_ctl.log" 2>&1; then
            started=1
            break
        fi
        echo "tillit_pg: start on port $port failed (attempt $attempt):" >&2
        tail -n 20 "$PGTMP/postgres.log" >&2 2>/dev/null || true
        _tillit_pg_as_owner "$bin/pg_ctl" -D "$PGTMP/data" stop -m immediate >/dev/null 2>&1 || true
    done
    if [[ -z "$started" ]]; then
        cat "$PGTMP/pg_ctl.log" >&2 2>/dev/null || true
        rm -rf "$PGTMP"; unset PGTMP
        return 1
    fi

    local isready="$bin/pg_isready"
    [[ -x "$isready" ]] || isready="$(command -v pg_isready 2>/dev/null || echo pg_isready)"
    local i
    for ((i = 0; i < 120; i++)); do
        if "$isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres; then
            break
        fi
        sleep 0.5
    done
    if ! "$isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres; then
        echo "tillit_pg: server on port $port never became ready:" >&2
        tail -n 50 "$PGTMP/postgres.log" >&2 2>/dev/null || true
        tillit_pg_stop
        return 1
    fi

    export PGPORT="$port"
    export TILLIT_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=postgres;Include Error Detail=true"
    echo "tillit_pg: PostgreSQL ($("$bin/postgres" --version 2>/dev/null | awk '{print $3}')) on 127.0.0.1:$port, data in $PGTMP" >&2
}

# Stops the server started by tillit_pg_start and removes its directory. Silent (it
# usually runs from an EXIT trap, after the caller's last line of output).
tillit_pg_stop() {
    if [[ -z "${PGTMP:-}" ]]; then
        return 0
    fi
    if [[ -d "$PGTMP/data" ]]; then
        local bin="${TILLIT_PGBIN:-}"
        [[ -n "$bin" ]] || bin="$(tillit_pg_find_bin 2>/dev/null)" || true
        if [[ -n "$bin" ]]; then
            _tillit_pg_as_owner "$bin/pg_ctl" -D "$PGTMP/data" stop -m immediate >/dev/null 2>&1 || true
        fi
    fi
    rm -rf "$PGTMP" 2>/dev/null || true
    unset PGTMP PGPORT TILLIT_TEST_POSTGRES
    return 0
}
