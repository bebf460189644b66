#!/bin/sh
# The login screen and the empty inbox behind it say why nothing came, in
# a real terminal, with a new store: before the first try nothing is
# "OFFLINE"; then a server whose port refuses is down, a name that does not
# resolve is offline, a mistyped scheme is a configuration to mend, and
# none of them "has no dossiers".
. "${srcdir:-.}/tests/e2e/lib.sh"

DIR=$(mktemp -d "${TMPDIR:-/tmp}/motcua-loginreasons.XXXXXX")
trap 'e2e_cleanup; rm -rf "$DIR"' EXIT

# lacks RE: the pane has no line matching RE (a basic regular expression)
lacks() { ! pane | grep -q -- "$1"; }

# login SERVER NAME: the client on SERVER with a store of its own (NAME),
# asking for the password; types it
login() {
	start 100 30 -- "env -u MOTCUA_PASSWORD XDG_DATA_HOME='$DIR/xdg-$2' MOTCUA_PROFILE_DIR='$MOTCUA_PROFILE_DIR' MOTCUA_CALENDAR_DIR='$MOTCUA_CALENDAR_DIR' $MOTCUA -p sandbox-reference -s $1 -u tiepnhan1"
	check "$2: the login screen asks" wait_for "Log in to the server with your password."
	check "$2: before the first try, not offline" lacks 'OFFLINE\|SERVER DOWN'
	keys -l "secret"
	keys Enter
}

# nothing listens on the discard port of the loopback
login http://127.0.0.1:9 refused
check "refused: the login says the server is not running" wait_for "the server is not running (it refused the connection)"
check "refused: the status bar says SERVER DOWN" wait_for "SERVER DOWN"
check "refused: the inbox says why it is empty" wait_for "The server is not running (it refused the connection)"
check "refused: never 'no dossiers', never OFFLINE" lacks 'has no dossiers\|OFFLINE'
keys q
check "refused: q quits" wait_for "[exit 0]"

# a name that never resolves (RFC 6761)
login http://motcua-test.invalid:8080 unreachable
check "unreachable: the login says the server cannot be reached" wait_for "the server cannot be reached: working from the local store" 90
check "unreachable: the status bar says OFFLINE" wait_for "OFFLINE"
check "unreachable: the inbox says nothing is stored yet" wait_for "The server cannot be reached and nothing is stored here yet"
check "unreachable: never 'no dossiers'" lacks 'has no dossiers'
keys q
check "unreachable: q quits" wait_for "[exit 0]"

# a mistyped scheme
login htp://127.0.0.1:9 misconfigured
check "misconfigured: the login says to mend the configuration" wait_for "cannot connect as configured"
check "misconfigured: the status bar says CANNOT CONNECT" wait_for "CANNOT CONNECT"
check "misconfigured: the inbox says so" wait_for "Cannot connect as configured (the message below says why)"
check "misconfigured: never 'no dossiers', never OFFLINE" lacks 'has no dossiers\|OFFLINE'
keys q
check "misconfigured: q quits" wait_for "[exit 0]"

finish
