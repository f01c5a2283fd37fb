#!/usr/bin/env bash
# Counts the machine instructions `vendorscreen screen` executes per row, under valgrind's callgrind: a figure that depends
# far less on what else the machine is doing than times do (times on a shared machine vary by 10-20 % from run to run). The
# same build, input and settings have given the same count to about 0.03 % on an otherwise idle machine, but counts made
# beside other work (a second count, a build) have differed by 3-6 %: count the builds you compare one after the other, alone.
# Compare two builds with it, not absolute speed.
#
# The command line runs twice, on the first FEW and on the first MANY rows of an input file, against an index snapshot;
# the difference divided by MANY - FEW is the cost of a row once the first rows have compiled the code they use. One
# thread, compilation at full optimisation at once (no tiering, so no background compilation), no background collection
# and no spinning of idle thread-pool workers keep the count repeatable. A run takes a few minutes: valgrind is 30-60 times slower than the machine.
#
# Usage: count-instructions.sh CLI_DLL INDEX.vsidx INPUT.csv [FEW] [MANY]   (defaults 30 and 300)
#   CLI_DLL:    src/VendorScreen.Cli/bin/Release/net10.0/VendorScreen.Cli.dll (build it first)
#   INDEX:      from `vendorscreen index build --source ... -o INDEX.vsidx`
#   INPUT.csv:  e.g. from make-cli-input.py
# Needs valgrind (Debian package valgrind).
set -euo pipefail
cli=$1 index=$2 input=$3 few=${4:-30} many=${5:-300}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

export DOTNET_EnableWriteXorExecute=0 DOTNET_PROCESSOR_COUNT=1 DOTNET_TieredCompilation=0 DOTNET_TieredPGO=0 DOTNET_gcConcurrent=0
export DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0

count() {
    head -n $(($1 + 1)) "$input" > "$work/in-$1.csv"
    valgrind --tool=callgrind --callgrind-out-file="$work/cg-$1.out" \
        dotnet "$cli" screen "$work/in-$1.csv" --index "$index" --format csv --output "$work/out-$1.csv" > "$work/log-$1.txt" 2>&1
    rows=$(($(wc -l < "$work/out-$1.csv") - 1))
    if [ "$rows" -ne "$1" ]; then
        echo "count-instructions: the run on $1 rows wrote $rows rows; see its log:" >&2
        tail -n 20 "$work/log-$1.txt" >&2
        exit 1
    fi
    grep -E '^==[0-9]+== Collected' "$work/log-$1.txt" | awk '{print $4}'
}

a=$(count "$few")
b=$(count "$many")
echo "instructions: $a for $few rows, $b for $many rows; per row after the first $few: $(( (b - a) / (many - few) ))"
