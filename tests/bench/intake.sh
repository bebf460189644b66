#!/bin/bash
# intake.sh BUILD_DIR: what auto-fill saves at the desk (not part of make check).
#
# 1. Keystrokes and wall time to receive a birth registration (1.001193)
#    for a citizen found in the register (An, 001085012345, his wife Bình,
#    036188004567), the real client in tmux at 80x24 against the sandbox on
#    loopback: (a) with auto-fill, the clerk typing the two ID numbers and
#    only what the registers do not hold, F2 going to the next field to
#    complete; (b) every field typed by hand (the ID numbers typed last, so
#    no lookup fills anything). Keystrokes are counted as sent (a
#    Vietnamese letter is one key, as with an input method); the wall time
#    runs from the key that opens the form to "Dossier received." on the
#    screen, polled every 20 ms, keys sent as fast as tmux takes them (a
#    machine's figure: a clerk's typing time follows the keystrokes).
#    (c) with the shipped macro (keymaps/macros.motcuarc, F5 in the
#    inbox): the clerk types only what it asks for, each answer ended by
#    Enter.
# 2. From the last digit of the ID number to the filled form, through the
#    client's own auto-fill (tests/bench/intake_bench, median of 20), on
#    loopback and, when this machine can (root, network namespaces, TUN),
#    over tests/bench/slowlink.sh's commune link (64 kbit/s, 600 ms round
#    trip, 2 % loss).
set -u
build=$(cd "${1:?usage: intake.sh BUILD_DIR}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
export LANG=C.UTF-8
export MOTCUA_PROFILE_DIR=$top/client/api/profiles MOTCUA_CALENDAR_DIR=$top/client/core/calendar
export MOTCUA_CONFIG=/dev/null MOTCUA_PASSWORD=motcua-demo
tmp=$(mktemp -d)
sock=motcua-bench-$$
sbx=
cleanup() {
	tmux -L "$sock" kill-server 2>/dev/null
	[ -n "$sbx" ] && kill "$sbx" 2>/dev/null && wait "$sbx" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT

command -v tmux >/dev/null || { echo "intake.sh: needs tmux"; exit 77; }
make -s -C "$build" motcua motcua-sandbox tests/bench/intake_bench tests/bench/slowlink >/dev/null || exit 1

CLOCK='2025-10-15 10:00'
"$build/motcua-sandbox" --listen 127.0.0.1:0 --db "$tmp/db" --clock "$CLOCK" --freeze-clock \
	--dossiers 300 --citizens 300 --enterprises 40 >"$tmp/sbx.out" 2>"$tmp/sbx.err" &
sbx=$!
for _ in $(seq 600); do url=$(sed -n 's/^listening on //p' "$tmp/sbx.out"); [ -n "$url" ] && break; sleep 0.05; done
[ -n "$url" ] || { cat "$tmp/sbx.err"; exit 1; }

tm() { tmux -L "$sock" -f /dev/null "$@"; }
pane() { tm capture-pane -p -t b; }
wait_for() {
	local deadline=$(($(date +%s) + ${2:-30}))
	while [ "$(date +%s)" -le "$deadline" ]; do
		pane | grep -qF -- "$1" && return 0
		sleep 0.02
	done
	echo "intake.sh: timed out waiting for: $1" >&2
	pane >&2
	exit 1
}
nkeys=0
txt() { tm send-keys -t b -l "$1"; nkeys=$((nkeys + ${#1})); }
key() { tm send-keys -t b "$@"; nkeys=$((nkeys + $#)); }
ms() { echo $(($(date +%s%N) / 1000000)); }

client() {			# NAME [SETTINGS FILE]
	tm kill-server 2>/dev/null
	sock=motcua-bench-$$-$1	# a fresh server: the old one may still be going
	tm new-session -d -s b -x 80 -y 24 \
		"env TERM=tmux-256color MOTCUA_CONFIG=${2:-/dev/null} XDG_DATA_HOME=$tmp/xdg-$1 MOTCUA_CLOCK='$CLOCK' $build/motcua -p sandbox-reference -s $url -u tiepnhan1; sleep 600"
	wait_for "Inbox (" 30
	# the catalog entry is cached by a first form, as at a desk after the first intake
	tm send-keys -t b n; tm send-keys -t b -l 1.001193; tm send-keys -t b Enter
	wait_for "Received now, due"
	tm send-keys -t b Escape
	wait_for "Inbox ("
}

child() {			# $1: the key that goes to the next field
	txt "Nguyễn Minh Khôi"; key "$1"
	txt 01/10/2025; key "$1"
	key Space "$1"
	txt "Bệnh viện Phụ sản Hà Nội"; key "$1"
	txt Kinh; key "$1"
	txt "Việt Nam"; key "$1"
}

# (a) with auto-fill
client auto
nkeys=0
t0=$(ms)
key n; txt 1.001193; key Enter
wait_for "Received now, due"
txt 001085012345
wait_for "found in the register: 7 fields filled"
key F2 Space F2
child F2
txt 036188004567
wait_for "found in the register: 5 fields filled"
key F10
wait_for "Dossier received."
auto_ms=$(($(ms) - t0)) auto_keys=$nkeys
auto_code=$(pane | sed -n 's/.*Dossier code: \([^ ]*\).*/\1/p' | head -n 1)

# (b) by hand: every field typed, the ID numbers last
client hand
nkeys=0
t0=$(ms)
key n; txt 1.001193; key Enter
wait_for "Received now, due"
key Tab
txt "Nguyễn Văn An"; key Tab
txt 12/04/1985; key Tab
key Space Tab
txt "Số 12 phố Hàng Bạc, Phường Hoàn Kiếm, Thành phố Hà Nội"; key Tab
txt "Số 12 phố Hàng Bạc, Phường Hoàn Kiếm, Thành phố Hà Nội"; key Tab
txt 0912345678; key Tab
txt an.nguyen85@gmail.com; key Tab
key Space Tab
child Tab
key Tab Tab Tab Tab Tab Tab Tab	# the home town, the father (optional)
key Tab				# the mother's ID number: last
txt "Trần Thị Bình"; key Tab
txt 03/09/1988; key Tab
txt Kinh; key Tab
txt "Việt Nam"; key Tab
txt "Số 12 phố Hàng Bạc, Phường Hoàn Kiếm, Thành phố Hà Nội"
key BTab BTab BTab BTab BTab
txt 036188004567
key F2				# to the applicant's ID number
txt 001085012345
wait_for "found in the register: 0 fields filled"
key F10
wait_for "Dossier received."
hand_ms=$(($(ms) - t0)) hand_keys=$nkeys

# (c) the shipped macro: F5, then each value it asks for, and Enter
client macro "$top/keymaps/macros.motcuarc"
nkeys=0
t0=$(ms)
key F5
wait_for "The father's ID number"
txt 001085012345; key Enter
wait_for "The child's full name"
txt "Nguyễn Minh Khôi"; key Enter
wait_for "The child's date of birth"
txt 01/10/2025; key Enter
wait_for "The child's sex"
key Space Enter
wait_for "The place of birth"
txt "Bệnh viện Phụ sản Hà Nội"; key Enter
wait_for "The mother's ID number"
txt 036188004567; key Enter
wait_for "Dossier received."
macro_ms=$(($(ms) - t0)) macro_keys=$nkeys
tm kill-server 2>/dev/null

echo "Receiving a birth registration (1.001193) for a citizen of the register, 80x24, loopback:"
printf '  %-46s %4d keystrokes  %6d ms  (%s)\n' "with auto-fill (2 ID numbers, the rest filled)" \
	"$auto_keys" "$auto_ms" "$auto_code"
printf '  %-46s %4d keystrokes  %6d ms\n' "every field typed by hand" "$hand_keys" "$hand_ms"
echo "  ($((hand_keys - auto_keys)) keystrokes saved, $(( (hand_keys - auto_keys) * 100 / hand_keys )) %; the wall time includes the debounce, ${AF_DEBOUNCE:-300} ms per ID number)"
printf '  %-46s %4d keystrokes  %6d ms\n' "with the shipped macro (F5) and auto-fill" "$macro_keys" "$macro_ms"
# what no register holds and the clerk must type in any case: the two ID
# numbers (24) and the child's name, date and place of birth (16 + 10 + 24)
echo "  (of which 74 are the citizen's data: the two ID numbers and the child's name, date and place of birth;"
echo "   the rest, keys that move, confirm and type defaults: $((auto_keys - 74)) with auto-fill, $((macro_keys - 74)) with the macro)"
echo

echo "Last digit of the ID number -> filled form (intake_bench, 20 runs):"
echo "loopback:"
"$build/tests/bench/intake_bench" -p sandbox-reference -s "$url" -u tiepnhan1 -n 20 | sed 's/^/  /'

kill "$sbx"; wait "$sbx" 2>/dev/null; sbx=
echo "commune link (slowlink.sh: 64 kbit/s, 600 ms RTT, 2 % loss):"
SLOWLINK=$build/tests/bench/slowlink "$here/slowlink.sh" --seed 1 --port 8470 \
	--server "exec '$build/motcua-sandbox' --listen 10.77.0.2:8470 --db '$tmp/db' --calendar-dir '$MOTCUA_CALENDAR_DIR'" \
	-- "$build/tests/bench/intake_bench" -p sandbox-reference -s http://10.77.0.2:8470 -u tiepnhan1 -n 5 \
	2>"$tmp/slow.err" | sed 's/^/  /'
rc=${PIPESTATUS[0]}
[ "$rc" -eq 0 ] || echo "  (not measured: $(grep -m1 'slowlink.sh:' "$tmp/slow.err" || tail -n 1 "$tmp/slow.err"))"
exit 0
