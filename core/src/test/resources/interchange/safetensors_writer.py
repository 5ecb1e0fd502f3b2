"""A hand-written safetensors writer (the safetensors Python package is not installed here).

Format: 8-byte little-endian header length, JSON header {"__metadata__": {...}, name: {"dtype", "shape",
"data_offsets"}} with tensors sorted by name, padded with spaces to a multiple of 8 bytes, then the little-endian data.
"""
import json
import struct

import numpy as np

DTYPES = {np.dtype("float32"): "F32", np.dtype("float64"): "F64", np.dtype("float16"): "F16"}


def tensor_bytes(array):
    """(dtype name, little-endian bytes) of a NumPy array; ('BF16', ...) for a ('bf16', uint16 bits) pair."""
    if isinstance(array, tuple) and array[0] == "bf16":
        return "BF16", np.ascontiguousarray(array[1], dtype="<u2").tobytes()
    a = np.ascontiguousarray(array)
    return DTYPES[a.dtype], a.astype(a.dtype.newbyteorder("<")).tobytes()


def shape_of(array):
    return list(array[1].shape) if isinstance(array, tuple) else list(np.shape(array))


def encode(tensors, metadata=None):
    header = {}
    if metadata:
        header["__metadata__"] = dict(sorted(metadata.items()))
    blobs = []
    offset = 0
    for name in sorted(tensors):
        dtype, data = tensor_bytes(tensors[name])
        header[name] = {"dtype": dtype, "shape": shape_of(tensors[name]), "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        blobs.append(data)
    return encode_raw(header, b"".join(blobs))


def encode_raw(header, data):
    """A file from a header dict and a data area, without any check (for the bad-input files)."""
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    return struct.pack("<Q", len(text)) + text + data


def write(path, tensors, metadata=None):
    with open(path, "wb") as f:
        f.write(encode(tensors, metadata))
