"""Frame labels on the seeds against the hand-labelled set in eval/gold/seed_frames.toml.

    python -m eval.seed_frames [--encoder SPEC] [--labels FILE] [--show]

Prints per-frame precision / recall (a prediction counts as right when it is one of the frames the
gold allows for that sentence; recall is over each frame's primary gold sentences), overall
accuracy with abstentions, and a majority-frame baseline. --show adds what a researcher reads off
the seeds: the frames each outlet gives the claims shared across outlets, each article's frame
profile, and the loaded words and attributions found in each article.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from eval.common import step, table
from eval.seed_alignment import SEEDS, find_sentence
from framing.pipeline import compare
from framing.render.views import document_cues
from framing.result import ComparisonResult

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

GOLD = Path(__file__).parent / "gold" / "seed_frames.toml"


def load_gold(result: ComparisonResult, path: Path = GOLD) -> tuple[dict[tuple[str, int], list[str]], list[str]]:
    """The gold frames by sentence, and the gold lines that reading set aside (a section title listed as a
    subheading since stop 31): they are no sentence to label, so they are left out of the score and counted."""
    documents = {d.id: d for d in result.documents}
    gold, set_aside = {}, []
    for entry in tomllib.loads(path.read_text(encoding="utf-8"))["sentence"]:
        try:
            gold[find_sentence(documents, entry["doc"], entry["text"])] = list(entry["frames"])
        except ValueError:
            doc = next(d for d in documents.values() if d.id.startswith(entry["doc"]))
            removed = [span.reason for span in doc.removed if entry["text"] in span.text]
            if not removed:
                raise
            set_aside.append(f"{entry['doc']}: {entry['text']!r} ({removed[0]})")
    return gold, set_aside


def score(result: ComparisonResult, path: Path = GOLD) -> tuple[dict[str, float], list[list]]:
    gold, set_aside = load_gold(result, path)
    full_id = {d.id[:3]: d.id for d in result.documents}
    predicted = {key: result.sentence_frame(full_id[key[0]], key[1]) for key in gold}
    right = sum(1 for key, frames in gold.items() if (predicted[key] in frames) or (not frames and predicted[key] is None))
    primary = Counter(frames[0] for frames in gold.values() if frames)
    majority = primary.most_common(1)[0][0]
    rows = []
    for frame in sorted(set(primary) | {p for p in predicted.values() if p}):
        said = [key for key, p in predicted.items() if p == frame]
        precision = sum(1 for key in said if frame in gold[key]) / len(said) if said else 0.0
        wanted = [key for key, frames in gold.items() if frames and frames[0] == frame]
        recall = sum(1 for key in wanted if predicted[key] in gold[key]) / len(wanted) if wanted else 0.0
        rows.append([frame, len(wanted), len(said), precision, recall])
    metrics = {
        "sentences": len(gold),
        "accuracy": right / len(gold),
        "majority-frame baseline": sum(1 for frames in gold.values() if majority in frames) / len(gold),
        "abstained": sum(1 for p in predicted.values() if p is None) / len(gold),
        "gold no-frame": sum(1 for f in gold.values() if not f),
        "gold lines set aside by reading": len(set_aside),
    }
    return metrics, rows


def show(result: ComparisonResult) -> None:
    by_id = {d.id: d for d in result.documents}
    print("\nFrames each outlet gives the claims reported by more than one outlet:")
    for cluster in result.clusters:
        if len(cluster.documents) < 2:
            continue
        print(f"  {cluster.id}")
        for doc_id, frame in result.cluster_frames(cluster).items():
            sentence = next(m.sentence for m in cluster.members if m.document == doc_id)
            text = by_id[doc_id].sentences[sentence].text
            print(f"    {by_id[doc_id].outlet or doc_id[:3]:<40} {frame or '(abstains)':<36} {text[:60]}")
    print("\nFrame profile per article (mean over sentences, top 3):")
    for d in result.documents:
        profile = ", ".join(f"{name} {value:.2f}" for name, value in list(result.document_frames(d.id).items())[:3])
        print(f"  {d.id[:3]} {d.outlet or '':<34} {profile}")
    print("\nLoaded words and attributions per article:")
    for d in result.documents:
        found = document_cues(result, d, ("loaded", "attribution", "hedging"))
        summary = "; ".join(f"{kind}: {', '.join(words)}" for kind, words in sorted(found.items()))
        print(f"  {d.id[:3]} {summary or '(none found)'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--encoder", default=None)
    parser.add_argument("--labels", default=None, help="label TOML (default: the 14 Policy Frames)")
    parser.add_argument("--seeds", default=str(SEEDS))
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    step(f"framing compare {args.seeds}, with frames")
    result = compare([args.seeds], encoder=args.encoder, labels=args.labels)
    metrics, rows = score(result)
    print(table(list(metrics), [list(metrics.values())]))
    print()
    print(table(["frame", "gold (primary)", "predicted", "precision", "recall"], rows))
    if args.show:
        show(result)


if __name__ == "__main__":
    main()
