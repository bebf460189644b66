#!/bin/sh
# A sync never throws data away on a doubtful reply: a dossier leaves the
# local store only when a full list proves it gone (its count matches the
# total the server reported). Through each sandbox dialect: a wrong
# password fails the sync (exit 5) before any list is read; an empty list
# (a filter that matches nothing, standing for a server that answers with
# nothing) and OpenCPS's guest list (a profile that does not prove its
# login, and a wrong password) keep every dossier, exit 9 and say why.
# Through replysrv: a list short of its total, a list without a total and
# an empty one keep the store; a complete one drops what it no longer has.
. "${srcdir:-.}/tests/e2e/sandbox.sh"
. "${srcdir:-.}/tests/tap.sh"
: "${REPLYSRV:?REPLYSRV must name tests/integration/replysrv}"
SRV_PID=
cleanup() {
	[ -n "$SRV_PID" ] && kill -TERM "$SRV_PID" 2>/dev/null && wait "$SRV_PID" 2>/dev/null
	sandbox_cleanup
}
trap cleanup EXIT

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

# ---- replysrv: short, without a total, complete ----
www=$SBX_DIR/www
mkdir -p "$www"
"$REPLYSRV" "$www" >"$SBX_DIR/srv" 2>"$SBX_DIR/srv.log" &
SRV_PID=$!
URL=
deadline=$(($(date +%s) + 30))
while [ -z "$URL" ] && [ "$(date +%s)" -le "$deadline" ] && kill -0 "$SRV_PID" 2>/dev/null; do
	URL=$(sed -n 's/^listening on //p' "$SBX_DIR/srv")
	[ -n "$URL" ] || sleep 0.05
done
[ -n "$URL" ] || { echo "# replysrv did not start"; cat "$SBX_DIR/srv.log"; exit 1; }
m() { MOTCUA_PASSWORD=secret "$MOTCUA" --profile sandbox-reference --server "$URL" --user tiepnhan1 "$@"; }
printf '{"token":"t1","expires_at":"2025-10-15T22:00:00+07:00"}' >"$www/POST_api_v1_auth_login"
# dossier CODE: a received dossier as the reference dialect lists it
dossier() {
	printf '{"code":"%s","procedure_code":"1.004194","procedure_name":"Đăng ký tạm trú",' "$1"
	printf '"applicant":{"name":"Lê Thị Mai"},"channel":1,"status":2,'
	printf '"received_at":"2025-10-10T14:56:25+07:00","due_at":"2025-10-15T15:00:00+07:00",'
	printf '"version":1,"updated_at":"2025-10-10T14:56:25+07:00"}'
}
# list ITEMS TOTAL: one page; TOTAL "" for none
list() {
	printf '{"items":[%s],"next_page":null%s}' "$1" "${2:+,\"total\":$2}" >"$www/GET_api_v1_dossiers"
}
list "$(dossier A-1),$(dossier A-2),$(dossier A-3)" 3
m sync --full >"$out" 2>"$err"; rc=$?
check "replysrv: three dossiers in the store" sh -c "[ $rc = 0 ] && grep -q ' 3 in the store' '$out'"
list "$(dossier A-1)" 3
m sync --full >"$out" 2>"$err"; rc=$?
check "a list short of its total: exit 9, all three kept" sh -c "[ $rc = 9 ] && grep -q ' 0 dropped, 3 in the store' '$out'"
check "a list short of its total: says so" grep -q "listed 1 dossiers but reported 3; the 2 it did not list are kept" "$err"
list "$(dossier A-1)" ""
m sync --full >"$out" 2>"$err"; rc=$?
check "a list without a total: exit 9, all three kept" sh -c "[ $rc = 9 ] && grep -q ' 3 in the store' '$out'"
check "a list without a total: says so" grep -q "does not say how many dossiers it holds" "$err"
list "" 0
m sync --full >"$out" 2>"$err"; rc=$?
check "an empty list with a total of 0: exit 9, all three kept" sh -c "[ $rc = 9 ] && grep -q ' 3 in the store' '$out'"
list "$(dossier A-1),$(dossier A-3)" 2
m sync --full >"$out" 2>"$err"; rc=$?
check "a complete list drops what it no longer has" sh -c "[ $rc = 0 ] && grep -q ' 1 dropped, 2 in the store' '$out' && [ ! -s '$err' ]"

tap_finish
