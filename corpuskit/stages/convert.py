"""Script conversion with OpenCC, chosen by target and detected source region.

OpenCC's phrase-level configs do the work (:data:`PLAN`). Its Taiwan phrase tables
were built for IT vocabulary and its longest match crosses word boundaries, so a
news-context lexicon (``rules/convert/opencc.toml``) blocks the mappings that are
wrong in general news and adds a few corrections. The lexicon is injected into a
copy of OpenCC's own config as one more dictionary, so OpenCC's C++ matcher applies
it in the same pass: it costs nothing per character. Converters are built once per
process (they cannot be pickled) and reused.

>>> convert("以生物藥為核心，建立健全醫工協同機制", "zh-Hans", source="tw")
'以生物药为核心，建立健全医工协同机制'
>>> convert("网络软件", "zh-TW", source="cn")
'網路軟體'
"""
from __future__ import annotations

import json
import os
import re
import tempfile
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import numpy as np
import opencc

from ..document import Document
from ..pipeline import Stage
from ..rules.convert import load

# (target, source region) -> OpenCC configs applied in order; () leaves the text as it is.
PLAN: dict[tuple[str, str], tuple[str, ...]] = {
    ("zh-Hans", "cn"): (), ("zh-Hans", "tw"): ("tw2sp",), ("zh-Hans", "hk"): ("hk2s",), ("zh-Hans", "hant"): ("t2s",),
    ("zh-Hant", "cn"): ("s2t",), ("zh-Hant", "tw"): ("tw2t",), ("zh-Hant", "hk"): ("hk2t",), ("zh-Hant", "hant"): (),
    ("zh-TW", "cn"): ("s2twp",), ("zh-TW", "tw"): (), ("zh-TW", "hk"): ("hk2t", "t2tw"), ("zh-TW", "hant"): ("t2tw",),
    ("zh-HK", "cn"): ("s2hk",), ("zh-HK", "tw"): ("tw2t", "t2hk"), ("zh-HK", "hk"): (), ("zh-HK", "hant"): ("t2hk",),
}
SOURCES = ("cn", "tw", "hk", "hant")


# -- the lexicon ----------------------------------------------------------------

@dataclass(frozen=True)
class Table:
    """Lexicon entries for one OpenCC dictionary (a table of ``opencc.toml``)."""

    block: tuple[str, ...] = ()
    correct: tuple[tuple[str, str], ...] = ()


@lru_cache(maxsize=None)
def lexicon() -> dict[str, Table]:
    """The packaged lexicon: OpenCC dictionary name -> :class:`Table`.

    >>> "被发" in lexicon()["STPhrases"].block
    True
    """
    data = load("opencc.toml")
    tables = {}
    for name, spec in data.items():
        unknown = set(spec) - {"block", "correct"}
        if unknown:
            raise ValueError(f"rules/convert/opencc.toml [{name}]: unknown keys {sorted(unknown)}")
        tables[name] = Table(tuple(spec.get("block", ())), tuple(spec.get("correct", {}).items()))
    return tables


# -- building converters ------------------------------------------------------------

def _share_dir() -> Path | None:
    """Where the installed OpenCC keeps its configs and dictionaries."""
    here = Path(opencc.__file__).resolve().parent
    for d in (getattr(opencc, "_opencc_share_dir", None), here / "clib" / "share" / "opencc"):
        if d and Path(d, "s2t.json").is_file():
            return Path(d)
    return None


def _dicts(d: dict) -> Iterable[dict]:
    if d.get("type") == "group":
        for sub in d.get("dicts", ()):
            yield from _dicts(sub)
    else:
        yield d


def _files(d: dict) -> set[str]:
    return {os.path.basename(x["file"]) for x in _dicts(d) if "file" in x}


