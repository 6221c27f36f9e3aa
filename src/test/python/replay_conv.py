"""Replays a WeightLab run of a convolution network in PyTorch float64, from its run export alone.

    python3 replay_conv.py RUN.json

The network is the config's "conv" (nn.Conv2d, valid padding, stride 1, then the activation;
the export's "initial" "conv" entries hold weight [c][inC][k][k] and bias [c]), nn.Flatten, then
the dense layers, trained with PyTorch's own SGD (momentum, Nesterov) or Adam / AdamW over every
parameter. For image runs (digits: each row of 64 pixels is x.view(-1, 1, 8, 8)) with
cross_entropy, a constant learning rate, no regularization, no dropout and "shuffle": false
(batches are then consecutive slices of the training set as stored). Prints
"ok N values max_diff=D test_loss_diff=E" when every final weight and bias equals the export's
within 1e-12 (relative to max(1, |value|)) and the test loss the last history point's.
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


def forward(convs, layers, x):
    h = x.view(-1, convs[0][3][0], convs[0][3][1], convs[0][3][2])
    for (w, b, act, _) in convs:
        h = ACT[act](torch.nn.functional.conv2d(h, w, b))
    h = torch.flatten(h, 1)
    z = None
    for (w, b, act) in layers:
        z = h @ w.T + b
        h = z if act == "softmax" else ACT[act](z)
    return z


def main(path):
    run = json.load(open(path))
    c = run["config"]
    assert "features" not in c and c.get("conv"), "a run with convolutions on image data"
    assert not c["shuffle"] and c.get("dropout", 0) == 0 and c["regularization"]["kind"] == "none", "unsupported run"
    assert c["loss"] == "cross_entropy", "cross_entropy only"
    params, convs, layers = [], [], []
    for s in run["initial"]["conv"]:
        assert s["kind"] == "conv2d"
        w = torch.tensor(s["weights"], requires_grad=True)
        b = torch.tensor(s["biases"], requires_grad=True)
        params += [w, b]
        convs.append((w, b, s["activation"], (s["inChannels"], s["height"], s["width"])))
    for s in run["initial"]["layers"]:
        w = torch.tensor(s["weights"], requires_grad=True)
        b = torch.tensor(s["biases"], requires_grad=True)
        params += [w, b]
        layers.append((w, b, s["activation"]))
    o = c["optimizer"]
    lr = o["learningRate"]
    if o["name"] == "sgd":
        opt = torch.optim.SGD(params, lr=lr, momentum=o.get("momentum", 0.0), nesterov=o.get("nesterov", False))
    else:
        assert o["name"] in ("adam", "adamw"), "unsupported optimizer " + o["name"]
        kind = torch.optim.Adam if o["name"] == "adam" else torch.optim.AdamW
        extra = {"weight_decay": o.get("weightDecay", 0.01)} if o["name"] == "adamw" else {}
        opt = kind(params, lr=lr, betas=(o.get("beta1", 0.9), o.get("beta2", 0.999)), eps=o.get("eps", 1e-8), **extra)
    classes = layers[-1][0].shape[0]

    def tensors(part):
        x = torch.tensor(run["data"][part]["points"])
        y = torch.tensor(run["data"][part]["labels"])
        return x, ((y + 1) / 2 if classes == 2 else y).long()

    x, y = tensors("train")
    steps = run["history"][-1]["step"]
    n, bs, cursor = x.shape[0], c["batchSize"], 0
    for _ in range(steps):
        xb, yb = x[cursor:cursor + bs], y[cursor:cursor + bs]
        loss = torch.nn.functional.cross_entropy(forward(convs, layers, xb), yb)
        opt.zero_grad()
        loss.backward()
        opt.step()
        cursor += xb.shape[0]
        if cursor >= n:
            cursor = 0
    worst, count = 0.0, 0
    pairs = [(w, s["weights"]) for (w, _, _, _), s in zip(convs, run["final"]["conv"])]
    pairs += [(b, s["biases"]) for (_, b, _, _), s in zip(convs, run["final"]["conv"])]
    pairs += [(w, s["weights"]) for (w, _, _), s in zip(layers, run["final"]["layers"])]
    pairs += [(b, s["biases"]) for (_, b, _), s in zip(layers, run["final"]["layers"])]
    for mine, theirs in pairs:
        t = torch.tensor(theirs)
        d = (mine.detach() - t).abs() / torch.clamp(t.abs(), min=1.0)
        worst = max(worst, d.max().item())
        count += t.numel()
    tx, ty = tensors("test")
    with torch.no_grad():
        test_loss = torch.nn.functional.cross_entropy(forward(convs, layers, tx), ty).item()
    loss_diff = abs(test_loss - run["history"][-1]["testLoss"])
    status = "ok" if worst <= 1e-12 and loss_diff <= 1e-12 else "FAIL"
    print("%s %d values max_diff=%.3g test_loss_diff=%.3g" % (status, count, worst, loss_diff))
    sys.exit(0 if status == "ok" else 1)


if __name__ == "__main__":
    main(sys.argv[1])
