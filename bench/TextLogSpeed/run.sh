#!/usr/bin/env bash
# Printed-log reading benchmark: generates a 100 MB text training log in a temp folder (pip output, then
# Python-logging lines "... - INFO - Epoch: [e][i/N]  Loss v (avg)  lr x" and a validation line per epoch),
# reads it through format detection several times, and prints MB/s against the 50 MB/s target.
#
# Usage: bench/TextLogSpeed/run.sh [--megabytes 100] [--rounds 5] [--stages]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
echo "Building the benchmark (Release) ..." >&2
dotnet build "$here" -c Release --nologo -v quiet >&2
exec dotnet run --project "$here" -c Release --no-build -- "$@"
