"""Frames across translations: does a sentence keep its top frame when it is translated?

The same sentences in four languages: SIB-200's test split (FLORES-200, 204 sentences, mostly
encyclopaedic) and NTREX-128 (news, 1,997 lines; the odd-numbered lines here, the even ones are the
background any calibration may be estimated on). Each sentence is labelled on its own, as in the
pipeline; per language pair the share of sentences whose top label agrees, where an abstaining
sentence counts as the label "none" (both abstaining agree, one abstaining does not); the share of
sentences whose four translations all agree; and, where both decide, how often they agree; the
abstention rate per language (on NTREX, the news figure the frames issue sets a bound on).

Label sets: the shipped 14 Policy Frames (``framing/frames/data/frames.toml``), the same frames
with names only and names plus their one-line description, and the SIB-200 topic file
(``eval/labels/sib200_topics.toml``). Calibrations: the shipped one (``none``), the others
``framing.frames.classify`` offers, and ``centred`` (sentence vectors minus the shipped language
centroids before scoring: what per-language label offsets amount to, since a label's mean score in
a language is the language's mean vector times the label's prototype), and ``aligned`` (each
language's sentence vectors rotated by an orthogonal map fitted on NTREX's even lines onto the mean
of their four translations, as cross-lingual word vectors are aligned: label-free, from parallel
text only).

    python -m eval.frame_invariance [--data DIR] [--calibrations none,centred,background]
"""

from __future__ import annotations

import argparse
from itertools import combinations
from pathlib import Path

import numpy as np

from eval.common import data_dir, embed, require_data, step, table
from eval.flores_retrieval import LANGUAGES
from eval.many_outlets import FILES
from eval.sib200_zero_shot import LABELS, load_split
from framing.frames.labels import Label, LabelSet, load_labels

CODES = tuple(LANGUAGES)


def label_styles(frames: LabelSet) -> dict[str, LabelSet]:
    """The shipped frames file and two plainer styles a user might write."""
    return {
        "frames: names only": LabelSet("names", tuple(Label(x.name, "") for x in frames.labels)),
        "frames: names + description": LabelSet("described", tuple(Label(x.name, x.description) for x in frames.labels)),
        "frames: shipped file": frames,
    }


def parallel_sets(data: Path) -> dict[str, dict[str, list[str]]]:
    """Name -> language -> sentences, line-aligned across languages."""
    sib = {code: load_split(data, folder, "test")[0] for code, folder in LANGUAGES.items()}
    ntrex = {code: (data / "ntrex" / FILES[code]).read_text(encoding="utf-8").splitlines() for code in CODES}
    return {
        "FLORES (SIB-200 test)": sib,
        "NTREX news, odd lines": {code: lines[1::2] for code, lines in ntrex.items()},
    }


def invariance(top: dict[str, np.ndarray], abstained: dict[str, np.ndarray]) -> dict[str, float]:
    """Agreement figures from each language's top label index and abstentions (aligned rows)."""
    decided = {c: np.where(abstained[c], -1, top[c]) for c in top}
    pairs = list(combinations(top, 2))
    agree = {f"{a}-{b}": float((decided[a] == decided[b]).mean()) for a, b in pairs}
    both = {f"{a}-{b}": float((top[a] == top[b])[~abstained[a] & ~abstained[b]].mean()) for a, b in pairs}
    stacked = np.stack([decided[c] for c in top])
    return {
        "pair agreement, lowest": min(agree.values()),
        "pair agreement, highest": max(agree.values()),
        "all four agree": float((stacked == stacked[0]).all(axis=0).mean()),
        "agreement where both decide, lowest": min(both.values()),
        "abstained, highest language": max(float(abstained[c].mean()) for c in top),
        **{f"pair {k}": v for k, v in agree.items()},
    }


