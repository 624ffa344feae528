from __future__ import annotations

import hashlib
import re
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED_DATA = ROOT.parent / "shared" / "data"


class FakeEncoder:
    """Deterministic bag-of-character-trigram hashing encoder, behind the same protocol as the real ones.

    Texts sharing many trigrams get similar vectors, which is enough for translations of the
    same words to fail and copies to succeed: tests use it for plumbing, not for quality.
    """

    name = "fake:trigram-hash"

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim
        self.calls = 0

    def encode(self, texts):
        self.calls += 1
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            t = re.sub(r"\s+", " ", text.lower())
            for j in range(len(t) - 2):
                h = int.from_bytes(hashlib.md5(t[j : j + 3].encode()).digest()[:4], "little")
                out[i, h % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-12)


# The fake encoder cannot tell a Bulgarian sentence is a Russian one's translation, so its scores sit
# lower than e5's: tests on the seeds group with a lower threshold (the CLI's --group-threshold).
FAKE_THRESHOLD = 0.4


def fake_grouping():  # noqa: ANN201 - GroupingParams
    from framing.match import GroupingParams

    return GroupingParams(threshold=FAKE_THRESHOLD)


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path_factory, monkeypatch):
    """Each test writes its embedding cache to a temporary folder; the model folder is shared."""
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def fake_encoder():
    return FakeEncoder()


@pytest.fixture(scope="session")
def model_cache(tmp_path_factory):
    """One model folder for every real-model test in the session; a user's real cache is never touched."""
    import os

    return Path(os.environ.get("FRAMING_TEST_MODEL_CACHE") or tmp_path_factory.mktemp("model-cache"))
