#!/usr/bin/env python3
"""Reference numbers for supportkit's Holt-Winters (test/metrics/forecast/statsmodels.test.ts).

Fits statsmodels' ExponentialSmoothing (additive season; no trend, additive trend, damped additive trend) on a
classic public monthly series (the airline passengers, Box & Jenkins 1976, series G) and on two synthetic support
series (daily with a weekly season, hourly with a 168-hour season), each written into the output so the tests
need no Python:

  1. with FIXED smoothing parameters and FIXED initial states ("known" initialisation): fitted values, SSE and
     forecasts — these must match supportkit's recursion to rounding;
     Forecasts: statsmodels 0.13.5 uses the previous cycle's seasonal factor at horizons that are a multiple of
     the season (statsmodels issue #9538, fixed by PR #10230); "forecastFromStates" is FPP3's forecast equation
     l_n + (φ+…+φ^h)·b_n + s_{n+h−m(k+1)} applied to statsmodels' own final states, which supportkit follows;
  2. with everything ESTIMATED by statsmodels: its optimum SSE and the initial states it chose, from which
     supportkit's own estimation of the smoothing parameters must reach (or beat) that SSE.

  python3 scripts/forecast-reference.py > test/fixtures/forecast/statsmodels-reference.json
"""
import json
import sys
import warnings

import numpy as np
import statsmodels
from statsmodels.tsa.holtwinters import ExponentialSmoothing

warnings.simplefilter("ignore")

AIR = [
    112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118, 115, 126, 141, 135, 125, 149, 170, 170, 158, 133,
    114, 140, 145, 150, 178, 163, 172, 178, 199, 199, 184, 162, 146, 166, 171, 180, 193, 181, 183, 218, 230, 242,
    209, 191, 172, 194, 196, 196, 236, 235, 229, 243, 264, 272, 237, 211, 180, 201, 204, 188, 235, 227, 234, 264,
    302, 293, 259, 229, 203, 229, 242, 233, 267, 269, 270, 315, 364, 347, 312, 274, 237, 278, 284, 277, 317, 313,
    318, 374, 413, 405, 355, 306, 271, 306, 315, 301, 356, 348, 355, 422, 465, 467, 404, 347, 305, 336, 340, 318,
    362, 348, 363, 435, 491, 505, 404, 359, 310, 337, 360, 342, 406, 396, 420, 472, 548, 559, 463, 407, 362, 405,
    417, 391, 419, 461, 472, 535, 622, 606, 508, 461, 390, 432,
]


def synthetic(season, periods, seed):
    """Poisson arrivals: a level with a slow trend and a weekly (or hour-of-week) profile."""
    rng = np.random.RandomState(seed)
    t = np.arange(periods)
    if season == 7:
        profile = np.array([1.2, 1.1, 1.0, 1.0, 0.9, 0.5, 0.3])
        mean = 80 * (1 + 0.002 * t) * profile[t % 7]
    else:
        hour = t % 24
        day = (t // 24) % 7
        daily = 0.2 + np.exp(-((hour - 11) ** 2) / 12.0) + 0.6 * np.exp(-((hour - 16) ** 2) / 8.0)
        weekly = np.where(day >= 5, 0.4, 1.0)
        mean = 12 * (1 + 0.0004 * t) * daily * weekly
    return [int(v) for v in rng.poisson(mean)]


def initial_states(y, m, trend):
    """The starting state supportkit's heuristic would take (any fixed state serves for the comparison)."""
    y = np.asarray(y, dtype=float)
    first = y[:m].mean()
    slope = (y[m : 2 * m].mean() - first) / m if trend else 0.0
    t = np.arange(2 * m)
    season = np.array([np.mean((y[t] - (first + slope * (t - (m - 1) / 2)))[t % m == k]) for k in range(m)])
    level = first - slope * ((m - 1) / 2 + 1)
    return float(level), float(slope), [float(s) for s in season]


def model(y, m, kind, level, slope, season):
    return ExponentialSmoothing(
        np.asarray(y, dtype=float),
        trend=None if kind == "none" else "add",
        damped_trend=kind == "damped",
        seasonal="add",
        seasonal_periods=m,
        initialization_method="known",
        initial_level=level,
        initial_trend=None if kind == "none" else slope,
        initial_seasonal=season,
    )


def case(name, y, m, kind, params, horizon):
    level, slope, season = initial_states(y, m, kind != "none")
    fixed = dict(smoothing_level=params[0], smoothing_seasonal=params[2])
    if kind != "none":
        fixed["smoothing_trend"] = params[1]
    if kind == "damped":
        fixed["damping_trend"] = params[3]
    res = model(y, m, kind, level, slope, season).fit(optimized=False, **fixed)
    m_ = m
    level_n = float(res.level[-1])
    trend_n = 0.0 if kind == "none" else float(res.trend[-1])
    season_n = [float(v) for v in res.season[-m_:]]
    phi = params[3] if kind == "damped" else 1.0
    from_states = []
    for h in range(1, horizon + 1):
        damp = sum(phi**i for i in range(1, h + 1))
        k = (h - 1) // m_
        from_states.append(level_n + damp * trend_n + season_n[(h - m_ * (k + 1)) - 1 + m_])
    opt = model(y, m, kind, level, slope, season).fit(optimized=True)
    p = opt.params
    return {
        "name": name,
        "season": m,
        "trend": kind,
        "values": [float(v) for v in y],
        "initial": {"level": level, "trend": slope, "season": season},
        "params": {"alpha": params[0], "beta": params[1], "gamma": params[2], "phi": params[3]},
        "fitted": [float(v) for v in res.fittedvalues],
        "sse": float(res.sse),
        "forecast": [float(v) for v in res.forecast(horizon)],
        "final": {"level": level_n, "trend": trend_n, "season": season_n},
        "forecastFromStates": from_states,
        "optimum": {
            "sse": float(opt.sse),
            "alpha": float(p["smoothing_level"]),
            "beta": None if kind == "none" else float(p["smoothing_trend"]),
            "gamma": float(p["smoothing_seasonal"]),
            "phi": float(p["damping_trend"]) if kind == "damped" else None,
            # statsmodels 0.13.5 estimates the initial states too, even with "known" initialisation: the
            # comparison fits supportkit's smoothing parameters from these same initial states.
            "initial": {
                "level": float(p["initial_level"]),
                "trend": 0.0 if kind == "none" else float(p["initial_trend"]),
                "season": [float(v) for v in p["initial_seasons"]],
            },
        },
    }


def main():
    daily = synthetic(7, 7 * 30, 7)
    hourly = synthetic(168, 168 * 6, 168)
    cases = []
    for kind in ("none", "add", "damped"):
        cases.append(case(f"air-{kind}", AIR, 12, kind, (0.3, 0.1, 0.2, 0.95), 24))
        cases.append(case(f"daily-{kind}", daily, 7, kind, (0.2, 0.05, 0.1, 0.9), 14))
        cases.append(case(f"hourly-{kind}", hourly, 168, kind, (0.1, 0.02, 0.15, 0.85), 336))
    json.dump({"statsmodels": statsmodels.__version__, "cases": cases}, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
