#!/bin/sh
# Batch mode against a real motcua-sandbox: every command, the exit codes a
# script relies on, and the clear errors of broken links, servers and
# profiles.
. "${srcdir:-.}/tests/e2e/sandbox.sh"
. "${srcdir:-.}/tests/tap.sh"
trap sandbox_cleanup EXIT

CLOCK='2025-10-15 10:00'
export MOTCUA_CLOCK="$CLOCK" MOTCUA_PASSWORD=motcua-demo
sandbox_start --db "$SBX_DIR/db" --clock "$CLOCK" --freeze-clock \
	--dossiers 400 --citizens 300 --enterprises 40 || exit 1
m() { "$MOTCUA" --profile sandbox-reference --server "$SBX_URL" --user "${USER_AS:-tiepnhan1}" "$@"; }
out=$SBX_DIR/out err=$SBX_DIR/err

# list
m list >"$out" 2>"$err"; rc=$?
check "list exits 0" [ "$rc" = 0 ]
check "list: the documented header" [ "$(head -n 1 "$out")" = "$(printf 'code\tprocedure\tapplicant\treceived\tdue\tstatus\tchannel')" ]
check "list: many dossiers" [ "$(wc -l <"$out")" -gt 50 ]
check "list: seven columns on every line" sh -c "awk -F'\t' 'NF != 7 { bad = 1 } END { exit bad }' '$out'"
check "list: status codes 1-10, channels 1-3" sh -c "awk -F'\t' 'NR > 1 && (\$6 < 1 || \$6 > 10 || \$7 < 1 || \$7 > 3) { bad = 1 } END { exit bad }' '$out'"
check "list: sorted by code" sh -c "tail -n +2 '$out' | cut -f1 | LC_ALL=C sort -c"
check "list: dates in ISO 8601 at +07:00" sh -c "awk -F'\t' 'NR > 1 && \$5 != \"\" && \$5 !~ /^20[0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:00\\+07:00\$/ { bad = 1 } END { exit bad }' '$out'"
m list --status 4 >"$out"
check "list --status 4: only status 4" sh -c "tail -n +2 '$out' | cut -f6 | sort -u | grep -qx 4 && [ \$(tail -n +2 '$out' | cut -f6 | sort -u | wc -l) = 1 ]"
m list --overdue >"$out"
check "list --overdue: some, all due before the clock" sh -c "[ \$(wc -l <'$out') -gt 1 ] && tail -n +2 '$out' | cut -f5 | awk '\$0 > \"2025-10-15T10:00\" { bad = 1 } END { exit bad }'"
# an empty list (a reception clerk has none assigned): the header alone
m list --mine >"$out" 2>"$err"; rc=$?
check "an empty list exits 0" [ "$rc" = 0 ]
check "an empty list: the header alone, nothing on stderr" sh -c "[ \$(wc -l <'$out') = 1 ] && [ ! -s '$err' ]"
m list --mine --format json >"$out"; rc=$?
check "an empty list in JSON exits 0" [ "$rc" = 0 ]
check "an empty list in JSON is []" [ "$(tr -d ' \n' <"$out")" = "[]" ]
m list --format json >"$out"
check "list --format json is a JSON array of dossiers" sh -c "head -c 1 '$out' | grep -q '\\[' && grep -q '\"code\":' '$out'"

# show
code=$(m list --status 1 | sed -n 2p | cut -f1)
m show "$code" >"$out"; rc=$?
check "show exits 0" [ "$rc" = 0 ]
check "show names the dossier, its status and log" sh -c "grep -q '^Dossier  *$code' '$out' && grep -q '^Status  *1 ' '$out' && grep -q '^Log:' '$out'"
m show NO-SUCH-CODE >/dev/null 2>"$err"; rc=$?
check "show of an unknown code: exit 6" [ "$rc" = 6 ]
check "show of an unknown code: says so" grep -q "no dossier\|not found\|no such" "$err"

# act: accept the new online dossier as a reception clerk
m act "$code" accept --note "đủ giấy tờ" >"$out" 2>"$err"; rc=$?
check "act accept exits 0" [ "$rc" = 0 ]
check "act accept: now status 2" grep -q "^$code	2	" "$out"
m act "$code" accept >/dev/null 2>"$err"; rc=$?
check "accepting twice is refused: exit 8" [ "$rc" = 8 ]
check "and says why" grep -q "not allowed" "$err"
m act "$code" frobnicate >/dev/null 2>&1; rc=$?
check "an unknown action: exit 2" [ "$rc" = 2 ]

