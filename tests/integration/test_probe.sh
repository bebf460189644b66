#!/bin/sh
# A quiet check costs at most 1 KB on the wire (issue 15), in every
# dialect: a one-shot `motcua sync` with nothing new makes no login (the
# session is kept) and, for APIs without ETag or change cursor, reads one
# dossier, the most recently changed, compared with what the last sync
# kept. A change made elsewhere still comes with the next sync, and a probe
# read within a minute of its dossier's change is not trusted, unless the
# profile says the API lists changes in order (capabilities.changes_in_order).
# A full read of the list keeps a probe as well when it came a minute after
# the newest change: the first poll after it reads one dossier, and a later
# change still comes; within that minute it keeps none (two dossiers).
. "${srcdir:-.}/tests/e2e/sandbox.sh"
. "${srcdir:-.}/tests/tap.sh"
trap sandbox_cleanup EXIT

export MOTCUA_CLOCK='2025-10-15 10:00' MOTCUA_PASSWORD=motcua-demo
SIZES="--dossiers 300 --citizens 200 --enterprises 20"
out=$SBX_DIR/out err=$SBX_DIR/err
# bytes OUT: in + out on the wire, as the sync line counts them
bytes() { sed -n 's/.*; \([0-9]*\) bytes in, \([0-9]*\) out.*/\1 \2/p' "$1" | awk '{ print $1 + $2 }'; }
received() { sed -n 's/^synced[^:]*: \([0-9]*\) dossiers received.*/\1/p' "$1"; }
logins() { curl -s "$SBX_URL/_sandbox/health" | sed -n 's/.*"logins":[[:space:]]*\([0-9]*\).*/\1/p'; }
advance() {
	curl -s -X POST "$SBX_URL/_sandbox/clock" -H 'Content-Type: application/json' \
		-d "{\"advance_seconds\": $1}" >/dev/null
}

if ! command -v curl >/dev/null 2>&1; then
	not_ok "the probe tests need curl: install the Debian package curl"
	tap_finish
	exit
fi

for d in reference:sandbox-reference:changes portal:sandbox-portal:recent opencps:opencps:recent; do
	dialect=${d%%:*} rest=${d#*:}
	prof=${rest%%:*} mode=${rest#*:}
	export XDG_DATA_HOME="$SBX_DIR/xdg-$dialect"
	sandbox_start --db "$SBX_DIR/$dialect.db" --dialect "$dialect" $SIZES \
		--clock "$MOTCUA_CLOCK" --freeze-clock || exit 1
	m() { "$MOTCUA" --profile "$prof" --server "$SBX_URL" --user tiepnhan1 "$@"; }
	other() { XDG_DATA_HOME="$SBX_DIR/other-$dialect" m "$@"; }

	m sync >"$out" 2>"$err" && m list >"$SBX_DIR/online" 2>"$err"
	# a desk where nothing changed for two minutes
	advance 120
	m sync >"$out" 2>"$err"
	m sync >"$out" 2>"$err"; rc=$?
	n=$(bytes "$out")
	echo "# $dialect: quiet one-shot sync: $n bytes"
	check "$dialect: a quiet one-shot sync: $mode, no login, <= 1024 bytes" \
		sh -c "[ $rc = 0 ] && grep -q '^synced ($mode' '$out' && [ '$(logins)' = 1 ] && [ '${n:-9999}' -le 1024 ]"
	[ "$mode" = recent ] &&
		check "$dialect: ... one dossier read: the probe" [ "$(received "$out")" = 1 ]

	# a change made elsewhere comes with the next sync
	code=$(awk -F'\t' '$6 == 1 { print $1; exit }' "$SBX_DIR/online")
	other act "$code" accept >/dev/null 2>"$err"
	# a full read in the very minute of that change
	within() { XDG_DATA_HOME="$SBX_DIR/within-$dialect" m "$@"; }
	[ "$mode" = recent ] && within sync >/dev/null 2>"$err"
	m sync >"$out" 2>"$err"; rc=$?
	check "$dialect: a change made elsewhere comes with the next sync" \
		sh -c "[ $rc = 0 ] && [ '$(received "$out")' -ge 1 ]"
	if [ "$dialect" = portal ]; then
		# its profile says the API lists changes in order
		m sync >"$out" 2>"$err"
		check "$dialect: changes_in_order: a probe is trusted within the minute" \
			[ "$(received "$out")" = 1 ]
	elif [ "$mode" = recent ]; then
		# read in the very minute of that change: not trusted
		m sync >"$out" 2>"$err"
		check "$dialect: a probe read within a minute of its change proves nothing" \
			[ "$(received "$out")" -ge 2 ]
	fi
	if [ "$mode" = recent ]; then
		advance 120
		m sync >"$out" 2>"$err"
		m sync >"$out" 2>"$err"
		check "$dialect: a minute later, quiet again: one dossier" [ "$(received "$out")" = 1 ]
		# it could not vouch for a probe (a change in that second may
		# sort below the newest), whatever changes_in_order says
		within sync >"$out" 2>"$err"
		check "$dialect: a full read within a minute of the newest change leaves no probe: two dossiers" \
			[ "$(received "$out")" = 2 ]
	fi

	# a full read two minutes after the newest change leaves its probe:
	# the first poll after it reads one dossier, and still sees a change
	fresh() { XDG_DATA_HOME="$SBX_DIR/fresh-$dialect" m "$@"; }
	fresh sync >"$out" 2>"$err"
	fresh sync >"$out" 2>"$err"; rc=$?
	n=$(bytes "$out")
	echo "# $dialect: first poll after a full read: $n bytes"
	check "$dialect: the first poll after a full read: $mode, <= 1024 bytes" \
		sh -c "[ $rc = 0 ] && grep -q '^synced ($mode' '$out' && [ '${n:-9999}' -le 1024 ]"
	[ "$mode" = recent ] &&
		check "$dialect: ... one dossier read: the full read's probe" [ "$(received "$out")" = 1 ]
	code2=$(awk -F'\t' '$6 == 1 { if (++k == 2) { print $1; exit } }' "$SBX_DIR/online")
	other act "$code2" accept >/dev/null 2>"$err"
	fresh sync >"$out" 2>"$err"; rc=$?
	check "$dialect: ... and the next poll brings a change made elsewhere" \
		sh -c "[ $rc = 0 ] && [ '$(received "$out")' -ge 1 ]"

	sandbox_stop
	m show "$code" >"$out" 2>"$err"; rc=$?
	check "$dialect: the store has the change (server down: exit 13, status 2)" \
		sh -c "[ $rc = 13 ] && grep -q '^Status  *2 ' '$out'"
	fresh show "$code2" >"$out" 2>"$err"; rc=$?
	check "$dialect: the store after a full read has the later change (status 2)" \
		sh -c "[ $rc = 13 ] && grep -q '^Status  *2 ' '$out'"
done

tap_finish
