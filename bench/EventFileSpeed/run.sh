#!/usr/bin/env bash
# Event-file reading benchmark: generates a 10-million-scalar TensorBoard event file in a temp folder,
# reads it with EpochLens's reader on one core several times, prints scalars/s, MB/s and memory.
#
# Usage: bench/EventFileSpeed/run.sh [--steps 10000000] [--rounds 5] [--all-cores]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
echo "Building the benchmark (Release) ..." >&2
dotnet build "$here" -c Release --nologo -v quiet >&2
exec dotnet run --project "$here" -c Release --no-build -- "$@"
