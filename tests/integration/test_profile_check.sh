#!/bin/sh
# motcua profile check, the integrator's first step: green (exit 0, every
# read operation works, every field reported, personal data masked)
# through the three sandbox dialects and their shipped profiles; red with
# the reason against a wrong password (exit 5; OpenCPS's guest too, with
# its profile's login proof and without it) and against a broken profile
# (exit 10, the file, line and key named).
. "${srcdir:-.}/tests/e2e/sandbox.sh"
. "${srcdir:-.}/tests/tap.sh"
trap sandbox_cleanup EXIT

export MOTCUA_CLOCK='2025-10-15 10:00'
SIZES="--dossiers 120 --citizens 200 --enterprises 40"
out=$SBX_DIR/out err=$SBX_DIR/err
profiles=${MOTCUA_PROFILE_DIR:-${srcdir:-.}/client/api/profiles}
CITIZEN=001085012345	# in the seeded population register

for d in reference portal opencps; do
	sandbox_start --db "$SBX_DIR/$d.db" --dialect "$d" --clock "$MOTCUA_CLOCK" --freeze-clock $SIZES || exit 1
	eval "URL_$d=\$SBX_URL"
done
# chk PROFILE URL [ARGS]...: profile check as tiepnhan1, PW the password
chk() {
	p=$1 u=$2; shift 2
	MOTCUA_PASSWORD=${PW:-motcua-demo} "$MOTCUA" profile check --profile "$p" --server "$u" --user tiepnhan1 "$@" >"$out" 2>"$err"
}

for d in reference:sandbox-reference portal:sandbox-portal opencps:opencps; do
	prof=${d#*:} url=$(eval echo "\$URL_${d%%:*}")
	chk "$prof" "$url" --id $CITIZEN; rc=$?
	check "$prof: profile check exits 0" [ "$rc" = 0 ]
	check "$prof: says it works, without warnings" grep -qx "result: works, 0 warnings" "$out"
	check "$prof: each read operation ran" sh -c "grep -q '^list  *first page: [1-9][0-9]* dossiers of the [0-9]* reported' '$out' &&
		grep -q '^dossier  *[^ ]*: read, with its' '$out' && grep -q '^procedures  *[1-9][0-9]* in the catalog' '$out' &&
		grep -q '^lookup  *citizen: [1-9][0-9]* values read' '$out'"
	check "$prof: every model field reported" sh -c "for f in code applicant_name status channel fee due_at version allowed_actions log; do
		grep -q \"^  \$f  *\\(mapped\\|unmapped\\)\" '$out' || exit 1; done"
	check "$prof: an open dossier sampled, its actions read" grep -q "^  allowed_actions  *mapped [a-z]" "$out"
	# no run of 10 digits or more: a phone (10) or an ID number (12); the
	# opencps dialect's dossier ids have 9
	# (the server's identity, random hex digits, is no personal data)
	check "$prof: personal data masked (no ID number, no phone)" sh -c "! grep -v '^server ' '$out' | grep -Eq '[0-9]{10}' && grep -q '^  applicant_id  *mapped [0-9]\\*\\{11\\} (personal data, masked)' '$out'"

	if [ "$prof" = opencps ]; then
		check "$prof: no identity: the store goes by host and port" grep -q '^server  *no identity (server_id)' "$out"
	else
		check "$prof: the server's identity is told" grep -q '^server  *sandbox-[0-9a-f]*: the local store is named after it' "$out"
	fi
	check "$prof: a check makes no local store" [ ! -e "$XDG_DATA_HOME/motcua" ]

	case $prof in
	sandbox-portal) check "$prof: the probe, trusted at once (changes_in_order)" \
		grep -q '^probe  *NgayCapNhat: the most recently changed dossier first; changes in order' "$out" ;;
	opencps) check "$prof: the probe, a minute after a change (the server's Date)" \
		grep -q "^probe  *modified: the most recently changed dossier first; one dossier a quiet poll, a minute after" "$out" ;;
	*) check "$prof: no probe where a change cursor is" sh -c "! grep -q '^probe' '$out'" ;;
	esac

	PW=wrong chk "$prof" "$url"; rc=$?
	check "$prof: a wrong password: exit 5" [ "$rc" = 5 ]
	check "$prof: a wrong password: the login is said to have failed" grep -q "login of tiepnhan1" "$err"
done

# without the profile's proof of login, OpenCPS's guest answers a wrong
# password with an empty list: the check still fails the login
sed -e '/"login": {/d' -e 's/, "identity": "userId", "guest": \[20105\]//' \
	"$profiles/opencps.json" >"$SBX_DIR/ocps-noproof.json"
chk "$SBX_DIR/ocps-noproof.json" "$URL_opencps"; rc=$?
check "opencps without a login proof: the right password works" [ "$rc" = 0 ] || [ "$rc" = 1 ]
PW=wrong chk "$SBX_DIR/ocps-noproof.json" "$URL_opencps"; rc=$?
check "opencps guest without a login proof: exit 5" [ "$rc" = 5 ]
check "opencps guest without a login proof: says why" sh -c "grep -q '^login  *FAILED: the profile cannot prove the login' '$out' && grep -qx 'result: FAILED' '$out'"

# a broken profile: an unknown variable in a path
sed 's|"/api/v1/dossiers/{code}"|"/api/v1/dossiers/{cod}"|' "$profiles/sandbox-reference.json" >"$SBX_DIR/broken.json"
chk "$SBX_DIR/broken.json" "$URL_reference"; rc=$?
check "a broken profile: exit 10" [ "$rc" = 10 ]
check "a broken profile: the file and key named, and why" grep -q "broken.json: operations.get_dossier.path: unknown variable {cod}" "$err"

# a sort_updated that is not newest first: a warning
sed 's/"sort_updated": "NgayCapNhat"/"sort_updated": "MaHoSo"/' "$profiles/sandbox-portal.json" >"$SBX_DIR/badsort.json"
chk "$SBX_DIR/badsort.json" "$URL_portal"; rc=$?
check "a sort_updated not newest first: exit 1, a warning naming it" \
	sh -c "[ $rc = 1 ] && grep -q '^warning: sorted by MaHoSo (capabilities.sort_updated), the list does not come most recently changed first' '$out'"

# a profile that lacks the total and whose dates have no zone: warnings, exit 1
sed -e 's/, "total": "total"//' "$profiles/sandbox-reference.json" >"$SBX_DIR/nototal.json"
chk "$SBX_DIR/nototal.json" "$URL_reference"; rc=$?
check "no paging.total: exit 1, a warning" sh -c "[ $rc = 1 ] && grep -q '^warning: the list reports no total' '$out' && grep -qx 'result: works, 1 warning' '$out'"

# without the rules of the actions allowed: a warning, for offline work
sed -e '/What a dossier not read whole allows offline/,/^    }$/d' "$profiles/sandbox-reference.json" >"$SBX_DIR/norules.json"
chk "$SBX_DIR/norules.json" "$URL_reference"; rc=$?
check "no vocab.allowed: exit 1, a warning" sh -c "[ $rc = 1 ] && grep -q '^warning: no vocab.allowed: offline' '$out' && grep -qx 'result: works, 1 warning' '$out'"

check "usage: an unknown option of profile check: exit 2" sh -c "\"$MOTCUA\" profile check --bogus >/dev/null 2>&1; [ \$? = 2 ]"
tap_finish
