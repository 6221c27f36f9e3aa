"""Replays a WeightLab run with LoRA adapters in PyTorch float64, from its run export alone.

    python3 replay_lora.py RUN.json

The run must use mse, a constant learning rate, no dropout and "shuffle": false (batches are then
consecutive slices of the training set as stored). Each adapted layer computes peft's
W x + b + (alpha / r) B (A x) with W and b frozen; only A and B go to the optimizer, with PyTorch's
own SGD / Adam / AdamW; l1 / l2 add rate sign(p) / rate p to A's and B's gradients. Prints
"ok N values max_diff=D" when every final A, B, W and b equals the export's within 1e-12.
"""
import json
import math
import sys

import torch

torch.set_default_dtype(torch.float64)

FEATURES = {
    "x1": lambda a, b: a, "x2": lambda a, b: b, "x1^2": lambda a, b: a * a, "x2^2": lambda a, b: b * b,
    "x1*x2": lambda a, b: a * b, "sin(x1)": lambda a, b: math.sin(a), "sin(x2)": lambda a, b: math.sin(b),
}
ACT = {
    "linear": lambda z: z, "tanh": torch.tanh, "relu": torch.relu, "sigmoid": torch.sigmoid,
    "leaky_relu": lambda z: torch.nn.functional.leaky_relu(z, 0.01),
}


def features(config, points):
    return torch.tensor([[FEATURES[f](p[0], p[1]) for f in config["features"]] for p in points])


def main(path):
    run = json.load(open(path))
    c = run["config"]
    assert c["loss"] == "mse" and not c["shuffle"] and c.get("dropout", 0) == 0, "unsupported run"
    lora = {s["layer"]: s for s in c.get("lora", [])}
    layers = []
    trainable = []
    for l, s in enumerate(run["initial"]["layers"]):
        w = torch.tensor(s["weights"])
        b = torch.tensor(s["biases"])
        a = bb = None
        scale = 0.0
        if l in lora:
            a = torch.tensor(s["lora"]["A"], requires_grad=True)
            bb = torch.tensor(s["lora"]["B"], requires_grad=True)
            scale = s["lora"]["alpha"] / s["lora"]["rank"]
            trainable += [a, bb]
        layers.append((w, b, a, bb, scale, ACT[s["activation"]]))
    o = c["optimizer"]
    lr = o["learningRate"]
    if o["name"] == "sgd":
        opt = torch.optim.SGD(trainable, lr=lr, momentum=o.get("momentum", 0.0), nesterov=o.get("nesterov", False))
    elif o["name"] in ("adam", "adamw"):
        kind = torch.optim.Adam if o["name"] == "adam" else torch.optim.AdamW
        extra = {"weight_decay": o.get("weightDecay", 0.01)} if o["name"] == "adamw" else {}
        opt = kind(trainable, lr=lr, betas=(o.get("beta1", 0.9), o.get("beta2", 0.999)), eps=o.get("eps", 1e-8), **extra)
    else:
        raise SystemExit("unsupported optimizer " + o["name"])
    reg = c["regularization"]
    x = features(c, run["data"]["train"]["points"])
    y = torch.tensor(run["data"]["train"]["labels"]).reshape(-1, 1)
    steps = run["history"][-1]["step"]
    n = x.shape[0]
    bs = c["batchSize"]
    cursor = 0
    for _ in range(steps):
        xb, yb = x[cursor:cursor + bs], y[cursor:cursor + bs]
        h = xb
        for (w, b, a, bb, scale, f) in layers:
            z = h @ w.T + b
            if a is not None:
                z = z + scale * ((h @ a.T) @ bb.T)
            h = f(z)
        loss = 0.5 * ((h - yb) ** 2).sum(dim=1).mean()
        opt.zero_grad()
        loss.backward()
        with torch.no_grad():
            for p in trainable:
                if reg["kind"] == "l2":
                    p.grad += reg["rate"] * p
                elif reg["kind"] == "l1":
                    p.grad += reg["rate"] * torch.sign(p)
        opt.step()
        cursor += xb.shape[0]
        if cursor >= n:
            cursor = 0
    worst = 0.0
    count = 0
    for (w, b, a, bb, _, _), s in zip(layers, run["final"]["layers"]):
        pairs = [(w, s["weights"]), (b, s["biases"])]
        if a is not None:
            pairs += [(a, s["lora"]["A"]), (bb, s["lora"]["B"])]
        for mine, theirs in pairs:
            t = torch.tensor(theirs)
            d = (mine.detach() - t).abs() / torch.clamp(t.abs(), min=1.0)
            worst = max(worst, d.max().item())
            count += t.numel()
    status = "ok" if worst <= 1e-12 else "FAIL"
    print("%s %d values max_diff=%.3g" % (status, count, worst))
    sys.exit(0 if status == "ok" else 1)


if __name__ == "__main__":
    main(sys.argv[1])
