from __future__ import annotations

import numpy as np
import pytest

from jobbnav.market.forecast import backtest, fit, month_range, predict, trend_per_year
from jobbnav.market.history import monthly_counts


def _seasonal_series(n: int = 30, months: int = 72, seed: int = 1) -> np.ndarray:
    rng = np.random.default_rng(seed)
    t = np.arange(months)
    season = 1 + 0.35 * np.sin(2 * np.pi * t / 12)
    growth = np.exp(rng.normal(0, 0.1, (n, 1)) * t / 12)
    return rng.poisson(80 * season * growth).astype(float)


def test_model_beats_the_seasonal_naive_on_held_out_months() -> None:
    result = backtest(_seasonal_series(), 201901, holdout=12)
    assert np.nanmean(result["mase_model"]) < np.nanmean(result["mase_naive"])
    assert 0.6 <= np.nanmean(result["coverage80"]) <= 1.0


def test_band_contains_the_point_and_widens_with_the_horizon() -> None:
    point, lower, upper = predict(fit(_seasonal_series(n=3), 201901), 60)
    assert np.all(lower <= point) and np.all(point <= upper)
    assert np.all((upper - lower)[:, 59] > (upper - lower)[:, 0])


def test_seasonality_is_carried_into_the_forecast() -> None:
    y = _seasonal_series(n=1, seed=3)
    point, _, _ = predict(fit(y, 201901), 12)
    peak = int(np.argmax(point[0]))  # sin peaks in the 4th month of each year
    assert peak in (2, 3, 4)


def test_too_short_history_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 12"):
        fit(np.ones((1, 8)), 202501)


def test_trend_per_year_reads_growth_over_exactly_its_window() -> None:
    t = np.arange(48)
    season = 1 + 0.3 * np.sin(2 * np.pi * t / 12)
    growing = 100 * np.exp(np.log(1.2) * t / 12) * season
    assert trend_per_year(growing[None, :], 36, 202201)[0] == pytest.approx(0.2, abs=0.03)
    # flat for three years, then +50 %/year: the 12-month figure sees only the last year
    recent = 100 * np.exp(np.log(1.5) * np.clip(t - 36, 0, None) / 12) * season
    assert trend_per_year(recent[None, :], 12, 202201)[0] == pytest.approx(0.5, abs=0.08)
    assert trend_per_year(recent[None, :], 36, 202201)[0] < 0.25


def test_trend_needs_the_whole_window() -> None:
    assert np.isnan(trend_per_year(np.ones((1, 18)), 36, 202501)[0])
    assert np.isnan(trend_per_year(np.ones((1, 18)), 12, 202501)[0])  # season needs 24


def test_synthetic_history_reproduces_the_calibration_year() -> None:
    months, counts = monthly_counts([("g1", "a1", 1200), ("g2", "a1", 240)], seed=2)
    year = [i for i, m in enumerate(months) if m // 100 == 2024]
    assert months == month_range(201901, 202610)
    assert counts[0, year].sum() == pytest.approx(1200, rel=0.15)
    assert counts[1, year].sum() == pytest.approx(240, rel=0.25)
