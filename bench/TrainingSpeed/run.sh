#!/usr/bin/env bash
# Training-speed benchmark: EpochLens (TorchSharp) against PyTorch at batch size 1, and EpochLens with
# telemetry on against off, in one run. Prints one table and writes bench/results/training-speed.json.
#
# Usage: bench/TrainingSpeed/run.sh [--steps 5039] [--rounds 5] [--threads 1] [--warmup 1000] [--probe-telemetry]
# Every option goes to both sides; see `run.sh --help` for the rest.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# Debian's PyTorch; `python3` on PATH may be a pyenv shim that does not see Debian's packages.
python=/usr/bin/python3

missing=()
if ! "$python" -c 'import torch, numpy' 2>/dev/null; then
  missing+=(python3-torch python3-numpy)
fi
if [[ ! -d /usr/share/datasets/fashion-mnist && ! -f "$root/data/fashion-mnist-5039/train-images-idx3-ubyte.gz" ]]; then
  missing+=(dataset-fashion-mnist)
fi
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "error: this benchmark needs the Debian packages ${missing[*]}, and installing them needs root." >&2
    echo "       Run as root, or first: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing ${missing[*]} with apt-get ..." >&2
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

echo "Building the benchmark (Release) ..." >&2
dotnet build "$here" -c Release --nologo -v quiet >&2

mkdir -p "$root/bench/results"
# Options given on the command line come last, so they override these.
exec dotnet run --project "$here" -c Release --no-build -- \
  --python "$python" --json "$root/bench/results/training-speed.json" "$@"
