"""Encodings benchmark: corpuskit decode + repair beside chardet and charset-normalizer.

    python benchmarks/encodings.py [--quick]

A deterministic corpus is made from the seeds and the clean texts in
tests/cases/clean_text: snippets (short labels of 4-30 characters, paragraphs,
whole documents) saved in the encodings scrapers meet (UTF-8 with and without
BOM, UTF-16 with and without BOM, GBK, GB18030, Big5 for Traditional text,
cp1252 for Western text, Shift_JIS for Japanese) and as mojibake saved as UTF-8 (UTF-8 read as GBK or
cp1252, GBK and Big5 read as cp1252, two layers). Every method gets the same
bytes; a document counts as right when the text comes back exactly.

Printed: accuracy per kind of input and documents/s for each method; which
combination of strict decoding, the Chinese frequency score and a detector
wins; MB/s of decode + repair on clean UTF-8 text like the seeds. The results
are copied into docs/encodings.md. Runs in well under two minutes.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

import opencc

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from corpuskit.stages.decode import decode, detect  # noqa: E402
from corpuskit.stages.repair import make_mojibake, repair  # noqa: E402

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "gbk", "gb18030", "big5", "cp1252", "shift_jis"]
MOJIBAKE = ["utf8-as-gbk", "utf8-as-cp1252", "gbk-as-cp1252", "big5-as-cp1252", "utf8-as-gbk+utf8-as-cp1252"]


def sources() -> list[str]:
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "cases" / "clean_text").glob("*.txt"))
    return [p.read_text("utf-8") for p in paths]


def snippets(rng: random.Random, texts: list[str], n: int) -> list[tuple[str, str]]:
    """(size, text): short labels, paragraphs, whole documents."""
    lines = [ln.strip() for t in texts for ln in t.split("\n") if ln.strip()]
    out = []
    for i in range(n):
        size = ("short", "paragraph", "document")[i % 3]
        if size == "short":
            line = rng.choice(lines)
            start = rng.randrange(max(1, len(line) - 4))
            text = line[start:start + rng.randint(4, 30)]
        elif size == "paragraph":
            text = rng.choice([ln for ln in lines if len(ln) >= 40])
        else:
            text = rng.choice(texts).strip()
        out.append((size, text))
    return out


def is_han_text(text: str) -> bool:
    return sum("\u4e00" <= ch <= "\u9fff" for ch in text) >= 2


def make_corpus(n: int, seed: int = 7) -> list[tuple[str, str, bytes, str]]:
    """(kind, size, bytes, expected text)."""
    rng = random.Random(seed)
    s2t = opencc.OpenCC("s2t")
    corpus = []
    for size, text in snippets(rng, sources(), n):
        for enc in ENCODINGS:
            src = text
            if enc == "big5":
                src = s2t.convert(text)
            if enc in ("gbk", "gb18030", "big5") and not is_han_text(src):
                continue
            if enc == "cp1252" and is_han_text(src):
                continue
            if enc == "shift_jis" and not any("\u3040" <= ch <= "\u30ff" for ch in src):
                continue  # Japanese only: the detector's part
            try:
                corpus.append((enc, size, src.encode(enc), src))
            except UnicodeEncodeError:
                continue
        if not is_han_text(text):
            continue
        for kind in MOJIBAKE:
            src = s2t.convert(text) if kind.startswith("big5") else text
            try:
                garbled = src
                for step in kind.split("+"):
                    garbled = make_mojibake(garbled, step)
                    if "\ufffd" in garbled:
                        raise UnicodeError  # lost bytes: no method can give the text back exactly
            except UnicodeError:
                continue
            corpus.append(("mojibake " + kind, size, garbled.encode("utf-8"), src))
    return corpus


# --- methods ------------------------------------------------------------------

def m_corpuskit(data: bytes) -> str:
    return repair(decode(data)[0])


def m_score_only(data: bytes) -> str:
    return decode(data, detector="none")[0]


def m_score_then_detector(data: bytes) -> str:
    return decode(data)[0]


def m_detector_first(data: bytes) -> str:
    guess = detect(data, "charset-normalizer")
    if guess:
        try:
            return data.decode(guess)
        except UnicodeDecodeError:
            pass
    return decode(data)[0]


def m_chardet(data: bytes) -> str:
    import chardet

    enc = chardet.detect(data).get("encoding") or "utf-8"
    try:
        return data.decode(enc, "replace")
    except LookupError:
        return data.decode("utf-8", "replace")


def m_charset_normalizer(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return str(best) if best is not None else data.decode("utf-8", "replace")


METHODS = {
    "corpuskit decode+repair": m_corpuskit,
    "decode: strict + score": m_score_only,
    "decode: strict + score, detector fallback": m_score_then_detector,
    "decode: detector first, then score": m_detector_first,
    "chardet alone": m_chardet,
    "charset-normalizer alone": m_charset_normalizer,
}


def evaluate(corpus, methods) -> dict[str, tuple[dict, float]]:
    results = {}
    for name, fn in methods.items():
        right: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        t = time.perf_counter()
        for kind, size, data, expected in corpus:
            got = fn(data)
            ok = got == expected or got == expected.lstrip("\ufeff")
            for key in (kind, f"size {size}", "all", "encodings only" if not kind.startswith("mojibake") else "mojibake only"):
                right[key][0] += ok
                right[key][1] += 1
        results[name] = (right, len(corpus) / (time.perf_counter() - t))
    return results


def throughput(repeat: int) -> dict[str, float]:
    """MB/s of decode + repair on clean seed-like text, and of ftfy.fix_text for scale."""
    import ftfy

    texts = sources() * repeat
    out = {}
    for label, data in (("clean UTF-8", [t.encode("utf-8") for t in texts]),
                        ("clean GBK/GB18030", [t.encode("gb18030") for t in texts if is_han_text(t)])):
        mb = sum(map(len, data)) / 1e6
        t = time.perf_counter()
        for d in data:
            repair(decode(d)[0])
        out[f"decode+repair, {label}"] = mb / (time.perf_counter() - t)
    data = [t.encode("utf-8") for t in texts[: max(1, len(texts) // 10)]]
    mb = sum(map(len, data)) / 1e6
    t = time.perf_counter()
    for d in data:
        ftfy.fix_text(d.decode("utf-8"))
    out["ftfy.fix_text (for scale), clean UTF-8"] = mb / (time.perf_counter() - t)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="a smaller corpus")
    args = ap.parse_args()
    corpus = make_corpus(60 if args.quick else 240)
    kinds = sorted({k for k, *_ in corpus}, key=lambda k: (k.startswith("mojibake"), k))
    print(f"corpus: {len(corpus)} documents, {sum(len(d) for _, _, d, _ in corpus) / 1e6:.2f} MB")
    results = evaluate(corpus, METHODS)
    names = list(METHODS)
    head = "| input | n | " + " | ".join(names) + " |"
    print("\naccuracy (text exactly right)\n")
    print(head)
    print("|" + "---|" * (len(names) + 2))
    rows = kinds + ["size short", "size paragraph", "size document", "encodings only", "mojibake only", "all"]
    for key in rows:
        n = results[names[0]][0][key][1]
        cells = [f"{results[m][0][key][0] / n:.1%}" for m in names]
        print(f"| {key} | {n} | " + " | ".join(cells) + " |")
    print("| documents/s | | " + " | ".join(f"{results[m][1]:,.0f}" for m in names) + " |")
    print("\nthroughput (one process)\n")
    for label, mbs in throughput(2 if args.quick else 10).items():
        print(f"- {label}: {mbs:.1f} MB/s")


if __name__ == "__main__":
    main()
