#!/bin/sh
# The demo's case (issue 15): a clerk accepts a dossier while the sandbox
# is away; the next run of the same sandbox comes on another port, and the
# client there delivers the queued action, once. An action stranded in a
# store made at another address before the server named itself is
# offered after the login, a y/n question; y takes it over and sends it.
# A client started at a bad host leaves nothing on disk.
. "${srcdir:-.}/tests/e2e/lib.sh"
. "${srcdir:-.}/tests/e2e/sandbox.sh"
trap 'e2e_cleanup; sandbox_cleanup' EXIT

CLOCK='2025-10-15 10:00'
export MOTCUA_PASSWORD=motcua-demo
db=$SBX_DIR/sbx.db
xdg=$SBX_DIR/xdg-client

boot() { sandbox_start --db "$db" --clock "$CLOCK" --freeze-clock "$@" || exit 1; }
# batch mode as the same clerk, in a store of its own: what the server has
m() { XDG_DATA_HOME="$SBX_DIR/batch" "$MOTCUA" -p sandbox-reference -s "$SBX_URL" -u tiepnhan1 "$@"; }
accepts() { m show "$1" --format json 2>/dev/null | grep -Ec '"action":[[:space:]]*"accept"'; }
server_status_is() {
	for _ in $(seq 100); do
		[ "$(m show "$1" 2>/dev/null | sed -n 's/^Status  *\([0-9]*\) .*/\1/p')" = "$2" ] && return 0
		sleep 0.2
	done
	return 1
}
pane_has() { pane | grep -Eq -- "$1"; }

# client PROFILE URL: the client in a fresh pane, on the clerk's store
client() {
	start 100 30 -- "MOTCUA_PASSWORD=motcua-demo MOTCUA_CLOCK='$CLOCK' MOTCUA_PROFILE_DIR='$MOTCUA_PROFILE_DIR' MOTCUA_CALENDAR_DIR='$MOTCUA_CALENDAR_DIR' XDG_DATA_HOME='$xdg' $MOTCUA -p $1 -s $2 -u tiepnhan1"
}
# accept_offline PROFILE CODE NOTE: log in, open CODE whole, lose the
# server, accept it (queued), quit
accept_offline() {
	client "$1" "$SBX_URL"
	wait_for "Inbox (" && wait_for "online" && wait_synced || return 1
	keys '#'
	keys -l "${2#*-}"
	keys Enter Enter
	wait_for "Dossier $2" && wait_gone "Loading the whole dossier" && eventually pane_has "^You can: .*a " || return 1
	sandbox_stop
	keys a
	wait_for "dossier $2" || return 1
	keys -l "$3"
	keys Enter
	wait_for "1 queued" || return 1
	keys q q
	wait_for "[exit 0]"
}

# a bad host: the client tries, says so, and leaves nothing
client sandbox-reference http://127.0.0.1:1
check "at a bad host the login fails" wait_for "login failed"
keys q
check "... the client quits" wait_for "[exit 0]"
check "... and leaves no folder" [ ! -e "$xdg/motcua" ]

boot --dossiers 200 --citizens 200 --enterprises 20
codes=$(m list 2>/dev/null | awk -F'\t' '$6 == 1 { print $1 }' | head -2)
code1=${codes%%[[:space:]]*} code2=${codes##*[[:space:]]}

check "port A: an accept made offline is queued" accept_offline sandbox-reference "$code1" "nhận ở cổng A"
boot
client sandbox-reference "$SBX_URL"
check "port B: the client logs in" wait_for "online"
check "... and sends the queued accept: the outbox empties" wait_gone "1 queued"
check "... the server has it" server_status_is "$code1" 2
check "... once" [ "$(accepts "$code1")" = 1 ]
keys :
keys -l messages
keys Enter
check "... and the client says it was delivered" wait_for "delivered: Accept"
keys q q
wait_for "[exit 0]"

# a server that did not name itself: the store went by host and port
sandbox_stop
boot
mkdir -p "$SBX_DIR/profiles"
grep -v '"server_id"' "$MOTCUA_PROFILE_DIR/sandbox-reference.json" >"$SBX_DIR/profiles/noid.json"
check "a store at port C, before identities: an accept queued there" \
	accept_offline "$SBX_DIR/profiles/noid.json" "$code2" "nhận ở cổng C"
boot
client sandbox-reference "$SBX_URL"
check "port D: the client logs in" wait_for "online"
check "... and asks whether to send the waiting action" \
	wait_for "1 action waits in another local store of yours for this server"
check "... a y/n question" wait_for "now?  y / n"
check "... not sent on its own" [ "$(accepts "$code2")" = 0 ]
keys y
check "y takes it over and sends it: the server has it" server_status_is "$code2" 2
check "... once" [ "$(accepts "$code2")" = 1 ]
check "... and the question is gone" wait_gone "now?  y / n"
# the status line moved on to "delivered": the messages keep both
keys :
keys -l messages
keys Enter
check "the messages say it was taken over" wait_for "took over 1 action from another local store"
check "... and delivered" wait_for "delivered: Accept"
keys q q q
check "q quits cleanly" wait_for "[exit 0]"
sandbox_stop

finish
