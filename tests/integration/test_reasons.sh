#!/bin/sh
# Honest reasons in batch mode: a server that answered with no dossiers, a
# name that does not resolve (the link), a port where nothing listens (the
# service is down), and an address or a secure connection that cannot work
# as configured are four different messages and exit statuses.
. "${srcdir:-.}/tests/tap.sh"
. "${srcdir:-.}/tests/integration/replysrv.sh"
. "${srcdir:-.}/tests/e2e/sandbox.sh"
replysrv_setup reasons
TLS_PID=
trap 'replysrv_cleanup; sandbox_cleanup; [ -z "$TLS_PID" ] || kill "$TLS_PID" 2>/dev/null' EXIT

# empty: a server that answers, with no dossiers (replysrv's files)
replysrv_start
printf '{"token":"t1","expires_at":"2025-10-15T22:00:00+07:00"}' >"$www/POST_api_v1_auth_login"
printf '{"items":[],"next_page":null,"cursor":"c1","total":0}' >"$www/GET_api_v1_dossiers"
m list >"$out" 2>"$err"; rc=$?
check "empty: exit 0, the header and no dossier" sh -c "[ $rc = 0 ] && [ \$(wc -l <'$out') = 1 ] && [ ! -s '$err' ]"

CLOCK='2025-10-15 10:00'
export MOTCUA_CLOCK="$CLOCK" MOTCUA_PASSWORD=motcua-demo XDG_DATA_HOME="$SBX_DIR/xdg"
o=$SBX_DIR/o e=$SBX_DIR/e
m() { server=$1; shift; "$MOTCUA" -p sandbox-reference -s "$server" -u tiepnhan1 --timeout 5 "$@" >"$o" 2>"$e"; }
sandbox_start --db "$SBX_DIR/db" --clock "$CLOCK" --freeze-clock \
	--dossiers 30 --citizens 200 --enterprises 20 || exit 1
url=$SBX_URL

# refused: a server's address once it is stopped, with nothing in the
# store: nothing can be answered, but the reason is the service
sandbox_stop
m "$url" list; rc=$?
check "refused, empty store: exit 13, not 4 nor 11" [ "$rc" = 13 ]
check "... saying the connection was refused" grep -q 'connection refused' "$e"
check "... and nothing listed" [ ! -s "$o" ]

# unreachable: a name that never resolves (RFC 6761)
m http://motcua-test.invalid:8080 list; rc=$?
check "unreachable (name lookup): exit 4" [ "$rc" = 4 ]
check "... saying the name was not found" grep -q 'name lookup failed' "$e"

# misconfigured: a mistyped scheme
m htp://127.0.0.1:9 list; rc=$?
check "a mistyped scheme (htp://): exit 12" [ "$rc" = 12 ]
check "... saying which schemes work" grep -q 'only http and https' "$e"

# with dossiers in the store: refused answers from it, saying the server
# is not running rather than offline
sandbox_start --db "$SBX_DIR/db" || exit 1
url=$SBX_URL
m "$url" sync; rc=$?
check "a store synced" [ "$rc" = 0 ]
m "$url" list; n=$(wc -l <"$o")
sandbox_stop
m "$url" list; rc=$?
check "refused, stored dossiers: exit 13, the list from the store" \
	sh -c "[ $rc = 13 ] && [ \$(wc -l <'$o') = $n ] && [ $n -gt 1 ]"
check "... saying the server is not running, not offline" \
	sh -c "grep -q 'the server is not running' '$e' && ! grep -q 'offline' '$e'"
m "$url" sync; rc=$?
check "refused: sync exits 13 too" [ "$rc" = 13 ]
# TLS spoken to the plain port of a running server: misconfigured
sandbox_start --db "$SBX_DIR/db" || exit 1
m "https://${SBX_URL#http://}" list; rc=$?
check "TLS to a plain port: exit 12, nothing from the store" sh -c "[ $rc = 12 ] && [ ! -s '$o' ]"

# a certificate nobody here trusts (self-signed): misconfigured, said so
if command -v openssl >/dev/null 2>&1; then
	openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
		-subj /CN=127.0.0.1 -keyout "$SBX_DIR/key.pem" -out "$SBX_DIR/cert.pem" 2>/dev/null
	openssl s_server -accept 127.0.0.1:0 -cert "$SBX_DIR/cert.pem" -key "$SBX_DIR/key.pem" -www \
		>"$SBX_DIR/tls" 2>&1 &
	TLS_PID=$!
	tls=
	for _ in $(seq 200); do
		tls=$(sed -n 's/^ACCEPT //p' "$SBX_DIR/tls")
		[ -n "$tls" ] && break
		sleep 0.05
	done
	m "https://$tls" list; rc=$?
	check "an untrusted certificate: exit 12" [ "$rc" = 12 ]
	check "... saying the certificate is not trusted, not offline" \
		sh -c "grep -q 'TLS certificate of $tls not trusted' '$e' && ! grep -qi 'offline' '$e'"
else
	echo "# openssl not found: the certificate case is not run (install the Debian package openssl)"
fi

tap_finish
