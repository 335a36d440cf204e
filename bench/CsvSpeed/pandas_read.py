"""Reads the benchmark CSV with pandas read_csv (C engine) several times; prints one JSON line per read."""
import json
import sys
import time

import pandas as pd

path, repeats = sys.argv[1], int(sys.argv[2])
for _ in range(repeats):
    start = time.perf_counter()
    frame = pd.read_csv(path, engine="c")
    seconds = time.perf_counter() - start
    print(json.dumps({"rows": len(frame), "seconds": seconds, "pandas": pd.__version__}), flush=True)
    del frame
