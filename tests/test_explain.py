"""`corpuskit explain FILE`: every line with its decision and reason, coloured on a terminal."""
import re

import pytest
from click.testing import CliRunner

from corpuskit.cli import main

PAGE = (
    "A storm heads east as millions prepare to travel\n\n"
    "Forecasters said on Wednesday that the worst of the weather had passed, and roads were clear.\n\n"
    "Officials said airports reported only short delays, and most flights left on time.\n\n"
    "© 2020 Example News Ltd. All Rights Reserved.\n"
)
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture()
def page(tmp_path):
    p = tmp_path / "page.txt"
    p.write_text(PAGE, encoding="utf-8")
    return p


def rows(output: str) -> dict[int, str]:
    """Line number -> the explain row for it."""
    out = {}
    for row in output.splitlines():
        m = re.match(r"\s*(\d+)  ", ANSI.sub("", row))
        if m:
            out[int(m.group(1))] = row
    return out


def test_every_line_with_number_decision_and_reason(page):
    res = CliRunner().invoke(main, ["explain", str(page)])
    assert res.exit_code == 0, res.output
    got = rows(res.output)
    assert sorted(got) == [1, 3, 5, 7]  # blank lines are not shown
    assert re.match(r"\s*1  title\s+A storm heads east", got[1])
    assert re.match(r"\s*3  keep\s+Forecasters said", got[3])
    assert re.match(r"\s*7  drop:copyright\s+© 2020", got[7])
    assert "\x1b[" not in res.output  # not a terminal: plain text


def test_metadata_and_counts_shown(page):
    res = CliRunner().invoke(main, ["explain", str(page)])
    assert "title: A storm heads east as millions prepare to travel" in res.output
    for key in ("authors:", "editors:", "source:", "published:", "dateline:"):
        assert key in res.output
    assert re.search(r"# lines: .*drop 1", res.output)


def test_colours_on_a_terminal(page):
    res = CliRunner().invoke(main, ["explain", str(page)], color=True)
    got = rows(res.output)
    assert "\x1b[31m" in got[7] and "\x1b[2m" in got[7]  # drop: red and dim
    assert "\x1b[1m" in got[1]  # title: bold
    assert "\x1b[" not in got[3]  # keep: plain
    assert "\x1b[" not in CliRunner().invoke(main, ["explain", str(page), "--no-color"], color=True).output


def test_meta_lines_are_yellow(tmp_path):
    p = tmp_path / "byline.txt"
    p.write_text("A storm heads east as millions prepare to travel\n\nBy Jane Doe and John Roe\n\n"
                 + PAGE.split("\n\n", 1)[1], encoding="utf-8")
    res = CliRunner().invoke(main, ["explain", str(p)], color=True)
    row = rows(res.output)[3]
    assert "meta:byline" in ANSI.sub("", row) and "\x1b[33m" in row


def test_only_and_width(page):
    res = CliRunner().invoke(main, ["explain", str(page), "--only", "drop", "--width", "12"])
    assert res.exit_code == 0
    got = rows(res.output)
    assert list(got) == [7]
    assert got[7].rstrip().endswith("© 2020 Exam…")


def test_standard_input_and_missing_file():
    res = CliRunner().invoke(main, ["explain", "-"], input=PAGE.encode("utf-8"))
    assert res.exit_code == 0 and len(rows(res.output)) == 4
    res = CliRunner().invoke(main, ["explain", "no/such/file.txt"])
    assert res.exit_code == 2 and "does not exist" in res.output
