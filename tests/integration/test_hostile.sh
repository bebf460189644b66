#!/bin/sh
# A hostile or broken server, in batch mode: its escape sequences (OSC 52
# clipboard write, OSC 0 title, CSI 2J, cursor moves), C1 controls, bidi
# overrides and zero-width characters never reach the terminal or the
# printer, through list, show, receipt (stdout, --output, --print), JSON
# output and its error messages; JSON keeps the text in escapes. A reply
# that does not fit (bytes that are not UTF-8, a NUL inside a name,
# "items": null) is refused with the field it is about, and the store
# keeps its dossiers. The server is replysrv, which answers with files the
# test writes: no correct server sends these.
. "${srcdir:-.}/tests/tap.sh"
. "${srcdir:-.}/tests/integration/replysrv.sh"

replysrv_setup hostile
printf 'set print-command "cat > %s/printed"\n' "$DIR" >"$DIR/motcuarc"
export MOTCUA_CONFIG=$DIR/motcuarc

replysrv_start

# clean FILE: nothing in it a terminal or a printer would act on or hide
# (C0 but tab, line break and form feed; DEL; C1; bidi controls; zero-width
# and invisible characters), and it is UTF-8.
bad_bytes=$(printf '[\001-\010\013\015-\037\177]|\302[\200-\237\255]|\330\234|\342\200[\213-\217\250-\256]|\342\201[\240-\257]|\357\273\277')
clean() {
	! LC_ALL=C grep -Eq "$bad_bytes" "$1" && iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1
}

printf '{"token":"t1","expires_at":"2025-10-15T22:00:00+07:00"}' >"$www/POST_api_v1_auth_login"

# dossier CODE NAME: a received dossier as the reference dialect sends it
dossier() {
	printf '{"code":"%s","procedure_code":"1.004194","procedure_name":"%s","agency_id":"000.01.01.H26",' "$1" "$3"
	printf '"applicant":{"name":"%s","id_number":"034302760552","phone":"0708303804","address":"%s"},' "$2" "$4"
	printf '"channel":1,"status":2,"step":"assignment","submitted_at":"2025-10-10T14:46:25+07:00",'
	printf '"received_at":"2025-10-10T14:56:25+07:00","due_at":"2025-10-15T15:00:00+07:00","version":1,'
	printf '"updated_at":"2025-10-10T14:56:25+07:00","fee":15000,"copies":1,'
	printf '"procedure":{"days_text":"03 ngày làm việc"},'
	printf '"components":[{"seq":1,"name":"%s","copies":1,"from_national":false,"provided":true}],' "$5"
	printf '"log":[{"logged_at":"2025-10-10T14:56:25+07:00","user":{"full_name":"Nguyễn Thị Thu Hà"},'
	printf '"role":"reception","action":"accept","to_status":2,"note":"%s"}]}' "$6"
}
good() { dossier "$1" "$2" "Đăng ký tạm trú" "Số 291 đường Hai Bà Trưng" "Tờ khai CT01" "Tiếp nhận"; }
list() { printf '{"items":[%s],"next_page":null,"cursor":"c1"}' "$1" >"$www/GET_api_v1_dossiers"; }
# the store's count, read through a "not modified" reply that changes nothing
stored() {
	printf 'HTTP 304\n' >"$www/GET_api_v1_dossiers"
	m sync 2>/dev/null | sed -n 's/.* \([0-9]*\) in the store.*/\1/p'
}

# ---- escape sequences and invisible characters ----
# The name: OSC 52 (write the clipboard), CSI 2J and a cursor home (JSON
# escapes, as a server's JSON library writes ESC), a right-to-left
# override and a zero-width space (raw UTF-8). The procedure: OSC 0 (the
# title) and a C1 CSI (U+009B, raw). The address: isolates, a soft hyphen,
# a byte order mark. The component and the note: a colour, an LRM.
name='Trần\u001b]52;c;cm0gLXJmIH4=\u0007 Văn\u001b[2J\u001b[H An'$(printf '\342\200\256\342\200\213')'cod.exe'
proc='\u001b]0;PWNED\u0007Đăng ký'$(printf '\302\233')'31m tạm trú'
addr='Số 291\u2066 đường\u00ad Hai\ufeff Bà Trưng\u2069'
comp='\u001b[31mTờ khai\u200e CT01\u009b0m'
note='Tiếp nhận\u001b[1A\u001b[2K\u0008\u007f'
hostile=$(dossier H-1 "$name" "$proc" "$addr" "$comp" "$note")
list "$(good G-1 "Lê Thị Mai"),$hostile"
printf '%s' "$hostile" >"$www/GET_api_v1_dossiers_H-1"

m list >"$out" 2>"$err"; rc=$?
check "list of a hostile dossier exits 0" [ "$rc" = 0 ]
check "list: nothing a terminal acts on or hides, UTF-8" clean "$out"
check "list: the name shows, what was hidden marked with U+FFFD" \
	grep -q "Trần�]52;c;cm0gLXJmIH4=� Văn�\[2J�\[H An��cod.exe" "$out"
