"""Replays a WeightLab run of a plain dense network in PyTorch float64, from its run export alone.

    python3 replay_dense.py RUN.json

For runs whose inputs are the data's columns (digits, imported files: no "features" in the
config), with cross_entropy or mse, SGD (PyTorch's own), a constant learning rate, no
regularization, no dropout and "shuffle": false (batches are then consecutive slices of the
training set as stored). Two-class labels are stored as -1/+1 and read by cross_entropy as
classes 0 and 1. Prints "ok N values max_diff=D" when every final weight and bias equals the
export's within 1e-12 (relative to max(1, |value|)).
"""
import json
import sys

import torch

torch.set_default_dtype(torch.float64)
torch.set_num_threads(1)

ACT = {
    "linear": lambda z: z, "tanh": torch.tanh, "relu": torch.relu, "sigmoid": torch.sigmoid,
    "leaky_relu": lambda z: torch.nn.functional.leaky_relu(z, 0.01),
}


def main(path):
    run = json.load(open(path))
    c = run["config"]
    assert "features" not in c, "a run on 2-D points: see replay_lora.py"
    assert not c["shuffle"] and c.get("dropout", 0) == 0 and c["regularization"]["kind"] == "none", "unsupported run"
    o = c["optimizer"]
    assert o["name"] == "sgd", "unsupported optimizer " + o["name"]
    params = []
    layers = []
    for s in run["initial"]["layers"]:
        w = torch.tensor(s["weights"], requires_grad=True)
        b = torch.tensor(s["biases"], requires_grad=True)
        params += [w, b]
        layers.append((w, b, s["activation"]))
    opt = torch.optim.SGD(params, lr=o["learningRate"], momentum=o.get("momentum", 0.0),
                          nesterov=o.get("nesterov", False))
    x = torch.tensor(run["data"]["train"]["points"])
    labels = torch.tensor(run["data"]["train"]["labels"])
    if c["loss"] == "cross_entropy":
        if layers[-1][0].shape[0] == 2:
            labels = (labels + 1) / 2
        y = labels.long()
    else:
        y = labels.reshape(-1, 1)
    steps = run["history"][-1]["step"]
    n = x.shape[0]
    bs = c["batchSize"]
    cursor = 0
    for _ in range(steps):
        xb, yb = x[cursor:cursor + bs], y[cursor:cursor + bs]
        h = xb
        z = None
        for (w, b, act) in layers:
            z = h @ w.T + b
            h = z if act == "softmax" else ACT[act](z)
        if c["loss"] == "cross_entropy":
            loss = torch.nn.functional.cross_entropy(z, yb)
        else:
            loss = 0.5 * ((h - yb) ** 2).sum(dim=1).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        cursor += xb.shape[0]
        if cursor >= n:
            cursor = 0
    worst = 0.0
    count = 0
    for (w, b, _), s in zip(layers, run["final"]["layers"]):
        for mine, theirs in ((w, s["weights"]), (b, s["biases"])):
            t = torch.tensor(theirs)
            d = (mine.detach() - t).abs() / torch.clamp(t.abs(), min=1.0)
            worst = max(worst, d.max().item())
            count += t.numel()
    status = "ok" if worst <= 1e-12 else "FAIL"
    print("%s %d values max_diff=%.3g" % (status, count, worst))
    sys.exit(0 if status == "ok" else 1)


if __name__ == "__main__":
    main(sys.argv[1])
