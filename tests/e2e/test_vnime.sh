#!/bin/sh
# Vietnamese typed in the client, on terminals without an input method (a
# Linux console, a VT100): Telex in the intake's name field gives the
# composed name, in the style set; the inbox filter typed in Telex finds
# the dossier; Ctrl-E turns it off and on. And with LC_ALL=C the inbox
# shows the names without their marks, in their columns.
. "${srcdir:-.}/tests/e2e/lib.sh"
. "${srcdir:-.}/tests/e2e/sandbox.sh"
trap 'e2e_cleanup; sandbox_cleanup' EXIT

CLOCK='2025-10-15 10:00'
sandbox_start --db "$SBX_DIR/db" --clock "$CLOCK" --freeze-clock \
	--dossiers 300 --citizens 300 --enterprises 40 || exit 1
# the training data's seed is fixed: this applicant has a dossier open
WHO='Quách Bích Thảo'
XDG_DATA_HOME="$SBX_DIR/batch" MOTCUA_PASSWORD=motcua-demo MOTCUA_CLOCK="$CLOCK" \
	"$MOTCUA" -p sandbox-reference -s "$SBX_URL" -u tiepnhan1 list | grep -qF "$WHO" ||
	{ echo "# the seed has no dossier of $WHO any more: pick another name"; exit 1; }

# client LOCALE_ENV: the client with the input method set in its config
client() {
	start 100 30 -- "$1 MOTCUA_CONFIG='$SBX_DIR/motcuarc' MOTCUA_PASSWORD=motcua-demo MOTCUA_CLOCK='$CLOCK' XDG_DATA_HOME='$SBX_DIR/xdg' MOTCUA_PROFILE_DIR='$MOTCUA_PROFILE_DIR' MOTCUA_CALENDAR_DIR='$MOTCUA_CALENDAR_DIR' $MOTCUA -p sandbox-reference -s $SBX_URL -u tiepnhan1"
	wait_for "Inbox (" 30 && wait_synced
}

# typing TERM STYLE NAME: Telex on a terminal of type TERM, in tone STYLE,
# gives NAME for Nguyeenx Thij Hoaf.
typing() {
	E2E_TERM=$1
	printf 'set input-method telex\nset tone-style %s\n' "$2" >"$SBX_DIR/motcuarc"
	client "" || { not_ok "$1: the client starts"; return 1; }
	check "$1: the status bar says Telex is on" wait_for "Telex │"

	keys /
	keys -l "Quachs Bichs Thaor"
	check "$1: the filter typed in Telex is composed" wait_for "Filter: $WHO"
	check "$1: and finds the dossier" wait_for "Inbox (1)"
	check "$1: its row" eventually line_has 4 "$WHO"
	keys Escape

	keys n
	wait_for "Procedure code:"
	keys -l 1.001193
	keys Enter
	wait_for "Intake 1.001193"
	keys Tab
	keys -l "Nguyeenx Thij Hoaf"
	check "$1: the name field gets $3" wait_for "* $3"

	keys C-e
	check "$1: Ctrl-E turns it off" wait_for "Vietnamese typing off"
	check "$1: and the status bar no longer says Telex" wait_gone "Telex │"
	keys -l " Vaanx"
	check "$1: keys then go in as typed" wait_for "* $3 Vaanx"
	keys C-e
	check "$1: Ctrl-E turns it on again" wait_for "Vietnamese typing on: Telex"
	keys -l " vaanx"
	check "$1: and it composes again" wait_for "* $3 Vaanx vẫn"
	# name, date of birth, sex, residence: an address composes
	keys Tab Tab Tab
	keys -l "Phuwowngf Hoanf Kieems"
	check "$1: an address field composes" wait_for "* Phường Hoàn Kiếm"
	# current address, phone, e-mail: an e-mail does not
	keys Tab Tab Tab
	keys -l "hoas@mail.vn"
	check "$1: an e-mail is typed as it is" wait_for " hoas@mail.vn"

	# Esc twice leaves a form with something typed
	keys Escape
	wait_for "Esc again leaves the form"
	keys Escape
	wait_for "Inbox ("
	keys q
	check "$1: quits cleanly" wait_for "[exit 0]"
}

typing linux old "Nguyễn Thị Hòa"
typing vt100 new "Nguyễn Thị Hoà"

# LC_ALL=C: no UTF-8, so no Vietnamese marks; every name keeps its column
E2E_TERM=vt100
printf 'set input-method telex\n' >"$SBX_DIR/motcuarc"
client "LC_ALL=C" || not_ok "C locale: the client starts"
check "C locale: the status bar says the terminal is not UTF-8" wait_for "| no UTF-8 |"
check "C locale: a name without its marks, in its column" \
	eventually sh -c "$TMUX_BIN -L $E2E_SOCK capture-pane -p -t e2e | grep -q '^. 000.01.01.H26-251014-0005 Quach Bich Thao              14/10 10:45 '"
check "C locale: the title's separator is an ASCII one" wait_for " motcua | Inbox ("
keys /
keys -l "Quachs Bichs"
check "C locale: Telex typing shows without marks too" wait_for "Filter: Quach Bich"
check "C locale: and finds the dossier" wait_for "Inbox (1)"
keys Escape q
check "C locale: quits cleanly" wait_for "[exit 0]"

finish
