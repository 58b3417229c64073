from __future__ import annotations

from pathlib import Path

from market_helpers import seasonal_ads
from sqlalchemy import Engine, select

from jobbnav.market import store
from jobbnav.market.dask_backend import export_facts, recompute_from_parquet


def _demand(engine: Engine) -> set[tuple[object, ...]]:
    with engine.connect() as conn:
        return {tuple(r) for r in conn.execute(select(store.demand))}


def test_dask_over_parquet_gives_the_same_aggregates(engine: Engine, tmp_path: Path) -> None:
    from distributed import Client, LocalCluster

    seasonal_ads(engine, 202401, 202412)
    embedded = _demand(engine)
    assert export_facts(engine, tmp_path / "facts", partition_rows=100) > 300
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False,  # type: ignore[no-untyped-call]
                      dashboard_address=None) as cluster, \
            Client(cluster) as client:  # type: ignore[no-untyped-call]
        recompute_from_parquet(engine, tmp_path / "facts", client)
    assert _demand(engine) == embedded