def _absolute(cfg: dict, share: Path) -> None:
    parts = [cfg.get("segmentation", {}).get("dict")] + [s["dict"] for s in cfg.get("conversion_chain", [])]
    parts += [s["dict"] for s in cfg.get("normalization", [])]
    for part in parts:
        for d in _dicts(part or {}):
            if "file" in d and not os.path.isabs(d["file"]):
                d["file"] = str(share / d["file"])


def _write_dict(path: Path, entries: dict[str, str]) -> dict:
    path.write_text("".join(f"{k}\t{v}\n" for k, v in sorted(entries.items())), "utf-8")
    return {"type": "text", "file": str(path)}


def _with_first(group: dict, extra: dict) -> dict:
    """``group`` with ``extra`` tried first; the longest match wins, ``extra`` on a tie."""
    if group.get("type") == "group" and group.get("dicts"):
        head = group["dicts"][0]
        return dict(group, dicts=[{"type": "group", "match_policy": "union", "dicts": [extra, head]},
                                  *group["dicts"][1:]])
    return {"type": "group", "match_policy": "union", "dicts": [extra, group]}


def _open(cfg: dict, path: Path) -> opencc.OpenCC:
    path.write_text(json.dumps(cfg, ensure_ascii=False), "utf-8")
    return opencc.OpenCC(str(path))


def _without(d: dict, filename: str) -> dict:
    """Dictionary spec ``d`` with the dictionary file ``filename`` left out."""
    if d.get("type") == "group":
        return dict(d, dicts=[_without(x, filename) for x in d.get("dicts", ())
                              if os.path.basename(x.get("file", "")) != filename])
    return d


def _steps(cfg: dict, steps: list, tmp: Path, tag: str) -> opencc.OpenCC:
    """A converter that runs only ``steps`` of ``cfg``'s conversion chain."""
    part = {"name": tag, "conversion_chain": steps}
    return _open(part, tmp / f"{tag}.json")


def _build(name: str, tables: dict[str, Table]) -> opencc.OpenCC:
    share = _share_dir()
    if share is None:
        raise FileNotFoundError("OpenCC's config folder")
    cfg = json.loads((share / f"{name}.json").read_text("utf-8"))
    _absolute(cfg, share)
    chain = cfg["conversion_chain"]
    # OpenCC reads text dictionaries when the converter is built; the folder can go after.
    with tempfile.TemporaryDirectory(prefix="corpuskit-opencc-") as tmpdir:
        tmp = Path(tmpdir)
        segment_keys: set[str] = set()
        for i, step in enumerate(chain):
            entries: dict[str, str] = {}
            for table, spec in tables.items():
                if f"{table}.ocd2" not in _files(step["dict"]):
                    continue
                before = _steps(cfg, chain[:i], tmp, f"before{i}") if i else None
                # this step without the table: what a blocked phrase becomes, character by character
                alone = _steps(cfg, [{"dict": _without(step["dict"], f"{table}.ocd2")}], tmp, f"alone{i}")
                for key in spec.block:
                    k = before.convert(key) if before else key
                    entries[k] = "".join(alone.convert(c) for c in k)
                for key, value in spec.correct:
                    entries[before.convert(key) if before else key] = value
                    segment_keys.add(key)
            if entries:
                step["dict"] = _with_first(step["dict"], _write_dict(tmp / f"lexicon{i}.txt", entries))
        # A correction that spans two of OpenCC's segments must be one segment to match.
        if segment_keys and "segmentation" in cfg:
            seg = cfg["segmentation"]
            seg["dict"] = {"type": "group", "match_policy": "union",
                           "dicts": [_write_dict(tmp / "segment.txt", {k: k for k in segment_keys}), seg["dict"]]}
        return _open(cfg, tmp / f"{name}.json")


@lru_cache(maxsize=None)
def converter(name: str, corrections: bool = True) -> opencc.OpenCC:
    """The OpenCC converter ``name`` (``s2twp`` …), with the news lexicon unless ``corrections`` is False.

    Built once per process. If the installed OpenCC's configs cannot be found or read,
    the plain converter is used, with a warning.
    """
    if corrections:
        try:
            return _build(name, lexicon())
        except Exception as e:  # an OpenCC whose configs look different: convert without the lexicon
            warnings.warn(f"corpuskit: OpenCC {name} without the news lexicon ({e})", RuntimeWarning, stacklevel=2)
    return opencc.OpenCC(name)


