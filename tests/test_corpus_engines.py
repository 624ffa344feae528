"""The corpus on the real bundled model: the local and the Ray engine (a local 2-CPU Ray) write the
same tables, and an event read back is the one ``framing compare`` finds on the seeds."""

from __future__ import annotations

import pytest

from framing.corpus import build_corpus, open_corpus
from framing.corpus.store import CorpusStore, table_digests
from framing.pipeline import compare

from .conftest import SEEDS
from .test_corpus import pile_rows, write_jsonl

pytestmark = pytest.mark.model


def test_local_and_ray_engines_write_the_same_tables(model_cache, monkeypatch, tmp_path):
    pytest.importorskip("ray")
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(model_cache))
    export = write_jsonl(tmp_path / "x.jsonl", pile_rows("blinken_brussels", "b-")[:8])
    inputs = [str(SEEDS), str(export)]
    local = build_corpus(inputs, tmp_path / "local", engine="local")
    from framing.corpus.engine import RayEngine

    ray_engine = RayEngine(workers=2)  # two one-thread workers on the local Ray
    on_ray = build_corpus(inputs, tmp_path / "ray", engine=ray_engine)
    assert local.added == on_ray.added == 13 and not local.errors and not on_ray.errors
    assert table_digests(tmp_path / "local") == table_digests(tmp_path / "ray")  # all seven tables, row for row
    stored = CorpusStore(tmp_path / "local")
    assert len(stored.read("sentences", columns=["document"])) > 100 and len(stored.read("clusters", columns=["cluster"])) > 20

    corpus = open_corpus(tmp_path / "local")
    seeds_event = next(e for e in corpus.events() if "000_79bbd20387ac76b2" in e["documents"])
    assert {"001_cd72f790cb89cf5d", "002_258619d2f2043b2c"} <= set(seeds_event["documents"])
    result = compare([str(SEEDS)])
    apart = {d for e in result.events if "000_79bbd20387ac76b2" not in e.documents for d in e.documents}
    assert not apart & set(seeds_event["documents"])  # 003 and 004 stay out, as in compare
