#!/bin/bash
# slowlink.sh: run a client and a server on the two ends of an emulated
# commune-office link (64 kbit/s each way, 600 ms round trip, 2 % loss).
#
#   slowlink.sh [--rate-kbit 64] [--rtt-ms 600] [--loss 2] [--seed 1]
#               [--queue-bytes 65536] [--server 'CMD' [--port N]] -- CLIENT-CMD [ARG]...
#   slowlink.sh [same options] --self-test
#
# Makes two network namespaces of its own (mcsl-cli-ID, mcsl-srv-ID), each
# with lo and a TUN device mcsl0: the client's is 10.77.0.1, the server's
# 10.77.0.2, point to point. tests/bench/slowlink forwards IP packets
# between the two devices. The server command runs in the server namespace
# (sh -c, output to a log shown if it fails to start); with --port the
# client starts only once the server listens on that port (checked with ss
# inside the server namespace, so no probe crosses the link). The client
# runs in the client namespace; both see SLOWLINK_SERVER_IP=10.77.0.2, where
# the server must listen (or on 0.0.0.0). Whatever happens, the server, the
# forwarder and the namespaces are removed at the end; the host's own
# interfaces are never touched. Exit status: the client's; 77 when this
# machine cannot do it (not root, no network namespaces or TUN).
#
# How faithful: the delay, the rate and the loss act on each IP packet, as
# on a real line, so TCP sees the real round trip, its own slow start and
# real retransmissions; an application-level proxy would hide all three.
#  - delay: RTT/2 each way, constant (no jitter).
#  - rate: applied once, in the forwarder (no tc qdisc): a packet waits for
#    the line, then takes len*8/rate (IP header included; no link-layer
#    framing). A 64 KiB drop-tail queue per direction, like a modem's
#    buffer, so a bulk transfer fills it and the round trip grows.
#  - loss: --loss is per direction, each packet independently (as netem
#    applied on both ends), so a ping round trip is lost with probability
#    1-(1-p)^2, about 4 % for 2 %. Fates come from a seeded PRNG, one stream
#    per direction: with the same --seed the N-th packet of a direction is
#    lost or not alike in every run (timing, hence which packet is N-th,
#    still varies a little).
# --self-test measures what the link does (ping for RTT and loss, a 64 KiB
# download over HTTP for throughput) and prints it beside the targets; it
# needs ping (Debian package iputils-ping), curl and python3.
# The forwarder prints its per-direction counts on stderr at the end.
# It finds the forwarder in $SLOWLINK, else ./tests/bench/slowlink (run
# from the build directory), else beside this script.
set -u

rate=64 rtt=600 loss=2 seed=1 queue=65536 server='' port='' selftest=''
here=$(cd "$(dirname "$0")" && pwd)

usage() { sed -n '5,7s/^# \{0,1\}//p' "$0" >&2; exit 2; }
die() { echo "slowlink.sh: $*" >&2; exit 1; }
skip() { echo "slowlink.sh: $*; skipped" >&2; exit 77; }

while [ $# -gt 0 ]; do
	case $1 in
	--rate-kbit) rate=${2:?}; shift 2 ;;
	--rtt-ms) rtt=${2:?}; shift 2 ;;
	--loss) loss=${2:?}; shift 2 ;;
	--seed) seed=${2:?}; shift 2 ;;
	--queue-bytes) queue=${2:?}; shift 2 ;;
	--server) server=${2:?}; shift 2 ;;
	--port) port=${2:?}; shift 2 ;;
	--self-test) selftest=1; shift ;;
	--) shift; break ;;
	*) usage ;;
	esac
