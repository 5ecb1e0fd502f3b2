#!/usr/bin/python3
"""Reference values for LstmReferenceTest (THEORY §2.5, §4.2, §5.4), computed with PyTorch in float64.

Writes lstm_reference.txt beside this script: for each case (without and with LayerNorm on the cell candidate)
the parameters in the Horizon layout, a batch, and what the Java LSTM must reproduce:
  * predictions, h and c of the forward pass (without LayerNorm through torch.nn.LSTM itself, so the gate
    semantics are PyTorch's; with LayerNorm through an explicit cell using torch.nn.functional.layer_norm),
  * the weighted sum of squared errors and its gradient by autograd,
  * the total tangent of (h, c) along a direction u by forward-mode autograd, and the immediate tangent
    (previous state held fixed) by forward-mode autograd of one step at a time,
  * the retention trace of THEORY §4.2: log f, e_t = o_t (1 - tanh^2 c_t) and cdiag_t e_{t-1} / f_t; cdiag is
    checked here against the diagonal of the autograd Jacobian dc_t/dh_{t-1} (no LayerNorm case).

Line format: "<case> <name> <shape as d1,d2,... or 'scalar'> <comma-separated values>", values in Python's
shortest round-trip repr. Run: /usr/bin/python3 generate_lstm_reference.py
"""
import os

import numpy as np
import torch
import torch.autograd.forward_ad as fwad

torch.set_default_dtype(torch.float64)

B, T, H, D = 2, 7, 4, 3
GATES = "ifog"
SCALE = 0.5


def layout(layer_norm):
    """(name, shape) of every tensor, in the order of ParameterLayout."""
    specs = []
    for g in GATES:
        specs += [(f"W{g}.weight", (H, D)), (f"W{g}.bias", (H,))]
    for g in GATES:
        specs.append((f"U{g}.weight", (H, H)))
    specs += [("out.weight", (1, H)), ("out.bias", (1,))]
    if layer_norm:
        specs += [("ln_cand.weight", (H,)), ("ln_cand.bias", (H,))]
    return specs


def random_tensors(rng, layer_norm):
    p = {}
    for name, shape in layout(layer_norm):
        offset = 1.0 if name == "ln_cand.weight" else 0.0
        p[name] = torch.tensor(offset + SCALE * rng.standard_normal(shape))
    return p


def pre_activation(p, g, x_t, h_prev):
    return x_t @ p[f"W{g}.weight"].T + p[f"W{g}.bias"] + h_prev @ p[f"U{g}.weight"].T


def cell_step(p, layer_norm, x_t, h_prev, c_prev):
    """LW-4 ... LW-8 for one step of the batch, with LayerNorm on the candidate pre-activation when asked."""
    i = torch.sigmoid(pre_activation(p, "i", x_t, h_prev))
    f = torch.sigmoid(pre_activation(p, "f", x_t, h_prev))
    o = torch.sigmoid(pre_activation(p, "o", x_t, h_prev))
    z = pre_activation(p, "g", x_t, h_prev)
    if layer_norm:
        z = torch.nn.functional.layer_norm(z, (H,), p["ln_cand.weight"], p["ln_cand.bias"], eps=1e-5)
    g = torch.tanh(z)
    c = f * c_prev + i * g
    return o * torch.tanh(c), c, (i, f, o, g)


def explicit_forward(p, layer_norm, x):
    h = torch.zeros(B, H)
    c = torch.zeros(B, H)
    hs, cs, gates = [], [], []
    for t in range(T):
        h, c, gt = cell_step(p, layer_norm, x[:, t], h, c)
        hs.append(h)
        cs.append(c)
        gates.append(gt)
    return torch.stack(hs, 1), torch.stack(cs, 1), gates


def torch_lstm_forward(p, x):
    """The same network through torch.nn.LSTM (PyTorch gate order i, f, g, o; recurrent biases zero)."""
    lstm = torch.nn.LSTM(D, H, batch_first=True)
    order = "ifgo"
    with torch.no_grad():
        lstm.weight_ih_l0.copy_(torch.cat([p[f"W{g}.weight"] for g in order]))
        lstm.weight_hh_l0.copy_(torch.cat([p[f"U{g}.weight"] for g in order]))
        lstm.bias_ih_l0.copy_(torch.cat([p[f"W{g}.bias"] for g in order]))
        lstm.bias_hh_l0.zero_()
    hs = []
    cs = []
    state = None
    for t in range(T):
        out, state = lstm(x[:, t:t + 1], state)
        hs.append(state[0][0])
        cs.append(state[1][0])
    return torch.stack(hs, 1), torch.stack(cs, 1)


def loss_of(p, layer_norm, x, y, w):
    h, _, _ = explicit_forward(p, layer_norm, x)
    yhat = h @ p["out.weight"][0] + p["out.bias"][0]
    return (w * (yhat - y) ** 2).sum(), yhat


def total_tangent(p, u, layer_norm, x):
    with fwad.dual_level():
        dual = {k: fwad.make_dual(v, u[k]) for k, v in p.items()}
        h, c, _ = explicit_forward(dual, layer_norm, x)
        return fwad.unpack_dual(h).tangent, fwad.unpack_dual(c).tangent


