"""Zero-shot topic accuracy on SIB-200 test (204 sentences per language, 7 topics, no training).

Labels come from eval/labels/sib200_topics.toml (definitions and examples written for this
project). Variants show what each part of the embedding zero-shot classifier adds.

    python -m eval.sib200_zero_shot [--data DIR] [--encoder SPEC] [--labels FILE]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

import numpy as np

from eval.common import data_dir, embed, require_data, step, table
from eval.flores_retrieval import LANGUAGES
from framing.frames.classify import zero_shot_scores
from framing.frames.labels import Label, LabelSet, load_labels

LABELS = Path(__file__).parent / "labels" / "sib200_topics.toml"


def load_split(data: Path, folder: str, split: str) -> tuple[list[str], list[str]]:
    lines = (data / "sib200" / folder / f"{split}.tsv").read_text(encoding="utf-8").splitlines()[1:]
    rows = [line.split("\t") for line in lines]
    return [r[2] for r in rows], [r[1] for r in rows]


def english_examples(path: str | Path) -> dict[str, tuple[str, ...]]:
    """Each label's English examples only, from the label file (a user who writes examples in one language)."""
    import tomllib

    entries = tomllib.loads(Path(path).read_text(encoding="utf-8"))["label"]
    return {e["name"]: tuple(e.get("examples", {}).get("en", [])) for e in entries}


def variants(labels: LabelSet, english: dict[str, tuple[str, ...]] | None = None) -> dict[str, tuple[LabelSet, str]]:
    names = LabelSet("names", tuple(Label(x.name, "") for x in labels.labels))
    descriptions = LabelSet("descriptions", tuple(Label(x.name, x.description) for x in labels.labels))
    one_language = LabelSet("english", tuple(Label(x.name, x.description, (english or {}).get(x.name, ())) for x in labels.labels))
    return {
        "label names, raw cosine": (names, "none"),
        "descriptions, raw cosine": (descriptions, "none"),
        "descriptions + English examples only, raw cosine": (one_language, "none"),
        "descriptions + examples, raw cosine (default)": (labels, "none"),
        "descriptions + examples, background-standardised": (labels, "background"),
        "descriptions + examples, batch-standardised": (labels, "batch"),
        "descriptions + examples, background + batch": (labels, "background+batch"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="folder holding sib200/ (default: $FRAMING_DATA or ../shared/data)")
    parser.add_argument("--encoder", default=None)
    parser.add_argument("--labels", default=str(LABELS))
    args = parser.parse_args()
    data = require_data(data_dir(args.data), "sib200")
    labels = load_labels(args.labels)
    label_vectors = {}
    english = english_examples(args.labels)
    for name, (label_set, _) in variants(labels, english).items():
        step(f"embedding the label texts: {name}")
        label_vectors[name] = [embed(x.texts, args.encoder) for x in label_set.labels]
    rows = []
    timing = None
    codes = list(LANGUAGES)
    results: dict[str, dict[str, float]] = {}
    abstain: dict[str, tuple[float, float]] = {}
    for code, folder in LANGUAGES.items():
        texts, gold = load_split(data, folder, "test")
        step(f"{code}: embedding {len(texts)} test sentences and labelling them")
        vectors = embed(texts, args.encoder)
        majority = Counter(gold).most_common(1)[0][1] / len(gold)
        results.setdefault("majority baseline", {})[code] = majority
        for name, (label_set, calibration) in variants(labels, english).items():
            start = time.perf_counter()
            probabilities, _, _, abstained = zero_shot_scores(vectors, label_vectors[name], calibration)
            if name.endswith("(default)"):
                timing = time.perf_counter() - start
                kept = ~abstained
                predicted = np.asarray(label_set.names)[probabilities.argmax(axis=1)]
                abstain[code] = (float(abstained.mean()), float((predicted[kept] == np.asarray(gold)[kept]).mean()))
            predicted = [label_set.names[j] for j in probabilities.argmax(axis=1)]
            results.setdefault(name, {})[code] = float(np.mean([p == g for p, g in zip(predicted, gold)]))
    for name, by_code in results.items():
        rows.append([name, *[by_code[c] for c in codes]])
    print(f"SIB-200 test, zero-shot topic accuracy ({len(labels)} labels, no training)")
    print(table(["variant", *codes], rows))
    print()
    print(table(["default", *codes], [["abstained share", *[abstain[c][0] for c in codes]],
                                     ["accuracy where not abstained", *[abstain[c][1] for c in codes]]]))
    print(f"\nlabelling 204 sentences x {len(labels)} labels once embeddings exist: {timing * 1000:.2f} ms")
    step("timing the 14 Policy Frames on 1,000 train sentences")
    frames = load_labels()
    frame_vectors = [embed(x.texts, args.encoder) for x in frames.labels]
    texts = [t for _, folder in LANGUAGES.items() for t in load_split(data, folder, "train")[0]][:1000]
    vectors = embed(texts, args.encoder)
    start = time.perf_counter()
    zero_shot_scores(vectors, frame_vectors)
    print(f"labelling {len(texts)} sentences x {len(frames)} Policy Frames once embeddings exist: "
          f"{(time.perf_counter() - start) * 1000:.2f} ms")


if __name__ == "__main__":
    main()
