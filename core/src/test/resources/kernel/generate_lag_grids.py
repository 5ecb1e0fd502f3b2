#!/usr/bin/python3
"""Reference lag grids: numpy.linspace(from, to, count).astype(int), one grid per line as 'spec: lags'."""
import os
import numpy as np

SPECS = [(4, 10, 5), (4, 256, 128), (4, 768, 192), (1, 3, 3), (5, 5, 1)]
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "lag_grids.txt"), "w") as out:
    for start, stop, count in SPECS:
        lags = np.linspace(start, stop, count).astype(int)
        out.write(f"{start}:{stop}:{count}: {','.join(str(v) for v in lags)}\n")
