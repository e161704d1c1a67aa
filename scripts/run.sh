#!/usr/bin/env bash
# Runs Abm on your machine with nothing to configure. It builds the bot and installs the local
# Teams client (Microsoft 365 Agents Playground) when it is missing. It starts the bot on its
# embedded default: SQLite in .abm/, generated demo data, no credentials, http://127.0.0.1:3978.
# Then it starts the playground next to it and prints the address to open. Ctrl-C stops both.
#
# Usage: scripts/run.sh
# Environment:
#   ABM_PLAYGROUND_PORT   port of the playground's web page (default 56150).
set -euo pipefail

# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
repo=$(abm_repo_root)
cd "$repo"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

bot_url=http://127.0.0.1:3978
playground_port=${ABM_PLAYGROUND_PORT:-56150}
state="$repo/.abm"
bot_pid=""
playground_pid=""

stop_all() {
    trap - EXIT INT TERM
    abm_stop_pid "$playground_pid"
    abm_stop_pid "$bot_pid"
}
trap stop_all EXIT
trap 'echo; abm_log "Stopping Abm and the playground"; exit 0' INT TERM

command -v dotnet >/dev/null 2>&1 ||
    abm_die "the .NET SDK is not installed. Install the .NET 10 SDK (https://dot.net), then run this script again."
command -v curl >/dev/null 2>&1 || abm_apt_install curl

# A server already on either port would pass the readiness checks below in place of ours.
if curl -s -o /dev/null --max-time 2 "$bot_url/"; then
    abm_die "port 3978 is already in use (is Abm already running?). Stop that program, then run this script again."
fi
if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$playground_port/"; then
    abm_die "port $playground_port is already in use. Stop that program, or set ABM_PLAYGROUND_PORT to a free port."
fi

mkdir -p "$state/playground"

abm_log "Building Abm"
if ! dotnet build src/Abm.Bot/Abm.Bot.csproj -nologo -v quiet >"$state/build.log" 2>&1; then
    cat "$state/build.log" >&2
    abm_die "the build failed (output above)"
fi
abm_ensure_node_packages "$repo"

abm_log "Starting Abm on $bot_url (log: .abm/bot.log)"
dotnet src/Abm.Bot/bin/Debug/net10.0/abm.dll >"$state/bot.log" 2>&1 &
bot_pid=$!
abm_wait_for_http "$bot_url/api/messages" "$bot_pid" Abm .abm/bot.log

# Telemetry stays off: without both switches the playground tries to reach a cloud metadata
# address at start.
abm_log "Starting the local Teams client on port $playground_port (log: .abm/playground.log)"
(
    cd "$state/playground"
    exec env APPLICATION_INSIGHTS_NO_STATSBEAT=true TEAMSAPPTESTER_BROWSER=none \
        M365_AGENTS_PLAYGROUND_CONFIG_PATH="$repo/scripts/playground.yml" \
        M365_AGENTS_PLAYGROUND_LOGFILE="$state/playground.log" \
        node "$(abm_playground_cli "$repo")" start --app-endpoint "$bot_url/api/messages" \
        --channel-id msteams --port "$playground_port" --disable-telemetry
) >"$state/playground.stdout" 2>&1 &
playground_pid=$!
abm_wait_for_http "http://127.0.0.1:$playground_port/_debug/ping" "$playground_pid" "the playground" .abm/playground.log

cat <<EOF

Abm is running. Open http://127.0.0.1:$playground_port/ in your browser and try:
  help
  tell me about <an account>
  top 5 accounts
  what changed this week
  funnel

Logs: .abm/bot.log and .abm/playground.log. Press Ctrl-C to stop.
EOF

# Runs until Ctrl-C or until one of the two processes exits.
status=0
wait -n "$bot_pid" "$playground_pid" || status=$?
if kill -0 "$bot_pid" 2>/dev/null; then
    abm_log "The playground stopped (exit code $status); see .abm/playground.log"
else
    abm_log "Abm stopped (exit code $status); see .abm/bot.log"
fi
exit 1