def aligning_maps(data: Path, encoder: str | None) -> dict[str, np.ndarray]:
    """Per language, the orthogonal map (Procrustes) taking its NTREX even lines onto the normalised mean of
    the four translations of each line; with the mean translation cosine on the odd lines before and after."""
    lines = {c: (data / "ntrex" / FILES[c]).read_text(encoding="utf-8").splitlines() for c in CODES}
    even = {c: embed(lines[c][0::2], encoder) for c in CODES}
    target = np.mean([even[c] for c in CODES], axis=0)
    target /= np.linalg.norm(target, axis=1, keepdims=True)
    maps = {}
    for c in CODES:
        left, _, right = np.linalg.svd(even[c].T @ target)
        maps[c] = left @ right
    odd = {c: embed(lines[c][1::2], encoder) for c in CODES}
    before = np.mean([np.sum(odd[a] * odd[b], axis=1).mean() for a, b in combinations(CODES, 2)])
    after = np.mean([np.sum(_unit(odd[a] @ maps[a]) * _unit(odd[b] @ maps[b]), axis=1).mean() for a, b in combinations(CODES, 2)])
    print(f"aligned: mean translation cosine on NTREX's odd lines {before:.3f} -> {after:.3f}")
    return maps


def _unit(vectors: np.ndarray) -> np.ndarray:
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="folder holding sib200/ and ntrex/ (default: $FRAMING_DATA or ../shared/data)")
    parser.add_argument("--encoder", default=None)
    parser.add_argument("--calibrations", default="none", help="comma-separated calibrations to compare")
    args = parser.parse_args()
    data = require_data(data_dir(args.data), "sib200", "ntrex")
    from framing.frames.classify import zero_shot_scores

    label_sets = {**label_styles(load_labels()), "SIB-200 topics file": load_labels(str(LABELS))}
    step("embedding the label texts")
    label_vectors = {name: [embed(list(x.texts), args.encoder) for x in s.labels] for name, s in label_sets.items()}
    sets = parallel_sets(data)
    step("embedding the parallel sentences")
    vectors = {name: {c: embed(texts, args.encoder) for c, texts in by_code.items()} for name, by_code in sets.items()}
    from framing.embed import language_centroids
    from framing.embed.encoders import resolve_encoder

    centroids = language_centroids(resolve_encoder(args.encoder).name)
    maps = aligning_maps(data, args.encoder) if "aligned" in args.calibrations.split(",") else {}
    rows = []
    pair_rows = []
    for calibration in args.calibrations.split(","):
        for label_name, lv in label_vectors.items():
            for set_name, by_code in vectors.items():
                top, abstained = {}, {}
                for c, v in by_code.items():
                    if calibration == "centred":
                        shift = centroids[c] - np.mean([centroids[x] for x in CODES], axis=0)
                        _, ranking, _, abst = zero_shot_scores(v - shift, lv)
                    elif calibration == "aligned":
                        rotated = v @ maps[c]
                        _, ranking, _, abst = zero_shot_scores(rotated / np.linalg.norm(rotated, axis=1, keepdims=True), lv)
                    else:
                        _, ranking, _, abst = zero_shot_scores(v, lv, calibration)
                    top[c], abstained[c] = ranking.argmax(axis=1), abst
                m = invariance(top, abstained)
                rows.append([calibration, label_name, set_name, m["pair agreement, lowest"], m["pair agreement, highest"],
                             m["all four agree"], m["agreement where both decide, lowest"], m["abstained, highest language"]])
                pair_rows.append([calibration, label_name, set_name, *[m[k] for k in m if k.startswith("pair ") and "-" in k]])
    print("Top label across translations (an abstaining sentence counts as 'none')")
    print(table(["calibration", "label set", "sentences", "pairs, lowest", "pairs, highest", "all four",
                 "both decide, lowest", "abstained, highest"], rows))
    print()
    names = [f"{a}-{b}" for a, b in combinations(CODES, 2)]
    print(table(["calibration", "label set", "sentences", *names], pair_rows))


if __name__ == "__main__":
    main()
