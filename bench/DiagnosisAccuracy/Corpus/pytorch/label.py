"""Labels for the PyTorch corpus, from simple statistics of each run's own numbers (never from EpochLens).

Every statistic works on the *logged* series (the values the log file holds, at the steps it holds them),
with the run's raw per-step loss (loss.item() of every optimizer step) used only where a statistic needs the
noise of the raw losses. The thresholds are the same for every run. They were set before the runs were looked
at, with two later changes. The stair-step test was added when few-epoch fine-tunes with a plain stair-step
failed the sawtooth test, which has little power with 2 or 3 usable epochs. The running-mean minimum went from
20 to 8 logged points per epoch, because the 10-point run passes the statistic itself plainly.

Common pieces
- epochs are numbered from 0; epoch 0 is left out of every within-epoch statistic (the first pass over the
  data has no revisits, and its steep early drop is not a boundary effect);
- trend: the median of each epoch's logged values placed at the epoch's centre, joined by straight lines and
  extended linearly past the first and last centre; residual = logged value - trend. A stair-step (a drop at
  each boundary, flat inside) leaves a residual that rises through each epoch, a plain smooth trend leaves ~0;
- robust SD (rsd) = 1.4826 * median absolute deviation of the residuals in epochs >= 1.

Statistics and thresholds (cause: measurable when ...)
- recency (sawtooth / stair-step): per epoch e >= 1, d_e = (mean residual of the last 10 % of the epoch -
  mean of the first 10 %) / rsd. The pooled z is the mean difference over its standard error from the
  residual variance, with the number of points shrunk by the lag-1 autocorrelation (n (1-r1)/(1+r1)) so
  that smoothed logs (EMA, window averages) do not count as independent. Sawtooth measurable when z >= 3, mean
  d >= 0.25 and d_e > 0 in at least 75 % of the epochs >= 1. (An across-epoch t of d_e is reported as well.)
  Stair-step (few epochs): each epoch cut into fifths; the change across each boundary (first fifth of epoch e
  minus last fifth of e-1) against the changes between neighbouring fifths inside epochs (all epochs). Measurable
  when the Welch t <= -3 and at least 75 % of the boundary changes are below the median inside change.
  Recency is measurable when the sawtooth or the stair-step is.
- fixed-order: the residuals of each epoch are put on a position grid (position in the epoch // logging
  interval), high-passed (minus a centred 9-point moving average, which removes any smooth within-epoch shape
  such as a sawtooth), and correlated between consecutive epochs >= 1. Measurable when the mean correlation
  r >= 0.2 and r * sqrt(positions) >= 4.
- boundary level (optimizer-reset, state-reload: a rise; lr-schedule: a change of level or of noise): for each
  boundary into an epoch e >= 2 (e >= 1 when there are fewer than 4 epochs), b_e = (mean residual of the first w
  logged points after it - mean of the last w before it) / rsd, w = 5 % of an epoch's logged points, 3 to 50.
  Measurable as a rise when the across-boundary t >= 3, mean b >= 0.3 and at least 3 boundaries. For the lr
  schedule also the noise: log(SD of residuals in the first 25 % of epoch e / SD in the last 25 % of epoch e-1);
  lr-schedule is measurable when the level t or the noise t has |t| >= 3 (at least 3 boundaries).
- running-mean-logging: needs >= 8 logged points per epoch; smoothness = median |step-to-step change| of the
  logged values inside epochs (from the 25 % point on) / rsd of the raw per-step losses; jump = median |change
  across a boundary| / median |change inside|. Measurable when smoothness <= 0.2 and jump >= 5.
- partial-last-batch and grad-accumulation-leftover (last group): only for logs that hold every step; z_e =
  (last step of epoch e - median of the 20 steps before it) / rsd of those 20. Measurable when |median z| >= 2
  with at least 80 % of the z_e of that sign, or (variance only) median |z| >= 1.6, at least 6 epochs.
- grad-accumulation-leftover (leaked first update): the same for the first step of each epoch >= 1 against
  the 20 steps after it.
The run is labelled with the planted cause when that cause's statistic is measurable; otherwise, or when
nothing was planted, with recency if its statistic passes (memorisation shows up unplanted), else `none`.
"""
import math

