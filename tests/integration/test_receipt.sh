#!/bin/sh
# Receipts and forms in batch mode against the sandbox, through both
# dialects: a received dossier's receipt printed through a fake
# print-command that writes its standard input to a file, the same bytes
# with --output, a refusal with the reason from the log, and a failing or
# missing print command said clearly (exit 1), never a crash. What holds
# personal data or the password stays private: the --output file is 0600
# whatever the umask, the print command inherits no MOTCUA_PASSWORD from a
# client that dumps no core, a password file others may read is refused.
. "${srcdir:-.}/tests/e2e/sandbox.sh"
. "${srcdir:-.}/tests/tap.sh"
trap sandbox_cleanup EXIT

CLOCK='2025-10-15 10:00'
export MOTCUA_CLOCK="$CLOCK" MOTCUA_PASSWORD=motcua-demo
out=$SBX_DIR/out err=$SBX_DIR/err
conf=$SBX_DIR/motcuarc
printf 'set print-command "cat > %s/printed"\nset desk-name "Trung tâm Phục vụ hành chính công phường Hoàn Kiếm"\n' \
	"$SBX_DIR" >"$conf"
export MOTCUA_CONFIG="$conf"

mode() { stat -c %a "$1"; }

# The form's file, the print command's environment and the password file
# (in forms_checks: m and $code set).
private_checks() {
	rm -f "$SBX_DIR/file"
	(umask 022 && m receipt "$code" --output "$SBX_DIR/file" >/dev/null 2>"$err")
	check "$dialect: --output under umask 022: a new file is 0600" [ "$(mode "$SBX_DIR/file")" = 600 ]
	chmod 644 "$SBX_DIR/file"
	(umask 022 && m receipt "$code" --output "$SBX_DIR/file" >/dev/null 2>"$err")
	check "$dialect: ... and a 0644 one written over becomes 0600" [ "$(mode "$SBX_DIR/file")" = 600 ]

	# core dumps allowed as far as the shell may: only the client forbids them
	printf 'set print-command "env >%s/env; cat /proc/$PPID/limits >%s/limits; cat >/dev/null"\n' \
		"$SBX_DIR" "$SBX_DIR" >"$SBX_DIR/spy"
	rm -f "$SBX_DIR/env" "$SBX_DIR/limits"
	MOTCUA_CONFIG=$SBX_DIR/spy sh -c 'ulimit -S -c $(ulimit -H -c); "$@"' m \
		"$MOTCUA" --profile "$fp" --server "$SBX_URL" --user tiepnhan1 receipt "$code" --print \
		>"$out" 2>"$err"; rc=$?
	check "$dialect: the print command ran" sh -c "[ $rc = 0 ] && [ -f '$SBX_DIR/env' ]"
	check "$dialect: ... without MOTCUA_PASSWORD in its environment" \
		sh -c "! grep -q -e MOTCUA_PASSWORD -e motcua-demo '$SBX_DIR/env'"
	check "$dialect: ... from a client that dumps no core" \
		sh -c "[ \"\$(awk '/^Max core file size/ { print \$5 }' '$SBX_DIR/limits')\" = 0 ]"

	printf 'motcua-demo\n' >"$SBX_DIR/password"
	chmod 644 "$SBX_DIR/password"
	MOTCUA_PASSWORD= m --password-file "$SBX_DIR/password" list >"$out" 2>"$err"; rc=$?
	check "$dialect: a password file others may read: refused, exit 2" [ "$rc" = 2 ]
	check "$dialect: ... saying which file, its mode and the fix" grep -qF \
		"the password file $SBX_DIR/password is open to other users (mode 0644): make it private with chmod 600 $SBX_DIR/password" "$err"
	chmod 600 "$SBX_DIR/password"
	MOTCUA_PASSWORD= m --password-file "$SBX_DIR/password" list >"$out" 2>"$err"; rc=$?
	check "$dialect: ... once chmod 600, taken" [ "$rc" = 0 ]
}

