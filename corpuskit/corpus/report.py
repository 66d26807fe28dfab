"""The run report: counters gathered during a run, as JSON, a readable summary and HTML.

The HTML page is self-contained (inline CSS and SVG bar charts, no scripts, no
network), so it can be mailed or archived next to the corpus.
"""
from __future__ import annotations

import html
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import orjson

from ..pipeline import Stats
from .readers import Failure

MAX_LISTED_ERRORS = 1000  # the report lists this many; the errors file has them all


@dataclass
class Tally:
    """Counters of one run; restored from a checkpoint on ``--resume``."""

    docs_in: int = 0
    docs_out: int = 0
    bytes_in: int = 0
    dropped: Counter = field(default_factory=Counter)  # reason -> documents
    counts: Counter = field(default_factory=Counter)  # repair.* and flag.* -> documents
    langs: Counter = field(default_factory=Counter)  # of documents written
    scripts: Counter = field(default_factory=Counter)
    clusters: Counter = field(default_factory=Counter)  # kept id -> duplicates removed
    errors: list[dict[str, Any]] = field(default_factory=list)
    n_errors: int = 0
    n_warnings: int = 0
    stats: Stats = field(default_factory=Stats)
    phases: Counter = field(default_factory=Counter)  # seconds per phase (learn, clean, write)
    shards_done: int = 0
    shards_skipped: int = 0
    learned_lines: int = 0
    learned_sites: int = 0

    def failure(self, f: Failure) -> None:
        if f.skipped:
            self.n_errors += 1
        else:
            self.n_warnings += 1
        if len(self.errors) < MAX_LISTED_ERRORS:
            self.errors.append(f.to_dict())

    def to_dict(self) -> dict[str, Any]:
        return {
            "docs_in": self.docs_in, "docs_out": self.docs_out, "bytes_in": self.bytes_in,
            "dropped": dict(self.dropped.most_common()), "counts": dict(sorted(self.counts.items())),
            "langs": dict(self.langs.most_common()), "scripts": dict(self.scripts.most_common()),
            "clusters": dict(self.clusters), "errors": self.errors, "n_errors": self.n_errors,
            "n_warnings": self.n_warnings, "stats": self.stats.to_dict(), "phases": dict(self.phases),
            "shards_done": self.shards_done, "shards_skipped": self.shards_skipped,
            "learned_lines": self.learned_lines, "learned_sites": self.learned_sites,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Tally":
        t = cls(**{k: v for k, v in d.items() if k not in (
            "dropped", "counts", "langs", "scripts", "clusters", "stats", "phases")})
        for k in ("dropped", "counts", "langs", "scripts", "clusters", "phases"):
            setattr(t, k, Counter(d.get(k) or {}))
        t.stats = Stats(Counter(d["stats"]["counts"]), Counter(d["stats"]["seconds"]))
        return t


def build_report(t: Tally, *, inputs: list[str], outputs: list[str], wall: float,
                 config: dict[str, Any], interrupted: bool = False) -> dict[str, Any]:
    """The report as a JSON-ready dict (docs/corpus.md describes every field)."""
    sizes = sorted(t.clusters.values(), reverse=True)
    seconds = t.stats.seconds
    return {
        "completed": not interrupted,
        "finished_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "inputs": inputs, "outputs": outputs,
        "documents": {"in": t.docs_in, "out": t.docs_out, "dropped": sum(t.dropped.values())},
        "dropped": dict(t.dropped.most_common()),
        "repairs": {k.split(".", 1)[1]: v for k, v in sorted(t.counts.items()) if k.startswith("repair.")},
        "flags": {k.split(".", 1)[1]: v for k, v in sorted(t.counts.items()) if k.startswith("flag.")},
        "languages": dict(t.langs.most_common()),
        "scripts": dict(t.scripts.most_common()),
        "duplicates": {
            "clusters": len(sizes),
            "removed": sum(sizes),
            "largest": [{"kept": k, "removed": v} for k, v in t.clusters.most_common(10)],
        },
        "repeated_lines": {"sites": t.learned_sites, "lines": t.learned_lines},
        "errors": {"skipped": t.n_errors, "warnings": t.n_warnings, "listed": t.errors},
        "shards": {"done": t.shards_done, "skipped_by_resume": t.shards_skipped},
        "seconds": {
            "wall": round(wall, 3),
            "phases": {k: round(v, 3) for k, v in t.phases.items()},
            "stages": {k: round(v, 3) for k, v in sorted(seconds.items(), key=lambda kv: -kv[1])},
        },
        "throughput": {
            "mb_per_s": round(t.bytes_in / 1e6 / wall, 3) if wall else None,
            "docs_per_s": round(t.docs_in / wall, 1) if wall else None,
        },
        "stage_counts": dict(sorted(t.stats.counts.items())),
        "config": config,
    }


def summary(r: dict[str, Any]) -> str:
    """A readable summary for the end of a run."""
    d = r["documents"]
    tp = r["throughput"]
    lines = [
        f"documents: {d['in']} in, {d['out']} out, {d['dropped']} dropped"
        + ("" if r["completed"] else "  (INTERRUPTED: rerun with --resume)"),
        f"time: {r['seconds']['wall']:.1f} s, {tp['mb_per_s'] or 0:.2f} MB/s, {tp['docs_per_s'] or 0:.0f} docs/s",
    ]

    def row(title: str, counts: dict[str, int], limit: int = 8) -> None:
        if counts:
            items = list(counts.items())[:limit]
            lines.append(f"{title}: " + ", ".join(f"{k} {v}" for k, v in items)
                         + (", …" if len(counts) > limit else ""))

    row("dropped", r["dropped"])
    row("repairs", r["repairs"])
    row("flags", r["flags"])
    row("languages", r["languages"])
    row("scripts", r["scripts"])
    dup = r["duplicates"]
    if dup["clusters"]:
        lines.append(f"duplicates: {dup['removed']} removed in {dup['clusters']} clusters"
                     f" (largest: {dup['largest'][0]['removed']} copies of {dup['largest'][0]['kept']})")
    rl = r["repeated_lines"]
    if rl["lines"]:
        lines.append(f"repeated lines learned: {rl['lines']} on {rl['sites']} sites")
    row("seconds per stage", {k: f"{v:.1f}" for k, v in r["seconds"]["stages"].items()}, 12)
    e = r["errors"]
    if e["skipped"] or e["warnings"]:
        lines.append(f"inputs with problems: {e['skipped']} skipped, {e['warnings']} warnings"
                     " (see the errors file or the report)")
    return "\n".join(lines)


def to_json(r: dict[str, Any]) -> bytes:
    return orjson.dumps(r, option=orjson.OPT_INDENT_2) + b"\n"


def _bars(title: str, counts: dict[str, Any], unit: str = "") -> str:
    """An inline SVG bar chart of ``counts`` (largest first)."""
    items = [(str(k), float(v)) for k, v in counts.items() if float(v) > 0][:15]
    if not items:
        return ""
    top = max(v for _, v in items)
    bar_h, label_w, width = 22, 190, 420
    h = bar_h * len(items) + 8
    rows = []
    for i, (k, v) in enumerate(items):
        y = 4 + i * bar_h
        w = max(1.0, width * v / top)
        shown = f"{v:.1f}{unit}" if unit else f"{int(v)}"
        rows.append(
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end">{html.escape(k[:30])}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{bar_h - 6}" fill="#4a7ab5"/>'
            f'<text x="{label_w + w + 5:.1f}" y="{y + 15}">{shown}</text>')
    return (f"<h2>{html.escape(title)}</h2><svg width='{label_w + width + 80}' height='{h}' "
            f"font-family='sans-serif' font-size='12' role='img'>{''.join(rows)}</svg>")


def to_html(r: dict[str, Any]) -> bytes:
    """A self-contained HTML page of the report."""
    d = r["documents"]
    esc = html.escape
    parts = [
        "<!doctype html><html><head><meta charset='utf-8'><title>corpuskit report</title>",
        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#222}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .6em;text-align:left}"
        "pre{background:#f4f4f4;padding:1em;white-space:pre-wrap}</style></head><body>",
        "<h1>corpuskit report</h1>",
        f"<p>{d['in']} documents in, <b>{d['out']} out</b>, {d['dropped']} dropped; "
        f"{r['seconds']['wall']:.1f} s, {r['throughput']['mb_per_s'] or 0:.2f} MB/s."
        + ("" if r["completed"] else " <b>Interrupted.</b>") + "</p>",
        f"<pre>{esc(summary(r))}</pre>",
        _bars("Documents dropped, by reason", r["dropped"]),
        _bars("Repairs, by kind", r["repairs"]),
        _bars("Languages of the documents written", r["languages"]),
        _bars("Scripts of the documents written", r["scripts"]),
        _bars("Seconds per stage (all workers)", r["seconds"]["stages"], " s"),
    ]
    largest = r["duplicates"]["largest"]
    if largest:
        parts.append("<h2>Largest duplicate clusters</h2><table><tr><th>kept id</th><th>removed</th></tr>"
                     + "".join(f"<tr><td>{esc(str(c['kept']))}</td><td>{c['removed']}</td></tr>" for c in largest)
                     + "</table>")
    errors = r["errors"]["listed"]
    if errors:
        parts.append("<h2>Inputs with problems</h2><table><tr><th>path</th><th>line</th><th>reason</th></tr>"
                     + "".join(f"<tr><td>{esc(e['path'])}</td><td>{e['line'] or ''}</td><td>{esc(e['reason'])}</td></tr>"
                               for e in errors[:200]) + "</table>")
    parts.append("</body></html>\n")
    return "".join(parts).encode("utf-8")
