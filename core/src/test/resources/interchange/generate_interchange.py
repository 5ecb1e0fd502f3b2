#!/usr/bin/python3
"""PyTorch reference models for InterchangeTest: the five gated RNNs of THEORY §2.1-2.6 written by hand with
nn.Linear / nn.LayerNorm in the tensor layout of ParameterLayout (nn.Linear weight [out, in]; input modules carry the
bias, recurrent modules none; LayerNorm on the candidate pre-activation including the input bias: ConstGate `ln`,
SharedGate/DiagGate/GRU `ln_h`, LSTM `ln_cand`; ConstGate `s_const` a buffer of shape []).

For every architecture, with LayerNorm off and on, this writes
  <arch>_ln<0|1>.safetensors   the weights as F32 (metadata {"format": "pt"}, as PyTorch's writer would)
  <arch>_ln<0|1>_yhat.npy      the readout y_hat [N, T, 1], float32
  <arch>_ln<0|1>_hidden.npy    the hidden states h [N, T, H], float32
and once x.npy [N, T, D] (float32). The weights and inputs are float32 numbers; the forward pass runs in float64 on
them so that the committed outputs carry only the final float32 rounding.
"""
import os

import numpy as np
import torch
from torch import nn

import safetensors_writer

HERE = os.path.dirname(os.path.abspath(__file__))
N, T, D, H = 4, 10, 3, 6
S_CONST = 0.3


class Cell(nn.Module):
    """Shared parts: the readout and the optional LayerNorm on the candidate pre-activation."""

    def __init__(self, layer_norm, ln_name):
        super().__init__()
        self.out = nn.Linear(H, 1)
        self.ln_name = ln_name if layer_norm else None
        if layer_norm:
            self.add_module(ln_name, nn.LayerNorm(H, eps=1e-5))

    def candidate(self, pre):
        if self.ln_name is not None:
            pre = getattr(self, self.ln_name)(pre)
        return torch.tanh(pre)

    def initial_state(self, batch, dtype):
        return torch.zeros(batch, H, dtype=dtype)

    def forward(self, x):
        state = self.initial_state(x.shape[0], x.dtype)
        hidden = []
        for t in range(x.shape[1]):
            state = self.step(x[:, t], state)
            hidden.append(state[0] if isinstance(state, tuple) else state)
        h = torch.stack(hidden, dim=1)
        return self.out(h), h


class ConstGate(Cell):
    """THEORY §2.2 (LW-56): h_t = (1 - s) h_{t-1} + s tanh(LN(W_x x_t + b + W_h h_{t-1}))."""

    def __init__(self, layer_norm):
        super().__init__(layer_norm, "ln")
        self.Wx = nn.Linear(D, H)
        self.Wh = nn.Linear(H, H, bias=False)
        self.register_buffer("s_const", torch.tensor(S_CONST))

    def step(self, x, h):
        s = self.s_const
        return (1 - s) * h + s * self.candidate(self.Wx(x) + self.Wh(h))


class GatedByLinear(Cell):
    """THEORY §2.3 / §2.4 (LW-54, LW-52): s_t = sigmoid(W_s x_t + b_s + U_s h_{t-1}), one gate or one per neuron."""

    def __init__(self, layer_norm, gates):
        super().__init__(layer_norm, "ln_h")
        self.Wx = nn.Linear(D, H)
        self.Wh = nn.Linear(H, H, bias=False)
        self.Ws = nn.Linear(D, gates)
        self.Us = nn.Linear(H, gates, bias=False)

    def step(self, x, h):
        s = torch.sigmoid(self.Ws(x) + self.Us(h))
        return (1 - s) * h + s * self.candidate(self.Wx(x) + self.Wh(h))


class Gru(Cell):
    """THEORY §2.6 (LW-15 ... LW-18): the reset gate multiplies h_{t-1} before U_h."""

    def __init__(self, layer_norm):
        super().__init__(layer_norm, "ln_h")
        self.Wz, self.Wr, self.Wh = nn.Linear(D, H), nn.Linear(D, H), nn.Linear(D, H)
        self.Uz = nn.Linear(H, H, bias=False)
        self.Ur = nn.Linear(H, H, bias=False)
        self.Uh = nn.Linear(H, H, bias=False)

    def step(self, x, h):
        z = torch.sigmoid(self.Wz(x) + self.Uz(h))
        r = torch.sigmoid(self.Wr(x) + self.Ur(h))
        return (1 - z) * h + z * self.candidate(self.Wh(x) + self.Uh(r * h))


