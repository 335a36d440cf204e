"""A short real PyTorch run trained by a stand-in Lightning or Hugging Face Trainer (standins.py) with the
recorder's callback attached as a user would attach it:

    /usr/bin/python3 train_callback.py lightning|hf CAUSE OUT_FOLDER

CAUSE: healthy, or fixed-order (the training DataLoader does not shuffle). The data and model are those of
train_cause.py; the Hugging Face run accumulates gradients over 2 batches.
"""
import os
import sys

import torch
from torch import nn

import standins
from synthetic import data

FRAMEWORKS = ("lightning", "hf")


def split():
    """1000 training and 200 held-out samples of the same distribution."""
    full = data(1200)
    return torch.utils.data.Subset(full, range(1000)), torch.utils.data.Subset(full, range(1000, 1200))


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 4))


def lightning_run(cause, out, epochs):
    pl = standins.install_lightning()  # before the recorder's import, which looks for lightning.pytorch
    from epochlens_telemetry import EpochLensLightningCallback

    class Classifier(MLP):  # a LightningModule's training hooks
        def training_step(self, batch, batch_idx):
            x, y = batch
            return nn.functional.cross_entropy(self.net(x), y)

        def validation_step(self, batch, batch_idx):
            return self.training_step(batch, batch_idx)

        def configure_optimizers(self):
            return torch.optim.Adam(self.parameters(), lr=1e-3)

    train_set, heldout_set = split()
    train = torch.utils.data.DataLoader(train_set, batch_size=1, shuffle=cause != "fixed-order",
                                        generator=torch.Generator().manual_seed(1))
    heldout = torch.utils.data.DataLoader(heldout_set, batch_size=100)
    callback = EpochLensLightningCallback(out)
    # Lightning accepts only Callback instances: the recorder's must derive from the installed library's.
    assert isinstance(callback, pl.Callback), "EpochLensLightningCallback does not derive from lightning.pytorch.Callback"
    trainer = pl.Trainer(max_epochs=epochs, callbacks=[callback])
    trainer.fit(Classifier(), train_dataloaders=train, val_dataloaders=heldout)


class Features(torch.utils.data.Dataset):
    """Rows as a tokenised data set gives them to the Trainer: dicts with the model's inputs and labels."""

    def __init__(self, dataset):
        self.dataset = dataset

    def __len__(self):
        return len(self.dataset)

    def __getitem__(self, i):
        x, y = self.dataset[i]
        return {"inputs": x, "labels": y}


def hf_run(cause, out, epochs):
    hf = standins.install_transformers()
    from epochlens_telemetry import EpochLensHFCallback

    class Classifier(MLP):  # a transformers model: the loss in its output when labels are given
        def forward(self, inputs, labels=None):
            logits = self.net(inputs)
            return hf.ModelOutput(loss=nn.functional.cross_entropy(logits, labels), logits=logits)

    args = hf.TrainingArguments(num_train_epochs=epochs, gradient_accumulation_steps=2, seed=1)
    train_set, heldout_set = split()
    callback = EpochLensHFCallback(out)
    assert isinstance(callback, hf.TrainerCallback), "EpochLensHFCallback does not derive from transformers.TrainerCallback"
    trainer = hf.Trainer(Classifier(), args, Features(train_set), Features(heldout_set),
                         callbacks=[callback], shuffle=cause != "fixed-order")
    trainer.train()


def main(framework, cause, out, epochs=6):
    if framework not in FRAMEWORKS or cause not in ("healthy", "fixed-order"):
        raise SystemExit(f"usage: train_callback.py {'|'.join(FRAMEWORKS)} healthy|fixed-order OUT")
    torch.manual_seed(1)
    torch.set_num_threads(1)
    (lightning_run if framework == "lightning" else hf_run)(cause, out, epochs)


if __name__ == "__main__":
    sys.path.insert(0, os.environ.get("EPOCHLENS_PYTHON_DIR", os.path.join(os.path.dirname(__file__), "..", "..", "..", "python")))
    main(*sys.argv[1:4])
