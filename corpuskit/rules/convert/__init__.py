"""Data for the convert and normalize stages: OpenCC lexicon, regions, numbers, punctuation.

>>> sorted(load("regions.toml"))
['cn', 'hk', 'margin', 'min_hits', 'tw']
"""
from __future__ import annotations

import sys
from functools import lru_cache
from importlib import resources
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@lru_cache(maxsize=None)
def load(name: str) -> dict[str, Any]:
    """The packaged TOML file ``name`` of this folder, parsed (cached)."""
    return tomllib.loads(resources.files(__name__).joinpath(name).read_text("utf-8"))
