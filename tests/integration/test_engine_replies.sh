#!/bin/sh
# How the engine words what a server answered, whatever the profile (issue
# 13's engine defects), through replysrv and the reference profile:
#   - a 409 on the very version the clerk acted on is no change by someone
#     else: the server's own words, not "changed on the server";
#   - a 200 with an empty record for a dossier is not found (exit 6);
#   - a 404 is worded as not found, not "the server refused";
#   - a fee the API does not give is unknown (JSON null), not 0; so are
#     the sets handed in on the receipt ("—", not 1).
. "${srcdir:-.}/tests/tap.sh"
. "${srcdir:-.}/tests/integration/replysrv.sh"

replysrv_setup replies

replysrv_start
printf '{"token":"t1","expires_at":"2025-10-15T22:00:00+07:00"}' >"$www/POST_api_v1_auth_login"

# a dossier handed in at the desk, waiting to be accepted: no fee, no copies
printf '{"code":"X-1","procedure_code":"1.004194","procedure_name":"Đăng ký tạm trú",
 "applicant":{"name":"Lê Thị Mai"},"channel":1,"status":1,
 "submitted_at":"2025-10-10T14:46:25+07:00","version":1,
 "updated_at":"2025-10-10T14:56:25+07:00","allowed_actions":["accept"]}' >"$www/GET_api_v1_dossiers_X-1"

m show X-1 --format json >"$out" 2>"$err"; rc=$?
check "a fee the API lacks is null in JSON, not 0" sh -c "[ $rc = 0 ] && grep -q '\"fee\":[[:space:]]*null' '$out'"
# the same, accepted: its receipt
sed -e 's/"status":1/"status":2/' -e 's/"code":"X-1"/"code":"R-1"/' \
	-e 's/"submitted_at"/"due_at":"2025-10-15T15:00:00+07:00","received_at"/' \
	"$www/GET_api_v1_dossiers_X-1" >"$www/GET_api_v1_dossiers_R-1"
m receipt R-1 >"$out" 2>"$err"; rc=$?
check "the sets the API lacks: \"—\" on the receipt, not 1" sh -c "[ $rc = 0 ] && grep -q 'Number of sets: —' '$out'"
m show X-1 >"$out" 2>"$err"
check "status 1 of a desk dossier is not \"New online\"" sh -c "grep -q '^Status  *1 Not yet accepted' '$out'"

printf 'HTTP 409\n{"error":{"code":"wrong_state","message":"Hồ sơ không ở bước tiếp nhận"}}' \
	>"$www/POST_api_v1_dossiers_X-1_actions_accept"
m act X-1 accept >"$out" 2>"$err"; rc=$?
check "a 409 on the version seen: refused (exit 8)" [ "$rc" = 8 ]
check "a 409 on the version seen: not \"changed on the server\"" sh -c "! grep -q 'changed on the server' '$err'"
check "a 409 on the version seen: the server's words and the version" \
	grep -q "as a conflict, though the dossier is as you saw it (version 1): .*Hồ sơ không ở bước tiếp nhận" "$err"

for body in null '{}'; do
	printf '%s' "$body" >"$www/GET_api_v1_dossiers_Y-9"
	m show Y-9 >"$out" 2>"$err"; rc=$?
	check "a dossier answered with $body: not found, exit 6" sh -c "[ $rc = 6 ] && grep -q 'not found' '$err'"
done
printf 'HTTP 404\n{"error":{"code":"not_found","message":"no dossier Z-9 in your agency"}}' >"$www/GET_api_v1_dossiers_Z-9"
m show Z-9 >"$out" 2>"$err"; rc=$?
check "a 404: exit 6, worded as not found" sh -c "[ $rc = 6 ] && grep -q '^motcua: not found: no dossier Z-9' '$err'"

tap_finish
