"""Regenerate ``corpuskit/rules/han_freq.txt``, the Han character frequency table.

The counts come from the word list of jieba (MIT licence; ``jieba/dict.txt``,
word, count, tag per line): a character's count is the sum of the counts of
the words it occurs in. jieba's single-character entries tagged zg/g/x/z/i are
skipped: many of them are mojibake (浠 涔 璇 紝 銆 ...) that leaked into its
training data, the very thing the table must score low. Each Simplified
character's count is also credited to its Traditional forms (OpenCC s2t, s2tw,
s2hk, character by character, and every variant OpenCC's STCharacters.txt
lists, at a twentieth of the count: 表 -> 錶, 钟 -> 鍾), so one table serves both scripts.

    python benchmarks/make_han_freq.py path/to/jieba/dict.txt [path/to/STCharacters.txt] \
        > corpuskit/rules/han_freq.txt
"""
from __future__ import annotations

import sys
from collections import Counter

import opencc

SKIP_SINGLE_TAGS = {"zg", "g", "x", "z", "i"}
MIN_COUNT = 20  # per ~100 million characters of counted words
PER = 10_000_000
VARIANT_SHARE = 20
# Hong Kong pages write Cantonese: its common characters, given a modest count.
CANTONESE = "嘅係佢哋咗嘢喺冇啲嚟睇咁乜嗰噉攞諗揾搵咪㗎囉喎嘞啦唔俾畀咩嘥瞓靚餸嗌攰"
CANTONESE_PER = 300


def is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def main(path: str, variants: str | None = None) -> None:
    simp: Counter[str] = Counter()
    with open(path, encoding="utf-8") as f:
        for line in f:
            word, count, tag = line.split()
            if len(word) == 1 and tag in SKIP_SINGLE_TAGS:
                continue
            for ch in word:
                if is_han(ch):
                    simp[ch] += int(count)
    total = sum(simp.values())
    combined: Counter[str] = Counter(simp)
    converters = [opencc.OpenCC(c) for c in ("s2t", "s2tw", "s2hk")]
    table: dict[str, set[str]] = {}
    if variants:
        with open(variants, encoding="utf-8") as f:
            for line in f:
                src, _, targets = line.rstrip("\n").partition("\t")
                table[src] = set(targets.split())
    for ch, n in simp.items():
        primary = {conv.convert(ch) for conv in converters}
        for trad in primary | table.get(ch, set()):
            if trad != ch and len(trad) == 1 and is_han(trad):
                # a variant that no converter picks (坛 -> 罈) is far rarer than its source
                share = n if trad in primary else n // VARIANT_SHARE
                combined[trad] = max(combined[trad], share)
    for ch in CANTONESE:  # written Cantonese, which a Mandarin word list lacks
        combined[ch] = max(combined[ch], total * CANTONESE_PER // PER)
    print("# Han character frequencies, both scripts: character, count per 10 million characters.")
    print("# Made by benchmarks/make_han_freq.py from jieba's word list (MIT) and OpenCC's")
    print("# STCharacters.txt (Apache 2.0), with written Cantonese added; see docs/encodings.md.")
    print("# Characters not listed count as rare. Add lines to teach the scorer a character.")
    for ch, n in sorted(combined.items(), key=lambda kv: (-kv[1], kv[0])):
        per = round(n * PER / total)
        if n >= MIN_COUNT and per >= 1:
            print(f"{ch}\t{per}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
