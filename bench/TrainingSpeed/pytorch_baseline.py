"""PyTorch side of the training-speed benchmark: the seed CNN at batch size 1, as a user would write it.

Prints one JSON object per line on stdout: a "ready" line after loading and warming up, then one
"round" line per round. With --serve it runs a round each time a line arrives on stdin (the C# bench
drives it that way, so its rounds interleave with EpochLens's and machine noise hits both sides
alike); without it, it runs --rounds rounds on its own.

Needs only torch and numpy (Debian's python3-torch); the IDX files are read with gzip + numpy.
"""

import argparse
import gzip
import json
import os
import sys
import time

import numpy as np
import torch
from torch import nn

# Fashion-MNIST's pixel mean and standard deviation on a 0..1 scale, as EpochLens normalises.
MEAN = 0.2860
STD = 0.3530


def read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        raw = f.read()
    if raw[0] != 0 or raw[1] != 0 or raw[2] != 0x08:
        raise ValueError(f"{path}: not an unsigned-byte IDX file")
    rank = raw[3]
    dims = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(rank)]
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * rank).reshape(dims)


def find(directory, role):
    dotted = role.replace("-idx", ".idx")
    for name in (role, dotted, role + ".gz", dotted + ".gz"):
        path = os.path.join(directory, name)
        if os.path.exists(path):
            return path
    raise FileNotFoundError(f"{directory} lacks {role}[.gz]")


def load(directory, count):
    images = read_idx(find(directory, "train-images-idx3-ubyte"))
    labels = read_idx(find(directory, "train-labels-idx1-ubyte"))
    if count > len(labels):
        raise ValueError(f"{count} samples asked for, but {directory} holds only {len(labels)}")
    # Normalised once and preloaded as one tensor, so a step only slices (as the C# trainer does).
    x = torch.from_numpy(images[:count].astype(np.float32)).unsqueeze(1)
    x = (x / 255.0 - MEAN) / STD
    y = torch.from_numpy(labels[:count].astype(np.int64))
    return x.contiguous(), y


def seed_cnn():
    return nn.Sequential(
        nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(32 * 7 * 7, 64), nn.ReLU(),
        nn.Linear(64, 10),
    )


def train(images, labels, steps, lr, set_to_none=False):
    """One epoch of `steps` samples in a fresh random order on a fresh model; returns (seconds, last loss)."""
    model = seed_cnn()
    optimizer = torch.optim.Adam(model.parameters(), lr=lr, betas=(0.9, 0.999))
    loss_fn = nn.CrossEntropyLoss()
    model.train()
    # The order is drawn before the clock starts, as the C# trainer draws its epoch order.
    order = torch.randperm(len(labels))[:steps].tolist()
    last = float("nan")
    start = time.perf_counter()
    for i in order:
        x = images[i:i + 1]
        y = labels[i:i + 1]
        optimizer.zero_grad(set_to_none=set_to_none)  # False is PyTorch 1.13's default
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        last = loss.item()  # a user logging the per-step loss reads it every step
    return time.perf_counter() - start, last


def emit(**fields):
    print(json.dumps(fields), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="/usr/share/datasets/fashion-mnist", help="folder with the IDX training files")
    parser.add_argument("--steps", type=int, default=3000, help="steps (samples, batch size 1) per round")
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds (ignored with --serve)")
    parser.add_argument("--threads", type=int, default=1, help="torch.set_num_threads")
    parser.add_argument("--warmup", type=int, default=300, help="untimed steps before the first round")
    parser.add_argument("--lr", type=float, default=1e-5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--set-to-none", action="store_true",
                        help="zero_grad(set_to_none=True), as TorchSharp's default does (PyTorch 1.13 zero-fills)")
    parser.add_argument("--serve", action="store_true", help="run one round per line read from stdin")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    images, labels = load(args.data, args.steps)
    if args.warmup > 0:
        train(images, labels, min(args.warmup, args.steps), args.lr, args.set_to_none)
    emit(event="ready", torch=torch.__version__, python=sys.version.split()[0], threads=torch.get_num_threads(), samples=len(labels))

    def run_round(index):
        seconds, last = train(images, labels, args.steps, args.lr, args.set_to_none)
        emit(event="round", round=index, steps=args.steps, seconds=seconds, steps_per_second=args.steps / seconds, last_loss=last)

    if args.serve:
        for index, _ in enumerate(sys.stdin):
            run_round(index)
    else:
        for index in range(args.rounds):
            run_round(index)


if __name__ == "__main__":
    main()
