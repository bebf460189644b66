#!/bin/sh
# The command language in the real client: the desk's file and the clerk's
# read at start, a broken line told in the client (file:line) while the
# rest holds, a `bind` that works, `:source` taking a changed file at once,
# :messages, and the ':' line's history kept private across runs.
. "${srcdir:-.}/tests/e2e/lib.sh"

DIR=$(mktemp -d "${TMPDIR:-/tmp}/motcua-e2e-cmdline.XXXXXX")
trap 'e2e_cleanup; rm -rf "$DIR"' EXIT

printf 'bind generic Z outbox\nbind inbox o help\n' >"$DIR/system"
printf '# quầy 1\nbind inbox o catalog\nset notify perhaps\n' >"$DIR/motcuarc"
CLIENT="MOTCUA_SYSTEM_CONFIG='$DIR/system' MOTCUA_CONFIG='$DIR/motcuarc' XDG_STATE_HOME='$DIR/state' $MOTCUA"

start -- "$CLIENT"
check "first frame drawn" wait_for "Inbox (0)"
check "a broken line is told in the client, with its file and line" \
	wait_for "motcuarc:3: notify takes yes or no"

keys o
check "the clerk's bind wins over the desk's: o opens the catalog" wait_for "Procedures (0)"
keys q
check "back in the inbox" wait_for "Inbox (0)"
keys Z
check "the desk's bind works where the clerk's file says nothing" wait_for "Outbox (0)"
keys q
check "back in the inbox again" wait_for "Inbox (0)"

printf 'bind inbox o outbox\n' >"$DIR/motcuarc"
keys : "source $DIR/motcuarc" Enter
check ":source says it read the file" wait_for "read $DIR/motcuarc"
keys o
check "after :source, o opens what the file says now" wait_for "Outbox (0)"
keys q
check "and back" wait_for "Inbox (0)"

keys : "mess" Tab
check "Tab completes an operation's name" wait_for ":messages"
keys Enter
check ":messages opens the message history" wait_for "Messages ("
check "which holds the start's broken line" wait_for "! $DIR/motcuarc:3: notify takes yes"
keys q
check "the history closes" wait_for "Inbox (0)"

keys : "quit" Enter
check ":quit quits with status 0" wait_for "[exit 0]"
check "terminal restored after quit" restored
check "the ':' history is private to the clerk" \
	sh -c "[ \"\$(stat -c %a '$DIR/state/motcua/history')\" = 600 ]"
check "and holds the commands typed" grep -qx "source $DIR/motcuarc" "$DIR/state/motcua/history"

start -- "$CLIENT"
check "a second run starts" wait_for "Inbox (0)"
keys : Up
check "Up at ':' brings back the last run's last command" wait_for ":quit"
keys Escape q
check "q quits" wait_for "[exit 0]"

finish
