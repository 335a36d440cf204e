"""A run killed with SIGKILL in its third epoch, as an out-of-memory killer or a cluster's pre-emption would:

    /usr/bin/python3 killed_run.py OUT_FOLDER

It records 2 epochs and 100 steps of the third, pauses past the recorder's one-second flush interval,
records one more step (which finds its flush due) and kills itself: no close(), no atexit, no buffered
output written by the interpreter on its way out. Everything recorded must be on disk.
"""
import os
import signal
import sys
import time

import torch
from torch import nn

from synthetic import data

sys.path.insert(0, os.environ.get("EPOCHLENS_PYTHON_DIR", os.path.join(os.path.dirname(__file__), "..", "..", "..", "python")))
import epochlens_telemetry  # noqa: E402


def main(out):
    torch.manual_seed(1)
    torch.set_num_threads(1)
    loader = torch.utils.data.DataLoader(data(1000), batch_size=4, shuffle=True)
    model = nn.Sequential(nn.Linear(20, 16), nn.ReLU(), nn.Linear(16, 4))
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-2)
    telemetry = epochlens_telemetry.TelemetryRecorder(out, model, loader)
    for epoch in range(3):
        for x, y in loader:
            optimizer.zero_grad()
            loss = nn.functional.cross_entropy(model(x), y)
            loss.backward()
            optimizer.step()
            telemetry.step(loss, optimizer)
            if epoch == 2 and telemetry.steps == 2 * len(loader) + 100:
                time.sleep(epochlens_telemetry.FLUSH_SECONDS + 0.2)
            elif epoch == 2 and telemetry.steps == 2 * len(loader) + 101:
                os.kill(os.getpid(), signal.SIGKILL)
        telemetry.epoch_end()


if __name__ == "__main__":
    main(sys.argv[1])
