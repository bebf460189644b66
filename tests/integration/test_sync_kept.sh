#!/bin/sh
# A full sync forgets a stored dossier only when the server's listing
# proves itself whole: as many dossiers as the total it reports, and not
# none. An empty listing (what a guest or an unauthenticated session is
# shown) or one short of its total keeps the store, says what looked wrong
# and exits 9; one without a total keeps what it did not list and says so,
# but is no error. The server is replysrv, answering with files the test
# writes.
. "${srcdir:-.}/tests/tap.sh"
. "${srcdir:-.}/tests/integration/replysrv.sh"

replysrv_setup kept

replysrv_start

printf '{"token":"t1","expires_at":"2025-10-15T22:00:00+07:00"}' >"$www/POST_api_v1_auth_login"
dossier() {
	printf '{"code":"%s","procedure_code":"1.004194","applicant":{"name":"Lê Thị Mai"},' "$1"
	printf '"channel":1,"status":2,"received_at":"2025-10-10T14:56:25+07:00","version":1,'
	printf '"updated_at":"2025-10-10T14:56:25+07:00"}'
}
# list TOTAL CODE...: a listing of these dossiers reporting TOTAL ("-": none)
list() {
	total=$1; shift
	items= sep=
	for c in "$@"; do items="$items$sep$(dossier "$c")"; sep=,; done
	if [ "$total" = - ]; then
		printf '{"items":[%s],"next_page":null,"cursor":"c1"}' "$items"
	else
		printf '{"items":[%s],"next_page":null,"cursor":"c1","total":%s}' "$items" "$total"
	fi >"$www/GET_api_v1_dossiers"
}
# sync_full: a full sync; sets rc, and the store's count in n
sync_full() {
	m sync --full >"$out" 2>"$err"; rc=$?
	n=$(sed -n 's/.* \([0-9]*\) in the store.*/\1/p' "$out")
}

list 3 A-1 A-2 A-3
sync_full
check "a whole listing is stored (exit $rc, $n in the store)" sh -c "[ $rc = 0 ] && [ '$n' = 3 ] && [ ! -s '$err' ]"

list 0
sync_full
check "an empty listing keeps the store (exit $rc, $n in the store)" sh -c "[ $rc = 9 ] && [ '$n' = 3 ]"
check "and says so" grep -q 'listed no dossiers at all; the 3 in the store are kept' "$err"

list 3 A-1 A-2
sync_full
check "a listing short of its total keeps the store (exit $rc, $n in the store)" sh -c "[ $rc = 9 ] && [ '$n' = 3 ]"
check "and says so" grep -q 'listed 2 dossiers but reported 3; the 1 it did not list are kept' "$err"

list - A-1 A-2
sync_full
check "a listing without a total keeps the store, but is no error: an API may never give one (exit $rc, $n in the store)" sh -c "[ $rc = 0 ] && [ '$n' = 3 ]"
check "and says so" grep -q 'does not say how many dossiers it holds, so its list cannot be proved complete; the 1 it did not list are kept' "$err"

# the list moved while its pages were read: one dossier twice, another
# skipped; as many items as the total, but not as many different dossiers
list 3 A-1 A-1 A-2
sync_full
check "a listing with a dossier twice and one skipped keeps the store (exit $rc, $n in the store)" sh -c "[ $rc = 9 ] && [ '$n' = 3 ]"
check "and says so" grep -q 'listed 3 dossiers, some twice, 2 different ones' "$err"

list 2 A-1 A-2
sync_full
check "a whole listing without A-3 forgets it ($n in the store)" sh -c "[ '$n' = 2 ] && grep -q '1 dropped' '$out' && [ ! -s '$err' ]"

tap_finish
