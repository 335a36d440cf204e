"""EpochLens telemetry from a Python training loop: PyTorch, PyTorch Lightning, Hugging Face Trainer.

Writes the files `epochlens train` writes (steps.csv / steps.jsonl, epochs.csv / epochs.jsonl, run.json;
see the README's "Telemetry" section) so that `epochlens analyze RUN_FOLDER` reads them unchanged. Standard
library plus the torch you already have; copy this one file next to your training script.

Plain PyTorch loop, two lines:

    telemetry = TelemetryRecorder("runs/exp1", model, train_loader)   # before the loop
    ...
        optimizer.step()
        telemetry.step(loss, optimizer)                                # after optimizer.step()

Lightning: ``Trainer(callbacks=[EpochLensLightningCallback("runs/exp1")])``.
Hugging Face: ``Trainer(..., callbacks=[EpochLensHFCallback("runs/exp1")])``.

What each step row holds, and why, is the C# recorder's contract (src/EpochLens.Torch/Telemetry): the
loss, learning rate, the optimizer's own step count (it restarts when the optimizer is rebuilt), the batch
size and sample ids (read from the DataLoader's sampler, which the recorder wraps), and the gradient and
update norms on a schedule (every step near an epoch boundary, every 64th step elsewhere: each norm is a
full pass over the weights). Files are only appended to and flushed at least once a second, so a killed
run loses at most the last second.
"""

import atexit
import collections
import datetime
import functools
import json
import math
import os
import time

import torch

__version__ = "0.1.0"

STEP_COLUMNS = ("step", "epoch", "position", "batch_size", "loss", "logged_loss", "lr", "grad_norm",
                "update_norm", "optimizer_step", "sample_ids")
EPOCH_COLUMNS = ("epoch", "steps", "last_step", "train_loss", "heldout_loss", "heldout_accuracy")
FLUSH_SECONDS = 1.0
_MAX_PENDING = 1024


class NormSchedule:
    """The steps whose gradient and update norms are measured (as NormSchedule.cs).

    every: measure every this many global steps (0: only in the boundary windows).
    boundary_window: measure every step this close to the start or end of an epoch.
    """

    def __init__(self, every=64, boundary_window=32):
        self.every, self.boundary_window = every, boundary_window

    def measures(self, step, position, steps_per_epoch):
        return ((self.every > 0 and step % self.every == 0) or position < self.boundary_window
                or (steps_per_epoch is not None and position >= steps_per_epoch - self.boundary_window))

    def describe(self):
        if self.every == 1:
            return "every step"
        if self.every == 0:
            return "none" if self.boundary_window == 0 else f"every step within {self.boundary_window} of an epoch boundary"
        if self.boundary_window == 0:
            return f"every {self.every}th step"
        return f"every step within {self.boundary_window} of an epoch boundary, every {self.every}th step elsewhere"


NormSchedule.SAMPLED = NormSchedule(64, 32)
NormSchedule.EVERY_STEP = NormSchedule(1, 0)
NormSchedule.NEVER = NormSchedule(0, 0)


def _number(value):
    """A number as the telemetry files hold it: repr is the shortest text that reads back the same double."""
    value = float(value)
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return repr(value)


def _json(text):
    """A formatted number as JSON holds it: NaN and the infinities as strings (what System.Text.Json reads)."""
    return f'"{text}"' if text[-1] in "Ny" else text


def _json_number(value):
    return _json(_number(value))


