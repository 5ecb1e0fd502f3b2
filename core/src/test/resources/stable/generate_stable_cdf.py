#!/usr/bin/python3
"""Reference CDF values of stable laws (S1 parameterisation) for StableSamplerTest.

For each (alpha, beta, gamma, delta) the x points are SciPy's quantiles at levels 0.02, 0.05, ..., 0.98 and the
recorded value is scipy.stats.levy_stable.cdf at x (S1, SciPy's default parameterisation, the one McCulloch's
estimates and the Chambers-Mallows-Stuck sampler use). The cases cover beta = 0, skewed laws, alpha = 1 with
gamma != 1 (its extra (2/pi) beta gamma log gamma shift), alpha < 1, alpha = 2 and the totally skewed Levy law.
Output: stable_cdf.txt beside this script, rows 'alpha beta gamma delta x cdf'.
"""
import os

import numpy as np
from scipy.stats import levy_stable

CASES = [(1.5, 0.0, 1.0, 0.0), (1.5, 0.5, 1.0, 0.0), (0.8, -0.7, 1.0, 0.0), (1.0, 0.5, 2.0, 1.0),
         (2.0, 0.0, 1.0, 0.0), (0.5, 1.0, 1.0, 0.0), (1.2, -1.0, 0.5, -3.0), (1.0, 0.0, 3.0, 0.0)]
LEVELS = [0.02] + [round(0.05 * k, 2) for k in range(1, 20)] + [0.98]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "stable_cdf.txt"), "w") as out:
        out.write("# scipy.stats.levy_stable (S1) CDF; columns: alpha beta gamma delta x cdf\n")
        for alpha, beta, gamma, delta in CASES:
            law = levy_stable(alpha, beta, loc=delta, scale=gamma)
            for level in LEVELS:
                x = float(law.ppf(level))
                out.write(f"{alpha!r} {beta!r} {gamma!r} {delta!r} {x!r} {float(law.cdf(x))!r}\n")


if __name__ == "__main__":
    main()
