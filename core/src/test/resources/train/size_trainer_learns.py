#!/usr/bin/python3
"""Sizing run behind TrainerLearnsTest (not a reference file: the Java test reads nothing from it).

The same short-lag regression (lags 2, 4, 8; c = 1.0, 0.7, 0.5; noise 0.1; D = 4; T = 64) and the same loop
settings (512 training sequences, batch 16, AdamW lr 2e-2 wd 1e-4, global clip 1.0, 6 epochs, 256 validation
sequences) with DiagGate and GRU (H = 32) built in PyTorch float64 with the initialisation of THEORY §8.2
(orthogonal non-gate weights, zero biases, zero DiagGate gate weights, gate biases logit(0.05)). Prints the
validation R² after the last epoch for a few seeds, to show how far above the test's 0.5 threshold it lies.
"""
import math

import torch

D, T, H = 4, 64, 32
LAGS, COEFFICIENTS, NOISE = [2, 4, 8], [1.0, 0.7, 0.5], 0.1
TRAIN, VALIDATION, BATCH, EPOCHS = 512, 256, 16, 6
GATE_BIAS = math.log(0.05 / 0.95)


def generate(count, u):
    x = torch.randn(count, T, D, dtype=torch.float64)
    projection = x @ u
    y = NOISE * torch.randn(count, T, dtype=torch.float64)
    for lag, c in zip(LAGS, COEFFICIENTS):
        y[:, lag:] += c * projection[:, :-lag]
    return x, y


def linear(inputs, outputs, bias, orthogonal):
    layer = torch.nn.Linear(inputs, outputs, bias=bias).double()
    if orthogonal:
        torch.nn.init.orthogonal_(layer.weight)
    else:
        torch.nn.init.zeros_(layer.weight)
    if bias:
        torch.nn.init.zeros_(layer.bias)
    return layer


class DiagGate(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.Wx, self.Wh = linear(D, H, True, True), linear(H, H, False, True)
        self.Ws, self.Us = linear(D, H, True, False), linear(H, H, False, False)
        self.out = linear(H, 1, True, True)
        torch.nn.init.constant_(self.Ws.bias, GATE_BIAS)

    def forward(self, x):
        h, outputs = torch.zeros(x.shape[0], H, dtype=x.dtype), []
        for t in range(T):
            s = torch.sigmoid(self.Ws(x[:, t]) + self.Us(h))
            h = (1 - s) * h + s * torch.tanh(self.Wx(x[:, t]) + self.Wh(h))
            outputs.append(self.out(h)[:, 0])
        return torch.stack(outputs, 1)


class Gru(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.W = torch.nn.ModuleDict({g: linear(D, H, True, True) for g in "zrh"})
        self.U = torch.nn.ModuleDict({g: linear(H, H, False, True) for g in "zrh"})
        self.out = linear(H, 1, True, True)
        torch.nn.init.constant_(self.W["z"].bias, GATE_BIAS)

    def forward(self, x):
        h, outputs = torch.zeros(x.shape[0], H, dtype=x.dtype), []
        for t in range(T):
            z = torch.sigmoid(self.W["z"](x[:, t]) + self.U["z"](h))
            r = torch.sigmoid(self.W["r"](x[:, t]) + self.U["r"](h))
            h = (1 - z) * h + z * torch.tanh(self.W["h"](x[:, t]) + self.U["h"](r * h))
            outputs.append(self.out(h)[:, 0])
        return torch.stack(outputs, 1)


def final_r2(model_class, seed):
    torch.manual_seed(seed)
    u = torch.randn(D, dtype=torch.float64)
    u /= u.norm()
    x, y = generate(TRAIN, u)
    xv, yv = generate(VALIDATION, u)
    model = model_class()
    optimizer = torch.optim.AdamW(model.parameters(), lr=2e-2, weight_decay=1e-4)
    for _ in range(EPOCHS):
        order = torch.randperm(TRAIN)
        for start in range(0, TRAIN, BATCH):
            idx = order[start:start + BATCH]
            loss = ((model(x[idx]) - y[idx]) ** 2).mean()
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
    with torch.no_grad():
        residual = ((model(xv) - yv) ** 2).sum()
    return float(1 - residual / ((yv - yv.mean()) ** 2).sum())


if __name__ == "__main__":
    torch.set_num_threads(1)
    for seed in (1, 2, 3):
        print(f"seed {seed}: DiagGate R² {final_r2(DiagGate, seed):.3f}, GRU R² {final_r2(Gru, seed):.3f}")