class _Files:
    """The append-only telemetry files of one run folder."""

    def __init__(self, folder, fmt):
        os.makedirs(folder, exist_ok=True)
        self.folder = folder
        self.steps_csv = self.epochs_csv = self.steps_json = self.epochs_json = None
        if fmt in ("csv", "both"):
            self.steps_csv = self._open("steps.csv", ",".join(STEP_COLUMNS))
            self.epochs_csv = self._open("epochs.csv", ",".join(EPOCH_COLUMNS))
        if fmt in ("jsonl", "both"):
            self.steps_json = self._open("steps.jsonl", None)
            self.epochs_json = self._open("epochs.jsonl", None)
        self._last_flush = time.monotonic()

    def next_step(self):
        """One past the last step in the steps file already there (0 when there is none)."""
        f = self.steps_json or self.steps_csv
        path = f.name
        with open(path, "rb") as existing:
            existing.seek(0, os.SEEK_END)
            existing.seek(max(0, existing.tell() - 65536))
            lines = existing.read().split(b"\n")
        # The last complete line (a killed run may have left a partial one after it).
        for line in reversed(lines[:-1]):
            try:
                return int(json.loads(line)["step"]) + 1 if f is self.steps_json else int(line.split(b",")[0]) + 1
            except (ValueError, KeyError, IndexError, TypeError):
                continue
        return 0

    def _open(self, name, header):
        # Appending keeps what a resumed run wrote before; the reader lets a step that goes back supersede.
        f = open(os.path.join(self.folder, name), "a", encoding="utf-8", newline="\n", buffering=1 << 16)
        if header is not None and f.tell() == 0:
            f.write(header + "\n")
        return f

    def step(self, step, epoch, position, batch_size, loss, logged, lr, grad_norm, update_norm, opt_step, ids):
        # Each number is formatted once for both files (this is most of the recorder's per-step cost).
        loss_text = _number(loss)
        logged_text = loss_text if logged == loss else _number(logged)
        lr_text = _number(lr)
        grad_text = None if grad_norm is None else _number(grad_norm)
        update_text = None if update_norm is None else _number(update_norm)
        if self.steps_csv is not None:
            self.steps_csv.write(
                f"{step},{epoch},{position},{batch_size},{loss_text},{logged_text},{lr_text},{grad_text or ''},"
                f"{update_text or ''},{opt_step},{' '.join(map(str, ids))}\n")
        if self.steps_json is not None:
            self.steps_json.write(
                f'{{"step":{step},"epoch":{epoch},"position":{position},"batch_size":{batch_size},'
                f'"loss":{_json(loss_text)},"logged_loss":{_json(logged_text)},"lr":{_json(lr_text)},'
                f'"grad_norm":{"null" if grad_text is None else _json(grad_text)},'
                f'"update_norm":{"null" if update_text is None else _json(update_text)},'
                f'"optimizer_step":{opt_step},"sample_ids":[{",".join(map(str, ids))}]}}\n')
        if time.monotonic() - self._last_flush >= FLUSH_SECONDS:
            self.flush()

    def epoch(self, epoch, steps, last_step, train_loss, heldout_loss, heldout_accuracy):
        if self.epochs_csv is not None:
            self.epochs_csv.write(f"{epoch},{steps},{last_step},{_number(train_loss)},{_number(heldout_loss)},"
                                  f"{_number(heldout_accuracy)}\n")
        if self.epochs_json is not None:
            self.epochs_json.write(
                f'{{"epoch":{epoch},"steps":{steps},"last_step":{last_step},"train_loss":{_json_number(train_loss)},'
                f'"heldout_loss":{_json_number(heldout_loss)},"heldout_accuracy":{_json_number(heldout_accuracy)}}}\n')
        self.flush()

    def flush(self):
        for f in (self.steps_csv, self.steps_json, self.epochs_csv, self.epochs_json):
            if f is not None:
                f.flush()
        self._last_flush = time.monotonic()

    def close(self):
        for f in (self.steps_csv, self.steps_json, self.epochs_csv, self.epochs_json):
            if f is not None:
                f.close()


