"""Findings perturbation benchmark on NTREX: plant one change in one of three translations, see if it is found.

Per story (NTREX-128, its English source as a fourth language): three versions in three different
languages of the story's first lines, one paragraph per line. In most stories one version gets one
planted change: a number changed, a statement's speaker changed (every version gets "..., said Anna
Smirnova." on one line, the changed one another name), a wire
agency cited where the others cite none, a line dropped, a loaded phrase put in. The rest stay
untouched. Each story goes through ``framing.compare`` on its own (text only, no dates), and its
findings are scored: a planted change is found when a finding of its kind names the changed version
and the claim holding the changed line. Precision counts every finding of a kind, on every story;
false findings per claim are those on untouched stories, per claim two or more versions share.

Generator seeds 1, 4, 5, 6, 9 and 10 were looked at while writing the finders. Seeds 2, 3, 7 and 8 were held
out until the eighth eval report, then looked at too; seeds 11-14 were held out next, and their pooled recall
decided between two omission settings that tie on the others, so they count as tuning too. Seeds 15, 16, 17
and 18 are held out since report 10: their figures were reported, never looked into. Seeds 19-26 were first
run in report 14, after its changes were made on seeds 1-14. Seeds 27-38 were first run in report 23, to
check the off-topic claim rule (whose floor was lowered after seeds 21 and 25 lost a finding at 0.25, so
15-26 no longer count as held out for that rule).

    python -m eval.findings_bench [--data DIR] [--seeds 2,3] [--stories N]
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter
from dataclasses import dataclass

from eval.common import data_dir, require_data, step, table
from eval.many_outlets import FILES, _stories

KINDS = ("number", "speaker", "attribution", "omission", "loaded")
SCORED = (*KINDS, "quote", "frame")
LINES = 8
HELD_OUT_BATCHES = {"held out 15-18": set(range(15, 19)), "held out 19-26": set(range(19, 27))}
TUNING_SEEDS = set(range(1, 15))  # looked at while writing the finders (2, 3, 7, 8 since report 8; 11-14 since report 10)
# the speaker case: every version gets the same statement's speaker, the changed one another person
SAID_BY = {"ru": "заявила Анна Смирнова.", "uk": "заявила Анна Смірнова.", "bg": "заяви Анна Смирнова.", "en": "said Anna Smirnova."}
SAID_OTHER = {"ru": "заявил Сергей Петров.", "uk": "заявив Олег Коваленко.", "bg": "заяви Георги Иванов.", "en": "said Daniel Morrison."}
CITED = {"ru": "По данным Reuters, ", "uk": "За даними Reuters, ", "bg": "Според Reuters, ", "en": "According to Reuters, "}
LOADED = {"ru": "Циничное решение: ", "uk": "Агресор знову діє: ", "bg": "Агресорът отново: ", "en": "The regime again: "}
_DIGITS = re.compile(r"(?<![\d.,])(\d+)(?![\d.,]\d)")


@dataclass
class Case:
    story: str
    languages: tuple[str, str, str]
    texts: list[list[str]]  # per version, its lines
    kind: str | None  # the planted change, None when untouched
    line: int | None  # the changed (or dropped) line, in the story's numbering


def _plant(kind: str, case: Case, rng: random.Random) -> bool:
    """Change version 2 (the third) in place; False when the story offers no spot for this kind."""
    from framing.findings import numbers, speakers

    lang, lines = case.languages[2], case.texts[2]
    others = case.texts[:2]
    spots = list(range(1, len(lines)))  # never the headline
    rng.shuffle(spots)
    for i in spots:
        text = lines[i]
        if kind == "number" and numbers(text) and all(numbers(o[i]) for o in others):
            m = _DIGITS.search(text)
            if m and not re.fullmatch(r"(19|20)\d\d", m.group(1)):
                lines[i] = text[: m.start()] + str(int(m.group(1)) * 2 + 3) + text[m.end() :]
                break
        elif kind == "speaker" and text.rstrip().endswith(".") and not speakers(text):
            # "..., said Anna Smirnova." in every version; the changed one names someone else
            for version, other_lines in zip(case.languages[:2], others):
                other_lines[i] = other_lines[i].rstrip().rstrip(".") + ", " + SAID_BY[version]
            lines[i] = text.rstrip().rstrip(".") + ", " + SAID_OTHER[lang]
            break
        elif kind == "attribution" and "Reuters" not in " ".join(o[i] for o in case.texts) and len(text.split()) > 6:
            lines[i] = CITED[lang] + text[0].lower() + text[1:]
            break
        elif kind == "omission":
            lines[i] = ""
            break
        elif kind == "loaded":
            lines[i] = LOADED[lang] + text[0].lower() + text[1:]
            break
    else:
        return False
    case.line, case.kind = i, kind
    return True


def build_cases(data: object, seed: int, max_stories: int | None) -> list[Case]:
    stories, texts = _stories(data, LINES)  # type: ignore[arg-type]
    rng = random.Random(seed)
    names = sorted(stories)
    rng.shuffle(names)
    cases = []
    for number, story in enumerate(names[: max_stories or None]):
        languages = tuple(rng.sample(list(FILES), 3))
        lines = stories[story][:LINES]
        case = Case(story, languages, [[texts[lang][x] for x in lines] for lang in languages], None, None)  # type: ignore[arg-type]
        kind = KINDS[number % (len(KINDS) + 1)] if number % (len(KINDS) + 1) < len(KINDS) else None
        if kind:
            _plant(kind, case, rng)
        cases.append(case)
    return cases


def run_case(case: Case, encoder: object) -> tuple[list, dict[tuple[str, int], set[str]], dict[str, str]]:
    """The story's findings; the claims holding each line of each version (a line the splitter cuts in two
    sentences can sit in two claims); document ids per version."""
    import framing

    items = []
    for v, (lang, lines) in enumerate(zip(case.languages, case.texts)):
        text = "\n\n".join(line for line in lines if line)
        items.append((text, {"id": f"v{v}", "language": lang, "outlet": f"version {v} ({lang})"}))
    result = framing.compare(items, encoder=encoder)  # with frames: a frame finding between translations is false
    claims_of: dict[tuple[str, int], set[str]] = {}
    for cluster in result.clusters:
        for m in cluster.members:
            doc = result.document(m.document)
            kept = [i for i, line in enumerate(case.texts[int(m.document[1:])]) if line]
            # the line a sentence comes from, by its offset (a short headline taken for a masthead is no paragraph)
            line = doc.text[: doc.sentences[m.sentence].start].count("\n\n")
            if line < len(kept):
                claims_of.setdefault((m.document, kept[line]), set()).add(cluster.id)
    return result.findings, claims_of, {f"v{v}": lang for v, lang in enumerate(case.languages)}  # type: ignore[return-value]


def score(cases: list[Case], encoder: object) -> tuple[dict[str, list[int]], int, int]:
    """Per kind [found, planted, findings made, findings that were planted ones]; untouched claims and false findings."""
    counts = {k: [0, 0, 0, 0] for k in SCORED}
    claims_untouched, false_untouched = 0, 0
    for n, case in enumerate(cases):
        if n % 20 == 0:
            step(f"story {n + 1}/{len(cases)}")
        findings, claims_of, _ = run_case(case, encoder)
        made = [f for f in findings if f.kind in SCORED]
        for f in made:
            counts[f.kind][2] += 1
        if case.kind is None:
            lines_in = Counter(c for held in claims_of.values() for c in held)
            claims_untouched += sum(1 for k in lines_in.values() if k >= 2)
            false_untouched += len(made)
            continue
        counts[case.kind][1] += 1
        versions = ("v0", "v1") if case.kind == "omission" else ("v2",)
        target = set().union(*(claims_of.get((v, case.line), set()) for v in versions))  # type: ignore[arg-type]
        hit = [f for f in made if f.kind == case.kind and "v2" in f.documents and target & set(f.clusters)]
        if hit:
            counts[case.kind][0] += 1
            counts[case.kind][3] += 1
    return counts, claims_untouched, false_untouched


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="folder holding ntrex/ (default: $FRAMING_DATA or ../shared/data)")
    parser.add_argument("--seeds", default="15,16,17,18,19,20,21,22,23,24,25,26", help="generator seeds (1 to 14 were looked at; 15 to 38 held out)")
    parser.add_argument("--stories", type=int, default=None, help="use only N stories per seed")
    args = parser.parse_args()
    data = require_data(data_dir(args.data), "ntrex")
    from framing.embed import CachedEncoder, resolve_encoder

    encoder = CachedEncoder(resolve_encoder(None))
    rows = []
    # pooled over the seeds of each group: per kind [found, planted, made, right]; untouched [stories, claims, false]
    pooled: dict[str, dict[str, list[int]]] = {}
    for seed in (int(s) for s in args.seeds.split(",")):
        step(f"seed {seed}: building the stories")
        cases = build_cases(data, seed, args.stories)
        planted = Counter(c.kind for c in cases)
        counts, claims, false = score(cases, encoder)
        kind_label = "tuning" if seed in TUNING_SEEDS else "held out"
        # the held-out seeds pooled, and each batch of them apart (15-18 since report 10, 19-26 since report 14)
        labels = [kind_label] if seed in TUNING_SEEDS else [kind_label, *(b for b, seeds in HELD_OUT_BATCHES.items() if seed in seeds)]
        for label in labels:
            group = pooled.setdefault(label, {k: [0, 0, 0, 0] for k in SCORED} | {"untouched": [0, 0, 0]})
            for kind in SCORED:
                group[kind] = [a + b for a, b in zip(group[kind], counts[kind])]
            group["untouched"] = [a + b for a, b in zip(group["untouched"], (planted[None], claims, false))]
        for kind in SCORED:
            rows.append([f"{seed} ({kind_label})", kind, *_scored(counts[kind])])
        rows.append([f"{seed} ({kind_label})", "untouched stories", planted[None], false, f"{false / max(claims, 1):.3f} per claim", "-"])
    print(table(["seed", "finding kind", "planted", "findings made", "precision", "recall"], rows))
    summary = []
    for label, group in pooled.items():
        for kind in SCORED:
            summary.append([f"all {label} seeds", kind, *_scored(group[kind])])
        stories, claims, false = group["untouched"]
        summary.append([f"all {label} seeds", "untouched stories", stories, false, f"{false / max(claims, 1):.3f} per claim", "-"])
    print()
    print(table(["seeds", "finding kind", "planted", "findings made", "precision", "recall"], summary))


def _scored(counts: list[int]) -> list[object]:
    found, total, made, right = counts
    return [total, made, right / made if made else float("nan"), found / total if total else float("nan")]

if __name__ == "__main__":
    main()
