# shellcheck shell=bash disable=SC2034
# script/lib.sh: shared helpers for script/server and script/test (sourced,
# never run). Builds with meson, and creates / starts / stops a private
# PostgreSQL 15 cluster that listens on a Unix socket only.
#
# The sourcing script must already have done: cd "$(dirname "$0")/.."

ONRECORD_ROOT=$(pwd -P)
# Debian's PostgreSQL 15 binaries; PATH is not trusted for these.
PG_BINDIR=${ONRECORD_PG_BINDIR:-/usr/lib/postgresql/15/bin}
PG_PORT=5432            # only names the socket file; no TCP listener
PG_OWNER=               # OS user the cluster runs as (set by pg_prepare)
PG_BASE=                # cluster directory: data/, postgres.log, socket
PG_DATA=
PG_LOG=
PG_SOCKDIR=
PG_SOCKDIR_TMP=         # set when the socket had to go to a short /tmp path
PG_STARTED=0            # 1 when this process started the cluster (and must stop it)
# runuser lives in /usr/sbin, which a minimal PATH may lack.
RUNUSER=$(command -v runuser || { [ -x /usr/sbin/runuser ] && echo /usr/sbin/runuser; } ||
    { [ -x /sbin/runuser ] && echo /sbin/runuser; } || echo runuser)

say() { printf '==> %s\n' "$*"; }
warn() { printf '!!! %s\n' "$*" >&2; }
die() {
    warn "$*"
    exit 1
}

is_root() { [ "$(id -u)" -eq 0 ]; }

# ---------------------------------------------------------------- building

# meson_build DIR [meson setup options...]: configure DIR once, then ninja.
meson_build() {
    local dir=$1
    shift
    if [ ! -f "$dir/build.ninja" ]; then
        if [ -f "$dir/meson-private/coredata.dat" ]; then
            meson setup --wipe "$dir" "$@" || return 1
        else
            meson setup "$dir" "$@" || return 1
        fi
    fi
    ninja -C "$dir" || return 1
}

build_release() {
    say "building build/ (release)"
    meson_build build --buildtype=release
}

build_asan() {
    say "building build-asan/ (address,undefined sanitizers)"
    meson_build build-asan -Db_sanitize=address,undefined -Db_lundef=false --buildtype=debug
}

# ---------------------------------------------------------------- PostgreSQL

# as_pg CMD...: run CMD as the cluster owner (PostgreSQL refuses root).
as_pg() {
    if is_root; then
        (cd / && "$RUNUSER" -u "$PG_OWNER" -- "$@")
    else
        "$@"
    fi
}

# pg_can_enter DIR: can the cluster owner reach into DIR (every parent
# directory searchable)? Its own subdirectory is then made and chowned by us.
pg_can_enter() {
    if is_root; then
        (cd / && "$RUNUSER" -u postgres -- test -x "$1") 2>/dev/null
    else
        test -x "$1"
    fi
}

# pg_check_tools: fail early with a clear message.
pg_check_tools() {
    local t
    for t in initdb pg_ctl postgres psql; do
        [ -x "$PG_BINDIR/$t" ] || die "$PG_BINDIR/$t not found: run script/bootstrap (needs postgresql-15)"
    done
    if is_root; then
        getent passwd postgres >/dev/null ||
            die "running as root but there is no 'postgres' OS user to run PostgreSQL as (install postgresql-15)"
        [ -x "$(command -v "$RUNUSER")" ] || die "runuser not found (util-linux)"
    fi
}

# pg_prepare BASE: make BASE the cluster directory, owned by the cluster owner.
pg_prepare() {
    PG_BASE=$1
    if is_root; then PG_OWNER=postgres; else PG_OWNER=$(id -un); fi
    mkdir -p "$PG_BASE"
    if is_root; then chown postgres:postgres "$PG_BASE"; fi
    chmod 700 "$PG_BASE"
    PG_DATA=$PG_BASE/data
    PG_LOG=$PG_BASE/postgres.log
    # A Unix socket path must stay short (sun_path is 108 bytes) and is
    # passed through pg_ctl's shell: use BASE if it is short and plain,
    # otherwise a short private directory under /tmp.
    local sock=$PG_BASE/.s.PGSQL.$PG_PORT
    if [ "${#sock}" -lt 100 ] && [[ $PG_BASE =~ ^[A-Za-z0-9/._-]+$ ]]; then
        PG_SOCKDIR=$PG_BASE
    else
        PG_SOCKDIR=$(mktemp -d /tmp/onrecord-sock.XXXXXX)
        PG_SOCKDIR_TMP=$PG_SOCKDIR
        if is_root; then chown postgres:postgres "$PG_SOCKDIR"; fi
        say "socket path under $PG_BASE is too long or unusual; socket goes in $PG_SOCKDIR"
    fi
}

pg_locale() {
    if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then echo C.UTF-8; else echo C; fi
}