class RecordingBatchSampler(torch.utils.data.Sampler):
    """Wraps a DataLoader's batch sampler (or sampler): yields the same batches and queues, for each, its
    epoch (one per iteration of the loader), its position in the epoch and its sample ids, which the
    recorder takes in order, one per recorded step. The loader's workers may fetch a few batches ahead;
    the queue keeps them in order. Other attributes (batch_size, drop_last, sampler) pass through."""

    def __init__(self, inner, single_index=False):
        self.inner = inner
        self.single_index = single_index  # the loader has no batch sampler: each index is one batch
        self.queue = collections.deque()
        self.epoch = -1

    def __iter__(self):
        self.epoch += 1
        self.queue.clear()  # batches fetched ahead in an epoch the loop left early are never trained on
        for position, batch in enumerate(self.inner):
            ids = [batch] if self.single_index else batch
            self.queue.append((self.epoch, position, [int(i) for i in ids]))
            yield batch

    def __len__(self):
        return len(self.inner)

    def __getattr__(self, name):
        # Only called for attributes this wrapper lacks: DataLoader, Lightning and accelerate read
        # batch_size, drop_last and sampler from the batch sampler.
        if name == "inner":
            raise AttributeError(name)
        return getattr(self.inner, name)


def record_sample_ids(loader):
    """Makes the DataLoader's index sampler a RecordingBatchSampler (in place; once) and returns it, or None
    when the loader has no index sampler to wrap (an IterableDataset). Call it before iterating the loader."""
    if isinstance(loader.dataset, torch.utils.data.IterableDataset):
        return None
    batched = loader.batch_sampler is not None
    inner = loader.batch_sampler if batched else loader.sampler
    if isinstance(inner, RecordingBatchSampler):
        return inner
    wrapper = RecordingBatchSampler(inner, single_index=not batched)
    # DataLoader forbids setting its samplers after construction so that a running iterator is not
    # confused; the wrapper yields exactly the same batches, and the loader is not being iterated yet.
    object.__setattr__(loader, "batch_sampler" if batched else "sampler", wrapper)
    return wrapper


def _count_steps(optimizer, already=0):
    """Counts optimizer.step() calls on this optimizer object, for optimizers whose state keeps no step
    (SGD): a rebuilt optimizer is a new object, so the count restarts just as Adam's own does.
    already: the calls made before the counting began."""
    if hasattr(optimizer, "_epochlens_steps"):
        return
    optimizer._epochlens_steps = already
    step = optimizer.step

    # Wrapping the instance's step() is what torch's own LR schedulers do; unlike torch 2's
    # register_step_post_hook it also works on torch 1.x and on wrappers that skip Optimizer.__init__
    # (accelerate's AcceleratedOptimizer, which the Hugging Face Trainer hands to callbacks).
    @functools.wraps(step)  # keeps the marks an LR scheduler puts on step()
    def step_and_count(*args, **kwargs):
        result = step(*args, **kwargs)
        optimizer._epochlens_steps += 1
        return result

    optimizer.step = step_and_count


def _optimizer_step(optimizer):
    """The optimizer's own step count (Adam's bias-correction step, a tensor in torch >= 1.12), which also
    survives a state_dict reload; else the counted step() calls. A number or a 0-d tensor."""
    state = optimizer.state
    for group in optimizer.param_groups:
        for p in group["params"]:
            s = state.get(p)
            if s and "step" in s:
                return s["step"]
            break
    return optimizer._epochlens_steps


def _sampler_order(sampler):
    name = type(sampler).__name__
    if isinstance(sampler, torch.utils.data.SequentialSampler):
        return "fixed"
    if isinstance(sampler, torch.utils.data.RandomSampler):
        return "with-replacement" if sampler.replacement else "reshuffled"
    if name == "DistributedSampler":
        return "reshuffled" if getattr(sampler, "shuffle", False) else "fixed"
    return f"unknown ({name})"


def _plain(value):
    """A JSON-ready copy of an optimizer hyper-parameter."""
    if isinstance(value, torch.Tensor):
        return value.tolist()
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value if not (isinstance(value, float) and not math.isfinite(value)) else str(value)
    return repr(value)


