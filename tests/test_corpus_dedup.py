"""Dedup: exact and near duplicates, the first kept, precision and recall on generated reposts.

The repost set: each story (a cleaned seed or labelled page, long ones split in
two) appears once on its own site and again as reposts on other sites: with
the other site's header and footer, punctuation and width changed, and small
edits (a few characters changed, a paragraph dropped, an editor's note added).
Hard negatives share the first half of a story but go on with the second half of another.
"""
import functools
import io
import os
import pickle
import random

import orjson
import pytest

import corpuskit
from conftest import SEEDS, SHARED
from corpuskit.config import Config
from corpuskit.corpus import runner
from corpuskit.corpus.dedup import Index, Signer, Sketch, dedup_key, estimate_jaccard, lsh_params
from corpuskit.corpus.runner import Options, run

SITES = {
    "news.alpha.cn": (["首页 | 国内 | 国际 | 财经 | 体育", "您当前的位置：首页 > 新闻 > 正文"],
                      ["关于我们 | 联系我们 | 广告服务", "Copyright © 2003-2024 alpha.cn 版权所有 京ICP证030173号"]),
    "www.beta.com.cn": (["网站导航 新闻 视频 图片 评论"],
                        ["本站文章均来自网络，如有侵权请联系删除", "未经授权不得转载 © 2024 Beta网 沪ICP备12014733号-2"]),
    "gamma.tw": (["首頁 > 即時新聞 > 政治"], ["© 2024 Gamma Media 版權所有，禁止轉載"]),
    "delta.example.com": (["Home | World | Business | Tech"], ["© 2024 Delta News. All rights reserved."]),
}


