"""A short real PyTorch run with one epoch-boundary cause written into its loop, recorded with the Python
telemetry recorder (python/epochlens_telemetry.py). Used by the tests in this project:

    /usr/bin/python3 train_cause.py [--defer-readback] CAUSE OUT_FOLDER

CAUSE: healthy, optimizer-rebuilt, lr-restarts, weights-reloaded, fixed-order, reseeded-order (shuffled, but the
sampler's generator re-seeded alike at every epoch start, so every epoch has the same order), accumulation-leftover,
partial-last-batch (batches of 8 over 1004 samples with the loss summed: the last batch of 4 sums half), memorising
(300 samples with random labels and a wider MLP over 12 epochs: each sample is remembered for a while after it is seen). An MLP with Adam at batch
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

CAUSES = ("healthy", "optimizer-rebuilt", "lr-restarts", "weights-reloaded", "fixed-order", "reseeded-order",
          "accumulation-leftover", "partial-last-batch", "memorising")
ACCUMULATE = 3  # accumulation-leftover: 1000 batches an epoch leave a last group of one


def random_labels(n, seed):
    """Inputs with labels drawn independently of them: nothing to learn but the samples themselves."""
    g = torch.Generator().manual_seed(seed + 100)
    return torch.utils.data.TensorDataset(torch.randn(n, 20, generator=g), torch.randint(0, 4, (n,), generator=g))


def main(cause, out, samples=1000, epochs=6, lr=1e-3, seed=1, defer_readback=None):
    if cause not in CAUSES:
        raise SystemExit(f"unknown cause {cause!r}; one of {', '.join(CAUSES)}")
    torch.manual_seed(seed)
    torch.set_num_threads(1)
    partial = cause == "partial-last-batch"
    memorising = cause == "memorising"
    generator = torch.Generator().manual_seed(seed)
    dataset = random_labels(1000, seed) if memorising else data(samples + 4 if partial else samples)
    loader = torch.utils.data.DataLoader(dataset, batch_size=8 if partial else 1,
                                         shuffle=cause != "fixed-order", generator=generator)
    epochs = 24 if partial else 8 if memorising else epochs  # 126 batches an epoch: more epochs, for more boundaries to test
    width = 256 if memorising else 64
    model = nn.Sequential(nn.Linear(20, width), nn.ReLU(), nn.Linear(width, width), nn.ReLU(), nn.Linear(width, 4))
    loss_fn = nn.CrossEntropyLoss(reduction="sum" if partial else "mean")
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    # Warm restarts every epoch: the rate jumps back up at each boundary.
    scheduler = (torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(optimizer, T_0=len(loader))
                 if cause == "lr-restarts" else None)
    restore_point = copy.deepcopy(model.state_dict())

    telemetry = TelemetryRecorder(out, model, loader, epochs=epochs, seed=seed, data="synthetic 4-class clusters",
                                  grad_accumulation=ACCUMULATE if cause == "accumulation-leftover" else 1,
                                  defer_readback=defer_readback)
    for epoch in range(epochs):
        if cause == "reseeded-order":
            generator.manual_seed(seed)  # the bug: a fresh seed per epoch would reshuffle; the same one repeats the order
        if cause == "optimizer-rebuilt":
            optimizer = torch.optim.Adam(model.parameters(), lr=lr)
        if cause == "weights-reloaded" and epoch > 0:
            # A restore that lands on an earlier state each epoch: the weights half-way through epoch 0.
            model.load_state_dict(restore_point)
        for i, (x, y) in enumerate(loader):
            if cause == "accumulation-leftover":
                # The common loop: step every ACCUMULATE batches. The epoch's short last group is never
                # stepped nor zeroed, so its gradient leaks into the next epoch's first update.
                loss = loss_fn(model(x), y)
                (loss / ACCUMULATE).backward()
                if (i + 1) % ACCUMULATE == 0:
                    optimizer.step()
                    telemetry.step(loss, optimizer)
                    optimizer.zero_grad()
                else:
                    telemetry.step(loss, optimizer)
                continue
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
    # --defer-readback: the GPU path (values kept as tensors, read back once a second) on the CPU.
    main(sys.argv[-2], sys.argv[-1], defer_readback=True if "--defer-readback" in sys.argv else None)
