"""Concept recognition's hot modules, compiled to C with mypyc where the machine can.

Recognising an ad's concepts costs about half a millisecond of Python spread over many small
steps, with no single hot spot left to tune (docs/decisions/0007). mypyc compiles the typed
modules as they are written: `jobbnav enrich compile` (run by `make`) builds one
extension per module in `MODULES` next to its source and records each source's hash in
`compiled.json` beside them.

The Python sources stay the truth. Importing `jobbnav.enrich` calls `use_fresh_build_only`:
unless every compiled module's source still has its recorded hash, the sources are imported
instead of the extensions. All or none, because the modules of one build call each other
natively: a fresh extension would run a stale one's old code. `JOBBNAV_PURE_PYTHON=1` imports
the sources too. A machine without a C compiler runs the sources; nothing else changes.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType

__all__ = ["MODULES", "PURE_PYTHON_ENV", "build", "compiled_modules", "is_fresh",
           "use_fresh_build_only"]

# The modules one enrichment call spends its time in (the group model's are not here: its
# cost is numpy's). Each must compile without changes to its behaviour, which
# tests/enrich/test_compiled.py checks against the sources on every evaluation text.
MODULES = ("tokenize", "matcher", "context", "disambiguate", "attributive", "service",
           "lexicon", "english_titles", "local_concepts")
PURE_PYTHON_ENV = "JOBBNAV_PURE_PYTHON"
_PACKAGE = "jobbnav.enrich"
_HERE = Path(__file__).resolve().parent
_MANIFEST = _HERE / "compiled.json"
_GROUP = "jobbnav_enrich"  # mypyc's shared library: <group>__mypyc next to the package root


def _source(module: str) -> Path:
    return _HERE / f"{module}.py"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _extensions() -> list[Path]:
    """Every extension file a build of this interpreter writes (whether or not it exists)."""
    suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
    return [_HERE / f"{module}{suffix}" for module in MODULES] + \
        [_HERE.parents[1] / f"{_GROUP}__mypyc{suffix}"]


def is_fresh() -> bool:
    """Whether a build exists for this interpreter and every source still has its hash."""
    try:
        recorded = json.loads(_MANIFEST.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    hashes = recorded.get("sources", {}) if isinstance(recorded, dict) else {}
    return (set(hashes) == set(MODULES)
            and all(path.is_file() for path in _extensions())
            and all(hashes[module] == _digest(_source(module)) for module in MODULES))


class _SourcesFirst(importlib.abc.MetaPathFinder):
    """Finds the hot modules' sources ahead of the path finder, which prefers extensions."""

    def find_spec(self, fullname: str, path: Sequence[str] | None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        package, _, module = fullname.rpartition(".")
        if package != _PACKAGE or module not in MODULES:
            return None
        return importlib.util.spec_from_file_location(fullname, _source(module))


def use_fresh_build_only() -> None:
    """Import the hot modules from their sources unless the compiled build is fresh."""
    if any(isinstance(finder, _SourcesFirst) for finder in sys.meta_path):
        return
    if os.environ.get(PURE_PYTHON_ENV, "") not in ("", "0") or not is_fresh():
        sys.meta_path.insert(0, _SourcesFirst())


def compiled_modules() -> list[str]:
    """The hot modules this process runs compiled (for benchmarks to say what they measured)."""
    return [module for module in MODULES
            if not (getattr(sys.modules.get(f"{_PACKAGE}.{module}"), "__file__", None) or
                    ".py").endswith(".py")]


def build() -> None:
    """Compile `MODULES` in place and record their sources' hashes (about a minute)."""
    from mypyc.build import mypycify  # a dev dependency: only a build needs it
    from setuptools import Distribution

    _MANIFEST.unlink(missing_ok=True)  # while building, no build claims to be fresh
    for path in _extensions():
        path.unlink(missing_ok=True)
    hashes = {module: _digest(_source(module)) for module in MODULES}
    root = _HERE.parents[1]  # the directory that holds the `jobbnav` package
    with tempfile.TemporaryDirectory(prefix="jobbnav-mypyc-") as work:
        cwd = Path.cwd()
        os.chdir(root)  # mypyc names each module by its path from here
        try:
            extensions = mypycify(
                [str(_source(module).relative_to(root)) for module in MODULES],
                opt_level="3", group_name=_GROUP, target_dir=str(Path(work) / "c"))
            dist = Distribution({"name": "jobbnav-enrich-compiled", "ext_modules": extensions})
            dist.verbose = False
            command = dist.get_command_obj("build_ext")
            command.inplace = True  # type: ignore[attr-defined]
            command.build_temp = str(Path(work) / "temp")  # type: ignore[attr-defined]
            dist.run_command("build_ext")
        finally:
            os.chdir(cwd)
    if any(hashes[module] != _digest(_source(module)) for module in MODULES):
        raise RuntimeError("a source changed during the build; build again")
    _MANIFEST.write_text(json.dumps({"sources": hashes}, indent=1), encoding="utf-8")
