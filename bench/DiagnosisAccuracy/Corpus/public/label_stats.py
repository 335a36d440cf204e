#!/usr/bin/python3
"""Independent statistics for labelling the public logs (does not use EpochLens).

Usage: /usr/bin/python3 label_stats.py [short-name ...]     (run from any directory; needs numpy and pandas;
       PLOT_DIR=dir also draws each series with its boundaries, which needs matplotlib)

For every log in LOGS it extracts the training-loss series (x = step in the log's own step units) and the
epoch boundaries (from the log's epoch column / counter, or from a steps-per-epoch worked out from the log),
then prints:
  * n, epochs, points per epoch (ppe), the noise scale sigma = 1.4826 * MAD(diff(y)) / sqrt(2) (robust SD of
    the per-point noise from step-to-step changes);
  * jump: residual mean over the W points just after each boundary minus the W points just before, in units of
    sigma, where the residual is the loss minus a centred moving average one epoch long (which removes any
    epoch-periodic part from the trend and leaves it in the residual); W = max(2, ppe // 10);
    reported as the mean over boundaries, the fraction of boundaries with a drop (jump < 0), and t = mean /
    (sd of the mean of W-point differences under pure noise: sqrt(2 / W) / sqrt(n_boundaries));
  * rise: within-epoch slope of the residual from the first to the last tenth of each epoch, in sigma (recency
    rises through the epoch); prof_r: mean correlation between the binned residual profiles of consecutive
    epochs (near 1 when the within-epoch shape repeats);
  * rm: running-mean check: median |diff| in the first fifth of each epoch over the last fifth (a running mean
    reset each epoch gives ratios well above 3, shrinking like 1/k), rm_frac3 the fraction of epochs with a
    ratio >= 3, and smooth = median |diff| over the 10-90 % spread of the values within an epoch (median over
    epochs; a running mean is smooth, well under 0.3);
  * spe: the epoch length in the log's step units, as the loader found it;
  * lr_jump: when a learning rate is logged, the largest relative lr change at a boundary over the median
    relative change between neighbouring points inside the two epochs next to that boundary;
    with lr_step_boundaries (boundaries where the lr changes by > 1 % and > 5x the median change inside the two
    epochs next to the boundary, so that a warm-up or decay ramp is not a step) and the mean jump
    there (jump_at_lr_steps) against the other boundaries (jump_elsewhere), and the epoch-scale level change
    (median of the first half of the new epoch minus median of the last half of the old one, raw loss, in sigma)
    at those boundaries and elsewhere (level_at_lr_steps, level_elsewhere);
  * spikes: points whose residual exceeds 6 sigma, and how many of them sit within W points of a boundary.

A name with a suffix (text-wsdan-averagemeter:current) reads a second series from the same file.

Decision rules (applied by hand in labels.csv; a cause needs at least 2 boundaries measured, nb >= 2; the
running-mean signature is checked first, since it makes the other statistics describe the logger):
  recency              : mean jump <= -0.5 sigma, a drop at >= 70 % of the boundaries, t <= -3, no running-mean
                         signature, no lr step at the boundaries (lr_jump < 5)
  running-mean-logging : the running-mean signature: rm ratio >= 3 in most epochs (rm_frac3 >= 0.5) and smooth < 0.3,
                         with a jump at the boundaries (|t| >= 3)
  lr-schedule          : lr steps at boundaries (lr_jump >= 5) and the loss responds there: the largest epoch-scale
                         level drop of all boundaries is at an lr step and is >= 2 sigma
  none                 : |mean jump| < 0.5 sigma or |t| < 2, and prof_r < 0.3, and no running-mean signature
  unclear              : anything else (a significant but weak or inconsistent jump, a within-epoch shape that
                         repeats without a boundary jump, a single boundary, a degenerate series)
"""
import gzip
import io
import json
import math
import os
import re
import struct
import sys
import warnings

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))


def read_bytes(path):
    with open(path, 'rb') as f:
        b = f.read()
    return gzip.decompress(b) if b[:2] == b'\x1f\x8b' else b


