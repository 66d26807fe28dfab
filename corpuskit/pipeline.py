"""Stages and the pipeline that runs them in order.

A stage is a small object with a ``name``, built from its own section of the
config, that takes a :class:`Document`, changes it and returns it, and counts
what it did in ``stats``. Stats merge with ``+`` so per-worker counts add up.
"""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from .config import Config
from .document import Document


@dataclass
class Stats:
    """Counters and time per stage; ``a + b`` merges them."""

    counts: Counter = field(default_factory=Counter)
    seconds: Counter = field(default_factory=Counter)

    def __add__(self, other: "Stats") -> "Stats":
        return Stats(self.counts + other.counts, self.seconds + other.seconds)

    def __iadd__(self, other: "Stats") -> "Stats":
        self.counts.update(other.counts)
        self.seconds.update(other.seconds)
        return self

    def to_dict(self) -> dict:
        return {"counts": dict(sorted(self.counts.items())),
                "seconds": {k: round(v, 4) for k, v in sorted(self.seconds.items())}}


class Stage:
    """Base class: subclasses set ``name`` and implement ``process``."""

    name = "stage"

    def __init__(self, config: Config):
        self.config = config
        self.stats = Stats()

    def count(self, key: str, n: int = 1) -> None:
        self.stats.counts[f"{self.name}.{key}"] += n

    def process(self, doc: Document) -> Document:  # pragma: no cover - abstract
        raise NotImplementedError

    def __call__(self, doc: Document) -> Document:
        t = time.perf_counter()
        doc = self.process(doc)
        self.stats.seconds[self.name] += time.perf_counter() - t
        return doc


class Pipeline:
    """The per-document stages in data-flow order."""

    def __init__(self, stages: Iterable[Stage]):
        self.stages = list(stages)

    @classmethod
    def from_config(cls, config: Config) -> "Pipeline":
        from .stages import default_stages

        return cls(default_stages(config))

    def __call__(self, doc: Document) -> Document:
        for stage in self.stages:
            doc = stage(doc)
        return doc

    @property
    def stats(self) -> Stats:
        total = Stats()
        for s in self.stages:
            total += s.stats
        return total

    def reset_stats(self) -> None:
        for s in self.stages:
            s.stats = Stats()


@lru_cache(maxsize=8)
def pipeline_for(config: Config) -> Pipeline:
    """One pipeline per config per process (converters are costly to build and cannot be pickled)."""
    return Pipeline.from_config(config)
