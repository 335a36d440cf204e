"""Reads the benchmark CSV with pandas read_csv (C engine) once per line "read" on standard input; prints one JSON line per read.

The process starts (and imports pandas) once, then waits, so the C# side can interleave its reads with these.
"""
import json
import sys
import time

import pandas as pd

path = sys.argv[1]
print(json.dumps({"ready": True, "version": "pandas " + pd.__version__}), flush=True)
for command in sys.stdin:
    if command.strip() != "read":
        break
    start, cpu_start = time.perf_counter(), time.process_time()
    frame = pd.read_csv(path, engine="c")
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    print(json.dumps({"rows": len(frame), "seconds": seconds, "cpu": cpu, "pandas": pd.__version__}), flush=True)
    del frame
