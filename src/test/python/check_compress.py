"""Recomputes a WeightLab compressed run export from the run it came from, with numpy and the
compression issue's formulas written out again, and checks that every final weight and bias
matches bit for bit.

    python3 check_compress.py RUN.json COMPRESSED.json

Prints "ok N weights" and exits 0 when everything matches; otherwise names the first mismatch
and exits 1.
"""
import json
import math
import sys

import numpy as np


def layers(run):
    return [(np.array(l["weights"], dtype=np.float64), np.array(l["biases"], dtype=np.float64))
            for l in run["final"]["layers"]]


def mean_abs(w):
    # Summed left to right, as WeightLab does (numpy's pairwise sum may differ in the last bit).
    return sum(abs(float(v)) for v in w.ravel()) / w.size


def prune(ws, s, scope):
    """Sort |w| ascending, ties by layer then index; zero the first floor(s * N)."""
    masks = [np.zeros(w.size, dtype=bool) for w in ws]
    groups = [list(range(len(ws)))] if scope == "global" else [[l] for l in range(len(ws))]
    for group in groups:
        items = [(abs(float(w)), l, j) for l in group for j, w in enumerate(ws[l].ravel())]
        items.sort()
        cut = min(len(items), math.floor(s * len(items) + 1e-9))
        for _, l, j in items[:cut]:
            masks[l][j] = True
    return masks


def quantize(w, bits):
    if bits == "ternary":
        g = mean_abs(w)
        return np.clip(np.rint(w / (g + 1e-8)), -1, 1) * g
    if bits == "binary":
        return np.where(w >= 0, 1.0, -1.0) * mean_abs(w)
    qmax = 2 ** (int(bits) - 1) - 1
    m = np.max(np.abs(w))
    if m == 0:
        return np.zeros_like(w)
    scale = m / qmax
    return np.clip(np.rint(w / scale), -qmax, qmax) * scale


def main(run_path, out_path):
    with open(run_path) as f:
        run = json.load(f)
    with open(out_path) as f:
        out = json.load(f)
    c = out["compression"]
    ws = [w.ravel().copy() for w, _ in layers(run)]
    masks = prune(ws, c["prune"], c["pruneScope"]) if c["prune"] > 0 else [np.zeros(w.size, bool) for w in ws]
    for l, w in enumerate(ws):
        w[masks[l]] = 0.0
        if "bits" in c:
            w = quantize(w, c["bits"])
            w[masks[l]] = 0.0
        ws[l] = w
    count = 0
    for l, ((got_w, got_b), (_, b)) in enumerate(zip(layers(out), layers(run))):
        got = got_w.ravel()
        for j in range(got.size):
            if got[j] != ws[l][j] or math.copysign(1, got[j]) != math.copysign(1, ws[l][j]):
                print(f"layer {l} weight {j}: file {got[j]!r}, numpy {ws[l][j]!r}")
                return 1
            count += 1
        if not np.array_equal(got_b, b):
            print(f"layer {l}: biases changed")
            return 1
    print(f"ok {count} weights")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
