#!/usr/bin/python3
"""Reference .npy files written by NumPy, good and bad, for NpyTest.

expected.txt lists each good file as 'name|dtype|shape|v0 v1 ...' with every value as the repr of a Python float
(exact for float32 and float64). The bad files are named after what is wrong with them.
"""
import io
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20240601)


def save(name, array, version=None):
    path = os.path.join(HERE, name)
    if version is None:
        np.save(path, array)
    else:
        with open(path, "wb") as f:
            np.lib.format.write_array(f, array, version=version)
    return array


good = {
    "f4_rank3.npy": save("f4_rank3.npy", (rng.standard_normal((2, 3, 4)) * 3).astype("<f4")),
    "f8_vector.npy": save("f8_vector.npy", np.array([0.1, 1 / 3, -1e-300, 2.5e300, 0.0, -7.0], dtype="<f8")),
    "f4_vector.npy": save("f4_vector.npy", np.array([1e-45, -3.4e38, 0.1, 65504.0], dtype="<f4")),
    "f4_scalar.npy": save("f4_scalar.npy", np.array(2.75, dtype="<f4")),
    "f4_version2.npy": save("f4_version2.npy", rng.standard_normal((3, 2)).astype("<f4"), version=(2, 0)),
    "x.npy": save("x.npy", rng.standard_normal((3, 5, 2)).astype("<f4")),
    "y_rank3.npy": save("y_rank3.npy", rng.standard_normal((3, 5, 1)).astype("<f4")),
    "y_rank2_f8.npy": save("y_rank2_f8.npy", rng.standard_normal((3, 5)).astype("<f8")),
}
with open(os.path.join(HERE, "expected.txt"), "w") as out:
    for name, a in good.items():
        values = " ".join(repr(float(v)) for v in a.reshape(-1))
        out.write(f"{name}|{a.dtype.str}|{','.join(str(d) for d in a.shape)}|{values}\n")

save("bad_int64.npy", np.arange(6, dtype="<i8").reshape(2, 3))
save("bad_bigendian.npy", np.arange(6, dtype=">f4"))
save("bad_fortran.npy", np.asfortranarray(rng.standard_normal((2, 3)).astype("<f4")))
save("bad_x_rank2.npy", rng.standard_normal((3, 5)).astype("<f4"))
save("bad_y_other_length.npy", rng.standard_normal((3, 4, 1)).astype("<f4"))
save("bad_y_width2.npy", rng.standard_normal((3, 5, 2)).astype("<f4"))
save("bad_nan.npy", np.array([[1.0, 2.0], [np.nan, 4.0]], dtype="<f4"))
buffer = io.BytesIO()
np.save(buffer, rng.standard_normal((4, 4)).astype("<f4"))
with open(os.path.join(HERE, "bad_truncated_data.npy"), "wb") as f:
    f.write(buffer.getvalue()[:-5])
with open(os.path.join(HERE, "bad_truncated_header.npy"), "wb") as f:
    f.write(buffer.getvalue()[:40])
with open(os.path.join(HERE, "bad_magic.npy"), "wb") as f:
    f.write(b"PK\x03\x04 this is a zip file, not an array")