# lookups
m lookup citizen 001085012345 --purpose test >"$out"; rc=$?
check "lookup citizen exits 0" [ "$rc" = 0 ]
check "lookup citizen gives the register's name" grep -q "^full_name	Nguyễn Văn An$" "$out"
m lookup citizen 001099999999 >/dev/null 2>"$err"; rc=$?
check "a citizen not in the register: exit 6" [ "$rc" = 6 ]
m lookup citizen 00108501234 >/dev/null 2>"$err"; rc=$?
check "a mistyped ID number: exit 2, nothing sent" [ "$rc" = 2 ]
check "and the validator says what is wrong" grep -q "12 digits" "$err"
m lookup enterprise 0107654326 >"$out"; rc=$?
check "lookup enterprise exits 0" sh -c "[ $rc = 0 ] && grep -q '^name	Công ty' '$out'"
m lookup enterprise 0107654327 >/dev/null 2>"$err"; rc=$?
check "a wrong tax-code check digit: exit 2" [ "$rc" = 2 ]

# the catalog
m procedures >"$out"; rc=$?
check "procedures: at least 25, with the birth registration" sh -c "[ $rc = 0 ] && [ \$(wc -l <'$out') -gt 25 ] && grep -q '^1.001193	' '$out'"

# what a script must be able to tell apart
MOTCUA_PASSWORD=wrong m list >/dev/null 2>"$err"; rc=$?
check "wrong password: exit 5" [ "$rc" = 5 ]
"$MOTCUA" --profile sandbox-reference --server http://127.0.0.1:1 --user x list >/dev/null 2>"$err"; rc=$?
check "no server listening (connection refused): exit 13" [ "$rc" = 13 ]
check "and the message names the address" grep -q "127.0.0.1:1" "$err"
printf '{"motcua_profile": 1, "name": "x",\n "oops" }\n' >"$SBX_DIR/broken.json"
"$MOTCUA" --profile "$SBX_DIR/broken.json" list >/dev/null 2>"$err"; rc=$?
check "a broken profile: exit 10" [ "$rc" = 10 ]
check "and the message gives file:line:column" grep -q "broken.json:2:" "$err"

# faults injected by the server, through both dialects
# fault_checks PROFILE URL
fault_checks() {
	fp=$1 fu=$2
	post() { curl -s -X POST "$fu/_sandbox/faults" -H 'Content-Type: application/json' -d "$1" >/dev/null; }
	# an empty local store: nothing to answer from offline (test_offline.sh)
	mf() { XDG_DATA_HOME="$SBX_DIR/xdg-$fp" "$MOTCUA" --profile "$fp" --server "$fu" --user tiepnhan1 "$@"; }
	post '{"reset": true, "garble_rate": 100}'
	mf list >/dev/null 2>"$err"; rc=$?
	check "$fp: garbled replies: exit 9 (or 4), never a crash" sh -c "[ $rc = 9 ] || [ $rc = 4 ]"
	check "$fp: and a clear message" grep -q "not valid JSON\|profile\|reply" "$err"
	post '{"reset": true, "fail_rate": 100}'
	mf list >/dev/null 2>"$err"; rc=$?
	check "$fp: a failing server: exit 4 after the retries" [ "$rc" = 4 ]
	post '{"reset": true, "drop_rate": 100}'
	mf list >/dev/null 2>"$err"; rc=$?
	check "$fp: connections dropped mid-body: exit 4" [ "$rc" = 4 ]
	check "$fp: and the message says the connection was lost" grep -qi "connection\|closed\|lost\|stopped" "$err"
	post '{"reset": true}'
	mf list >"$SBX_DIR/plain" 2>"$err"; rc=$?
	check "$fp: faults off: works again" [ "$rc" = 0 ]
	post '{"reset": true, "drip": true, "drip_bytes": 2048, "drip_interval_ms": 5, "latency_ms": 200}'
	mf list >"$out" 2>"$err"; rc=$?
	check "$fp: a slow, dripping link: the same list, no hang" sh -c "[ $rc = 0 ] && cmp -s '$out' '$SBX_DIR/plain'"
	post '{"reset": true, "fail_rate": 50, "seed": 3}'
	mf list >"$out" 2>"$err"; rc=$?
	check "$fp: half the requests fail: the retries still get the same list" sh -c "[ $rc = 0 ] && cmp -s '$out' '$SBX_DIR/plain'"
	post '{"reset": true}'
}

if ! command -v curl >/dev/null 2>&1; then
	not_ok "the fault tests need curl: install the Debian package curl"
else
	fault_checks sandbox-reference "$SBX_URL"
	sandbox_start --db "$SBX_DIR/portal.db" --dialect portal --clock "$CLOCK" --freeze-clock \
		--dossiers 400 --citizens 300 --enterprises 40 || exit 1
	fault_checks sandbox-portal "$SBX_URL"
fi

tap_finish
