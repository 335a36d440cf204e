"""Real PyTorch training runs for the diagnosis-accuracy corpus: one log file per run, plus labels.csv.

Regenerate (Debian's PyTorch 1.13, one thread):
    /usr/bin/python3 bench/DiagnosisAccuracy/Corpus/pytorch/make_runs.py [--only NAME[,NAME...]] [--no-write]

Every run trains a real model (MLP or small CNN) with a real optimizer on a seeded data set: synthetic
classification / regression, or the Fashion-MNIST subset in data/fashion-mnist-5039 (gzip IDX, read with
gzip + numpy). Runs vary the model, optimizer, batch size, learning rate, data size, sampler, scheduler, the
planted cause, what value is logged and how the log is written. While training, each run records its raw
per-step loss and sample ids for labelling (label.py); the log file holds only what the run's logging code
would have written. Everything is seeded: the same command gives the same files.
"""
import argparse
import copy
import csv
import gzip
import io
import json
import math
import os
import sys
import time

import numpy as np
import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import label as labelling  # noqa: E402

torch.set_num_threads(1)
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
FMNIST = os.path.join(ROOT, "data", "fashion-mnist-5039")
GZIP_OVER = 300_000


# ---------------------------------------------------------------- data

def synth_cls(n, seed, task=0, d=20, k=4, sep=1.2, flip=0.1):
    """Gaussian blobs around k centres (the task seed fixes the centres), a fraction of labels flipped."""
    gt = torch.Generator().manual_seed(1000 + task)
    centres = torch.randn(k, d, generator=gt) * sep
    g = torch.Generator().manual_seed(seed)
    y = torch.randint(0, k, (n,), generator=g)
    x = centres[y] + torch.randn(n, d, generator=g)
    f = torch.rand(n, generator=g) < flip
    y = torch.where(f, torch.randint(0, k, (n,), generator=g), y)
    return x, y


def synth_reg(n, seed, d=10, noise="gauss", scale=0.3):
    gt = torch.Generator().manual_seed(2000)
    w, v = torch.randn(d, generator=gt), torch.randn(d, generator=gt)
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(n, d, generator=g)
    y = torch.tanh(x @ w / 3) + 0.5 * torch.sin(x @ v / 2)
    if noise == "t2":  # Student-t with 2 degrees of freedom: heavy-tailed
        z = torch.randn(n, generator=g) / torch.sqrt((torch.randn(n, generator=g) ** 2 + torch.randn(n, generator=g) ** 2) / 2)
    else:
        z = torch.randn(n, generator=g)
    return x, (y + scale * z).unsqueeze(1)


_FM = {}


def read_idx(path):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    dims = raw[3]
    shape = tuple(int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(dims))
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def fmnist(split="train"):
    if split not in _FM:
        pre = "train" if split == "train" else "t10k"
        img = read_idx(os.path.join(FMNIST, f"{pre}-images-idx3-ubyte.gz")).astype(np.float32) / 255.0
        lab = read_idx(os.path.join(FMNIST, f"{pre}-labels-idx1-ubyte.gz")).astype(np.int64)
        x = torch.from_numpy((img - 0.286) / 0.353).unsqueeze(1)
        _FM[split] = (x, torch.from_numpy(lab))
    return _FM[split]


def fm_subset(n=None, classes=None, split="train", seed=0, flat=False, flip=0.0):
    x, y = fmnist(split)
    idx = torch.arange(y.numel())
    if classes is not None:
        idx = idx[torch.isin(y, torch.tensor(classes))]
    if n is not None and n < idx.numel():
        g = torch.Generator().manual_seed(seed)
        idx = idx[torch.randperm(idx.numel(), generator=g)[:n]]
    xs, ys = x[idx], y[idx]
    if classes is not None:
        remap = {c: i for i, c in enumerate(classes)}
        ys = torch.tensor([remap[int(c)] for c in ys])
    if flip > 0:  # label noise: a fraction of the labels replaced by random ones (seeded)
        g = torch.Generator().manual_seed(seed + 17)
        f = torch.rand(ys.numel(), generator=g) < flip
        ys = torch.where(f, torch.randint(0, int(ys.max()) + 1, (ys.numel(),), generator=g), ys)
    if flat:
        xs = xs.reshape(xs.shape[0], -1)
    return xs, ys


# ---------------------------------------------------------------- models

def mlp(din, width, dout, depth=2):
    layers, d = [], din
    for _ in range(depth):
        layers += [nn.Linear(d, width), nn.ReLU()]
        d = width
    return nn.Sequential(*layers, nn.Linear(d, dout))


