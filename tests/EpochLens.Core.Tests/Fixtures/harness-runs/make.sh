#!/usr/bin/env bash
# Records the harness runs in this folder: the question's CNN on the embedded data, 1000 samples x 6 epochs,
# one cause switch each (see the README's cause switches). Deterministic for the seed; run from the repository root.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
train() { dotnet run --project src/EpochLens.Cli -c Release -- train --samples-per-epoch 1000 --epochs 6 --no-eval --telemetry csv "$@"; }
train --out "$here/healthy"
train --log-running-mean --out "$here/running-mean"
train --order fixed --lr 1e-3 --out "$here/fixed-order"
train --rebuild-optimizer --lr 1e-3 --out "$here/optimizer-rebuilt"
train --reload-weights --lr 1e-3 --out "$here/weights-reloaded"
train --batch-size 3 --loss-reduction sum --out "$here/partial-last-batch"
train --grad-accumulation 3 --accumulation-leftover wrong-scale --lr 1e-3 --out "$here/accumulation-leftover"
