#!/usr/bin/env bash
# CSV reading speed: EpochLens against pandas read_csv (C engine) on the same 10-million-row file, side by side.
# Arguments go to the benchmark (--rows N, --repeats K, --long-floats, --file PATH, --no-pandas, and the
# --baseline and --analyze that baseline.sh prints, for an older reader and CLI side by side).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

# Debian's pandas (1.5.3 on Debian 12), called as /usr/bin/python3: the python3 on PATH may be a shim without it.
if ! /usr/bin/python3 -c "import pandas" 2>/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y python3-pandas >/dev/null
  else
    echo "pandas is missing: run 'apt-get install python3-pandas' as root, or pass --no-pandas" >&2
  fi
fi

dotnet build "$here/CsvSpeed.csproj" -c Release -v quiet -nologo >/dev/null
dotnet "$here/bin/Release/net10.0/EpochLens.Bench.CsvSpeed.dll" "$@"