def cnn(classes=10, c=8):
    return nn.Sequential(nn.Conv2d(1, c, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(c, 2 * c, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Flatten(), nn.Linear(2 * c * 49, 64), nn.ReLU(), nn.Linear(64, classes))


class HashedEmbedding(nn.Module):
    """Item ids hashed into buckets of a trainable embedding (the hashing trick of recommender models): items that
    share a bucket pull it towards different targets. The PyTorch form of the Epochal Sawtooth paper's replication
    (one quadratic per item on one coordinate of a shared vector)."""

    def __init__(self, n, buckets, seed=2, dim=1):
        super().__init__()
        g = torch.Generator().manual_seed(seed)
        self.register_buffer("bucket", torch.randint(0, buckets, (n,), generator=g))
        self.emb = nn.Embedding(buckets, dim)
        nn.init.constant_(self.emb.weight, 3.0 if dim == 1 else 0.0)
        self.head = None if dim == 1 else nn.Linear(dim, 1)

    def forward(self, i):
        v = self.emb(self.bucket[i])
        return v if self.head is None else self.head(v)


def item_targets(n, seed):
    g = torch.Generator().manual_seed(seed)
    return torch.arange(n), torch.rand(n, 1, generator=g) * 2 - 1


def make_optimizer(params, spec, lr):
    kind = spec[0]
    if kind == "adam":
        return torch.optim.Adam(params, lr=lr, betas=(spec[1] if len(spec) > 1 else 0.9, spec[2] if len(spec) > 2 else 0.999))
    if kind == "adamw":
        return torch.optim.AdamW(params, lr=lr, betas=(0.9, spec[1] if len(spec) > 1 else 0.999), weight_decay=0.01)
    if kind == "sgd":
        return torch.optim.SGD(params, lr=lr, momentum=spec[1] if len(spec) > 1 else 0.0)
    raise ValueError(kind)


# ---------------------------------------------------------------- training

def epoch_order(sampler, n, epoch, gen, seed, labels):
    if sampler == "shuffle":
        return torch.randperm(n, generator=gen)
    if sampler == "fixed":  # DataLoader(shuffle=False)
        return torch.arange(n)
    if sampler == "sorted":  # data sorted by label, never shuffled
        return torch.sort(labels, stable=True).indices
    if sampler == "reseed":  # a sampler generator re-seeded with the same seed each epoch
        return torch.randperm(n, generator=torch.Generator().manual_seed(seed))
    if sampler == "reseed-epoch":  # re-seeded with seed + epoch (what set_epoch does): a fresh order
        return torch.randperm(n, generator=torch.Generator().manual_seed(seed + 7919 * epoch))
    if sampler == "replacement":  # RandomSampler(replacement=True, num_samples=n)
        return torch.randint(0, n, (n,), generator=gen)
    raise ValueError(sampler)


def evaluate(net, loss_fn, x, y):
    with torch.no_grad():
        out = net(x)
        return float(loss_fn(out, y).mean() if loss_fn.reduction == "none" else loss_fn(out, y))


def train(cfg):
    seed = cfg.get("seed", 1)
    torch.manual_seed(seed)
    x, y = cfg["data"]()
    n = y.shape[0]
    net = cfg["model"]()
    task = cfg.get("task", "cls")
    reduction = cfg.get("reduction", "mean")
    loss_fn = nn.CrossEntropyLoss(reduction=reduction) if task == "cls" else nn.MSELoss(reduction=reduction)
    val = cfg["val"]() if "val" in cfg else None
    val_fn = nn.CrossEntropyLoss() if task == "cls" else nn.MSELoss()

    if cfg.get("pretrain"):  # a model pretrained on a larger, related task, not logged
        pt = cfg["pretrain"]
        px, py = pt["data"]()
        popt = torch.optim.Adam(net.parameters(), lr=pt["lr"])
        pg = torch.Generator().manual_seed(seed + 5)
        for _ in range(pt["epochs"]):
            order = torch.randperm(py.shape[0], generator=pg)
            for s in range(0, py.shape[0], pt["batch"]):
                i = order[s:s + pt["batch"]]
                popt.zero_grad()
                val_fn(net(px[i]), py[i]).backward()
                popt.step()
        if pt.get("new_head", True):  # a fresh classification head for the fine-tuning task
            net[-1].reset_parameters()

    lr, B, epochs = cfg["lr"], cfg["batch"], cfg["epochs"]
    accum, leftover = cfg.get("accum", 1), cfg.get("leftover", "step")
    opt = make_optimizer(net.parameters(), cfg["opt"], lr)
    gen = torch.Generator().manual_seed(seed + 1)
    drop_last = cfg.get("drop_last", False)
    batches_per_epoch = n // B if drop_last else math.ceil(n / B)
    L = batches_per_epoch // accum if leftover == "leak" else math.ceil(batches_per_epoch / accum)
    sched_kind = cfg.get("sched", "none")
    sched = None
    if sched_kind == "step":
        sched = torch.optim.lr_scheduler.StepLR(opt, step_size=1, gamma=cfg.get("gamma", 0.5))
    elif sched_kind == "cosine-wr":
        sched = torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(opt, T_0=L, eta_min=lr * 0.02)
    elif sched_kind == "warmup-cosine":  # one warm-up over the run's first 10 %, then cosine: not epoch-aligned
        total_steps = L * epochs
        warm = max(1, total_steps // 10)
        sched = torch.optim.lr_scheduler.LambdaLR(
            opt, lambda s: (s + 1) / warm if s < warm else 0.5 * (1 + math.cos(math.pi * (s - warm) / (total_steps - warm))))
    elif sched_kind == "linear":  # Hugging Face default: linear decay over the run
        total_steps = L * epochs
        sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: max(0.0, 1 - s / total_steps))
    warm_epoch = max(1, L // 5)

    raw = dict(loss=[], epoch=[], pos=[], ids=[], lr=[], batch=B if accum == 1 else None)
    val_losses = []
    ema_w = copy.deepcopy(net.state_dict()) if cfg.get("reload") == "ema-swap" else None
    step = 0
    leak_pending = False
    for epoch in range(epochs):
        if epoch > 0 and cfg.get("rebuild_optimizer"):
            opt = make_optimizer(net.parameters(), cfg["opt"], lr)
        if sched_kind == "warmup-epoch":  # scheduler built inside the epoch loop: the warm-up restarts each epoch
            sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / warm_epoch))
        if sched_kind == "onecycle-epoch":  # OneCycleLR built inside the epoch loop with the epoch's steps: one cycle per epoch
            sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=lr, total_steps=L)
        order = epoch_order(cfg.get("sampler", "shuffle"), n, epoch, gen, seed, y if task == "cls" else y[:, 0])
        batches = [order[s:s + B] for s in range(0, n, B)]
        if drop_last and len(batches[-1]) < B:
            batches = batches[:-1]
        groups = [batches[g:g + accum] for g in range(0, len(batches), accum)]
        ckpt = None
        for pos_g, group in enumerate(groups):
            short = len(group) < accum
            if not leak_pending:
                opt.zero_grad()
                total, ids = 0.0, []  # the logging accumulator is reset only after an optimizer step
            leak_pending = False
            for idx in group:
                loss = loss_fn(net(x[idx]), y[idx])
                if accum > 1:
                    loss = loss / accum  # the usual loss / k: a short group is under-weighted
                loss.backward()
                total += loss.item()
                ids.extend(idx.tolist())
            if short and leftover == "leak":
                leak_pending = True  # never stepped, never zeroed: its gradients leak into the next update
                continue
            opt.step()
            if sched is not None and sched_kind != "step":
                sched.step()
            if ema_w is not None:
                with torch.no_grad():
                    for k, v in net.state_dict().items():
                        ema_w[k].mul_(cfg["ema_decay"]).add_(v, alpha=1 - cfg["ema_decay"])
            raw["loss"].append(total)
            raw["epoch"].append(epoch)
            raw["pos"].append(pos_g)
            raw["ids"].append(ids)
            raw["lr"].append(opt.param_groups[0]["lr"])
            step += 1
            if cfg.get("reload") == "mid-ckpt" and pos_g == L // 4:
                ckpt = copy.deepcopy(net.state_dict())
        if sched_kind == "step":
            sched.step()
        if cfg.get("reload") == "mid-ckpt" and ckpt is not None and epoch < epochs - 1:
            net.load_state_dict(ckpt)  # resume-from-checkpoint bug: three quarters of an epoch thrown away
        if ema_w is not None and epoch < epochs - 1:
            net.load_state_dict(ema_w)  # EMA weights swapped into the model at each boundary
        if val is not None:
            val_losses.append(evaluate(net, val_fn, *val))
        if cfg.get("reload") == "restore-best" and val_losses:  # roll back to the best weights when validation got worse
            if val_losses[-1] <= min(val_losses):
                best_w = copy.deepcopy(net.state_dict())
            elif epoch < epochs - 1:
                net.load_state_dict(best_w)
    return dict(raw=raw, L=L, n=n, batches_per_epoch=batches_per_epoch, val=val_losses)


