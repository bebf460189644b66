# replysrv for a shell test: a private directory, the files it answers
# with, the client's store, and the server on a free loopback port,
# stopped on exit. Sourced after tests/tap.sh.
#   replysrv_setup NAME: DIR (mktemp motcua-NAME.*), www, out, err, the
#     client's environment (its store in DIR, password, a fixed clock)
#   replysrv_start: the server; sets URL, and m() runs the client on it
#     through the reference profile
: "${REPLYSRV:?REPLYSRV must name tests/integration/replysrv}"

replysrv_setup() {
	DIR=$(mktemp -d "${TMPDIR:-/tmp}/motcua-$1.XXXXXX")
	SRV_PID=
	trap 'replysrv_cleanup' EXIT
	www=$DIR/www out=$DIR/out err=$DIR/err
	mkdir -p "$www"
	export XDG_DATA_HOME=$DIR/xdg MOTCUA_PASSWORD=secret MOTCUA_CLOCK='2025-10-15 10:00'
}

replysrv_cleanup() {
	[ -n "$SRV_PID" ] && kill -TERM "$SRV_PID" 2>/dev/null && wait "$SRV_PID" 2>/dev/null
	rm -rf "$DIR"
}

replysrv_start() {
	"$REPLYSRV" "$www" >"$DIR/srv" 2>"$DIR/srv.log" &
	SRV_PID=$!
	URL=
	deadline=$(($(date +%s) + 30))
	while [ -z "$URL" ] && [ "$(date +%s)" -le "$deadline" ] && kill -0 "$SRV_PID" 2>/dev/null; do
		URL=$(sed -n 's/^listening on //p' "$DIR/srv")
		[ -n "$URL" ] || sleep 0.05
	done
	[ -n "$URL" ] || { echo "# replysrv did not start"; cat "$DIR/srv.log"; exit 1; }
}

m() { "$MOTCUA" --profile sandbox-reference --server "$URL" --user tiepnhan1 "$@"; }
