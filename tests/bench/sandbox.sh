#!/bin/sh
# Requests per second of motcua-sandbox on loopback, side by side in one
# run: a list poll answered 304 (what a client polling with its ETag costs
# the server) against the same 50-item page sent in full, plain and gzip.
# Needs wrk (Debian package wrk) and curl. Usage: sandbox.sh BUILDDIR
set -u
build=${1:?usage: sandbox.sh BUILDDIR}
secs=${BENCH_SECONDS:-10}
for t in wrk curl; do
	command -v $t >/dev/null || { echo "sandbox bench: needs $t (Debian package $t)"; exit 0; }
done
dir=$(mktemp -d)
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
"$build/motcua-sandbox" --listen 127.0.0.1:0 --db "$dir/db" --clock '2025-10-15 10:00' \
	--freeze-clock >"$dir/out" 2>"$dir/log" &
pid=$!
for _ in $(seq 300); do grep -q '^listening on' "$dir/out" && break; sleep 0.1; done
url=$(sed -n 's/^listening on //p' "$dir/out")
[ -n "$url" ] || { echo "sandbox bench: the sandbox did not start"; cat "$dir/log"; exit 1; }
token=$(curl -s "$url/api/v1/auth/login" -H 'Content-Type: application/json' \
	-d '{"username":"tiepnhan1","password":"motcua-demo"}' | sed -n 's/.*"token": *"\([0-9a-f]*\)".*/\1/p')
page="$url/api/v1/dossiers?status=2,4,5,6&per_page=50"
etag=$(curl -s -D - -o /dev/null "$page" -H "Authorization: Bearer $token" | sed -n 's/^[Ee][Tt]ag: *//p' | tr -d '\r')
bytes=$(curl -s "$page" -H "Authorization: Bearer $token" | wc -c)
gzbytes=$(curl -s "$page" -H "Authorization: Bearer $token" -H 'Accept-Encoding: gzip' | wc -c)

rps() { wrk -t2 -c8 -d"${secs}s" -H "Authorization: Bearer $token" "$@" "$page" | sed -n 's/^Requests\/sec: *//p'; }
echo "== motcua-sandbox, GET /dossiers?status=2,4,5,6&per_page=50, wrk -t2 -c8 -d${secs}s, loopback"
printf '%-36s %10s req/s  %6s bytes\n' "304 poll (If-None-Match)" "$(rps -H "If-None-Match: $etag")" 0
printf '%-36s %10s req/s  %6s bytes\n' "50-item page" "$(rps)" "$bytes"
printf '%-36s %10s req/s  %6s bytes\n' "50-item page, gzip" "$(rps -H 'Accept-Encoding: gzip')" "$gzbytes"
