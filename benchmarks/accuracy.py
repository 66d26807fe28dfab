"""How much article text each cleaner keeps and how much web residue it leaves, on labelled pages.

    python benchmarks/accuracy.py                          # the gold files beside the project (../shared)
    python benchmarks/accuracy.py --gold G.json --inputs DIR [--gold G2.json --inputs DIR2]
    python benchmarks/accuracy.py --refs refs.json --inputs DIR   # pages labelled by content line ranges
    python benchmarks/accuracy.py --markdown               # a table for docs/benchmarks.md
    python benchmarks/accuracy.py --only corpuskit --pages # and each page, the worst first

The gold files label every non-blank line of every page (``title``, ``heading``, ``content``,
``meta:KIND``, ``drop:KIND`` or ``either``; the format ``corpuskit clean --explain`` is scored
against). A ``--refs`` file labels pages more coarsely: per page, ``content_lines`` (1-based
line ranges such as ``"12-15,18"``) and the ``title``; lines that read as the title are not
scored (which copy is the headline is a question for title scoring), every other non-blank
line not in the ranges is residue. Each cleaner gets a page's text and returns the text it would put in a corpus; the
output is matched character by character (difflib, order kept, letters and digits only after
NFKC, so punctuation and width normalization do not count) against the page's labelled lines,
the article's first and what is left of the output against the residue's, in runs of four
letters or more (shorter runs are letters the two happen to share):

  kept     share of article characters (title, heading, content lines) found in the output
  residue  share of residue characters (drop and meta lines: navigation, comments, bylines,
           dates, captions ...) still in the output. A byline a cleaner moves into metadata
           counts as removed; one left in the text counts as residue
  lines    share of scored lines decided right (a line counts as kept when half its characters are)
  dropped  pages the cleaner threw away whole (their article text counts as lost)

Every cleaner keeps the page's script (no conversion), so only the cleaning is compared. The
peers are optional: a peer that does not import is listed as not installed. What each runs is
in ``CLEANERS`` below: the line- and paragraph-level cleaning steps each project documents for
web text, at their defaults, with the English-only rules of datatrove's C4 filter (a line needs
three words and end punctuation) switched off on Chinese pages, where they would drop every line.
"""
from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import time
import unicodedata
from pathlib import Path
from typing import Callable, Optional

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))  # this checkout's corpuskit, not an installed one

from corpuskit.stages.classify import detect_lang  # noqa: E402 - the page's language, as corpuskit reads it

SHARED = ROOT.parent / "shared"
DEFAULT_SETS = [(SHARED / "gold" / "seeds.json", SHARED / "seeds"),
                (SHARED / "pages" / "gold.json", SHARED / "pages")]

Cleaner = Callable[[str, str], Optional[str]]  # (text, "zh" | "en") -> cleaned text, or None if dropped
_GLOSS = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+\)")


def letters(text: str) -> str:
    """Only the letters and digits of ``text`` (NFKC, case folded, pinyin glosses left out).

    >>> letters("Ｈi， 網(wǎng)絡！")
    'hi網絡'
    """
    text = _GLOSS.sub("", unicodedata.normalize("NFKC", text))
    return "".join(c for c in text if c.isalnum()).casefold()


# --- the cleaners -----------------------------------------------------------------------

def raw(text: str, lang: str) -> str:
    """Nothing removed: the residue a corpus gets without cleaning."""
    return text


def corpuskit_cleaner() -> Cleaner:
    import corpuskit

    config = corpuskit.Config.load_dict({"convert": {"to": "keep"}})

    def clean(text: str, lang: str) -> Optional[str]:
        doc = corpuskit.clean(text.encode("utf-8"), config)
        return doc.text or None
    return clean


def datatrove_cleaner() -> Cleaner:
    from datatrove.data import Document
    from datatrove.pipeline.filters import C4QualityFilter
    from datatrove.pipeline.formatters import FTFYFormatter, SymbolLinesFormatter

    ftfy, symbols = FTFYFormatter(), SymbolLinesFormatter()
    c4 = {"en": C4QualityFilter(),
          "zh": C4QualityFilter(filter_no_terminal_punct=False, min_words_per_line=-1, min_num_sentences=-1)}

    def clean(text: str, lang: str) -> Optional[str]:
        doc = Document(text=symbols.format(ftfy.format(text)), id="0")
        kept = c4[lang].filter(doc)
        return doc.text if (kept is True or (isinstance(kept, tuple) and kept[0])) else None
    return clean


