"""A short real PyTorch run with one epoch-boundary cause written into its loop, recorded with the Python
telemetry recorder (python/epochlens_telemetry.py). Used by the tests in this project:

    /usr/bin/python3 train_cause.py CAUSE OUT_FOLDER

CAUSE: healthy, optimizer-rebuilt, lr-restarts, weights-reloaded, fixed-order. An MLP with Adam at batch
size 1 on a fixed synthetic 4-class set (seeded), 1000 samples a epoch for 6 epochs: the same shape as the
C# harness runs in tests/EpochLens.Core.Tests/Fixtures/harness-runs.
"""
import copy
import os
import sys

import torch
from torch import nn

from synthetic import data

sys.path.insert(0, os.environ.get("EPOCHLENS_PYTHON_DIR", os.path.join(os.path.dirname(__file__), "..", "..", "..", "python")))
from epochlens_telemetry import TelemetryRecorder  # noqa: E402

CAUSES = ("healthy", "optimizer-rebuilt", "lr-restarts", "weights-reloaded", "fixed-order")


def main(cause, out, samples=1000, epochs=6, lr=1e-3, seed=1):
    if cause not in CAUSES:
        raise SystemExit(f"unknown cause {cause!r}; one of {', '.join(CAUSES)}")
    torch.manual_seed(seed)
    torch.set_num_threads(1)
    loader = torch.utils.data.DataLoader(data(samples), batch_size=1, shuffle=cause != "fixed-order",
                                         generator=torch.Generator().manual_seed(seed))
    model = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 4))
    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    # Warm restarts every epoch: the rate jumps back up at each boundary.
    scheduler = (torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(optimizer, T_0=len(loader))
                 if cause == "lr-restarts" else None)
    restore_point = copy.deepcopy(model.state_dict())

    telemetry = TelemetryRecorder(out, model, loader, epochs=epochs, seed=seed, data="synthetic 4-class clusters")
    for epoch in range(epochs):
        if cause == "optimizer-rebuilt":
            optimizer = torch.optim.Adam(model.parameters(), lr=lr)
        if cause == "weights-reloaded" and epoch > 0:
            # A restore that lands on an earlier state each epoch: the weights half-way through epoch 0.
            model.load_state_dict(restore_point)
        for x, y in loader:
            optimizer.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()
            optimizer.step()
            telemetry.step(loss, optimizer)
            if scheduler is not None:
                scheduler.step()
            if cause == "weights-reloaded" and epoch == 0 and telemetry.steps == samples // 2:
                restore_point = copy.deepcopy(model.state_dict())
        telemetry.epoch_end()
    telemetry.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
