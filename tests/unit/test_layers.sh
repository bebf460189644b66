#!/bin/sh
# Who may include whom (doc/architecture.md, "Layers"), checked on every
# source file: a forbidden include fails with the file, the line and the
# include. Tests are not checked: they may reach into anything.
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
themes:                                              | curl cjson sqlite3 pcre2 microhttpd notify
screens:      client/core client/store client/desk client/app batch keymaps themes | curl cjson sqlite3 pcre2 microhttpd
sandbox:      client/core sandbox/seed               | curses curl pcre2 notify
sandbox/seed: client/core sandbox                    | curses curl pcre2 microhttpd notify
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

# The checker itself: a tree that breaks each kind of rule must fail.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/layers.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/client/core" "$tmp/screens"
printf '#include "net/http.h"\n' >"$tmp/client/core/x.c"
printf '#include <curl/curl.h>\n#include "model.h"\n' >"$tmp/screens/y.c"
seen=$(cd "$tmp" && check_tree)
check "a forbidden module is named with its file and line" \
	sh -c 'echo "$1" | grep -qF "client/core/x.c:1: includes \"net/http.h\": client/core may not include client/net"' - "$seen"
check "a forbidden library is named" \
	sh -c 'echo "$1" | grep -qF "screens/y.c:1: includes <curl/curl.h>: screens may not use curl"' - "$seen"
check "a bare include of another folder's header is named" \
	sh -c 'echo "$1" | grep -qF "screens/y.c:2: includes \"model.h\", which is not in screens/"' - "$seen"

# The real tree: the TAP lines of the cases, counted here.
check_tree >"$tmp/out"
while IFS= read -r l; do
	case $l in
	"ok "*) ok "${l#ok * - }" ;;
	"not ok "*) not_ok "${l#not ok * - }" ;;
	*) echo "$l" ;;
	esac
done <"$tmp/out"
tap_finish
