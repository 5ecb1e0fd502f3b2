#!/usr/bin/env python3
"""Reference singular values for SingularValuesTest (THEORY §10.3 "float64 SVD"), from numpy.linalg.svd.

Cases: square, tall and wide Gaussian matrices, a rank-deficient product, and a matrix with singular values spread
over ten decades (built as U diag(s) V^T from random orthogonal factors). Writes singular_values.json next to itself.

Run: /usr/bin/python3 generate_singular_values.py
"""
import json
import os

import numpy as np

rng = np.random.default_rng(20260712)


def orthogonal(n):
    q, r = np.linalg.qr(rng.standard_normal((n, n)))
    return q * np.sign(np.diag(r))


cases = []


def add(name, a):
    cases.append({
        "name": name,
        "rows": int(a.shape[0]),
        "cols": int(a.shape[1]),
        "matrix": a.reshape(-1).tolist(),
        "singularValues": np.linalg.svd(a, compute_uv=False).tolist(),
    })


add("square 12x12", rng.standard_normal((12, 12)))
add("tall 9x4", rng.standard_normal((9, 4)))
add("wide 3x11", rng.standard_normal((3, 11)))
add("rank 2 of 7x7", rng.standard_normal((7, 2)) @ rng.standard_normal((2, 7)))
spread = np.logspace(0, -10, 8)
add("ten decades 8x8", orthogonal(8) @ np.diag(spread) @ orthogonal(8).T)

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "singular_values.json"), "w") as f:
    json.dump({"cases": cases}, f, indent=1)
