#!/usr/bin/python3
"""Reference p-values of the runs test, the sign test and the normal upper tail (THEORY §11.3 item 6).

The Wald-Wolfowitz runs test (normal approximation, two-sided) is written out from its textbook moments with
scipy.stats.norm for the tail; the one-sided sign test is scipy.stats.binomtest(k, n, 0.5, alternative='greater').
Lines: 'normal z sf', 'runs z p r_1 ... r_n', 'sign p r_1 ... r_n'.
"""
import os
import numpy as np
from scipy.stats import binomtest, norm


def runs_test(r):
    s = np.sign(r)
    s = s[s != 0]
    pos, neg = int(np.sum(s > 0)), int(np.sum(s < 0))
    runs = 1 + int(np.sum(s[1:] != s[:-1]))
    n = pos + neg
    prod = 2.0 * pos * neg
    mean = prod / n + 1
    var = prod * (prod - n) / (n * n * (n - 1))
    z = (runs - mean) / np.sqrt(var)
    return z, 2 * norm.sf(abs(z))


rng = np.random.default_rng(20260411)
lines = []
for z in (-9.0, -4.2, -2.5, -1.0, -0.3, 0.0, 0.7, 1.6449, 2.4, 3.1, 5.5, 8.0, 12.0, 30.0):
    lines.append(f"normal {z!r} {float(norm.sf(z))!r}")
for n, shape in ((12, "iid"), (40, "iid"), (200, "iid"), (30, "trend"), (64, "wave"), (25, "alternating")):
    x = np.arange(n)
    if shape == "iid":
        r = rng.normal(size=n)
    elif shape == "trend":
        r = 0.05 * (x - n / 2) ** 2 - 3 + 0.5 * rng.normal(size=n)
    elif shape == "wave":
        r = np.sin(x / 5.0) + 0.3 * rng.normal(size=n)
    else:
        r = (-1.0) ** x * (1 + rng.random(n))
    r[rng.integers(0, n)] = 0.0
    z, p = runs_test(r)
    lines.append("runs " + " ".join(repr(float(v)) for v in (z, p, *r)))
for n, shift in ((10, 0.0), (25, -0.4), (60, -0.3), (300, -0.1), (1500, 0.05), (17, 0.8)):
    r = rng.normal(size=n) + shift
    k = int(np.sum(r < 0))
    p = binomtest(k, int(np.sum(r != 0)), 0.5, alternative="greater").pvalue
    lines.append("sign " + " ".join(repr(float(v)) for v in (p, *r)))

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "sign_tests.txt"), "w") as out:
    out.write("\n".join(lines) + "\n")
