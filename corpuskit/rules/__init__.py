"""Loading the packaged rule files (TOML, per language), overlaid with a user's."""
from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from ..document import ACTIONS, REASONS


@dataclass(frozen=True)
class Rule:
    action: str
    reason: str
    pattern: "regex.Pattern[str]"
    max_len: int | None = None

    def matches(self, line: str) -> bool:
        if self.max_len is not None and len(line) > self.max_len:
            return False
        return self.pattern.search(line) is not None


def parse_rules(data: dict, origin: str) -> list[Rule]:
    rules = []
    for i, r in enumerate(data.get("rule", [])):
        action, reason = r.get("action"), r.get("reason")
        if action not in ACTIONS or reason not in REASONS:
            raise ValueError(f"{origin}: rule {i + 1}: bad action/reason {action!r}/{reason!r}")
        try:
            pattern = regex.compile("|".join(f"(?:{p})" for p in r["patterns"]))
        except regex.error as e:
            raise ValueError(f"{origin}: rule {i + 1}: {e}") from None
        rules.append(Rule(action, reason, pattern, r.get("max_len")))
    return rules


def load_toml_text(name: str) -> dict:
    return tomllib.loads(resources.files(__name__).joinpath(name).read_text("utf-8"))


@lru_cache(maxsize=None)
def line_rules(lang: str, extra_files: tuple[str, ...] = ()) -> tuple[Rule, ...]:
    """The packaged rules for ``lang`` ("zh" or "en") followed by the user's files."""
    rules = parse_rules(load_toml_text(f"{lang}.toml"), f"rules/{lang}.toml")
    for path in extra_files:
        with open(path, "rb") as f:
            rules.extend(parse_rules(tomllib.load(f), path))
    return tuple(rules)
