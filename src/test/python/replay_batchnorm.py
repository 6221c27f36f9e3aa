"""Replays a WeightLab run with batch normalization in PyTorch float64, from its run export alone.

    python3 replay_batchnorm.py RUN.json

The run must use mse, a constant learning rate, no dropout and "shuffle": false (batches are then
consecutive slices of the training set as stored). The network is an nn.Sequential of nn.Linear,
nn.BatchNorm1d (eps 1e-5, momentum 0.1) where the config's "batchNorm" flags a layer, and the
activation, trained in model.train() with PyTorch's own SGD / Adam / AdamW over every parameter;
l1 / l2 add rate sign(w) / rate w to the Linear weights' gradients only (gamma and beta are not
regularized, as WeightLab documents). The gradient of a Linear bias before a batch norm is exactly
0 (the batch mean removes the bias); WeightLab writes 0 where autograd sums rounding noise (1e-17
that Adam would amplify), so the replay zeroes it too. Prints "ok N values max_diff=D test_loss_diff=E" when every
final weight, bias, gamma, beta, running mean and variance equals the export's within 1e-12 (and
num_batches_tracked exactly), and the eval-mode test loss matches the export's last test loss.
"""
import json
import math
import sys

import torch

torch.set_default_dtype(torch.float64)
nn = torch.nn

FEATURES = {
    "x1": lambda a, b: a, "x2": lambda a, b: b, "x1^2": lambda a, b: a * a, "x2^2": lambda a, b: b * b,
    "x1*x2": lambda a, b: a * b, "sin(x1)": lambda a, b: math.sin(a), "sin(x2)": lambda a, b: math.sin(b),
}
ACT = {"linear": nn.Identity, "tanh": nn.Tanh, "relu": nn.ReLU, "sigmoid": nn.Sigmoid,
       "leaky_relu": lambda: nn.LeakyReLU(0.01)}


def features(config, points):
    return torch.tensor([[FEATURES[f](p[0], p[1]) for f in config["features"]] for p in points])


def build(run):
    c = run["config"]
    flags = c.get("batchNorm", [])
    modules, linears, norms = [], [], []
    for l, s in enumerate(run["initial"]["layers"]):
        w = torch.tensor(s["weights"])
        lin = nn.Linear(w.shape[1], w.shape[0])
        with torch.no_grad():
            lin.weight.copy_(w)
            lin.bias.copy_(torch.tensor(s["biases"]))
        modules.append(lin)
        linears.append(lin)
        bn = None
        if l < len(flags) and flags[l]:
            bn = nn.BatchNorm1d(w.shape[0], eps=1e-5, momentum=0.1)
            st = s.get("batchNorm")
            if st is not None:
                with torch.no_grad():
                    bn.weight.copy_(torch.tensor(st["gamma"]))
                    bn.bias.copy_(torch.tensor(st["beta"]))
                    bn.running_mean.copy_(torch.tensor(st["runningMean"]))
                    bn.running_var.copy_(torch.tensor(st["runningVar"]))
                    bn.num_batches_tracked.fill_(st.get("numBatchesTracked", 0))
            modules.append(bn)
        norms.append(bn)
        modules.append(ACT[s["activation"]]())
    return nn.Sequential(*modules), linears, norms


def main(path):
    run = json.load(open(path))
    c = run["config"]
    assert c["loss"] == "mse" and not c["shuffle"] and c.get("dropout", 0) == 0, "unsupported run"
    model, linears, norms = build(run)
    o = c["optimizer"]
    lr = o["learningRate"]
    params = list(model.parameters())
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
    model.train()
    for _ in range(steps):
        xb, yb = x[cursor:cursor + bs], y[cursor:cursor + bs]
        loss = 0.5 * ((model(xb) - yb) ** 2).sum(dim=1).mean()
        opt.zero_grad()
        loss.backward()
        with torch.no_grad():
            for lin, bn in zip(linears, norms):
                if bn is not None:  # exactly 0 (the batch mean removes the bias); summed, it is rounding noise
                    lin.bias.grad.zero_()
                if reg["kind"] == "l2":
                    lin.weight.grad += reg["rate"] * lin.weight
                elif reg["kind"] == "l1":
                    lin.weight.grad += reg["rate"] * torch.sign(lin.weight)
        opt.step()
        cursor += xb.shape[0]
        if cursor >= n:
            cursor = 0
    worst = 0.0
    where = ""
    count = 0
    for l, (lin, bn, s) in enumerate(zip(linears, norms, run["final"]["layers"])):
        pairs = [(lin.weight, s["weights"], "weight"), (lin.bias, s["biases"], "bias")]
        if bn is not None:
            st = s["batchNorm"]
            pairs += [(bn.weight, st["gamma"], "gamma"), (bn.bias, st["beta"], "beta"),
                      (bn.running_mean, st["runningMean"], "running_mean"), (bn.running_var, st["runningVar"], "running_var")]
            if int(bn.num_batches_tracked) != st["numBatchesTracked"]:
                print("FAIL num_batches_tracked %d, export %d" % (int(bn.num_batches_tracked), st["numBatchesTracked"]))
                sys.exit(1)
        for mine, theirs, name in pairs:
            t = torch.tensor(theirs)
            d = (mine.detach() - t).abs() / torch.clamp(t.abs(), min=1.0)
            if d.max().item() > worst:
                worst, where = d.max().item(), "layer %d %s" % (l, name)
            count += t.numel()
    model.eval()
    xt = features(c, run["data"]["test"]["points"])
    yt = torch.tensor(run["data"]["test"]["labels"]).reshape(-1, 1)
    with torch.no_grad():
        test_loss = float(0.5 * ((model(xt) - yt) ** 2).sum(dim=1).mean())
    loss_diff = abs(test_loss - run["history"][-1]["testLoss"])
    status = "ok" if worst <= 1e-12 and loss_diff <= 1e-12 else "FAIL"
    print("%s %d values max_diff=%.3g (%s) test_loss_diff=%.3g" % (status, count, worst, where, loss_diff))
    sys.exit(0 if status == "ok" else 1)


if __name__ == "__main__":
    main(sys.argv[1])
