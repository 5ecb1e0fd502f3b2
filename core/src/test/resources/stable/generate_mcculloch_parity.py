#!/usr/bin/python3
"""Reference sample sets and SciPy's McCulloch (1986) estimates for McCullochParityTest.

Draws seeded stable samples (scipy.stats.levy_stable.rvs, S1 parameterisation) and records
scipy.stats.levy_stable._fitstart on each: (alpha, beta, delta, gamma) in S1, quantiles by np.percentile (linear).
Sets: a few chosen ones that reach the special branches (nu_alpha below the table, i.e. alpha = 2 with
beta = sign(nu_beta); nu_alpha beyond the table; negative nu_beta; n = 500) and random (alpha, beta) on
[0.6, 2] x [-1, 1] so that every table cell is visited by some set.

Negative beta: SciPy 1.10 treats nu_beta < 0 by McCulloch's symmetry (the mirror-image bug of SciPy issue
#14470 was fixed by PR #14476 before 1.10); the script checks that _fitstart(-x) mirrors _fitstart(x) on every
set, so the test compares all sets, negative beta included.

Outputs beside this script:
  mcculloch_parity_samples.f64  all samples, concatenated, little-endian float64
  mcculloch_parity.txt          one line per set: alpha beta n alpha_hat beta_hat gamma_hat delta_hat
"""
import os

import numpy as np
from scipy.stats import levy_stable

CHOSEN = [(2.0, 0.0, 600), (2.0, 0.0, 601), (0.5, 0.0, 600), (0.55, 1.0, 600), (1.5, -1.0, 600),
          (1.0, 0.0, 600), (1.2, -0.4, 500), (1.8, 0.9, 2000)]
RANDOM_SETS = 28
SIZE = 600


def main():
    rng = np.random.default_rng(20240611)
    specs = list(CHOSEN)
    for _ in range(RANDOM_SETS):
        specs.append((round(rng.uniform(0.6, 2.0), 3), round(rng.uniform(-1.0, 1.0), 3), SIZE))
    here = os.path.dirname(os.path.abspath(__file__))
    rows = []
    chunks = []
    for alpha, beta, n in specs:
        x = levy_stable.rvs(alpha, beta, size=n, random_state=rng)
        a, b, d, g = levy_stable._fitstart(x)
        ma, mb, md, mg = levy_stable._fitstart(-x)
        assert np.allclose([ma, mb, md, mg], [a, -b, -d, g], rtol=1e-12, atol=1e-12), (alpha, beta)
        chunks.append(x.astype("<f8"))
        rows.append(f"{alpha!r} {beta!r} {n} {a!r} {b!r} {g!r} {d!r}\n")
    with open(os.path.join(here, "mcculloch_parity_samples.f64"), "wb") as out:
        out.write(np.concatenate(chunks).tobytes())
    with open(os.path.join(here, "mcculloch_parity.txt"), "w") as out:
        out.write("# SciPy 1.10 levy_stable._fitstart (S1) on the sets in mcculloch_parity_samples.f64, in order.\n")
        out.write("# columns: alpha beta n alpha_hat beta_hat gamma_hat delta_hat\n")
        out.writelines(rows)


if __name__ == "__main__":
    main()
