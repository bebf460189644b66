#!/bin/sh
# The client starts in a real terminal, draws its frame, follows resizes
# down to 80x24 and below, and quits leaving the terminal as it found it.
# Running, it holds no password in its environment and dumps no core.
. "${srcdir:-.}/tests/e2e/lib.sh"

# core dumps allowed as far as the shell may, so that only the client can
# forbid them
start -- "sh -c 'ulimit -S -c \$(ulimit -H -c); MOTCUA_PASSWORD=e2e-s3cret-start exec $MOTCUA'"
check "first frame drawn" wait_for "Inbox (0)"
pid=$(program_pid)
check "no core dump: RLIMIT_CORE is 0" \
	sh -c "[ \"\$(awk '/^Max core file size/ { print \$5 }' /proc/$pid/limits)\" = 0 ]"
# unreadable (not dumpable) to anyone but root, and root finds no password
check "MOTCUA_PASSWORD is no longer in its environment block" \
	sh -c "[ -n '$pid' ] && ! grep -aq e2e-s3cret-start /proc/$pid/environ 2>/dev/null"
check "status bar shows key hints" wait_for "q Quit"
check "status bar is row 24" eventually line_has 24 "no data"

resize 120 40
check "resize to 120x40 redraws: the status bar follows to row 40" eventually line_has 40 "no data"

resize 60 20
check "below 80x24 it says the terminal is too small" wait_for "Terminal too small"
check "and what it needs" wait_for "60x20, needs 80x24"

resize 80 24
check "back at 80x24 the frame returns" wait_gone "Terminal too small"
frame_complete() { line_has 1 "Inbox (0)" && line_has 24 "no data"; }
check "frame complete again" eventually frame_complete

keys q
check "q quits with status 0" wait_for "[exit 0]"
check "terminal restored after quit" restored

finish
