"""PyTorch CPU baseline for `./horizon bench`.

The same models (DiagGate, LSTM; THEORY.md §2.4, §2.5), the same training step (MSE over all steps, global-norm
clipping, AdamW) and the same diagnostic pass (THEORY §4.4, §5.4: prefix sums, then per-lag tensor ops over the
whole batch, as the reference pipeline does) written the way a PyTorch user would. Prints one JSON object per
measurement on stdout.

    python3 bench/baseline.py train --arch diag --length 512 --hidden 128 --input 16 --batch 128 --batches 4
    python3 bench/baseline.py diagnose --arch diag --sequences 1024 --length 512 --hidden 128 --lags 64

`--dtype float64` runs the models in double precision, as Horizon does (default float32; the diagnostic pass's
prefix sums and per-lag arithmetic are float64 either way).

Debian's torch multiplies matrices through whichever libblas.so.3 the system's alternatives select: the reference
BLAS of libblas3 is several times slower than OpenBLAS (libopenblas0-pthread). Each measurement reports the library
it ran on as "blas".
"""
import argparse
import json
import os
import time

import torch
from torch import nn
from torch.nn.utils.stateless import functional_call


class DiagGate(nn.Module):
    """h_t = (1 - s_t) h_{t-1} + s_t tanh(Wx x_t + Wh h_{t-1}), s_t = sigmoid(Ws x_t + Us h_{t-1})."""

    def __init__(self, d, h):
        super().__init__()
        self.Wx, self.Wh = nn.Linear(d, h), nn.Linear(h, h, bias=False)
        self.Ws, self.Us = nn.Linear(d, h), nn.Linear(h, h, bias=False)
        self.out = nn.Linear(h, 1)

    def forward(self, x, keep=False):
        b, t_len, _ = x.shape
        h = x.new_zeros(b, self.Wh.in_features)
        xs, xc = self.Ws(x).unbind(1), self.Wx(x).unbind(1)
        states, gates, cands = [], [], []
        for t in range(t_len):
            s = torch.sigmoid(xs[t] + self.Us(h))
            cand = torch.tanh(xc[t] + self.Wh(h))
            if keep:
                gates.append(s)
                cands.append(cand)
            h = (1 - s) * h + s * cand
            states.append(h)
        hs = torch.stack(states, 1)
        return self.out(hs), hs, gates, cands


class Lstm(nn.Module):
    """LSTM with one Linear module per gate, as in the Horizon checkpoint layout."""

    def __init__(self, d, h):
        super().__init__()
        for g in "ifog":
            setattr(self, "W" + g, nn.Linear(d, h))
            setattr(self, "U" + g, nn.Linear(h, h, bias=False))
        self.out = nn.Linear(h, 1)

    def forward(self, x, keep=False):
        b, t_len, _ = x.shape
        n = self.Ui.in_features
        h, c = x.new_zeros(b, n), x.new_zeros(b, n)
        pre = {g: getattr(self, "W" + g)(x).unbind(1) for g in "ifog"}
        states, trace = [], []
        for t in range(t_len):
            i = torch.sigmoid(pre["i"][t] + self.Ui(h))
            f = torch.sigmoid(pre["f"][t] + self.Uf(h))
            o = torch.sigmoid(pre["o"][t] + self.Uo(h))
            g = torch.tanh(pre["g"][t] + self.Ug(h))
            c_prev, c = c, f * c + i * g
            h = o * torch.tanh(c)
            if keep:
                trace.append((i, f, o, g, c_prev, c))
            states.append(h)
        hs = torch.stack(states, 1)
        return self.out(hs), hs, trace, None


def model_for(arch, d, h, const_s=0.05):
    """Gates opened as Horizon initialises them (THEORY §8.2): s = const_s, LSTM forget gate 1 - const_s."""
    torch.manual_seed(0)
    model = DiagGate(d, h) if arch == "diag" else Lstm(d, h)
    logit = float(torch.logit(torch.tensor(const_s)))
    with torch.no_grad():
        if arch == "diag":
            model.Ws.weight.zero_()
            model.Us.weight.zero_()
            model.Ws.bias.fill_(logit)
        else:
            model.Wf.bias.fill_(-logit)
    return model


def bench_train(a):
    model = model_for(a.arch, a.input, a.hidden)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)
    x = torch.randn(a.batch, a.length, a.input)
    y = torch.randn(a.batch, a.length, 1)

    def step():
        opt.zero_grad()
        loss = ((model(x)[0] - y) ** 2).mean()
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()

    for _ in range(2):
        step()
    start = time.perf_counter()
    for _ in range(a.batches):
        step()
    seconds = time.perf_counter() - start
    return {"seq_steps_per_s": a.batches * a.batch * a.length / seconds, "seconds": seconds}


