#!/bin/sh
# The Vietnamese catalog is complete: every source file with translatable
# strings is listed in locale/POTFILES.in, and every string extracted from
# them has a Vietnamese translation that is not fuzzy and passes msgfmt's
# format checks.
top=${srcdir:-.}
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $1"; }

for tool in xgettext msgmerge msgfmt; do
	command -v $tool >/dev/null || { echo "$tool not found: install the Debian package gettext"; exit 77; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

missing=
for f in $(cd "$top" && find client batch screens keymaps themes sandbox -name '*.c' -exec grep -lE '\b(N_|P_|_)\("' {} + | sort); do
	grep -qx "$f" "$top/locale/POTFILES.in" || missing="$missing $f"
done
if [ -z "$missing" ]; then ok "POTFILES.in lists every file with strings"; else not_ok "POTFILES.in lacks:$missing"; fi

(cd "$top" && xgettext --keyword=_ --keyword=N_ --keyword=P_:1,2 --from-code=UTF-8 \
	--files-from=locale/POTFILES.in -o "$tmp/motcua.pot" 2>"$tmp/xgettext.err")
if [ -s "$tmp/motcua.pot" ]; then ok "strings extracted"; else not_ok "xgettext: $(cat "$tmp/xgettext.err")"; fi

msgmerge -q --no-fuzzy-matching "$top/locale/vi.po" "$tmp/motcua.pot" -o "$tmp/vi.po"
msgfmt -c --statistics -o /dev/null "$tmp/vi.po" 2>"$tmp/stats"
stats=$(cat "$tmp/stats")
echo "# vi: $stats"
case "$stats" in
*untranslated*) not_ok "every string translated ($stats)"
	msgattrib --untranslated --no-obsolete "$tmp/vi.po" | grep '^msgid' | head -n 20 ;;
*fuzzy*) not_ok "no fuzzy translation ($stats)" ;;
*"translated message"*) ok "every string translated ($stats)" ;;
*) not_ok "msgfmt rejected the catalog: $stats" ;;
esac

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
