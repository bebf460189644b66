#!/bin/sh
# Who may include whom (doc/architecture.md, "Layers"), checked on every
# source file: a forbidden include fails with the file, the line and the
# include; and what a module may not call whatever it includes (screens
# reach the API only through the session). Tests are not checked: they
# may reach into anything.
. "${srcdir:-.}/tests/tap.sh"
cd "${srcdir:-.}" || exit 1

# MODULE: the modules it may include (besides itself) | the libraries it
# may not. An include names a module by its folder: "core/err.h" is
# client/core, "screens/ui.h" is screens; a bare "x.h" is in the same folder.
rules='
client/core:                                         | curses curl cjson sqlite3 pcre2 microhttpd notify
client/net:   client/core                            | curses cjson sqlite3 pcre2 microhttpd notify
client/api:   client/core client/net                 | curses sqlite3 pcre2 microhttpd notify
client/store: client/core client/net client/api      | curses pcre2 microhttpd notify
client/desk:  client/core client/net client/api      | curses sqlite3 microhttpd notify
client/app:   client/core client/net client/api client/store client/desk | curses microhttpd
batch:        client/core client/net client/api client/store client/desk client/app | curses microhttpd notify
keymaps:      client/core                            | curl cjson sqlite3 pcre2 microhttpd notify
themes:       client/core                            | curl cjson sqlite3 pcre2 microhttpd notify
screens:      client/core client/store client/desk client/app batch keymaps themes | curl cjson sqlite3 pcre2 microhttpd
sandbox:      client/core sandbox/seed               | curses curl pcre2 notify
sandbox/seed: client/core sandbox                    | curses curl pcre2 microhttpd notify
'

# MODULE | what its .c files may not name (an extended regular expression)
# | what that is: the API's functions and JSON come to screens through
# client/app, whatever a header they include happens to bring along.
symbols='
screens | \bapi_[a-z_]*\( | call the API (the session does, client/app)
screens | cJSON          | use cJSON (client/api builds and reads the JSON)
'

# module_of INCLUDE DIR: the module a quoted include names, from DIR.
module_of() {
	case $1 in
	core/* | net/* | api/* | store/* | desk/* | app/*) echo "client/${1%/*}" ;;
	*/*) echo "${1%/*}" ;;
	*) echo "$2" ;;
	esac
}

# library_of HEADER: the library a system header belongs to, if one we rule.
library_of() {
	case $1 in
	curses.h | ncurses*.h | term.h | panel.h) echo curses ;;
	curl/*) echo curl ;;
	cjson/*) echo cjson ;;
	sqlite3.h) echo sqlite3 ;;
	pcre2.h) echo pcre2 ;;
	microhttpd.h) echo microhttpd ;;
	libnotify/*) echo notify ;;
	esac
}

# check_tree: one test case per module of the tree in the current folder.
check_tree() {
echo "$rules" | while IFS= read -r rule; do
	[ -n "$rule" ] || continue
	mod=${rule%%:*}
	rest=${rule#*:}
	may=${rest%%|*}
	mayNot=${rest#*|}
	bad=$(
		for f in "$mod"/*.c "$mod"/*.h; do
			[ -f "$f" ] || continue
			grep -n '^[[:space:]]*#[[:space:]]*include' "$f" | while IFS= read -r l; do
				n=${l%%:*}
				inc=$(echo "$l" | sed -n 's/.*#[[:space:]]*include[[:space:]]*\([<"][^>"]*[>"]\).*/\1/p')
				name=${inc#?}
				name=${name%?}
				case $inc in
				'"config.h"' | '"schema_sql.h"') ;;
				\"*)
					if [ "${name#*/}" = "$name" ] && [ ! -f "$mod/$name" ]; then
						echo "$f:$n: includes $inc, which is not in $mod/ (name the module: \"core/$name\", ...)"
						continue
					fi
					m=$(module_of "$name" "$mod")
					case " $mod $may " in
					*" $m "*) ;;
					*) echo "$f:$n: includes $inc: $mod may not include $m (only:${may:- nothing of motcua})" ;;
					esac
					;;
				\<*)
					lib=$(library_of "$name")
					case " $mayNot " in
					*" $lib "*) [ -n "$lib" ] && echo "$f:$n: includes $inc: $mod may not use $lib" ;;
					esac
					;;
				esac
			done
		done
	)
	if [ -z "$bad" ]; then
		ok "$mod includes only what it may"
	else
		not_ok "$mod includes only what it may"
		echo "$bad" | sed 's/^/# /'
	fi
done
}

# check_symbols: one test case per symbol rule, on the tree in the
# current folder; each use is named with its file and line.
check_symbols() {
printf '%s\n' "$symbols" | while IFS='|' read -r mod re what; do
	[ -n "$re" ] || continue
	mod=$(printf '%s' "$mod" | sed 's/^ *//; s/ *$//')
	re=$(printf '%s' "$re" | sed 's/^ *//; s/ *$//')
	what=$(printf '%s' "$what" | sed 's/^ *//; s/ *$//')
	bad=$(
		for f in "$mod"/*.c; do
			[ -f "$f" ] || continue
			grep -nE "$re" "$f" | while IFS=: read -r n text; do
				hit=$(printf '%s\n' "$text" | grep -oE "$re" | head -n 1)
				printf '%s\n' "$f:$n: $hit: $mod may not $what"
			done
		done
	)
	if [ -z "$bad" ]; then
		ok "$mod does not $what"
	else
		not_ok "$mod does not $what"
		echo "$bad" | sed 's/^/# /'
	fi
done
}

# The checker itself: a tree that breaks each kind of rule must fail.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/layers.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/client/core" "$tmp/screens"
printf '#include "net/http.h"\n' >"$tmp/client/core/x.c"
printf '#include <curl/curl.h>\n#include "model.h"\n' >"$tmp/screens/y.c"
printf 'n = session_api(app);\nstruct api_result r;\napi_new_key(key);\ncJSON *o;\n' >"$tmp/screens/z.c"
seen=$(cd "$tmp" && { check_tree; check_symbols; })
check "a forbidden module is named with its file and line" \
	sh -c 'echo "$1" | grep -qF "client/core/x.c:1: includes \"net/http.h\": client/core may not include client/net"' - "$seen"
check "a forbidden library is named" \
	sh -c 'echo "$1" | grep -qF "screens/y.c:1: includes <curl/curl.h>: screens may not use curl"' - "$seen"
check "a bare include of another folder's header is named" \
	sh -c 'echo "$1" | grep -qF "screens/y.c:2: includes \"model.h\", which is not in screens/"' - "$seen"
check "a call of the API from a screen is named with its file and line" \
	sh -c 'echo "$1" | grep -qF "screens/z.c:3: api_new_key(: screens may not call the API"' - "$seen"
check "cJSON in a screen is named" \
	sh -c 'echo "$1" | grep -qF "screens/z.c:4: cJSON: screens may not use cJSON"' - "$seen"
check "a session function or an API type is not an API call" \
	sh -c '! echo "$1" | grep -qE "screens/z.c:[12]:"' - "$seen"

# The real tree: the TAP lines of the cases, counted here.
{ check_tree; check_symbols; } >"$tmp/out"
while IFS= read -r l; do
	case $l in
	"ok "*) ok "${l#ok * - }" ;;
	"not ok "*) not_ok "${l#not ok * - }" ;;
	*) echo "$l" ;;
	esac
done <"$tmp/out"
tap_finish
