"""Small stand-ins for PyTorch Lightning and the Hugging Face Trainer, which Debian does not package.

Each installs a module under the library's import name (lightning.pytorch, transformers) with the callback
base class the recorder's callbacks derive from, and a Trainer that trains a real torch model and calls the
callback hooks with the documented names and signatures, in the order the real fit loops call them:

Lightning 2.x (automatic optimisation): on_train_start; per epoch on_train_epoch_start, per batch the
optimizer step whose closure zeroes the gradients then runs training_step and backward, then
on_train_batch_end(trainer, pl_module, outputs, batch, batch_idx); the epoch-end validation
(on_validation_epoch_end) before on_train_epoch_end; on_train_end.

transformers (Trainer._inner_training_loop): on_train_begin(args, state, control, model=, optimizer=,
train_dataloader=, ...); per epoch on_epoch_begin; per micro-batch the forward pass (model(**inputs) with
labels, its output's loss), backward of loss / gradient_accumulation_steps, then on the group's last
micro-batch (or the epoch's last) optimizer.step, on_optimizer_step, scheduler step, model.zero_grad,
on_step_end, else on_substep_end; on_epoch_end, then the epoch's evaluation and on_evaluate(metrics=
{"eval_loss": ...}); on_train_end.

They are not the libraries: they check that the callbacks use the hooks as documented, no more.
"""
import sys
import types

import torch


def _module(name, **members):
    module = types.ModuleType(name)
    module.__dict__.update(members)
    sys.modules[name] = module
    return module


# ---- Lightning ----------------------------------------------------------------------------------------

class LightningCallback:
    """lightning.pytorch.Callback: every hook a no-op."""

    def on_train_start(self, trainer, pl_module): pass
    def on_train_epoch_start(self, trainer, pl_module): pass
    def on_train_batch_end(self, trainer, pl_module, outputs, batch, batch_idx): pass
    def on_validation_epoch_end(self, trainer, pl_module): pass
    def on_train_epoch_end(self, trainer, pl_module): pass
    def on_train_end(self, trainer, pl_module): pass
    def on_exception(self, trainer, pl_module, exception): pass


class LightningTrainer:
    def __init__(self, max_epochs, callbacks, accumulate_grad_batches=1):
        self.max_epochs, self.callbacks, self.accumulate_grad_batches = max_epochs, callbacks, accumulate_grad_batches
        self.current_epoch, self.global_step, self.callback_metrics = 0, 0, {}
        self.optimizers, self.train_dataloader = [], None

    def _call(self, hook, *args):
        for callback in self.callbacks:
            getattr(callback, hook)(self, self.module, *args)

    def fit(self, module, train_dataloaders, val_dataloaders):
        self.module, self.train_dataloader = module, train_dataloaders
        self.optimizers = [module.configure_optimizers()]
        optimizer = self.optimizers[0]
        self._call("on_train_start")
        for epoch in range(self.max_epochs):
            self.current_epoch = epoch
            module.train()
            self._call("on_train_epoch_start")
            for batch_idx, batch in enumerate(self.train_dataloader):
                output = {}

                def closure():
                    optimizer.zero_grad()
                    output["loss"] = module.training_step(batch, batch_idx)
                    output["loss"].backward()
                    return output["loss"]

                optimizer.step(closure)
                self.global_step += 1
                self._call("on_train_batch_end", {"loss": output["loss"].detach()}, batch, batch_idx)
            module.eval()
            with torch.no_grad():
                losses = [module.validation_step(b, i) for i, b in enumerate(val_dataloaders)]
            self.callback_metrics["val_loss"] = torch.stack(losses).mean()
            self._call("on_validation_epoch_end")
            self._call("on_train_epoch_end")
        self._call("on_train_end")


def install_lightning():
    _module("lightning")
    return _module("lightning.pytorch", Callback=LightningCallback, Trainer=LightningTrainer)


# ---- Hugging Face transformers ------------------------------------------------------------------------

class TrainerCallback:
    """transformers.TrainerCallback: every event a no-op."""

    def on_train_begin(self, args, state, control, **kwargs): pass
    def on_epoch_begin(self, args, state, control, **kwargs): pass
    def on_step_begin(self, args, state, control, **kwargs): pass
    def on_optimizer_step(self, args, state, control, **kwargs): pass
    def on_substep_end(self, args, state, control, **kwargs): pass
    def on_step_end(self, args, state, control, **kwargs): pass
    def on_epoch_end(self, args, state, control, **kwargs): pass
    def on_evaluate(self, args, state, control, **kwargs): pass
    def on_train_end(self, args, state, control, **kwargs): pass


class TrainingArguments:
    def __init__(self, num_train_epochs, gradient_accumulation_steps=1, seed=42, learning_rate=1e-3,
                 max_steps=-1, per_device_train_batch_size=1):
        self.__dict__.update(locals())
        del self.__dict__["self"]


class ModelOutput(dict):
    """transformers' ModelOutput: a mapping whose keys are also attributes."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


class HFTrainer:
    def __init__(self, model, args, train_dataset, eval_dataset, callbacks, shuffle=True):
        self.model, self.args, self.callbacks = model, args, callbacks
        generator = torch.Generator().manual_seed(args.seed)
        self.train_dataloader = torch.utils.data.DataLoader(train_dataset, batch_size=args.per_device_train_batch_size,
                                                            shuffle=shuffle, generator=generator)
        self.eval_dataloader = torch.utils.data.DataLoader(eval_dataset, batch_size=64)
        self.optimizer = torch.optim.AdamW(model.parameters(), lr=args.learning_rate)
        self.state = types.SimpleNamespace(epoch=0.0, global_step=0)
        self.control = types.SimpleNamespace()

    def _event(self, name, **extra):
        kwargs = dict(model=self.model, optimizer=self.optimizer, lr_scheduler=None,
                      train_dataloader=self.train_dataloader, eval_dataloader=self.eval_dataloader, **extra)
        for callback in self.callbacks:
            getattr(callback, name)(self.args, self.state, self.control, **kwargs)

    def train(self):
        args, model = self.args, self.model
        k = args.gradient_accumulation_steps
        self._event("on_train_begin")
        batches = len(self.train_dataloader)
        for epoch in range(int(args.num_train_epochs)):
            model.train()
            self._event("on_epoch_begin")
            for i, inputs in enumerate(self.train_dataloader):
                if i % k == 0:
                    self._event("on_step_begin")
                loss = model(**inputs).loss
                (loss / k).backward()
                if (i + 1) % k == 0 or i + 1 == batches:
                    self.optimizer.step()
                    self._event("on_optimizer_step")
                    model.zero_grad()
                    self.state.global_step += 1
                    self.state.epoch = epoch + (i + 1) / batches
                    self._event("on_step_end")
                else:
                    self._event("on_substep_end")
            self._event("on_epoch_end")
            model.eval()
            with torch.no_grad():
                eval_loss = torch.stack([model(**b).loss for b in self.eval_dataloader]).mean().item()
            self._event("on_evaluate", metrics={"eval_loss": eval_loss, "epoch": self.state.epoch})
        self._event("on_train_end")


def install_transformers():
    return _module("transformers", TrainerCallback=TrainerCallback, TrainingArguments=TrainingArguments,
                   Trainer=HFTrainer, ModelOutput=ModelOutput)
