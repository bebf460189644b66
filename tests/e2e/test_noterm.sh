#!/bin/sh
# Without a usable terminal the client says why in one line and exits 3;
# --help and --version work anywhere; a wrong command line exits 2.
. "${srcdir:-.}/tests/e2e/lib.sh"

out=$("$MOTCUA" </dev/null 2>&1 >/dev/null); rc=$?
check "stdin not a terminal: exit 3" [ "$rc" = 3 ]
check "stdin not a terminal: one line saying so" \
	[ "$(printf '%s\n' "$out" | wc -l)" = 1 -a -n "$(printf '%s' "$out" | grep 'not a terminal')" ]

out=$("$MOTCUA" --help); rc=$?
check "--help exits 0" [ "$rc" = 0 ]
check "--help shows usage and exit codes" sh -c 'printf "%s" "$1" | grep -q "^Usage: motcua" && printf "%s" "$1" | grep -q "no usable terminal"' _ "$out"
check "--version prints the version" sh -c '"$1" --version | grep -Eq "^motcua [0-9]+\.[0-9]+"' _ "$MOTCUA"
"$MOTCUA" --bogus >/dev/null 2>&1; rc=$?
check "unknown option: exit 2" [ "$rc" = 2 ]

start -- env -u TERM "$MOTCUA"
check "TERM unset: exit 3" wait_for "[exit 3]"
check "TERM unset: says so" wait_for "TERM is not set"

start -- env TERM=no-such-terminal "$MOTCUA"
check "unknown TERM: exit 3" wait_for "[exit 3]"
check "unknown TERM: names it" wait_for "unknown terminal type 'no-such-terminal'"
check "unknown TERM: terminal left usable" restored

if [ -n "$SANDBOX" ]; then
	check "motcua-sandbox --help" sh -c '"$1" --help | grep -q "^Usage: motcua-sandbox"' _ "$SANDBOX"
	check "motcua-sandbox --version" sh -c '"$1" --version | grep -Eq "^motcua-sandbox [0-9]"' _ "$SANDBOX"
fi

finish