# ---------------------------------------------------------------- what the run logs

def logged_series(raw, L, spec):
    kind = spec[0]
    loss, ep, pos, lr = raw["loss"], raw["epoch"], raw["pos"], raw["lr"]
    out = dict(step=[], value=[], epoch=[], pos=[], lr=[])

    def emit(s, v):
        out["step"].append(s)
        out["value"].append(v)
        out["epoch"].append(ep[s])
        out["pos"].append(pos[s])
        out["lr"].append(lr[s])

    every = 1
    if kind == "raw":
        every = spec[1] if len(spec) > 1 else 1
        for s, v in enumerate(loss):
            if pos[s] % every == 0:
                emit(s, v)
    elif kind == "running":  # mean of the epoch's losses so far, reset each epoch (tqdm postfix, AverageMeter)
        every = spec[1] if len(spec) > 1 else 1
        tot = cnt = 0
        for s, v in enumerate(loss):
            if pos[s] == 0:
                tot = cnt = 0
            tot += v
            cnt += 1
            if (pos[s] + 1) % every == 0:
                emit(s, tot / cnt)
    elif kind in ("window", "wsum"):  # mean (or forgotten-division sum) of the last k steps, logged every k-th
        every = spec[1]
        acc = []
        for s, v in enumerate(loss):
            acc.append(v)
            if (s + 1) % every == 0:
                emit(s, sum(acc) / (len(acc) if kind == "window" else 1))
                acc = []
    elif kind == "window-epoch":  # window average restarted each epoch (pos-aligned), like Lightning's per-epoch log
        every = spec[1]
        acc = []
        for s, v in enumerate(loss):
            acc.append(v)
            if (pos[s] + 1) % every == 0:
                emit(s, sum(acc) / len(acc))
                acc = []
            if s + 1 < len(loss) and ep[s + 1] != ep[s]:
                acc = []
    elif kind == "ema":  # exponential moving average, never reset
        alpha, every = spec[1], spec[2] if len(spec) > 2 else 1
        m = None
        for s, v in enumerate(loss):
            m = v if m is None else (1 - alpha) * m + alpha * v
            if pos[s] % every == 0:
                emit(s, m)
    else:
        raise ValueError(kind)
    return out, every


