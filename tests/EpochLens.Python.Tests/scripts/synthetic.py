"""The training data of the test runs: a fixed synthetic 4-class set, seeded (as Fixtures/pytorch-runs/make_runs.py in EpochLens.Core.Tests)."""
import torch


def data(n, seed=0):
    g = torch.Generator().manual_seed(seed)
    centers = torch.randn(4, 20, generator=g) * 1.2
    labels = torch.randint(0, 4, (n,), generator=g)
    x = centers[labels] + torch.randn(n, 20, generator=g)
    flip = torch.rand(n, generator=g) < 0.1  # label noise keeps the loss from reaching zero
    labels = torch.where(flip, torch.randint(0, 4, (n,), generator=g), labels)
    return torch.utils.data.TensorDataset(x, labels)
