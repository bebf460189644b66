#!/bin/sh
# Offline first, through both dialects: sync into the local store (full,
# then incremental), answer from the store when the server is gone, queue
# actions in the outbox and deliver them when it is back, keep conflicts
# for the clerk, and lose nothing through server faults or a server
# restarted in the middle of a sync.
. "${srcdir:-.}/tests/e2e/sandbox.sh"
. "${srcdir:-.}/tests/tap.sh"
trap sandbox_cleanup EXIT

CLOCK='2025-10-15 10:00'
export MOTCUA_CLOCK="$CLOCK" MOTCUA_PASSWORD=motcua-demo
out=$SBX_DIR/out err=$SBX_DIR/err

# offline_checks DIALECT PROFILE MODE CUT: MODE is the sync mode of a quiet
# poll; a full sync is cut once CUT of its requests were answered
offline_checks() {
	dialect=$1 fp=$2 quiet=$3 cut=$4
	export XDG_DATA_HOME="$SBX_DIR/xdg-$dialect"
	db=$SBX_DIR/$dialect.db
	sandbox_start --db "$db" --dialect "$dialect" --clock "$CLOCK" --freeze-clock \
		--dossiers 300 --citizens 200 --enterprises 20 || exit 1
	port=${SBX_URL##*:}
	m() { "$MOTCUA" --profile "$fp" --server "$SBX_URL" --user tiepnhan1 "$@"; }
	other() { XDG_DATA_HOME="$SBX_DIR/other-$dialect" m "$@"; }
	faults() { curl -s -X POST "$SBX_URL/_sandbox/faults" -H 'Content-Type: application/json' -d "$1" >/dev/null; }

	m sync >"$out" 2>"$err"; rc=$?
	check "$dialect: the first sync reads the whole list" sh -c "[ $rc = 0 ] && grep -q '^synced (full)' '$out'"
	total=$(sed -n 's/.* \([0-9]*\) in the store.*/\1/p' "$out")
	m list >"$SBX_DIR/online" 2>"$err"
	check "$dialect: the store holds every dossier the server lists" \
		[ "$total" = "$(($(wc -l <"$SBX_DIR/online") - 1))" ]
	store=$(ls "$XDG_DATA_HOME"/motcua/@*/tiepnhan1.db)
	check "$dialect: the store is the owner's only (0600), its folder 0700" \
		sh -c "[ \$(stat -c %a '$store') = 600 ] && [ \$(stat -c %a \$(dirname '$store')) = 700 ]"

	m sync >"$out" 2>"$err"; rc=$?
	check "$dialect: a quiet poll is $quiet" sh -c "[ $rc = 0 ] && grep -q '^synced ($quiet' '$out'"
	bytes=$(sed -n 's/.*; \([0-9]*\) bytes in, \([0-9]*\) out.*/\1 \2/p' "$out")
	echo "# $dialect: quiet poll: $bytes bytes in/out"

	# a change made elsewhere arrives with the next sync
	code=$(awk -F'\t' '$6 == 1 { print $1; exit }' "$SBX_DIR/online")
	other act "$code" accept >/dev/null 2>"$err"
	m sync >"$out" 2>"$err"
	check "$dialect: a change made elsewhere comes with the next sync" sh -c "grep -q '^synced' '$out' && ! grep -q ' 0 dossiers received' '$out'"

	# the server goes away: list and show answer from the store, saying so
	m list >"$SBX_DIR/before" 2>/dev/null
	sandbox_stop
	m list >"$SBX_DIR/offline" 2>"$err"; rc=$?
	check "$dialect: server stopped, list answers from the store: exit 13" [ "$rc" = 13 ]
	check "$dialect: ... the same lines as online" cmp -s "$SBX_DIR/before" "$SBX_DIR/offline"
	check "$dialect: ... and says the server is not running and how old the data is" grep -q "server is not running.*local store, data of" "$err"
	m show "$code" >"$out" 2>"$err"; rc=$?
	check "$dialect: server stopped, show answers from the store: exit 13" sh -c "[ $rc = 13 ] && grep -q '^Status  *2 ' '$out'"

	# an action while offline is queued, and goes when the server is back
	code2=$(awk -F'\t' '$6 == 1 && $1 != "'"$code"'" { print $1; exit }' "$SBX_DIR/online")
	m act "$code2" accept --note "nhận khi mất mạng" >"$out" 2>"$err"; rc=$?
	check "$dialect: server stopped, act queues the action: exit 13" sh -c "[ $rc = 13 ] && grep -q 'kept in the outbox' '$err'"
	m outbox list >"$out"
	check "$dialect: the outbox lists it, queued" grep -q "	$code2	accept	queued	" "$out"
	SBX_LISTEN=127.0.0.1:$port sandbox_start --db "$db" --dialect "$dialect" --clock "$CLOCK" --freeze-clock || exit 1
	m sync >"$out" 2>"$err"; rc=$?
	check "$dialect: back online, sync delivers it" sh -c "[ $rc = 0 ] && grep -q '1 actions delivered, 0 in the outbox' '$out'"
	other show "$code2" --format json >"$out"
	check "$dialect: the server has it, once" sh -c "grep -Eq '\"status\":[[:space:]]*2,' '$out' && [ \$(grep -Ec '\"action\":[[:space:]]*\"accept\"' '$out') = 1 ]"

	# a misconfigured address is not offline: no answer from the store
	# (same host and port, so the same store), its own exit status
	"$MOTCUA" --profile "$fp" --server "https://127.0.0.1:$port" --user tiepnhan1 list >"$out" 2>"$err"; rc=$?
	check "$dialect: TLS spoken to a plain port: exit 12, not offline" \
		sh -c "[ $rc = 12 ] && [ ! -s '$out' ] && grep -q 'secure connection (TLS)' '$err' && ! grep -q 'local store' '$err'"
	"$MOTCUA" --profile "$fp" --server "htp://127.0.0.1:$port" --user tiepnhan1 show "$code" >"$out" 2>"$err"; rc=$?
	check "$dialect: a mistyped scheme (htp://): exit 12, not offline" \
		sh -c "[ $rc = 12 ] && [ ! -s '$out' ] && grep -q 'only http and https' '$err'"

	# an entry in conflict holds back the later ones on its dossier: said,
	# with its number, never 'offline' nor a silent exit 0
	# (the last new dossier listed: the checks below take the first ones)
	held=$(awk -F'\t' '$6 == 1 { c = $1 } END { print c }' "$SBX_DIR/online")
	sandbox_stop
	m act "$held" accept >/dev/null 2>&1
	m act "$held" request-supplement --note "thiếu bản sao" >/dev/null 2>&1
	SBX_LISTEN=127.0.0.1:$port sandbox_start --db "$db" --dialect "$dialect" --clock "$CLOCK" --freeze-clock || exit 1
	other act "$held" refuse --reason "trùng hồ sơ" >/dev/null 2>&1
	m outbox send >"$out" 2>"$err"; rc=$?
	check "$dialect: the first of two offline actions meets a change: exit 7" [ "$rc" = 7 ]
	m outbox send >"$out" 2>"$err"; rc=$?
	check "$dialect: outbox send again: the one held back is named with the one it waits behind, exit 7" \
		sh -c "[ $rc = 7 ] && grep -q 'waits behind #' '$err'"
	m act "$held" withdraw --reason "công dân rút" >"$out" 2>"$err"; rc=$?
	check "$dialect: a new action on that dossier is not queued: exit 7, the entry to decide on named" \
		sh -c "[ $rc = 7 ] && grep -q 'nothing was queued: outbox #' '$err' && ! grep -q offline '$err'"
	for id in $(m outbox list | awk -F'\t' -v c="$held" '$2 == c { print $1 }'); do
		m outbox discard "$id" --yes >/dev/null 2>&1
	done

	# a conflict: queued on a version that changes on the server meanwhile
	code3=$(awk -F'\t' '$6 == 1 && $1 != "'"$code"'" && $1 != "'"$code2"'" { print $1; exit }' "$SBX_DIR/online")
	sandbox_stop
	m act "$code3" refuse --reason "thiếu giấy tờ" >/dev/null 2>&1
	# --log: a line per request answered, for the restart below
	SBX_LISTEN=127.0.0.1:$port sandbox_start --db "$db" --dialect "$dialect" --clock "$CLOCK" --freeze-clock \
		--log || exit 1
	other act "$code3" accept >/dev/null 2>&1
	m sync >"$out" 2>"$err"; rc=$?
	check "$dialect: a conflict is not overwritten: exit 7, said" sh -c "[ $rc = 7 ] && grep -q 'changed on the server' '$err'"
	m outbox list >"$out"
	id=$(awk -F'\t' '$4 == "conflict" { print $1 }' "$out")
	check "$dialect: ... and kept in the outbox as a conflict" [ -n "$id" ]
	other show "$code3" --format json >"$out"
	check "$dialect: ... the server kept the other clerk's accept" grep -Eq '"status":[[:space:]]*2,' "$out"
	m outbox discard "$id" </dev/null >/dev/null 2>"$err"; rc=$?
	check "$dialect: discarding without a terminal needs --yes: exit 2" [ "$rc" = 2 ]
	m outbox discard "$id" --yes >/dev/null 2>"$err"; rc=$?
	check "$dialect: discard --yes drops it" sh -c "[ $rc = 0 ] && [ \$('$MOTCUA' --profile $fp --server $SBX_URL --user tiepnhan1 outbox list | wc -l) = 1 ]"

	# faults: what comes is stored, what fails loses nothing
	n0=$(m list 2>/dev/null | wc -l)
	faults '{"reset": true, "garble_rate": 100}'
	m sync --full >/dev/null 2>"$err"; rc=$?
	check "$dialect: garbled replies: the sync fails clearly (exit 9 or 4)" sh -c "[ $rc = 9 ] || [ $rc = 4 ]"
	faults '{"reset": true, "fail_rate": 50, "seed": 5}'
	m sync --full >/dev/null 2>"$err"; rc=$?
	faults '{"reset": true}'
	n1=$(m list 2>/dev/null | wc -l)
	check "$dialect: half the requests failing: the sync still completes, nothing lost" sh -c "[ $rc = 0 ] && [ $n0 = $n1 ]"
	# the server dies in the middle of a slow full sync, once CUT of its
	# requests were answered (killed: a server stopped cleanly answers
	# the request it holds, and the last page could be that one)
	# its login first, as CUT counts: no session kept from the runs above
	m logout
	faults '{"reset": true, "latency_ms": 300}'
	asked=$(wc -l <"$SBX_DIR/log")
	m sync --full >/dev/null 2>&1 &
	syncpid=$!
	while [ $(($(wc -l <"$SBX_DIR/log") - asked)) -lt "$cut" ] && kill -0 $syncpid 2>/dev/null; do
		sleep 0.05
	done
	kill -KILL "$SBX_PID"
	wait "$SBX_PID" 2>/dev/null
	wait $syncpid; rc=$?
	check "$dialect: a slow full sync is cut by the server's restart" [ "$rc" != 0 ]
	SBX_LISTEN=127.0.0.1:$port sandbox_start --db "$db" --dialect "$dialect" --clock "$CLOCK" --freeze-clock || exit 1
	m sync >"$out" 2>"$err"; rc=$?
	n2=$(m list 2>/dev/null | wc -l)
	check "$dialect: a sync cut by a server restart is completed by the next" sh -c "[ $rc = 0 ] && [ $n0 = $n2 ]"
	sandbox_stop
}

if ! command -v curl >/dev/null 2>&1; then
	not_ok "the offline tests need curl: install the Debian package curl"
else
	# the reference dialect's full sync: the login, then pages, the first
	# stored at the cut; the portal's: the login, then one page, under way
	offline_checks reference sandbox-reference changes 2
	offline_checks portal sandbox-portal recent 1
fi

tap_finish