def data_juicer_cleaner() -> Cleaner:
    from data_juicer.ops.mapper import (CleanEmailMapper, CleanLinksMapper, FixUnicodeMapper,
                                        PunctuationNormalizationMapper, RemoveRepeatSentencesMapper,
                                        WhitespaceNormalizationMapper)

    ops = [FixUnicodeMapper(), PunctuationNormalizationMapper(), CleanLinksMapper(), CleanEmailMapper(),
           RemoveRepeatSentencesMapper(), WhitespaceNormalizationMapper()]

    def clean(text: str, lang: str) -> Optional[str]:
        batch = {"text": [text]}
        for op in ops:
            batch = op.process_batched(batch)
        return batch["text"][0]
    return clean


def nemo_curator_cleaner() -> Cleaner:
    from nemo_curator.stages.text.modifiers.string import BoilerPlateStringModifier, NewlineNormalizer, UrlRemover
    from nemo_curator.stages.text.modifiers.unicode import UnicodeReformatter

    ops = [UnicodeReformatter(), BoilerPlateStringModifier(), UrlRemover(), NewlineNormalizer()]

    def clean(text: str, lang: str) -> Optional[str]:
        for op in ops:
            text = op.modify_document(text)
        return text or None
    return clean


def jionlp_cleaner() -> Cleaner:
    import contextlib
    import io

    with contextlib.redirect_stdout(io.StringIO()):  # it prints a banner on import
        import jionlp

    def clean(text: str, lang: str) -> Optional[str]:
        return jionlp.clean_text(text)
    return clean


# name -> (what it runs, factory)
CLEANERS: dict[str, tuple[str, Callable[[], Cleaner]]] = {
    "none": ("the page as saved", lambda: raw),
    "corpuskit": ("corpuskit.clean, default settings, script kept", corpuskit_cleaner),
    "datatrove": ("FTFYFormatter -> SymbolLinesFormatter -> C4QualityFilter (line filters)", datatrove_cleaner),
    "data-juicer": ("fix_unicode, punctuation_normalization, clean_links, clean_email, "
                    "remove_repeat_sentences, whitespace_normalization mappers", data_juicer_cleaner),
    "nemo-curator": ("UnicodeReformatter -> BoilerPlateStringModifier -> UrlRemover -> NewlineNormalizer",
                     nemo_curator_cleaner),
    "jionlp": ("jionlp.clean_text (defaults)", jionlp_cleaner),
}


# --- scoring ----------------------------------------------------------------------------

def load_pages(gold: Path, inputs: Path) -> list[tuple[str, str, dict[int, str]]]:
    """(name, text, {1-based line: label}) for every page of a gold file found in ``inputs``."""
    docs = json.loads(gold.read_text(encoding="utf-8"))["documents"]
    pages = []
    for name, entry in sorted(docs.items()):
        path = inputs / name
        if path.is_file():
            text = path.read_bytes().decode("utf-8", "replace")
            pages.append((name, text, {int(k): v for k, v in entry["labels"].items()}))
    return pages


def _ranges(spec: str) -> list[int]:
    """``"3-5,8"`` -> ``[3, 4, 5, 8]``."""
    out: list[int] = []
    for part in str(spec).split(","):
        first, _, last = part.partition("-")
        if first.strip():
            out.extend(range(int(first), int(last or first) + 1))
    return out


def load_refs(refs: Path, inputs: Path) -> list[tuple[str, str, dict[int, str]]]:
    """Pages labelled by content line ranges and a title (see the module docs) as gold labels."""
    entries = json.loads(refs.read_text(encoding="utf-8"))["pages"]
    pages = []
    for name, entry in sorted(entries.items()):
        path = inputs / f"{name}.txt"
        if not path.is_file() or "content_lines" not in entry:
            continue
        text = path.read_bytes().decode("utf-8", "replace")
        content, title = set(_ranges(entry["content_lines"])), letters(entry.get("title") or "")
        labels = {}
        for number, line in enumerate(text.split("\n"), 1):
            if line.strip():
                labels[number] = ("content" if number in content else
                                  "either" if title and letters(line) == title else "drop:residue")
        pages.append((name, text, labels))
    return pages


_LEAST_RUN = 4  # letters in a row that count as text found again


def _kind(label: str) -> str:
    return "keep" if label in ("title", "heading", "content") else "residue"


