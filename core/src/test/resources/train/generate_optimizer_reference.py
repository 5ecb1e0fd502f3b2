#!/usr/bin/python3
"""Reference trajectories of torch.optim.AdamW, torch.optim.SGD and torch.nn.utils.clip_grad_norm_ in float64.

Two tensors ('a' [3, 4], 'b' [5]) start from fixed seeded values; every case replays the same five seeded
gradients (scaled per step so that clipping is active on some steps and idle on others). For each case and step
the file records the parameters after the step, and for clipping cases the pre-clip norm and the clipped
gradients. Output: optimizer_reference.json beside this script.
"""
import json
import os

import numpy as np
import torch

SHAPES = {"a": [3, 4], "b": [5]}
STEP_SCALES = [0.2, 3.0, 0.05, 10.0, 1.0]
CASES = [
    {"name": "adamw", "kind": "adamw", "lr": 1e-2, "weight_decay": 0.1, "momentum": 0.0, "clip": 0.0},
    {"name": "adamw-no-decay", "kind": "adamw", "lr": 3e-3, "weight_decay": 0.0, "momentum": 0.0, "clip": 0.0},
    {"name": "sgd", "kind": "sgd", "lr": 0.1, "weight_decay": 0.01, "momentum": 0.0, "clip": 0.0},
    {"name": "sgd-momentum", "kind": "sgd-momentum", "lr": 0.05, "weight_decay": 0.02, "momentum": 0.9,
     "clip": 0.0},
    {"name": "adamw-clipped", "kind": "adamw", "lr": 1e-2, "weight_decay": 1e-4, "momentum": 0.0, "clip": 1.0},
    {"name": "sgd-momentum-clipped", "kind": "sgd-momentum", "lr": 0.05, "weight_decay": 0.0, "momentum": 0.9,
     "clip": 2.0},
]


def build_optimizer(case, params):
    if case["kind"] == "adamw":
        return torch.optim.AdamW(params, lr=case["lr"], betas=(0.9, 0.999), eps=1e-8,
                                 weight_decay=case["weight_decay"], amsgrad=False)
    return torch.optim.SGD(params, lr=case["lr"], momentum=case["momentum"], dampening=0.0,
                           weight_decay=case["weight_decay"], nesterov=False)


def as_lists(tensors):
    return {name: t.detach().reshape(-1).tolist() for name, t in tensors.items()}


def main():
    rng = np.random.default_rng(20240611)
    initial = {name: rng.standard_normal(shape) for name, shape in SHAPES.items()}
    gradients = [{name: scale * rng.standard_normal(shape) for name, shape in SHAPES.items()}
                 for scale in STEP_SCALES]
    cases = []
    for case in CASES:
        params = {name: torch.tensor(v, dtype=torch.float64, requires_grad=True) for name, v in initial.items()}
        optimizer = build_optimizer(case, list(params.values()))
        steps = []
        for grads in gradients:
            for name, p in params.items():
                p.grad = torch.tensor(grads[name], dtype=torch.float64)
            record = {}
            if case["clip"] > 0:
                norm = torch.nn.utils.clip_grad_norm_(list(params.values()), case["clip"])
                record["norm"] = float(norm)
                record["clipped"] = as_lists({name: p.grad for name, p in params.items()})
            optimizer.step()
            record["params"] = as_lists(params)
            steps.append(record)
        cases.append(dict(case, steps=steps))
    out = {
        "torch": torch.__version__,
        "shapes": SHAPES,
        "initial": {name: v.reshape(-1).tolist() for name, v in initial.items()},
        "gradients": [{name: g.reshape(-1).tolist() for name, g in grads.items()} for grads in gradients],
        "cases": cases,
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "optimizer_reference.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
