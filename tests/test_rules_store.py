"""The compiled rule patterns kept between runs (rules.PatternStore)."""
from __future__ import annotations

import os

import pytest

from corpuskit import rules
from corpuskit.rules import PatternStore

build = rules.ruleset.__wrapped__  # the rule set built anew, not the process's cached one


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv(rules.STORE_ENV, str(tmp_path))
    return tmp_path


def stored(folder) -> list:
    return sorted(p for p in os.listdir(folder) if p.endswith(".pickle"))


LINES = ["版权所有 © 2020", "责任编辑：王小明", "记者 李华 报道", "今天天气很好。", "Copyright 2020 Reuters"]


def answers(rs) -> list:
    return [(r.reason if (r := rs.match_rule(t)) else None, [e.name for e in rs.edits_for(t)]) for t in LINES]


def test_a_second_build_loads_the_patterns_and_answers_alike(folder):
    cold = build("zh")
    assert len(stored(folder)) == 1
    warm = build("zh")
    assert warm.store.old[0] and warm.store.new[0].keys() == warm.store.old[0].keys()
    part = warm.rules[0].parts[0]
    assert part is warm.store.old[0][part.pattern]  # loaded, not compiled
    assert answers(warm) == answers(cold) == answers(rules.ruleset("zh"))


def test_an_edited_rules_file_compiles_its_new_pattern(folder, tmp_path):
    user = tmp_path / "mine.toml"
    user.write_text('[[rule]]\nreason = "nav"\npatterns = ["^导航oldqq$"]\n', "utf-8")
    assert build("zh", (str(user),)).match_rule("导航oldqq").reason == "nav"
    user.write_text('[[rule]]\nreason = "nav"\npatterns = ["^导航newqq$"]\n', "utf-8")
    rs = build("zh", (str(user),))
    assert rs.match_rule("导航newqq").reason == "nav" and rs.match_rule("导航oldqq") is None
    again = PatternStore(rs.store.path)  # the file holds this build's sources only
    sources = list(again.old[0])
    assert any("newqq" in s for s in sources) and not any("oldqq" in s for s in sources)


def test_a_broken_file_is_ignored_and_replaced(folder):
    build("en")
    (name,) = stored(folder)
    (folder / name).write_bytes(b"not a pickle")
    rs = build("en")
    assert rs.match_rule("Copyright 2020 Reuters") is not None
    assert PatternStore(str(folder / name)).old[0]


def test_no_folder_keeps_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv(rules.STORE_ENV, "")
    monkeypatch.chdir(tmp_path)
    assert build("en").store.path is None
    assert os.listdir(tmp_path) == []


def test_no_home_folder_keeps_nothing(monkeypatch):
    for name in (rules.STORE_ENV, "XDG_CACHE_HOME", "HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(os.path, "expanduser", lambda p: p)
    assert rules.store_folder() is None


def test_the_folder_keeps_a_bounded_number_of_files(folder, monkeypatch):
    monkeypatch.setattr(rules, "STORE_FILES", 2)
    for i in range(4):
        user = folder / f"u{i}.toml"
        user.write_text(f'[[rule]]\nreason = "nav"\npatterns = ["^导航{i}$"]\n', "utf-8")
        build("en", (str(user),))
    assert len(stored(folder)) == 2


def test_two_versions_of_the_rules_keep_a_file_each(folder, tmp_path):
    user = tmp_path / "mine.toml"
    versions = ['[[rule]]\nreason = "nav"\npatterns = ["^导航oneqq$"]\n',
                '[[rule]]\nreason = "nav"\npatterns = ["^导航twoqq$"]\n']
    paths = []
    for text in versions:
        user.write_text(text, "utf-8")
        paths.append(build("zh", (str(user),)).store.path)
    assert paths[0] != paths[1] and {os.path.basename(p) for p in paths} <= set(stored(folder))
    user.write_text(versions[0], "utf-8")  # back to the first: its file is read, nothing compiled
    rs = build("zh", (str(user),))
    assert rs.store.path == paths[0] and rs.store.new[0].keys() == rs.store.old[0].keys()
    assert rs.match_rule("导航oneqq").reason == "nav" and rs.match_rule("导航twoqq") is None


def test_one_rule_set_per_process_however_called():
    # ruleset("zh") and ruleset("zh", ()) are one build (two builds doubled the start of a run)
    assert rules.ruleset("en") is rules.ruleset("en", ()) is rules.ruleset("en", [])