def read_text(path):
    return read_bytes(path).decode('utf8', 'replace')


# ---------------------------------------------------------------- loaders: each returns dict(x, y, bounds, lr)

def boundaries_from_epoch(x, ep):
    """Steps where the integer part of the epoch counter increases (first point of the new epoch)."""
    x = np.asarray(x, float)
    ep = np.asarray(ep, float)
    b = []
    k = np.floor(ep + 1e-9)
    for i in range(1, len(x)):
        if k[i] > k[i - 1]:
            b.append(x[i])
    return b


def boundaries_from_spe(x, spe):
    x = np.asarray(x, float)
    n = int(math.floor((x.max() - 1e-9) / spe))
    return [spe * k for k in range(1, n + 1) if spe * k > x.min()]


def load_trainer_state(path, metric='loss', spe=None):
    j = json.loads(read_bytes(path))
    rows = [e for e in j['log_history'] if metric in e and 'step' in e]
    x = np.array([e['step'] for e in rows], float)
    y = np.array([e[metric] for e in rows], float)
    lr = np.array([e.get('learning_rate', np.nan) for e in rows], float)
    if spe is None:
        ms, ne = j.get('max_steps'), j.get('num_train_epochs')
        if ms and ne and j.get('epoch') and abs(j['epoch'] - ne) < 0.05:
            spe = ms / ne
        else:
            spe = j['global_step'] / j['epoch']
    # the first logged step of each epoch: boundary at k*spe (the step counter of the first update of epoch k+1 is
    # k*spe + 1; logged points with step > k*spe belong to the new epoch)
    b = [k * spe + 0.5 for k in range(1, int(math.floor(x.max() / spe + 1e-9)) + 1) if k * spe + 0.5 < x.max()]
    ep = np.array([e.get('epoch', np.nan) for e in rows], float)
    if np.isfinite(ep).all() and np.any(np.abs(ep * 100 - np.round(ep * 100)) > 1e-6):
        # unrounded epoch values (newer transformers): the epoch boundaries are where floor(epoch) increases
        # (a point logged at epoch == k exactly is the last update of epoch k, so the new epoch starts after it)
        b = boundaries_from_epoch(x, ep - 1e-6)
    return dict(x=x, y=y, bounds=b, lr=lr, spe=spe)


def load_metrics_csv(path, metric, epoch_col='epoch', step_col='step', lr_col=None):
    df = pd.read_csv(io.BytesIO(read_bytes(path)))
    d = df[df[metric].notna()]
    x = d[step_col].to_numpy(float)
    y = d[metric].to_numpy(float)
    b = boundaries_from_epoch(x, d[epoch_col].to_numpy(float))
    lr = None
    if lr_col and lr_col in df.columns:
        lrs = df[df[lr_col].notna()]
        lr = np.interp(x, lrs[step_col].to_numpy(float), lrs[lr_col].to_numpy(float))
    return dict(x=x, y=y, bounds=b, lr=lr)


def tf_events(path):
    """Minimal TFRecord + Event protobuf reader -> list of (step, tag, value)."""
    data = read_bytes(path)

    def varint(b, i):
        r = s = 0
        while True:
            c = b[i]
            i += 1
            r |= (c & 0x7F) << s
            s += 7
            if c < 0x80:
                return r, i

    def fields(b):
        i = 0
        while i < len(b):
            k, i = varint(b, i)
            f, t = k >> 3, k & 7
            if t == 0:
                v, i = varint(b, i)
            elif t == 1:
                v, i = b[i:i + 8], i + 8
            elif t == 5:
                v, i = b[i:i + 4], i + 4
            elif t == 2:
                n, i = varint(b, i)
                v, i = b[i:i + n], i + n
            else:
                raise ValueError('wire type %d' % t)
            yield f, t, v

    out, i = [], 0
    while i + 12 <= len(data):
        n = struct.unpack('<Q', data[i:i + 8])[0]
        rec = data[i + 12:i + 12 + n]
        i += 12 + n + 4
        step, summ = 0, None
        for f, t, v in fields(rec):
            if f == 2 and t == 0:
                step = v
            elif f == 5 and t == 2:
                summ = v
        if summ is None:
            continue
        for f, t, v in fields(summ):
            if f != 1 or t != 2:
                continue
            tag = val = None
            for f2, t2, v2 in fields(v):
                if f2 == 1 and t2 == 2:
                    tag = v2.decode('utf8', 'replace')
                elif f2 == 2 and t2 == 5:
                    val = struct.unpack('<f', v2)[0]
                elif f2 == 8 and t2 == 2:
                    for f3, t3, v3 in fields(v2):
                        if f3 == 5 and t3 == 2 and len(v3) == 4:
                            val = struct.unpack('<f', v3)[0]
                        elif f3 == 5 and t3 == 5:
                            val = struct.unpack('<f', v3)[0]
            if tag is not None and val is not None:
                out.append((step, tag, val))
    return out


