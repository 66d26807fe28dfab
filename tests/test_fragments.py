"""Cleaning is idempotent on page fragments (tests/cases/fragments): pieces of pages with
little or no article body, where the first reading and the reading of the cleaned text
see the page most differently."""
from __future__ import annotations

import pytest

import corpuskit
from corpuskit import Config
from conftest import CASES

FRAGMENTS = sorted((CASES / "fragments").glob("*.txt"))
CONFIGS = {"keep": Config(), "zh-Hans": Config.load_dict({"convert": {"to": "zh-Hans"}})}


def test_there_are_fragments():
    assert FRAGMENTS


@pytest.mark.parametrize("to", sorted(CONFIGS))
@pytest.mark.parametrize("path", FRAGMENTS, ids=[p.stem for p in FRAGMENTS])
def test_fragment_is_idempotent(path, to):
    config = CONFIGS[to]
    once = corpuskit.clean(path.read_bytes(), config)
    twice = corpuskit.clean(once.text, config)
    assert twice.text == once.text
    if path.stem.endswith("_untitled"):
        # the first reading finds no title under the widgets; the cleaned text, without them,
        # may open with one (a title found the second time is no change of the text)
        assert once.title is None
    elif path.stem.endswith("_title_once"):
        # the first reading's title (a headline of clauses, a sentence over a date line) has nothing
        # under it in the cleaned text that marks it a headline (its date line was another story's):
        # read again it is a body line, and must stay a paragraph of its own
        assert once.title and once.title in twice.text.split("\n\n")
    else:
        assert twice.title == once.title
