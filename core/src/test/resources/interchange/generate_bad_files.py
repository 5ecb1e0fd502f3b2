#!/usr/bin/python3
"""Safetensors files for the format and layout tests: F16/BF16 tensors with their values, and bad files named after
what is wrong with them (bad_*.safetensors). Layout errors start from the DiagGate weights of generate_interchange.py
(run that first).
"""
import json
import os
import struct

import numpy as np

import safetensors_writer as st

HERE = os.path.dirname(os.path.abspath(__file__))


def out(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def read(name):
    """The tensors of a file written by safetensors_writer (F32 only)."""
    with open(os.path.join(HERE, name), "rb") as f:
        data = f.read()
    n = struct.unpack("<Q", data[:8])[0]
    header = json.loads(data[8:8 + n])
    header.pop("__metadata__", None)
    base = 8 + n
    return {k: np.frombuffer(data[base + v["data_offsets"][0]:base + v["data_offsets"][1]], dtype="<f4")
            .reshape(v["shape"]) for k, v in header.items()}


# 16-bit tensors: values exactly representable in both formats, plus a subnormal half and a negative zero.
half_values = np.array([1.0, -2.5, 0.0009765625, 6.103515625e-05, 5.960464477539063e-08, -0.0, 65504.0],
                       dtype=np.float16)
bf16_values = np.array([1.0, -2.5, 3.0e38, 1.0e-38, 0.15625], dtype=np.float32)
bf16_bits = (bf16_values.view(np.uint32) >> 16).astype(np.uint16)
out("half.safetensors", st.encode({"h": half_values.reshape(7, 1), "b": ("bf16", bf16_bits)}))
with open(os.path.join(HERE, "half_expected.txt"), "w") as f:
    f.write("h " + " ".join(repr(float(v)) for v in half_values) + "\n")
    f.write("b " + " ".join(repr(float(v)) for v in (bf16_bits.astype(np.uint32) << 16).view(np.float32)) + "\n")

six = np.arange(6, dtype="<f4").tobytes()
out("bad_short.safetensors", b"\x10\x00\x00\x00\x00")
out("bad_header_beyond_file.safetensors", struct.pack("<Q", 4096) + b'{"a":{}}')
out("bad_truncated_header.safetensors", st.encode({"a": np.ones((2, 3), dtype="<f4")})[:30])
out("bad_json.safetensors", st.encode_raw({"a": 1}, b"").replace(b'{"a":1}', b'{"a":[1'))
out("bad_dtype.safetensors", st.encode_raw({"a": {"dtype": "I64", "shape": [3], "data_offsets": [0, 24]}}, six))
out("bad_shape_offsets.safetensors",
    st.encode_raw({"a": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 20]}}, six[:20]))
out("bad_offsets_outside.safetensors",
    st.encode_raw({"a": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 24]}}, six[:16]))
out("bad_overlap.safetensors", st.encode_raw({"a": {"dtype": "F32", "shape": [4], "data_offsets": [0, 16]},
                                               "b": {"dtype": "F32", "shape": [2], "data_offsets": [8, 16]}}, six[:16]))
out("bad_uncovered_bytes.safetensors", st.encode({"a": np.ones((2, 3), dtype="<f4")}) + b"\0\0\0\0")
out("bad_metadata_value.safetensors", st.encode_raw({"__metadata__": {"epoch": 3}}, b""))
out("bad_nan.safetensors", st.encode({"a": np.array([0.5, np.nan, 1.0], dtype="<f4")}))

diag = read("diag_ln0.safetensors")
wrong_shape = dict(diag)
wrong_shape["Wh.weight"] = np.zeros((6, 5), dtype="<f4")
st.write(os.path.join(HERE, "bad_layout_wrong_shape.safetensors"), wrong_shape, {"format": "pt"})
missing = {k: v for k, v in diag.items() if k != "Us.weight"}
st.write(os.path.join(HERE, "bad_layout_missing.safetensors"), missing, {"format": "pt"})
extra = dict(diag)
extra["Us.bias"] = np.zeros(6, dtype="<f4")
st.write(os.path.join(HERE, "bad_layout_extra.safetensors"), extra, {"format": "pt"})
