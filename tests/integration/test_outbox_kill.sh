#!/bin/sh
# Exactly once through kill -9: actions queued in the outbox are sent by
# processes killed at many moments (before, during and after requests;
# the server answers slowly so the kills land inside them), restarted each
# time, until the outbox is empty. The server must then have every action
# exactly once. Kill moments come from a fixed seed, so a failure repeats.
. "${srcdir:-.}/tests/e2e/sandbox.sh"
. "${srcdir:-.}/tests/tap.sh"
trap sandbox_cleanup EXIT

CLOCK='2025-10-15 10:00'
export MOTCUA_CLOCK="$CLOCK" MOTCUA_PASSWORD=motcua-demo
N=${KILL_ACTIONS:-24}

# kill_checks DIALECT PROFILE
kill_checks() {
	dialect=$1 fp=$2
	export XDG_DATA_HOME="$SBX_DIR/xdg-$dialect"
	db=$SBX_DIR/$dialect.db
	sandbox_start --db "$db" --dialect "$dialect" --clock "$CLOCK" --freeze-clock \
		--dossiers 1500 --citizens 200 --enterprises 20 || exit 1
	port=${SBX_URL##*:}
	# restart [OPTION]...: the same server on the same port, with OPTIONs
	restart() {
		sandbox_stop
		SBX_LISTEN=127.0.0.1:$port sandbox_start --db "$db" --dialect "$dialect" \
			--clock "$CLOCK" --freeze-clock "$@" || exit 1
	}
	m() { "$MOTCUA" --profile "$fp" --server "$SBX_URL" --user tiepnhan1 "$@"; }
	# kill_after SECONDS ARG...: run the client in the background, kill -9 it
	# after SECONDS; true if it was still running. The client itself, not
	# a subshell around it: a subshell's death would leave it running.
	kill_after() {
		secs=$1
		shift
		"$MOTCUA" --profile "$fp" --server "$SBX_URL" --user tiepnhan1 "$@" >/dev/null 2>&1 &
		pid=$!
		sleep "$secs"
		kill -9 "$pid" 2>/dev/null
		killed=$?
		wait "$pid" 2>/dev/null
		return $killed
	}
	m sync >/dev/null 2>&1
	m list --status 1 | tail -n +2 | cut -f1 | head -n "$N" >"$SBX_DIR/codes"
	check "$dialect: $N new dossiers to accept" [ "$(wc -l <"$SBX_DIR/codes")" = "$N" ]

	# queue them while the server is away (at once: each retries a while)
	sandbox_stop
	while read -r code; do m act "$code" accept >/dev/null 2>&1 & done <"$SBX_DIR/codes"
	wait
	check "$dialect: all $N queued" [ "$(m outbox list | tail -n +2 | grep -c '	queued	')" = "$N" ]

	# slow replies (150 ms ± 75), so that kills land inside requests and
	# each process delivers only one or two before it is killed
	restart --latency 150 --jitter 75 --seed 11
	kills=0 seed=1
	while [ "$(m outbox list | tail -n +2 | wc -l)" -gt 0 ] && [ "$kills" -lt 200 ]; do
		ms=$(awk -v s="$seed" 'BEGIN { srand(s); printf "%.3f", rand() * 0.8 }')
		kill_after "$ms" outbox send && kills=$((kills + 1))
		seed=$((seed + 1))
	done
	m outbox send >/dev/null 2>&1
	echo "# $dialect: $kills processes killed with SIGKILL while sending"
	check "$dialect: no killed client is left running" [ -z "$(pgrep -f -- "--server $SBX_URL ")" ]
	check "$dialect: killed many times (at least 5)" [ "$kills" -ge 5 ]
	check "$dialect: the outbox is empty at the end" [ "$(m outbox list | tail -n +2 | wc -l)" = 0 ]
	m outbox list --all >"$SBX_DIR/all"
	check "$dialect: every entry delivered, none refused or in conflict" \
		[ "$(tail -n +2 "$SBX_DIR/all" | grep -c '	done	')" = "$N" ]
	restart	# the checks need no slow replies
	bad=0
	while read -r code; do
		n=$(m show "$code" --format json 2>/dev/null | grep -Ec '"action":[[:space:]]*"accept"')
		[ "$n" = 1 ] || { bad=$((bad + 1)); echo "# $code accepted $n times"; }
	done <"$SBX_DIR/codes"
	check "$dialect: the server has each action exactly once" [ "$bad" = 0 ]

	# kills of a clerk's own `act`, online: an action the outbox recorded
	# is delivered once; one killed before it was recorded is not done
	m list --status 1 | tail -n +2 | cut -f1 | head -n 8 >"$SBX_DIR/codes2"
	restart --latency 150 --jitter 75 --seed 12
	seed=100
	while read -r code; do
		ms=$(awk -v s="$seed" 'BEGIN { srand(s); printf "%.3f", rand() * 0.8 }')
		kill_after "$ms" act "$code" accept
		seed=$((seed + 1))
	done <"$SBX_DIR/codes2"
	restart
	m outbox send >/dev/null 2>&1
	m outbox list --all >"$SBX_DIR/all"
	echo "# $dialect: of 8 clients killed while acting, $(grep -cFf "$SBX_DIR/codes2" "$SBX_DIR/all") had recorded the action"
	bad=0
	while read -r code; do
		want=$(awk -F'\t' -v c="$code" '$2 == c && $4 == "done" { n++ } END { print n + 0 }' "$SBX_DIR/all")
		n=$(m show "$code" --format json 2>/dev/null | grep -Ec '"action":[[:space:]]*"accept"')
		[ "$n" = "$want" ] || { bad=$((bad + 1)); echo "# $code: outbox says $want, server has $n:"; grep "$code" "$SBX_DIR/all" | sed "s/^/#   /"; }
	done <"$SBX_DIR/codes2"
	check "$dialect: act killed at random: the server has what the outbox recorded, once" [ "$bad" = 0 ]
	sandbox_stop
}

kill_checks reference sandbox-reference
kill_checks portal sandbox-portal

tap_finish
