"""Server-side SVG charts (no JavaScript): a time series with a forecast band, and bars."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from markupsafe import Markup

__all__ = ["bars", "series_with_band"]


def _scale(value: float, low: float, high: float, size: float) -> float:
    return 0.0 if high <= low else (value - low) / (high - low) * size


def series_with_band(history: Sequence[dict[str, Any]], forecast: Sequence[dict[str, Any]],
                     *, width: int = 760, height: int = 260, title: str = "") -> Markup:
    """History as a line, forecast as a dashed line inside its shaded 80 % band."""
    pad_l, pad_b, pad_t = 48, 28, 12
    w, h = width - pad_l - 8, height - pad_b - pad_t
    n = len(history) + len(forecast)
    if n < 2:
        return Markup("<p>Ingen tidsserie att visa.</p>")
    top = max([p["ads"] for p in history] + [p["upper"] for p in forecast] + [1.0])

    def xy(i: int, v: float) -> str:
        x = pad_l + i / (n - 1) * w
        y = pad_t + h - _scale(v, 0, top, h)
        return f"{x:.1f},{y:.1f}"

    hist = " ".join(xy(i, p["ads"]) for i, p in enumerate(history))
    offset = len(history)
    band = ""
    point = ""
    if forecast:
        upper = [xy(offset + i, p["upper"]) for i, p in enumerate(forecast)]
        lower = [xy(offset + i, p["lower"]) for i, p in enumerate(forecast)]
        band = (f'<polygon class="band" points="{" ".join(upper + lower[::-1])}" '
                'fill="#9ecae1" fill-opacity="0.5" stroke="none"/>')
        start = [xy(offset - 1, history[-1]["ads"])] if history else []
        point = (f'<polyline class="forecast" points="{" ".join(start + [xy(offset + i, p["ads"]) for i, p in enumerate(forecast)])}" '  # noqa: E501
                 'fill="none" stroke="#08519c" stroke-width="2" stroke-dasharray="5,4"/>')
    ticks = []
    labels = [p["month"] for p in history] + [p["month"] for p in forecast]
    for i, month in enumerate(labels):
        if month.endswith("-01"):
            x = pad_l + i / (n - 1) * w
            ticks.append(f'<text x="{x:.1f}" y="{height - 8}" font-size="10" '
                         f'text-anchor="middle">{escape(month[:4])}</text>')
    y_labels = "".join(
        f'<text x="{pad_l - 6}" y="{pad_t + h - f * h + 4:.1f}" font-size="10" '
        f'text-anchor="end">{top * f:.0f}</text>' for f in (0, 0.5, 1))
    svg = (f'<svg class="chart series" role="img" aria-label="{escape(title)}" '
           f'viewBox="0 0 {width} {height}" width="100%" xmlns="http://www.w3.org/2000/svg">'
           f'<title>{escape(title)}</title>'
           f'<line x1="{pad_l}" y1="{pad_t + h}" x2="{width - 8}" y2="{pad_t + h}" '
           'stroke="#999"/>'
           f'{band}<polyline class="history" points="{hist}" fill="none" stroke="#222" '
           f'stroke-width="1.5"/>{point}{"".join(ticks)}{y_labels}</svg>')
    return Markup(svg)


def bars(rows: Sequence[tuple[str, float]], *, width: int = 760, title: str = "") -> Markup:
    """Horizontal bars, one per (label, value), longest first as given."""
    if not rows:
        return Markup("<p>Inga data per län.</p>")
    bar_h, gap, pad_l = 16, 4, 190
    height = len(rows) * (bar_h + gap) + 8
    top = max(v for _, v in rows) or 1.0
    parts = []
    for i, (name, value) in enumerate(rows):
        y = 4 + i * (bar_h + gap)
        length = _scale(value, 0, top, width - pad_l - 70)
        parts.append(
            f'<text x="{pad_l - 6}" y="{y + 12}" font-size="11" text-anchor="end">'
            f'{escape(name)}</text><rect class="bar" x="{pad_l}" y="{y}" width="{length:.1f}" '
            f'height="{bar_h}" fill="#3182bd"><title>{escape(name)}: {value:.0f}</title></rect>'
            f'<text x="{pad_l + length + 4:.1f}" y="{y + 12}" font-size="11">{value:.0f}</text>')
    return Markup(f'<svg class="chart bars" role="img" aria-label="{escape(title)}" '
                  f'viewBox="0 0 {width} {height}" width="100%" '
                  f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
                  f'{"".join(parts)}</svg>')
