#!/usr/bin/python3
"""Reference values for the learnability statistics tests (THEORY §7.4, §7.5, §11.3), written to reference.json.

Computed with NumPy least squares (SVD-based lstsq), numpy.quantile and scipy.stats.gaussian_kde, independently of
the Java implementation. Infinite values are written as the string "inf". Run: /usr/bin/python3 generate_reference.py
"""
import json
import os

import numpy as np
from scipy.stats import gaussian_kde

LEVELS = [0.01, 0.10, 0.50, 0.90, 0.99]


def num(x):
    x = float(x)
    if np.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def nums(xs):
    return [num(x) for x in xs]


def lstsq(columns, y):
    """Least squares y ~ [1, columns...]: coefficients, RSS, R^2 = 1 - RSS/SS_tot."""
    design = np.column_stack([np.ones_like(y)] + list(columns))
    coef = np.linalg.lstsq(design, y, rcond=None)[0]
    rss = float(np.sum((y - design @ coef) ** 2))
    tss = float(np.sum((y - y.mean()) ** 2))
    return coef, rss, 1.0 - rss / tss


def law_fit(columns, y):
    coef, rss, r2 = lstsq(columns, y)
    n, k = len(y), len(columns) + 1
    return {"coefficients": nums(coef), "r2": r2, "aic": n * np.log(rss / n) + 2 * k, "n": n}


def kde_case():
    sample = np.random.RandomState(7).lognormal(3.0, 0.6, 80)
    grid = np.linspace(sample.min() - 5, sample.max() + 5, 41)
    kde = gaussian_kde(sample)
    return {"sample": nums(sample), "grid": nums(grid), "density": nums(kde(grid)),
            "bandwidth": float(np.sqrt(kde.covariance[0, 0]))}


def spectrum_case():
    rs = np.random.RandomState(11)
    tau = np.concatenate([20.0 * (1.0 + rs.pareto(1.2, 300)), [np.inf] * 3])
    rs.shuffle(tau)
    finite = np.sort(tau[np.isfinite(tau)])
    zeta = -np.log(finite)
    kept = finite[finite <= np.percentile(finite, 99.5)]
    grid = np.linspace(kept.min(), kept.max(), 200)
    return {"tau": nums(tau), "kde_points": 200, "fitted": len(tau), "infinite": int(np.sum(np.isinf(tau))),
            "min": finite.min(), "max": finite.max(), "mean": finite.mean(), "std": finite.std(),
            "tau_quantiles": nums(np.quantile(finite, LEVELS)), "zeta_quantiles": nums(np.quantile(zeta, LEVELS)),
            "zeta_width": float(np.quantile(zeta, 0.9) - np.quantile(zeta, 0.1)),
            "kde_grid": nums(grid), "kde_density": nums(gaussian_kde(kept)(grid))}


def envelope_case():
    lags = np.linspace(4, 256, 60).astype(int)
    ell = lags.astype(float)
    log_f = 0.3 - 0.5 * np.log(ell) - ell / 150.0 + 0.05 * np.random.RandomState(3).standard_normal(len(ell))
    fits = {"exponential": law_fit([ell], log_f), "power": law_fit([np.log(ell)], log_f),
            "tempered": law_fit([np.log(ell), ell], log_f), "logarithmic": law_fit([np.log(np.log(ell))], log_f)}
    winner = min(["exponential", "power", "tempered"], key=lambda name: fits[name]["aic"])
    return {"lags": [int(v) for v in lags], "log_f": nums(log_f), "fits": fits, "winner": winner}


def appendix_case():
    lags = np.linspace(4, 256, 50).astype(int)
    ell = lags.astype(float)
    f = np.exp(-ell / 60.0) * (1.0 + 0.05 * np.random.RandomState(5).standard_normal(len(ell)))
    f[0] = 1e-20
    f[7] = 0.0
    positive = np.sort(f[f > 0])
    floor = max(1e-300, 0.01 * np.quantile(positive, 0.001)) if len(positive) >= 10 else 1e-300
    usable = np.where((f > 0) & (f >= 10.0 * floor))[0]
    count = len(usable)
    lo = int(np.floor(0.1 * count))
    hi = max(int(np.ceil(0.9 * count)), lo + 2)
    window = usable[lo:hi]
    x, y = ell[window], np.log(f[window])
    semi, _, semi_r2 = lstsq([x], y)
    loglog, _, loglog_r2 = lstsq([np.log(x)], y)
    return {"lags": [int(v) for v in lags], "f": nums(f), "lambda": -semi[1], "semilog_r2": semi_r2,
            "beta": -loglog[1], "loglog_r2": loglog_r2, "ell_min": int(x.min()), "ell_max": int(x.max()),
            "n": len(window)}


def units_lw_case():
    lags = np.linspace(4, 128, 32).astype(int)
    ell = lags.astype(float)
    rs = np.random.RandomState(13)
    columns = [np.exp(-ell / t) * np.exp(0.02 * rs.standard_normal(len(ell))) for t in (10.0, 25.0, 50.0, 100.0, 400.0)]
    columns.append(0.01 * (1.0 + ell / 100.0))
    sparse = np.zeros(len(ell))
    sparse[[2, 9, 20]] = [0.3, 0.2, 0.1]
    columns.append(sparse)
    profile = np.column_stack(columns)
    fitted = []
    for q in range(profile.shape[1]):
        keep = profile[:, q] > 0
        if keep.sum() < 5:
            continue
        coef, _, r2 = lstsq([ell[keep]], np.log(profile[keep, q]))
        fitted.append({"unit": q, "tau": num(-1.0 / coef[1] if coef[1] < 0 else np.inf), "r2": r2})
    return {"lags": [int(v) for v in lags], "profile": [nums(row) for row in profile], "units": fitted}


def units_ac_case():
    lags = np.linspace(32, 320, 40).astype(int)
    ell = lags.astype(float)
    rs = np.random.RandomState(17)
    columns = [-1.0 - ell / t + 0.05 * rs.standard_normal(len(ell)) for t in (30.0, 80.0, 150.0, 600.0)]
    columns.append(-3.0 + ell / 500.0 + 0.01 * rs.standard_normal(len(ell)))
    log_profile = np.column_stack(columns)
    window = (lags >= 64) & (lags <= 256)
    fitted = []
    for q in range(log_profile.shape[1]):
        coef, _, r2 = lstsq([ell[window]], log_profile[window, q])
        if coef[1] < 0:
            fitted.append({"unit": q, "tau": -1.0 / coef[1], "r2": r2})
    return {"lags": [int(v) for v in lags], "log_profile": [nums(row) for row in log_profile], "from": 64,
            "to": 256, "units": fitted}


if __name__ == "__main__":
    reference = {"kde": kde_case(), "spectrum": spectrum_case(), "envelope": envelope_case(),
                 "appendix": appendix_case(), "units_lw": units_lw_case(), "units_ac": units_ac_case()}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference.json")
    with open(path, "w") as out:
        json.dump(reference, out, indent=1)
        out.write("\n")
