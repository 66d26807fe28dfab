"""The package end to end: API, record format, seeds copied byte for byte."""
import hashlib

import corpuskit
from conftest import ROOT, SEEDS, SHARED


def test_seeds_are_byte_identical_copies():
    shared = sorted((SHARED / "seeds").glob("*.txt"))
    assert shared, "../shared/seeds is missing"
    for src in shared:
        assert (SEEDS / src.name).read_bytes() == src.read_bytes()


def test_clean_bytes_gives_record():
    data = (SEEDS / "000_de17c90cc20472c8.txt").read_bytes()
    doc = corpuskit.clean(data, source="x.txt")
    rec = doc.to_record(explain=True)
    assert rec["provenance"]["sha256"] == hashlib.sha256(data).hexdigest()
    assert rec["provenance"]["encoding"] == "utf-8"
    assert rec["provenance"]["path"] == "x.txt"
    assert rec["lang"] == "zh"
    assert rec["title"] and rec["text"].startswith(rec["title"])
    assert all(set(d) >= {"n", "action", "reason"} for d in rec["lines"])
    assert "\n\n\n" not in rec["text"]