# ---------------------------------------------------------------- writers

def fmt(v):
    return f"{v:.6g}"


def write(run, cfg, series, res):
    """Returns (text, extension, reader format id, metric name, steps_per_epoch in the log's step units)."""
    w, metric = cfg["writer"], cfg.get("metric", "loss")
    L, n, B = res["L"], res["n"], cfg["batch"]
    buf = io.StringIO()
    rows = list(zip(series["step"], series["epoch"], series["pos"], series["value"], series["lr"]))
    if w == "csv":
        buf.write(f"step,{metric}\n")
        for s, e, p, v, lr in rows:
            buf.write(f"{s},{fmt(v)}\n")
        return buf.getvalue(), "csv", "csv", metric
    if w == "csv-epoch":
        lrcol = cfg.get("log_lr", False)
        buf.write(f"step,epoch,{metric}" + (",lr" if lrcol else "") + "\n")
        for s, e, p, v, lr in rows:
            buf.write(f"{s},{e},{fmt(v)}" + (f",{lr:.6g}" if lrcol else "") + "\n")
        return buf.getvalue(), "csv", "csv", metric
    if w == "lightning":  # CSVLogger metrics.csv: sorted columns, train rows every n steps, a val row per epoch
        both = cfg.get("lightning_on_epoch", False)
        if both:
            metric = "train_loss_step"
            buf.write("epoch,step,train_loss_epoch,train_loss_step,val_loss\n")
        else:
            buf.write(f"epoch,step,{metric},val_loss\n")
        raw = res["raw"]
        by_epoch = {}
        for s, e, p, v, lr in rows:
            by_epoch.setdefault(e, []).append((s, v))
        for e in sorted(by_epoch):
            for s, v in by_epoch[e]:
                buf.write(f"{e},{s},,{fmt(v)},\n" if both else f"{e},{s},{fmt(v)},\n")
            last_step = max(i for i, ee in enumerate(raw["epoch"]) if ee == e)
            vl = fmt(res["val"][e]) if res["val"] else ""
            buf.write(f"{e},{last_step},,,{vl}\n" if both else f"{e},{last_step},,{vl}\n")
            if both:
                em = np.mean([l for l, ee in zip(raw["loss"], raw["epoch"]) if ee == e])
                buf.write(f"{e},{last_step},{fmt(em)},,\n")
        return buf.getvalue(), "csv", "csv", metric
    if w == "jsonl":
        for s, e, p, v, lr in rows:
            buf.write(json.dumps({"step": s, "epoch": e, metric: float(fmt(v)), "lr": float(f"{lr:.6g}")}) + "\n")
        return buf.getvalue(), "jsonl", "jsonl", metric
    if w == "jsonl-hf":  # Hugging Face Trainer log_history style: 1-based step, fractional epoch
        for s, e, p, v, lr in rows:
            buf.write(json.dumps({"loss": round(v, 4), "learning_rate": float(f"{lr:.6g}"),
                                  "epoch": round((s + 1) / L, 2), "step": s + 1}) + "\n")
        return buf.getvalue(), "jsonl", "jsonl", "loss"
    if w == "text-pipe":  # Epoch 3 | step 120/500 | loss 0.7340 | lr 1.0e-03
        buf.write(f"Training {run}: {n} samples, batch size {B}, {cfg['epochs']} epochs\n")
        for s, e, p, v, lr in rows:
            buf.write(f"Epoch {e + 1} | step {p + 1}/{L} | loss {v:.4f} | lr {lr:.1e}\n")
            if p + res["every"] >= L and res["val"]:
                buf.write(f"Epoch {e + 1} done | val_loss {res['val'][e]:.4f}\n")
        return buf.getvalue(), "log", "", "loss"
    if w == "text-mnist":  # the PyTorch MNIST example: Train Epoch: 1 [640/60000 (1%)]\tLoss: 2.297
        for s, e, p, v, lr in rows:
            buf.write(f"Train Epoch: {e + 1} [{p * B}/{n} ({100.0 * p / L:.0f}%)]\tLoss: {v:.6f}\n")
            if p + res["every"] >= L and res["val"]:
                buf.write(f"\nTest set: Average loss: {res['val'][e]:.4f}\n\n")
        return buf.getvalue(), "log", "", "loss"
    if w == "text-info":  # logging.basicConfig(level=INFO): INFO:train:epoch=4 batch=17 loss=1.203
        buf.write(f"INFO:train:starting run {run} with {n} samples\n")
        for s, e, p, v, lr in rows:
            buf.write(f"INFO:train:epoch={e} batch={p} loss={v:.3f}\n")
        return buf.getvalue(), "log", "", "loss"
    raise ValueError(w)


