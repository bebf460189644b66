# The test cases of a shell test that needs no terminal, as TAP lines,
# and its closing "N passed, N failed" (tests/summary.sh prints it).
# The tmux tests have their own (tests/e2e/lib.sh), which show the pane
# when a case fails.
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok $((passed + failed)) - $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok $((passed + failed)) - $1"; }
# check DESC COMMAND...: one test case from a command's status.
check() { desc=$1; shift; if "$@"; then ok "$desc"; else not_ok "$desc"; fi; }
# tap_finish: the closing line; fails if any case did.
tap_finish() { echo "$passed passed, $failed failed"; [ "$failed" = 0 ]; }
