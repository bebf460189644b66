#!/bin/sh
# Whatever ends the client (Ctrl-C, SIGTERM, SIGHUP, a crash), the clerk
# gets a working terminal back.
. "${srcdir:-.}/tests/e2e/lib.sh"

start -- "$MOTCUA"
check "started" wait_for "Inbox (0)"
keys C-c
check "Ctrl-C quits with status 0" wait_for "[exit 0]"
check "terminal restored after Ctrl-C" restored

for sig in TERM HUP; do
	start -- "$MOTCUA"
	wait_for "Inbox (0)"
	kill -"$sig" "$(program_pid)"
	check "SIG$sig quits with status 0" wait_for "[exit 0]"
	check "terminal restored after SIG$sig" restored
done

# A crash: the terminal is restored before the process dies of it (under
# AddressSanitizer the sanitizer reports it and exits non-zero instead).
start -- "$MOTCUA"
wait_for "Inbox (0)"
kill -SEGV "$(program_pid)"
check "a crash ends the process with a failure status" wait_for "[exit "
if pane | grep -q '\[exit 0\]'; then not_ok "crash status is not 0"; else ok "crash status is not 0"; fi
check "terminal restored after a crash" restored

finish