def retention_diag(model, x):
    """Per-step log-retention, first-order ratio, readout factor and the total tangent along a random u."""
    with torch.no_grad():
        yhat, hs, gates, cands = model(x, keep=True)
    named = dict(model.named_parameters())
    u = {k: torch.randn_like(p) for k, p in named.items()}
    norm = torch.sqrt(sum((v ** 2).sum() for v in u.values()))
    fwd = torch.autograd.forward_ad
    with fwd.dual_level():
        duals = {k: fwd.make_dual(p.detach(), u[k] / norm) for k, p in named.items()}
        _, hs_dual, _, _ = functional_call(model, duals, (x, True))
        tangent = fwd.unpack_dual(hs_dual).tangent
    with torch.no_grad():
        if isinstance(model, DiagGate):
            s, cand = torch.stack(gates, 1), torch.stack(cands, 1)
            h_prev = torch.cat([torch.zeros_like(hs[:, :1]), hs[:, :-1]], 1)
            leak = (1 - s).clamp(1e-12, 1)
            rdiag = s * (1 - cand ** 2) * torch.diagonal(model.Wh.weight) \
                + (cand - h_prev) * s * (1 - s) * torch.diagonal(model.Us.weight)
            return yhat, leak.double().log(), (rdiag / leak).double(), None, tangent
        i, f, o, g, c_prev, c = (torch.stack(z, 1) for z in zip(*gates))
        expr = o * (1 - torch.tanh(c) ** 2)
        cdiag = c_prev * f * (1 - f) * torch.diagonal(model.Uf.weight) \
            + g * i * (1 - i) * torch.diagonal(model.Ui.weight) + i * (1 - g ** 2) * torch.diagonal(model.Ug.weight)
        expr_prev = torch.cat([torch.zeros_like(expr[:, :1]), expr[:, :-1]], 1)
        leak = f.clamp(1e-12, 1)
        return yhat, leak.double().log(), (cdiag * expr_prev / leak).double(), expr.double(), tangent


def bench_diagnose(a):
    model = model_for(a.arch, a.input, a.hidden)
    lags = torch.linspace(4, min(256, a.length - 1), a.lags).long().tolist()
    torch.manual_seed(1)
    diagnose_batch(model, lags, a)
    start = time.perf_counter()
    for _ in range(0, a.sequences, a.batch):
        envelope, psi = diagnose_batch(model, lags, a)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "envelope_last": float(envelope), "samples_last_lag": psi.numel()}


def diagnose_batch(model, lags, a):
    """One batch of the diagnostic pass: factors, then μ, envelope and oriented ψ per lag (tensor ops per lag)."""
    x = torch.randn(a.batch, a.length, a.input)
    y = torch.randn(a.batch, a.length, 1)
    yhat, log_leak, ratio, expr, v = retention_diag(model, x)
    delta = ((yhat - y) * model.out.weight).double()
    v = v.double()
    zero = torch.zeros_like(log_leak[:, :1])
    cum_log = torch.cat([zero, log_leak.cumsum(1)], 1)
    cum_ratio = torch.cat([zero, ratio.cumsum(1)], 1)
    for ell in lags:
        gamma = torch.exp(cum_log[:, ell:] - cum_log[:, :-ell])
        if expr is not None:
            gamma = gamma * expr[:, ell - 1:]
        mu = gamma * (1 + cum_ratio[:, ell:] - cum_ratio[:, :-ell])
        envelope = mu.abs().mean((1, 2)).mean()
        psi = (mu[:, 1:] * delta[:, ell:] * v[:, :-ell]).sum(2).flatten()
        psi = psi * torch.sign(psi.mean())
    return envelope, psi


def blas_library():
    """The file of the BLAS library loaded into this process (symbolic links resolved), or "unknown"."""
    with open("/proc/self/maps") as maps:
        for line in maps:
            path = line.split()[-1]
            if "blas" in os.path.basename(path) or "libmkl" in path:
                return os.path.realpath(path)
    return "unknown"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=["train", "diagnose"])
    parser.add_argument("--arch", choices=["diag", "lstm"], default="diag")
    parser.add_argument("--length", type=int, default=512)
    parser.add_argument("--hidden", type=int, default=128)
    parser.add_argument("--input", type=int, default=16)
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--batches", type=int, default=3)
    parser.add_argument("--sequences", type=int, default=1024)
    parser.add_argument("--lags", type=int, default=64)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--dtype", choices=["float32", "float64"], default="float32")
    a = parser.parse_args()
    torch.set_num_threads(a.threads)
    torch.set_default_dtype(getattr(torch, a.dtype))
    result = bench_train(a) if a.what == "train" else bench_diagnose(a)
    result.update({"what": a.what, "arch": a.arch, "length": a.length, "hidden": a.hidden, "batch": a.batch,
                   "blas": blas_library()})
    print(json.dumps(result))


if __name__ == "__main__":
    main()
