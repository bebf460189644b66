#!/bin/sh
# Printing from the real client in a real terminal: the print command runs
# while the client goes on (a printer that hangs does not hang the desk),
# gets the form and a minimal environment (never the password), and what
# it says on its standard error comes back in the status bar, never
# written over the screen; a print command that is not installed is said
# at once, with where to set another.
. "${srcdir:-.}/tests/e2e/lib.sh"
. "${srcdir:-.}/tests/e2e/sandbox.sh"
trap 'e2e_cleanup; sandbox_cleanup' EXIT

CLOCK='2025-10-15 10:00'
sandbox_start --db "$SBX_DIR/db" --clock "$CLOCK" --freeze-clock \
	--dossiers 200 --citizens 300 --enterprises 40 || exit 1

# the printer: a script the test rewrites between prints
PRINTER=$SBX_DIR/printer
printf 'set print-command "sh %s"\n' "$PRINTER" >"$SBX_DIR/motcuarc"
printer() { printf '%s\n' "$1" >"$PRINTER"; }
CLIENT="MOTCUA_CONFIG='$SBX_DIR/motcuarc' MOTCUA_PASSWORD=motcua-demo MOTCUA_CLOCK='$CLOCK' MOTCUA_PROFILE_DIR='$MOTCUA_PROFILE_DIR' MOTCUA_CALENDAR_DIR='$MOTCUA_CALENDAR_DIR' $MOTCUA -p sandbox-reference -s $SBX_URL -u tiepnhan1"

start 80 24 -- "$CLIENT"
check "the inbox is synced" wait_for "data now"
keys Enter
check "the most urgent dossier opens" wait_for "Dossier 000"
keys P
check "P shows its receipt" wait_for "RECEIPT OF DOSSIER AND APPOINTMENT"

# --- a printer that waits: the client does not ---
mkfifo "$SBX_DIR/go"
printer "cat > '$SBX_DIR/printed'; env > '$SBX_DIR/env'; read go < '$SBX_DIR/go'"
keys p
check "p: the status bar says it prints" wait_for "Receipt: printing"
keys '?'
check "while it prints, the client answers keys (the help opens)" wait_for "Help: Paper form" 20
keys q
check "q closes the help" wait_for "Receipt — dossier"
echo go >"$SBX_DIR/go"
check "once the printer is done: sent to the printer" wait_for "Receipt sent to the printer"
check "the printer got the form" grep -q "Dossier code: 000" "$SBX_DIR/printed"
check "the printer's environment has no password" sh -c "! grep -q 'motcua-demo\|MOTCUA' '$SBX_DIR/env'"
check "... and a PATH" grep -q '^PATH=' "$SBX_DIR/env"

# --- a printer that fails, saying why on its standard error ---
printer "cat >/dev/null; echo 'lpr: The printer or class does not exist.' >&2; echo 'request id is none' ; exit 1"
keys p
check "the failure is said in the status bar, in the printer's words" \
	wait_for "Receipt not printed: the print command failed: lpr: The printer or class"
check "its words are in the status bar only, not written over the screen" \
	test "$(pane | grep -c 'lpr: The printer')" = 1
if pane | sed -n '1,21p' | grep -q 'lpr:\|request id'; then
	not_ok "the form on the screen is untouched"
else
	ok "the form on the screen is untouched"
fi
check "the screen is still the receipt" wait_for "RECEIPT OF DOSSIER AND APPOINTMENT"
keys q q q
check "q quits cleanly" wait_for "[exit 0]"

# --- a print command that is not installed (lpr on a fresh system) ---
printf 'set print-command "lpr-not-installed-xyz -P quay1"\n' >"$SBX_DIR/motcuarc"
start 80 24 -- "$CLIENT"
check "restarted: the inbox is synced" wait_for "data now"
keys Enter P
check "the receipt again" wait_for "RECEIPT OF DOSSIER AND APPOINTMENT"
keys p
check "p says at once that the command is not installed" \
	wait_for "Receipt not printed: no print command: 'lpr-not-installed-xyz' is not"
check "and where to set another" wait_for "installed; set print-command in $SBX_DIR/motcuarc"
keys q q q
check "q quits cleanly" wait_for "[exit 0]"
check "terminal restored" restored

finish