def load_tfevents(path, metric, epoch_tag='epoch', spe=None, lr_tag=None, fractional_epoch=False):
    ev = tf_events(path)
    s = sorted({st: v for st, t, v in ev if t == metric}.items())
    x = np.array([a for a, _ in s], float)
    y = np.array([b for _, b in s], float)
    if spe:
        b = boundaries_from_spe(x, spe)
    else:
        e = sorted({st: v for st, t, v in ev if t == epoch_tag}.items())
        ex, ev_ = np.array([a for a, _ in e], float), np.array([b for _, b in e], float)
        ep = ev_[np.searchsorted(ex, x, side='right') - 1]
        # Hugging Face's train/epoch is fractional: a point at epoch == k exactly is the last of epoch k
        b = boundaries_from_epoch(x, ep - 1e-6 if fractional_epoch else ep)
    lr = None
    if lr_tag:
        l = sorted({st: v for st, t, v in ev if t == lr_tag}.items())
        lr = np.interp(x, [a for a, _ in l], [b for _, b in l])
    return dict(x=x, y=y, bounds=b, lr=lr)


def load_regex(path, line_re, epoch_group='epoch', step_group=None, loss_group='loss', steps_per_epoch=None,
               epoch_header=None, lr_group=None, counter_reset=False, last_run=False):
    """Printed logs. line_re matches a loss line; the epoch comes from a group of the same line or from the last
    epoch_header match before it; the step is a global counter, a within-epoch counter (step_group with
    steps_per_epoch) or the line index. last_run keeps only the lines after the last time the epoch went back (a
    file holding an aborted start and then the full run)."""
    rx, hx = re.compile(line_re), re.compile(epoch_header) if epoch_header else None
    ep_cur, xs, ys, eps, lrs, last_i = 0, [], [], [], [], None
    for line in re.split(r'[\r\n\x08]+', read_text(path)):
        if hx:
            m = hx.search(line)
            if m:
                ep_cur = int(m.group(1))
                continue
        m = rx.search(line)
        if not m:
            continue
        gd = m.groupdict()
        if counter_reset:  # a new epoch whenever the within-epoch counter goes back
            i_now = float(gd[step_group])
            if last_i is not None and i_now < last_i:
                ep_cur += 1
            last_i = i_now
        ep = int(gd[epoch_group]) if epoch_group in gd and gd[epoch_group] is not None else ep_cur
        if last_run and eps and ep < eps[-1]:
            xs, ys, eps, lrs = [], [], [], []
        if step_group and steps_per_epoch:
            x = ep * steps_per_epoch + float(gd[step_group])
        elif step_group:
            x = float(gd[step_group])
        else:
            x = len(xs)
        xs.append(x)
        ys.append(float(gd[loss_group]))
        eps.append(ep)
        lrs.append(float(gd[lr_group]) if lr_group else np.nan)
    x, y = np.array(xs, float), np.array(ys, float)
    if not (counter_reset or epoch_group in rx.groupindex or hx):
        raise ValueError('no epoch information')
    if not step_group:
        x = np.arange(len(x), dtype=float)
    b = boundaries_from_epoch(x, np.array(eps, float))
    return dict(x=x, y=y, bounds=b, lr=np.array(lrs) if lr_group else None)


