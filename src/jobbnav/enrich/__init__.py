"""Concept recognition in Swedish text (capability C): see docs/enrich.md."""

from jobbnav.enrich.compiled import use_fresh_build_only

use_fresh_build_only()  # before any hot module is imported: never a stale compiled one
