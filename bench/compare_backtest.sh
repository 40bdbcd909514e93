#!/usr/bin/env bash
# Do two builds give the same backtest and event study? Runs `tickerwire
# backtest` (with --csv: the daily series at full precision) and `tickerwire
# event-study` under a few option sets with each build on its own store, and
# compares their standard output and CSV byte for byte.
#
#   bench/compare_backtest.sh OLD_TICKERWIRE OLD_STORE NEW_TICKERWIRE NEW_STORE [BENCHMARK]
#
# Each build needs its own copy of a store (a newer build migrates the store
# it opens, and an older one then refuses it). A store written `demo:FILE`
# is the demo workspace loaded into FILE by that build (`--demo --store FILE`);
# two builds with different sentiment rules score the demo differently, so
# to compare the backtest alone give the new build a copy of the old build's
# demo store as a plain store:
#   bench/compare_backtest.sh OLD demo:/tmp/old-demo.db NEW /tmp/copy-of-old-demo.db
# BENCHMARK adds runs with `--benchmark BENCHMARK` (BENCH on the bench store).
# Exit status 0 when every output is the same.
set -u
if [ $# -lt 4 ]; then
    sed -n '2,19p' "$0"
    exit 2
fi
old_bin=$1 old_store=$2 new_bin=$3 new_store=$4 benchmark=${5:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

store_args() {
    case $1 in
        demo:*) echo "--demo --store ${1#demo:}" ;;
        *) echo "--store $1" ;;
    esac
}

backtests=("" "--horizon short --forward 1,3,10" "--horizon long --forward 2,20 --since 2024-06-01")
studies=("" "--window -3,5")
if [ -n "$benchmark" ]; then
    backtests+=("--benchmark $benchmark")
    studies+=("--benchmark $benchmark --window -5,10")
fi

failed=0
run() {   # name, command line after the store
    local name=$1
    shift
    for side in old new; do
        local bin store
        if [ $side = old ]; then bin=$old_bin store=$old_store; else bin=$new_bin store=$new_store; fi
        local csv=()
        [ "$1" = backtest ] && csv=(--csv "$work/$name.$side.csv")
        # shellcheck disable=SC2046
        "$bin" $(store_args "$store") "$@" "${csv[@]}" >"$work/$name.$side.out" 2>"$work/$name.$side.err"
        echo $? >>"$work/$name.$side.out"
    done
    local same=yes
    cmp -s "$work/$name.old.out" "$work/$name.new.out" || same=no
    # A run that fails before writing (both the same error) leaves no CSV on either side.
    if [ "$1" = backtest ] && { [ -e "$work/$name.old.csv" ] || [ -e "$work/$name.new.csv" ]; } \
        && ! cmp -s "$work/$name.old.csv" "$work/$name.new.csv"; then same=no; fi
    local lines
    lines=$(grep -cE '^(ic|car)_' "$work/$name.new.out")
    if [ $same = yes ]; then
        echo "same:      $* ($lines ic/car lines$([ -e "$work/$name.new.csv" ] && echo ", $(wc -l <"$work/$name.new.csv") CSV rows"))"
    else
        echo "DIFFERENT: $*"
        diff "$work/$name.old.out" "$work/$name.new.out" | head -20
        failed=1
    fi
}

n=0
for opts in "${backtests[@]}"; do
    # shellcheck disable=SC2086
    run "b$((n++))" backtest $opts
done
for opts in "${studies[@]}"; do
    # shellcheck disable=SC2086
    run "e$((n++))" event-study $opts
done
exit $failed
