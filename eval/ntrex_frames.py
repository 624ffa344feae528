"""Frames on news, in four languages: NTREX sentences labelled by the Policy Frames Codebook.

Gold: ``eval/gold/ntrex_frames.toml`` gives, for the first eight lines of 30 NTREX stories (240
English lines, by line number; no text is copied), the frames each line foregrounds (the first is
the primary one; [] where no frame fits). NTREX is 4-way parallel, so the labels carry over to the
Russian, Ukrainian and Bulgarian translations of the same lines. Stories are split by a fixed rule:
every third story (in sorted order) is held out; the rest is the tuning part, on which the article
rule's share and the baseline's k are chosen.

Two tables per language:

* sentences: the classifier's top frame (abstaining = "no frame") against the primary gold frame,
  and against any gold frame; the most frequent primary frame of the tuning part as the baseline;
  how often a sentence that has a gold frame is left with none (abstention on news);
* articles (a story's eight lines as one article): the frame set the article uses, micro-F1 against
  the union of its sentences' gold frames; baseline: the k frames most often in the tuning part's
  gold sets.

    python -m eval.ntrex_frames [--data DIR] [--gold FILE]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from eval.common import data_dir, embed, require_data, step, table
from eval.many_outlets import FILES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

GOLD = Path(__file__).parent / "gold" / "ntrex_frames.toml"
CODES = ("ru", "uk", "bg", "en")
SHARES = (0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5)


def load_gold(path: Path = GOLD) -> list[dict]:
    """Rows {"line" (1-based), "story", "frames"} in file order."""
    return tomllib.loads(path.read_text(encoding="utf-8"))["sentence"]


def split(rows: list[dict]) -> tuple[set[str], set[str]]:
    """(tuning stories, held-out stories): every third story in sorted order is held out."""
    stories = sorted({r["story"] for r in rows})
    held = {s for i, s in enumerate(stories) if i % 3 == 2}
    return set(stories) - held, held


def micro_f1(predicted: list[set], gold: list[set]) -> float:
    tp = sum(len(p & g) for p, g in zip(predicted, gold))
    n_pred, n_gold = sum(map(len, predicted)), sum(map(len, gold))
    if not n_pred or not n_gold:
        return 0.0
    precision, recall = tp / n_pred, tp / n_gold
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="folder holding ntrex/ (default: $FRAMING_DATA or ../shared/data)")
    parser.add_argument("--gold", default=str(GOLD))
    parser.add_argument("--encoder", default=None)
    parser.add_argument("--calibration", default="none", help="the classifier's calibration (none, background, batch, ...)")
    args = parser.parse_args()
    data = require_data(data_dir(args.data), "ntrex")
    from framing.frames import Labelling, load_labels
    from framing.frames.classify import zero_shot_scores

    rows = load_gold(Path(args.gold))
    frames = load_labels()
    names = frames.names
    index = {n: i for i, n in enumerate(names)}
    tuning, held = split(rows)
    step("embedding the label texts")
    label_vectors = [embed(list(x.texts), args.encoder) for x in frames.labels]
    top: dict[str, list[int | None]] = {}
    labelled: dict[str, Labelling] = {}
    for code in CODES:
        lines = (data / "ntrex" / FILES[code]).read_text(encoding="utf-8").splitlines()
        step(f"{code}: labelling {len(rows)} lines")
        vectors = embed([lines[r["line"] - 1] for r in rows], args.encoder)
        probabilities, ranking, raw, abstained = zero_shot_scores(vectors, label_vectors, args.calibration)
        labelled[code] = Labelling(names, probabilities, raw, abstained)
        top[code] = [None if a else int(t) for t, a in zip(ranking.argmax(axis=1), abstained)]
    gold_primary = [index[r["frames"][0]] if r["frames"] else None for r in rows]
    gold_any = [{index[f] for f in r["frames"]} for r in rows]
    part_of = [("held out" if r["story"] in held else "tuning") for r in rows]
    majority = Counter(g for g, p in zip(gold_primary, part_of) if p == "tuning" and g is not None).most_common(1)[0][0]

    sentence_rows = []
    for part in ("tuning", "held out"):
        chosen = [i for i, p in enumerate(part_of) if p == part]
        for code in CODES:
            t = top[code]
            framed = [i for i in chosen if gold_primary[i] is not None]
            sentence_rows.append([
                part, code, len(chosen),
                np.mean([t[i] == gold_primary[i] for i in chosen]),
                np.mean([(t[i] in gold_any[i]) if gold_any[i] else t[i] is None for i in chosen]),
                np.mean([majority == gold_primary[i] for i in chosen]),
                np.mean([t[i] is None for i in framed]),
            ])
    print(f"NTREX sentences, {len(rows)} lines of {len(tuning) + len(held)} stories ({len(held)} stories held out); "
          f"baseline: always {names[majority]}")
    print(table(["part", "language", "sentences", "top = primary gold", "top in gold set", "baseline", "no frame where gold has one"],
                sentence_rows))

    stories = sorted({r["story"] for r in rows})
    lines_of = {s: [i for i, r in enumerate(rows) if r["story"] == s] for s in stories}
    gold_sets = {s: set().union(*(gold_any[i] for i in lines_of[s])) for s in stories}

    def f1_for(share: float, part: set[str], code: str) -> float:
        chosen = [s for s in stories if s in part]
        used = [{index[f] for f in labelled[code].used(lines_of[s], share)} for s in chosen]
        return micro_f1(used, [gold_sets[s] for s in chosen])

    best_share = max(SHARES, key=lambda sh: np.mean([f1_for(sh, tuning, c) for c in CODES]))
    frequency = Counter(f for s in stories if s in tuning for f in gold_sets[s])

    def baseline(k: int, part: set[str]) -> float:
        chosen = [s for s in stories if s in part]
        guess = {f for f, _ in frequency.most_common(k)}
        return micro_f1([guess for _ in chosen], [gold_sets[s] for s in chosen])

    best_k = max(range(1, 8), key=lambda k: baseline(k, tuning))
    article_rows = []
    for label, part in (("tuning", tuning), ("held out", held)):
        for code in CODES:
            article_rows.append([label, code, len(part), f1_for(best_share, part, code), baseline(best_k, part)])
    print()
    print(f"NTREX articles (8 lines each): a frame is used when it tops >= {best_share:.2f} of the article's framed "
          f"sentences (chosen on the tuning part); baseline: the {best_k} most frequent gold frames")
    print(table(["part", "language", "articles", "micro-F1", "baseline micro-F1"], article_rows))


if __name__ == "__main__":
    main()
