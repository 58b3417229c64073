"""Pipeline step: concept recognition in the ad's text (by the enrich domain), stored with the ad.

The result is kept under the ad's `enrichment` key ({"occupations", "competencies", "traits",
"geos", "languages", "driving_licences", "occupation_groups"}, each a list of items with
`concept_id`, `concept_label`, `term`, `prediction`, `context`); the index adds its occupation,
skill and language ids, so `skill=` / `occupation-name=` searches find enriched ads.
Switched by `JOBBNAV_ENRICH_ADS` (default on; the import-speed benchmark turns it off).
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import Any

from pydantic_settings import BaseSettings, SettingsConfigDict

from jobbnav.ads.pipeline import Records

__all__ = ["AdsSettings", "enrich", "enricher"]

log = logging.getLogger(__name__)
ENRICH_MODULE = "jobbnav.enrich.service"


class AdsSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="JOBBNAV_", extra="ignore")

    enrich_ads: bool = True


_notified = False


def enricher() -> Callable[[dict[str, Any]], dict[str, Any]] | None:
    """The enrich domain's `enrich_ad`, or None (with one logged notice) when it is absent."""
    global _notified
    try:
        module = importlib.import_module(ENRICH_MODULE)
    except ModuleNotFoundError as exc:
        if exc.name is None or not ENRICH_MODULE.startswith(exc.name):
            raise  # the module exists but is broken: that must not pass silently
        if not _notified:
            log.warning("ads are imported without enrichment: %s is not installed",
                        ENRICH_MODULE)
            _notified = True
        return None
    found: Callable[[dict[str, Any]], dict[str, Any]] = module.enrich_ad
    return found


def enrich(batch: Records) -> None:
    enabled = batch.options.get("enrich")
    if enabled is None:
        enabled = AdsSettings().enrich_ads
    if not enabled:
        return
    enrich_ad = enricher()
    if enrich_ad is None:
        notice = f"enrichment skipped: {ENRICH_MODULE} is not available"
        if notice not in batch.report.notices:
            batch.report.notices.append(notice)
        return
    for item in batch.live():
        if item.ad is not None and not item.removal:
            item.ad["enrichment"] = enrich_ad(item.ad)
