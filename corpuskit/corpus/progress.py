"""Progress on a terminal: documents, MB/s and ETA on one line of stderr; silent otherwise."""
from __future__ import annotations

import sys
import time
from typing import TextIO


def eta(seconds: float | None) -> str:
    """A short duration.

    >>> eta(75), eta(4000), eta(None)
    ('1m15s', '1h06m', '?')
    """
    if seconds is None or seconds < 0:
        return "?"
    s = int(seconds)
    if s >= 3600:
        return f"{s // 3600}h{s % 3600 // 60:02d}m"
    if s >= 60:
        return f"{s // 60}m{s % 60:02d}s"
    return f"{s}s"


class Progress:
    """Call :meth:`update` as often as you like; it redraws at most every ``interval`` seconds."""

    def __init__(self, phase: str, total_bytes: int | None, stream: TextIO | None = None,
                 enabled: bool | None = None, interval: float = 0.5):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.phase, self.total = phase, total_bytes or None
        self.interval = interval
        self.start = self._last = time.monotonic()
        self.docs = self.bytes = 0
        self._width = 0

    def update(self, docs: int = 0, nbytes: int = 0) -> None:
        self.docs += docs
        self.bytes += nbytes
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last >= self.interval:
            self._last = now
            self._draw(now)

    def line(self, now: float | None = None) -> str:
        elapsed = max(1e-9, (now or time.monotonic()) - self.start)
        rate = self.bytes / elapsed
        text = f"{self.phase}: {self.docs} documents, {rate / 1e6:.1f} MB/s"
        if self.total:
            pct = min(100.0, 100 * self.bytes / self.total)
            left = (self.total - self.bytes) / rate if rate > 0 else None
            text += f", {pct:.0f}%, ETA {eta(left)}"
        return text

    def _draw(self, now: float) -> None:
        text = self.line(now)
        pad = max(0, self._width - len(text))
        self._width = len(text)
        self.stream.write("\r" + text + " " * pad)
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
