#!/usr/bin/env bash
# Builds this benchmark and the CLI against an older EpochLens (a git revision; by default f38fb00, the last one
# with the hand-written two-core CSV reader) in a temporary copy, builds this tree's CLI, and prints the arguments
# that read and analyze with both side by side:
#   bench/CsvSpeed/run.sh --repeats 5 $(bench/CsvSpeed/baseline.sh)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(git -C "$here" rev-parse --show-toplevel)"
rev="${1:-f38fb00}"
dir="${TMPDIR:-/tmp}/epochlens-baseline-$rev"
rm -rf "$dir"
mkdir -p "$dir"
git -C "$root" archive "$rev" | tar -x -C "$dir"
# The same benchmark code on both sides: only the EpochLens it is built against differs.
rm -f "$dir/bench/CsvSpeed/"*.cs
cp "$here"/*.cs "$here/pandas_read.py" "$here/CsvSpeed.csproj" "$dir/bench/CsvSpeed/"
for project in "$dir/bench/CsvSpeed/CsvSpeed.csproj" "$dir/src/EpochLens.Cli/EpochLens.Cli.csproj" "$root/src/EpochLens.Cli/EpochLens.Cli.csproj"; do
  dotnet build "$project" -c Release -v quiet -nologo >/dev/null
done
echo "--baseline $dir/bench/CsvSpeed/bin/Release/net10.0/EpochLens.Bench.CsvSpeed.dll" \
  "--analyze $root/src/EpochLens.Cli/bin/Release/net10.0/epochlens.dll $dir/src/EpochLens.Cli/bin/Release/net10.0/epochlens.dll"