done
[ -n "$selftest" ] || [ $# -gt 0 ] || usage
for v in rate-kbit:"$rate" rtt-ms:"$rtt" loss:"$loss" seed:"$seed" queue-bytes:"$queue"; do
	case ${v#*:} in
	'' | *[!0-9.]* | *.*.*) die "--${v%%:*} wants a non-negative number, not \"${v#*:}\"" ;;
	esac
done

bin=${SLOWLINK:-}
for b in ./tests/bench/slowlink "$here/slowlink"; do
	[ -z "$bin" ] && [ -x "$b" ] && bin=$b
done
[ -n "$bin" ] || die "tests/bench/slowlink is not built (make tests/bench/slowlink in the build directory, or set SLOWLINK)"
[ "$(id -u)" = 0 ] || skip "needs root to make network namespaces and TUN devices"
command -v ip >/dev/null || skip "needs ip (Debian package iproute2)"
[ -c /dev/net/tun ] || skip "no /dev/net/tun on this machine"

id=$$-$RANDOM
cli=mcsl-cli-$id srv=mcsl-srv-$id dev=mcsl0
CLI_IP=10.77.0.1
export SLOWLINK_SERVER_IP=10.77.0.2
tmp=$(mktemp -d) || die "cannot make a temporary directory"
fwd='' made=''

cleanup() {
	# everything still running in the two namespaces was started here
	local pids=
	for ns in $made; do pids="$pids $(ip netns pids "$ns" 2>/dev/null)"; done
	# shellcheck disable=SC2086
	[ -n "${pids// /}" ] && kill $pids 2>/dev/null
	for _ in $(seq 20); do
		[ -n "$(for ns in $made; do ip netns pids "$ns"; done 2>/dev/null)" ] || break
		sleep 0.1
	done
	for ns in $made; do
		pids=$(ip netns pids "$ns" 2>/dev/null)
		# shellcheck disable=SC2086
		[ -n "$pids" ] && kill -KILL $pids 2>/dev/null
	done
	# the forwarder prints its counts as it ends
	[ -n "$fwd" ] && kill "$fwd" 2>/dev/null && wait "$fwd"
	for ns in $made; do ip netns del "$ns" 2>/dev/null; done
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# nsrun NS CMD...: run CMD in namespace NS.
nsrun() { local ns=$1; shift; ip netns exec "$ns" "$@"; }

for ns in "$cli" "$srv"; do
	ip netns add "$ns" 2>"$tmp/err" || skip "cannot make network namespace $ns: $(cat "$tmp/err")"
	made="$made $ns"
	# no IPv6 on the link: its router solicitations would eat the rate
	nsrun "$ns" sh -c 'echo 1 >/proc/sys/net/ipv6/conf/default/disable_ipv6' 2>/dev/null
	ip -n "$ns" link set lo up &&
		ip -n "$ns" tuntap add dev "$dev" mode tun 2>"$tmp/err" ||
		skip "cannot make TUN device $dev in $ns: $(cat "$tmp/err")"
done
ip -n "$cli" addr add "$CLI_IP" peer "$SLOWLINK_SERVER_IP" dev "$dev" &&
	ip -n "$srv" addr add "$SLOWLINK_SERVER_IP" peer "$CLI_IP" dev "$dev" &&
	ip -n "$cli" link set "$dev" up && ip -n "$srv" link set "$dev" up ||
	die "cannot set up the addresses of $dev"

"$bin" --delay-ms "$(awk -v r="$rtt" 'BEGIN { print r / 2 }')" --rate-kbit "$rate" --loss "$loss" --seed "$seed" \
	--queue-bytes "$queue" --dev "$dev" "$cli" "$srv" &
fwd=$!
# the devices have a carrier once the forwarder holds them
attached() { ip -n "$1" link show "$dev" | grep -q LOWER_UP; }
for _ in $(seq 50); do
	attached "$cli" && attached "$srv" && break
	kill -0 "$fwd" 2>/dev/null || { fwd=''; die "the forwarder did not start"; }
	sleep 0.1
done
attached "$cli" && attached "$srv" || die "the forwarder did not attach to $dev within 5 s"

# start_server CMD: run CMD in the server namespace; wait for $port if set.
start_server() {
	nsrun "$srv" sh -c "$1" >"$tmp/server.log" 2>&1 &
	local pid=$!
	[ -n "$port" ] || return 0
	for _ in $(seq 300); do
		[ -n "$(nsrun "$srv" ss -Hltn "sport = :$port")" ] && return 0
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	tail -n 20 "$tmp/server.log" >&2
	die "the server did not listen on port $port (its output is above)"
}

self_test() {
	local need rtt_out loss_out sent got curl_out
	for need in ping:iputils-ping curl:curl python3:python3; do
		command -v "${need%%:*}" >/dev/null ||
			die "--self-test needs ${need%%:*} (Debian package ${need#*:})"
	done
	echo "== slowlink self-test: $rate kbit/s each way, $rtt ms round trip, $loss % loss each way, seed $seed"
	rtt_out=$(nsrun "$cli" ping -n -c 20 -i 0.2 -W 5 "$SLOWLINK_SERVER_IP" | sed -n 's/^rtt [^=]*= //p')
	loss_out=$(nsrun "$cli" ping -n -q -c 500 -i 0.02 -W 5 "$SLOWLINK_SERVER_IP")
	sent=$(echo "$loss_out" | sed -n 's/^\([0-9]*\) packets transmitted.*/\1/p')
	got=$(echo "$loss_out" | sed -n 's/.* \([0-9]*\) received.*/\1/p')
	mkdir "$tmp/www" && head -c 65536 /dev/urandom >"$tmp/www/64k"
	port=8080
	start_server "exec python3 -m http.server $port --bind $SLOWLINK_SERVER_IP --directory $tmp/www"
	curl_out=$(nsrun "$cli" curl -s -o /dev/null -w '%{size_download} %{time_total} %{speed_download}' \
		"http://$SLOWLINK_SERVER_IP:$port/64k")
	awk -v rate="$rate" -v rtt="$rtt" -v loss="$loss" -v rtt_out="$rtt_out" \
		-v sent="${sent:-0}" -v got="${got:-0}" -v curl_out="$curl_out" 'BEGIN {
		split(rtt_out, r, "/"); split(curl_out, c, " ")
		if (rate == 0) rate = 1e9         # no limit: as good as a LAN
		ser = 2 * 84 * 8 / rate          # a ping is 84 bytes of IP each way
		line = rate * 1000 / 8           # bytes per second on the line
		tcp = line * 1448 / 1500         # TCP payload per 1500-byte packet
		printf "%-34s %-30s %s\n", "", "target", "measured"
		printf "%-34s %-30s %s\n", "round trip (ping, 20 x 84 B)",
			sprintf("%d ms + %.0f ms to send", rtt, ser),
			r[2] == "" ? "no reply" : sprintf("avg %.0f ms (min %.0f, max %.0f)", r[2], r[1], r[3])
		printf "%-34s %-30s %s\n", sprintf("loss (ping, %d round trips)", sent),
			sprintf("%.2f %% (%s %% each way)", 100 * (1 - (1 - loss / 100) ^ 2), loss),
			sent ? sprintf("%.2f %% (%d lost)", 100 * (sent - got) / sent, sent - got) : "no figure"
		t = 2 * rtt / 1000 + 65536 / tcp # connect, ask, then the data
		printf "%-34s %-30s %s\n", "download 64 KiB (HTTP, curl)",
			sprintf("%.0f B/s, %.1f s", 65536 / t, t),
			c[1] == 65536 ? sprintf("%.0f B/s, %.1f s", c[3], c[2]) : "failed"
		printf "(the line carries %.0f B/s, so %.0f B/s of TCP payload in 1500-byte packets:\n" \
			" 64 KiB take %.1f s after 2 round trips to connect and ask)\n", line, tcp, 65536 / tcp
	}'
}

if [ -n "$selftest" ]; then
	self_test
	exit 0
fi
[ -n "$server" ] && start_server "$server"
# in the background, so that a signal to this script is handled at once
# (bash runs traps only between commands); stdin stays the caller's
nsrun "$cli" "$@" <&0 &
wait $!
