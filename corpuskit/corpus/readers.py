"""Readers: turn input paths into items (one per document), in a deterministic order.

A folder is walked recursively in sorted order. ``.txt`` files are one document
each; ``.jsonl`` files one document per line with a text field. Problems become
:class:`Failure` items, so one bad file never stops the corpus.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from typing import Any, Iterator

import orjson

TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl",)


@dataclass
class Item:
    """One document to clean."""

    path: str
    data: bytes | str
    line: int | None = None
    id: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Failure:
    """An input that could not be read, with a one-line reason."""

    path: str
    reason: str
    line: int | None = None

    def message(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.reason}"

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "line": self.line, "reason": self.reason}


def expand(inputs: list[str]) -> Iterator[str | Failure]:
    """Input arguments to file paths: folders walked recursively, sorted."""
    for arg in inputs:
        if arg == "-":
            yield arg
        elif os.path.isdir(arg):
            found = []
            for root, dirs, files in os.walk(arg):
                dirs.sort()
                for name in files:
                    if name.endswith(TEXT_SUFFIXES + JSONL_SUFFIXES):
                        found.append(os.path.join(root, name))
            yield from sorted(found)
        elif os.path.exists(arg):
            yield arg
        else:
            yield Failure(arg, "no such file or folder")


def read_jsonl(path: str, lines: Any, text_field: str = "text", id_field: str = "id") -> Iterator[Item | Failure]:
    for i, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            obj = orjson.loads(raw)
        except orjson.JSONDecodeError as e:
            yield Failure(path, f"broken JSON line ({e.msg})", i)
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get(text_field), str):
            yield Failure(path, f"no string field {text_field!r}", i)
            continue
        text = obj.pop(text_field)
        rid = obj.pop(id_field, None)
        yield Item(path, text, line=i, id=None if rid is None else str(rid), extra=obj)


def read(inputs: list[str], text_field: str = "text", id_field: str = "id") -> Iterator[Item | Failure]:
    """Items for every document in ``inputs``."""
    for path in expand(inputs):
        if isinstance(path, Failure):
            yield path
            continue
        try:
            if path == "-":
                data = sys.stdin.buffer.read()
                if data.lstrip().startswith(b"{"):
                    yield from read_jsonl("-", data.splitlines(), text_field, id_field)
                else:
                    yield Item("-", data)
            elif path.endswith(JSONL_SUFFIXES):
                with open(path, "rb") as f:
                    yield from read_jsonl(path, f, text_field, id_field)
            else:
                with open(path, "rb") as f:
                    data = f.read()
                if not data.strip():
                    yield Failure(path, "empty file")
                else:
                    yield Item(path, data)
        except OSError as e:
            yield Failure(path, f"cannot read: {e.strerror or e}")
