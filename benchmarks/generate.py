"""Generate a large, deterministic JSONL corpus for the benchmarks.

Documents are built from the seeds and the labelled news pages next to the
project (``../shared/pages``): each source page is split into blocks (blank-line
separated); blocks holding article text form a *content* pool, the rest
(navigation, copyright, related lists, comments...) a *residue* pool, per
script. A generated document keeps one page's layout, shuffles its article
blocks and swaps about half of them for article blocks of other pages in the
same script, adds residue blocks, and renumbers its digits. Then some
documents change script (OpenCC), and a few get damaged the way scrapers damage
text: mojibake (UTF-8 read as GBK or cp1252), HTML entities, zero-width
characters, CRLF line ends.

The same ``--seed`` and ``--size`` always give the same bytes.

    python benchmarks/generate.py --size 1G -o bench-data/corpus-1g.jsonl
    python benchmarks/generate.py --size 50M -o bench-data/c.jsonl --txt-dir bench-data/txt --txt-count 2000

``--txt-dir`` also writes documents as ``.txt`` files in legacy encodings
(GB18030, Big5, UTF-16) next to UTF-8, for the decode path.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import orjson

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

# Script groups and the OpenCC conversions that make extra variants from them.
# (name, source group, OpenCC config or None, weight in the mix)
VARIANTS = (
    ("hans", "hans", None, 50),
    ("hans>tw", "hans", "s2twp", 10),
    ("hans>hk", "hans", "s2hk", 5),
    ("hant", "hant", None, 15),
    ("hant>hans", "hant", "t2s", 5),
    ("en", "en", None, 15),
)

# Damage applied to a few documents: (name, share of documents).
DAMAGE = (
    ("mojibake-gbk", 0.015),
    ("mojibake-cp1252", 0.005),
    ("entities", 0.02),
    ("invisible", 0.02),
    ("crlf", 0.02),
)

_DIGITS = "0123456789"


def parse_size(text: str) -> int:
    """``"1G"``, ``"100M"``, ``"64k"`` or a plain number of bytes.

    >>> parse_size("100M"), parse_size("1G"), parse_size("512")
    (104857600, 1073741824, 512)
    """
    text = text.strip().upper().removesuffix("B")
    mult = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}.get(text[-1:], 1)
    return int(float(text[:-1] if mult > 1 else text) * mult)


def size_label(n: int) -> str:
    """The inverse of :func:`parse_size` for round sizes.

    >>> size_label(1 << 30), size_label(100 << 20), size_label(1000)
    ('1G', '100M', '1000')
    """
    for unit, mult in (("G", 1 << 30), ("M", 1 << 20), ("K", 1 << 10)):
        if n >= mult and n % mult == 0:
            return f"{n // mult}{unit}"
    return str(n)


@dataclass
class Page:
    """A source page as blocks, each marked content (article text) or not."""

    name: str
    group: str  # hans | hant | en
    blocks: list[str]
    content: list[bool]


@dataclass
class Pools:
    pages: list[Page] = field(default_factory=list)
    content: list[str] = field(default_factory=list)
    residue: list[str] = field(default_factory=list)


def _blocks(text: str, labels: dict[str, str] | None) -> tuple[list[str], list[bool]]:
    """Blank-line separated blocks and whether each holds article text (by the gold labels)."""
    blocks: list[str] = []
    content: list[bool] = []
    cur: list[str] = []
    cur_content = False
    for n, line in enumerate(text.replace("\r\n", "\n").split("\n"), 1):
        if not line.strip():
            if cur:
                blocks.append("\n".join(cur))
                content.append(cur_content)
            cur, cur_content = [], False
            continue
        cur.append(line)
        label = (labels or {}).get(str(n), "content")
        cur_content = cur_content or label in ("content", "heading", "title")
    if cur:
        blocks.append("\n".join(cur))
        content.append(cur_content)
    return blocks, content


def _group(text: str, expect: dict | None) -> str:
    script = (expect or {}).get("script", "missing")
    if script == "missing":  # no gold: guess from the characters
        han = sum("\u4e00" <= c <= "\u9fff" for c in text[:4000])
        if han < 50:
            return "en"
        import opencc

        sample = "".join(c for c in text[:4000] if "\u4e00" <= c <= "\u9fff")
        changed = sum(a != b for a, b in zip(sample, opencc.OpenCC("t2s").convert(sample)))
        return "hant" if changed > 0.02 * len(sample) else "hans"
    return {"simplified": "hans", "traditional": "hant", None: "en"}[script]


def load_sources(dirs: list[Path]) -> list[Page]:
    """Pages from ``*.txt`` files in ``dirs``, with gold labels where a ``gold.json`` or seed gold exists."""
    gold: dict[str, dict] = {}
    for g in (ROOT / "tests" / "gold_seeds.json", SHARED / "gold" / "seeds.json"):
        if g.exists():
            gold.update(json.loads(g.read_text("utf-8"))["documents"])
            break
    pages = []
    for d in dirs:
        if (d / "gold.json").exists():
            gold.update(json.loads((d / "gold.json").read_text("utf-8"))["documents"])
        for path in sorted(d.glob("*.txt")):
            text = path.read_bytes().decode("utf-8", errors="replace")
            entry = gold.get(path.name)
            blocks, content = _blocks(text, entry and entry.get("labels"))
            if blocks:
                pages.append(Page(path.name, _group(text, entry and entry.get("expect")), blocks, content))
    return pages


def build_pools(pages: list[Page]) -> dict[str, Pools]:
    """Per variant: its pages (converted when the variant changes script) and block pools."""
    import opencc

    pools: dict[str, Pools] = {}
    for name, group, config, _ in VARIANTS:
        conv = opencc.OpenCC(config).convert if config else None
        p = Pools()
        for page in pages:
            if page.group != group:
                continue
            blocks = [conv(b) for b in page.blocks] if conv else list(page.blocks)
            p.pages.append(Page(page.name, name, blocks, page.content))
            for b, c in zip(blocks, page.content):
                (p.content if c else p.residue).append(b)
        if p.pages:
            pools[name] = p
    return pools


def _mojibake(text: str, rng: random.Random, codec: str) -> str:
    """UTF-8 bytes read as ``codec``, for a run of blocks or the whole text."""
    blocks = text.split("\n\n")
    if rng.random() < 0.5:
        return text.encode("utf-8").decode(codec, errors="replace")
    i = rng.randrange(len(blocks))
    j = min(len(blocks), i + rng.randint(1, 4))
    blocks[i:j] = [b.encode("utf-8").decode(codec, errors="replace") for b in blocks[i:j]]
    return "\n\n".join(blocks)


_ENTITIES = ("&nbsp;", "&amp;", "&quot;", "&#8220;", "&#x4E2D;", "&lt;br&gt;", "&hellip;")
_INVISIBLE = ("\u200b", "\ufeff", "\u00ad", "\u200d")


def _sprinkle(text: str, rng: random.Random, pieces: tuple[str, ...], n: int) -> str:
    if not text:
        return text
    cuts = sorted(rng.randrange(len(text)) for _ in range(n))
    out, last = [], 0
    for c in cuts:
        out += [text[last:c], rng.choice(pieces)]
        last = c
    out.append(text[last:])
    return "".join(out)


def damage(text: str, kind: str, rng: random.Random) -> str:
    if kind == "mojibake-gbk":
        return _mojibake(text, rng, "gbk")
    if kind == "mojibake-cp1252":
        return _mojibake(text, rng, "cp1252")
    if kind == "entities":
        return _sprinkle(text, rng, _ENTITIES, rng.randint(2, 12))
    if kind == "invisible":
        return _sprinkle(text, rng, _INVISIBLE, rng.randint(2, 20))
    if kind == "crlf":
        return text.replace("\n", "\r\n")
    raise ValueError(kind)


def document(pools: dict[str, Pools], names: list[str], weights: list[int], rng: random.Random) -> tuple[str, str, list[str]]:
    """One generated document: (text, variant, damage kinds applied)."""
    variant = rng.choices(names, weights)[0]
    pool = pools[variant]
    page = rng.choice(pool.pages)
    blocks = list(page.blocks)
    slots = [i for i, c in enumerate(page.content) if c][1:]  # the first article block (title) stays
    body = [blocks[i] for i in slots]
    rng.shuffle(body)
    for k in range(len(body)):
        if rng.random() < 0.5:
            body[k] = rng.choice(pool.content)
    for i, b in zip(slots, body):
        blocks[i] = b
    if pool.residue:
        for _ in range(rng.randint(0, 4)):
            pos = rng.choice((0, len(blocks), rng.randint(0, len(blocks))))
            blocks.insert(pos, rng.choice(pool.residue))
    # Renumber: one random digit permutation per document, so counts and dates change but
    # keep their length and stay plausible (0-2 fixed, 3-5 and 6-9 permuted among themselves:
    # months, days, hours and minutes remain mostly valid).
    low, high = list("345"), list("6789")
    rng.shuffle(low)
    rng.shuffle(high)
    text = "\n\n".join(blocks).translate(str.maketrans(_DIGITS, "012" + "".join(low + high)))
    applied = []
    for kind, share in DAMAGE:
        if rng.random() < share and not (kind.startswith("mojibake") and variant == "en"):
            text = damage(text, kind, rng)
            applied.append(kind)
    return text, variant, applied


def generate(size: int, seed: int = 0, sources: list[Path] | None = None) -> Iterator[dict]:
    """Records ``{"id", "text", "url", "variant"}`` until their JSONL reaches ``size`` bytes."""
    dirs = sources or [p for p in (ROOT / "seeds", SHARED / "pages") if p.is_dir()]
    pools = build_pools(load_sources(dirs))
    names = [n for n, *_ in VARIANTS if n in pools]
    weights = [w for n, _, _, w in VARIANTS if n in pools]
    rng = random.Random(seed)
    total = i = 0
    while total < size:
        text, variant, applied = document(pools, names, weights, rng)
        rec = {"id": f"g{seed}-{i:08d}", "text": text, "url": f"https://example.com/{variant}/{i}"}
        if applied:
            rec["damage"] = applied
        total += len(orjson.dumps(rec)) + 1
        i += 1
        yield rec


def write_jsonl(path: str | Path, size: int, seed: int = 0, sources: list[Path] | None = None) -> tuple[int, int]:
    """Write the corpus; returns (documents, bytes)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".part")
    n = nbytes = 0
    with open(tmp, "wb", buffering=1 << 20) as f:
        for rec in generate(size, seed, sources):
            line = orjson.dumps(rec) + b"\n"
            f.write(line)
            n += 1
            nbytes += len(line)
    os.replace(tmp, path)
    return n, nbytes


