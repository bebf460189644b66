#!/bin/sh
# An empty store's first sync: the open dossiers first, then the whole
# list; one cut short goes on where it stopped. Through each dialect
# (page paging of 100 and of 200, offset paging capped at 100):
#   - the server fails every request after the third (the login, a
#     screenful, the open listing): the sync fails, says that the next one
#     goes on, and what it stored is open work only;
#   - the next fails after the first page of the whole list;
#   - once the server is well, the next sync reads only what is missing:
#     its requests are those of a first sync from empty less those that
#     succeeded before, and it ends with the same store;
#   - the sync after it drops nothing (the sync guard holds);
#   - Ctrl-C during a first sync: exit 130 and a sentence saying how many
#     dossiers are stored and that the next sync goes on.
. "${srcdir:-.}/tests/e2e/sandbox.sh"
. "${srcdir:-.}/tests/tap.sh"
trap sandbox_cleanup EXIT

if ! command -v curl >/dev/null 2>&1 || ! command -v sqlite3 >/dev/null 2>&1; then
	not_ok "the resume tests need curl and sqlite3: install the Debian packages curl and sqlite3"
	tap_finish; exit
fi

export MOTCUA_CLOCK='2025-10-15 10:00' MOTCUA_PASSWORD=motcua-demo
SIZES="--dossiers 600 --citizens 200 --enterprises 40"
res=$SBX_DIR/res err=$SBX_DIR/err log=$SBX_DIR/log
# answered: the requests the sandboxes answered well so far
answered() { tr -d '\000' <"$log" | grep -c ' 200 '; }
in_store() { sed -n 's/.* \([0-9]*\) in the store.*/\1/p' "$1"; }
# sql QUERY: on the store of the current XDG_DATA_HOME
sql() { sqlite3 "$(find "$XDG_DATA_HOME" -name '*.db' | head -n 1)" "$1"; }
faults() { curl -s -f -X POST "$url/_sandbox/faults" -H 'Content-Type: application/json' -d "$1" >/dev/null; }

n=0
for d in reference:sandbox-reference portal:sandbox-portal opencps:opencps; do
	dialect=${d%%:*} prof=${d#*:} n=$((n + 1))
	sandbox_start --db "$SBX_DIR/$dialect.db" --dialect "$dialect" $SIZES --clock "$MOTCUA_CLOCK" \
		--freeze-clock --log --fail-rate 100 --faults-after 3 || exit 1
	url=$SBX_URL
	m() { "$MOTCUA" --profile "$prof" --server "$url" --user tiepnhan1 "$@"; }

	# the login, a screenful of the open work, the open listing; no more
	export XDG_DATA_HOME=$SBX_DIR/cut$n
	a0=$(answered)
	m sync >"$res" 2>"$err"; rc=$?
	r1=$(($(answered) - a0))
	check "$dialect: a first sync cut short fails" sh -c "[ $rc != 0 ] && [ $r1 = 3 ]"
	check "$dialect: and says the next one goes on" grep -q "the next sync goes on where this one stopped" "$err"
	check "$dialect: with no progress line on a pipe" sh -c "! grep -q syncing '$err'"
	stored=$(sql 'SELECT count(*) FROM dossiers')
	check "$dialect: what it stored is the open work only ($stored)" \
		sh -c "[ '$stored' -ge 25 ] && [ '$(sql 'SELECT count(*) FROM dossiers WHERE status NOT IN (1, 2, 4, 5, 6)')' = 0 ]"

	# then the login and the first page of the whole list
	# each run logs in (a kept session would spare it: the counts below
	# are of a sync's own requests)
	m logout >/dev/null 2>&1
	faults '{"reset": true, "fail_rate": 100, "after": 2}' || not_ok "$dialect: the faults could not be set"
	a0=$(answered)
	m sync >"$res" 2>"$err"; rc=$?
	r2=$(($(answered) - a0))
	check "$dialect: cut short again" sh -c "[ $rc != 0 ] && [ $r2 = 2 ] && [ '$(sql 'SELECT count(*) FROM dossiers')' -gt '$stored' ]"

	m logout >/dev/null 2>&1
	faults '{"reset": true}' || not_ok "$dialect: the faults could not be reset"
	a0=$(answered)
	m sync >"$res" 2>"$err"; rc=$?
	r3=$(($(answered) - a0))
	resumed=$(in_store "$res")

	export XDG_DATA_HOME=$SBX_DIR/fresh$n
	a0=$(answered)
	m sync >"$res" 2>"$err"
	r0=$(($(answered) - a0))
	whole=$(in_store "$res")
	# each run logs in once
	check "$dialect: the next sync reads only what is missing ($r3 requests; from empty $r0, $r1 and $r2 before)" \
		sh -c "[ $rc = 0 ] && [ $r3 = $((r0 - (r1 - 1) - (r2 - 1))) ]"
	check "$dialect: and ends with the whole list ($resumed of $whole)" \
		sh -c "[ -n '$whole' ] && [ '$resumed' = '$whole' ] && [ '$whole' -gt '$stored' ]"

	export XDG_DATA_HOME=$SBX_DIR/cut$n
	m sync >"$res" 2>"$err"; rc=$?
	check "$dialect: the sync after it drops nothing" \
		sh -c "[ $rc = 0 ] && grep -q ' 0 dropped, $whole in the store' '$res'"
	sandbox_stop
done

# Ctrl-C: the sandbox answers the login, a screenful and the open
# listing, then never answers; once the open work is stored, the sync is
# interrupted
sandbox_start --db "$SBX_DIR/reference.db" --dialect reference --freeze-clock --log \
	--stall --faults-after 3 || exit 1
url=$SBX_URL
export XDG_DATA_HOME=$SBX_DIR/int
"$MOTCUA" --profile sandbox-reference --server "$url" --user tiepnhan1 sync >"$res" 2>"$err" &
pid=$!
deadline=$(($(date +%s) + 30))
while [ "$(date +%s)" -le "$deadline" ] &&
	[ "$(sql "SELECT value FROM meta WHERE key = 'first_sync'" 2>/dev/null)" != "all 0" ]; do
	sleep 0.1
done
stored=$(sql 'SELECT count(*) FROM dossiers')
kill -INT "$pid"
wait "$pid"; rc=$?
check "Ctrl-C ends a first sync with exit 130" [ "$rc" = 130 ]
check "and says what is stored ($stored)" grep -q "sync interrupted: $stored dossiers are in the store" "$err"
check "and that the next sync goes on" grep -q "the next sync goes on where this one stopped" "$err"
tap_finish
