#!/usr/bin/env bash
# Issue 3's reading benchmark in one run: a 10-million-row CSV read by EpochLens and by pandas side by
# side (bench/CsvSpeed), then a 10-million-scalar TensorBoard event file read by EpochLens on one core
# (bench/EventFileSpeed). Each part prints its speeds, memory against the series held, and its targets.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

echo "== CSV: EpochLens and pandas read_csv on the same file"
"$here/CsvSpeed/run.sh"
echo
echo "== TensorBoard event file: EpochLens on one core"
"$here/EventFileSpeed/run.sh"
