#!/usr/bin/env python3
"""Reference numbers for supportkit's count model (test/metrics/forecast/count-model.test.ts).

scipy's negative binomial and Poisson, with supportkit's NB2 parametrisation (mean mu, variance mu + d*mu^2:
scipy's nbinom(n = 1/d, p = 1/(1 + d*mu))):

  1. distributions: P(Y = y) and P(Y <= y) at a few points, and the 2.5/10/90/97.5% quantiles (ppf), for means
     from 0.01 to 10,000 and dispersions 0 (Poisson) to 5;
  2. intervals: the central 80% and 95% intervals by supportkit's rule (of the quantile ends and the whole counts
     next to them inwards, the pair whose probability is nearest the level; ties to the wider), computed here
     from scipy's cdf;
  3. dispersion: NB2 counts simulated around known means (numpy, seeded), and the maximum-likelihood
     dispersion given those means (scipy.optimize on scipy's logpmf).

  python3 scripts/count-reference.py > test/fixtures/forecast/count-reference.json
"""
import json
import sys

import numpy as np
import scipy
from scipy import optimize, stats


def dist(mu, d):
    if d == 0:
        return stats.poisson(mu)
    return stats.nbinom(1 / d, 1 / (1 + d * mu))


def interval(mu, d, level):
    law = dist(mu, d)
    tail = (1 - level) / 2
    lo, hi = int(law.ppf(tail)), int(law.ppf(1 - tail))
    best, gap = (lo, hi), float("inf")
    for a in (lo, lo + 1):
        for b in (hi, hi - 1):
            if b < a:
                continue
            g = abs(law.cdf(b) - law.cdf(a - 1) - level)
            if g < gap - 1e-12:
                best, gap = (a, b), g
    return list(best)


cases = []
for mu in (0.01, 0.3, 2.5, 8.4, 30, 250, 10000):
    for d in (0, 0.05, 0.3, 5):
        law = dist(mu, d)
        points = sorted({0, int(mu), int(mu) + 1, int(law.ppf(0.9)) + 2})
        cases.append({
            "mean": mu,
            "dispersion": d,
            "pmf": [[y, float(law.pmf(y))] for y in points],
            "cdf": [[y, float(law.cdf(y))] for y in points],
            "quantiles": {str(q): int(law.ppf(q)) for q in (0.025, 0.1, 0.9, 0.975)},
            "interval80": interval(mu, d, 0.8),
            "interval95": interval(mu, d, 0.95),
        })

rng = np.random.default_rng(2026)
fits = []
for true_d, scale in ((0.0, 5.0), (0.2, 5.0), (0.2, 40.0), (1.0, 3.0)):
    hours = np.arange(2000)
    mu = scale * (0.2 + np.exp(-((hours % 24 - 12) ** 2) / 10))
    if true_d == 0:
        y = rng.poisson(mu)
    else:
        y = rng.negative_binomial(1 / true_d, 1 / (1 + true_d * mu))

    def nll(log_d):
        d = np.exp(log_d)
        return -np.sum(stats.nbinom.logpmf(y, 1 / d, 1 / (1 + d * mu)))

    res = optimize.minimize_scalar(nll, bounds=(np.log(1e-6), np.log(20)), method="bounded",
                                   options={"xatol": 1e-8})
    poisson_ll = np.sum(stats.poisson.logpmf(y, mu))
    ml = float(np.exp(res.x)) if -res.fun > poisson_ll else 0.0
    fits.append({"trueDispersion": true_d, "mean": [round(float(m), 12) for m in mu], "y": [int(v) for v in y],
                 "mlDispersion": ml})

json.dump({"scipy": scipy.__version__, "numpy": np.__version__, "cases": cases, "fits": fits}, sys.stdout)
sys.stdout.write("\n")
