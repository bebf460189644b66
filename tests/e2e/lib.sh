# tmux harness for end-to-end tests: the real binary in a real terminal.
# A private server (-L), no user config (-f /dev/null), a fixed size and TERM;
# the pane is polled for expected text until a deadline, never slept on.
#
# Environment (set by `make check`): MOTCUA, TMUX_BIN (optional).

: "${MOTCUA:?MOTCUA must name the motcua binary}"
TMUX_BIN=${TMUX_BIN:-tmux}
E2E_RUN=0
E2E_SOCK=
E2E_TERM=${E2E_TERM:-tmux-256color}
# Deadlines only cost time when a test fails: generous, for loaded CI machines.
E2E_TIMEOUT=${E2E_TIMEOUT:-30}
e2e_passed=0
e2e_failed=0

if ! command -v "$TMUX_BIN" >/dev/null 2>&1; then
	echo "tmux not found: install the Debian package tmux to run the end-to-end tests"
	exit 77
fi

tm() { "$TMUX_BIN" -L "$E2E_SOCK" -f /dev/null "$@"; }

e2e_cleanup() { [ -z "$E2E_SOCK" ] || tm kill-server >/dev/null 2>&1; }
trap e2e_cleanup EXIT

ok() {
	e2e_passed=$((e2e_passed + 1))
	echo "ok $((e2e_passed + e2e_failed)) - $1"
}

not_ok() {
	e2e_failed=$((e2e_failed + 1))
	echo "not ok $((e2e_passed + e2e_failed)) - $1"
	echo "# pane:"
	tm capture-pane -p -t e2e 2>/dev/null | sed 's/^/#   /'
}

# check DESC COMMAND...: one test case from a command's status.
check() {
	desc=$1
	shift
	if "$@"; then ok "$desc"; else not_ok "$desc"; fi
}

# start [COLS ROWS] -- COMMAND...: run COMMAND in a fresh pane (on a fresh
# tmux server) through a shell that, once it exits, prints "[exit N]" and
# the terminal's line modes as "[tty icanon echo]", so tests can see the
# status and whether the terminal was restored.
start() {
	cols=80 rows=24
	if [ "$1" != "--" ]; then cols=$1 rows=$2; shift 2; fi
	shift
	e2e_cleanup
	E2E_RUN=$((E2E_RUN + 1))
	E2E_SOCK="motcua-e2e-$$-$E2E_RUN"
	tm new-session -d -s e2e -x "$cols" -y "$rows" \
		"env TERM=$E2E_TERM LANG=C.UTF-8 $* ; echo \"[exit \$?]\"; echo \"[tty \$(stty -a | tr ' ' '\\n' | grep -Ex -- '-?(icanon|echo)' | tr '\\n' ' ')]\"; sleep 600"
}

pane() { tm capture-pane -p -t e2e; }

# poll SECONDS COMMAND...: run COMMAND every 50 ms until it succeeds or
# SECONDS have passed.
poll() {
	deadline=$(($(date +%s) + $1))
	shift
	while [ "$(date +%s)" -le "$deadline" ]; do
		"$@" && return 0
		sleep 0.05
	done
	return 1
}

shows() { pane | grep -qF -- "$1"; }
shows_not() { ! shows "$1"; }

# wait_for TEXT [SECONDS]: poll the pane until TEXT shows up.
wait_for() { poll "${2:-$E2E_TIMEOUT}" shows "$1"; }

# wait_gone TEXT [SECONDS]: poll until TEXT is no longer shown.
wait_gone() { poll "${2:-$E2E_TIMEOUT}" shows_not "$1"; }

# eventually COMMAND...: poll until COMMAND succeeds (for what a screen shows
# once it is redrawn).
eventually() { poll "$E2E_TIMEOUT" "$@"; }

# line N: the Nth line of the pane (1-based).
line() { pane | sed -n "${1}p"; }

# line_has N TEXT: the Nth line has TEXT. A frame reaches the pane top to
# bottom, in pieces: read a line with `eventually line_has`, not at once
# after a wait for another line.
line_has() { line "$1" | grep -qF -- "$2"; }

# wait_synced: a sync has completed (the status bar says "data now"); until
# then the inbox's count, rows and order change as pages come. It tells of
# this session's first sync only on a store never synced before: one synced
# less than a minute earlier says "data now" at once.
wait_synced() { wait_for "data now"; }

keys() { tm send-keys -t e2e "$@"; }

resize() { tm resize-window -t e2e -x "$1" -y "$2"; }

# The pid of the program started in the pane (the child of its shell).
program_pid() {
	shell=$(tm display -p -t e2e '#{pane_pid}')
	pgrep -P "$shell" | head -n 1
}

# After the program exited: the terminal is back to normal (main screen,
# canonical mode, echo on).
restored() {
	wait_for "[tty " && pane | grep -qF "[tty icanon echo ]" &&
		[ "$(tm display -p -t e2e '#{alternate_on}')" = 0 ]
}

finish() {
	echo "$e2e_passed passed, $e2e_failed failed"
	[ "$e2e_failed" -eq 0 ]
}
