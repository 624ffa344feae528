"""``label()``: zero-shot labels for any list of texts, from files (split into sentences, or one item
per line) or given directly. The library side of ``framing label``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..embed import CachedEncoder, Encoder, resolve_encoder
from ..ingest import InputError, expand_inputs, load_documents, read_text
from .classify import Classifier, Labelling, resolve_classifier
from .labels import LabelSet, load_labels


@dataclass(frozen=True)
class Item:
    text: str
    source: str  # the input path as given
    position: int  # 1-based, like an editor's line number: the line with --lines, else the sentence (its id + 1)


@dataclass
class LabelResult:
    items: list[Item]
    labelling: Labelling
    label_set: LabelSet
    errors: list[InputError] = field(default_factory=list)

    def to_list(self, top: int | None = None) -> list[dict]:
        """The JSON shape: one entry per item, in input order, labels best first."""
        n = top or len(self.label_set)
        return [
            {
                "text": item.text,
                "source": item.source,
                "position": item.position,
                "labels": [{"label": name, "score": round(score, 4)} for name, score in self.labelling.top(i, n)],
                "abstained": bool(self.labelling.abstained[i]),
            }
            for i, item in enumerate(self.items)
        ]


def read_items(paths: Sequence[str], lines: bool) -> tuple[list[Item], list[InputError]]:
    """Items from files: each non-blank line with ``lines``, else each body sentence."""
    if not lines:
        ingested = load_documents(list(paths))
        items = [Item(s.text, d.path, s.id + 1) for d in ingested.documents for s in d.sentences]
        return items, ingested.errors
    files, errors = expand_inputs(list(paths))
    items: list[Item] = []
    for path in files:
        try:
            raw = read_text(path)
        except InputError as exc:
            errors.append(exc)
            continue
        found = [Item(line.strip(), path, number) for number, line in enumerate(raw.text.splitlines(), 1) if line.strip()]
        if not found:
            errors.append(InputError(path, "no non-blank lines"))
        items.extend(found)
    return items, errors


def label(
    inputs: Sequence[str | Path] | None = None,
    texts: Sequence[str] | None = None,
    labels: LabelSet | str | Path | None = None,
    classifier: Classifier | str | None = None,
    encoder: Encoder | str | None = None,
    lines: bool = False,
) -> LabelResult:
    """Label the sentences (or, with ``lines``, the lines) of ``inputs``, and/or the given ``texts``."""
    items, errors = read_items([str(p) for p in inputs], lines) if inputs else ([], [])
    items += [Item(t, "<text>", i) for i, t in enumerate(texts or [], 1)]
    label_set = labels if isinstance(labels, LabelSet) else load_labels(labels)
    if isinstance(classifier, str) and classifier.startswith("nli:"):
        chosen: Classifier = resolve_classifier(classifier, None)  # NLI needs no sentence encoder
    elif classifier is not None and not isinstance(classifier, str):
        chosen = classifier
    else:
        model = resolve_encoder(encoder) if encoder is None or isinstance(encoder, str) else encoder
        chosen = resolve_classifier(classifier, CachedEncoder(model))
    labelling = chosen.classify([item.text for item in items], label_set)
    return LabelResult(items, labelling, label_set, errors)
