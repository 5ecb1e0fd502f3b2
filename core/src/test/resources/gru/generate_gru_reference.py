#!/usr/bin/python3
"""Reference values for GruReferenceTest, written to gru_reference.json beside this script.

A float64 PyTorch GRU cell written directly from THEORY.md section 2.6 (LW-15 ... LW-18), LayerNorm (eps 1e-5,
elementwise affine) on the candidate pre-activation, linear readout at every step. For one model without and one
with LayerNorm it records: hidden states, predictions, the step-weighted squared-error loss and its gradient
(autograd), the total and immediate tangents along a direction (torch.autograd.functional.jvp), and the retention
trace of THEORY section 4.3: log(1 - z), log(r), and [B_j]_qq / (1 - z) with B_j = J_j - (I - Z_j) built as full
matrices from (LW-22) (exact) or as the reference code's product of diagonals (rdiag).
Tensor names and shapes follow the PyTorch nn.Linear layout (weight [out, in]). Run: /usr/bin/python3 <this file>.
"""
import json
import os

import numpy as np
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
D, H, B, T = 3, 5, 2, 7
SCALE = 0.6
RNG = np.random.default_rng(20260611)


def random_parameters(layer_norm):
    p = {}
    for g in "zrh":
        p[f"W{g}.weight"] = RNG.normal(0, SCALE, (H, D))
        p[f"W{g}.bias"] = RNG.normal(0, SCALE, H)
    for g in "zrh":
        p[f"U{g}.weight"] = RNG.normal(0, SCALE, (H, H))
    p["out.weight"] = RNG.normal(0, SCALE, (1, H))
    p["out.bias"] = RNG.normal(0, SCALE, 1)
    if layer_norm:
        p["ln_h.weight"] = 1 + RNG.normal(0, SCALE, H)
        p["ln_h.bias"] = RNG.normal(0, SCALE, H)
    return {k: torch.tensor(v) for k, v in p.items()}


def cell(p, x_t, h_prev):
    """One step (LW-15 ... LW-18); returns h_t, z_t, r_t and the candidate."""
    z = torch.sigmoid(x_t @ p["Wz.weight"].T + p["Wz.bias"] + h_prev @ p["Uz.weight"].T)
    r = torch.sigmoid(x_t @ p["Wr.weight"].T + p["Wr.bias"] + h_prev @ p["Ur.weight"].T)
    pre = x_t @ p["Wh.weight"].T + p["Wh.bias"] + (r * h_prev) @ p["Uh.weight"].T
    if "ln_h.weight" in p:
        pre = F.layer_norm(pre, (H,), p["ln_h.weight"], p["ln_h.bias"], eps=1e-5)
    c = torch.tanh(pre)
    return (1 - z) * h_prev + z * c, z, r, c


def trajectory(p, x):
    """Hidden states [B, T, H] from h_{-1} = 0."""
    h = torch.zeros(B, H)
    out = []
    for t in range(T):
        h = cell(p, x[:, t], h)[0]
        out.append(h)
    return torch.stack(out, dim=1)


def predictions(p, hidden):
    return (hidden @ p["out.weight"].T).squeeze(-1) + p["out.bias"]


def immediate(p, x, previous):
    """Every step from the fixed previous states [B, T, H]."""
    return torch.stack([cell(p, x[:, t], previous[:, t])[0] for t in range(T)], dim=1)


def retention(p, x, hidden):
    """log(1 - z), log(r) and the exact and code-form [B]_qq / (1 - z), each [B, T, H]."""
    previous = torch.cat([torch.zeros(B, 1, H), hidden[:, :-1]], dim=1)
    uz, ur, uh = p["Uz.weight"], p["Ur.weight"], p["Uh.weight"]
    shape = (B, T, H)
    log_a, log_r, exact, code = (np.zeros(shape) for _ in range(4))
    for b in range(B):
        for t in range(T):
            hp = previous[b, t]
            _, z, r, c = cell(p, x[b, t][None], hp[None])
            z, r, c = z[0], r[0], c[0]
            zs, rs, cs = z * (1 - z), r * (1 - r), 1 - c * c
            jac = (torch.diag(1 - z) + torch.diag((c - hp) * zs) @ uz
                   + torch.diag(z * cs) @ uh @ (torch.diag(r) + torch.diag(hp * rs) @ ur))
            if "ln_h.weight" not in p:
                autograd = torch.autograd.functional.jacobian(lambda v: cell(p, x[b, t][None], v[None])[0][0], hp)
                assert torch.allclose(jac, autograd, rtol=1e-12, atol=1e-13)
            rdiag = (c - hp) * zs * torch.diagonal(uz) + z * cs * torch.diagonal(uh) * (
                r + hp * rs * torch.diagonal(ur))
            log_a[b, t] = torch.log(1 - z).numpy()
            log_r[b, t] = torch.log(r).numpy()
            exact[b, t] = ((torch.diagonal(jac) - (1 - z)) / (1 - z)).numpy()
            code[b, t] = (rdiag / (1 - z)).numpy()
    return log_a, log_r, exact, code


def flat(v):
    return [float(e) for e in np.asarray(v.detach().numpy() if torch.is_tensor(v) else v).reshape(-1)]


def case(layer_norm):
    p = random_parameters(layer_norm)
    names = list(p)
    x = torch.tensor(RNG.normal(size=(B, T, D)))
    y = torch.tensor(RNG.normal(size=(B, T)))
    weights = torch.tensor(RNG.uniform(0, 2, T))
    u = {k: torch.tensor(RNG.normal(size=tuple(v.shape))) for k, v in p.items()}
    norm = torch.sqrt(sum((v ** 2).sum() for v in u.values()))
    u = {k: v / norm for k, v in u.items()}

    leaves = {k: v.clone().requires_grad_(True) for k, v in p.items()}
    hidden = trajectory(leaves, x)
    yhat = predictions(leaves, hidden)
    loss = (weights * (yhat - y) ** 2).sum()
    grads = torch.autograd.grad(loss, [leaves[k] for k in names])

    def total(*values):
        return trajectory(dict(zip(names, values)), x)

    previous = torch.cat([torch.zeros(B, 1, H), hidden.detach()[:, :-1]], dim=1)

    def held(*values):
        return immediate(dict(zip(names, values)), x, previous)

    primal = tuple(p[k] for k in names)
    tangent = tuple(u[k] for k in names)
    _, v_total = torch.autograd.functional.jvp(total, primal, tangent)
    _, v_immediate = torch.autograd.functional.jvp(held, primal, tangent)
    log_a, log_r, exact, code = retention(p, x, hidden.detach())
    return {
        "layerNorm": layer_norm,
        "parameters": {k: {"shape": list(v.shape), "data": flat(v)} for k, v in p.items()},
        "direction": {k: flat(v) for k, v in u.items()},
        "x": flat(x),
        "y": flat(y),
        "stepWeights": flat(weights),
        "hidden": flat(hidden),
        "predictions": flat(yhat),
        "loss": float(loss),
        "gradient": {k: flat(g) for k, g in zip(names, grads)},
        "tangentTotal": flat(v_total),
        "tangentImmediate": flat(v_immediate),
        "logRetention": flat(log_a),
        "logReset": flat(log_r),
        "ratioExact": flat(exact),
        "ratioCode": flat(code),
    }


def main():
    out = {"inputDim": D, "hiddenSize": H, "batchSize": B, "length": T,
           "cases": [case(False), case(True)]}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gru_reference.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