# ---------------------------------------------------------------- the runs

def cls(n, seed=0, **kw):
    return lambda: synth_cls(n, seed, **kw)


def reg(n, seed=0, **kw):
    return lambda: synth_reg(n, seed, **kw)


def fm(n=None, flat=False, **kw):
    return lambda: fm_subset(n, flat=flat, **kw)


def M(din, width, dout, depth=2):
    return lambda: mlp(din, width, dout, depth)


RUNS = [
    # ---- healthy: nothing planted
    dict(name="healthy-mlp-large-adam", planted="none", data=cls(16000, seed=11), model=M(20, 64, 4), opt=("adam",), lr=1e-3,
         batch=16, epochs=3, log=("raw",), writer="csv"),
    dict(name="healthy-regression-heavytail-sgd", planted="none", task="reg", data=reg(6000, seed=12, noise="t2"), model=M(10, 64, 1),
         opt=("sgd", 0.9), lr=0.01, batch=8, epochs=4, log=("raw",), writer="jsonl"),
    dict(name="healthy-replacement-memorise-adam-b2-0.8", planted="none", data=cls(1000, seed=91, d=256, flip=1.0, sep=0.0),
         model=M(256, 256, 4), opt=("adam", 0.9, 0.8), lr=1e-4, batch=4, epochs=10, sampler="replacement", log=("raw",), writer="csv-epoch"),
    dict(name="healthy-cnn-fmnist-lightning", planted="none", data=fm(), val=fm(500, split="test"), model=lambda: cnn(), opt=("adam",),
         lr=1e-3, batch=64, epochs=4, log=("window-epoch", 5), writer="lightning", metric="train_loss"),
    dict(name="healthy-adamw-warmup-cosine", planted="none", data=cls(8000, seed=14, k=6), model=M(20, 128, 6), opt=("adamw",),
         lr=2e-3, batch=32, epochs=6, sched="warmup-cosine", log=("raw",), writer="text-pipe", val=cls(1000, seed=99, k=6)),
    dict(name="healthy-ema-sgd", planted="none", data=cls(12000, seed=15), model=M(20, 64, 4), opt=("sgd", 0.9), lr=0.02,
         batch=16, epochs=3, log=("ema", 0.05), writer="text-info"),
    dict(name="healthy-window-avg-large", planted="none", data=cls(24000, seed=16, k=8), model=M(20, 128, 8), opt=("adam", 0.9, 0.95),
         lr=1e-3, batch=32, epochs=4, log=("window", 10), writer="jsonl-hf"),
    dict(name="healthy-fmnist-mlp-mnist-example", planted="none", data=fm(flat=True), val=fm(1000, split="test", flat=True),
         model=M(784, 128, 10), opt=("sgd", 0.5), lr=0.01, batch=64, epochs=5, log=("raw", 10), writer="text-mnist"),
    dict(name="healthy-drop-last-sum", planted="none", data=cls(2010, seed=17), model=M(20, 64, 4), opt=("adam",), lr=1e-3,
         batch=16, epochs=6, reduction="sum", drop_last=True, log=("raw",), writer="csv"),
    dict(name="healthy-set-epoch-reseeded", planted="none", data=cls(3000, seed=18), model=M(20, 64, 4), opt=("adam",), lr=5e-4,
         batch=4, epochs=4, sampler="reseed-epoch", log=("raw",), writer="csv-epoch"),
    # ---- running mean reset each epoch
    dict(name="running-mean-seed-replica-cnn", planted="running-mean-logging", data=fm(), model=lambda: cnn(c=4), opt=("adam",),
         lr=1e-5, batch=1, epochs=3, log=("running",), writer="csv-epoch", metric="train_loss"),
    dict(name="running-mean-mlp-printed", planted="running-mean-logging", data=cls(2000, seed=21), model=M(20, 64, 4), opt=("adam",),
         lr=1e-3, batch=4, epochs=5, log=("running", 5), writer="text-pipe"),
    dict(name="running-mean-regression-jsonl", planted="running-mean-logging", task="reg", data=reg(3000, seed=22), model=M(10, 64, 1),
         opt=("sgd", 0.9), lr=0.01, batch=8, epochs=6, log=("running", 3), writer="jsonl", metric="avg_loss"),
    dict(name="running-mean-sparse-10-per-epoch", planted="running-mean-logging", data=cls(4000, seed=23), model=M(20, 64, 4),
         opt=("adam",), lr=1e-3, batch=8, epochs=8, log=("running", 50), writer="csv"),
    # ---- partial last batch
    dict(name="partial-last-batch-sum-b32", planted="partial-last-batch", data=cls(32 * 60 + 4, seed=31), model=M(20, 64, 4),
         opt=("adam",), lr=1e-3, batch=32, epochs=10, reduction="sum", log=("raw",), writer="csv"),
    dict(name="partial-last-batch-sum-fmnist-b128", planted="partial-last-batch", data=fm(flat=True), model=M(784, 128, 10),
         opt=("adam",), lr=1e-3, batch=128, epochs=10, reduction="sum", log=("raw",), writer="jsonl", metric="train_loss"),
    dict(name="partial-last-batch-mean-one-left", planted="partial-last-batch", data=cls(32 * 40 + 1, seed=32, flip=0.2), model=M(20, 64, 4),
         opt=("sgd", 0.9), lr=0.02, batch=32, epochs=25, log=("raw",), writer="csv-epoch"),
    # ---- fixed order
    dict(name="fixed-order-shuffle-false-b1", planted="fixed-order", data=cls(800, seed=41, flip=0.2), model=M(20, 64, 4), opt=("adam",),
         lr=5e-4, batch=1, epochs=6, sampler="fixed", log=("raw",), writer="csv"),
    dict(name="fixed-order-sorted-by-label-fmnist", planted="fixed-order", data=fm(2048, flat=True), model=M(784, 64, 10),
         opt=("sgd", 0.9), lr=0.01, batch=8, epochs=4, sampler="sorted", log=("window-epoch", 2), writer="lightning",
         val=fm(500, split="test", flat=True), lightning_on_epoch=True),
    dict(name="fixed-order-reseeded-sampler", planted="fixed-order", data=cls(1200, seed=42, flip=0.15), model=M(20, 64, 4),
         opt=("adam",), lr=1e-3, batch=4, epochs=5, sampler="reseed", log=("raw",), writer="text-info"),
    dict(name="fixed-order-window-avg", planted="fixed-order", task="reg", data=reg(3000, seed=43, noise="t2"), model=M(10, 64, 1),
         opt=("adam",), lr=1e-3, batch=2, epochs=5, sampler="fixed", log=("window-epoch", 5), writer="jsonl"),
    # ---- optimizer rebuilt each epoch
    dict(name="optimizer-reset-adam-b2-0.999", planted="optimizer-reset", task="reg", data=reg(8000, seed=51, scale=0.05),
         model=M(10, 128, 1), opt=("adam",), lr=3e-3, batch=128, epochs=12, rebuild_optimizer=True, log=("raw",), writer="csv"),
    dict(name="optimizer-reset-adamw-fmnist-printed", planted="optimizer-reset", data=fm(flat=True), model=M(784, 128, 10),
         opt=("adamw", 0.99), lr=3e-3, batch=256, epochs=12, rebuild_optimizer=True, log=("raw",), writer="text-pipe"),
    dict(name="optimizer-reset-adam-regression", planted="optimizer-reset", task="reg", data=reg(12800, seed=53, scale=0.05), model=M(10, 128, 1),
         opt=("adam", 0.9, 0.99), lr=1e-3, batch=128, epochs=12, rebuild_optimizer=True, log=("raw",), writer="jsonl"),
    # ---- lr schedule at the boundaries
    dict(name="lr-steplr-per-epoch-sgd", planted="lr-schedule", task="reg", data=reg(6000, seed=61, scale=0.05), model=M(10, 64, 1),
         opt=("sgd", 0.9), lr=0.05, batch=16, epochs=6, sched="step", gamma=0.3, log=("raw",), writer="csv-epoch", log_lr=True),
    dict(name="lr-cosine-warm-restarts-adam", planted="lr-schedule", task="reg", data=reg(4000, seed=62, scale=0.05),
         model=M(10, 128, 1), opt=("adam",), lr=1e-2, batch=16, epochs=6, sched="cosine-wr", log=("raw",), writer="text-pipe"),
    dict(name="lr-warmup-restarted-each-epoch", planted="lr-schedule", task="reg", data=reg(3000, seed=63), model=M(10, 64, 1),
         opt=("sgd", 0.9), lr=0.02, batch=8, epochs=6, sched="warmup-epoch", log=("raw",), writer="jsonl"),
    # ---- weights reloaded at each boundary
    dict(name="state-reload-mid-epoch-checkpoint", planted="state-reload", data=fm(flat=True), model=M(784, 128, 10),
         opt=("sgd", 0.9), lr=2e-3, batch=32, epochs=6, reload="mid-ckpt", log=("raw",), writer="csv"),
    dict(name="state-reload-ema-swap", planted="state-reload", task="reg", data=reg(4000, seed=72), model=M(10, 64, 1),
         opt=("sgd", 0.9), lr=0.005, batch=8, epochs=6, reload="ema-swap", ema_decay=0.999, log=("window-epoch", 5),
         writer="lightning", val=reg(500, seed=98), metric="train_loss"),
    # ---- gradient accumulation with a short last group
    dict(name="grad-accum-short-group-logged", planted="grad-accumulation-leftover", data=cls(8 * (8 * 60 + 1), seed=81),
         model=M(20, 64, 4), opt=("adam",), lr=1e-3, batch=8, accum=8, epochs=10, log=("raw",), writer="csv"),
    dict(name="grad-accum-leftover-leaks-sgd", planted="grad-accumulation-leftover", data=cls(8 * (8 * 60 + 7), seed=82),
         model=M(20, 64, 4), opt=("sgd", 0.9), lr=0.05, batch=8, accum=8, leftover="leak", epochs=10, log=("raw",), writer="jsonl"),
    # ---- memorisation: recency sawtooth (Adam beta2 0.8 / 0.95 / 0.999, SGD, CNN)
    dict(name="recency-mlp-memorise-adam-b2-0.8", planted="recency", data=cls(1000, seed=91, d=256, flip=1.0, sep=0.0),
         model=M(256, 256, 4), opt=("adam", 0.9, 0.8), lr=1e-4, batch=4, epochs=10, log=("raw",), writer="csv"),
    dict(name="recency-mlp-memorise-adam-b2-0.95", planted="recency", data=cls(1000, seed=91, d=256, flip=1.0, sep=0.0),
         model=M(256, 256, 4), opt=("adam", 0.9, 0.95), lr=1e-4, batch=4, epochs=10, log=("raw",), writer="csv"),
    dict(name="recency-mlp-memorise-adam-b2-0.999", planted="recency", data=cls(1000, seed=91, d=256, flip=1.0, sep=0.0),
         model=M(256, 256, 4), opt=("adam", 0.9, 0.999), lr=1e-4, batch=4, epochs=10, log=("raw",), writer="csv"),
    dict(name="recency-mlp-memorise-sgd-momentum", planted="recency", data=cls(1000, seed=92, d=256, flip=1.0, sep=0.0),
         model=M(256, 256, 4), opt=("sgd", 0.9), lr=0.01, batch=4, epochs=10, log=("raw",), writer="text-info"),
    dict(name="recency-cnn-fmnist-noisy-labels", planted="recency", data=fm(512, flip=0.5), model=lambda: cnn(), opt=("adam",),
         lr=1e-3, batch=4, epochs=12, log=("window-epoch", 2), writer="lightning", val=fm(500, split="test"), metric="train_loss"),
    dict(name="recency-hashed-embedding-adam-b2-0.8", planted="recency", task="reg", data=lambda: item_targets(10000, 1),
         model=lambda: HashedEmbedding(10000, 10000), opt=("adam", 0.9, 0.8), lr=0.06, batch=100, epochs=10, log=("raw",), writer="csv"),
    dict(name="recency-hashed-embedding-adam-b2-0.95", planted="recency", task="reg", data=lambda: item_targets(10000, 1),
         model=lambda: HashedEmbedding(10000, 10000), opt=("adam", 0.9, 0.95), lr=0.06, batch=100, epochs=10, log=("window", 10),
         writer="jsonl-hf"),
    dict(name="recency-hashed-embedding-adam-b2-0.999", planted="recency", task="reg", data=lambda: item_targets(10000, 1),
         model=lambda: HashedEmbedding(10000, 10000), opt=("adam", 0.9, 0.999), lr=0.06, batch=100, epochs=10, log=("raw",),
         writer="text-pipe"),
    dict(name="healthy-hashed-embedding-replacement", planted="none", task="reg", data=lambda: item_targets(10000, 1),
         model=lambda: HashedEmbedding(10000, 10000), opt=("adam", 0.9, 0.8), lr=0.06, batch=100, epochs=10, sampler="replacement",
         log=("raw",), writer="csv"),
    # ---- multi-epoch fine-tuning: stair-step
    dict(name="finetune-stairstep-hf-4-epochs", planted="recency", data=cls(400, seed=101, task=1, d=512, k=8, sep=0.15, flip=1.0),
         pretrain=dict(data=cls(4000, seed=102, task=1, d=512, k=8, sep=0.15, flip=0.0), epochs=1, batch=16, lr=1e-3),
         model=M(512, 256, 8), opt=("adamw",), lr=2e-4, batch=2, epochs=4, sched="linear", log=("window", 10), writer="jsonl-hf"),
    dict(name="finetune-stairstep-printed-3-epochs", planted="recency", data=cls(300, seed=103, task=2, d=256, k=6, sep=0.15, flip=1.0),
         pretrain=dict(data=cls(3000, seed=104, task=2, d=256, k=6, sep=0.15, flip=0.0), epochs=1, batch=16, lr=1e-3),
         model=M(256, 256, 6), opt=("adam", 0.9, 0.95), lr=1e-4, batch=1, epochs=3, log=("window", 5), writer="text-pipe"),
    dict(name="finetune-stairstep-fmnist-5-epochs", planted="recency", data=fm(600, classes=[5, 6, 7, 8, 9], flat=True),
         pretrain=dict(data=fm(classes=[0, 1, 2, 3, 4], flat=True), epochs=1, batch=32, lr=1e-3), model=M(784, 256, 5),
         opt=("adam",), lr=1e-3, batch=4, epochs=5, sched="linear", log=("window", 10), writer="jsonl-hf"),
    # ---- added 2026-12-06 for causes and shapes the corpus had few of (chosen before any was run or scored)
    dict(name="state-reload-restore-best", planted="state-reload", data=cls(600, seed=111, d=64, flip=0.3),
         val=cls(500, seed=112, d=64, flip=0.3), model=M(64, 256, 4), opt=("adam",), lr=1e-3, batch=8, epochs=10,
         reload="restore-best", log=("raw",), writer="csv-epoch"),
    dict(name="partial-last-batch-sum-regression-printed", planted="partial-last-batch", task="reg",
         data=reg(64 * 50 + 3, seed=121), model=M(10, 64, 1), opt=("adam",), lr=1e-3, batch=64, epochs=12, reduction="sum",
         log=("raw",), writer="text-info"),
    dict(name="running-mean-averagemeter-printed-sparse", planted="running-mean-logging", data=cls(8000, seed=131, k=6),
         model=M(20, 128, 6), opt=("sgd", 0.9), lr=0.01, batch=16, epochs=6, log=("running", 25), writer="text-pipe"),
    dict(name="lr-onecycle-restarted-each-epoch", planted="lr-schedule", data=cls(4000, seed=141), model=M(20, 64, 4),
         opt=("adamw",), lr=3e-3, batch=16, epochs=6, sched="onecycle-epoch", log=("window", 10), writer="jsonl-hf"),
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default="")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    only = set(filter(None, args.only.split(",")))
    t_all = time.time()
    labels = []
    total_bytes = 0
    for cfg in RUNS:
        if only and cfg["name"] not in only:
            continue
        t0 = time.time()
        res = train(cfg)
        series, every = logged_series(res["raw"], res["L"], cfg["log"])
        expected, evidence, _ = labelling.label(dict(logged=series, every=every, L=res["L"], raw=res["raw"], planted=cfg["planted"]))
        res["every"] = every
        text, ext, reader, metric = write(cfg["name"], cfg, series, res)
        data = text.encode()
        fname = f"{cfg['name']}.{ext}"
        if len(data) > GZIP_OVER:
            data = gzip.compress(data, mtime=0)
            fname += ".gz"
        if not args.no_write:
            with open(os.path.join(HERE, fname), "wb") as f:
                f.write(data)
        total_bytes += len(data)
        labels.append(dict(path=f"pytorch/{fname}", format=reader, expected=expected, planted=cfg["planted"],
                           steps_per_epoch=res["L"], metric=metric, evidence=evidence))
        print(f"{cfg['name']:40s} {time.time() - t0:5.1f}s L={res['L']:5d} steps={len(res['raw']['loss']):6d} "
              f"logged={len(series['step']):6d} {len(data) / 1024:6.0f}KB planted={cfg['planted']:27s} expected={expected}\n    {evidence}",
              flush=True)
    if not args.no_write:
        path = os.path.join(HERE, "labels.csv")
        if only:  # the runs made now replace their rows; the rest are kept, in RUNS order
            with open(path, newline="") as f:
                kept = {r["path"]: r for r in csv.DictReader(f)}
            kept.update({r["path"]: r for r in labels})
            order = [f"pytorch/{c['name']}." for c in RUNS]
            labels = sorted(kept.values(), key=lambda r: next((i for i, o in enumerate(order) if r["path"].startswith(o)), len(order)))
        with open(path, "w", newline="") as f:
            wr = csv.DictWriter(f, fieldnames=["path", "format", "expected", "planted", "steps_per_epoch", "metric", "evidence"])
            wr.writeheader()
            wr.writerows(labels)
    print(f"{len(labels)} runs, {total_bytes / 1024:.0f} KB, {time.time() - t_all:.0f} s")


if __name__ == "__main__":
    main()
