"""A writer's name glued before a colon to the article's first body line is read as the author
(cn_lead_writer_colon.page); the same shape that is no writer is not: a speaker before a quote,
a place opening a roundup's paragraph, a transcript's speaker, a desk's name in a credit."""
from pathlib import Path

import pytest

import corpuskit
from corpuskit.config import Config
from test_classify import read_page

RESIDUE = Path(__file__).parent / "cases" / "residue"


@pytest.mark.parametrize("stem", ["cn_lead_speaker_colon", "cn_lead_roundup_colon",
                                  "cn_lead_transcript_colon", "cn_desk_credit_alone"])
def test_no_writer_is_read(stem):
    _, text, _ = read_page(RESIDUE / f"{stem}.page")
    doc = corpuskit.clean(text.encode("utf-8"), Config.defaults())
    assert doc.meta["authors"] == [], doc.meta


def test_desk_name_is_no_writer_but_the_name_beside_it_is():
    _, text, _ = read_page(RESIDUE / "cn_desk_credit.page")
    doc = corpuskit.clean(text.encode("utf-8"), Config.defaults())
    assert doc.meta["authors"] == ["陳志明"], doc.meta
