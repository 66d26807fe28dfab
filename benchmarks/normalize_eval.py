"""Measure normalization: the numbers in docs/normalize.md.

1. Speed in MB/s (UTF-8 bytes, CPU time) of ``normalize_text`` on the article
   text of the labelled pages and seeds (what the pipeline keeps), before and
   after normalization (clean text), and of numbers and dates conversion.
2. corpuskit's punctuation rules against autocorrect-py (a CJK punctuation and
   spacing formatter), on the normalize cases of tests/cases/normalize: how many
   cases each gets exactly right, and how many must-not-change lines each
   leaves alone. autocorrect-py runs twice: its defaults, and with its spacing
   rules off (so that only punctuation is compared). Skipped if it is not installed
   (``pip install autocorrect-py``).

    python benchmarks/normalize_eval.py
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

import corpuskit  # noqa: E402
from corpuskit import Config  # noqa: E402
from corpuskit.config import NormalizeConfig  # noqa: E402
from corpuskit.stages.dates import iso_dates  # noqa: E402
from corpuskit.stages.normalize import normalize_text  # noqa: E402
from corpuskit.stages.numbers import convert_numbers  # noqa: E402

CASES = ROOT / "tests" / "cases" / "normalize"
# autocorrect-py with its spacing rules off: punctuation and width only.
AUTOCORRECT_PUNCTUATION_ONLY = {"rules": {"space-word": 0, "space-punctuation": 0, "space-bracket": 0,
                                          "space-backticks": 0, "space-dash": 0, "space-dollar": 0,
                                          "fullwidth": 1, "halfwidth-punctuation": 1, "halfwidth-word": 1,
                                          "no-space-fullwidth": 1, "no-space-fullwidth-quote": 1}}


def article_texts() -> list[str]:
    """The text the pipeline keeps from every labelled page and seed, not yet normalized."""
    cfg = Config().with_options(**{"normalize.enabled": False})
    files = sorted((SHARED / "pages").glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))
    return [corpuskit.clean(p.read_bytes(), cfg).text for p in files]


def mbs(fn, texts: list[str], repeat: int = 20) -> float:
    texts = texts * repeat
    size = sum(len(t.encode("utf-8")) for t in texts)
    best = float("inf")
    for _ in range(3):
        t = time.process_time()
        for s in texts:
            fn(s)
        best = min(best, time.process_time() - t)
    return size / best / 1e6


def speed() -> None:
    raw = article_texts()
    clean = [normalize_text(t) for t in raw]
    zh = [t for t in clean if sum("\u4e00" <= c <= "\u9fff" for c in t) > 0.3 * len(t)]
    print("## Speed (MB/s of UTF-8 text, CPU time)")
    print(f"  normalize_text, article text as kept:     {mbs(normalize_text, raw):6.1f}")
    print(f"  normalize_text, already normalized:       {mbs(normalize_text, clean):6.1f}")
    print(f"  normalize_text, Chinese articles only:     {mbs(normalize_text, zh):6.1f}")
    arabic = NormalizeConfig(numbers="arabic", dates="iso")
    print(f"  with numbers=arabic and dates=iso:        {mbs(lambda s: normalize_text(s, arabic), clean):6.1f}")
    print(f"  convert_numbers(arabic) alone:            {mbs(lambda s: convert_numbers(s, 'arabic'), zh):6.1f}")
    print(f"  convert_numbers(chinese) alone:           {mbs(lambda s: convert_numbers(s, 'chinese'), zh):6.1f}")
    print(f"  iso_dates alone:                          {mbs(iso_dates, zh):6.1f}")


def compare() -> None:
    try:
        import autocorrect_py
    except ImportError:
        print("## autocorrect-py not installed: comparison skipped")
        return
    cases = [c for c in json.loads((CASES / "punctuation.json").read_text("utf-8"))["cases"]
             if not c.get("options") and c.get("target", "keep") == "keep"]
    unchanged = json.loads((CASES / "must_not_change.json").read_text("utf-8"))["cases"]

    def score(fn) -> tuple[int, int, list[str]]:
        right = sum(fn(c["input"]) == c["expected"] for c in cases)
        kept = sum(fn(s) == s for s in unchanged)
        misses = [f"{c['input']} -> {fn(c['input'])}" for c in cases if fn(c["input"]) != c["expected"]]
        return right, kept, misses

    runs = {"corpuskit": lambda s: normalize_text(s)}
    autocorrect_py.load_config(json.dumps({"rules": {}}))
    ours = score(runs["corpuskit"])
    default = score(autocorrect_py.format)
    autocorrect_py.load_config(json.dumps(AUTOCORRECT_PUNCTUATION_ONLY))
    punct_only = score(autocorrect_py.format)
    texts = [normalize_text(t) for t in article_texts()]
    print(f"## Punctuation: {len(cases)} cases, {len(unchanged)} must-not-change lines")
    for name, (right, kept, misses) in (("corpuskit", ours), ("autocorrect-py, defaults", default),
                                        ("autocorrect-py, spacing off", punct_only)):
        print(f"  {name}: {right}/{len(cases)} cases right, {kept}/{len(unchanged)} lines left alone")
        for m in misses[:8]:
            print(f"      {m}")
    print(f"  autocorrect-py speed (spacing off): {mbs(autocorrect_py.format, texts, 5):.1f} MB/s")


if __name__ == "__main__":
    speed()
    compare()