forms_checks() {
	dialect=$1 fp=$2
	export XDG_DATA_HOME="$SBX_DIR/xdg-$dialect"
	sandbox_start --db "$SBX_DIR/$dialect.db" --dialect "$dialect" --clock "$CLOCK" --freeze-clock \
		--dossiers 300 --citizens 200 --enterprises 20 || exit 1
	m() { "$MOTCUA" --profile "$fp" --server "$SBX_URL" --user tiepnhan1 "$@"; }
	m list >"$SBX_DIR/list" 2>"$err"
	code=$(awk -F'\t' '$6 == 2 { print $1; exit }' "$SBX_DIR/list")
	rm -f "$SBX_DIR/printed"
	m receipt "$code" --print >"$out" 2>"$err"; rc=$?
	check "$dialect: receipt --print exits 0" [ "$rc" = 0 ]
	check "$dialect: ... the print command got the receipt on its stdin" \
		grep -q "Dossier code: $code" "$SBX_DIR/printed"
	check "$dialect: ... with the appointment and where to collect" sh -c \
		"grep -Eq '^Result due at: [0-9]{2}:[0-9]{2} [0-9]{2}/[0-9]{2}/[0-9]{4}' '$SBX_DIR/printed' &&
		 grep -q 'Collect the result at: Trung tâm' '$SBX_DIR/printed'"
	check "$dialect: ... ended by a form feed" sh -c "[ \"\$(tail -c 1 '$SBX_DIR/printed' | od -An -c | tr -d ' ')\" = '\\f' ]"
	m receipt "$code" --output "$SBX_DIR/file" >/dev/null 2>"$err"
	check "$dialect: --output writes the same bytes as printed" cmp -s "$SBX_DIR/printed" "$SBX_DIR/file"
	private_checks
	m receipt "$code" --paper a5 >"$out" 2>"$err"
	check "$dialect: A5 on stdout: no line over 60 columns" \
		sh -c "[ \$(wc -L <'$out') -le 60 ] && grep -q 'Received at:' '$out'"
	cp "$SBX_DIR/printed" "$SBX_DIR/printed.$dialect"

	refused=$(awk -F'\t' '$6 == 3 { print $1; exit }' "$SBX_DIR/list")
	m refusal-form "$refused" >"$out" 2>"$err"; rc=$?
	check "$dialect: refusal-form takes the reason from the log" \
		sh -c "[ $rc = 0 ] && grep -q 'REFUSAL TO RECEIVE' '$out' && [ \$(wc -l <'$out') -gt 12 ]"
	m supplement-form "$code" --reason "Thiếu giấy chứng sinh bản chính" >"$out" 2>"$err"
	check "$dialect: supplement-form with --reason" grep -q "Thiếu giấy chứng sinh bản chính" "$out"

	# the desk's file names the centre; the clerk's, read after it, the printer
	printf 'set desk-name "UBND xã Tân Phú"\nbind inbox x catalog\n' >"$SBX_DIR/desk"
	printf 'set print-command "cat >/dev/null"\n' >"$SBX_DIR/own"
	MOTCUA_SYSTEM_CONFIG=$SBX_DIR/desk MOTCUA_CONFIG=$SBX_DIR/own m receipt "$code" >"$out" 2>"$err"; rc=$?
	check "$dialect: batch takes the desk's name from the desk's file, and says nothing of its binds" \
		sh -c "[ $rc = 0 ] && grep -q 'UBND xã Tân Phú' '$out' && [ ! -s '$err' ]"
	printf 'set print-command "cat >/dev/null; exit 4"\n' >"$SBX_DIR/bad"
	MOTCUA_CONFIG=$SBX_DIR/bad m receipt "$code" --print >"$out" 2>"$err"; rc=$?
	check "$dialect: a failing print command: exit 1, said" sh -c "[ $rc = 1 ] && grep -q 'exit status 4' '$err'"
	printf 'set print-command "no-such-printer-xyz"\n' >"$SBX_DIR/bad"
	MOTCUA_CONFIG=$SBX_DIR/bad m receipt "$code" --print >"$out" 2>"$err"; rc=$?
	check "$dialect: a missing print command: exit 1, said" \
		sh -c "[ $rc = 1 ] && grep -q \"no print command: 'no-such-printer-xyz' is not installed; set print-command in $SBX_DIR/bad\" '$err'"
	# what the command says comes back as its words, never as terminal controls
	cat >"$SBX_DIR/printer.sh" <<'EOF'
cat >/dev/null
printf 'lpr: no such printer\033]0;owned\007\n' >&2
exit 1
EOF
	printf 'set print-command "sh %s/printer.sh"\n' "$SBX_DIR" >"$SBX_DIR/bad"
	MOTCUA_CONFIG=$SBX_DIR/bad m receipt "$code" --print >"$out" 2>"$err"; rc=$?
	check "$dialect: a print command's error: its first line, said" \
		sh -c "[ $rc = 1 ] && grep -q 'the print command failed: lpr: no such printer' '$err'"
	check "$dialect: ... without its control characters" sh -c "! grep -q \"\$(printf '\\033')\" '$err'"
	# the command's environment: never the password
	printf 'set print-command "env > %s/env"\n' "$SBX_DIR" >"$SBX_DIR/bad"
	MOTCUA_CONFIG=$SBX_DIR/bad m receipt "$code" --print >"$out" 2>"$err"; rc=$?
	check "$dialect: the print command gets no password" \
		sh -c "[ $rc = 0 ] && grep -q '^PATH=' '$SBX_DIR/env' && ! grep -q 'MOTCUA\|motcua-demo' '$SBX_DIR/env'"
	m receipt 000.00.00.H00-000000-0000 >"$out" 2>"$err"; rc=$?
	check "$dialect: an unknown dossier: exit 6" [ "$rc" = 6 ]
	sandbox_stop
}

forms_checks reference sandbox-reference
forms_checks portal sandbox-portal
# the same seed, the same clock: the same receipt through either profile
check "both dialects print the same receipt" cmp -s "$SBX_DIR/printed.reference" "$SBX_DIR/printed.portal"

tap_finish
