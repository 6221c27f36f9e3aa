#!/usr/bin/python3
"""The PyTorch peer of `weightlab bench --only digits-conv`: float64, one thread, the digits as
1x8x8 images -> nn.Conv2d(1, 4, 3) -> tanh -> flatten 144 -> nn.Linear(144, 10), cross-entropy,
SGD 0.1, batch 32, shuffled, on the first 1,437 images (as many as WeightLab's 80% split trains on).

    python3 src/test/python/bench_conv_peer.py assets/data/digits.csv.gz

Prints the median examples/s of 3 rounds of 5 epochs as "peer-torch digits-conv examples_per_s=N".
Run it and the bench one after the other, a few times alternately, and compare the ratio: figures
from another machine or another hour are not comparable.
"""
import gzip
import statistics
import sys
import time

import numpy as np
import torch

torch.set_num_threads(1)
d = np.loadtxt(gzip.open(sys.argv[1]), delimiter=",")
X = torch.tensor(d[:, :64] / 16.0, dtype=torch.float64).view(-1, 1, 8, 8)
y = torch.tensor(d[:, 64], dtype=torch.long)
n = 1437
Xtr, ytr = X[:n], y[:n]
torch.manual_seed(0)
net = torch.nn.Sequential(torch.nn.Conv2d(1, 4, 3), torch.nn.Tanh(), torch.nn.Flatten(),
                          torch.nn.Linear(144, 10)).double()
opt = torch.optim.SGD(net.parameters(), lr=0.1)
lossf = torch.nn.CrossEntropyLoss()


def epoch():
    p = torch.randperm(n)
    for i in range(0, n, 32):
        j = p[i:i + 32]
        opt.zero_grad()
        lossf(net(Xtr[j]), ytr[j]).backward()
        opt.step()


epoch()
rates = []
for _ in range(3):
    t = time.perf_counter()
    for _ in range(5):
        epoch()
    rates.append(5 * n / (time.perf_counter() - t))
print("peer-torch digits-conv examples_per_s=%.0f" % statistics.median(rates))
