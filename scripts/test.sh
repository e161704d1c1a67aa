#!/usr/bin/env bash
# Runs every Abm test: the .NET suites, then the end-to-end tests that drive the local Teams
# client in headless Chromium. Installs what the tests need when it is missing (Debian's
# chromium and postgresql, the Node packages in tests/e2e), starts a throwaway PostgreSQL
# cluster, and prints one closing line: "tests: N passed, N failed".
#
# Usage: scripts/test.sh
# Environment:
#   ABM_TEST_SKIP_E2E=1   run the .NET suites only.
#   ABM_TEST_FILTER=...   passed to 'dotnet test --filter'.
set -euo pipefail

# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
repo=$(abm_repo_root)
cd "$repo"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work=$(mktemp -d "${TMPDIR:-/tmp}/abm-test.XXXXXX")
postgres_pid=""

cleanup() {
    abm_stop_pid "$postgres_pid"
    if [ -n "${ABM_TEST_KEEP:-}" ]; then
        abm_log "Kept test files in $work"
    else
        rm -rf "$work"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- Tools the tests need -------------------------------------------------------------------

abm_apt_install chromium postgresql iproute2 curl
abm_ensure_node_packages "$repo"

# --- Throwaway PostgreSQL cluster -----------------------------------------------------------

# Starts a cluster that listens only on a Unix socket in a temporary folder, so parallel runs
# never fight over a port, and exports its connection string as ABM_TEST_POSTGRES.
start_postgres() {
    local bin pg_dir run_as=()
    bin=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
    [ -n "$bin" ] && [ -x "$bin/initdb" ] || abm_die "PostgreSQL server binaries not found under /usr/lib/postgresql. Install Debian's postgresql, then run this script again."

    pg_dir="$work/postgres"
    mkdir -p "$pg_dir"
    # PostgreSQL refuses to run as root, so root runs it as the postgres user instead.
    if [ "$(id -u)" -eq 0 ]; then
        id postgres >/dev/null 2>&1 || abm_die "running as root, but there is no 'postgres' user to run PostgreSQL as"
        chmod 755 "$work"
        chown postgres:postgres "$pg_dir"
        run_as=(setpriv --reuid=postgres --regid=postgres --clear-groups --)
    fi

    "${run_as[@]}" "$bin/initdb" -D "$pg_dir/data" -U abm --auth=trust --encoding=UTF8 --no-locale >"$work/initdb.log" 2>&1 ||
        { cat "$work/initdb.log" >&2; abm_die "initdb failed (log above)"; }
    "${run_as[@]}" "$bin/postgres" -D "$pg_dir/data" -k "$pg_dir" -c listen_addresses='' -c fsync=off \
        -c full_page_writes=off -c synchronous_commit=off >"$work/postgres.log" 2>&1 &
    postgres_pid=$!

    local attempt
    for attempt in $(seq 1 120); do
        if "$bin/pg_isready" -q -h "$pg_dir" -U abm -d postgres; then
            export ABM_TEST_POSTGRES="Host=$pg_dir;Username=abm;Database=postgres"
            return 0
        fi
        kill -0 "$postgres_pid" 2>/dev/null || { cat "$work/postgres.log" >&2; abm_die "PostgreSQL exited at start (log above)"; }
        sleep 0.25
    done
    abm_die "PostgreSQL did not accept connections within 30 seconds (log: $work/postgres.log)"
}

start_postgres
abm_log "PostgreSQL for tests: $ABM_TEST_POSTGRES"

# --- .NET suites ----------------------------------------------------------------------------

passed=0
failed=0
notes=()

# Adds the counters of every trx file in a folder to the totals.
count_trx() {
    local file counters value
    for file in "$1"/*.trx; do
        [ -e "$file" ] || continue
        counters=$(grep -o '<Counters [^>]*>' "$file" | head -n 1)
        value=$(printf '%s' "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
        passed=$((passed + ${value:-0}))
        value=$(printf '%s' "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
        failed=$((failed + ${value:-0}))
    done
}

abm_log "Building Abm.Bot.sln"
dotnet_status=0
dotnet build Abm.Bot.sln -nologo -v quiet -clp:ErrorsOnly\;NoSummary >&2 || dotnet_status=$?
if [ "$dotnet_status" -eq 0 ]; then
    filter=()
    [ -n "${ABM_TEST_FILTER:-}" ] && filter=(--filter "$ABM_TEST_FILTER")
    dotnet test Abm.Bot.sln --no-build -nologo --results-directory "$work/trx" --logger trx \
        "${filter[@]}" || dotnet_status=$?
    failed_before=$failed
    count_trx "$work/trx"
    if [ "$dotnet_status" -ne 0 ] && [ "$failed" -eq "$failed_before" ]; then
        notes+=("dotnet test exited with code $dotnet_status but reported no failed test; counted as 1 failure")
        failed=$((failed + 1))
    fi
else
    notes+=("dotnet build failed (code $dotnet_status); no test ran, counted as 1 failure")
    failed=$((failed + 1))
fi

# --- End-to-end tests -----------------------------------------------------------------------

# Runs the Node tests in a network namespace that has only loopback, so the bot, the local
# Teams client and Chromium cannot reach any other host. Everything that needs the network
# (restore, npm ci) already ran above.
run_e2e() {
    local bot_dll="$repo/src/Abm.Bot/bin/Debug/net10.0/abm.dll" unshare_args=(-n)
    [ -f "$bot_dll" ] || { notes+=("end-to-end tests skipped: $bot_dll was not built"); failed=$((failed + 1)); return 0; }
    # An unprivileged user needs a user namespace to own the network namespace.
    [ "$(id -u)" -eq 0 ] || unshare_args=(-r -n)

    # The tests' temporary folders (databases, browser profiles) go under $work, which the
    # cleanup removes.
    local e2e_status=0
    mkdir -p "$work/e2e-tmp"
    TMPDIR="$work/e2e-tmp" ABM_BOT_DLL="$bot_dll" ABM_E2E_ARTIFACTS="$work/e2e-artifacts" \
        unshare "${unshare_args[@]}" -- bash -c '
            set -e
            ip link set lo up
            cd "$1/tests/e2e"
            exec node --test --test-concurrency=1 \
                --test-reporter=spec --test-reporter-destination=stdout \
                --test-reporter=tap --test-reporter-destination="$2" \
                tests/' _ "$repo" "$work/e2e.tap" || e2e_status=$?

    local e2e_passed e2e_failed
    e2e_passed=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$work/e2e.tap" 2>/dev/null | tail -n 1)
    e2e_failed=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$work/e2e.tap" 2>/dev/null | tail -n 1)
    passed=$((passed + ${e2e_passed:-0}))
    failed=$((failed + ${e2e_failed:-0}))
    if [ "$e2e_status" -ne 0 ] && [ "${e2e_failed:-0}" -eq 0 ]; then
        notes+=("end-to-end tests exited with code $e2e_status but reported no failed test; counted as 1 failure")
        failed=$((failed + 1))
    fi
    if [ -d "$work/e2e-artifacts" ] && [ -n "$(ls -A "$work/e2e-artifacts" 2>/dev/null)" ]; then
        local kept
        kept=$(mktemp -d "${TMPDIR:-/tmp}/abm-e2e-artifacts.XXXXXX")
        cp -r "$work/e2e-artifacts/." "$kept/"
        notes+=("end-to-end screenshots and logs: $kept")
    fi
}

if [ -n "${ABM_TEST_SKIP_E2E:-}" ]; then
    notes+=("end-to-end tests skipped (ABM_TEST_SKIP_E2E is set)")
else
    run_e2e
fi

for note in "${notes[@]}"; do
    abm_log "note: $note"
done
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