class TelemetryRecorder:
    """Records EpochLens telemetry from a PyTorch training loop; see the module's documentation.

    folder: the run folder (created; existing files are appended to).
    model: the module being trained; its parameters give the gradient and update norms.
    loader: the training DataLoader (optional): its sampler is wrapped to record each batch's sample ids,
        epoch and position, and it tells the epoch length, batch size, sampler and drop_last for run.json.
    epochs, seed, data, grad_accumulation: set-up for run.json that the recorder cannot see.
    steps_per_epoch: batches per epoch when there is no loader (else learnt from the first epoch).
    optimizer: lets the recorder count its step() calls from the first one, for optimizers whose state
        keeps no step count (SGD); Adam and most others need not be given.
    first_step: the global step of the first record (None: 0 in a new folder, else one past the last step
        the folder holds, so a resumed run appends where it stopped). A run resumed from an earlier
        checkpoint passes the checkpoint's step: the reader lets a step that goes back replace the records
        after it.
    norms: a NormSchedule; fmt: "csv", "jsonl" or "both".
    defer_readback: keep each step's values on the device and read them back together at most once a
        second (None: on for any device but the CPU, where reading a value back costs nothing).
    """

    def __init__(self, folder, model, loader=None, *, epochs=None, seed=None, data=None, grad_accumulation=1,
                 steps_per_epoch=None, optimizer=None, first_step=None, norms=NormSchedule.SAMPLED, fmt="both",
                 defer_readback=None, framework="pytorch"):
        self.folder = folder
        if optimizer is not None:
            _count_steps(optimizer)
        self._params = [p for p in model.parameters()]
        if not self._params:
            raise ValueError("the model has no parameters to record")
        self._files = _Files(folder, fmt)
        self._norms = norms
        self._loader = loader
        self._sampler = record_sample_ids(loader) if loader is not None else None
        self._steps_per_epoch = steps_per_epoch
        if self._steps_per_epoch is None and loader is not None:
            try:
                self._steps_per_epoch = len(loader)
            except TypeError:  # an iterable dataset without a length
                pass
        self._run = {"epochs": epochs, "seed": seed, "data": data, "grad_accumulation": grad_accumulation,
                     "framework": framework}
        self._run_written = False
        device = self._params[0].device
        # On a GPU, reading a value back forces a synchronisation: keep the step's values on the device
        # and read them back together at most once a second, as the C# recorder does.
        self._defer = device.type != "cpu" if defer_readback is None else defer_readback
        self._pending = []
        self._pending_since = time.monotonic()
        self._previous = self._flat() if norms.measures(0, 0, self._steps_per_epoch) else None
        self._step = self._files.next_step() if first_step is None else first_step
        self._epoch = -1
        self._position = -1
        self._epochs_ended = 0
        self._epoch_open = False
        self._epoch_steps = 0
        self._epoch_loss = 0.0
        self._closed = False
        atexit.register(self.close)  # a script that ends without close() still writes its last second

    @property
    def steps(self):
        """Steps recorded so far: the global step of the next record."""
        return self._step

    def step(self, loss, optimizer, *, epoch=None, position=None, sample_ids=None, batch_size=None,
             logged_loss=None, grad_norm=None):
        """Records one batch. Call it after optimizer.step() (or after backward when the optimizer does not
        step on this batch, as in gradient accumulation) and before the gradients are zeroed.

        loss: the batch's loss (a tensor or a number); optimizer: the one in use now (it may be new).
        epoch, position, sample_ids: when the loop knows them better than the wrapped loader (or there is
        no loader); without a loader the epoch is the number of epoch_end() calls so far.
        logged_loss: what the run's own logger plots for this step, when it differs from the loss.
        grad_norm: the gradient norm measured before the loop zeroed the gradients (see grad_norm_if_due),
        for loops that zero them before the recorder sees the step.
        """
        queued = self._sampler.queue.popleft() if self._sampler is not None and self._sampler.queue else None
        if epoch is None:
            epoch = queued[0] if queued is not None else self._epochs_ended
        if epoch != self._epoch:
            self._start_epoch(epoch)
        if position is None:
            position = queued[1] if queued is not None and queued[0] == epoch else self._position + 1
        self._position = position
        if sample_ids is None:
            sample_ids = queued[2] if queued is not None else ()
        elif isinstance(sample_ids, torch.Tensor):
            sample_ids = sample_ids.reshape(-1).tolist()
        if batch_size is None:
            batch_size = len(sample_ids)
        if not self._run_written:
            self._write_run(optimizer, batch_size)
        # First seen here, after its step() on this batch as documented (a rebuilt optimizer, or one not
        # given to the constructor): one call already made.
        _count_steps(optimizer, already=1)

        measured = self._norms.measures(self._step, position, self._steps_per_epoch)
        update_norm = None
        if not measured:
            grad_norm = None
        else:
            with torch.no_grad():
                if grad_norm is None:
                    grad_norm = self._grad_norm()
                elif isinstance(grad_norm, float) and math.isnan(grad_norm):
                    grad_norm = None  # the caller could not measure it (the gradients were zeroed): left empty
                now = self._flat()
                update_norm = None if self._previous is None else torch.dist(now, self._previous)
                self._previous = now
        self._keep_parameters_if_next_step_needs_them(position, measured)

        optimizer_step = _optimizer_step(optimizer)
        if isinstance(optimizer_step, torch.Tensor):
            # Adam adds to its step tensor in place: keep this step's value, not the tensor.
            optimizer_step = (optimizer_step.detach().clone() if self._defer and optimizer_step.device.type != "cpu"
                              else int(optimizer_step.item()))
        lr = float(optimizer.param_groups[0]["lr"])
        row = [self._step, epoch, position, batch_size, loss, logged_loss, lr, grad_norm, update_norm,
               optimizer_step, sample_ids]
        self._step += 1
        if self._defer:
            self._pending.append(row)
            if len(self._pending) >= _MAX_PENDING or time.monotonic() - self._pending_since >= FLUSH_SECONDS:
                self._write_pending()
        else:
            self._emit(row)

    def grad_norm_if_due(self, epoch):
        """The gradient norm now (a device scalar) when the next step of <epoch> is one the schedule
        measures, else None: for loops that zero the gradients before the step is recorded."""
        position = self._position + 1 if epoch == self._epoch else 0
        if not self._norms.measures(self._step, position, self._steps_per_epoch):
            return None
        with torch.no_grad():
            return self._grad_norm()

    def epoch_end(self, heldout_loss=math.nan, heldout_accuracy=math.nan):
        """Ends the current epoch: writes its row (mean training loss, held-out results when given), updates
        run.json and flushes. Optional: an epoch left without it gets its row when the next one starts."""
        self._write_pending()
        if heldout_loss is not None and isinstance(heldout_loss, torch.Tensor):
            heldout_loss = heldout_loss.item()
        self._files.epoch(max(self._epoch, 0), self._epoch_steps, self._step - 1,
                          self._epoch_loss / self._epoch_steps if self._epoch_steps else math.nan,
                          math.nan if heldout_loss is None else heldout_loss,
                          math.nan if heldout_accuracy is None else heldout_accuracy)
        self._epoch_open = False
        self._epochs_ended += 1
        self._epoch_steps, self._epoch_loss = 0, 0.0
        if self._run_written:
            self._run["epochs_recorded"] = self._epochs_ended
            self._run["steps_per_epoch"] = self._steps_per_epoch or 0  # once learnt from the first epoch
            self._save_run()

    def flush(self):
        """Writes out values still on the device and flushes the files."""
        self._write_pending()
        self._files.flush()

    def close(self):
        if self._closed:
            return
        self._write_pending()
        self._files.close()
        self._closed = True

    def __enter__(self):
        return self

    def __exit__(self, *_exc):
        self.close()

    # ---- internals -------------------------------------------------------------------------------

    def _start_epoch(self, epoch):
        self._write_pending()
        if self._epoch_open:
            self.epoch_end()
        # Without a given epoch length, the first epoch's last position tells it (for the norm schedule).
        if self._steps_per_epoch is None and self._epoch >= 0 and self._position >= 0:
            self._steps_per_epoch = self._position + 1
        self._epoch, self._position, self._epoch_open = epoch, -1, True

    def _keep_parameters_if_next_step_needs_them(self, position, refreshed):
        """The next step's update norm compares the parameters after it with those after this one, so they
        are kept now only when the next step is measured (always while the epoch length is unknown: the
        next step may open a new epoch)."""
        length = self._steps_per_epoch
        if length:
            next_measured = self._norms.measures(self._step + 1, (position + 1) % length, length)
        else:
            next_measured = self._norms.measures(self._step + 1, position + 1, None) or self._norms.boundary_window > 0
        if not next_measured:
            self._previous = None
        elif not refreshed or self._previous is None:
            self._previous = self._flat()

    def _flat(self):
        with torch.no_grad():
            return torch.cat([p.detach().reshape(-1) for p in self._params])

    def _grad_norm(self):
        norms = [torch.linalg.vector_norm(p.grad) for p in self._params if p.grad is not None]
        return torch.linalg.vector_norm(torch.stack(norms)) if norms else 0.0

    def _emit(self, row):
        step, epoch, position, batch_size, loss, logged, lr, grad_norm, update_norm, opt_step, ids = row
        loss = float(loss)
        logged = loss if logged is None else float(logged)
        self._epoch_loss += loss
        self._epoch_steps += 1
        self._files.step(step, epoch, position, batch_size, loss, logged, float(lr),
                         None if grad_norm is None else float(grad_norm),
                         None if update_norm is None else float(update_norm), int(opt_step), ids)

    def _write_pending(self):
        self._pending_since = time.monotonic()
        if not self._pending:
            return
        # One transfer for everything buffered: the only synchronisation with the device.
        by_device = collections.defaultdict(list)  # Adam's step count may sit on the CPU beside a GPU loss
        for i, row in enumerate(self._pending):
            for j in (4, 5, 6, 7, 8, 9):
                if isinstance(row[j], torch.Tensor):
                    by_device[row[j].device].append((i, j))
        for slots in by_device.values():
            values = torch.stack([self._pending[i][j].detach().reshape(()).double() for i, j in slots]).cpu().tolist()
            for (i, j), v in zip(slots, values):
                self._pending[i][j] = v
        for row in self._pending:
            self._emit(row)
        self._pending.clear()
        self._files.flush()  # the rows waited up to a second already: they go to disk now

    def _write_run(self, optimizer, batch_size):
        loader = self._loader
        sampler = None
        if loader is not None:
            sampler = loader.sampler.inner if isinstance(loader.sampler, RecordingBatchSampler) else loader.sampler
        dataset_length = None
        try:
            dataset_length = len(loader.dataset) if loader is not None else None
        except TypeError:
            pass
        try:
            samples_per_epoch = len(sampler) if sampler is not None else dataset_length
        except TypeError:
            samples_per_epoch = dataset_length
        hyper = {k: _plain(v) for k, v in optimizer.param_groups[0].items() if k != "params"}
        # The optimizer a trainer wraps (accelerate's AcceleratedOptimizer, Lightning's LightningOptimizer).
        inner = next((o for o in (getattr(optimizer, "optimizer", None), getattr(optimizer, "_optimizer", None))
                      if isinstance(o, torch.optim.Optimizer)), optimizer)
        seed = self._run["seed"]
        if seed is None:
            seed = torch.initial_seed()  # what torch.manual_seed set; a random 64-bit value when never set
            seed = seed if seed < 2 ** 31 else -1
        given = self._run
        self._run = {
            # The fields the C# RunDescription requires come first; the rest are this recorder's own.
            "schema_version": 1,
            "tool": "epochlens-python",
            "tool_version": __version__,
            "data": given["data"] or (f"{type(loader.dataset).__name__} ({dataset_length} samples)"
                                      if loader is not None else "unknown"),
            "seed": seed,
            "epochs": given["epochs"] or 0,
            "samples_per_epoch": samples_per_epoch or 0,
            "batch_size": (loader.batch_size if loader is not None and loader.batch_size else batch_size) or 0,
            "steps_per_epoch": self._steps_per_epoch or 0,
            "learning_rate": _plain(float(hyper.get("lr", math.nan))),
            "optimizer": f"{type(inner).__name__}(" + ", ".join(f"{k}={v}" for k, v in hyper.items()) + ")",
            "order": _sampler_order(sampler) if sampler is not None else "unknown",
            "cause_switches": {},
            "norm_schedule": self._norms.describe(),
            "started_at": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
            "recorder": "python",
            "torch_version": torch.__version__,
            "optimizer_hyperparameters": hyper,
            "dataset_length": dataset_length,
            "sampler": type(sampler).__name__ if sampler is not None else None,
            "drop_last": loader.drop_last if loader is not None else None,
            "gradient_accumulation": given["grad_accumulation"],
            "framework": given["framework"],
        }
        self._run_written = True
        self._save_run()

    def _save_run(self):
        # run.json is rewritten whole (it is small), through a temporary file so a crash never leaves half.
        path = os.path.join(self.folder, "run.json")
        with open(path + ".tmp", "w", encoding="utf-8") as f:
            json.dump(self._run, f, indent=2)
            f.write("\n")
        os.replace(path + ".tmp", path)


