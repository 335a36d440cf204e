"""Real PyTorch training runs with one epoch-boundary cause each, logged as plain step,loss CSV files.

Regenerate with Debian's PyTorch:  /usr/bin/python3 make_runs.py  (about a minute on 2 cores).
Each run trains a small MLP with Adam on a fixed synthetic classification set (seeded), then writes
<name>.csv with columns step,epoch,loss, where loss is what the run's logging code would have plotted.
"""
import csv
import torch
from torch import nn

torch.set_num_threads(1)


def data(n, seed=0):
    g = torch.Generator().manual_seed(seed)
    centers = torch.randn(4, 20, generator=g) * 1.2
    labels = torch.randint(0, 4, (n,), generator=g)
    x = centers[labels] + torch.randn(n, 20, generator=g)
    flip = torch.rand(n, generator=g) < 0.1
    labels = torch.where(flip, torch.randint(0, 4, (n,), generator=g), labels)
    return x, labels


def model(width=64):
    return nn.Sequential(nn.Linear(20, width), nn.ReLU(), nn.Linear(width, width), nn.ReLU(), nn.Linear(width, 4))


def train(name, n=600, epochs=6, batch=1, lr=1e-3, shuffle=True, running_mean=False, rebuild_optimizer=False,
          reduction="mean", width=64, seed=1):
    torch.manual_seed(seed)
    x, y = data(n)
    net = model(width)
    loss_fn = nn.CrossEntropyLoss(reduction=reduction)
    optimizer = torch.optim.Adam(net.parameters(), lr=lr)
    order_gen = torch.Generator().manual_seed(seed)
    rows, step = [], 0
    for epoch in range(epochs):
        if rebuild_optimizer:
            optimizer = torch.optim.Adam(net.parameters(), lr=lr)
        order = torch.randperm(n, generator=order_gen) if shuffle else torch.arange(n)
        total, count = 0.0, 0
        for start in range(0, n, batch):
            idx = order[start:start + batch]
            optimizer.zero_grad()
            loss = loss_fn(net(x[idx]), y[idx])
            loss.backward()
            optimizer.step()
            total += loss.item()
            count += 1
            logged = total / count if running_mean else loss.item()
            rows.append((step, epoch, logged))
            step += 1
    with open(f"{name}.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["step", "epoch", "loss"])
        for s, e, v in rows:
            w.writerow([s, e, f"{v:.6g}"])
    print(name, step, "steps,", step // epochs, "per epoch")


train("healthy")
train("running-mean", running_mean=True)
train("fixed-order", shuffle=False)
train("optimizer-rebuilt", rebuild_optimizer=True)
train("partial-last-batch", n=604, batch=8, reduction="sum", epochs=12)
train("memorising", n=200, epochs=15, width=256, lr=2e-3)
