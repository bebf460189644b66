#!/bin/sh
# A sync never throws data away on a doubtful reply: a dossier leaves the
# local store only when a full list proves it gone (its count matches the
# total the server reported). Through each sandbox dialect: a wrong
# password fails the sync (exit 5) before any list is read; an empty list
# (a filter that matches nothing, standing for a server that answers with
# nothing) and OpenCPS's guest list (a profile that does not prove its
# login, and a wrong password) keep every dossier, exit 9 and say why.
# (Short lists and lists without a total: test_sync_kept.sh, by replysrv.)
. "${srcdir:-.}/tests/e2e/sandbox.sh"
. "${srcdir:-.}/tests/tap.sh"
trap sandbox_cleanup EXIT

export MOTCUA_CLOCK='2025-10-15 10:00'
SIZES="--dossiers 120 --citizens 200 --enterprises 40"
out=$SBX_DIR/out err=$SBX_DIR/err
profiles=${MOTCUA_PROFILE_DIR:-${srcdir:-.}/client/api/profiles}
# in_store FILE: the store's count a sync's summary line gives
in_store() { sed -n 's/.* \([0-9]*\) in the store.*/\1/p' "$1"; }

sandbox_start --db "$SBX_DIR/ref.db" --dialect reference $SIZES \
	--clock "$MOTCUA_CLOCK" --freeze-clock || exit 1
REF_URL=$SBX_URL
sandbox_start --db "$SBX_DIR/portal.db" --dialect portal $SIZES \
	--clock "$MOTCUA_CLOCK" --freeze-clock || exit 1
PORTAL_URL=$SBX_URL
sandbox_start --db "$SBX_DIR/ocps.db" --dialect opencps $SIZES \
	--clock "$MOTCUA_CLOCK" --freeze-clock || exit 1
OCPS_URL=$SBX_URL

for d in sandbox-reference:$REF_URL sandbox-portal:$PORTAL_URL opencps:$OCPS_URL; do
	prof=${d%%:*} url=${d#*:}
	m() { MOTCUA_PASSWORD=${PW:-motcua-demo} "$MOTCUA" --profile "$P" --server "$url" --user tiepnhan1 "$@"; }
	P=$prof
	m sync --full >"$out" 2>"$err"; rc=$?
	n=$(in_store "$out")
	check "$prof: a first sync fills the store" sh -c "[ $rc = 0 ] && [ '${n:-0}' -gt 10 ]"

	PW=wrong m sync --full >"$out" 2>"$err"; rc=$?
	check "$prof: a wrong password: exit 5, nothing synced" sh -c "[ $rc = 5 ] && [ ! -s '$out' ]"
	check "$prof: and it says the login failed" grep -qi "login\|password\|credentials" "$err"

	# the same API answering with an empty list
	sed 's/"{q}"/"zz-no-such-dossier"/' "$profiles/$prof.json" >"$SBX_DIR/$prof-empty.json"
	P=$SBX_DIR/$prof-empty.json
	m sync --full >"$out" 2>"$err"; rc=$?
	check "$prof: an empty list: exit 9" [ "$rc" = 9 ]
	check "$prof: an empty list keeps the $n dossiers" sh -c "[ '$(in_store "$out")' = '$n' ] && grep -q ' 0 dropped' '$out'"
	check "$prof: and says why" grep -q "listed no dossiers at all; the $n in the store are kept" "$err"
	P=$prof
	m sync --full >"$out" 2>"$err"; rc=$?
	check "$prof: the next good sync drops nothing either" sh -c "[ $rc = 0 ] && grep -q ' 0 dropped, $n in the store' '$out'"
done

# OpenCPS serves a wrong password as its guest: a profile that does not
# prove its login gets an empty list with 200, which must not empty the store
sed -e '/"login": {/d' -e 's/, "identity": "userId", "guest": \[20105\]//' \
	"$profiles/opencps.json" >"$SBX_DIR/ocps-noproof.json"
m() { MOTCUA_PASSWORD=${PW:-motcua-demo} "$MOTCUA" --profile "$SBX_DIR/ocps-noproof.json" --server "$OCPS_URL" --user tiepnhan1 "$@"; }
m sync --full >"$out" 2>"$err"; rc=$?
n=$(in_store "$out")
check "opencps without a login proof: a good sync" sh -c "[ $rc = 0 ] && [ '${n:-0}' -gt 10 ]"
PW=wrong m sync --full >"$out" 2>"$err"; rc=$?
check "opencps guest list: exit 9, the $n dossiers kept" sh -c "[ $rc = 9 ] && [ '$(in_store "$out")' = '$n' ]"
check "opencps guest list: says it may be a guest" grep -q "served as a guest" "$err"

tap_finish
