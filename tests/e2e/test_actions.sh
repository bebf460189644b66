#!/bin/sh
# Clerks act on dossiers against a real sandbox, one scenario per role: log
# in, go to the most urgent dossier the role can act on, open it, act
# through the action's form, and see the server's state change (checked
# with `motcua show` in batch mode, as another store). Then the same with
# the link cut in the middle: the sandbox stops, the action is queued (the
# view and the status bar say so), the sandbox comes back on the same port
# and the action is delivered. Last, a refusal (asked y/n first) on the
# portal dialect.
. "${srcdir:-.}/tests/e2e/lib.sh"
. "${srcdir:-.}/tests/e2e/sandbox.sh"
trap 'e2e_cleanup; sandbox_cleanup' EXIT

CLOCK='2025-10-15 10:00'
export MOTCUA_PASSWORD=motcua-demo

# boot DIALECT: a fresh sandbox of that dialect (same port when restarted)
boot() {
	dialect=$1
	db=$SBX_DIR/$dialect.db
	sandbox_start --db "$db" --dialect "$dialect" --clock "$CLOCK" --freeze-clock \
		--dossiers 400 --citizens 300 --enterprises 40 || exit 1
	port=${SBX_URL##*:}
}
reboot() { SBX_LISTEN=127.0.0.1:$port sandbox_start --db "$db" --dialect "$dialect" --clock "$CLOCK" --freeze-clock || exit 1; }

# batch mode as the same user, in a store of its own
m() { XDG_DATA_HOME="$SBX_DIR/batch" "$MOTCUA" -p "$profile" -s "$SBX_URL" -u "$user" "$@"; }

# target STATUS ACTION: the most urgent dossier (earliest due, else the
# earliest received) of that status on which the user may do ACTION now;
# skips codes already used.
target() {
	m list --status "$1" 2>/dev/null | awk -F'\t' 'NR > 1 { print ($5 == "" ? "9" : $5) "\t" $4 "\t" $1 }' |
		sort | cut -f3 | while read -r c; do
			case " $used " in *" $c "*) continue ;; esac
			if m show "$c" 2>/dev/null | grep -Eq "^Actions allowed .*\\b$2\\b"; then
				echo "$c"
				break
			fi
		done
}

server_status() { m show "$1" 2>/dev/null | sed -n 's/^Status  *\([0-9]*\) .*/\1/p'; }
# "4/issue": the status and the step the server has now
server_state() { m show "$1" 2>/dev/null | awk '/^Status / { s = $2 } /^Step / { t = $2 } END { print s "/" t }'; }
# pane_has RE: the pane matches an extended regular expression
pane_has() { pane | grep -Eq -- "$1"; }
# row_has TEXT GLYPH: the pane's line with TEXT also has GLYPH
row_has() { pane | grep -F -- "$1" | grep -qF -- "$2"; }
# server_has CODE STATE, server_status_is CODE STATUS: the server has it
# so, within 20 s
server_has() {
	for _ in $(seq 100); do
		[ "$(server_state "$1")" = "$2" ] && return 0
		sleep 0.2
	done
	return 1
}
server_status_is() {
	for _ in $(seq 100); do
		[ "$(server_status "$1")" = "$2" ] && return 0
		sleep 0.2
	done
	return 1
}

# client USER: the client in a fresh pane, logged in, its inbox shown
sessions=0
client() {
	user=$1
	# a new store each time: "data now" is then this session's first sync,
	# not one a previous session made less than a minute before
	sessions=$((sessions + 1))
	start 100 30 -- "MOTCUA_CONFIG='$SBX_DIR/motcuarc' MOTCUA_PASSWORD=motcua-demo MOTCUA_CLOCK='$CLOCK' MOTCUA_PROFILE_DIR='$MOTCUA_PROFILE_DIR' MOTCUA_CALENDAR_DIR='$MOTCUA_CALENDAR_DIR' XDG_DATA_HOME='$SBX_DIR/xdg-$sessions' $MOTCUA -p $profile -s $SBX_URL -u $user"
	# logged in and the first sync done ("logged in to" may give way at
	# once to a notice): the status bar says how old the data is
	wait_for "Inbox (" && wait_for "online" && wait_synced
}

# open CODE: go to it in the inbox by its code's end, open it whole
open_dossier() {
	keys '#'
	keys -l "${1#*-}"
	keys Enter Enter
	# the list has summaries: the actions allowed come with the whole dossier
	wait_for "Dossier $1" && wait_gone "Loading the whole dossier" && eventually pane_has "^You can: [^n]"
}

