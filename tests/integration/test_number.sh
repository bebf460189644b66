#!/bin/sh
# A dossier's number apart from the id the API addresses it by: the opencps
# dialect started with --number-on-reception sends an empty dossierNo until
# a dossier is received, and requests take the dossierId. Through the
# shipped opencps profile, such dossiers are listed and stored (with a
# placeholder for the number, and their id in JSON), shown and acted on by
# their id; once received, the clerk sees the number in the list, the
# dossier, the receipt and the outbox, never the id, online or offline.
. "${srcdir:-.}/tests/e2e/sandbox.sh"
. "${srcdir:-.}/tests/tap.sh"
trap sandbox_cleanup EXIT

CLOCK='2025-10-15 10:00'
export MOTCUA_CLOCK="$CLOCK" MOTCUA_PASSWORD=motcua-demo
sandbox_start --db "$SBX_DIR/o.db" --dialect opencps --number-on-reception --clock "$CLOCK" \
	--freeze-clock --dossiers 200 --citizens 200 --enterprises 20 || exit 1
m() { "$MOTCUA" --profile opencps --server "$SBX_URL" --user tiepnhan1 "$@"; }
out=$SBX_DIR/out err=$SBX_DIR/err

m list >"$out" 2>"$err"
check "list with dossiers not yet received exits 0" test $? = 0
sed 's/^/# /' "$err" | head -n 3
pending=$(awk -F'\t' 'NR > 1 && $1 == "(not yet received)" && $6 == 1' "$out" | wc -l)
numbered=$(awk -F'\t' 'NR > 1 && $1 ~ /^[0-9.]+\.H[0-9]+-[0-9]+-[0-9]+$/' "$out" | wc -l)
check "new online dossiers are listed with the placeholder ($pending)" test "$pending" -gt 0
check "received ones with their number, never the id ($numbered)" \
	test "$numbered" -gt 0 -a "$(($(wc -l <"$out") - 1))" = "$(($numbered + \
	$(awk -F'\t' 'NR > 1 && $1 == "(not yet received)"' "$out" | wc -l)))"

m list --status 1 --format json >"$out" 2>"$err"
id=$(sed -n 's/^[[:space:]]*"id":[[:space:]]*"\([0-9]*\)".*/\1/p' "$out" | head -n 1)
check "JSON gives the id of a new dossier without a number ($id)" test -n "$id"
check "and no code for it" sh -c "! grep -q '\"code\"' '$out'"

m show "$id" >"$out" 2>"$err"
check "show by the id exits 0" test $? = 0
check "show says not yet received" grep -q '^Dossier  *(not yet received)$' "$out"
check "show gives the id on the server" grep -q "^Id on the server  *$id\$" "$out"

m act "$id" accept >"$out" 2>"$err"
check "accept by the id exits 0" test $? = 0
sed 's/^/# /' "$err" | head -n 3
no=$(cut -f1 "$out")
check "the accepted dossier answers with its new number ($no)" \
	sh -c "echo '$no' | grep -Eq '^[0-9.]+\\.H[0-9]+-[0-9]+-[0-9]+\$'"
m show "$id" >"$out" 2>"$err"
check "show by the id now gives the number" grep -q "^Dossier  *$no\$" "$out"
check "and no id line" sh -c "! grep -q '^Id on the server' '$out'"
m receipt "$no" >"$out" 2>"$err"
check "the receipt by the number exits 0" test $? = 0
check "the receipt prints the number, not the id" \
	sh -c "grep -q 'Dossier code: $no' '$out' && ! grep -q '$id' '$out'"
m list >"$out" 2>"$err"
check "the list has it by its number" grep -q "^$no	" "$out"

# the local store keeps them all, offline too
m sync >/dev/null 2>"$err"
check "sync exits 0" test $? = 0
sandbox_stop
m list >"$out" 2>"$err"
check "offline, the store lists the numberless ones too" \
	test "$(awk -F'\t' 'NR > 1 && $1 == "(not yet received)"' "$out" | wc -l)" -gt 0
check "and the received one by its number" grep -q "^$no	" "$out"
m show "$no" >"$out" 2>"$err"
check "offline, show by the number finds it in the store" grep -q "^Dossier  *$no\$" "$out"
m act "$no" withdraw --reason "applicant asked" >"$out" 2>"$err"
check "server stopped, an action by the number is queued (exit 13)" test $? = 13
m outbox list >"$out" 2>"$err"
check "the outbox shows the entry by the number, not the id" \
	sh -c "grep -q '	$no	withdraw	' '$out' && ! grep -q '$id' '$out'"
tap_finish
