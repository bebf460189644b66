#!/bin/sh
# The same data through the three sandbox dialects gives identical output:
# one seeded database, copied, served by a reference-dialect, a
# portal-dialect and an opencps-dialect sandbox on the same frozen clock;
# motcua in batch mode through the profiles sandbox-reference,
# sandbox-portal and opencps must print the same bytes. The profiles, not
# the client's code, carry the differences between the APIs.
. "${srcdir:-.}/tests/e2e/sandbox.sh"
. "${srcdir:-.}/tests/tap.sh"
trap sandbox_cleanup EXIT

CLOCK='2025-10-15 10:00'
export MOTCUA_CLOCK="$CLOCK" MOTCUA_PASSWORD=motcua-demo
SIZES="--dossiers 600 --citizens 300 --enterprises 40"

# Seed once, then give each dialect its own copy of the same database.
sandbox_start --db "$SBX_DIR/seed.db" --clock "$CLOCK" --freeze-clock $SIZES || exit 1
sandbox_stop
for f in seed.db seed.db-wal; do
	[ -f "$SBX_DIR/$f" ] || continue
	cp "$SBX_DIR/$f" "$SBX_DIR/ref${f#seed}"
	cp "$SBX_DIR/$f" "$SBX_DIR/portal${f#seed}"
	cp "$SBX_DIR/$f" "$SBX_DIR/ocps${f#seed}"
done
sandbox_start --db "$SBX_DIR/ref.db" --dialect reference --clock "$CLOCK" --freeze-clock || exit 1
REF_URL=$SBX_URL
sandbox_start --db "$SBX_DIR/portal.db" --dialect portal --clock "$CLOCK" --freeze-clock || exit 1
PORTAL_URL=$SBX_URL
sandbox_start --db "$SBX_DIR/ocps.db" --dialect opencps --clock "$CLOCK" --freeze-clock || exit 1
OCPS_URL=$SBX_URL

ref() { "$MOTCUA" --profile sandbox-reference --server "$REF_URL" --user "${USER_AS:-tiepnhan1}" "$@"; }
portal() { "$MOTCUA" --profile sandbox-portal --server "$PORTAL_URL" --user "${USER_AS:-tiepnhan1}" "$@"; }
ocps() { "$MOTCUA" --profile opencps --server "$OCPS_URL" --user "${USER_AS:-tiepnhan1}" "$@"; }
a=$SBX_DIR/a b=$SBX_DIR/b o=$SBX_DIR/o
# as LOGIN CMD...: run CMD as another user (an assignment before a function
# call does not portably end with it)
as() { USER_AS=$1; shift; "$@"; USER_AS=; }

# same DESC ARGS...: the three dialects exit 0 with byte-identical output.
same() {
	desc=$1; shift
	ref "$@" >"$a" 2>"$a.err"; ra=$?
	portal "$@" >"$b" 2>"$b.err"; rb=$?
	ocps "$@" >"$o" 2>"$o.err"; ro=$?
	if [ "$ra" = 0 ] && [ "$rb" = 0 ] && [ "$ro" = 0 ] && [ -s "$a" ] && cmp -s "$a" "$b" &&
	   cmp -s "$a" "$o"; then
		ok "$desc"
	else
		not_ok "$desc (exit $ra / $rb / $ro)"
		sed 's/^/#   reference: /' "$a.err" | head -n 3
		sed 's/^/#   portal:    /' "$b.err" | head -n 3
		sed 's/^/#   opencps:   /' "$o.err" | head -n 3
		diff "$a" "$b" | head -n 10 | sed 's/^/#   /'
		diff "$a" "$o" | head -n 10 | sed 's/^/#   opencps /'
	fi
}

check "the opencps profile loads and lists" sh -c "\"$MOTCUA\" --profile opencps --server $OCPS_URL --user tiepnhan1 list >'$SBX_DIR/olist' && [ \$(wc -l <'$SBX_DIR/olist') -gt 50 ]"
check "the portal profile loads and lists" sh -c "\"$MOTCUA\" --profile sandbox-portal --server $PORTAL_URL --user tiepnhan1 list >'$SBX_DIR/list' && [ \$(wc -l <'$SBX_DIR/list') -gt 50 ]"

