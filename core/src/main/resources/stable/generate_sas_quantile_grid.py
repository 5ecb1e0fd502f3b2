#!/usr/bin/python3
"""Exact quantiles q.75, q.95 of the unit SaS law (E exp(iwX) = exp(-|w|^a)) on 201 alphas in [1, 2].

THEORY §7.1: the symmetric McCulloch table nu(a) = q.95/q.75 and phi_3(a) = 2 q.75 must be built from exact
quantiles. Method: the CDF from Nolan's (1997) integral form for beta = 0, a > 1, x > 0,
    F(x) = 1 - (1/pi) int_0^{pi/2} exp(-x^{a/(a-1)} V(t)) dt,
    V(t) = (cos t / sin(a t))^{a/(a-1)} cos((a-1) t) / cos t,
integrated with scipy.integrate.quad (split at the steep transition of the integrand), inverted with brentq.
a = 1 is the Cauchy law and a = 2 the Gaussian with sigma = sqrt(2) (closed forms).

Checks before writing (the script fails if one does not hold):
  * a = 2 and a -> 1 from the Nolan integral against the closed forms;
  * every quantile against an independent evaluation of the CDF, Gil-Pelaez's Fourier inversion
    F(x) = 1/2 + (1/pi) int_0^inf exp(-t^a) sin(x t)/t dt, in mpmath at 30 digits: |F(q) - p| / f(q) < 1e-9;
  * scipy.stats.levy_stable.ppf at default settings on a few alphas, reported (not required to agree).
Output: sas_quantile_grid.txt beside this script, section [quantiles], one row 'alpha q75 q95' per grid point.
"""
import os

import mpmath
import numpy as np
from scipy import integrate, optimize, special, stats

GRID = [(200 + i) / 200 for i in range(201)]
LEVELS = (0.75, 0.95)


def nolan_cdf(x, a):
    """F(x) for x > 0 and 1 < a < 2 by Nolan's integral."""
    e = a / (a - 1)
    logx = np.log(x)

    def exponent(t):
        return e * (logx + np.log(np.cos(t)) - np.log(np.sin(a * t))) + np.log(np.cos((a - 1) * t)) - np.log(np.cos(t))

    def integrand(t):
        if t <= 0:
            return 0.0
        if t >= np.pi / 2:
            return 1.0
        return np.exp(-np.exp(min(exponent(t), 700.0)))

    # The integrand rises from 0 to 1 around exponent(t) = 0; split there so quad sees two smooth halves.
    lo, hi = 1e-300, np.pi / 2 - 1e-15
    if exponent(lo) > 0 > exponent(hi):
        mid = optimize.brentq(exponent, lo, hi, xtol=1e-300, rtol=1e-15)
        parts = [(0.0, mid), (mid, np.pi / 2)]
    else:
        parts = [(0.0, np.pi / 2)]
    total = sum(integrate.quad(integrand, u, v, epsabs=1e-15, epsrel=1e-13, limit=500)[0] for u, v in parts)
    return 1.0 - total / np.pi


def closed_form_quantile(p, a):
    if a == 1.0:
        return np.tan(np.pi * (p - 0.5))
    return np.sqrt(2.0) * special.ndtri(p)


def quantile(p, a):
    if a in (1.0, 2.0):
        return closed_form_quantile(p, a)
    return optimize.brentq(lambda x: nolan_cdf(x, a) - p, 0.1, 50.0, xtol=1e-15, rtol=1e-15, maxiter=200)


def fourier_cdf_and_pdf(x, a):
    """Gil-Pelaez CDF and the density at x, in mpmath (independent of the Nolan integral)."""
    mpmath.mp.dps = 30
    x, a = mpmath.mpf(x), mpmath.mpf(a)
    period = 2 * mpmath.pi / x
    cuts = [k * period for k in range(0, 80)]
    cdf = mpmath.mpf(0.5) + mpmath.quad(lambda t: mpmath.exp(-t ** a) * mpmath.sin(x * t) / t, cuts) / mpmath.pi
    pdf = mpmath.quad(lambda t: mpmath.exp(-t ** a) * mpmath.cos(x * t), cuts) / mpmath.pi
    return float(cdf), float(pdf)


def check_nolan_against_closed_forms():
    for p in LEVELS:
        q = closed_form_quantile(p, 2.0)
        assert abs(nolan_cdf(q, 2.0 - 1e-9) - p) < 1e-8, ("alpha=2", p)
        # Near a = 1 the law is within O(a - 1) of Cauchy: the Nolan CDF must approach it.
        q = closed_form_quantile(p, 1.0)
        gap = abs(nolan_cdf(q, 1.0 + 1e-4) - p)
        assert gap < 1e-4, ("alpha->1", p, gap)


def main():
    check_nolan_against_closed_forms()
    rows = []
    worst = 0.0
    for i, a in enumerate(GRID):
        qs = [quantile(p, a) for p in LEVELS]
        if 0 < i < len(GRID) - 1:
            for p, q in zip(LEVELS, qs):
                cdf, pdf = fourier_cdf_and_pdf(q, a)
                worst = max(worst, abs(cdf - p) / pdf)
        rows.append((a, *qs))
    assert worst < 1e-9, worst
    print(f"worst quantile error by the Fourier check: {worst:.2e}")
    for a in (1.1, 1.5, 1.9):
        row = rows[round((a - 1) * 200)]
        ppf = stats.levy_stable.ppf(LEVELS, a, 0.0)
        print(f"alpha={a}: levy_stable.ppf - grid = {ppf[0] - row[1]:.2e}, {ppf[1] - row[2]:.2e}")
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "sas_quantile_grid.txt"), "w") as out:
        out.write("# Unit SaS (E exp(iwX) = exp(-|w|^alpha)) quantiles on alpha = 1.000, 1.005, ..., 2.000.\n")
        out.write("# Written by generate_sas_quantile_grid.py (Nolan integral, checked by Fourier inversion to "
                  f"{worst:.1e}).\n")
        out.write("# columns: alpha q75 q95 (q25 = -q75, q05 = -q95)\n")
        out.write("[quantiles]\n")
        for a, q75, q95 in rows:
            out.write(f"{a:.3f} {q75:.17g} {q95:.17g}\n")


if __name__ == "__main__":
    main()