def load_hf_printed(path, logging_steps, spe):
    """Hugging Face Trainer logs printed as Python dicts ({'loss': x, 'learning_rate': l, 'epoch': e}); the n-th
    such line is step n * logging_steps; boundaries from the steps per epoch."""
    rx = re.compile(r"\{'loss': (?P<loss>[-\d.eE+]+), 'learning_rate': (?P<lr>[-\d.eE+]+), 'epoch': (?P<ep>[\d.]+)\}")
    ms = [m for m in rx.finditer(read_text(path))]
    x = np.arange(1, len(ms) + 1, dtype=float) * logging_steps
    y = np.array([float(m['loss']) for m in ms])
    lr = np.array([float(m['lr']) for m in ms])
    return dict(x=x, y=y, bounds=[k * spe + 0.5 for k in range(1, int(x.max() // spe) + 1) if k * spe + 0.5 < x.max()], lr=lr)


# ---------------------------------------------------------------- the logs

KERAS_LINE = r'^\W*(?P<i>\d+)/(?P<n>\d+) \[[=>.]*\] - .*?\bloss: (?P<loss>[-+\d.eE]+)'
LOGS = {
    'hf-t5-summarization': ('trainer_state.json', load_trainer_state, {}),
    'hf-codebert-tactics-10ep': ('trainer_state.json', load_trainer_state, {}),
    'hf-alpaca-7b-3ep': ('trainer_state.json', load_trainer_state, {}),
    'hf-lora-alpaca-3ep': ('trainer_state.json', load_trainer_state, {}),
    'hf-text-simplification-10ep': ('trainer_state.json', load_trainer_state, {}),
    'hf-star-3ep': ('trainer_state.json.gz', load_trainer_state, {}),
    'hf-mt5-azerbaijani': ('trainer_state.json', load_trainer_state, {}),
    'hf-llm-finetune-15ep': ('trainer_state.json.gz', load_trainer_state, {}),
    'hf-bert2bert-liputan6-2ep': ('trainer_state.json.gz', load_trainer_state, {}),
    'hf-smolvlm-endoscopy-3ep': ('trainer_state.json', load_trainer_state, {}),
    'lightning-slm-14ep': ('metrics.csv', load_metrics_csv, dict(metric='train_loss_step')),
    'lightning-mnist-10ep': ('metrics.csv', load_metrics_csv, dict(metric='train_loss_step')),
    'tb-fashion-mnist-cnn-19ep': ('events.out.tfevents.1743424995.pythonproject', load_tfevents,
                                  dict(metric='train_loss')),
    'hf-bodywash-nlp-3ep': ('trainer_state.json', load_trainer_state, {}),
    'hf-palm-5ep': ('trainer_state.json', load_trainer_state, {}),
    'hf-trocr-fractions-13ep': ('trainer_state.json', load_trainer_state, {}),
    'tb-hf-hate-speech': ('events.out.tfevents.1745562684.LAPTOP-QND4BJ3N.5844.0', load_tfevents,
                          dict(metric='train/loss', epoch_tag='train/epoch', lr_tag='train/learning_rate',
                               fractional_epoch=True)),
    'mmdet-cascade-rcnn-road-r101': ('customized_result.py', load_regex, dict(
        line_re=r'Epoch \[(?P<epoch>\d+)\]\[(?P<i>\d+)/962\]\s+lr: (?P<lr>[\d.e+-]+),.*\sloss: (?P<loss>[\d.]+)$',
        step_group='i', steps_per_epoch=962, lr_group='lr')),
    'mmdet-cascade-rcnn-road-r50': ('Result_Cascade_RCNN.py', load_regex, dict(
        line_re=r'Epoch \[(?P<epoch>\d+)\]\[(?P<i>\d+)/962\]\s+lr: (?P<lr>[\d.e+-]+),.*\sloss: (?P<loss>[\d.]+)$',
        step_group='i', steps_per_epoch=962, lr_group='lr')),
    'text-hf-printed-lora-alpaca': ('record.log', load_hf_printed, dict(logging_steps=10, spe=406)),
    'text-segmentation-averagemeter': ('train_new.log', load_regex, dict(
        line_re=r'^Epoch: \[(?P<epoch>\d+)/\d+\] Iter:\[(?P<i>\d+)/247\], Time: [\d.]+, lr: \[(?P<lr>[\d.e+-]+)\], Loss: (?P<loss>[\d.]+)',
        step_group='i', steps_per_epoch=247, lr_group='lr')),
    'lightning-slm-10ep': ('metrics.csv', load_metrics_csv, dict(metric='train_loss_step')),
    'lightning-fashion-mnist-14ep': ('metrics.csv', load_metrics_csv, dict(metric='train_loss')),
    'lightning-cv-image-6ep': ('metrics.csv', load_metrics_csv, dict(metric='train_loss')),
    'tb-fashion-mnist-lightning': ('events.out.tfevents.1679944252.LAPTOP-OB7OKTBA.7812.1', load_tfevents,
                                   dict(metric='train_loss')),
    'text-t5-finetune-20ep': ('train.log.gz', load_regex,
                              dict(line_re=r'Epoch (?P<epoch>\d+) - Batch loss: (?P<loss>[\d.]+)')),
    'text-dsfd-face': ('train.log.gz', load_regex,
                       dict(line_re=r'epoch:(?P<epoch>\d+) \|\| iter:(?P<it>\d+) \|\| Loss:(?P<loss>[\d.]+)',
                            step_group='it')),
    'text-wsdan-averagemeter': ('train.log.gz', load_regex,
                                dict(line_re=r'^Epoch: \[(?P<epoch>\d+)\]\[(?P<i>\d+)/250\]\s.*?Loss (?P<cur>[\d.]+) \((?P<loss>[\d.]+)\)',
                                     step_group='i', steps_per_epoch=250)),
    'text-wsdan-averagemeter:current': ('train.log.gz', load_regex,
                                        dict(line_re=r'^Epoch: \[(?P<epoch>\d+)\]\[(?P<i>\d+)/250\]\s.*?Loss (?P<loss>[\d.]+) \((?P<avg>[\d.]+)\)',
                                             step_group='i', steps_per_epoch=250)),
    'text-gpt2-finetune': ('train.log', load_regex,
                           dict(line_re=r'Epoch (?P<epoch>\d+) \| Step +(?P<i>\d+)/(?P<n>\d+) \| Loss: (?P<loss>[\d.]+) .*?LR: (?P<lr>[\d.e+-]+)',
                                step_group='i', steps_per_epoch=6501, lr_group='lr')),
    'text-catvsdog-resnet': ('resnet.log.gz', load_regex,
                             dict(line_re=r'train --- Current batch:(?P<i>\d+)/1600\s+loss:\[\s*(?P<loss>[\d.eE+-]+)\]',
                                  counter_reset=True, step_group='i', steps_per_epoch=1600)),
    'keras-mnist-rmarkdown': ('convulation_networks_tensorflow_inPython_from_R.md', load_regex,
                              dict(line_re=KERAS_LINE, epoch_header=r'Epoch (\d+)/\d+', step_group='i',
                                   steps_per_epoch=1875)),
    'hf-chatglm2-lora-25ep': ('trainer_state.json', load_trainer_state, {}),
    'tb-lightning-lstm-textgen-29ep': ('events.out.tfevents.1716735746.99c8c45923de.3769.0.gz', load_tfevents,
                                       dict(metric='train_loss')),
    'tb-lightning-contrastive-100ep': ('events.out.tfevents.1713773043.carls-gaming-linux.286970.0.gz', load_tfevents,
                                      dict(metric='train_loss')),
    'text-mnist-example-readme-20ep': ('README.md', load_regex, dict(
        line_re=r'Train Epoch: (?P<epoch>\d+) \[(?P<i>\d+)/9024 \(\d+%\)\]\s+Loss: (?P<loss>[\d.]+)',
        step_group='i', steps_per_epoch=9024)),
    'text-pon56g-in-py-4ep': ('pon56gDemoNNTrainingOutput_s.py', load_regex, dict(
        line_re=r'epoch (?P<epoch>\d+)-(?P<i>\d+), loss: (?P<loss>[\d.]+)')),
    'text-yolox-voc-300ep': ('train_log.txt.gz', load_regex, dict(
        line_re=r'epoch: (?P<epoch>\d+)/300, iter: (?P<i>\d+)/47, .*total_loss: (?P<loss>[\d.]+),.* lr: (?P<lr>[\d.e+-]+),',
        step_group='i', steps_per_epoch=47, lr_group='lr', last_run=True)),
    'text-csra-paddle-30ep': ('train.log', load_regex, dict(
        line_re=r'^Epoch (?P<epoch>\d+)\[(?P<i>\d+)/5011\]: loss:(?P<loss>[\d.]+), lr:(?P<lr>[\d.]+)',
        step_group='i', steps_per_epoch=5011, lr_group='lr')),
    'text-dl4j-yelp-bilstm-4ep': ('train.log', load_regex, dict(
        line_re=r'Score at iteration (?P<i>\d+) is (?P<loss>[\d.eE+-]+)', step_group='i',
        epoch_header=r'Starting evaluation nr\. (\d+)')),
    'text-liveness-runningmean-42ep': ('train.log', load_regex, dict(
        line_re=r'^Epoch: (?P<epoch>\d+)\| train loss: (?P<loss>[\d.eE+-]+)')),
    'text-js-string-10ep': ('readFile.js', load_regex, dict(
        line_re=r"'Epoch: +(?P<epoch>\d+) step: +(?P<i>\d+) loss: (?P<loss>[\d.]+)", step_group='i', steps_per_epoch=50)),
    'text-fastscnn-silicon-200ep': ('train.log.gz', load_regex, dict(
        line_re=r'Epoch: \[ *(?P<epoch>\d+)/200\] Iter \[ *(?P<i>\d+)/1487\] \|\| Time: [\d.]+ sec \|\| lr: (?P<lr>[\d.]+) \|\| Loss: (?P<loss>[\d.]+)',
        step_group='i', steps_per_epoch=1487, lr_group='lr')),
    'text-transformer-tmux-runningmean': ('training_log.txt', load_regex, dict(
        line_re=r'Epoch: +(?P<epoch>\d+) \| Batch: +(?P<i>\d+)/ *1330 \| LR: (?P<lr>[\d.e+-]+) \|Loss: (?P<loss>[\d.]+)',
        step_group='i', steps_per_epoch=1330, lr_group='lr')),
    'text-cvnd-captioning-3ep': ('training_log.txt.gz', load_regex, dict(
        line_re=r'Epoch \[(?P<epoch>\d+)/3\], Step \[(?P<i>\d+)/6471\], Loss: (?P<loss>[\d.]+)', step_group='i', steps_per_epoch=6471)),
}


# ---------------------------------------------------------------- statistics

def stats(d):
    x, y, bounds = d['x'], d['y'], np.asarray(d['bounds'], float)
    ok = np.isfinite(y)
    x, y = x[ok], y[ok]
    lr = d.get('lr')
    lr = lr[ok] if lr is not None else None
    n = len(y)
    idx = np.searchsorted(x, bounds, side='left')  # index of the first point of each new epoch
    starts = np.concatenate([[0], idx, [n]])
    lens = np.diff(starts)
    full = lens[1:-1] if len(lens) > 2 else lens
    ppe = int(np.median(full)) if len(full) else n
    dy = np.diff(y)
    sigma = 1.4826 * np.median(np.abs(dy - np.median(dy))) / math.sqrt(2)
    if sigma <= 0:
        sigma = np.std(dy) / math.sqrt(2) or 1e-12
    P = max(3, ppe)
    ma = pd.Series(y).rolling(P, center=True, min_periods=P).mean().to_numpy()
    r = y - ma
    W = max(2, ppe // 10)
    jumps, jidx = [], []
    for i in idx:
        a, b_ = r[i:i + W], r[i - W:i]
        if i - W < 0 or i + W > n or np.isnan(a).any() or np.isnan(b_).any():
            continue
        jumps.append((a.mean() - b_.mean()) / sigma)
        jidx.append(i)
    jumps = np.array(jumps)
    res = dict(n=n, epochs=len(bounds) + 1, ppe=ppe, W=W, sigma=sigma, nb=len(jumps))
    # the epoch length in the log's own step units
    res['spe'] = float(np.median(np.diff(bounds))) if len(bounds) > 1 else (d.get('spe') or (float(bounds[0]) if len(bounds) else float('nan')))
    if d.get('spe'):
        res['spe'] = float(d['spe']) if len(bounds) <= 1 else res['spe']
    if len(jumps):
        res['jump'] = jumps.mean()
        res['jump_med'] = float(np.median(jumps))
        res['drop_frac'] = float((jumps < 0).mean())
        res['t'] = jumps.mean() / (math.sqrt(2.0 / W) / math.sqrt(len(jumps)))
        res['jumps'] = ' '.join(f'{j:.2g}' for j in jumps)
    # within-epoch rise and profile correlation over the full epochs
    rises, profs = [], []
    nbins = max(3, min(20, ppe // 3))
    for e in range(len(starts) - 1):
        s, t_ = starts[e], starts[e + 1]
        if t_ - s < max(6, 0.8 * ppe) or e == 0 and len(starts) > 2 and t_ - s < 0.8 * ppe:
            continue
        seg = r[s:t_]
        if np.isnan(seg).mean() > 0.5:
            profs.append(None)
            continue
        k = max(1, (t_ - s) // 10)
        rises.append((np.nanmean(seg[-k:]) - np.nanmean(seg[:k])) / sigma)
        bins = np.array_split(np.arange(t_ - s), nbins)
        profs.append(np.array([np.nanmean(seg[bb]) if len(bb) else np.nan for bb in bins]))
    rs = []
    for a, b_ in zip(profs, profs[1:]):
        if a is None or b_ is None:
            continue
        m = np.isfinite(a) & np.isfinite(b_)
        if m.sum() >= 3 and np.std(a[m]) > 0 and np.std(b_[m]) > 0:
            rs.append(np.corrcoef(a[m], b_[m])[0, 1])
    res['rise'] = float(np.nanmean(rises)) if rises else float('nan')
    res['prof_r'] = float(np.mean(rs)) if rs else float('nan')
    # running-mean check
    ratios, smooth = [], []
    for e in range(len(starts) - 1):
        s, t_ = starts[e], starts[e + 1]
        if t_ - s < 10:
            continue
        seg = y[s:t_]
        dd = np.abs(np.diff(seg))
        q = max(2, len(dd) // 5)
        last = np.median(dd[-q:])
        ratios.append(np.median(dd[:q]) / last if last > 0 else np.inf)
        spread = np.percentile(seg, 90) - np.percentile(seg, 10)
        smooth.append(np.median(dd) / spread if spread > 0 else np.nan)
    res['rm_ratio'] = float(np.median(ratios)) if ratios else float('nan')
    res['rm_frac3'] = float(np.mean(np.array(ratios) >= 3)) if ratios else float('nan')
    res['smooth'] = float(np.nanmedian(smooth)) if smooth else float('nan')
    # lr at the boundaries
    if lr is not None and np.isfinite(lr).sum() > 10:
        rel = np.abs(np.diff(lr)) / np.maximum(np.abs(lr[:-1]), 1e-30)
        inside = np.ones(len(rel), bool)
        for i in idx:
            if 0 < i <= len(rel):
                inside[i - 1] = False
        med = np.nanmedian(rel[inside]) if inside.any() else np.nan
        # (against the median change inside the two epochs next to each boundary, so that a warm-up or decay ramp
        # is not a step)
        def local_med(i):
            k = int(np.searchsorted(idx, i))
            lo = idx[k - 1] if k >= 1 else 0
            hi = idx[k + 1] if k + 1 < len(idx) else len(rel) + 1
            m = np.nanmedian(np.r_[rel[lo:i - 1], rel[i:hi - 1]]) if hi - lo > 3 else med
            return m
        ratios_lr = []
        for i in idx:
            if 0 < i <= len(rel):
                m = local_med(i)
                ratios_lr.append(rel[i - 1] / m if m > 0 else (float('inf') if rel[i - 1] > 0 else 0.0))
        res['lr_jump'] = float(np.nanmax(ratios_lr)) if ratios_lr else 0.0
        steps_at = [k for k, i in enumerate(jidx) if 0 < i <= len(rel) and rel[i - 1] > 0.01 and rel[i - 1] > 5 * local_med(i)]
        if steps_at:
            res['lr_step_boundaries'] = len(steps_at)
            res['jump_at_lr_steps'] = float(np.mean(jumps[steps_at]))
            others = [k for k in range(len(jumps)) if k not in steps_at]
            if others:
                res['jump_elsewhere'] = float(np.mean(jumps[others]))
            # epoch-scale level change: median of the first half of the new epoch minus median of the last half of
            # the old one, raw loss, in sigma
            h = max(2, ppe // 2)
            lev = [(np.median(y[i:i + h]) - np.median(y[max(0, i - h):i])) / sigma for i in jidx]
            res['level_at_lr_steps'] = float(np.mean([lev[k] for k in steps_at]))
            res['largest_level_drop_at_lr_step'] = bool(int(np.argmin(lev)) in steps_at)
            res['levels'] = ' '.join(f'{v:.2g}' for v in lev)
            if others:
                res['level_elsewhere'] = float(np.mean([lev[k] for k in others]))
    # spikes
    z = r / sigma
    sp = np.where(np.abs(np.nan_to_num(z)) > 6)[0]
    near = sum(1 for i in sp if np.min(np.abs(idx - i)) <= W) if len(idx) else 0
    res['spikes'] = len(sp)
    res['spikes_at_boundary'] = near
    return res


def fmt(v):
    if isinstance(v, float):
        return f'{v:.3g}'
    return str(v)


def plot(name, d, out):
    import matplotlib
    matplotlib.use('Agg')
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(14, 4))
    ax.plot(d['x'], d['y'], lw=0.6)
    for b in d['bounds']:
        ax.axvline(b, color='r', lw=0.5)
    ax.set_title(name)
    fig.savefig(out, dpi=70, bbox_inches='tight')
    plt.close(fig)


def main(names):
    plot_dir = os.environ.get('PLOT_DIR')
    keys = ['n', 'epochs', 'spe', 'ppe', 'W', 'sigma', 'nb', 'jump', 'jump_med', 'drop_frac', 't', 'rise', 'prof_r',
            'rm_ratio', 'rm_frac3', 'smooth', 'lr_jump', 'lr_step_boundaries', 'jump_at_lr_steps', 'jump_elsewhere',
            'level_at_lr_steps', 'level_elsewhere', 'largest_level_drop_at_lr_step',
            'spikes', 'spikes_at_boundary']
    if os.environ.get('VERBOSE'):
        keys += ['jumps', 'levels']
    for name in names or LOGS:
        fn, loader, kw = LOGS[name]
        path = os.path.join(HERE, name.split(':')[0], fn)
        try:
            d = loader(path, **kw)
            s = stats(d)
            if plot_dir:
                plot(name, d, os.path.join(plot_dir, name.replace(':', '_') + '.png'))
            print(name, ' '.join(f'{k}={fmt(s[k])}' for k in keys if k in s))
        except Exception as e:  # keep going over the others
            print(name, 'ERROR', type(e).__name__, e)


if __name__ == '__main__':
    warnings.simplefilter('ignore', RuntimeWarning)  # nan means of short or empty epochs
    main(sys.argv[1:])
