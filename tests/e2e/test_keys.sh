#!/bin/sh
# Cursor keys in both forms, on every TERM: a terminal in application mode
# sends ESC O B for Down, one in normal mode ESC [ B, whatever terminfo
# says; Home and End as xterm, rxvt, the Linux console and a VT220 send
# them; the keypad's corners from the terminfo entry. The bytes go to the
# pane raw (send-keys -H), as a terminal would send them, in the help
# screen, whose scroll marks (↑ at the top right, ↓ at the bottom right)
# say where it is.
. "${srcdir:-.}/tests/e2e/lib.sh"

command -v infocmp >/dev/null 2>&1 || { echo "infocmp not found: install the Debian package ncurses-bin"; exit 77; }

# raw SEQ: send the bytes of SEQ (printf escapes) to the pane.
raw() { keys -H $(printf "$1" | od -An -tx1); }

at_top() { line_has 2 "The keys that work here"; }
one_down() { line_has 2 "files bind."; }
# the last line shown (no ↓ under it) of a help scrolled away from its top
at_bottom() { line_has 2 "↑" && ! line_has 23 "↓" && [ -n "$(line 23 | tr -d ' ')" ]; }

for term in xterm-256color tmux-256color screen vt100 vt220 linux rxvt-unicode-256color; do
	if ! infocmp "$term" >/dev/null 2>&1; then
		echo "# no terminfo entry for $term here: not tried"
		continue
	fi
	E2E_TERM=$term
	start -- "$MOTCUA"
	check "$term: first frame drawn" wait_for "Inbox (0)"
	keys '?'
	check "$term: ? opens the help" eventually at_top
	for f in '[' 'O'; do
		raw "\\033${f}B"
		check "$term: Down as ESC $f B scrolls down" eventually one_down
		raw "\\033${f}A"
		check "$term: Up as ESC $f A scrolls up" eventually at_top
	done
	for end in '[F' 'OF' '[4~' '[8~'; do
		raw "\\033$end"
		check "$term: End as ESC $end goes to the bottom" eventually at_bottom
		case $end in
		'[F') home='[H' ;; 'OF') home='OH' ;; '[4~') home='[1~' ;; *) home='[7~' ;;
		esac
		raw "\\033$home"
		check "$term: Home as ESC $home goes to the top" eventually at_top
	done
	# the keypad's 1 and 7 (End, Home) where the entry names them
	kc1=$(tput -T "$term" kc1 2>/dev/null) ka1=$(tput -T "$term" ka1 2>/dev/null)
	if [ -n "$kc1" ] && [ -n "$ka1" ]; then
		keys -H $(printf '%s' "$kc1" | od -An -tx1)
		check "$term: the keypad's lower left goes to the bottom" eventually at_bottom
		keys -H $(printf '%s' "$ka1" | od -An -tx1)
		check "$term: the keypad's upper left goes to the top" eventually at_top
	fi
	for f in '[' 'O'; do
		raw "\\033${f}D"
		check "$term: Left as ESC $f D closes the help" wait_gone "Help: Inbox"
		keys '?'
		wait_for "Help: Inbox"
	done
	keys q q
	check "$term: q quits" wait_for "[exit 0]"
done

finish