# lists
same "list (tsv)" list
same "list --format json" list --format json
same "list --status 4" list --status 4
same "list --status 1,5,9 --format json" list --status 1,5,9 --format json
same "list --overdue" list --overdue
as lanhdao1 same "list as a leader" list
as chuyenvien1 same "list --mine as a specialist" list --mine --format json
as tiepnhan3 same "list of the other commune" list

# show a dossier of every status, in both formats
for st in 1 2 3 4 5 6 7 8 9 10; do
	code=$(awk -F'\t' -v s="$st" 'NR > 1 && $6 == s { print $1; exit }' "$SBX_DIR/list")
	if [ -z "$code" ]; then
		not_ok "a dossier in status $st to show"
		continue
	fi
	same "show a dossier in status $st ($code)" show "$code"
	same "show --format json, status $st" show "$code" --format json
done
# one whose due date moved (a supplement round)
moved=$(for c in $(awk -F'\t' 'NR > 1 && $6 == 4 { print $1 }' "$SBX_DIR/list" | head -n 60); do
	ref show "$c" --format json | grep -q '"due_history"' && { echo "$c"; break; }
done)
if [ -n "$moved" ]; then
	same "show a dossier whose due date moved ($moved)" show "$moved" --format json
else
	not_ok "a dossier with a due history to show"
fi
as lanhdao1 same "show as a leader (other allowed actions)" show "$moved"

# the catalog and the national registers
same "procedures" procedures
same "procedures --format json" procedures --format json
same "lookup citizen 001085012345" lookup citizen 001085012345
same "lookup citizen --format json" lookup citizen 036188004567 --format json
same "lookup enterprise 0107654326" lookup enterprise 0107654326
same "lookup enterprise branch 0105558881-001" lookup enterprise 0105558881-001 --format json
same "lookup enterprise household business 8012345677" lookup enterprise 8012345677

# actions: the same action on each side gives the same status line and dossier
new=$(awk -F'\t' 'NR > 1 && $6 == 1 { print $1; exit }' "$SBX_DIR/list")
same "act accept on a new online dossier ($new)" act "$new" accept --note "đủ giấy tờ"
check "and it is now accepted (status 2)" grep -q "^$new	2	" "$b"
same "the accepted dossier reads the same" show "$new" --format json
as lanhdao1 same "act assign" act "$new" assign --assignee chuyenvien1
as chuyenvien1 same "act forward-signing" act "$new" forward-signing
same "the processed dossier reads the same" show "$new"
refuse=$(awk -F'\t' 'NR > 1 && $6 == 1 { print $1 }' "$SBX_DIR/list" | sed -n 2p)
same "act refuse with a reason ($refuse)" act "$refuse" refuse --reason "không thuộc thẩm quyền"
same "list after the actions" list --format json

# what differs on purpose: the API's own words for a refusal, still a refusal
ref act "$new" accept >/dev/null 2>"$a"; ra=$?
portal act "$new" accept >/dev/null 2>"$b"; rb=$?
ocps act "$new" accept >/dev/null 2>"$o"; ro=$?
check "a refused action fails on every side (exit $ra / $rb / $ro)" sh -c "[ $ra != 0 ] && [ $rb != 0 ] && [ $ro != 0 ]"

# a wrong password: OpenCPS serves it as its guest, which is a failed login;
# a sync then stops there, and the store keeps every dossier
ocps sync --full >"$o" 2>"$o.err"
before=$(sed -n 's/.* \([0-9]*\) in the store.*/\1/p' "$o")
MOTCUA_PASSWORD=wrong ocps list >"$o" 2>"$o.err"; ro=$?
check "a wrong password through opencps is a failed login (exit $ro)" \
	sh -c "[ $ro = 5 ] && grep -q 'anonymous guest' '$o.err' && [ ! -s '$o' ]"
MOTCUA_PASSWORD=wrong ocps sync --full >/dev/null 2>&1; ro=$?
ocps sync >"$o" 2>"$o.err"
after=$(sed -n 's/.* \([0-9]*\) in the store.*/\1/p' "$o")
check "a sync with it fails and the store keeps its $before dossiers (exit $ro, then $after)" \
	sh -c "[ $ro = 5 ] && [ -n '$before' ] && [ '$before' -gt 50 ] && [ '$before' = '$after' ]"

tap_finish
