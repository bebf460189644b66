#!/bin/sh
# The session a login opens is kept between runs (issue 15): through each
# sandbox dialect, a second `motcua sync` given the same password makes no
# login (the sandbox counts them); the store keeps it (0600) and it appears
# in no output; a refused login and `motcua logout` wipe it; a session the
# server no longer takes (expired, or a key it does not know) costs one
# login and the call again, not a loop.
. "${srcdir:-.}/tests/e2e/sandbox.sh"
. "${srcdir:-.}/tests/tap.sh"
trap sandbox_cleanup EXIT

export MOTCUA_CLOCK='2025-10-15 10:00'
SIZES="--dossiers 60 --citizens 200 --enterprises 20"
out=$SBX_DIR/out err=$SBX_DIR/err
# logins: how many the sandbox at $url answered so far
logins() { curl -s "$url/_sandbox/health" | sed -n 's/.*"logins":[[:space:]]*\([0-9]*\).*/\1/p'; }
# meta KEY: a value of the store's meta table ("" when sqlite3 is missing)
meta() { command -v sqlite3 >/dev/null && sqlite3 "$store" "SELECT value FROM meta WHERE key = '$1'"; }
have_sqlite() { command -v sqlite3 >/dev/null; }

if ! command -v curl >/dev/null 2>&1; then
	not_ok "the session tests need curl: install the Debian package curl"
	tap_finish
	exit
fi

for d in reference:sandbox-reference portal:sandbox-portal opencps:opencps; do
	dialect=${d%%:*} prof=${d#*:}
	export XDG_DATA_HOME="$SBX_DIR/xdg-$dialect"
	sandbox_start --db "$SBX_DIR/$dialect.db" --dialect "$dialect" $SIZES \
		--clock "$MOTCUA_CLOCK" --freeze-clock || exit 1
	url=$SBX_URL
	m() { MOTCUA_PASSWORD=${PW:-motcua-demo} "$MOTCUA" --profile "$prof" --server "$url" --user tiepnhan1 "$@"; }

	m sync >"$out" 2>"$err"; rc1=$?
	m sync >>"$out" 2>>"$err"; rc2=$?
	check "$dialect: two runs of sync, one login" sh -c "[ $rc1 = 0 ] && [ $rc2 = 0 ] && [ '$(logins)' = 1 ]"
	store=$(find "$XDG_DATA_HOME/motcua" -type f -name tiepnhan1.db)
	check "$dialect: the store that keeps it is the owner's only (0600)" [ "$(stat -c %a "$store")" = 600 ]
	if have_sqlite; then
		check "$dialect: the store keeps the session with a hash of the password" \
			sh -c "[ -n '$(meta session_check)' ] && [ -n '$(meta session_salt)' ]"
		token=$(meta session_token)
		if [ "$dialect" != opencps ]; then
			check "$dialect: ... and its token, which no output shows" \
				sh -c "[ -n '$token' ] && ! grep -qF '$token' '$out' '$err'"
		fi
	fi

	PW=wrong m sync >"$out" 2>"$err"; rc=$?
	check "$dialect: another password is not given the kept session: exit 5" [ "$rc" = 5 ]
	have_sqlite && check "$dialect: the refused login wiped the kept session" \
		sh -c "[ -z '$(meta session_check)' ] && [ -z '$(meta session_token)' ]"
	m sync >"$out" 2>"$err"; rc=$?
	check "$dialect: the right password then logs in again" sh -c "[ $rc = 0 ] && [ '$(logins)' = 2 ]"

	m logout >"$out" 2>"$err"; rc=$?
	check "$dialect: logout: exit 0" [ "$rc" = 0 ]
	have_sqlite && check "$dialect: logout wiped the kept session" \
		sh -c "[ -z '$(meta session_check)' ] && [ -z '$(meta session_token)' ]"
	m sync >"$out" 2>"$err"; rc=$?
	check "$dialect: after logout, a login" sh -c "[ $rc = 0 ] && [ '$(logins)' = 3 ]"

	case $dialect in
	reference)
		# the sandbox's sessions last 12 hours
		curl -s -X POST "$url/_sandbox/clock" -H 'Content-Type: application/json' \
			-d '{"advance_seconds": 46800}' >/dev/null
		old=$(meta session_token)
		m sync >"$out" 2>"$err"; rc=$?
		check "$dialect: an expired session: one login, the sync done" \
			sh -c "[ $rc = 0 ] && [ '$(logins)' = 4 ]"
		have_sqlite && check "$dialect: ... and the new session kept" \
			sh -c "[ -n '$(meta session_token)' ] && [ '$(meta session_token)' != '$old' ]"
		;;
	portal)
		# a key the server does not know: its failure shape, error_code 02
		if have_sqlite; then
			sqlite3 "$store" "UPDATE meta SET value = 'not-a-key' WHERE key = 'session_token'"
			m sync >"$out" 2>"$err"; rc=$?
			check "$dialect: a key the server refuses: one login, the sync done" \
				sh -c "[ $rc = 0 ] && [ '$(logins)' = 4 ] && [ '$(meta session_token)' != not-a-key ]"
		fi
		;;
	esac
	sandbox_stop
done

tap_finish