# pg_init MODE: initdb unless PG_DATA already holds a cluster.
# MODE is "persistent" (durable settings) or "throwaway" (fsync off, faster).
pg_init() {
    local mode=$1
    if [ -f "$PG_DATA/PG_VERSION" ]; then
        return 0
    fi
    say "creating PostgreSQL cluster in $PG_DATA"
    local -a extra=()
    [ "$mode" = throwaway ] && extra=(--no-sync)
    as_pg "$PG_BINDIR/initdb" -D "$PG_DATA" --username=onrecord --auth=trust \
        -E UTF8 --locale="$(pg_locale)" "${extra[@]}" >"$PG_BASE/initdb.log" 2>&1 || {
        cat "$PG_BASE/initdb.log" >&2
        die "initdb failed"
    }
    {
        echo
        echo "# onrecord private cluster (script/lib.sh)"
        echo "listen_addresses = ''"
        echo "unix_socket_directories = '$PG_SOCKDIR'"
        echo "port = $PG_PORT"
        echo "jit = off"
        # The data lives in memory or on SSD: random reads cost little more
        # than sequential ones (db/migrations/0008_list_plans.sql).
        echo "random_page_cost = 1.1"
        if [ "$mode" = throwaway ]; then
            echo "fsync = off"
            echo "synchronous_commit = off"
            echo "full_page_writes = off"
        fi
    } | as_pg tee -a "$PG_DATA/postgresql.conf" >/dev/null
}

pg_running() {
    as_pg "$PG_BINDIR/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1
}

# pg_start: start the cluster (or adopt one already running), wait until it
# accepts connections, and make sure database "onrecord" exists.
pg_start() {
    if pg_running; then
        # Left running by an earlier run: use its socket, leave it running.
        local sock
        sock=$(sed -n 5p "$PG_DATA/postmaster.pid" 2>/dev/null || true)
        [ -n "$sock" ] && PG_SOCKDIR=$sock
        PG_PORT=$(sed -n 4p "$PG_DATA/postmaster.pid" 2>/dev/null || echo "$PG_PORT")
        say "PostgreSQL already running in $PG_BASE: using it (it is left running at exit)"
    else
        say "starting PostgreSQL in $PG_BASE"
        if ! as_pg "$PG_BINDIR/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 -s \
            -o "-k '$PG_SOCKDIR' -p $PG_PORT -c listen_addresses=''" start; then
            tail -n 30 "$PG_LOG" >&2 || true
            die "PostgreSQL failed to start (log: $PG_LOG)"
        fi
        PG_STARTED=1
    fi
    local exists
    exists=$("$PG_BINDIR/psql" -X -q -At -h "$PG_SOCKDIR" -p "$PG_PORT" -U onrecord -d postgres \
        -c "SELECT 1 FROM pg_database WHERE datname = 'onrecord'")
    if [ "$exists" != 1 ]; then
        "$PG_BINDIR/psql" -X -q -h "$PG_SOCKDIR" -p "$PG_PORT" -U onrecord -d postgres \
            -c 'CREATE DATABASE onrecord' >/dev/null
    fi
}

# pg_stop: stop the cluster if this process started it (fast shutdown).
pg_stop() {
    if [ "$PG_STARTED" = 1 ]; then
        PG_STARTED=0
        say "stopping PostgreSQL"
        as_pg "$PG_BINDIR/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 -s stop >/dev/null 2>&1 ||
            warn "pg_ctl stop failed (log: $PG_LOG)"
    elif [ -n "$PG_DATA" ] && pg_running; then
        local runas=
        is_root && runas="runuser -u $PG_OWNER -- "
        say "PostgreSQL in $PG_BASE was already running: left running. To stop it:"
        say "    ${runas}$PG_BINDIR/pg_ctl -D $PG_DATA stop"
    fi
    if [ -n "$PG_SOCKDIR_TMP" ]; then
        rm -rf "$PG_SOCKDIR_TMP"
        PG_SOCKDIR_TMP=
    fi
}

# urlenc S: percent-encode S for a URI query value.
urlenc() {
    local s=$1 out='' c i
    for ((i = 0; i < ${#s}; i++)); do
        c=${s:i:1}
        case $c in
        [A-Za-z0-9/._~-]) out+=$c ;;
        *) out+=$(printf '%%%02X' "'$c") ;;
        esac
    done
    printf '%s' "$out"
}

# pg_url: libpq URI of database "onrecord" in the running cluster. port is
# explicit so that a PGPORT in the environment cannot redirect it.
pg_url() {
    printf 'postgresql:///onrecord?host=%s&port=%s&user=onrecord' "$(urlenc "$PG_SOCKDIR")" "$PG_PORT"
}

# ---------------------------------------------------------------- processes

# wait_http URL PID SECONDS: wait until URL answers 2xx; fail early if PID dies.
wait_http() {
    local url=$1 pid=$2 secs=$3 i
    for ((i = 0; i < secs * 10; i++)); do
        if curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; then
            return 0
        fi
        kill -0 "$pid" 2>/dev/null || return 1
        sleep 0.1
    done
    return 1
}

# stop_pid PID SECONDS: SIGTERM PID, SIGKILL after SECONDS; sets STOP_RC to
# its exit status (137 when it had to be killed). PID must be our child.
STOP_RC=0
stop_pid() {
    local pid=$1 secs=$2 i
    STOP_RC=0
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < secs * 10; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        warn "process $pid did not stop within ${secs}s of SIGTERM: killing it"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || STOP_RC=$?
}