# ---- PyTorch Lightning -------------------------------------------------------------------------------

try:
    from lightning.pytorch import Callback as _LightningCallback
except ImportError:
    try:
        from pytorch_lightning import Callback as _LightningCallback
    except ImportError:
        _LightningCallback = object


def _loss_of(outputs):
    """The loss in what a training step returned: a tensor, or a mapping with "loss"."""
    if isinstance(outputs, dict):
        outputs = outputs.get("loss")
    return outputs


class EpochLensLightningCallback(_LightningCallback):
    """A Lightning Callback that records EpochLens telemetry: ``Trainer(callbacks=[EpochLensLightningCallback("runs/x")])``.

    Records after every training batch (after the optimizer step, whose gradients Lightning zeroes only
    before the next backward), the epoch row at each training epoch's end with the held-out loss logged
    under heldout_metric (``self.log("val_loss", ...)`` in validation_step), and takes sample ids from
    the training DataLoader. The first optimizer is the one recorded.
    """

    def __init__(self, folder, heldout_metric="val_loss", **recorder_options):
        super().__init__()
        self.folder, self.heldout_metric, self.options = folder, heldout_metric, recorder_options
        self.recorder = None

    def on_train_start(self, trainer, pl_module):
        loader = trainer.train_dataloader
        if not isinstance(loader, torch.utils.data.DataLoader):
            loader = None  # several loaders combined: ids are not recorded
        self.options.setdefault("epochs", trainer.max_epochs if (trainer.max_epochs or 0) > 0 else None)
        self.options.setdefault("grad_accumulation", trainer.accumulate_grad_batches)
        batches = getattr(trainer, "num_training_batches", None)  # after limit_train_batches; inf when unknown
        if isinstance(batches, int) and batches > 0:
            self.options.setdefault("steps_per_epoch", batches)
        self.options.setdefault("optimizer", trainer.optimizers[0] if trainer.optimizers else None)
        self.recorder = TelemetryRecorder(self.folder, pl_module, loader, framework="lightning", **self.options)

    def on_train_batch_end(self, trainer, pl_module, outputs, batch, batch_idx, *_dataloader_idx):
        loss = _loss_of(outputs)
        if loss is None:  # the step skipped this batch (returned None)
            return
        self.recorder.step(loss, trainer.optimizers[0], epoch=trainer.current_epoch, position=batch_idx)

    def on_train_epoch_end(self, trainer, pl_module):
        # Lightning runs the epoch-end validation before this hook, so its metric is already logged.
        heldout = trainer.callback_metrics.get(self.heldout_metric)
        self.recorder.epoch_end(heldout_loss=math.nan if heldout is None else float(heldout))

    def on_train_end(self, trainer, pl_module):
        self.recorder.close()

    def on_exception(self, trainer, pl_module, exception):
        if self.recorder is not None:
            self.recorder.close()


