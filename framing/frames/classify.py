"""Zero-shot labelling behind one small protocol: ``classify(texts, labels) -> Labelling``.

Two backends:

* :class:`EmbeddingZeroShot` (the offline default) scores a sentence by its cosine to each label's
  prototype (the mean vector of the label's definition and examples, balanced across languages).
  Raw e5 cosines crowd together (every label scores ~0.8): a temperature spreads them into
  probabilities, and a sentence whose best label is not clearly ahead of the runner-up abstains.
  Per-label standardising (against the other labels' texts, or over the batch) is available
  (``calibration``) but measured worse than raw cosines on SIB-200 once examples were balanced
  across languages (eval/sib200_zero_shot.py). It reuses sentence vectors already computed
  (:meth:`EmbeddingZeroShot.classify_vectors`).
* :class:`NLIZeroShot` runs transformers' zero-shot-classification pipeline with an NLI model a
  user names (e.g. a multilingual XNLI model). No NLI weights can be installed offline here, so
  its accuracy was not measured in this project.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

import numpy as np

from ..embed import Encoder, require_model
from .labels import LabelSet

log = logging.getLogger(__name__)

# Abstain when the best label's raw cosine leads the runner-up's by less than this: on SIB-200 it
# set aside 15-18% of sentences in every language and lifted accuracy on the rest from ~0.81 to ~0.85.
DEFAULT_ABSTAIN_BELOW = 0.005
# Batches at least this large are also centred on themselves (the batch is a better background
# than a handful of label examples once it is big enough to hold many topics).
BATCH_CENTRING_MIN = 40
BATCH_WEIGHT = 0.5
SOFTMAX_TEMPERATURE = 1.0
# Raw e5 cosines to label prototypes differ by hundredths; this spreads them into usable probabilities.
COSINE_TEMPERATURE = 0.01
DEFAULT_CALIBRATION = "none"
# An article uses a frame when the frame tops at least this share of its sentences that have one (chosen on
# the tuning stories of eval/gold/ntrex_frames.toml; eval.ntrex_frames reports the held-out ones).
ARTICLE_SHARE = 0.15
# A label pair is "too close" on a batch when this share of all its texts abstain between those two labels.
CLOSE_PAIR_SHARE = 0.1
CALIBRATIONS = ("none", "background", "batch", "background+batch")


@dataclass
class Labelling:
    """Scores of ``n`` texts against ``len(labels)`` labels, best first per text via :meth:`top`."""

    labels: list[str]
    scores: np.ndarray  # (n, L) calibrated, each row sums to 1
    raw: np.ndarray  # (n, L) the backend's own scores (cosines, or NLI probabilities)
    abstained: np.ndarray  # (n,) True where no label fits well enough
    method: str = ""
    details: dict = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.scores)

    def top(self, i: int, n: int = 3) -> list[tuple[str, float]]:
        order = np.argsort(-self.scores[i])[:n]
        return [(self.labels[j], float(self.scores[i, j])) for j in order]

    def best(self, i: int) -> str | None:
        return None if self.abstained[i] else self.labels[int(np.argmax(self.scores[i]))]

    def distribution(self, rows: Sequence[int] | None = None) -> dict[str, float]:
        """Mean label scores over ``rows`` (all by default): a document's or outlet's frame profile.

        The mean, not the max: averaging over an article's sentences measured better on framing data.
        """
        picked = self.scores if rows is None else self.scores[list(rows)]
        if len(picked) == 0:
            return {}
        mean = picked.mean(axis=0)
        return {self.labels[j]: float(mean[j]) for j in np.argsort(-mean)}


    def used(self, rows: Sequence[int], share: float | None = None) -> list[str]:
        """The labels a text made of ``rows`` (an article's sentences) uses, most used first: each label that is
        the decided top label of at least ``share`` (default ARTICLE_SHARE) of its rows that have one, and the
        most used label at least (none when every row abstains)."""
        return frames_used([self.best(i) for i in rows], share)

    def close_pairs(self, min_share: float = CLOSE_PAIR_SHARE) -> list[tuple[str, str, float]]:
        """Pairs of labels the texts cannot tell apart: for each pair, the share of all texts that abstained
        with those two labels on top (best first; those at ``min_share`` or more). A label set with such a
        pair is weak on these texts: its labels are too close to each other to split them."""
        if len(self) == 0 or len(self.labels) < 2:
            return []
        order = np.argsort(-self.raw, axis=1)[:, :2]
        pairs = Counter(tuple(sorted((int(a), int(b)))) for (a, b), gone in zip(order, self.abstained) if gone)
        found = [(self.labels[a], self.labels[b], k / len(self)) for (a, b), k in pairs.most_common()]
        return [p for p in found if p[2] >= min_share]


def frames_used(decided: Sequence[str | None], share: float | None = None) -> list[str]:
    """The labels a text uses, given its rows' decided labels (None where a row abstains): see
    :meth:`Labelling.used`."""
    share = ARTICLE_SHARE if share is None else share
    counts = Counter(label for label in decided if label is not None)
    total = sum(counts.values())
    return [label for n, (label, k) in enumerate(counts.most_common()) if n == 0 or k / total >= share]


def article_shares(frame_sets: Sequence[Sequence[str]]) -> dict[str, dict[str, float]]:
    """For a group of articles given by the frames each uses (an outlet's): per frame, most used first, the
    share of the articles using it with its 95% Wilson interval ({"share", "low", "high", "articles"})."""
    counts = Counter(frame for frames in frame_sets for frame in frames)
    n = len(frame_sets)
    out: dict[str, dict[str, float]] = {}
    for frame, k in counts.most_common():
        low, high = wilson_interval(k, n)
        out[frame] = {"share": k / n, "low": low, "high": high, "articles": n}
    return out


def wilson_interval(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """95% Wilson score interval of a share k/n (wide when n is small; (0, 1) when n is 0)."""
    if n == 0:
        return 0.0, 1.0
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


@runtime_checkable
class Classifier(Protocol):
    name: str

    def classify(self, texts: Sequence[str], labels: LabelSet) -> Labelling: ...


def softmax(z: np.ndarray, temperature: float = SOFTMAX_TEMPERATURE) -> np.ndarray:
    shifted = z / temperature - (z / temperature).max(axis=1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=1, keepdims=True)


def prototypes(label_vectors: Sequence[np.ndarray]) -> np.ndarray:
    """One unit vector per label: the mean of its definition's and examples' vectors."""
    means = np.stack([v.mean(axis=0) for v in label_vectors])
    return means / np.maximum(np.linalg.norm(means, axis=1, keepdims=True), 1e-12)


def background_stats(label_vectors: Sequence[np.ndarray], protos: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per label: mean and spread of its cosine to the *other* labels' texts (what it is not)."""
    means, spreads = [], []
    for j in range(len(label_vectors)):
        others = np.concatenate([v for k, v in enumerate(label_vectors) if k != j])
        cos = others @ protos[j]
        means.append(cos.mean())
        spreads.append(max(cos.std(), 1e-3))
    return np.asarray(means), np.asarray(spreads)


def zero_shot_scores(
    sentence_vectors: np.ndarray,
    label_vectors: Sequence[np.ndarray],
    calibration: str = DEFAULT_CALIBRATION,
    abstain_below: float = DEFAULT_ABSTAIN_BELOW,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Pure function on arrays: (probabilities, ranking scores, raw cosines, abstained).

    ``calibration`` decides the ranking: "none" (raw cosine to each prototype; best measured on
    SIB-200 with balanced multilingual examples), "background" (standardise each label against the
    other labels' texts), "batch" (standardise each label over the batch), "background+batch".
    Probabilities are a softmax of the ranking scores. A sentence abstains when its best label's raw
    cosine leads the runner-up by less than ``abstain_below``: that gap behaved the same in all four
    languages on SIB-200, where a background-standardised floor abstained on 60% of English and 16%
    of Russian.
    """
    if calibration not in CALIBRATIONS:
        raise ValueError(f"unknown calibration {calibration!r}")
    protos = prototypes(label_vectors)
    # einsum, not BLAS: each score is summed in one fixed order, so a sentence gets the same scores in a
    # batch of one or of thousands (BLAS picks its blocking by matrix shape; the corpus engines rely on this)
    raw = np.einsum("ij,kj->ik", np.asarray(sentence_vectors, dtype=np.float64), np.asarray(protos, dtype=np.float64))
    if calibration == "none":
        ranking = raw / COSINE_TEMPERATURE
    else:
        mu, sigma = background_stats(label_vectors, protos)  # only the standardising rules need it
        z_background = (raw - mu) / sigma
        if calibration == "background" or len(raw) < BATCH_CENTRING_MIN:
            ranking = z_background  # with a small batch, too few sentences to estimate its own spread
        else:
            z_batch = (raw - raw.mean(axis=0)) / np.maximum(raw.std(axis=0), 1e-3)
            ranking = z_batch if calibration == "batch" else (1 - BATCH_WEIGHT) * z_background + BATCH_WEIGHT * z_batch
    if raw.shape[1] > 1:
        ordered = np.sort(raw, axis=1)
        abstained = ordered[:, -1] - ordered[:, -2] < abstain_below
    else:
        abstained = np.zeros(len(raw), dtype=bool)
    return softmax(ranking), ranking, raw, abstained


class EmbeddingZeroShot:
    """Zero-shot labels from sentence embeddings (see the module docstring). Offline default."""

    def __init__(
        self,
        encoder: Encoder,
        calibration: str = DEFAULT_CALIBRATION,
        abstain_below: float = DEFAULT_ABSTAIN_BELOW,
    ) -> None:
        self.encoder = encoder
        self.calibration = calibration
        self.abstain_below = abstain_below
        self.name = f"embedding-zero-shot:{encoder.name}:{calibration}"
        self._label_cache: dict[tuple[str, ...], list[np.ndarray]] = {}

    def label_vectors(self, labels: LabelSet) -> list[np.ndarray]:
        key = tuple(t for label in labels.labels for t in (label.name, *label.texts))
        if key not in self._label_cache:
            texts = [label.texts for label in labels.labels]
            flat = self.encoder.encode([t for group in texts for t in group])
            out, start = [], 0
            for group in texts:
                out.append(flat[start : start + len(group)])
                start += len(group)
            self._label_cache[key] = out
        return self._label_cache[key]

    def classify_vectors(self, vectors: np.ndarray, labels: LabelSet) -> Labelling:
        """Label sentences whose vectors exist already (from the same encoder)."""
        if len(vectors) == 0:
            empty = np.zeros((0, len(labels)))
            return Labelling(labels.names, empty, empty, np.zeros(0, dtype=bool), self.name)
        probabilities, z, raw, abstained = zero_shot_scores(
            vectors, self.label_vectors(labels), self.calibration, self.abstain_below
        )
        return Labelling(labels.names, probabilities, raw, abstained, self.name, {"standardised": z})

    def classify(self, texts: Sequence[str], labels: LabelSet) -> Labelling:
        vectors = self.encoder.encode(list(texts)) if texts else np.zeros((0, 1))
        return self.classify_vectors(vectors, labels)


class NLIZeroShot:
    """transformers' zero-shot-classification pipeline with a user's NLI model (name or path).

    Each label name becomes a hypothesis ("This text is about {label}.") scored by the model's
    entailment probability; multi_label scoring judges every label on its own, then rows are
    normalised to sum to 1 like the embedding backend. A text abstains when no label's entailment
    probability reaches ``abstain_below``.
    """

    def __init__(
        self,
        model: str,
        hypothesis_template: str = "This text is about {}.",
        abstain_below: float = 0.5,
        batch_size: int = 8,
    ) -> None:
        self.model_ref = model
        self.hypothesis_template = hypothesis_template
        self.abstain_below = abstain_below
        self.batch_size = batch_size
        self.name = f"nli-zero-shot:{model}"
        self._pipeline = None

    def _load(self):  # noqa: ANN202 - a transformers Pipeline
        if self._pipeline is None:
            from transformers import pipeline

            require_model(self.model_ref, "NLI model")
            log.info("loading NLI model %s", self.model_ref)
            self._pipeline = pipeline("zero-shot-classification", model=self.model_ref, device="cpu")
        return self._pipeline

    def classify(self, texts: Sequence[str], labels: LabelSet) -> Labelling:
        names = labels.names
        raw = np.zeros((len(texts), len(names)))
        if texts:
            outputs = self._load()(
                list(texts), candidate_labels=names, hypothesis_template=self.hypothesis_template, multi_label=True,
                batch_size=self.batch_size,
            )
            outputs = [outputs] if isinstance(outputs, dict) else outputs
            for i, out in enumerate(outputs):
                for label, score in zip(out["labels"], out["scores"]):
                    raw[i, names.index(label)] = score
        total = np.maximum(raw.sum(axis=1, keepdims=True), 1e-12)
        abstained = raw.max(axis=1) < self.abstain_below if len(raw) else np.zeros(0, dtype=bool)
        return Labelling(names, raw / total, raw, abstained, self.name)


def resolve_classifier(spec: str | None, encoder: Encoder | None) -> Classifier:
    """``None``/"embedding": the embedding zero-shot default on ``encoder``; "nli:MODEL": an NLI model."""
    if spec is not None and spec.startswith("nli:"):
        return NLIZeroShot(spec[4:])
    if spec is None or spec in ("embedding", "default"):
        if encoder is None:
            raise ValueError("the embedding classifier needs an encoder")
        return EmbeddingZeroShot(encoder)
    raise ValueError(f"unknown classifier {spec!r}: use 'embedding' or 'nli:MODEL_NAME_OR_PATH'")
