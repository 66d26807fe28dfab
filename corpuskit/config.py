"""Configuration: one frozen object, one section per stage.

Defaults live in the packaged ``defaults.toml``; a user's TOML file is layered on
top of them section by section (unknown keys are an error, so typos surface).

>>> cfg = Config.load_dict({"convert": {"to": "zh-Hans"}})
>>> cfg.convert.to
'zh-Hans'
>>> cfg.with_options(**{"convert.to": "zh-TW"}).convert.to
'zh-TW'
"""
from __future__ import annotations

import dataclasses
import sys
from dataclasses import dataclass, field, fields
from importlib import resources
from pathlib import Path
from typing import Any, Mapping

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

TARGETS = ("keep", "zh-Hans", "zh-Hant", "zh-TW", "zh-HK")
# Options that take one of a few words: section -> key -> allowed values.
CHOICES = {"normalize": {"quotes": ("auto", "keep", "curly", "corner"),
                         "cjk_latin_space": ("keep", "remove", "add"),
                         "numbers": ("keep", "arabic", "chinese"),
                         "dates": ("keep", "iso")},
           "corpus": {"html": ("lines", "trafilatura")}}


@dataclass(frozen=True)
class DecodeConfig:
    """bytes -> str."""
    # Encoding families tried after a BOM and strict UTF-8, ranked by a Chinese
    # frequency score: "gb18030" (GB2312/GBK/GB18030), "big5" (Big5/cp950/HKSCS),
    # "utf-16" (no BOM), or any Python codec name (docs/encodings.md).
    candidates: tuple[str, ...] = ("gb18030", "big5", "utf-16")
    # Asked only when no candidate reads well: charset-normalizer | chardet | none.
    detector: str = "charset-normalizer"
    # A text that is an HTML page (opens with a doctype, <html>, <head> or an element of the
    # head, or is a fragment opening with a block element: a .txt or JSONL text holding markup)
    # becomes its blocks' lines, as an .html file does.
    html_pages: bool = True


@dataclass(frozen=True)
class RepairConfig:
    """Mojibake, HTML entities and invisible characters."""
    enabled: bool = True
    mojibake: bool = True
    entities: bool = True
    invisible: bool = True


@dataclass(frozen=True)
class SegmentConfig:
    """Lines and paragraphs."""
    join_broken: bool = True
    unwrap: bool = True  # rejoin prose hard-wrapped at a fixed width before the lines are decided
    max_line_chars: int = 100_000


@dataclass(frozen=True)
class ClassifyConfig:
    """Keep / drop / move-to-metadata decisions per line."""
    enabled: bool = True
    # Extra rule files (TOML) layered on the packaged rules.
    rules: tuple[str, ...] = ()


@dataclass(frozen=True)
class MetadataConfig:
    """Authors, editors, source, published time, dateline."""
    enabled: bool = True


@dataclass(frozen=True)
class NormalizeConfig:
    """Punctuation, width, whitespace, numbers and dates."""
    enabled: bool = True
    punctuation: bool = True
    width: bool = True
    whitespace: bool = True
    quotes: str = "auto"  # auto (by convert.to) | keep | curly | corner
    cjk_latin_space: str = "keep"  # keep | remove | add: spaces between Han and Latin letters or digits
    numbers: str = "keep"  # keep | arabic | chinese
    dates: str = "keep"  # keep | iso


@dataclass(frozen=True)
class ConvertConfig:
    """Script conversion with OpenCC and a news-context corrections lexicon."""
    to: str = "keep"  # keep | zh-Hans | zh-Hant | zh-TW | zh-HK
    corrections: bool = True