import numpy as np

MIN_POINTS_RUNNING_MEAN = 8


def rsd(x):
    x = np.asarray(x, dtype=float)
    if x.size == 0:
        return float("nan")
    s = 1.4826 * np.median(np.abs(x - np.median(x)))
    if s <= 0:
        s = float(np.std(x)) or 1e-12
    return float(s)


def detrend(step, value, epoch):
    epochs = np.unique(epoch)
    centres = np.array([step[epoch == e].mean() for e in epochs])
    medians = np.array([np.median(value[epoch == e]) for e in epochs])
    if len(epochs) == 1:
        return value - medians[0]
    trend = np.interp(step, centres, medians)
    lo, hi = step < centres[0], step > centres[-1]
    slope0 = (medians[1] - medians[0]) / (centres[1] - centres[0])
    slope1 = (medians[-1] - medians[-2]) / (centres[-1] - centres[-2])
    trend[lo] = medians[0] + slope0 * (step[lo] - centres[0])
    trend[hi] = medians[-1] + slope1 * (step[hi] - centres[-1])
    return value - trend


def lag1(x):
    x = np.asarray(x, dtype=float) - np.mean(x)
    d = np.dot(x, x)
    return float(np.dot(x[:-1], x[1:]) / d) if d > 0 and x.size > 2 else 0.0


def recency_stat(res, epoch, frac, scale):
    d, firsts, lasts = [], [], []
    for e in np.unique(epoch):
        if e < 1:
            continue
        idx = np.flatnonzero(epoch == e)
        m = max(2, int(round(0.1 * idx.size)))
        if idx.size < 2 * m or frac[idx].max() < 0.9:
            continue  # too short or an incomplete last epoch
        a, b = res[idx[:m]], res[idx[-m:]]
        firsts.append(a)
        lasts.append(b)
        d.append((b.mean() - a.mean()) / scale)
    if len(d) == 0:
        return None
    d = np.array(d)
    r1 = max(0.0, lag1(res[epoch >= 1]))
    shrink = (1 - r1) / (1 + r1)
    a, b = np.concatenate(firsts), np.concatenate(lasts)
    se = math.sqrt(np.var(a) / max(1.0, a.size * shrink) + np.var(b) / max(1.0, b.size * shrink))
    z = (b.mean() - a.mean()) / se if se > 0 else 0.0
    t = d.mean() / (d.std(ddof=1) / math.sqrt(d.size)) if d.size >= 3 and d.std(ddof=1) > 0 else float("nan")
    pos = float(np.mean(d > 0))
    ok = z >= 3 and d.mean() >= 0.25 and pos >= 0.75
    return dict(ok=bool(ok), d=float(d.mean()), z=float(z), t=float(t), pos=pos, n=int(d.size), r1=r1)


def stair_stat(value, epoch, frac):
    """Stair-step: the change across each boundary (first 20 % of epoch e minus last 20 % of epoch e-1) against the
    changes between neighbouring 20 % segments inside epochs (the trend over the same distance)."""
    seg = {}
    for e in np.unique(epoch):
        idx = np.flatnonzero(epoch == e)
        if frac[idx].max() < 0.9:
            continue
        s = np.minimum((frac[idx] * 5).astype(int), 4)
        if len(set(s)) < 5:
            return None
        seg[e] = [value[idx[s == k]].mean() for k in range(5)]
    es = sorted(seg)
    within = [seg[e][k + 1] - seg[e][k] for e in es for k in range(4)]
    across = [seg[e][0] - seg[e - 1][4] for e in es if e - 1 in seg]
    if len(across) < 2 or len(within) < 8:
        return None
    a, w = np.array(across), np.array(within)
    se = math.sqrt(a.var(ddof=1) / a.size + w.var(ddof=1) / w.size) if a.size > 1 else float("nan")
    t = (a.mean() - w.mean()) / se if se > 0 else 0.0
    below = float(np.mean(a < np.median(w)))
    return dict(ok=bool(t <= -3 and below >= 0.75), t=float(t), across=float(a.mean()), within=float(w.mean()),
                below=below, n=int(a.size))


