#!/usr/bin/python3
"""NumPy reference of the two symmetric estimators of THEORY §7.1 for SymmetricReferenceTest.

Runs on the sample sets of mcculloch_parity_samples.f64 (set sizes from mcculloch_parity.txt) and writes
symmetric_reference.txt, one line per set: n alpha_sym gamma_sym alpha_ecf gamma_ecf band.
  * Symmetric McCulloch: np.percentile (linear) quantiles, nu = (q95 - q05)/(q75 - q25) inverted by np.interp on
    the 201-point grid core/src/main/resources/stable/sas_quantile_grid.txt (clamped), gamma = IQR/phi_3(alpha).
  * Koutrouvelis ECF for SaS: 50 t on [0.05/s, 3/s] (np.linspace), s = IQR/1.349;
    |phi|^2 = mean(cos tx)^2 + mean(sin tx)^2; band 0.01 < |phi|^2 < 0.95 with >= 5 points, else 1e-4 ... 0.999
    with >= 3, else the symmetric McCulloch result (band 'fallback'); weighted least squares of
    log(-log|phi|^2) on log t, weights exp(-2(log|phi|^2 + 0.7)^2); alpha = slope clipped to [1, 2],
    gamma = (exp(intercept)/2)^(1/alpha).
"""
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
GRID = os.path.join(HERE, "..", "..", "..", "main", "resources", "stable", "sas_quantile_grid.txt")


def load_grid():
    rows = [line.split() for line in open(GRID) if line.strip() and line[0] not in "#["]
    grid = np.array(rows, dtype=float)
    return grid[:, 0], grid[:, 2] / grid[:, 1], 2 * grid[:, 1]


def symmetric_mcculloch(x, alpha_grid, nu_grid, phi3_grid):
    q05, q25, q75, q95 = np.percentile(x, [5, 25, 75, 95])
    nu = (q95 - q05) / (q75 - q25)
    alpha = np.interp(nu, nu_grid[::-1], alpha_grid[::-1])
    return alpha, (q75 - q25) / np.interp(alpha, alpha_grid, phi3_grid)


def ecf(x, fallback):
    q25, q75 = np.percentile(x, [25, 75])
    s = (q75 - q25) / 1.349
    t = np.linspace(0.05 / s, 3.0 / s, 50)
    tx = np.outer(t, x)
    phi2 = np.cos(tx).mean(axis=1) ** 2 + np.sin(tx).mean(axis=1) ** 2
    for name, lo, hi, need in (("strict", 0.01, 0.95, 5), ("relaxed", 1e-4, 0.999, 3)):
        keep = (phi2 > lo) & (phi2 < hi)
        if keep.sum() >= need:
            break
    else:
        return (*fallback, "fallback")
    X = np.log(t[keep])
    Y = np.log(-np.log(phi2[keep]))
    w = np.exp(-2.0 * (np.log(phi2[keep]) + 0.7) ** 2)
    xbar = np.sum(w * X) / np.sum(w)
    ybar = np.sum(w * Y) / np.sum(w)
    slope = np.sum(w * (X - xbar) * (Y - ybar)) / np.sum(w * (X - xbar) ** 2)
    alpha = float(np.clip(slope, 1.0, 2.0))
    return alpha, (np.exp(ybar - slope * xbar) / 2.0) ** (1.0 / alpha), name


def main():
    grid = load_grid()
    samples = np.fromfile(os.path.join(HERE, "mcculloch_parity_samples.f64"), dtype="<f8")
    sizes = [int(line.split()[2]) for line in open(os.path.join(HERE, "mcculloch_parity.txt")) if line[0] != "#"]
    assert sum(sizes) == samples.size
    with open(os.path.join(HERE, "symmetric_reference.txt"), "w") as out:
        out.write("# NumPy symmetric McCulloch and ECF (THEORY §7.1) on the sets of mcculloch_parity_samples.f64.\n")
        out.write("# columns: n alpha_sym gamma_sym alpha_ecf gamma_ecf band(strict|relaxed|fallback)\n")
        start = 0
        for n in sizes:
            x = samples[start:start + n]
            start += n
            sym = symmetric_mcculloch(x, *grid)
            a, g, band = ecf(x, sym)
            out.write(f"{n} {sym[0]!r} {sym[1]!r} {a!r} {g!r} {band}\n")


if __name__ == "__main__":
    main()
