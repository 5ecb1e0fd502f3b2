#!/usr/bin/python3
"""Reference quantiles of the truncated Pareto law of the heavy_tail task lags (THEORY §11.4).

scipy.stats.truncpareto(b, c, scale=m) has density proportional to x^-(b+1) on [m, c*m]; with b = a, m = lag_min and
c = lag_max / lag_min it is the lag law of the task. One line per case: 'p lag_min lag_max a quantile'.
"""
import os
from scipy.stats import truncpareto

CASES = [(p, 8, 640, 0.6) for p in (0.0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999)]
CASES += [(p, 1, 50, 1.5) for p in (0.05, 0.5, 0.95)]
CASES += [(p, 32, 768, 0.2) for p in (0.3, 0.7)]

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "truncated_pareto_quantiles.txt"), "w") as out:
    for p, lo, hi, a in CASES:
        q = truncpareto(a, hi / lo, scale=lo).ppf(p)
        out.write(f"{p!r} {lo} {hi} {a!r} {float(q)!r}\n")