@dataclass(frozen=True)
class CorpusConfig:
    """Across documents: workers, dedup, quality filters, learned boilerplate (docs/corpus.md)."""
    workers: int = 0  # 0 = all cores
    text_field: str = "text"
    id_field: str = "id"
    max_doc_bytes: int = 10_000_000  # a larger file or JSONL line is reported and skipped
    # .html input: lines (every block of the body, the line rules decide) | trafilatura
    # (its main-text extraction first); see corpuskit/corpus/html.py.
    html: str = "lines"
    # Dedup: near (MinHash LSH over character n-grams) | exact (normalized key) | off.
    dedup: str = "near"
    near_threshold: float = 0.7  # estimated Jaccard similarity of character n-gram sets
    near_ngram: int = 5
    num_perm: int = 128
    # Lines repeated across many documents of one site, learned in a first pass.
    repeated: bool = True
    repeated_min_docs: int = 5
    repeated_min_share: float = 0.3
    repeated_max_chars: int = 200  # longer lines are content, never learned
    repeated_capacity: int = 4096  # lines tracked per site (bounded memory)
    # Quality filters: the switch is the filter's name in ``filters``.
    quality: bool = True
    filters: tuple[str, ...] = ("too-short", "too-few-letters", "too-many-symbols", "too-many-digits",
                                "repeated-lines", "repeated-ngrams", "mojibake", "language")
    min_chars: int = 50
    min_letter_share: float = 0.5
    max_number_share: float = 0.25  # numbers among words and numbers (too-many-digits)
    max_symbol_share: float = 0.1
    max_dup_line_share: float = 0.3
    max_dup_ngram_share: float = 0.5
    reject_flags: tuple[str, ...] = ("unrepaired-mojibake", "undecodable-bytes")
    languages: tuple[str, ...] = ("zh", "en")


@dataclass(frozen=True)
class Config:
    decode: DecodeConfig = field(default_factory=DecodeConfig)
    repair: RepairConfig = field(default_factory=RepairConfig)
    segment: SegmentConfig = field(default_factory=SegmentConfig)
    classify: ClassifyConfig = field(default_factory=ClassifyConfig)
    metadata: MetadataConfig = field(default_factory=MetadataConfig)
    normalize: NormalizeConfig = field(default_factory=NormalizeConfig)
    convert: ConvertConfig = field(default_factory=ConvertConfig)
    corpus: CorpusConfig = field(default_factory=CorpusConfig)

    # -- construction -------------------------------------------------------
    @classmethod
    def defaults(cls) -> "Config":
        """The packaged defaults (``corpuskit/defaults.toml``)."""
        text = resources.files("corpuskit").joinpath("defaults.toml").read_text("utf-8")
        return cls.load_dict(tomllib.loads(text), base=cls())

    @classmethod
    def load(cls, path: str | Path) -> "Config":
        """Packaged defaults, overlaid with the TOML file at ``path``."""
        with open(path, "rb") as f:
            data = tomllib.load(f)
        return cls.load_dict(data, base=cls.defaults())

    @classmethod
    def load_dict(cls, data: Mapping[str, Any], base: "Config | None" = None) -> "Config":
        base = base or cls()
        sections = {f.name: f for f in fields(cls)}
        updates: dict[str, Any] = {}
        for name, values in data.items():
            if name not in sections:
                raise ValueError(f"unknown config section [{name}]; known: {', '.join(sections)}")
            if not isinstance(values, Mapping):
                raise ValueError(f"config section [{name}] must be a table")
            updates[name] = _replace_section(getattr(base, name), name, values)
        return dataclasses.replace(base, **updates)

    def with_options(self, **dotted: Any) -> "Config":
        """A copy with options changed, named ``"section.key"``; ``None`` values are ignored."""
        data: dict[str, dict[str, Any]] = {}
        for key, value in dotted.items():
            if value is None:
                continue
            section, _, name = key.partition(".")
            data.setdefault(section, {})[name] = value
        return Config.load_dict(data, base=self)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def _replace_section(section: Any, name: str, values: Mapping[str, Any]) -> Any:
    known = {f.name: f for f in fields(section)}
    clean: dict[str, Any] = {}
    for key, value in values.items():
        if key not in known:
            raise ValueError(f"unknown option {name}.{key}; known: {', '.join(known)}")
        default = getattr(section, key)
        if isinstance(default, tuple) and isinstance(value, (list, tuple)):
            value = tuple(value)
        elif isinstance(default, bool) and not isinstance(value, bool):
            raise ValueError(f"option {name}.{key} must be true or false, not {value!r}")
        elif isinstance(default, float) and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        elif type(default) is not type(value):
            raise ValueError(f"option {name}.{key} must be {type(default).__name__}, not {value!r}")
        clean[key] = value
    for key, allowed in CHOICES.get(name, {}).items():
        if key in clean and clean[key] not in allowed:
            raise ValueError(f"{name}.{key} must be one of {', '.join(allowed)}, not {clean[key]!r}")
    if name == "convert" and "to" in clean and clean["to"] not in TARGETS:
        raise ValueError(f"convert.to must be one of {', '.join(TARGETS)}, not {clean['to']!r}")
    if name == "corpus" and clean.get("dedup", "near") not in ("near", "exact", "off"):
        raise ValueError(f"corpus.dedup must be near, exact or off, not {clean['dedup']!r}")
    return dataclasses.replace(section, **clean)
