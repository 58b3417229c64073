"""Trend and forecast: seasonal decomposition + damped-trend exponential smoothing, batched.

Method (documented in docs/market.md):
1. z = log(1 + monthly ads), so seasonality is multiplicative and forecasts stay >= 0.
2. Seasonal indices: z minus its centred 2x12 moving average, averaged per calendar month and
   centred to sum 0 (needs >= 24 months; with less, no seasonal term).
3. The seasonally adjusted series gets a damped additive trend (ETS(A,Ad,N), innovations form
   l_t = l_{t-1} + phi*b_{t-1} + alpha*e_t, b_t = phi*b_{t-1} + beta*e_t); alpha, beta, phi are
   chosen per series on a grid by in-sample one-step squared error.
4. The h-step variance is sigma^2 * (1 + sum_{j<h} c_j^2), c_j = alpha + beta*(phi+...+phi^j)
   (exact for this model); the 80 % band is +-1.2816 sd on the log scale, transformed back.
Every step works on a matrix of series at once, so thousands of cells fit in a second.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "MIN_MONTHS",
    "Fit",
    "backtest",
    "fit",
    "month_range",
    "predict",
    "seasonal_naive",
    "trend_per_year",
]

MIN_MONTHS = 12
Z80 = 1.2815515655446004
_ALPHAS = np.array([0.05, 0.1, 0.2, 0.3, 0.5, 0.7])
_BETAS = np.array([0.0, 0.02, 0.05, 0.1, 0.2])
_PHIS = np.array([0.8, 0.9, 0.95, 0.98])
_GRID = np.array([(a, b, p) for a in _ALPHAS for b in _BETAS for p in _PHIS if b <= a])

Matrix = NDArray[np.float64]


def month_range(first: int, last: int) -> list[int]:
    """yyyymm months from first to last inclusive."""
    out, year, month = [], first // 100, first % 100
    while year * 100 + month <= last:
        out.append(year * 100 + month)
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return out


def _seasonal(z: Matrix, first_month_of_year: int) -> Matrix:
    """Per-series seasonal index for each calendar month (n, 12), log scale, summing to 0."""
    n, length = z.shape
    if length < 24:
        return np.zeros((n, 12))
    weights = np.r_[0.5, np.ones(11), 0.5] / 12.0
    trend = np.stack([np.convolve(row, weights, mode="valid") for row in z])  # (n, T-12)
    detrended = z[:, 6:length - 6] - trend
    moy = (np.arange(6, length - 6) + first_month_of_year - 1) % 12
    index = np.zeros((n, 12))
    for m in range(12):
        index[:, m] = detrended[:, moy == m].mean(axis=1)
    centred: Matrix = index - index.mean(axis=1, keepdims=True)
    return centred


@dataclass(slots=True)
class Fit:
    """Fitted state per series (arrays of length n), ready to predict from."""

    seasonal: Matrix  # (n, 12), by calendar month 0 = January
    level: Matrix
    slope: Matrix
    alpha: Matrix
    beta: Matrix
    phi: Matrix
    sigma: Matrix
    next_month_of_year: int  # calendar month (1-12) of the first forecast month


def fit(y: Matrix, first_month: int) -> Fit:
    """Fit every row of `y` (n series x T months, T >= MIN_MONTHS) starting at yyyymm."""
    y = np.atleast_2d(np.asarray(y, dtype=np.float64))
    n, length = y.shape
    if length < MIN_MONTHS:
        raise ValueError(f"need at least {MIN_MONTHS} months, got {length}")
    z = np.log1p(np.clip(y, 0, None))
    moy0 = first_month % 100
    seasonal = _seasonal(z, moy0)
    moy = (np.arange(length) + moy0 - 1) % 12
    adjusted = z - seasonal[:, moy]
    alpha, beta, phi = (_GRID[:, i][None, :] for i in range(3))  # (1, G)
    level = np.repeat(adjusted[:, :3].mean(axis=1, keepdims=True), len(_GRID), axis=1)
    if length >= 24:
        start_slope = (adjusted[:, 12:24].mean(axis=1) - adjusted[:, :12].mean(axis=1)) / 12
    else:
        start_slope = (adjusted[:, -3:].mean(axis=1) - adjusted[:, :3].mean(axis=1)) / (length - 3)
    slope = np.repeat(start_slope[:, None], len(_GRID), axis=1)
    sse = np.zeros((n, len(_GRID)))
    burn_in = 3
    for t in range(1, length):
        pred = level + phi * slope
        err = adjusted[:, t:t + 1] - pred
        if t >= burn_in:
            sse += err * err
        level = pred + alpha * err
        slope = phi * slope + beta * err
    best = np.argmin(sse, axis=1)
    rows = np.arange(n)
    dof = max(length - burn_in - 3, 1)
    return Fit(seasonal=seasonal, level=level[rows, best], slope=slope[rows, best],
               alpha=_GRID[best, 0], beta=_GRID[best, 1], phi=_GRID[best, 2],
               sigma=np.sqrt(sse[rows, best] / dof),
               next_month_of_year=(moy0 - 1 + length) % 12 + 1)


def predict(model: Fit, horizon: int) -> tuple[Matrix, Matrix, Matrix]:
    """Point, lower and upper (80 %) monthly ads for `horizon` months: each (n, horizon)."""
    steps = np.arange(1, horizon + 1)
    phi = model.phi[:, None]
    damp_sum = np.where(np.isclose(phi, 1.0), steps[None, :],
                        phi * (1 - phi ** steps[None, :]) / (1 - phi))  # phi + ... + phi^h
    moy = (np.arange(horizon) + model.next_month_of_year - 1) % 12
    z = model.level[:, None] + damp_sum * model.slope[:, None] + model.seasonal[:, moy]
    c = model.alpha[:, None] + model.beta[:, None] * damp_sum  # c_j for j = 1..h
    cum = np.concatenate([np.zeros((len(model.phi), 1)), np.cumsum(c[:, :-1] ** 2, axis=1)],
                         axis=1)
    sd = model.sigma[:, None] * np.sqrt(1 + cum)
    point = np.expm1(z).clip(0)
    lower = np.expm1(z - Z80 * sd).clip(0)
    upper = np.expm1(z + Z80 * sd).clip(0)
    return point, lower, upper


def seasonal_naive(y: Matrix, horizon: int) -> Matrix:
    """Each month ahead = the same calendar month of the last observed year."""
    y = np.atleast_2d(y)
    last_year = y[:, -12:]
    reps = int(np.ceil(horizon / 12))
    return np.tile(last_year, (1, reps))[:, :horizon]


def trend_per_year(y: Matrix, months: int, first_month: int) -> Matrix:
    """Growth per year (fraction) over exactly the last `months` months: a log-linear fit to the
    seasonally adjusted log1p monthly ads of that window. The seasonal indices come from the
    whole series, so it needs >= 24 months as well as >= `months`; NaN where it is shorter."""
    y = np.atleast_2d(np.asarray(y, dtype=np.float64))
    length = y.shape[1]
    if length < max(months, 24) or months < 3:
        return np.full(len(y), np.nan)
    z = np.log1p(np.clip(y, 0, None))
    seasonal = _seasonal(z, first_month % 100)
    moy = (np.arange(length) + first_month % 100 - 1) % 12
    adjusted = (z - seasonal[:, moy])[:, -months:]
    x = np.arange(months, dtype=np.float64)
    x -= x.mean()
    slope = ((adjusted - adjusted.mean(axis=1, keepdims=True)) * x).sum(axis=1) / (x * x).sum()
    return np.asarray(np.expm1(slope * 12), dtype=np.float64)


def backtest(y: Matrix, first_month: int, holdout: int = 12) -> dict[str, Matrix]:
    """Fit on all but the last `holdout` months; MASE of the model and of the seasonal naive.

    MASE scale = in-sample mean absolute seasonal difference (lag 12) of the training part;
    series whose scale is 0 (flat) are left out (NaN).
    """
    y = np.atleast_2d(np.asarray(y, dtype=np.float64))
    train, test = y[:, :-holdout], y[:, -holdout:]
    point, lower, upper = predict(fit(train, first_month), holdout)
    naive = seasonal_naive(train, holdout)
    scale = np.abs(train[:, 12:] - train[:, :-12]).mean(axis=1)
    scale = np.where(scale > 0, scale, np.nan)
    return {
        "mase_model": np.abs(point - test).mean(axis=1) / scale,
        "mase_naive": np.abs(naive - test).mean(axis=1) / scale,
        "coverage80": ((test >= lower) & (test <= upper)).mean(axis=1),
    }
