#!/bin/sh
# Themes in a real terminal: a `color` line in motcuarc changes what is
# drawn; a broken one is named by file:line; the preview (T) shows the
# object with its line; `set theme monochrome` and NO_COLOR draw no colour,
# and `mono` lines say what is drawn then.
. "${srcdir:-.}/tests/e2e/lib.sh"

dir=$(mktemp -d "${TMPDIR:-/tmp}/motcua-theme.XXXXXX")
trap 'e2e_cleanup; rm -rf "$dir"' EXIT
ESC=$(printf '\033')

# escapes: the pane with its attributes, as tmux writes them (one SGR each)
escapes() { tm capture-pane -e -p -t e2e; }
# the title bar is black on yellow, bold
title_yellow() {
	escapes | sed -n 1p | grep -qF "${ESC}[1m${ESC}[30m${ESC}[43m"
}
# no escape in the pane sets a colour (tmux's resets, 39 and 49, aside)
no_colour() {
	! escapes | grep -qE "${ESC}\[(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;[0-9]+)*m"
}
has_colour() { ! no_colour; }
# row N holds the attribute A (tmux may write it after others: 0;4)
row_has_attr() { escapes | sed -n "$1p" | grep -qE "${ESC}\[([0-9]+;)*$2m"; }
title_has() { row_has_attr 1 "$1"; }
run() {
	start -- "MOTCUA_CONFIG='$dir/motcuarc' MOTCUA_THEME_DIR='$MOTCUA_THEME_DIR' $*"
}

printf '%s\n' "color title-bar black yellow bold" \
	"color status-bar black yellow blink" >"$dir/motcuarc"
run "$MOTCUA"
check "starts" wait_for "Inbox (0)"
check "a color line in motcuarc draws the title bar black on yellow, bold" eventually title_yellow
check "a broken color line is named by file and line" \
	wait_for "motcuarc:2: 'blink' is not an attribute"
keys T
check "T opens the colour preview" wait_for "Colours: default (256 colours)"
check "the preview lists the changed object with its line" \
	wait_for "title-bar                 color black yellow bold  mono reverse"
keys q
check "q closes it" wait_gone "Colours: default"
keys q
check "quits" wait_for "[exit 0]"

printf '%s\n' "# no colour at all" >"$dir/motcuarc"
run "$MOTCUA"
check "the built-in theme" wait_for "Inbox (0)"
check "has colours (the check sees them)" eventually has_colour
keys q

printf '%s\n' "set theme monochrome" "color title-bar default default underline" >"$dir/motcuarc"
run "$MOTCUA"
check "set theme monochrome starts" wait_for "Inbox (0)"
check "monochrome draws no colour" eventually no_colour
check "a color line goes over the theme" eventually title_has 4
keys q

printf '%s\n' "color title-bar black yellow bold" "mono status-bar underline" >"$dir/motcuarc"
run "NO_COLOR=1 $MOTCUA"
check "with NO_COLOR" wait_for "Inbox (0)"
check "NO_COLOR draws no colour, even one a color line asks for" eventually no_colour
check "the bars keep their reverse video" eventually title_has 7
check "a mono line draws the status bar without colours" eventually row_has_attr 24 4
keys q

printf '%s\n' "set theme solarized" >"$dir/motcuarc"
run "$MOTCUA"
check "an unknown theme is said" wait_for "no theme named 'solarized'"
keys q

finish
