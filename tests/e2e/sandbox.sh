# Start and stop motcua-sandbox for a shell test: a fresh database in a
# temporary directory, a free loopback port, stopped on exit.
# Environment (set by `make check`): SANDBOX, MOTCUA_PROFILE_DIR.

: "${SANDBOX:?SANDBOX must name the motcua-sandbox binary}"
SBX_DIR=$(mktemp -d "${TMPDIR:-/tmp}/motcua-sbx.XXXXXX")
SBX_PIDS=
# the client's local stores, per test script
XDG_DATA_HOME=$SBX_DIR/xdg
export XDG_DATA_HOME

# sandbox_start [OPTION]...: start a sandbox (on SBX_LISTEN, default a free
# loopback port); sets SBX_URL and SBX_PID.
# Seeding a new database takes a moment: the deadline is generous.
sandbox_start() {
	out="$SBX_DIR/out.$$.$(date +%s%N)"
	"$SANDBOX" --listen "${SBX_LISTEN:-127.0.0.1:0}" "$@" >"$out" 2>>"$SBX_DIR/log" &
	SBX_PID=$!
	SBX_PIDS="$SBX_PIDS $SBX_PID"
	SBX_URL=
	deadline=$(($(date +%s) + ${SBX_TIMEOUT:-60}))
	while [ "$(date +%s)" -le "$deadline" ]; do
		SBX_URL=$(sed -n 's/^listening on //p' "$out")
		[ -n "$SBX_URL" ] && return 0
		kill -0 "$SBX_PID" 2>/dev/null || break
		sleep 0.05
	done
	echo "# the sandbox did not start:"
	sed 's/^/#   /' "$SBX_DIR/log"
	return 1
}

sandbox_stop() {
	[ -n "${1:-$SBX_PID}" ] || return 0
	kill -TERM "${1:-$SBX_PID}" 2>/dev/null
	wait "${1:-$SBX_PID}" 2>/dev/null
}

sandbox_cleanup() {
	for p in $SBX_PIDS; do sandbox_stop "$p"; done
	rm -rf "$SBX_DIR"
}
