#!/usr/bin/env python3
"""Reference values for LeakyReferenceTest: ConstGate, SharedGate and DiagGate (THEORY §2.2-2.4) in PyTorch float64.

For each architecture, with and without LayerNorm, on random parameters and inputs: the hidden states and readout of
the forward pass, the weighted sum of squared errors and its autograd gradient, the total forward-mode tangent of the
hidden trajectory along a random direction (torch.autograd.functional.jvp), and the retention trace of THEORY §4.1.
The script also checks that, without LayerNorm, a_j + [B_j]_qq equals the diagonal of the one-step Jacobian that
autograd computes. Writes reference.json next to itself.

Run: /usr/bin/python3 generate_reference.py
"""
import json
import math
import os

import numpy as np
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)

D, H, B, T = 3, 4, 2, 7
CONST_S = 0.3
EPS_LN = 1e-5
MIN_RETENTION = 1e-12


def layout(arch, ln):
    """Tensor names and shapes in PyTorch module order (nn.Linear weight is [out, in])."""
    g = {"const": 0, "shared": 1, "diag": H}[arch]
    shapes = {"Wx.weight": [H, D], "Wx.bias": [H], "Wh.weight": [H, H]}
    if g:
        shapes.update({"Ws.weight": [g, D], "Ws.bias": [g], "Us.weight": [g, H]})
    shapes.update({"out.weight": [1, H], "out.bias": [1]})
    if ln:
        prefix = "ln" if arch == "const" else "ln_h"
        shapes.update({prefix + ".weight": [H], prefix + ".bias": [H]})
    return shapes


def gate(arch, p, x_t, h_prev):
    """s_t of every unit: s_const (LW-56), sigma(w_s x + b_s + u_s h) broadcast (LW-54), per unit (LW-52)."""
    if arch == "const":
        return torch.full_like(h_prev, CONST_S)
    return torch.sigmoid(F.linear(x_t, p["Ws.weight"], p["Ws.bias"]) + F.linear(h_prev, p["Us.weight"])).expand_as(h_prev)


def cell(arch, ln, p, x_t, h_prev):
    """One step: candidate tanh([LN](W_x x + b_x + W_h h)), gate s, state (1-s) h + s cand."""
    pre = F.linear(x_t, p["Wx.weight"], p["Wx.bias"]) + F.linear(h_prev, p["Wh.weight"])
    if ln:
        prefix = "ln" if arch == "const" else "ln_h"
        pre = F.layer_norm(pre, (H,), p[prefix + ".weight"], p[prefix + ".bias"], EPS_LN)
    cand = torch.tanh(pre)
    s = gate(arch, p, x_t, h_prev)
    return (1 - s) * h_prev + s * cand, cand, s


def run(arch, ln, p, x):
    h = torch.zeros(x.shape[0], H)
    hs, cands, gates = [], [], []
    for t in range(x.shape[1]):
        h, cand, s = cell(arch, ln, p, x[:, t], h)
        hs.append(h)
        cands.append(cand)
        gates.append(s)
    return torch.stack(hs, 1), torch.stack(cands, 1), torch.stack(gates, 1)


def retention(arch, p, hidden, cand, s):
    """THEORY §4.1: log a_j = log clamp(1 - s_j), ratio = [B_j]_qq / max(a_j, 1e-12) with the table's rdiag."""
    prev = torch.cat([torch.zeros(hidden.shape[0], 1, H), hidden[:, :-1]], 1)
    wh_diag = torch.diagonal(p["Wh.weight"])
    if arch == "const":
        self_weight = torch.zeros(H)
    elif arch == "shared":
        self_weight = p["Us.weight"][0]
    else:
        self_weight = torch.diagonal(p["Us.weight"])
    a = 1 - s
    rdiag = s * (1 - cand ** 2) * wh_diag + (cand - prev) * s * a * self_weight
    log_a = torch.log(torch.clamp(a, MIN_RETENTION, 1.0))
    return log_a, rdiag / torch.clamp(a, min=MIN_RETENTION), a, rdiag, prev


def check_jacobian_diagonal(arch, p, x, prev, a, rdiag):
    for t in range(T):
        for b in range(B):
            jac = torch.autograd.functional.jacobian(lambda h: cell(arch, False, p, x[b:b + 1, t], h)[0][0],
                                                     prev[b:b + 1, t])[:, 0, :]
            expected = torch.diagonal(jac)
            got = a[b, t] + rdiag[b, t]
            assert torch.allclose(got, expected, rtol=1e-12, atol=1e-14), (arch, b, t, got, expected)


def case(arch, ln, seed):
    rng = np.random.RandomState(seed)
    shapes = layout(arch, ln)
    params = {}
    for name, shape in shapes.items():
        value = 0.5 * rng.standard_normal(shape)
        if name.startswith("ln") and name.endswith(".weight"):
            value += 1.0
        params[name] = torch.tensor(value, requires_grad=True)
    direction = {name: torch.tensor(rng.standard_normal(shape)) for name, shape in shapes.items()}
    x = torch.tensor(rng.standard_normal((B, T, D)))
    y = torch.tensor(rng.standard_normal((B, T)))
    weights = torch.tensor(rng.uniform(0.0, 2.0, T)) if ln else torch.ones(T)

    hidden, cand, s = run(arch, ln, params, x)
    yhat = F.linear(hidden, params["out.weight"], params["out.bias"])[..., 0]
    loss = (weights * (yhat - y) ** 2).sum()
    grads = torch.autograd.grad(loss, list(params.values()))

    names = list(shapes)
    plain = {n: params[n].detach() for n in names}

    def trajectory(*values):
        return run(arch, ln, dict(zip(names, values)), x)[0]

    _, tangent = torch.autograd.functional.jvp(trajectory, tuple(plain[n] for n in names),
                                               tuple(direction[n] for n in names))
    log_a, ratio, a, rdiag, prev = retention(arch, plain, hidden.detach(), cand.detach(), s.detach())
    if not ln:
        check_jacobian_diagonal(arch, plain, x, prev, a, rdiag)

    def tensors(values):
        return {n: {"shape": shapes[n], "data": flat(values[n])} for n in names}

    out = {
        "architecture": arch,
        "layerNorm": ln,
        "inputDim": D,
        "hiddenSize": H,
        "constS": CONST_S,
        "batchSize": B,
        "length": T,
        "parameters": tensors(plain),
        "direction": tensors(direction),
        "x": flat(x),
        "y": flat(y),
        "stepWeights": flat(weights) if ln else None,
        "hidden": flat(hidden),
        "predictions": flat(yhat),
        "loss": loss.item(),
        "gradient": {n: flat(g) for n, g in zip(names, grads)},
        "tangent": flat(tangent),
        "logRetention": flat(log_a),
        "firstOrderRatio": flat(ratio),
    }
    if arch == "const":
        out["parameters"]["s_const"] = {"shape": [], "data": [CONST_S]}
    return out


def flat(t):
    values = t.detach().reshape(-1).tolist()
    assert all(math.isfinite(v) for v in values)
    return values


def main():
    cases = []
    seed = 20260601
    for arch in ("const", "shared", "diag"):
        for ln in (False, True):
            cases.append(case(arch, ln, seed))
            seed += 1
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference.json")
    with open(path, "w") as f:
        json.dump({"generator": "generate_reference.py", "torch": torch.__version__, "cases": cases}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
