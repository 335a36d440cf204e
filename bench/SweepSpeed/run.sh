#!/usr/bin/env bash
# Builds the tool and the benchmark in Release, then times `epochlens analyze` on a generated sweep.
# Arguments go to the benchmark: --runs 1000 --steps 10000 --rounds 3 --keep DIR (reuse a written sweep).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
dotnet build src/EpochLens.Cli -c Release -v quiet -nologo >/dev/null
dotnet build bench/SweepSpeed -c Release -v quiet -nologo >/dev/null
dotnet bench/SweepSpeed/bin/Release/net10.0/EpochLens.Bench.SweepSpeed.dll "$@"
