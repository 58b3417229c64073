"""The same aggregation on Dask over Parquet, for ad histories beyond one machine.

`base_counts` (aggregate.py) runs unchanged on the Dask DataFrame read from Parquet; its result
(one row per distinct month x occupation x area, small) is collected and rolled up with the same
`rollup` the embedded path uses. Pass a `distributed.Client` to run on a cluster; without one,
Dask's local scheduler is used.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import Engine

from jobbnav.market.aggregate import FACT_COLUMNS, base_counts, rollup
from jobbnav.market.maintain import ProgressHook, read_facts, rebuild_demand

__all__ = ["aggregate_parquet", "export_facts", "recompute_from_parquet"]


def export_facts(engine: Engine, path: Path, *, partition_rows: int = 250_000) -> int:
    """Write the fact table to a Parquet dataset (one file per `partition_rows`)."""
    facts = read_facts(engine)
    path.mkdir(parents=True, exist_ok=True)
    for i, start in enumerate(range(0, max(len(facts), 1), partition_rows)):
        facts.iloc[start:start + partition_rows].to_parquet(path / f"part-{i:05d}.parquet",
                                                            index=False)
    return len(facts)


def aggregate_parquet(path: Path | str, client: Any = None) -> pd.DataFrame:
    """Demand rows (the columns of `market_demand`) from a Parquet dataset of ad facts."""
    import dask.dataframe as dd

    frame = dd.read_parquet(str(path), columns=FACT_COLUMNS)
    counted = base_counts(frame)
    base = client.compute(counted).result() if client is not None else counted.compute()
    return rollup(base)


def recompute_from_parquet(engine: Engine, path: Path | str, client: Any = None,
                           progress: ProgressHook | None = None) -> int:
    return rebuild_demand(engine, aggregate_parquet(path, client), progress)
