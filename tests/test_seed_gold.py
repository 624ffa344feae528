"""The hand-made seed gold must keep pointing at real sentences, one each."""

from __future__ import annotations

from eval.seed_alignment import load_gold, score
from framing.pipeline import compare

from .conftest import SEEDS, FakeEncoder, fake_grouping


def test_gold_excerpts_resolve_to_one_sentence_each():
    result = compare([str(SEEDS)], encoder=FakeEncoder(), grouping=fake_grouping())
    sure, possible, prefixes = load_gold(result)
    assert prefixes == ["000", "001", "002"]
    assert len(sure) == 8 and len(possible) == 18
    assert not sure & possible
    metrics = score(result)
    assert 0.0 <= metrics["pair P"] <= 1.0 and metrics["gold omissions"] > 0
