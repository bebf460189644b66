#!/bin/sh
# A login the server answers with what proves nothing (a proxy's HTML page
# with 200, where the token should be) is said as a failed login at once:
# on the login screen, which asks again (never left at "Logging in…"), and
# in batch mode (exit 9: the reply does not fit; a refused password is 5).
# The server is replysrv.
. "${srcdir:-.}/tests/e2e/lib.sh"
: "${REPLYSRV:?REPLYSRV must name tests/integration/replysrv}"

DIR=$(mktemp -d "${TMPDIR:-/tmp}/motcua-loginfail.XXXXXX")
SRV_PID=
cleanup() {
	e2e_cleanup
	[ -n "$SRV_PID" ] && kill -TERM "$SRV_PID" 2>/dev/null && wait "$SRV_PID" 2>/dev/null
	rm -rf "$DIR"
}
trap cleanup EXIT
www=$DIR/www
mkdir -p "$www"
export XDG_DATA_HOME=$DIR/xdg

"$REPLYSRV" "$www" >"$DIR/srv" 2>"$DIR/srv.log" &
SRV_PID=$!
URL=
deadline=$(($(date +%s) + 30))
while [ -z "$URL" ] && [ "$(date +%s)" -le "$deadline" ] && kill -0 "$SRV_PID" 2>/dev/null; do
	URL=$(sed -n 's/^listening on //p' "$DIR/srv")
	[ -n "$URL" ] || sleep 0.05
done
[ -n "$URL" ] || { echo "# replysrv did not start"; cat "$DIR/srv.log"; exit 1; }
printf '<html><body>Bảo trì hệ thống</body></html>' >"$www/POST_api_v1_auth_login"

MOTCUA_PASSWORD=secret "$MOTCUA" --profile sandbox-reference --server "$URL" --user tiepnhan1 list \
	>"$DIR/out" 2>"$DIR/err"
rc=$?
check "batch: a login answered with an HTML page is exit 9 (got $rc)" test "$rc" = 9
check "batch: said as a failed login" grep -q "login of tiepnhan1 failed" "$DIR/err"

start 100 30 -- "env -u MOTCUA_PASSWORD XDG_DATA_HOME='$DIR/xdg' MOTCUA_PROFILE_DIR='$MOTCUA_PROFILE_DIR' MOTCUA_CALENDAR_DIR='$MOTCUA_CALENDAR_DIR' $MOTCUA -p sandbox-reference -s $URL -u tiepnhan1"
check "the login screen asks" wait_for "Log in to the server with your password."
keys -l "secret"
keys Enter
check "the failed login is said on the login screen" wait_for "login of tiepnhan1 failed"
check "no longer \"Logging in…\"" wait_gone "Logging in"
field_empty() { pane | grep -F "Password:" | grep -qvF "*"; }
check "and it asks again (the field is empty)" eventually field_empty
finish
