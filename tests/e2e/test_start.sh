#!/bin/sh
# The client starts in a real terminal, draws its frame, follows resizes
# down to 80x24 and below, and quits leaving the terminal as it found it.
. "${srcdir:-.}/tests/e2e/lib.sh"

start -- "$MOTCUA"
check "first frame drawn" wait_for "Inbox (0)"
check "status bar shows key hints" wait_for "q Quit"
if line 24 | grep -q "no data"; then ok "status bar is row 24"; else not_ok "status bar is row 24"; fi

resize 120 40
check "resize to 120x40 redraws" wait_for "no data"
if wait_for "no data" && line 40 | grep -q "no data"; then ok "status bar follows to row 40"; else not_ok "status bar follows to row 40"; fi

resize 60 20
check "below 80x24 it says the terminal is too small" wait_for "Terminal too small"
check "and what it needs" wait_for "60x20, needs 80x24"

resize 80 24
check "back at 80x24 the frame returns" wait_gone "Terminal too small"
if wait_for "Inbox (0)" && line 24 | grep -q "no data"; then ok "frame complete again"; else not_ok "frame complete again"; fi

keys q
check "q quits with status 0" wait_for "[exit 0]"
check "terminal restored after quit" restored

finish