def stories() -> list[list[str]]:
    """Paragraph lists of distinct stories, from the seeds and the labelled pages."""
    paths = sorted(SEEDS.glob("*.txt")) + sorted((SHARED / "pages").glob("*.txt"))
    out = []
    for p in paths:
        paras = [x for x in corpuskit.clean(p.read_bytes()).text.split("\n\n") if len(x) > 20]
        if len(paras) >= 10:
            out += [paras[: len(paras) // 2], paras[len(paras) // 2:]]
        elif len(paras) >= 3:
            out.append(paras)
    return out


def _edit_chars(text: str, share: float, rng: random.Random) -> str:
    chars = list(text)
    pool = [c for c in chars if c.isalpha()] or ["x"]
    for _ in range(max(1, int(len(chars) * share))):
        i = rng.randrange(len(chars))
        if chars[i].isalpha():
            chars[i] = rng.choice(pool)
    return "".join(chars)


def _restyle(para: str) -> str:
    return para.replace("，", ",").replace("。", "。 ").replace("1", "１").replace("2", "２")


def reposts(seed: int = 7) -> tuple[list[dict], dict[str, int]]:
    """Documents (JSONL objects with id, url, text) and the story cluster of each id."""
    rng = random.Random(seed)
    sites = sorted(SITES)
    docs, cluster = [], {}
    all_stories = stories()

    def page(story: int, kind: str, site: str, paras: list[str]) -> None:
        head, foot = SITES[site]
        doc_id = f"s{story:03d}-{kind}"
        docs.append({"id": doc_id, "url": f"https://{site}/{doc_id}.html",
                     "text": "\n\n".join(head + paras + foot)})
        cluster[doc_id] = story if kind != "followup" else -1 - story

    for n, paras in enumerate(all_stories):
        home, other, third = rng.sample(sites, 3)
        page(n, "original", home, paras)
        page(n, "restyled", other, [_restyle(p) for p in paras])
        edited = [_edit_chars(p, 0.01, rng) for p in paras]
        if len(edited) >= 6:
            del edited[rng.randrange(1, len(edited))]
        page(n, "edited", third, edited + ["（责任编辑：王小明）"])
        if n % 3 == 0:
            page(n, "copy", home, [p + " " for p in paras])
        if n % 4 == 1:
            follow = all_stories[(n + 5) % len(all_stories)]
            page(n, "followup", other, paras[: len(paras) // 2] + follow[len(follow) // 2:])
    rng.shuffle(docs)
    return docs, cluster


def precision_recall(rejected: list[dict], docs: list[dict], cluster: dict[str, int]) -> tuple[float, float, int]:
    removed = [r for r in rejected if r["rejected"]["reason"].endswith("duplicate")]
    right = sum(cluster[r["id"]] == cluster[r["rejected"]["duplicate_of"]] for r in removed)
    sizes: dict[int, int] = {}
    for d in docs:
        sizes[cluster[d["id"]]] = sizes.get(cluster[d["id"]], 0) + 1
    should = sum(s - 1 for s in sizes.values())
    return right / max(1, len(removed)), right / should, len(removed)


@pytest.fixture(scope="module")
def repost_corpus(tmp_path_factory):
    docs, cluster = reposts()
    folder = tmp_path_factory.mktemp("reposts")
    path = folder / "reposts.jsonl"
    path.write_bytes(b"".join(orjson.dumps(d) + b"\n" for d in docs))
    return path, docs, cluster


def _dedup_run(path, tmp_path, mode: str, threshold: float | None = None):
    cfg = Config.defaults().with_options(**{"corpus.dedup": mode, "corpus.near_threshold": threshold,
                                            "corpus.workers": 2, "corpus.quality": False})
    rej = tmp_path / f"rejected-{mode}-{threshold}.jsonl"
    run([str(path)], str(tmp_path / "out.jsonl"), cfg, options=Options(rejected=str(rej)))
    return [orjson.loads(x) for x in rej.read_bytes().splitlines()]


@pytest.mark.parametrize("threshold, min_precision, min_recall", [
    (None, 0.98, 0.85),  # the default, 0.7 (docs/corpus.md has the figures)
    (0.9, 1.0, 0.5),  # stricter: fewer removals, never wrong ones
])
def test_near_dedup_precision_and_recall_on_reposts(repost_corpus, tmp_path, threshold, min_precision, min_recall):
    path, docs, cluster = repost_corpus
    rejected = _dedup_run(path, tmp_path, "near", threshold)
    p, r, n = precision_recall(rejected, docs, cluster)
    print(f"\nnear dedup (threshold {threshold or 'default'}) on {len(docs)} documents "
          f"({len(set(cluster.values()))} clusters): {n} removed, precision {p:.3f}, recall {r:.3f}")
    assert p >= min_precision and r >= min_recall


def test_exact_dedup_catches_only_copies(repost_corpus, tmp_path):
    path, docs, cluster = repost_corpus
    rejected = _dedup_run(path, tmp_path, "exact")
    p, r, n = precision_recall(rejected, docs, cluster)
    print(f"\nexact dedup: {n} removed, precision {p:.3f}, recall {r:.3f}")
    assert p == 1.0
    kinds = {x["id"].split("-")[1] for x in rejected}
    assert kinds <= {"copy", "restyled", "original"}  # whitespace, punctuation and width only
    assert 0.2 < r < 0.8


def test_first_in_input_order_is_kept_and_each_removal_names_it(tmp_path):
    text = ("这是一篇关于城市交通发展的新闻报道，记者走访了多个地铁站点，了解市民出行情况。"
            "早高峰时段，换乘通道里人流密集，工作人员在闸机旁引导乘客有序通行。"
            "市交通委表示，明年将新开通两条线路，并优化公交与地铁的接驳。")
    lines = [{"id": "b", "text": text}, {"id": "a", "text": text.replace("，", ",")},
             {"id": "c", "text": text + "另有补充。"}]
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"".join(orjson.dumps(x) + b"\n" for x in lines))
    rej = tmp_path / "rej.jsonl"
    cfg = Config.defaults().with_options(**{"corpus.workers": 1})
    res = run([str(src)], str(tmp_path / "out.jsonl"), cfg, options=Options(rejected=str(rej)))
    out = [orjson.loads(x) for x in (tmp_path / "out.jsonl").read_bytes().splitlines()]
    assert [x["id"] for x in out] == ["b"]
    removed = {x["id"]: x["rejected"] for x in map(orjson.loads, rej.read_bytes().splitlines())}
    assert removed == {"a": {"reason": "exact-duplicate", "duplicate_of": "b"},
                       "c": {"reason": "near-duplicate", "duplicate_of": "b"}}
    assert res.report["duplicates"]["largest"] == [{"kept": "b", "removed": 2}]
    assert {"removed": "c", "kept": "b", "kind": "near-duplicate"} in res.report["duplicates"]["pairs"]


def test_exact_key_ignores_punctuation_width_and_case_not_words():
    assert dedup_key("Ｈｅｌｌｏ，世界！") == dedup_key("hello, 世界!")
    assert dedup_key("今天下雨") != dedup_key("明天下雨")


@pytest.mark.parametrize("front", [1, 1024])  # the database or the in-memory front
def test_index_confirms_candidates_with_signatures(front):
    s = Signer("near", 0.8)
    base = "市场监管总局今天发布消息，将在全国范围内开展食品安全专项检查，重点检查校园周边和农村地区。" * 4
    far = "国家统计局公布的数据显示，十月份全国居民消费价格同比上涨，其中食品价格涨幅有所回落。" * 4
    (a, _), (b, _), (c, _) = s.sketch_keys([dedup_key(base), dedup_key(base[:-10]), dedup_key(far)])
    assert estimate_jaccard(a.sig, b.sig) > 0.8 > estimate_jaccard(a.sig, c.sig)
    ix = Index("near", 0.8, front=front)
    ix.add(a, "a")
    assert ix.check(b) == ("near-duplicate", "a") and ix.check(c) is None
    assert Index("off").check(a) is None
    ix.close()


def test_lsh_params_move_with_the_threshold():
    bands_low, _ = lsh_params(0.5, 128)
    bands_high, _ = lsh_params(0.9, 128)
    assert bands_low > bands_high


# -- the index on disk decides as dictionaries did ----------------------------------------------

class DictIndex:
    """The index as dictionaries in memory (as it was before it moved to disk): the reference."""

    def __init__(self, mode: str, threshold: float = 0.8):
        self.mode, self.threshold = mode, threshold
        self.exact, self.buckets, self.docs = {}, {}, []

    def check(self, sk):
        hit = self.exact.get(sk.exact)
        if hit is not None:
            return "exact-duplicate", self.docs[hit][0]
        if self.mode == "near" and sk.sig:
            tried = set()
            for band in sk.bands:
                j = self.buckets.get(band)
                if j is None or j in tried:
                    continue
                tried.add(j)
                if estimate_jaccard(sk.sig, self.docs[j][1]) >= self.threshold:
                    return "near-duplicate", self.docs[j][0]
        return None

    def add(self, sk, doc_id):
        j = len(self.docs)
        self.docs.append((doc_id, sk.sig))
        self.exact.setdefault(sk.exact, j)
        if self.mode == "near":
            for band in sk.bands:
                self.buckets.setdefault(band, j)


def generated_sketches(n: int = 3000, seed: int = 5) -> list[tuple[Sketch, str]]:
    """Sketches with exact copies, near copies (most signature bytes and some bands shared),
    far documents that share band keys (candidates below the threshold, band keys above 2**63)
    and keys that several kept documents carry."""
    rng = random.Random(seed)
    pool = [rng.getrandbits(64) for _ in range(n)]  # band keys drawn from a small pool collide often
    out: list[tuple[Sketch, str]] = []
    for i in range(n):
        exact = rng.getrandbits(128).to_bytes(16, "little")
        bands = [rng.choice(pool) if rng.random() < 0.15 else rng.getrandbits(64) for _ in range(9)]
        sig = bytearray(rng.getrandbits(8) for _ in range(128))
        if out and rng.random() < 0.1:  # an exact copy, with other bands
            exact = rng.choice(out)[0].exact
        elif out and rng.random() < 0.2:  # a near copy (or, with many bytes changed, a far one)
            old = rng.choice(out)[0]
            sig = bytearray(old.sig)
            for k in rng.sample(range(128), rng.choice([5, 20, 60])):
                sig[k] = rng.getrandbits(8)
            bands = [b if rng.random() < 0.4 else bands[m] for m, b in enumerate(old.bands)]
        out.append((Sketch(exact, tuple(bands), bytes(sig)), f"d{i}"))
    return out


def decisions(index, entries) -> list:
    found = []
    for sk, doc_id in entries:
        hit = index.check(sk)
        found.append(hit)
        if hit is None:
            index.add(sk, doc_id)
    return found


@pytest.mark.parametrize("mode", ["near", "exact"])
@pytest.mark.parametrize("front", [1, 7, 1024])
def test_index_decides_as_dictionaries(mode, front, tmp_path):
    entries = generated_sketches()
    want = decisions(DictIndex(mode), entries)
    kinds = {h[0] for h in want if h}
    assert kinds == ({"exact-duplicate", "near-duplicate"} if mode == "near" else {"exact-duplicate"})
    with Index(mode, 0.8, str(tmp_path), front=front) as ix:
        assert decisions(ix, entries) == want
        kept = [(sk, i) for (sk, i), h in zip(entries, want) if h is None]
        assert len(ix) == len(kept)
        if mode == "near":
            assert list(ix.entries()) == kept


@pytest.mark.parametrize("front", [1, 7])
def test_index_saved_and_loaded_resumes_the_same_decisions(front):
    entries = generated_sketches()
    want = decisions(DictIndex("near"), entries)
    files, got = [], []
    with Index("near", front=front) as first:
        for part in (entries[:500], entries[500:1200], entries[1200:1500]):
            got += decisions(first, part)
            files.append(io.BytesIO())
            first.save(files[-1])
            assert first.saved == len(first)
        assert first.save(io.BytesIO()) == 0  # nothing new
    with Index("near", front=front) as second:  # a new run, resumed from the saved files
        for f in files:
            f.seek(0)
            second.load(f)
        assert len(second) == second.saved == sum(h is None for h in want[:1500])
        got += decisions(second, entries[1500:])
    assert got == want


def test_index_loads_a_single_pickled_list():
    entries = generated_sketches(200)
    want = decisions(DictIndex("near"), entries)
    kept = [(sk, i) for (sk, i), h in zip(entries[:100], want) if h is None]
    with Index("near", front=3) as ix:
        ix.load(io.BytesIO(pickle.dumps(kept)))
        assert decisions(ix, entries[100:]) == want[100:]


def _index_fds() -> list[str]:
    """The index databases this process holds open (what their descriptors point at)."""
    fds = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if ".corpuskit-index-" in target:
            fds.append(target)
    return fds


needs_proc = pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="open files listed by /proc only")


@needs_proc
def test_index_file_has_no_name_while_open_and_is_closed(tmp_path):
    sk = generated_sketches(1)[0][0]
    ix = Index("near", folder=str(tmp_path), front=1)
    ix.add(sk, "a")
    assert list(tmp_path.iterdir()) == [] and len(_index_fds()) == 1
    assert ix.check(sk) == ("exact-duplicate", "a")
    ix.close()
    ix.close()
    assert _index_fds() == [] and len(ix) == 0 and ix.check(sk) is None


def test_index_file_that_cannot_be_unlinked_while_open_is_removed_on_close(tmp_path, monkeypatch):
    refused = []
    unlink = os.unlink

    def refuse_once(path, *a, **kw):
        if not refused:
            refused.append(path)
            raise PermissionError(path)
        unlink(path, *a, **kw)

    monkeypatch.setattr(os, "unlink", refuse_once)
    ix = Index("exact", folder=str(tmp_path), front=1)
    ix.add(Sketch(b"k" * 16), "a")
    assert [p.name for p in tmp_path.iterdir()] == [os.path.basename(refused[0])]
    ix.close()
    assert list(tmp_path.iterdir()) == []


@pytest.fixture(scope="module")
def repost_shards(repost_corpus, tmp_path_factory):
    """The repost corpus in four input files (shards, each checkpointed)."""
    _, docs, _ = repost_corpus
    folder = tmp_path_factory.mktemp("repost-shards")
    for k in range(4):
        (folder / f"part-{k}.jsonl").write_bytes(b"".join(orjson.dumps(d) + b"\n" for d in docs[k::4]))
    return folder


def _stop_after(n, error=KeyboardInterrupt):
    def hook(count):
        if count >= n:
            raise error
    return hook


@needs_proc
def test_runs_with_the_index_on_disk_write_the_same_bytes_and_leave_nothing(repost_shards, tmp_path, monkeypatch):
    def clean(name, workers, **opts):
        cfg = Config.defaults().with_options(**{"corpus.workers": workers})
        res = run([str(repost_shards)], str(tmp_path / f"{name}.jsonl"), cfg,
                  options=Options(rejected=str(tmp_path / f"{name}-rejected.jsonl"), **opts))
        assert _index_fds() == []
        return res

    clean("memory", 1)  # few enough documents to stay in the front
    monkeypatch.setattr(runner, "Index", functools.partial(Index, front=1))  # each entry to the database
    for workers in (1, 2):
        assert clean(f"disk{workers}", workers).report["dropped"]["near-duplicate"] > 0
    with pytest.raises(RuntimeError):
        clean("failed", 2, on_document=_stop_after(50, RuntimeError))
    assert clean("resumed", 2, checkpoint_seconds=0, on_document=_stop_after(100)).interrupted
    resumed = clean("resumed", 2, resume=True)
    assert resumed.report["shards"]["skipped_by_resume"] > 0
    for name in ("disk1", "disk2", "resumed"):
        for suffix in (".jsonl", "-rejected.jsonl"):
            assert (tmp_path / f"{name}{suffix}").read_bytes() == (tmp_path / f"memory{suffix}").read_bytes()
    assert not [p for p in tmp_path.rglob("*") if "corpuskit-index" in p.name]