# Encodings for the .txt variant: (encoding, share); Traditional documents use Big5 where GB18030 is drawn.
TXT_ENCODINGS = (("utf-8", 0.7), ("gb18030", 0.2), ("utf-16", 0.05), ("utf-8-sig", 0.05))


def write_txt(folder: str | Path, count: int, seed: int = 0, sources: list[Path] | None = None) -> dict[str, int]:
    """Write ``count`` documents as .txt files in mixed encodings; returns counts per encoding."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed + 1)
    counts: dict[str, int] = {}
    gen = generate(1 << 62, seed, sources)
    for i in range(count):
        rec = next(gen)
        enc = rng.choices([e for e, _ in TXT_ENCODINGS], [w for _, w in TXT_ENCODINGS])[0]
        if enc == "gb18030" and rec["url"].split("/")[3] in ("hant", "hans>tw", "hans>hk"):
            enc = "big5hkscs"
        if enc == "gb18030" and rec["url"].split("/")[3] == "en":
            enc = "utf-8"
        data = rec["text"].encode(enc, errors="replace")
        (folder / f"{i:06d}.txt").write_bytes(data)
        counts[enc] = counts.get(enc, 0) + 1
    return counts


def ensure(path: str | Path, size: int, seed: int = 0) -> Path:
    """Generate ``path`` unless a file made with the same size and seed is there (a ``.meta`` file says so)."""
    path = Path(path)
    meta = path.with_suffix(path.suffix + ".meta")
    want = {"size": size, "seed": seed, "generator": 1}
    if path.exists() and meta.exists() and json.loads(meta.read_text()) == want:
        return path
    write_jsonl(path, size, seed)
    meta.write_text(json.dumps(want))
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", default="1G", help="JSONL size to reach, e.g. 100M, 1G (default 1G)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("-o", "--output", required=True, help="the .jsonl file to write")
    ap.add_argument("--source", action="append", type=Path, help="folder of .txt pages (default: seeds and shared pages)")
    ap.add_argument("--txt-dir", help="also write documents as .txt files in mixed encodings here")
    ap.add_argument("--txt-count", type=int, default=1000)
    args = ap.parse_args(argv)
    t = time.perf_counter()
    n, nbytes = write_jsonl(args.output, parse_size(args.size), args.seed, args.source)
    dt = time.perf_counter() - t
    print(f"{args.output}: {n} documents, {nbytes / 1e6:.1f} MB in {dt:.1f} s", file=sys.stderr)
    if args.txt_dir:
        counts = write_txt(args.txt_dir, args.txt_count, args.seed, args.source)
        print(f"{args.txt_dir}: {args.txt_count} .txt files {counts}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
