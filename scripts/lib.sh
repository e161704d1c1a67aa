# Helpers shared by scripts/run.sh and scripts/test.sh. Source it; it defines functions only.

# Repository root (the folder that contains Abm.Bot.sln).
abm_repo_root() {
    cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd
}

abm_log() {
    printf '%s\n' "$*" >&2
}

abm_die() {
    printf 'error: %s\n' "$*" >&2
    exit 1
}

# Runs a command as root: directly when we are root, through sudo otherwise.
abm_as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo -n "$@" || abm_die "'$*' needs root. Run it yourself with sudo, then run this script again."
    else
        abm_die "'$*' needs root and sudo is not installed. Run it as root, then run this script again."
    fi
}

ABM_APT_UPDATED=0

# Installs Debian packages that are not installed yet. Runs 'apt-get update' at most once per
# script run, and leaves a machine that already has every package untouched.
abm_apt_install() {
    local missing=() package
    for package in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q '^install ok installed$'; then
            missing+=("$package")
        fi
    done
    [ "${#missing[@]}" -eq 0 ] && return 0
    command -v apt-get >/dev/null 2>&1 ||
        abm_die "missing packages: ${missing[*]}, and apt-get is not available. Install them, then run this script again."

    abm_log "Installing Debian packages: ${missing[*]}"
    if [ "$ABM_APT_UPDATED" -eq 0 ]; then
        abm_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        ABM_APT_UPDATED=1
    fi
    abm_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Ensures node and npm exist (Debian's nodejs when missing).
abm_ensure_node() {
    if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
        abm_apt_install nodejs npm
    fi
    local major
    major=$(node -p 'process.versions.node.split(".")[0]')
    [ "$major" -ge 20 ] || abm_die "Node.js 20 or newer is needed, found $(node --version). Install a newer nodejs, then run this script again."
}

# Installs tests/e2e's Node packages (the local Teams client and playwright-core) from the
# committed lock file, unless node_modules already matches that lock file.
abm_ensure_node_packages() {
    local repo=$1 e2e="$1/tests/e2e" stamp lock_hash
    abm_ensure_node
    stamp="$e2e/node_modules/.abm-lock.sha256"
    lock_hash=$(sha256sum "$e2e/package-lock.json" | cut -d' ' -f1)
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_hash" ]; then
        return 0
    fi
    abm_log "Installing Node packages in tests/e2e (npm ci)"
    (cd "$e2e" && npm ci --no-audit --no-fund --loglevel=error >&2)
    printf '%s\n' "$lock_hash" >"$stamp"
}

# Path of the local Teams client's command-line entry point.
abm_playground_cli() {
    printf '%s\n' "$1/tests/e2e/node_modules/@microsoft/m365agentsplayground/cli.js"
}

# Waits until an HTTP server responds on a URL (any status), or fails after about 3 minutes
# (the bot's first start seeds the demo data, which is slow on a busy machine).
# Stops early when the process with the given PID has exited. The log file is named in errors.
abm_wait_for_http() {
    local url=$1 pid=$2 name=$3 log=$4 attempt
    for attempt in $(seq 1 720); do
        if curl -s -o /dev/null --max-time 2 "$url"; then
            return 0
        fi
        kill -0 "$pid" 2>/dev/null || abm_die "$name exited before it responded on $url; see $log"
        sleep 0.25
    done
    abm_die "$name did not respond on $url within 3 minutes; see $log"
}

# Stops a process we started, by PID, and waits for it to exit.
abm_stop_pid() {
    local pid=$1 attempt
    [ -n "$pid" ] || return 0
    kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || return 0
    for attempt in $(seq 1 40); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.25
    done
    kill -KILL "$pid" 2>/dev/null || true
}
