"""Replays a WeightLab quantization-aware training run in PyTorch float64, from its run export alone.

    python3 replay_qat.py RUN.json

The run must use mse, a constant learning rate, no dropout and "shuffle": false (batches are then
consecutive slices of the training set as stored). Every Linear layer computes with its weights
quantized per layer, with the straight-through estimator w + (q(w) - w).detach(), where q is the
run's "quantization" (k bits, ternary or binary, the compression lab's formulas; torch.round rounds
half to even like Java's Math.rint); biases stay full precision; PyTorch's own SGD / Adam / AdamW
moves the latent full-precision weights; l1 / l2 add rate sign(w) / rate w to the weights'
gradients. Prints "ok N values max_diff=D loss_diff=E" when every final latent weight and bias
equals the export's within 1e-12 and the quantized network's final train and test losses equal the
history's last point within 1e-12.
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


def mean_abs(w):
    # summed in index order, as the engine does, so that g is the same double
    values = w.detach().flatten().tolist()
    return sum(abs(v) for v in values) / len(values)


def quantize(w, bits):
    """q(w), detached: the compression lab's formulas."""
    with torch.no_grad():
        if bits == "binary":
            return torch.where(w >= 0, 1.0, -1.0) * mean_abs(w)
        if bits == "ternary":
            g = mean_abs(w)
            return torch.clamp(torch.round(w / (g + 1e-8)), -1, 1) * g
        qmax = 2 ** (int(bits) - 1) - 1
        max_abs = w.abs().max().item()
        if max_abs == 0:
            return torch.zeros_like(w)
        scale = max_abs / qmax
        return torch.clamp(torch.round(w / scale), -qmax, qmax) * scale


def forward(layers, x, bits):
    h = x
    for (w, b, f) in layers:
        wq = w + (quantize(w, bits) - w).detach()  # straight-through: forward q(w), backward identity
        h = f(h @ wq.T + b)
    return h


def mse(h, y):
    return 0.5 * ((h - y) ** 2).sum(dim=1).mean()


def main(path):
    run = json.load(open(path))
    c = run["config"]
    assert c["loss"] == "mse" and not c["shuffle"] and c.get("dropout", 0) == 0, "unsupported run"
    bits = str(c["quantization"]["bits"])
    layers = []
    for s in run["initial"]["layers"]:
        w = torch.tensor(s["weights"], requires_grad=True)
        b = torch.tensor(s["biases"], requires_grad=True)
        layers.append((w, b, ACT[s["activation"]]))
    params = [p for (w, b, _) in layers for p in (w, b)]
    o = c["optimizer"]
    lr = o["learningRate"]
    if o["name"] == "sgd":
        opt = torch.optim.SGD(params, lr=lr, momentum=o.get("momentum", 0.0), nesterov=o.get("nesterov", False))
    elif o["name"] in ("adam", "adamw"):
        kind = torch.optim.Adam if o["name"] == "adam" else torch.optim.AdamW
        extra = {"weight_decay": o.get("weightDecay", 0.01)} if o["name"] == "adamw" else {}
        opt = kind(params, lr=lr, betas=(o.get("beta1", 0.9), o.get("beta2", 0.999)), eps=o.get("eps", 1e-8), **extra)
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
        loss = mse(forward(layers, xb, bits), yb)
        opt.zero_grad()
        loss.backward()
        with torch.no_grad():
            for (w, _, _) in layers:  # weights only, the latent ones
                if reg["kind"] == "l2":
                    w.grad += reg["rate"] * w
                elif reg["kind"] == "l1":
                    w.grad += reg["rate"] * torch.sign(w)
        opt.step()
        cursor += xb.shape[0]
        if cursor >= n:
            cursor = 0
    worst = 0.0
    count = 0
    for (w, b, _), s in zip(layers, run["final"]["layers"]):
        for mine, theirs in [(w, s["weights"]), (b, s["biases"])]:
            t = torch.tensor(theirs)
            d = (mine.detach() - t).abs() / torch.clamp(t.abs(), min=1.0)
            worst = max(worst, d.max().item())
            count += t.numel()
    last = run["history"][-1]
    with torch.no_grad():
        xt = features(c, run["data"]["test"]["points"])
        yt = torch.tensor(run["data"]["test"]["labels"]).reshape(-1, 1)
        train_loss = mse(forward(layers, x, bits), y).item()
        test_loss = mse(forward(layers, xt, bits), yt).item()
    loss_diff = max(abs(train_loss - last["trainLoss"]), abs(test_loss - last["testLoss"]))
    status = "ok" if worst <= 1e-12 and loss_diff <= 1e-12 else "FAIL"
    print("%s %d values max_diff=%.3g loss_diff=%.3g" % (status, count, worst, loss_diff))
    sys.exit(0 if status == "ok" else 1)


if __name__ == "__main__":
    main(sys.argv[1])