def score_page(text: str, labels: dict[int, str], output: Optional[str]) -> dict[str, int]:
    """Characters and lines of each kind a cleaner's output kept, for one page.

    The output is matched against the article's lines first and what is left of it against the
    residue's: text a page prints twice, once as article and once as residue (a headline in the
    menu, a paragraph in a teaser), counts as the article's when the output holds it once.
    """
    lines = text.split("\n")
    scored = [(n, _kind(label), letters(lines[n - 1])) for n, label in sorted(labels.items())
              if label != "either" and n <= len(lines)]
    hits = dict.fromkeys(labels, 0)
    rest = letters(output or "")
    for kind in ("keep", "residue"):
        pieces = [(n, piece) for n, k, piece in scored if k == kind]
        reference = "".join(piece for _, piece in pieces)
        owner = [n for n, piece in pieces for _ in piece]
        if not reference or not rest:
            continue
        used = bytearray(len(rest))
        for block in difflib.SequenceMatcher(None, reference, rest, autojunk=False).get_matching_blocks():
            if block.size < _LEAST_RUN:
                continue  # (stray letters the two happen to share)
            for i in range(block.size):
                hits[owner[block.a + i]] += 1
                used[block.b + i] = 1
        rest = "".join(ch for ch, u in zip(rest, used) if not u)
    out = {"keep": 0, "residue": 0, "keep_hit": 0, "residue_hit": 0, "lines": 0, "lines_right": 0}
    for n, kind, piece in scored:
        out[kind] += len(piece)
        out[kind + "_hit"] += hits[n]
        if piece:
            out["lines"] += 1
            out["lines_right"] += (hits[n] * 2 >= len(piece)) == (kind == "keep")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", action="append", type=Path, help="a gold file (repeat with --inputs)")
    ap.add_argument("--refs", action="append", type=Path, help="a file of content line ranges (repeat with --inputs)")
    ap.add_argument("--inputs", action="append", type=Path, help="the folder holding a file's pages: one per --gold, then one per --refs")
    ap.add_argument("--only", nargs="*", help="cleaners to run (default: all that import)")
    ap.add_argument("--markdown", action="store_true", help="print a markdown table")
    ap.add_argument("--pages", action="store_true", help="also print each page's figures, worst first")
    args = ap.parse_args(argv)
    labelled = [(load_pages, g) for g in args.gold or []] + [(load_refs, r) for r in args.refs or []]
    if len(labelled) != len(args.inputs or []):
        ap.error("give one --inputs per --gold, then one per --refs")
    sets = [(load, f, d) for (load, f), d in zip(labelled, args.inputs or [])] or \
        [(load_pages, g, d) for g, d in DEFAULT_SETS]
    pages = [p for load, f, d in sets if f.is_file() for p in load(f, d)]
    if not pages:
        ap.error("no labelled pages found (give --gold and --inputs)")
    groups = {"zh": [p for p in pages if detect_lang(p[1]) == "zh"], "en": [p for p in pages if detect_lang(p[1]) == "en"]}

    rows = []
    for name, (what, factory) in CLEANERS.items():
        if args.only and name not in args.only:
            continue
        try:
            cleaner = factory()
        except Exception as exc:  # noqa: BLE001 - an optional peer that does not import
            print(f"{name}: not installed ({type(exc).__name__}: {exc})", file=sys.stderr)
            continue
        for lang, group in groups.items():
            if not group:
                continue
            sums = dict.fromkeys(("keep", "residue", "keep_hit", "residue_hit", "lines", "lines_right"), 0)
            dropped, start, per_page = 0, time.perf_counter(), []
            for page, text, labels in group:
                output = cleaner(text, lang)
                dropped += output is None
                scores = score_page(text, labels, output)
                for k, v in scores.items():
                    sums[k] += v
                per_page.append((page, scores))
            if args.pages:
                worst = sorted(per_page, key=lambda p: (p[1]["keep_hit"] - p[1]["keep"]) - p[1]["residue_hit"])
                for page, sc in worst:
                    print(f"  {name:13} {page:28} kept {sc['keep_hit']:6}/{sc['keep']:<6} "
                          f"residue left {sc['residue_hit']:6}/{sc['residue']:<6}", file=sys.stderr)
            rows.append({"cleaner": name, "pages": f"{lang} ({len(group)})",
                         "kept": sums["keep_hit"] / max(1, sums["keep"]),
                         "residue": sums["residue_hit"] / max(1, sums["residue"]),
                         "lines": sums["lines_right"] / max(1, sums["lines"]),
                         "dropped": dropped, "seconds": time.perf_counter() - start, "what": what})

    if args.markdown:
        print("| cleaner | pages | article kept | residue left | lines right | pages dropped | what it runs |")
        print("|---|---|---|---|---|---|---|")
        for r in rows:
            print(f"| {r['cleaner']} | {r['pages']} | {r['kept']:.1%} | {r['residue']:.1%} | {r['lines']:.1%} "
                  f"| {r['dropped']} | {r['what']} |")
    else:
        print(f"{'cleaner':13} {'pages':8} {'kept':>7} {'residue':>8} {'lines':>7} {'dropped':>8} {'s':>6}")
        for r in rows:
            print(f"{r['cleaner']:13} {r['pages']:8} {r['kept']:7.1%} {r['residue']:8.1%} {r['lines']:7.1%} "
                  f"{r['dropped']:8} {r['seconds']:6.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