# -- detection --------------------------------------------------------------------

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Counting by deleting the runs of everything else: a few long matches instead of one per character.
_NOT_HAN = re.compile(r"[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_NOT_ASCII_LETTER = re.compile(r"[^A-Za-z]+")


def detect_script(text: str) -> str | None:
    """``simplified`` or ``traditional`` from how much t2s would change; None without Han.

    >>> detect_script("这是简体中文"), detect_script("這是繁體中文"), detect_script("English")
    ('simplified', 'traditional', None)
    """
    sample = text[:6000]
    han = _NOT_HAN.sub("", sample)
    # a few Han characters in an English page (a language menu) do not make it Chinese;
    # the letters are counted only when the other characters could be that many
    if not han or (len(han) < 0.1 * (len(sample) - len(han))
                   and len(han) < 0.1 * len(_NOT_ASCII_LETTER.sub("", sample))):
        return None
    return _han_script(han)


# Remembered by the Han characters read: a page is asked twice (classify's settling reads its
# kept text as the convert stage then does), mostly with the same Han characters, and the t2s
# conversion is most of the cost. A few pages' worth: the repeats come from the same page.
@lru_cache(maxsize=64)
def _han_script(han: str) -> str:
    changed = _differing(han, converter("t2s", False).convert(han))
    return "traditional" if changed / len(han) > 0.02 else "simplified"


def _differing(a: str, b: str) -> int:
    """At how many positions (up to the shorter's length) ``a`` and ``b`` hold different characters.

    Compared as arrays of code points: a Python loop over every character costs
    as much as the rest of detection.

    >>> _differing("這是繁體", "这是繁体"), _differing("中文", "中文"), _differing("ab", "abc")
    (2, 0, 0)
    """
    if a == b:
        return 0
    n = min(len(a), len(b))
    x, y = (np.frombuffer(s[:n].encode("utf-32-le", "surrogatepass"), dtype=np.uint32) for s in (a, b))
    return int(np.count_nonzero(x != y))


@dataclass(frozen=True)
class RegionRules:
    markers: dict[str, "re.Pattern[str]"]  # tw, hk, cn -> pattern of its marks
    min_hits: int
    margin: float


def _markers(spec: dict) -> "re.Pattern[str]":
    """One pattern for a side's words and characters, starting with the class of their first
    characters (Python scans for a class fast, but tries an alternation at every position).

    >>> _markers({"words": ["台北", "台中", "捷運"], "chars": "裡"}).findall("台北捷運裡台灣")
    ['台北', '捷運', '裡']
    """
    by_first: dict[str, set[str]] = {}
    for w in set(spec.get("words", ())) | set(spec.get("chars", "")):
        by_first.setdefault(w[0], set()).add(w[1:])
    branches = []
    for first, rests in sorted(by_first.items()):
        alts = "|".join(re.escape(r) for r in sorted(rests, key=len, reverse=True))
        branches.append(f"(?<={re.escape(first)})(?:{alts})")
    return re.compile(f"[{re.escape(''.join(sorted(by_first)))}](?:{'|'.join(branches)})")


@lru_cache(maxsize=None)
def region_rules() -> RegionRules:
    data = load("regions.toml")
    return RegionRules({side: _markers(data[side]) for side in ("tw", "hk", "cn")},
                       int(data["min_hits"]), float(data["margin"]))


def region_hits(text: str) -> dict[str, int]:
    """How many Taiwan, Hong Kong and converted-from-Simplified marks ``text`` holds (first 20,000 characters).

    >>> region_hits("警方表示，這名機車騎士送醫後不治")
    {'tw': 2, 'hk': 0, 'cn': 0}
    """
    sample = text[:20000]
    return {side: len(p.findall(sample)) for side, p in region_rules().markers.items()}


def detect_region(text: str, script: str | None) -> str | None:
    """``cn`` for Simplified; ``tw`` or ``hk`` for Traditional when its vocabulary says so, else None.

    >>> detect_region("佢哋喺香港搭港鐵", "traditional"), detect_region("民眾搭捷運到台北", "traditional")
    ('hk', 'tw')
    >>> detect_region("這是一個普通的句子", "traditional") is None
    True
    """
    if script is None:
        return None
    if script == "simplified":
        return "cn"
    rules = region_rules()
    hits = region_hits(text)
    for side, other in (("hk", ("tw", "cn")), ("tw", ("hk",))):
        n = hits[side]
        if n >= rules.min_hits and all(n >= rules.margin * hits[o] for o in other):
            return side
    return None


# -- conversion -------------------------------------------------------------------

def convert(text: str, to: str, *, source: str | None = None, corrections: bool = True) -> str:
    """Convert ``text`` to script ``to``; ``source`` is cn/tw/hk/hant, detected when None.

    ``corrections=False`` runs OpenCC without the news lexicon.

    >>> convert("網際網路與智慧型手機", "zh-Hans", source="tw")
    '互联网与智能手机'
    >>> convert("他被发明者起诉", "zh-Hant", source="cn")
    '他被發明者起訴'
    """
    if to == "keep" or not text:
        return text
    if (to, "cn") not in PLAN:
        raise ValueError(f"unknown target {to!r}")
    if source is None:
        script = detect_script(text)
        if script is None:
            return text
        source = detect_region(text, script) or "hant"
    elif source not in SOURCES:
        raise ValueError(f"unknown source {source!r}; one of {', '.join(SOURCES)}")
    for name in PLAN[(to, source)]:
        text = converter(name, corrections).convert(text)
    return text


def _convert_meta(meta: dict[str, Any], fn) -> None:
    for key in ("authors", "editors"):
        if meta.get(key):
            meta[key] = [fn(v) if isinstance(v, str) else v for v in meta[key]]
    for key in ("source", "dateline"):
        if isinstance(meta.get(key), str):
            meta[key] = fn(meta[key])


class ConvertStage(Stage):
    """Detects script and region of every document; converts it when ``convert.to`` asks."""

    name = "convert"

    def process(self, doc: Document) -> Document:
        kept = [ln.text for ln in doc.lines if ln.kept]
        sample = "\n".join(([doc.title] if doc.title else []) + kept)
        doc.script = detect_script(sample)
        doc.region = region = detect_region(sample, doc.script)
        if region is None and doc.script == "traditional":
            # a short article holds no mark of its region: the page's own menus, headlines and
            # footer (the same site's) tell it. For provenance only: the article's phrases are
            # converted as its own words show them (generic Traditional here)
            doc.region = detect_region("\n".join(ln.text for ln in doc.lines), doc.script)
        cfg = self.config.convert
        if cfg.to == "keep" or doc.script is None:
            return doc
        source = region or "hant"
        if not PLAN[(cfg.to, source)]:
            return doc

        def fn(s: str) -> str:
            return convert(s, cfg.to, source=source, corrections=cfg.corrections)

        lines = [ln for ln in doc.lines if ln.kept]
        # One OpenCC call per document: no phrase spans a line break.
        converted = fn("\n".join(ln.text for ln in lines)).split("\n")
        if len(converted) == len(lines):
            for ln, text in zip(lines, converted):
                ln.text = text
        else:  # pragma: no cover - a line held a line break
            for ln in lines:
                ln.text = fn(ln.text)
        if doc.title:
            doc.title = fn(doc.title)
        _convert_meta(doc.meta, fn)
        doc.rewrites.append(f"convert:{source}->{cfg.to}")
        self.count(f"{source}->{cfg.to}")
        return doc