def immediate_tangent(p, u, layer_norm, x, h_all, c_all):
    dh, dc = [], []
    for t in range(T):
        h_prev = h_all[:, t - 1] if t > 0 else torch.zeros(B, H)
        c_prev = c_all[:, t - 1] if t > 0 else torch.zeros(B, H)
        with fwad.dual_level():
            dual = {k: fwad.make_dual(v, u[k]) for k, v in p.items()}
            h, c, _ = cell_step(dual, layer_norm, x[:, t], h_prev, c_prev)
            dh.append(fwad.unpack_dual(h).tangent)
            dc.append(fwad.unpack_dual(c).tangent)
    return torch.stack(dh, 1), torch.stack(dc, 1)


def retention(p, gates, c_all):
    """THEORY §4.2: log f (clamped), e_t and the first-order ratio cdiag_t e_{t-1} / f_t (e_{-1} = 0)."""
    tanh_c = torch.tanh(c_all)
    f = torch.stack([gt[1] for gt in gates], 1)
    o = torch.stack([gt[2] for gt in gates], 1)
    i = torch.stack([gt[0] for gt in gates], 1)
    g = torch.stack([gt[3] for gt in gates], 1)
    e = o * (1 - tanh_c ** 2)
    c_prev = torch.cat([torch.zeros(B, 1, H), c_all[:, :-1]], 1)
    diag = {k: torch.diagonal(p[f"U{k}.weight"]) for k in "ifg"}
    cdiag = c_prev * f * (1 - f) * diag["f"] + g * i * (1 - i) * diag["i"] + i * (1 - g ** 2) * diag["g"]
    e_prev = torch.cat([torch.zeros(B, 1, H), e[:, :-1]], 1)
    ratio = cdiag * e_prev / torch.clamp(f, min=1e-12)
    log_f = torch.log(torch.clamp(f, 1e-12, 1.0))
    return log_f, ratio, e, cdiag


def check_cdiag_against_autograd(p, x, h_all, c_all, cdiag):
    for t in range(T):
        h_prev = h_all[:, t - 1] if t > 0 else torch.zeros(B, H)
        c_prev = c_all[:, t - 1] if t > 0 else torch.zeros(B, H)
        for b in range(B):
            jac = torch.autograd.functional.jacobian(
                lambda hp: cell_step(p, False, x[b:b + 1, t], hp, c_prev[b:b + 1])[1], h_prev[b:b + 1])
            diag = torch.diagonal(jac.reshape(H, H))
            assert torch.allclose(diag, cdiag[b, t], rtol=1e-12, atol=1e-14), (t, b)


def fmt(values):
    return ",".join(repr(float(v)) for v in np.asarray(values, dtype=np.float64).ravel())


def line(case, name, array):
    a = np.asarray(array.detach() if torch.is_tensor(array) else array, dtype=np.float64)
    shape = ",".join(str(d) for d in a.shape) if a.ndim else "scalar"
    return f"{case} {name} {shape} {fmt(a)}"


def case_lines(case, layer_norm, seed):
    rng = np.random.RandomState(seed)
    p = random_tensors(rng, layer_norm)
    x = torch.tensor(rng.standard_normal((B, T, D)))
    y = torch.tensor(rng.standard_normal((B, T)))
    w = torch.tensor(rng.uniform(0, 2, T))
    u_raw = {name: rng.standard_normal(shape) for name, shape in layout(layer_norm)}
    norm = np.sqrt(sum((v ** 2).sum() for v in u_raw.values()))
    u = {k: torch.tensor(v / norm) for k, v in u_raw.items()}

    h_all, c_all, gates = explicit_forward(p, layer_norm, x)
    if not layer_norm:
        h_ref, c_ref = torch_lstm_forward(p, x)
        assert torch.allclose(h_all, h_ref, rtol=1e-12, atol=1e-14)
        assert torch.allclose(c_all, c_ref, rtol=1e-12, atol=1e-14)
        h_all, c_all = h_ref, c_ref

    leaves = {k: v.clone().requires_grad_(True) for k, v in p.items()}
    loss, yhat = loss_of(leaves, layer_norm, x, y, w)
    loss.backward()

    dh, dc = total_tangent(p, u, layer_norm, x)
    ih, ic = immediate_tangent(p, u, layer_norm, x, h_all, c_all)
    log_f, ratio, e, cdiag = retention(p, gates, c_all)
    if not layer_norm:
        check_cdiag_against_autograd(p, x, h_all, c_all, cdiag)

    out = [line(case, "config.layerNorm", 1.0 if layer_norm else 0.0)]
    out += [line(case, "param." + k, v) for k, v in p.items()]
    out += [line(case, "batch.x", x), line(case, "batch.y", y), line(case, "batch.stepWeights", w)]
    out += [line(case, "direction." + k, v) for k, v in u.items()]
    out += [line(case, "forward.predictions", yhat), line(case, "forward.hidden", h_all),
            line(case, "forward.cell", c_all), line(case, "loss", loss)]
    out += [line(case, "gradient." + k, v.grad) for k, v in leaves.items()]
    out += [line(case, "tangent.total.hidden", dh), line(case, "tangent.total.cell", dc),
            line(case, "tangent.immediate.hidden", ih), line(case, "tangent.immediate.cell", ic)]
    out += [line(case, "retention.logRetention", log_f), line(case, "retention.firstOrderRatio", ratio),
            line(case, "retention.readout", e)]
    return out


def main():
    lines = case_lines("plain", False, 20260501) + case_lines("layernorm", True, 20260502)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lstm_reference.txt")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
