#!/usr/bin/python3
"""Exports McCulloch's (1986) interpolation tables from the installed SciPy into mcculloch_tables.txt.

The tables are facts from the paper (Tables III, IV, V and VII); SciPy 1.10 carries them as literals inside
scipy.stats._levy_stable._fitstart_S1. This script reads those literals from the module's source (Python's ast,
nothing is executed) and writes them with ascending axes:
  [nu_alpha]    Table III/IV rows:  nu_alpha = (q.95 - q.05) / (q.75 - q.25)
  [nu_beta]     Table III/IV columns: nu_beta = (q.95 + q.05 - 2 q.50) / (q.95 - q.05), for nu_beta >= 0
  [alpha_of_nu] Table III  alpha = psi_1(nu_alpha, nu_beta)
  [beta_of_nu]  Table IV   beta  = psi_2(nu_alpha, nu_beta)
  [alpha]       Table V/VII rows (the paper lists them descending; reversed here)
  [beta]        Table V/VII columns, beta >= 0
  [phi3]        Table V    phi_3(alpha, beta) = (q.75 - q.25) / gamma
  [phi5]        Table VII  phi_5(alpha, beta) = (zeta - q.50) / gamma
Negative nu_beta and beta use the paper's symmetry (psi_1 even, psi_2 odd, phi_3 even, phi_5 odd).
"""
import ast
import inspect
import os

import scipy
from scipy.stats import _levy_stable

NAMES = {
    "nu_alpha_range": "nu_alpha",
    "nu_beta_range": "nu_beta",
    "alpha_table": "alpha_of_nu",
    "beta_table": "beta_of_nu",
    "alpha_range": "alpha",
    "beta_range": "beta",
    "nu_c_table": "phi3",
    "nu_zeta_table": "phi5",
}


def literals():
    """The first list literal assigned to each table name in _fitstart_S1."""
    tree = ast.parse(inspect.getsource(_levy_stable._fitstart_S1))
    found = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if name in NAMES:
                first_list = next(n for n in ast.walk(node.value) if isinstance(n, ast.List))
                found[name] = ast.literal_eval(first_list)
    missing = set(NAMES) - set(found)
    assert not missing, missing
    return found


def main():
    t = literals()
    alpha = t["alpha_range"]
    assert all(a > b for a, b in zip(alpha, alpha[1:])), "the paper lists alpha descending"
    tables = {
        "nu_alpha": [t["nu_alpha_range"]],
        "nu_beta": [t["nu_beta_range"]],
        "alpha_of_nu": t["alpha_table"],
        "beta_of_nu": t["beta_table"],
        "alpha": [alpha[::-1]],
        "beta": [t["beta_range"]],
        "phi3": t["nu_c_table"][::-1],
        "phi5": t["nu_zeta_table"][::-1],
    }
    assert len(tables["alpha_of_nu"]) == len(t["nu_alpha_range"]) and len(tables["phi3"]) == len(alpha)
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "mcculloch_tables.txt"), "w") as out:
        out.write("# McCulloch (1986) Tables III, IV, V, VII, exported by export_mcculloch_tables.py from "
                  f"scipy {scipy.__version__}.\n")
        out.write("# Rows follow the first axis, columns the second: alpha_of_nu/beta_of_nu [nu_alpha][nu_beta], "
                  "phi3/phi5 [alpha][beta].\n")
        for name, rows in tables.items():
            out.write(f"[{name}]\n")
            for row in rows:
                out.write(" ".join(repr(float(v)) for v in row) + "\n")


if __name__ == "__main__":
    main()