# act DESC USER STATUS ACTION KEY NEW_STATUS CUT -- FORM-KEYS...: one
# scenario; FORM-KEYS are tmux keys typed into the form before Enter.
act() {
	# not "desc": check() of lib.sh uses that name
	what=$1 user=$2 status=$3 action=$4 key=$5 want=$6 cut=$7
	shift 8
	code=$(target "$status" "$action")
	if [ -z "$code" ]; then
		not_ok "$what: no dossier for $user to $action"
		return
	fi
	used="$used $code"
	client "$user" || { not_ok "$what: $user logs in"; return; }
	check "$what: $user opens the most urgent dossier to $action, $code" open_dossier "$code"
	check "$what: the view lists $action with its key" pane_has "^You can: .*$key "
	[ "$cut" = cut ] && sandbox_stop
	keys "$key"
	check "$what: $key opens the form" wait_for "dossier $code"
	for k in "$@"; do keys "$k"; done
	keys Enter
	if [ "$cut" = cut ]; then
		check "$what: offline, the action is queued: the status bar counts it" wait_for "1 queued"
		check "$what: and the view says it waits for the link" wait_for "it is sent when the link is back"
		keys q
		check "$what: the inbox row carries the pending mark" eventually row_has "${code#*-}" "⇡"
		reboot
		check "$what: the link is back: nothing left in the outbox" wait_gone "1 queued"
	fi
	# the status line's "delivered" may give way at once to a notice: the
	# server itself says it
	check "$what: the server has $code in $want" server_has "$code" "$want"
	keys q
	keys q
	check "$what: q quits cleanly" wait_for "[exit 0]"
}

# the desk printer: a file
printf 'set print-command "cat > %s"\n' "$SBX_DIR/printed" >"$SBX_DIR/motcuarc"

used=
profile=sandbox-reference
boot reference

act "reception" tiepnhan1 1 accept a 2/assignment online -- "đủ giấy tờ"
act "leader" lanhdao1 2 assign A 4/processing online -- nhung
act "specialist" chuyenvien1 4 request-supplement s 5/processing online -- Tab "Bản sao giấy khai sinh"
act "records" vanthu1 4 result-ready d 9/return online --

act "reception, link cut" tiepnhan1 1 accept a 2/assignment cut -- "nhận khi mất mạng"
act "leader, link cut" lanhdao1 4 approve p 4/issue cut --
act "specialist, link cut" chuyenvien1 4 forward-signing f 4/signing cut --
act "records, link cut" vanthu1 4 result-ready d 9/return cut --
sandbox_stop

# the portal dialect: a refusal, asked y/n first
used=
profile=sandbox-portal
boot portal
user=tiepnhan1
code=$(target 1 refuse)
used=$code
client tiepnhan1 || not_ok "portal: tiepnhan1 logs in"
check "portal: the reception clerk opens $code" open_dossier "$code"
keys x
check "portal: x opens the refusal form" wait_for "Refuse — dossier $code"
keys Enter
check "portal: the reason is required" wait_for "Give the reason"
keys -l "Không thuộc thẩm quyền của xã"
keys Enter
check "portal: the refusal asks first, naming the dossier" wait_for "Refuse dossier $code"
keys n
check "portal: n goes back to the form, nothing sent" wait_gone "It cannot be undone"
check "portal: ... and the server still has it new" [ "$(server_status "$code")" = 1 ]
keys Enter
wait_for "It cannot be undone" >/dev/null
keys y
check "portal: y sends it; the server has it refused (3)" server_status_is "$code" 3
check "portal: the view says nothing more can be done" wait_for "You can: nothing at this step"
# the refusal on paper, for the applicant to take away
keys P
check "portal: P shows the refusal form" wait_for "Refusal — dossier $code"
check "portal: as it prints" wait_for "REFUSAL TO RECEIVE THE DOSSIER"
check "portal: with the reason the clerk gave" wait_for "Không thuộc thẩm quyền của xã"
keys p
check "portal: p prints it" wait_for "Refusal sent to the printer"
check "portal: through the print-command" eventually grep -q "Không thuộc thẩm quyền của xã" "$SBX_DIR/printed"
keys q q q
check "portal: q quits cleanly" wait_for "[exit 0]"

finish