check "list: still seven columns a line" sh -c "awk -F'\t' 'NF != 7 { bad = 1 } END { exit bad }' '$out'"
m list --format json >"$out" 2>"$err"; rc=$?
check "list --format json exits 0" [ "$rc" = 0 ]
check "list --format json: nothing a terminal acts on or hides, UTF-8" clean "$out"
check "list --format json: the server's text kept, in escapes" \
	grep -qF 'Trần\u001b]52;c;cm0gLXJmIH4=\u0007 Văn\u001b[2J\u001b[H An\u202e\u200bcod.exe' "$out"
m show H-1 >"$out" 2>"$err"; rc=$?
check "show of a hostile dossier exits 0" [ "$rc" = 0 ]
check "show: nothing a terminal acts on or hides, UTF-8" clean "$out"
check "show: the address, the component and the note show" \
	sh -c "grep -q 'Số 291� đường� Hai� Bà Trưng�' '$out' && grep -q 'Tờ khai� CT01�0m' '$out' && grep -q 'Tiếp nhận�\[1A�\[2K��' '$out'"
m show H-1 --format json >"$out" 2>"$err"
check "show --format json: nothing a terminal acts on or hides, UTF-8" clean "$out"
check "show --format json: C1, bidi, invisible and DEL as escapes" \
	sh -c "grep -qF 'Đăng ký\u009b31m' '$out' && grep -qF '\u2066' '$out' && grep -qF '\u00ad' '$out' && grep -qF '\ufeff' '$out' && grep -qF '\u007f' '$out'"
m receipt H-1 >"$out" 2>"$err"; rc=$?
check "receipt of a hostile dossier exits 0" [ "$rc" = 0 ]
check "receipt: nothing a terminal acts on or hides, UTF-8" clean "$out"
check "receipt: the applicant's name is on it" grep -q "Applicant: Trần�" "$out"
rm -f "$DIR/printed"
m receipt H-1 --print --output "$DIR/file" >/dev/null 2>"$err"; rc=$?
check "receipt --print --output exits 0" [ "$rc" = 0 ]
check "receipt --print: nothing the printer acts on, UTF-8" clean "$DIR/printed"
check "receipt --output: the same bytes" cmp -s "$DIR/printed" "$DIR/file"

# the server's own error message
printf 'HTTP 404\n{"error":{"code":"not_found","message":"no\\u001b]0;owned\\u0007 such%s dossier\\u202e"}}' \
	"$(printf '\302\233\377')" >"$www/GET_api_v1_dossiers_NOPE"
m show NOPE >"$out" 2>"$err"; rc=$?
check "a hostile error message: exit 6" [ "$rc" = 6 ]
check "... said, marked where the terminal would have acted" grep -q 'no�\]0;owned� such�� dossier�' "$err"
check "... nothing a terminal acts on or hides, UTF-8" clean "$err"

# ---- replies that do not fit: refused, the store kept ----
list "$(good G-1 "Lê Thị Mai"),$(good G-2 "Phạm Văn Đức")"
m sync >"$out" 2>"$err"; rc=$?
check "a good sync: two dossiers in the store" sh -c "[ $rc = 0 ] && grep -q ' 2 in the store' '$out'"

list "$(good G-1 "Lê Thị Mai"),$(good G-3 "An\\u0000Bình")"
m sync >"$out" 2>"$err"; rc=$?
check "a NUL inside a name: sync fails, exit 9" [ "$rc" = 9 ]
check "... naming the field and the NUL" \
	sh -c "grep -q 'applicant_name (applicant.name)' '$err' && grep -q 'NUL' '$err'"
check "... on stderr that is safe to show" clean "$err"
check "... and the store keeps its two dossiers" [ "$(stored)" = 2 ]
list "$(good G-3 "An\\u0000Bình")"
m list >"$out" 2>"$err"; rc=$?
check "a NUL inside a name: list fails too, nothing cut printed" \
	sh -c "[ $rc = 9 ] && ! grep -q 'G-3' '$out'"
list "$(good G-3 'An\\u0000Bình')"
m list >"$out" 2>"$err"; rc=$?
check "an escaped backslash before u0000 is text, not a NUL: exit 0" [ "$rc" = 0 ]
check "... and the text shows as sent" grep -qF 'An\u0000Bình' "$out"

list "$(good G-1 "Lê Thị Mai"),$(good G-4 "$(printf 'Tr\341\272\247n \377\376 Nam \355\240\200')")"
m sync >"$out" 2>"$err"; rc=$?
check "bytes that are not UTF-8 in a name: sync fails, exit 9" [ "$rc" = 9 ]
check "... naming the field and what is wrong" \
	sh -c "grep -q 'applicant_name (applicant.name)' '$err' && grep -q 'not valid UTF-8' '$err'"
check "... on stderr that is safe to show" clean "$err"
m list >"$out" 2>"$err"; rc=$?
check "bytes that are not UTF-8: list fails too, exit 9" [ "$rc" = 9 ]
check "... and the store keeps its two dossiers" [ "$(stored)" = 2 ]

printf '{"items":null,"next_page":null,"cursor":"c2"}' >"$www/GET_api_v1_dossiers"
m sync --full >"$out" 2>"$err"; rc=$?
check "\"items\": null: a full sync fails, exit 9" [ "$rc" = 9 ]
check "... saying where the list should be" grep -q 'null at items' "$err"
check "... and forgets none of the two dossiers" [ "$(stored)" = 2 ]

tap_finish
