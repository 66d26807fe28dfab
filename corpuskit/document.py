"""The document that flows through the stages, and its per-line decisions."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Line actions. "title" and "heading" are kept; "meta" leaves the text for metadata.
KEEP_ACTIONS = frozenset({"title", "heading", "keep"})
ACTIONS = frozenset({"title", "heading", "keep", "meta", "drop"})

# The documented vocabulary of reasons (docs/format.md). Rules may only use these.
REASONS = frozenset({
    # moved to metadata
    "byline", "published", "editor", "source", "dateline",
    # dropped
    "copyright", "comments", "related", "nav", "share", "app", "ad", "caption",
    "footer", "gloss", "endmark", "repeated", "next_story", "empty", "other",
})


@dataclass(slots=True)
class Line:
    """One non-blank line of the decoded input and what was decided about it."""

    n: int  # 1-based line number in the decoded input
    raw: str  # the line as decoded (and repaired)
    text: str  # the line as it will appear in the output (edits applied)
    block: int = 0  # index of the blank-line-separated block it belongs to
    action: str = "keep"
    reason: str | None = None
    joined: bool = False  # continues the previous kept line (a paragraph broken in two)
    edits: list[str] = field(default_factory=list)  # in-line rewrites, e.g. "gloss", "endmark"
    moved: list[tuple[str, str]] = field(default_factory=list)  # (edit, text) cut from a kept line for metadata
    wrapped: tuple[int, ...] = ()  # numbers of the input lines a hard wrap broke this one into, after the first

    @property
    def kept(self) -> bool:
        return self.action in KEEP_ACTIONS

    def decide(self, action: str, reason: str | None = None) -> None:
        assert action in ACTIONS, action
        assert reason is None or reason in REASONS, reason
        self.action, self.reason = action, reason

    def label(self) -> str:
        """The decision as a report shows it.

        >>> ln = Line(n=1, raw="a", text="a", action="keep", edits=["gloss"], joined=True)
        >>> ln.label()
        'keep [gloss,joined]'
        """
        what = self.action if self.reason is None else f"{self.action}:{self.reason}"
        marks = list(self.edits) + (["joined"] if self.joined else [])
        return what + (" [" + ",".join(marks) + "]" if marks else "")

    def explained(self) -> list[dict[str, Any]]:
        """The decision for each input line this line holds: itself, then the lines a hard wrap
        broke it into (``"wrapped": true``: decided with it)."""
        d = self.to_dict()
        return [d] + [{**d, "n": n, "wrapped": True} for n in self.wrapped]

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"n": self.n, "action": self.action, "reason": self.reason}
        if self.edits:
            d["edits"] = list(self.edits)
        if self.joined:
            d["joined"] = True
        return d


def title_at(lines: list[Line]) -> int | None:
    """The index of the page's title line, None when no line is the title yet.

    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(["Menu", "Storm heads east"])]
    >>> ls[1].decide("title"); title_at(ls), title_at(ls[:1])
    (1, None)
    """
    return next((i for i, ln in enumerate(lines) if ln.action == "title"), None)


@dataclass
class Document:
    """A document being cleaned. Stages fill it in, in order."""

    raw: bytes | None = None  # input bytes (None when the input was already text)
    input: str = ""  # decoded and repaired text, line structure intact
    path: str | None = None
    id: str | None = None
    encoding: str | None = None
    sha256: str | None = None
    repairs: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)  # quality flags, e.g. "unrepaired-mojibake"
    lines: list[Line] = field(default_factory=list)
    title: str | None = None
    lang: str | None = None
    script: str | None = None  # simplified | traditional | None
    region: str | None = None  # cn | tw | hk | None
    meta: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)  # fields carried from a JSONL input
    text: str = ""
    rewrites: list[str] = field(default_factory=list)  # normalize/convert steps that changed text

    @property
    def provenance(self) -> dict[str, Any]:
        from . import __version__

        return {
            "path": self.path,
            "sha256": self.sha256,
            "encoding": self.encoding,
            "repairs": list(self.repairs),
            "script": self.script,
            "region": self.region,
            "rewrites": list(self.rewrites),
            "flags": list(self.flags),
            "version": __version__,
        }

    def flag(self, *names: str) -> None:
        """Add quality flags, each once, in the order first raised.

        >>> d = Document(); d.flag("a", "b", "a"); d.flag("b"); d.flags
        ['a', 'b']
        """
        self.flags.extend(n for n in dict.fromkeys(names) if n not in self.flags)

    def kept_lines(self) -> list[Line]:
        return [ln for ln in self.lines if ln.kept]

    def to_record(self, *, explain: bool = False) -> dict[str, Any]:
        """The JSON object written for this document (docs/format.md)."""
        meta = {"authors": [], "editors": [], "source": None, "published": None}
        meta.update(self.meta)
        if self.extra:
            meta.setdefault("extra", self.extra)
        rec: dict[str, Any] = {
            "id": self.id,
            "text": self.text,
            "title": self.title,
            "lang": self.lang,
            "meta": meta,
            "provenance": self.provenance,
        }
        if explain:
            rec["lines"] = [d for ln in self.lines for d in ln.explained()]
        return rec

    def explain(self, *, width: int = 60) -> str:
        """A readable per-line report: number, decision, reason, the line."""
        out = []
        head = [f"path: {self.path}", f"encoding: {self.encoding}"]
        if self.repairs:
            head.append("repairs: " + ", ".join(self.repairs))
        if self.rewrites:
            head.append("rewrites: " + ", ".join(self.rewrites))
        out.append("  ".join(head))
        for ln in self.lines:
            raw = ln.raw if len(ln.raw) <= width else ln.raw[: width - 1] + "…"
            out.append(f"{ln.n:>5}  {ln.label():<22} {raw}")
            out.extend(f"{n:>5}  {'  (wrapped, with ' + str(ln.n) + ')':<22}" for n in ln.wrapped)
        if self.meta:
            for k, v in self.meta.items():
                if v:
                    out.append(f"meta.{k}: {v}")
        return "\n".join(out)