def fixed_order_stat(res, epoch, pos, every):
    grids = {}
    for e in np.unique(epoch):
        if e < 1:
            continue
        idx = np.flatnonzero(epoch == e)
        g = {}
        for i in idx:
            g.setdefault(int(pos[i] // every), []).append(res[i])
        keys = sorted(g)
        x = np.array([np.mean(g[k]) for k in keys])
        if x.size < 12:
            continue
        kernel = np.ones(9) / 9
        smooth = np.convolve(np.pad(x, 4, mode="edge"), kernel, mode="valid")
        grids[e] = dict(zip(keys, x - smooth))
    es = sorted(grids)
    rs, npos = [], []
    for e0, e1 in zip(es, es[1:]):
        common = sorted(set(grids[e0]) & set(grids[e1]))
        if len(common) < 12:
            continue
        a = np.array([grids[e0][k] for k in common])
        b = np.array([grids[e1][k] for k in common])
        if a.std() == 0 or b.std() == 0:
            continue
        rs.append(float(np.corrcoef(a, b)[0, 1]))
        npos.append(len(common))
    if not rs:
        return None
    r = float(np.mean(rs))
    z = r * math.sqrt(float(np.mean(npos)))
    return dict(ok=bool(r >= 0.2 and z >= 4), r=r, z=z, pairs=len(rs), positions=int(np.mean(npos)))


def boundary_stat(res, epoch, scale, points_per_epoch):
    w = int(min(50, max(3, round(0.05 * points_per_epoch))))
    q = int(max(3, round(0.25 * points_per_epoch)))
    epochs = np.unique(epoch)
    first = 2 if epochs.size >= 4 else 1
    b, noise = [], []
    for e in epochs:
        if e < first:
            continue
        before = np.flatnonzero(epoch == e - 1)
        after = np.flatnonzero(epoch == e)
        if before.size < w or after.size < w:
            continue
        b.append((res[after[:w]].mean() - res[before[-w:]].mean()) / scale)
        if before.size >= q and after.size >= q:
            sa, sb = np.std(res[after[:q]]), np.std(res[before[-q:]])
            if sa > 0 and sb > 0:
                noise.append(math.log(sa / sb))
    if len(b) < 3:
        return dict(ok_rise=False, ok_change=False, b=float(np.mean(b)) if b else float("nan"), t=float("nan"),
                    noise=float("nan"), tn=float("nan"), n=len(b), w=w)

    def tstat(v):
        v = np.array(v)
        s = v.std(ddof=1)
        return float(v.mean() / (s / math.sqrt(v.size))) if s > 0 else float("inf") * np.sign(v.mean())

    t = tstat(b)
    tn = tstat(noise) if len(noise) >= 3 else float("nan")
    mb = float(np.mean(b))
    return dict(ok_rise=bool(t >= 3 and mb >= 0.3), ok_change=bool(abs(t) >= 3 or (not math.isnan(tn) and abs(tn) >= 3)),
                b=mb, t=t, noise=float(np.mean(noise)) if noise else float("nan"), tn=tn, n=len(b), w=w)


def running_mean_stat(value, epoch, frac, raw_scale, points_per_epoch):
    if points_per_epoch < MIN_POINTS_RUNNING_MEAN:
        return dict(ok=False, smooth=float("nan"), jump=float("nan"), points=points_per_epoch)
    inside, across = [], []
    for i in range(1, value.size):
        dv = abs(value[i] - value[i - 1])
        if epoch[i] != epoch[i - 1]:
            across.append(dv)
        elif frac[i] >= 0.25:
            inside.append(dv)
    if not inside or not across:
        return dict(ok=False, smooth=float("nan"), jump=float("nan"), points=points_per_epoch)
    mi = float(np.median(inside))
    smooth = mi / raw_scale
    jump = float(np.median(across)) / mi if mi > 0 else float("inf")
    return dict(ok=bool(smooth <= 0.2 and jump >= 5), smooth=smooth, jump=jump, points=points_per_epoch)


def edge_step_stat(value, epoch, which):
    z = []
    for e in np.unique(epoch):
        idx = np.flatnonzero(epoch == e)
        if which == "last":
            if idx.size < 21:
                continue
            ref, x = value[idx[-21:-1]], value[idx[-1]]
        else:
            if e < 1 or idx.size < 21:
                continue
            ref, x = value[idx[1:21]], value[idx[0]]
        s = rsd(ref)
        z.append((x - np.median(ref)) / s)
    if len(z) < 3:
        return None
    z = np.array(z)
    mz = float(np.median(z))
    same = float(np.mean(np.sign(z) == np.sign(mz)))
    level = abs(mz) >= 2 and same >= 0.8
    var = float(np.median(np.abs(z))) >= 1.6 and z.size >= 6
    return dict(ok=bool(level or var), median_z=mz, same_sign=same, median_abs_z=float(np.median(np.abs(z))), n=int(z.size))


def id_recency_stat(raw):
    """Batch-1 runs with ids: Spearman correlation of the per-item loss with the steps since the item was last seen."""
    if raw.get("batch") != 1:
        return None
    last, gaps, losses = {}, [], []
    for s, (ids, loss, e) in enumerate(zip(raw["ids"], raw["loss"], raw["epoch"])):
        i = ids[0]
        if e >= 1 and i in last:
            gaps.append(s - last[i])
            losses.append(loss)
        last[i] = s
    if len(gaps) < 50:
        return None
    gaps, losses = np.array(gaps, float), np.array(losses, float)
    # detrend the losses by their step: compare within blocks of one epoch
    rg = np.argsort(np.argsort(gaps)).astype(float)
    rl = np.argsort(np.argsort(losses)).astype(float)
    return float(np.corrcoef(rg, rl)[0, 1])


def label(run):
    """run: dict with logged (step, value, epoch, pos arrays), every (logging interval in steps), L (steps per
    epoch), raw (loss, epoch, pos, ids, batch), planted. Returns (expected, evidence, stats)."""
    lg = run["logged"]
    step, value, epoch, pos = (np.asarray(lg[k], dtype=float) for k in ("step", "value", "epoch", "pos"))
    epoch = epoch.astype(int)
    L, every, planted = run["L"], run["every"], run["planted"]
    frac = pos / L
    res = detrend(step, value, epoch)
    scale = rsd(res[epoch >= 1]) if np.any(epoch >= 1) else rsd(res)
    ppe = float(np.median(np.bincount(epoch)))
    raw = run["raw"]
    rstep = np.arange(len(raw["loss"]), dtype=float)
    rres = detrend(rstep, np.asarray(raw["loss"], float), np.asarray(raw["epoch"], int))
    raw_scale = rsd(rres[np.asarray(raw["epoch"]) >= 1])
    per_step = every == 1

    st = dict(
        recency=recency_stat(res, epoch, frac, scale),
        stair=stair_stat(value, epoch, frac),
        fixed=fixed_order_stat(res, epoch, pos, every),
        boundary=boundary_stat(res, epoch, scale, ppe),
        running=running_mean_stat(value, epoch, frac, raw_scale, ppe),
        last=edge_step_stat(value, epoch, "last") if per_step else None,
        first=edge_step_stat(value, epoch, "first") if per_step else None,
        ids=id_recency_stat(raw),
    )

    def rec_text():
        r = st["recency"]
        if r is None:
            return "sawtooth: no usable epochs"
        t = "" if math.isnan(r["t"]) else f", t={r['t']:.1f}"
        ids = f", item loss vs steps since seen rho={st['ids']:+.2f}" if st["ids"] is not None else ""
        return f"sawtooth last-minus-first 10% {r['d']:+.2f} rsd (z={r['z']:.1f}{t}, {100 * r['pos']:.0f}% of {r['n']} epochs rising{ids})"

    def stair_text():
        r = st["stair"]
        if r is None:
            return "stair-step: too few epochs"
        return (f"stair-step boundary change {r['across']:+.3g} vs {r['within']:+.3g} inside (t={r['t']:.1f}, "
                f"{100 * r['below']:.0f}% of {r['n']} boundaries)")

    def fixed_text():
        f = st["fixed"]
        return "profile: no comparable epochs" if f is None else \
            f"per-position profile r={f['r']:+.2f} between epochs (z={f['z']:.1f}, {f['positions']} positions)"

    def boundary_text(noise=True):
        b = st["boundary"]
        t = "too few to test" if math.isnan(b["t"]) else f"t={b['t']:.1f}"
        text = f"after-minus-before boundary {b['b']:+.2f} rsd ({t}, {b['n']} boundaries, w={b['w']})"
        return text + ("" if math.isnan(b["tn"]) or not noise else f", noise log-ratio {b['noise']:+.2f} (t={b['tn']:.1f})")

    def running_text():
        r = st["running"]
        if math.isnan(r["smooth"]):
            return f"only {r['points']:.0f} logged points per epoch (< {MIN_POINTS_RUNNING_MEAN})"
        return f"within-epoch change {r['smooth']:.3f} raw-loss rsd, boundary jump {r['jump']:.0f}x it ({r['points']:.0f} points/epoch)"

    def edge_text(which):
        e = st[which]
        if e is None:
            return f"{which} step: log does not hold every step" if not per_step else f"{which} step: too few epochs"
        return f"{which} step z median {e['median_z']:+.1f} ({100 * e['same_sign']:.0f}% same sign, median |z| {e['median_abs_z']:.1f}, {e['n']} epochs)"

    def measurable(cause):
        if cause == "recency":
            saw = st["recency"] is not None and st["recency"]["ok"]
            stair = st["stair"] is not None and st["stair"]["ok"]
            parts = [rec_text(), stair_text()]
            if stair and not saw:
                parts.reverse()
            return saw or stair, "; ".join(parts)
        if cause == "fixed-order":
            return st["fixed"] is not None and st["fixed"]["ok"], fixed_text()
        if cause in ("optimizer-reset", "state-reload"):
            return st["boundary"]["ok_rise"], boundary_text(noise=False)
        if cause == "lr-schedule":
            return st["boundary"]["ok_change"], boundary_text()
        if cause == "running-mean-logging":
            return st["running"]["ok"], running_text()
        if cause == "partial-last-batch":
            return st["last"] is not None and st["last"]["ok"], edge_text("last")
        if cause == "grad-accumulation-leftover":
            last_ok = st["last"] is not None and st["last"]["ok"]
            first_ok = st["first"] is not None and st["first"]["ok"]
            if last_ok and not first_ok:
                return True, edge_text("last")
            if first_ok and not last_ok:
                return True, edge_text("first")
            return last_ok or first_ok, edge_text("last") + "; " + edge_text("first")
        raise ValueError(cause)

    if planted != "none":
        ok, text = measurable(planted)
        if ok:
            extra = ""
            if planted != "recency" and measurable("recency")[0]:
                extra = " (recency also measurable: " + measurable("recency")[1] + ")"
            return planted, f"{text}{extra}", st
        rok, rtext = measurable("recency")
        if rok:
            return "recency", f"planted {planted} not measurable ({text}) but recency is: {rtext}", st
        return "none", f"planted {planted} not measurable: {text}", st
    rok, rtext = measurable("recency")
    if rok:
        return "recency", f"nothing planted but memorisation shows: {rtext}", st
    return "none", f"nothing measurable: {rtext}; {fixed_text()}; {boundary_text(noise=False)}", st
