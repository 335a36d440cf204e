"""Overhead of the Python telemetry recorder (python/epochlens_telemetry.py) on the seed CNN at batch size 1.

    /usr/bin/python3 bench/PythonRecorder/recorder_overhead.py [--steps 2000] [--rounds 5] [--threads 1]

Both sides are the same plain PyTorch loop (bench/TrainingSpeed/pytorch_baseline.py's model, data and Adam
at lr 1e-5, the loss read with .item() every step as a user who logs it does) over a shuffled DataLoader at
batch size 1; the recorder side adds the two lines of the README (TelemetryRecorder(...) and
telemetry.step(loss, optimizer)) with its default norm schedule, writing CSV and JSON Lines to a temporary
folder. Rounds alternate without/with on fresh models in the same order, so machine noise hits both alike;
the overhead is the median of the rounds' ratios, in wall time, in this thread's CPU time (steadier on a
busy machine), and as the CPU time spent inside telemetry.step against the rest of the step. Prints one
table and a JSON line.
"""
import argparse
import json
import os
import statistics
import sys
import tempfile
import time

import torch
from torch import nn

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
sys.path.insert(0, os.path.join(root, "python"))
sys.path.insert(0, os.path.join(root, "bench", "TrainingSpeed"))
import epochlens_telemetry  # noqa: E402
import pytorch_baseline  # noqa: E402


def one_round(dataset, steps, seed, folder):
    """One epoch of `steps` samples on a fresh model; with a folder, recorded there. Returns (wall seconds,
    CPU seconds of this thread, CPU seconds inside telemetry.step). With one torch thread on the CPU the
    forward and backward passes run on this thread, so its CPU time is the step's work without the time
    the machine's other processes took from it."""
    torch.manual_seed(seed)
    model = pytorch_baseline.seed_cnn()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-5)
    loss_fn = nn.CrossEntropyLoss()
    subset = torch.utils.data.Subset(dataset, range(steps))
    loader = torch.utils.data.DataLoader(subset, batch_size=1, shuffle=True, generator=torch.Generator().manual_seed(seed))
    telemetry = epochlens_telemetry.TelemetryRecorder(folder, model, loader) if folder else None
    inside = 0.0
    start, start_cpu = time.perf_counter(), time.thread_time()
    for x, y in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        loss.item()
        if telemetry:
            before = time.thread_time()
            telemetry.step(loss, optimizer)
            inside += time.thread_time() - before
    if telemetry:
        telemetry.epoch_end()
        telemetry.close()
    return time.perf_counter() - start, time.thread_time() - start_cpu, inside


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=os.path.join(root, "data", "fashion-mnist-5039"))
    parser.add_argument("--steps", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--warmup", type=int, default=300)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    images, labels = pytorch_baseline.load(args.data, args.steps)
    dataset = torch.utils.data.TensorDataset(images, labels)
    with tempfile.TemporaryDirectory() as tmp:
        one_round(dataset, min(args.warmup, args.steps), 0, None)
        one_round(dataset, min(args.warmup, args.steps), 0, os.path.join(tmp, "warmup"))
        rows = []
        for r in range(args.rounds):
            # Alternate which side goes first, so a drift in machine speed does not favour one.
            sides = ("without", "with") if r % 2 == 0 else ("with", "without")
            result = {s: one_round(dataset, args.steps, r + 1, os.path.join(tmp, f"run{r}") if s == "with" else None)
                      for s in sides}
            rows.append((result["without"], result["with"]))

    print(f"seed CNN, batch size 1, {args.steps} steps x {args.rounds} rounds, torch {torch.__version__}, {args.threads} thread(s)")
    print("ms per step; 'CPU' is this thread's CPU time, 'inside' the CPU time spent in telemetry.step")
    print(f"{'round':>5} {'wall without':>12} {'wall with':>10} {'CPU without':>12} {'CPU with':>9} {'inside':>7} "
          f"{'wall +':>7} {'CPU +':>7} {'inside/step':>11}")
    ms = 1000 / args.steps
    wall, cpu, inside = [], [], []
    for r, (a, b) in enumerate(rows):
        wall.append(b[0] / a[0] - 1)
        cpu.append(b[1] / a[1] - 1)
        inside.append(b[2] / (b[1] - b[2]))
        print(f"{r:>5} {a[0] * ms:>12.3f} {b[0] * ms:>10.3f} {a[1] * ms:>12.3f} {b[1] * ms:>9.3f} {b[2] * ms:>7.3f} "
              f"{100 * wall[-1]:>6.2f}% {100 * cpu[-1]:>6.2f}% {100 * inside[-1]:>10.2f}%")
    median = statistics.median
    print(f"median overhead: wall {100 * median(wall):.2f}%, CPU {100 * median(cpu):.2f}%, "
          f"recorder's own CPU time {100 * median(inside):.2f}% of the rest of the step "
          f"(rounds {100 * min(inside):.2f}% to {100 * max(inside):.2f}%)")
    print(json.dumps({"steps": args.steps, "rounds": args.rounds, "threads": args.threads, "torch": torch.__version__,
                      "without": [dict(zip(("wall_s", "cpu_s"), a[:2])) for a, _ in rows],
                      "with": [dict(zip(("wall_s", "cpu_s", "inside_recorder_cpu_s"), b)) for _, b in rows],
                      "median_wall_overhead": median(wall), "median_cpu_overhead": median(cpu),
                      "median_recorder_share": median(inside)}))


if __name__ == "__main__":
    main()
