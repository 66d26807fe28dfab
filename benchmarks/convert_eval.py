"""Measure script conversion on the labelled pages and the seeds: the numbers in docs/convert.md.

1. Region detection accuracy: documents labelled ``expect.region`` (and, as a
   synthetic check, the Simplified documents converted by s2twp, s2hk and s2t).
2. How often each OpenCC Taiwan phrase mapping fires, and how often wrongly, on
   the documents of its direction (TWPhrasesRev on Taiwan text for tw2sp,
   TWPhrases on Simplified text for s2twp). A firing is judged wrong when the
   news lexicon blocks the mapping, unless ``convert_judged.toml`` lists its
   context as right, or when that file lists it as wrong.
3. What the lexicon changes in s2t (word-boundary fixes) on the Simplified text.
4. The share of sentences unchanged by zh-Hans -> zh-TW -> zh-Hans, with and
   without the lexicon.
5. Conversion speed in MB/s (UTF-8 input bytes), with and without the lexicon.

Needs OpenCC's ``opencc_dict`` tool (shipped in the opencc wheel) to read the
phrase dictionaries.

    python benchmarks/convert_eval.py [--markdown]
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

import opencc

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from corpuskit.stages.convert import convert, converter, detect_region, detect_script, lexicon, region_hits  # noqa: E402

JUDGED = tomllib.loads((Path(__file__).parent / "convert_judged.toml").read_text("utf-8"))


def documents() -> list[tuple[str, str, dict]]:
    """(name, text, expect) for the labelled pages and the seeds."""
    out = []
    for folder, gold in ((SHARED / "pages", SHARED / "pages" / "gold.json"),
                         (ROOT / "seeds", SHARED / "gold" / "seeds.json")):
        docs = json.loads(gold.read_text("utf-8"))["documents"]
        for name, g in docs.items():
            out.append((f"{folder.name}/{name}", (folder / name).read_text("utf-8"), g.get("expect", {})))
    return out


def opencc_dict(name: str, tmp: Path) -> dict[str, str]:
    share = Path(opencc.__file__).parent / "clib"
    tool = share / "bin" / "opencc_dict"
    out = tmp / f"{name}.txt"
    subprocess.run([str(tool), "-i", str(share / "share" / "opencc" / f"{name}.ocd2"), "-o", str(out),
                    "-f", "ocd2", "-t", "text"], check=True, capture_output=True)
    table = {}
    for line in out.read_text("utf-8").splitlines():
        key, _, values = line.partition("\t")
        table[key] = values.split(" ")[0]
    return table


def firings(text: str, table: dict[str, str]) -> list[tuple[int, str]]:
    """Leftmost-longest matches of ``table``'s keys that change the text (as OpenCC's max match)."""
    longest = max(map(len, table))
    i, hits = 0, []
    while i < len(text):
        for n in range(min(longest, len(text) - i), 0, -1):
            key = text[i:i + n]
            if key in table:
                if table[key] != key:
                    hits.append((i, key))
                i += n
                break
        else:
            i += 1
    return hits


def judge(table: str, key: str, window: str, blocked: set[str]) -> bool:
    """Whether this firing is wrong in news context."""
    j = JUDGED.get(table, {})
    if any(s in window for s in j.get("right", {}).get(key, ())):
        return False
    if any(s in window for s in j.get("wrong", {}).get(key, ())):
        return True
    return key in blocked


def misfires(docs, tmp: Path) -> dict:
    s2t = converter("s2t", False)
    lex = lexicon()
    report = {}
    for table, config, pick, before in (
            ("TWPhrasesRev", "tw2sp", lambda e: e.get("region") == "tw", None),
            ("TWPhrases", "s2twp", lambda e: e.get("script") == "simplified", s2t)):
        phrases = opencc_dict(table, tmp)
        blocked = {before.convert(k) if before else k for k in lex[table].block}
        rows: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # fires, wrong, wrong after the lexicon
        for name, text, expect in docs:
            if not pick(expect):
                continue
            source = before.convert(text) if before else text
            src, to = ("tw", "zh-Hans") if table == "TWPhrasesRev" else ("cn", "zh-TW")
            for i, key in firings(source, phrases):
                lo, hi = max(0, i - 6), i + len(key) + 6
                row = rows[key]
                row[0] += 1
                if judge(table, key, source[lo:hi], blocked):
                    row[1] += 1
                    # s2t keeps positions, so text[lo:hi] is the same context in the input
                    sample = text[lo:hi]
                    if convert(sample, to, source=src) == convert(sample, to, source=src, corrections=False):
                        row[2] += 1
        report[config] = {k: v for k, v in sorted(rows.items(), key=lambda kv: (-kv[1][1], -kv[1][0], kv[0]))}
    return report


def boundary_fixes(docs) -> Counter:
    """Where the lexicon changes s2t output on the Simplified documents: context -> count."""
    fixes: Counter = Counter()
    for name, text, expect in docs:
        if expect.get("script") != "simplified":
            continue
        for line in text.splitlines():
            a, b = convert(line, "zh-Hant", source="cn"), convert(line, "zh-Hant", source="cn", corrections=False)
            if a != b:
                for i, (x, y) in enumerate(zip(a, b)):
                    if x != y:
                        fixes[f"{line[max(0, i - 3):i + 3]}: {b[max(0, i - 3):i + 3]} -> {a[max(0, i - 3):i + 3]}"] += 1
    return fixes


SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")
HAN = re.compile(r"[\u4e00-\u9fff]")


def round_trip(docs) -> dict:
    """Share of Simplified sentences unchanged by zh-Hans -> zh-TW -> zh-Hans."""
    out = {}
    for label, pick in (("seeds", lambda n: n.startswith("seeds/")), ("pages", lambda n: n.startswith("pages/"))):
        for corrections in (False, True):
            total = same = 0
            for name, text, expect in docs:
                if not pick(name) or expect.get("script") is None:
                    continue
                hans = convert(text, "zh-Hans", corrections=corrections)
                for s in SENTENCE.findall(hans):
                    if not HAN.search(s):
                        continue
                    total += 1
                    tw = convert(s, "zh-TW", source="cn", corrections=corrections)
                    same += convert(tw, "zh-Hans", source="tw", corrections=corrections) == s
            out[(label, corrections)] = (same, total)
    return out


def regions(docs) -> dict:
    rows = []
    for name, text, expect in docs:
        if expect.get("script") == "traditional":
            got = detect_region(text, detect_script(text))
            rows.append((name, expect.get("region"), got, region_hits(text)))
    synthetic = []
    for name, text, expect in docs:
        if expect.get("script") != "simplified":
            continue
        # s2hk only changes a few character forms: its output has no Hong Kong vocabulary to find
        for config, want in (("s2twp", "tw"), ("s2t", None)):
            t = converter(config).convert(text)
            synthetic.append((f"{name} {config}", want, detect_region(t, detect_script(t)), region_hits(t)))
    # Paragraphs (lines of 80+ characters) of the labelled Traditional documents: right, unknown, wrong.
    paragraphs = Counter()
    for name, text, expect in docs:
        if expect.get("script") == "traditional":
            for line in text.splitlines():
                if len(line) >= 80 and detect_script(line) == "traditional":
                    got = detect_region(line, "traditional")
                    paragraphs["right" if got == expect.get("region") else "unknown" if got is None else "wrong"] += 1
    return {"labelled": rows, "synthetic": synthetic, "paragraphs": paragraphs}


def speed(docs) -> dict:
    zh_s = "\n".join(t for n, t, e in docs if e.get("script") == "simplified") * 4
    zh_t = "\n".join(t for n, t, e in docs if e.get("script") == "traditional") * 8
    out = {}
    for config, text in (("t2s", zh_t), ("tw2sp", zh_t), ("s2t", zh_s), ("s2twp", zh_s)):
        size = len(text.encode("utf-8"))
        for corrections in (False, True):
            c = converter(config, corrections)
            c.convert(text[:1000])
            best = min(_timed(c.convert, text) for _ in range(5))
            out[(config, corrections)] = size / best / 1e6
    return out


def _timed(fn, arg) -> float:
    t = time.process_time()  # CPU time: other processes on the machine do not count
    fn(arg)
    return time.process_time() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--all", action="store_true", help="list every mapping, not only those that fired wrongly")
    a = ap.parse_args()
    docs = documents()

    r = regions(docs)
    ok = sum(want == got for _, want, got, _ in r["labelled"])
    print(f"## Region detection: labelled {ok}/{len(r['labelled'])}")
    for name, want, got, hits in r["labelled"]:
        print(f"  {name}: expected {want}, got {got} (hits {hits})")
    p = r["paragraphs"]
    print(f"## Region detection: paragraphs of 80+ characters of those documents: {p['right']} right, "
          f"{p['unknown']} unknown, {p['wrong']} wrong (of {sum(p.values())})")
    ok = sum(want == got for _, want, got, _ in r["synthetic"])
    print(f"## Region detection: synthetic {ok}/{len(r['synthetic'])}")
    for name, want, got, hits in r["synthetic"]:
        if want != got:
            print(f"  MISS {name}: expected {want}, got {got} (hits {hits})")

    with tempfile.TemporaryDirectory() as tmp:
        m = misfires(docs, Path(tmp))
    for config, rows in m.items():
        fires = sum(v[0] for v in rows.values())
        wrong = sum(v[1] for v in rows.values())
        after = sum(v[2] for v in rows.values())
        print(f"## {config}: {fires} firings of {len(rows)} mappings; {wrong} wrong "
              f"({sum(1 for v in rows.values() if v[1])} mappings); wrong after the lexicon: {after}")
        print("| mapping | fires | wrong | wrong after lexicon |")
        print("|---|---:|---:|---:|")
        for key, (f, w, aft) in rows.items():
            if w or a.all:
                print(f"| {key} | {f} | {w} | {aft} |")

    fixes = boundary_fixes(docs)
    print(f"## s2t: the lexicon changed {sum(fixes.values())} places in the Simplified documents")
    for k, v in fixes.most_common():
        print(f"  {v} x {k}")

    rt = round_trip(docs)
    print("## Round trip zh-Hans -> zh-TW -> zh-Hans, sentences unchanged")
    for (label, corrections), (same, total) in rt.items():
        print(f"  {label} {'with' if corrections else 'without'} lexicon: {same}/{total} = {same / max(total, 1):.1%}")

    print("## Speed (MB/s of UTF-8 input, CPU time)")
    for (config, corrections), mbs in speed(docs).items():
        print(f"  {config} {'with' if corrections else 'without'} lexicon: {mbs:.1f}")


if __name__ == "__main__":
    main()
