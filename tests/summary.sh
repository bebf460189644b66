#!/bin/sh
# Print the closing line of every test program of a `make check` run (the
# automake harness keeps them in tests/**/*.log), then one total line:
# "N passed, N failed", counting Check's checks and the shell tests' cases.
# Usage: tests/summary.sh BUILDDIR [LABEL]
dir=${1:?usage: tests/summary.sh BUILDDIR [LABEL]}
label=${2:-}
passed=0 failed=0

for trs in $(find "$dir/tests" -name '*.trs' | sort); do
	log=${trs%.trs}.log
	name=${trs#"$dir"/}
	name=${name%.trs}
	result=$(sed -n 's/^:test-result: //p' "$trs" | head -n 1)
	check=$(grep -E '^[0-9]+%: Checks: [0-9]+' "$log" | tail -n 1)
	plain=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
	if [ -n "$check" ]; then
		n=$(echo "$check" | sed -E 's/.*Checks: ([0-9]+).*/\1/')
		f=$(echo "$check" | sed -E 's/.*Failures: ([0-9]+).*/\1/')
		e=$(echo "$check" | sed -E 's/.*Errors: ([0-9]+).*/\1/')
		passed=$((passed + n - f - e))
		failed=$((failed + f + e))
		echo "$result $name: $check"
	elif [ -n "$plain" ]; then
		p=${plain%% passed*}
		f=${plain#*passed, }
		f=${f%% failed*}
		passed=$((passed + p))
		failed=$((failed + f))
		echo "$result $name: $plain"
	elif [ "$result" = SKIP ]; then
		echo "SKIP $name: $(tail -n 1 "$log")"
	else
		failed=$((failed + 1))
		echo "$result $name: no closing line (it crashed or hung; see $log)"
	fi
	# a program that printed all passed but failed anyway (sanitizer report)
	if [ "$result" = FAIL ] && [ -n "$check$plain" ] && [ "$f" = 0 ] && [ "${e:-0}" = 0 ]; then
		failed=$((failed + 1))
	fi
	e=0
done
echo "${label:+$label: }$passed passed, $failed failed"
