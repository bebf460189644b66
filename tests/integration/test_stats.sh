#!/bin/sh
# motcua stats against a real motcua-sandbox, in both dialects: after a
# sync, the indicators counted from the local store equal the server's own
# GET /stats (ThongKe) for the same period, on its training data, for a
# leader and a reception clerk; and the command's options and outputs.
. "${srcdir:-.}/tests/e2e/sandbox.sh"
. "${srcdir:-.}/tests/tap.sh"
trap sandbox_cleanup EXIT

CLOCK='2025-10-15 10:00'
export MOTCUA_CLOCK="$CLOCK" MOTCUA_PASSWORD=motcua-demo
out=$SBX_DIR/out err=$SBX_DIR/err

for dialect in reference portal; do
	sandbox_start --db "$SBX_DIR/$dialect.db" --dialect "$dialect" --clock "$CLOCK" \
		--freeze-clock --dossiers 400 --citizens 300 --enterprises 40 || exit 1
	for user in lanhdao1 tiepnhan1; do
		m() { "$MOTCUA" --profile "sandbox-$dialect" --server "$SBX_URL" --user "$user" "$@"; }
		m sync --full >/dev/null 2>&1
		for period in "--from 2025-09-01 --to 2025-10-14" "--from 2025-10-01 --to 2025-10-15" \
			"--from 2025-08-25 --to 2025-09-05"; do
			# shellcheck disable=SC2086 # the period is two options
			m stats $period --format json >"$out" 2>"$err"; rc=$?
			check "$dialect, $user, $period: exits 0" [ "$rc" = 0 ]
			check "$dialect, $user, $period: the server's figures are there" grep -q '"server":' "$out"
			check "$dialect, $user, $period: no difference" sh -c "[ ! -s '$err' ] && grep -q '\"differences\":	\"\"' '$out'"
			[ -s "$err" ] && sed 's/^/# /' "$err"
			# the figures compared are real ones, not zeros on both sides
			check "$dialect, $user, $period: something resolved" grep -q '^	"resolved":	[1-9]' "$out"
		done
	done
	sandbox_stop
done

m stats --by day >"$out" 2>"$err"; rc=$?
check "stats without a server: still answers from the store" [ "$rc" = 0 ]
check "TSV: the documented header" [ "$(head -n 1 "$out" | cut -f1-6)" = "$(printf 'group\treceived\tdirect\tonline\tpostal\tresolved')" ]
check "TSV: a row per day of this month, then the whole as *" sh -c "tail -n 1 '$out' | grep -q '^\\*	' && sed -n 2p '$out' | grep -q '^2025-10-'"
check "TSV: 21 columns on every line" sh -c "awk -F'\t' 'NF != 21 { bad = 1 } END { exit bad }' '$out'"
check "TSV: the star rating and what costs a star, from the settings" sh -c "tail -n 1 '$out' | awk -F'\t' '\$20 >= 2 && \$20 <= 5 { ok = 1 } END { exit !ok }'"
printf 'set stars-on-time 0\nset stars-online 0\nset stars-average-days 365\n' >"$SBX_DIR/motcuarc"
MOTCUA_CONFIG=$SBX_DIR/motcuarc m stats --format json >"$out" 2>/dev/null
check "JSON: no threshold, five stars, nothing costs one" sh -c "tr -d '\n\t' <'$out' | grep -q '\"stars\":{\"value\":5,\"costs_a_star\":\"\"}'"
check "JSON: satisfaction has no source, and says so" sh -c "tr -d '\n\t' <'$out' | grep -q '\"satisfaction\":{\"value\":null,\"source\":\"none: '"
check "offline: says the server's figures are missing" grep -q "figures are not available" "$err"
m stats --by frobnicate >/dev/null 2>"$err"; rc=$?
check "a wrong --by: exit 2" [ "$rc" = 2 ]
m stats --from 2025-10-10 --to 2025-10-01 >/dev/null 2>"$err"; rc=$?
check "--to before --from: exit 2" sh -c "[ $rc = 2 ] && grep -q 'must not be before' '$err'"
tap_finish
