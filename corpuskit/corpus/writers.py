"""Writers: records to JSONL, atomically (a temporary file renamed when complete)."""
from __future__ import annotations

import os
import sys
import tempfile
from typing import Any, BinaryIO

import orjson


class JsonlWriter:
    """Write records as JSON lines to ``path`` (``-`` for stdout).

    The file appears under its name only when :meth:`close` succeeds; an
    interrupted run leaves no file that looks complete.
    """

    def __init__(self, path: str):
        self.path = path
        self.count = 0
        self._tmp: str | None = None
        if path == "-":
            self._f: BinaryIO = sys.stdout.buffer
        else:
            folder = os.path.dirname(os.path.abspath(path))
            os.makedirs(folder, exist_ok=True)
            fd, self._tmp = tempfile.mkstemp(prefix=".corpuskit-", suffix=".part", dir=folder)
            self._f = os.fdopen(fd, "wb")

    def write(self, record: dict[str, Any]) -> None:
        self._f.write(orjson.dumps(record) + b"\n")
        self.count += 1

    def close(self) -> None:
        if self._tmp is None:
            self._f.flush()
            return
        self._f.close()
        os.replace(self._tmp, self.path)
        self._tmp = None

    def abort(self) -> None:
        if self._tmp is not None:
            self._f.close()
            os.unlink(self._tmp)
            self._tmp = None

    def __enter__(self) -> "JsonlWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()