# ---- Hugging Face Trainer -------------------------------------------------------------------------------

try:
    from transformers import TrainerCallback as _HFCallback
except ImportError:
    _HFCallback = object


class EpochLensHFCallback(_HFCallback):
    """A Hugging Face TrainerCallback that records EpochLens telemetry: ``Trainer(..., callbacks=[EpochLensHFCallback("runs/x")])``.

    One row per micro-batch (the Trainer ends each with on_substep_end, or on_step_end when the optimizer
    steps), so gradient accumulation shows as it does in `epochlens train`. The Trainer does not hand its
    per-batch loss to callbacks, so a forward hook on the model takes the ``loss`` of each training
    forward pass (present when the batch has labels; NaN otherwise). The eval loss comes from on_evaluate.
    """

    def __init__(self, folder, **recorder_options):
        super().__init__()
        self.folder, self.options = folder, recorder_options
        self.recorder = None
        self._loss = math.nan
        self._epoch = -1
        self._epoch_pending = False
        self._heldout = math.nan
        self._hook = None
        self._optimizer = None
        self._grad_norm = None

    def on_train_begin(self, args, state, control, model=None, optimizer=None, train_dataloader=None, **kwargs):
        loader = train_dataloader if isinstance(train_dataloader, torch.utils.data.DataLoader) else None
        self.options.setdefault("epochs", int(math.ceil(args.num_train_epochs)) if args.max_steps <= 0 else None)
        self.options.setdefault("grad_accumulation", args.gradient_accumulation_steps)
        self.options.setdefault("seed", args.seed)
        self.options.setdefault("optimizer", optimizer)
        self.recorder = TelemetryRecorder(self.folder, model, loader, framework="transformers", **self.options)
        self._optimizer = optimizer
        self._hook = model.register_forward_hook(self._take_loss)

    def _take_loss(self, module, _inputs, output):
        if module.training:
            loss = output.get("loss") if isinstance(output, dict) else getattr(output, "loss", None)
            self._loss = loss.detach() if isinstance(loss, torch.Tensor) else math.nan

    def on_epoch_begin(self, args, state, control, **kwargs):
        self._end_epoch()
        # state.epoch is the fractional epoch of the last step (None before the first; a resumed run's own):
        # whole at an epoch's start, so its floor numbers this epoch.
        self._epoch = int(math.floor((state.epoch or 0) + 1e-6))

    def on_optimizer_step(self, args, state, control, **kwargs):
        # The Trainer zeroes the gradients before on_step_end; this hook (transformers >= 4.41) comes
        # between the optimizer's step and that. Without it the stepping rows have no gradient norm.
        self._grad_norm = self.recorder.grad_norm_if_due(max(self._epoch, 0))

    def on_substep_end(self, args, state, control, optimizer=None, **kwargs):
        self._record(optimizer, None)  # the gradients are still there: the recorder measures them

    def on_step_end(self, args, state, control, optimizer=None, **kwargs):
        self._record(optimizer, self._grad_norm if self._grad_norm is not None else math.nan)

    def _record(self, optimizer, grad_norm):
        optimizer = optimizer or self._optimizer
        self.recorder.step(self._loss, optimizer, epoch=max(self._epoch, 0), grad_norm=grad_norm)
        self._loss, self._grad_norm = math.nan, None

    def on_epoch_end(self, args, state, control, **kwargs):
        # The epoch-end evaluation comes after this hook: the row waits for it (or for the next epoch).
        self._epoch_pending = True

    def on_evaluate(self, args, state, control, metrics=None, **kwargs):
        if metrics and "eval_loss" in metrics:
            self._heldout = float(metrics["eval_loss"])

    def on_train_end(self, args, state, control, **kwargs):
        self._end_epoch()
        if self._hook is not None:
            self._hook.remove()
        self.recorder.close()

    def _end_epoch(self):
        if self._epoch_pending:
            self.recorder.epoch_end(heldout_loss=self._heldout)
            self._epoch_pending, self._heldout = False, math.nan
