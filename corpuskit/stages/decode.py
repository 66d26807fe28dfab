"""bytes -> str: detect the encoding of bytes a scraper saved.

Strict UTF-8 first (the common case, and fast); then a BOM; then each candidate
legacy encoding decoded strictly, the survivors ranked by how Chinese-like the
result reads (see :func:`score`).
"""
from __future__ import annotations

import codecs
import hashlib

from ..config import Config
from ..document import Document
from ..pipeline import Stage

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# The most frequent Han characters in news text, in both scripts. A decoding
# that yields many of them is far likelier right than one that yields rare ones.
_COMMON = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龍國會這個們來時對說為進過還發與經後從實現動長開種點當學體關業電問話應區產見"
    "們華臺灣說這麼還會時間現實點經濟發體關係對應學問題開門車東"
)


def score(text: str) -> float:
    """How Chinese-like a decoding reads: share of common Han characters among all Han.

    >>> score("中国人民") > score("涓浗浜烘皯")
    True
    """
    han = common = 0
    for ch in text:
        if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf":
            han += 1
            common += ch in _COMMON
    if not han:
        return 0.0
    return common / han


def _looks_utf16(data: bytes) -> bool:
    if len(data) < 4:
        return False
    sample = data[:4000]
    zeros_even = sample[0::2].count(0)
    zeros_odd = sample[1::2].count(0)
    half = len(sample) / 2
    return max(zeros_even, zeros_odd) > 0.3 * half and min(zeros_even, zeros_odd) < 0.05 * half


def decode(data: bytes, candidates: tuple[str, ...] = ("gb18030", "big5hkscs", "cp950", "utf-16")) -> tuple[str, str]:
    """Decode bytes of unknown encoding; returns ``(text, encoding)``.

    >>> decode("中文".encode("gbk"))
    ('中文', 'gb18030')
    >>> decode("中文".encode("utf-8"))
    ('中文', 'utf-8')
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _looks_utf16(data):
        for name in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                continue
            if "\x00" not in text:
                return text, name
    best: tuple[float, int, str, str] | None = None
    for i, name in enumerate(candidates):
        if name.startswith("utf-16"):
            continue
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        key = (score(text), -i, name, text)
        if best is None or key[:2] > best[:2]:
            best = key
    if best is not None:
        return best[3], best[2]
    # Nothing decodes strictly: take UTF-8 with replacement characters, flagged later.
    return data.decode("utf-8", errors="replace"), "utf-8-replace"


class DecodeStage(Stage):
    name = "decode"

    def process(self, doc: Document) -> Document:
        if doc.raw is not None:
            doc.sha256 = hashlib.sha256(doc.raw).hexdigest()
            doc.input, doc.encoding = decode(doc.raw, self.config.decode.candidates)
            self.count(doc.encoding)
            if doc.encoding == "utf-8-replace":
                doc.flags.append("undecodable-bytes")
        else:
            doc.sha256 = doc.sha256 or hashlib.sha256(doc.input.encode("utf-8", "surrogatepass")).hexdigest()
            doc.encoding = doc.encoding or "text"
        if "\r" in doc.input:
            doc.input = doc.input.replace("\r\n", "\n").replace("\r", "\n")
        return doc
