#!/bin/sh
# The man pages render without a warning (groff -ww; mandoc -T lint and
# man -l too where they are installed), and each names what its program
# reads: every option and batch command motcua parses, every option of
# motcua-sandbox, every MOTCUA_* variable, every setting. A new option
# without its entry fails here.
. "${srcdir:-.}/tests/tap.sh"
top=${srcdir:-.}
command -v groff >/dev/null 2>&1 ||
	{ echo "groff not found: install the Debian package groff-base"; exit 77; }

client=$top/doc/motcua.1
sandbox=$top/doc/motcua-sandbox.1
rc=doc/motcuarc.5	# built from the settings table by make

for page in "$client" "$sandbox" "$rc"; do
	name=${page##*/}
	if [ ! -f "$page" ]; then
		not_ok "$name is there (make builds doc/motcuarc.5)"
		continue
	fi
	warn=$(groff -man -Tutf8 -ww -z "$page" 2>&1)
	check "$name: groff -man -ww warns of nothing" test -z "$warn"
	[ -z "$warn" ] || echo "$warn" | sed 's/^/# /'
	if command -v mandoc >/dev/null 2>&1; then
		warn=$(mandoc -T lint -W warning "$page" 2>&1)
		check "$name: mandoc -T lint warns of nothing" test -z "$warn"
		[ -z "$warn" ] || echo "$warn" | sed 's/^/# /'
	fi
	if command -v man >/dev/null 2>&1; then
		warn=$(MANWIDTH=80 man --warnings=w -l "$page" 2>&1 >/dev/null)
		check "$name: man -l renders it without a word on stderr" test -z "$warn"
		[ -z "$warn" ] || echo "$warn" | sed 's/^/# /'
	fi
done

# names PAGE WHAT PATTERN WORD...: the page has every WORD, a minus written
# \- as roff wants it, where PATTERN (an ERE, @ for the word) says.
names() {
	page=$1 what=$2 pattern=$3
	shift 3
	missing=
	for w; do
		r=$(printf '%s\n' "$w" | sed 's/-/\\\\-/g')
		p=${pattern%%@*}$r${pattern#*@}
		grep -qE -- "$p" "$page" || missing="$missing $w"
	done
	if [ -z "$missing" ]; then
		ok "${page##*/} names every $what"
	else
		not_ok "${page##*/} names every $what; missing:$missing"
	fi
}

# long options as getopt_long tables list them
longopts() {
	grep -ohE '\{ "[a-z-]+", (no|required|optional)_argument' "$@" | sed -E 's/^\{ "([a-z-]+)".*/\1/'
}
getenvs() {
	grep -ohE 'getenv\("MOTCUA_[A-Z_]+"\)' "$@" | sed -E 's/getenv\("(.*)"\)/\1/' | sort -u
}
opt='\\-\\-@([^a-z\\]|\\f|$)'
names "$client" "option of client/app/cli.c" "$opt" $(longopts "$top/client/app/cli.c")
names "$client" "option of a batch command" "$opt" $(longopts "$top"/batch/*.c)
names "$client" "batch command" '^\.BI? "?@( |"|$)' \
	$(grep -ohE '\{ "[a-z-]+", (cmd|batch_cmd)_[a-z_]+ \}' "$top/batch/batch.c" | sed -E 's/^\{ "([a-z-]+)".*/\1/')
names "$client" "MOTCUA_ variable the client reads" '@' \
	$(getenvs "$top"/client/*/*.c "$top"/batch/*.c "$top"/screens/*.c)
names "$sandbox" "option of sandbox/main.c" "$opt" $(longopts "$top/sandbox/main.c")
names "$sandbox" "MOTCUA_ variable the sandbox reads" '@' $(getenvs "$top"/sandbox/*.c)
[ -f "$rc" ] && names "$rc" "setting of client/app/conf.c" '^\.B set @ ' \
	$(grep -ohE '^[[:space:]]*\{ "[a-z-]+", CONF_' "$top/client/app/conf.c" | sed -E 's/.*"([a-z-]+)".*/\1/')
tap_finish