class Lstm(Cell):
    """THEORY §2.5 (LW-4 ... LW-8): c_t = f c_{t-1} + i g, h_t = o tanh(c_t), LayerNorm on the g pre-activation."""

    def __init__(self, layer_norm):
        super().__init__(layer_norm, "ln_cand")
        self.Wi, self.Wf, self.Wo, self.Wg = (nn.Linear(D, H) for _ in range(4))
        self.Ui, self.Uf, self.Uo, self.Ug = (nn.Linear(H, H, bias=False) for _ in range(4))

    def initial_state(self, batch, dtype):
        return torch.zeros(batch, H, dtype=dtype), torch.zeros(batch, H, dtype=dtype)

    def step(self, x, state):
        h, c = state
        i = torch.sigmoid(self.Wi(x) + self.Ui(h))
        f = torch.sigmoid(self.Wf(x) + self.Uf(h))
        o = torch.sigmoid(self.Wo(x) + self.Uo(h))
        g = self.candidate(self.Wg(x) + self.Ug(h))
        c = f * c + i * g
        return o * torch.tanh(c), c


MODELS = {
    "const": ConstGate,
    "shared": lambda ln: GatedByLinear(ln, 1),
    "diag": lambda ln: GatedByLinear(ln, H),
    "gru": Gru,
    "lstm": Lstm,
}


def randomise(model, generator):
    """Every trainable value random, so that every path of the cell matters (LayerNorm weight around 1)."""
    with torch.no_grad():
        for name, p in model.named_parameters():
            noise = torch.randn(p.shape, generator=generator)
            if name.startswith("ln") and name.endswith(".weight"):
                p.copy_(1 + 0.3 * noise)
            elif name.endswith(".bias"):
                p.copy_(0.4 * noise)
            else:
                p.copy_(0.6 * noise)


def check_lstm_against_torch(model, x):
    """Self-check of the hand-written LSTM without LayerNorm: nn.LSTM with the same weights (gate order i, f, g, o)."""
    reference = nn.LSTM(D, H, batch_first=True).double()
    with torch.no_grad():
        reference.weight_ih_l0.copy_(torch.cat([model.Wi.weight, model.Wf.weight, model.Wg.weight, model.Wo.weight]))
        reference.weight_hh_l0.copy_(torch.cat([model.Ui.weight, model.Uf.weight, model.Ug.weight, model.Uo.weight]))
        reference.bias_ih_l0.copy_(torch.cat([model.Wi.bias, model.Wf.bias, model.Wg.bias, model.Wo.bias]))
        reference.bias_hh_l0.zero_()
        expected, _ = reference(x)
        _, h = model(x)
    assert torch.allclose(expected, h, atol=1e-12), "hand-written LSTM differs from nn.LSTM"


def main():
    generator = torch.Generator().manual_seed(20240602)
    x32 = torch.randn(N, T, D, generator=generator, dtype=torch.float32)
    np.save(os.path.join(HERE, "x.npy"), x32.numpy())
    for arch, build in MODELS.items():
        for layer_norm in (False, True):
            model = build(layer_norm)
            randomise(model, generator)
            stem = f"{arch}_ln{int(layer_norm)}"
            tensors = {k: v.detach().numpy().astype(np.float32) for k, v in model.state_dict().items()}
            safetensors_writer.write(os.path.join(HERE, stem + ".safetensors"), tensors, {"format": "pt"})
            model = model.double()
            x64 = x32.double()
            if arch == "lstm" and not layer_norm:
                check_lstm_against_torch(model, x64)
            with torch.no_grad():
                yhat, h = model(x64)
            assert torch.isfinite(yhat).all() and torch.isfinite(h).all()
            np.save(os.path.join(HERE, stem + "_yhat.npy"), yhat.numpy().astype(np.float32))
            np.save(os.path.join(HERE, stem + "_hidden.npy"), h.numpy().astype(np.float32))


if __name__ == "__main__":
    main()
