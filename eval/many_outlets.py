"""Many-outlet benchmark built from NTREX-128: 2 to 16 articles per story, in four languages, of every length.

Source: NTREX-128 (MicrosoftTranslator/NTREX, folder NTREX-128, CC BY-SA 4.0): WMT19 newstest
English news (the fourth language) with human translations into Russian, Ukrainian and Bulgarian,
line-aligned, with document ids (DOCUMENT_IDS.tsv). Read from ``--data`` / ``$FRAMING_DATA`` /
``../shared/data``; nothing of it is copied into the repository.

Per story, a generator seed picks how many articles cover it (2, 4, 8 or 16, the same number of
stories each) and, per article, a language and a shape: a brief (its first 2-3 lines), a mid-length
rewrite (30-60% of the lines) or a long piece (60-75%); lines are dropped at random, the lead kept
more often than not, neighbouring sentences sometimes merged into one or swapped, and one or two
unrelated lines from other stories taken in. All articles go into one pile under random names.
Gold: articles of one story form one event; two sentences that share a source line are a pair. The last
column leaves headline-lead pairs out of the precision (a sentence holding the story's headline line beside one
holding a line of its lead: the aligner pairs a headline with the lead it summarises, by design, as the seed
gold's "possible" pairs); the other columns count them as false. The column "group F1, mostly-stray articles out"
leaves out the pairs of articles made half or more of other stories' lines (a diagnostic: targets are on the strict
columns).

Generator seeds 1 and 2 were used for tuning; seeds 3, 4 and 5 are held out (``--seeds 3,4,5``), and
seeds 6, 7 and 8 too, first run after every change of report 21 (never looked at before it), and
seeds 9, 10 and 11, first run to check the off-topic claim rule of report 23, and seeds 12-17, first run to
check report 23's rule for a brief left alone (seeds 3-11 were looked at to set it), and seeds 18-20,
first run to check report 27's same-language claim margin, and seeds 27-29, first run to check report 32's
score for uncompared pairs, and seeds 30-32 (with ``--sizes 2,16,32,50``), first run to check stop 28's wider
candidates for large stories. Seeds 21-26 are tuning seeds too, for the
story-grouping rules tried after report 29 (report 32's score for uncompared pairs was chosen on them; eval/HISTORY.md
gives the others, not adopted): never count them as held out.

``--gold-events`` aligns each gold story as one event instead of the events found, so the pair figures show the
aligner alone (story grouping then reads 1.000; a diagnostic, not the target).

``--sizes 2,16,50`` builds piles with other numbers of articles per story (the issue asks for grouping that holds
from 2 to 50; the targets are read on the default 2, 4, 8, 16; a diagnostic).

``--brief-lines 3`` makes every brief three lines, as the issue's description of the bench has it
("from a three-line brief"); the default (2 or 3) is the pile every report measured, and the targets
are read on it. The rest of the pile is the same either way.

    python -m eval.many_outlets [--data DIR] [--seeds 3,4,5] [--encoder SPEC] [--stories N] [--brief-lines 3] [--gold-events]
                                [--sizes 2,4,8,16]
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import numpy as np

from eval.common import data_dir, embed_documents, prf, require_data, step, table

FILES = {
    "ru": "newstest2019-ref.rus.txt",
    "uk": "newstest2019-ref.ukr.txt",
    "bg": "newstest2019-ref.bul.txt",
    "en": "newstest2019-src.eng.txt",
}
SIZES = (2, 4, 8, 16)
# NTREX holds some documents from different outlets on one event (judged by reading their titles
# among the most similar document pairs; scotsman.133753 and nytimes.184837 were found later, in the
# merges of held-out seeds): a pile keeps only the first of each group, or gold "stories" would
# split true events.
SAME_EVENT = (
    ("abcnews.306755", "newsweek.51300"),  # Warren's 'hard look' at running
    ("bbc.381746", "scotsman.133791"),  # Livingston 1-0 Rangers
    ("cbsnews.248387", "reuters.218909", "scotsman.133753"),  # arrest in the Wayde Sims shooting
    ("abcnews.306815", "newsweek.51338"),  # Hurricane Rosa's remnants
    ("cnbc.com.6769", "reuters.218861"),  # North Korea: no unilateral disarmament
    ("euronews-en.153797", "reuters.218865", "reuters.218863", "nytimes.184860", "newsweek.51340", "nytimes.184837"),  # Sulawesi quake
    ("reuters.218932", "rt.com.91337"),  # Macedonia's name referendum
    ("independent.226301", "reuters.218923", "reuters.218914", "scotsman.133758"),  # Ryder Cup 2018, Saturday
    ("cnn.304447", "cnn.304489"),  # Trump's West Virginia rally
    ("euronews-en.153799", "thelocal.65969"),  # Syria's foreign minister at the UN
)
# Found later, in the merges of seeds 1-17 (report 23): more articles on Trump's West Virginia rally of 29 Sep
# 2018 (a preview of it, and his mocking of Feinstein there). They stay in the piles, so that every seed's pile is
# the one earlier reports measured; the story-grouping score leaves pairs of their articles with the rally's out
# (neither right nor wrong: a preview and a report of one rally may be told apart or not).
# The sentence-pair score leaves out their sentence pairs the same way (since report 32; before it, a sentence
# pair across them counted as false: seed 20 at 2 articles fell 0.836 -> 0.610 when the rally's two articles
# joined the 16 on the Feinstein remarks).
SAME_EVENT_KEPT = {"newsweek.51310": "cnn.304447", "newsweek.51330": "cnn.304447"}
TUNING_SEEDS = (1, 2)
HELD_OUT_SEEDS = (3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 27, 28, 29)
# held-out seeds of the diagnostic with stories of up to 50 articles (--sizes LARGE_SIZES; its tuning seeds were 1, 2)
LARGE_SEEDS = (3, 4, 5, 30, 31, 32)
LARGE_SIZES = (2, 16, 32, 50)


@dataclass
class Article:
    id: str
    story: str
    size: int  # how many articles cover its story
    language: str
    sentences: list[str]
    lines: list[tuple[int, ...]]  # source lines of each sentence; () for an unrelated one
    headline: bool = False  # whether sentence 0 is the story's first line (NTREX's headline)
    opening: tuple[int, ...] = ()  # the story's headline line and the three lines after it


def _stories(data: Path, min_lines: int) -> tuple[dict[str, list[int]], dict[str, list[str]]]:
    ids = (data / "ntrex" / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    texts = {lang: (data / "ntrex" / name).read_text(encoding="utf-8").splitlines() for lang, name in FILES.items()}
    stories: dict[str, list[int]] = {}
    for line, story in enumerate(ids):
        stories.setdefault(story.split("\t")[0], []).append(line)
    dropped = {doc for group in SAME_EVENT for doc in group[1:]}
    return {s: lines for s, lines in stories.items() if len(lines) >= min_lines and s not in dropped}, texts


def _shape(rng: random.Random, lines: list[int], brief_lines: int | None = None) -> list[int]:
    kind = rng.random()
    if kind < 0.25:  # a brief: the lead and one or two lines after it
        length = rng.choice((2, 3))  # drawn either way, so that a fixed length leaves the rest of the pile as it was
        return lines[: brief_lines or length]
    share = rng.uniform(0.3, 0.6) if kind < 0.7 else rng.uniform(0.6, 0.75)
    keep_lead = rng.random() < 0.7
    kept = [line for i, line in enumerate(lines) if (i == 0 and keep_lead) or rng.random() < share]
    return kept or lines[:2]


def build_pile(data: Path, seed: int, max_stories: int | None = None, min_lines: int = 6,
               brief_lines: int | None = None, sizes: tuple[int, ...] = SIZES) -> list[Article]:
    """The shuffled pile for one generator seed; ``brief_lines`` fixes a brief's length (default: 2 or 3 lines);
    ``sizes``: the articles per story, in turn (other sizes make other piles: a diagnostic)."""
    stories, texts = _stories(data, min_lines)
    rng = random.Random(seed)
    names = sorted(stories)
    rng.shuffle(names)
    names = names[: max_stories or None]
    articles: list[Article] = []
    for number, story in enumerate(names):
        size = sizes[number % len(sizes)]
        for _ in range(size):
            language = rng.choice(list(FILES))
            units: list[tuple[int, ...]] = [(line,) for line in _shape(rng, stories[story], brief_lines)]
            merged: list[tuple[int, ...]] = []
            for unit in units:  # neighbouring sentences merged into one
                if merged and len(merged[-1]) == 1 and rng.random() < 0.12:
                    merged[-1] = merged[-1] + unit
                else:
                    merged.append(unit)
            for i in range(len(merged) - 1):
                if rng.random() < 0.1:
                    merged[i], merged[i + 1] = merged[i + 1], merged[i]
            for _ in range(rng.choice((0, 1, 2))):
                other = stories[rng.choice([s for s in names if s != story])]
                merged.insert(rng.randrange(len(merged) + 1), (-1 - rng.choice(other),))
            sentences = [" ".join(texts[language][abs(x) - 1 if x < 0 else x] for x in unit) for unit in merged]
            lines = [tuple(x for x in unit if x >= 0) for unit in merged]
            headline = bool(lines) and lines[0] == (stories[story][0],)
            articles.append(Article(f"{rng.getrandbits(40):010x}", story, size, language, sentences, lines, headline,
                                    tuple(stories[story][:4])))
    rng.shuffle(articles)
    return articles


def gold_pairs(articles: list[Article]) -> set[tuple[tuple[int, int], tuple[int, int]]]:
    by_line: dict[tuple[str, int], list[tuple[int, int]]] = defaultdict(list)
    for a, article in enumerate(articles):
        for s, lines in enumerate(article.lines):
            for line in lines:
                by_line[(article.story, line)].append((a, s))
    gold = set()
    for rows in by_line.values():
        for x, y in combinations(sorted(set(rows)), 2):
            if x[0] != y[0]:
                gold.add((x, y))
    return gold


def headline_lead_pairs(articles: list[Article]) -> set[tuple[tuple[int, int], tuple[int, int]]]:
    """Pairs of a sentence holding the story's headline line and one holding a line of its lead (the three after it)
    that are not gold pairs: the aligner pairs a headline with the lead it summarises (as the seed gold's "possible"
    pairs), which the line-identity gold counts as false."""
    headline: list[tuple[int, int]] = []
    lead: list[tuple[int, int]] = []
    for a, article in enumerate(articles):
        if not article.opening:
            continue
        for s, lines in enumerate(article.lines):
            if article.opening[0] in lines:
                headline.append((a, s))
            if set(lines) & set(article.opening[1:]):
                lead.append((a, s))
    return {tuple(sorted((x, y))) for x in headline for y in lead  # type: ignore[misc]
            if x[0] != y[0] and articles[x[0]].story == articles[y[0]].story}


def partition_ceiling(articles: list[Article]) -> set[tuple[tuple[int, int], tuple[int, int]]]:
    """The pairs of the best claim partition there is: sentences grouped by their first source line.

    Claims are a partition (every sentence in one claim), while a merged sentence shares lines with
    two claims, so no aligner can reach pair recall 1.0 here; this partition says how close one can get.
    """
    by_line: dict[tuple[str, int], list[tuple[int, int]]] = defaultdict(list)
    for a, article in enumerate(articles):
        for s, lines in enumerate(article.lines):
            if lines:
                by_line[(article.story, lines[0])].append((a, s))
    return {(x, y) for rows in by_line.values() for x, y in combinations(sorted(rows), 2) if x[0] != y[0]}


def mostly_other_lines(articles: list[Article]) -> set[int]:
    """Articles of which half or more of the sentences are unrelated lines from other stories (a two-line brief with
    one stray line): nothing in such an article says which of its stories it belongs to, so where it joins is a toss-up,
    and a wrong join into a story of 16 counts as 16 false pairs. The bench reports story grouping with their pairs
    left out beside the strict figure, to say how much of the error they make (a diagnostic, not the target)."""
    return {i for i, a in enumerate(articles) if 2 * sum(1 for lines in a.lines if not lines) >= len(a.lines)}


def line_linked_events(articles: list[Article]) -> list[list[int]]:
    """The grouping that joins exactly the articles of one story that share a source line, directly or through
    another article (stray lines of other stories never join): what grouping by shared content alone can reach.
    A two-article story whose articles share no line stays apart; joining it takes the topic alone, on which
    same-topic stories join too."""
    from framing.match.align import connected_components

    holders: dict[tuple[str, int], list[int]] = defaultdict(list)
    for i, article in enumerate(articles):
        for unit in article.lines:
            for line in unit:
                holders[(article.story, line)].append(i)
    return connected_components(len(articles), [(rows[0], r) for rows in holders.values() for r in rows[1:]])


def unlinked_stories(articles: list[Article]) -> int:
    """Stories of two articles that share no source line (only the topic could join them)."""
    lines: dict[str, list[set[int]]] = defaultdict(list)
    for article in articles:
        lines[article.story].append({x for unit in article.lines for x in unit})
    return sum(1 for sets in lines.values() if len(sets) == 2 and not sets[0] & sets[1])


def score(articles: list[Article], events: list[list[int]], clusters: list[list[tuple[int, int]]],
          sizes: tuple[int, ...] = SIZES) -> dict[str, dict[str, float]]:
    """Story-grouping and sentence-pair P/R/F1, overall and by articles per story."""
    event_of = {a: k for k, members in enumerate(events) for a in members}
    event = [SAME_EVENT_KEPT.get(a.story, a.story) for a in articles]
    pairs = [(a, b) for a, b in combinations(range(len(articles)), 2)
             if articles[a].story == articles[b].story or event[a] != event[b]]  # the others are neither
    gold_docs = {(a, b) for a, b in pairs if articles[a].story == articles[b].story}
    predicted_docs = {(a, b) for a, b in pairs if event_of[a] == event_of[b]}
    gold = gold_pairs(articles)
    possible = headline_lead_pairs(articles) - gold
    # a sentence pair across two stories of one real event (SAME_EVENT_KEPT) is neither right nor wrong either: both
    # report the same rally, and the gold knows only shared source lines
    predicted = {tuple(sorted((x, y))) for members in clusters for x, y in combinations(members, 2)
                 if x[0] != y[0] and (articles[x[0]].story == articles[y[0]].story or event[x[0]] != event[y[0]])}
    mostly_other = mostly_other_lines(articles)
    out: dict[str, dict[str, float]] = {}
    for size in (*sizes, "all"):
        def involved(pair: tuple, size: object = size) -> bool:
            return size == "all" or articles[pair[0]].size == size or articles[pair[1]].size == size

        def doc_of(pair: tuple) -> tuple[int, int]:
            return pair[0][0], pair[1][0]

        _, _, group_f1 = prf({p for p in predicted_docs if involved(p)}, {p for p in gold_docs if involved(p)})

        def clear(pair: tuple) -> bool:
            return involved(pair) and not set(pair) & mostly_other

        _, _, group_f1_clear = prf({p for p in predicted_docs if clear(p)}, {p for p in gold_docs if clear(p)})
        shown = {p for p in predicted if involved(doc_of(p))}
        p, r, f1 = prf(shown, {p for p in gold if involved(doc_of(p))})
        # headline-lead pairs as "possible": neither right nor wrong (precision over the other predicted pairs)
        judged = shown - possible
        p_possible = (len(judged & gold) / len(judged)) if judged else 0.0
        f1_possible = 2 * p_possible * r / (p_possible + r) if p_possible + r else 0.0
        out[str(size)] = {"group_f1": group_f1, "group_f1_clear": group_f1_clear, "pair_p": p, "pair_r": r, "pair_f1": f1,
                          "pair_f1_possible": f1_possible}
    return out


def run_pipeline(
    articles: list[Article], vectors: list[np.ndarray], encoder: object | None = None, gold_events: bool = False
) -> tuple[list[list[int]], list[list[tuple[int, int]]]]:
    """Group and align the pile with framing's own stages (documents without dates); ``gold_events``: align the
    gold stories instead of the events found (a diagnostic that tells alignment from grouping)."""
    from framing.embed import language_centroids
    from framing.match import entities, group_documents
    from framing.match.claims import align_event

    centroids = language_centroids(getattr(encoder, "name", ""))

    if gold_events:
        stories: dict[str, list[int]] = defaultdict(list)
        for i, article in enumerate(articles):
            stories[article.story].append(i)
        events = list(stories.values())
    else:
        ids = [a.id for a in articles]
        index = {d: i for i, d in enumerate(ids)}
        grouped = group_documents(
            ids, None, [entities.document_entities(a.sentences) for a in articles], [None] * len(articles),
            sentence_vectors=vectors, languages=[a.language for a in articles], centroids=centroids,
        )
        events = [[index[m] for m in e.documents] for e in grouped]
    clusters: list[list[tuple[int, int]]] = []
    for members in events:
        if len(members) < 2:
            continue
        found = align_event([articles[m].sentences for m in members], [vectors[m] for m in members],
                            [articles[m].language for m in members], encoder=encoder, centroids=centroids,
                            titles=[articles[m].headline for m in members])
        # a sentence that states a claim inside a longer sentence counts as one of its members
        parts = found.parts or [[] for _ in found.clusters]
        clusters += [[(members[d], s) for d, s in cluster + part] for cluster, part in zip(found.clusters, parts)]
    return events, clusters


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="folder holding ntrex/ (default: $FRAMING_DATA or ../shared/data)")
    parser.add_argument("--seeds", default=",".join(map(str, HELD_OUT_SEEDS)),
                        help=f"generator seeds (tuning: {TUNING_SEEDS}, held out: {HELD_OUT_SEEDS})")
    parser.add_argument("--stories", type=int, default=None, help="use only N stories per pile")
    parser.add_argument("--encoder", default=None, help="encoder spec (default: bundled e5-small)")
    parser.add_argument("--brief-lines", type=int, choices=(2, 3), default=None,
                        help="every brief this many lines (default: 2 or 3 at random; the issue's bench names three-line briefs)")
    parser.add_argument("--gold-events", action="store_true",
                        help="align each gold story as one event (a diagnostic: pair figures without grouping errors)")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)),
                        help="articles per story, in turn (default 2,4,8,16, the pile every report measured; e.g. 2,16,50: a diagnostic)")
    args = parser.parse_args()
    sizes = tuple(int(x) for x in args.sizes.split(","))
    data = require_data(data_dir(args.data), "ntrex")
    from framing.embed import CachedEncoder, resolve_encoder

    step("loading the encoder")
    encoder = CachedEncoder(resolve_encoder(args.encoder))
    rows = []
    linked_f1: dict[int, list[float]] = {size: [] for size in sizes}  # per size, the line-linked grouping's F1 per seed
    for seed in (int(s) for s in args.seeds.split(",")):
        step(f"seed {seed}: building the pile")
        articles = build_pile(data, seed, args.stories, brief_lines=args.brief_lines, sizes=sizes)
        n_sentences = sum(len(a.sentences) for a in articles)
        step(f"seed {seed}: embedding {n_sentences} sentences of {len(articles)} articles")
        vectors = embed_documents([a.sentences for a in articles], args.encoder)
        step(f"seed {seed}: grouping and aligning")
        t0 = time.perf_counter()
        events, clusters = run_pipeline(articles, vectors, encoder, args.gold_events)
        seconds = time.perf_counter() - t0
        result = score(articles, events, clusters, sizes)
        stories = Counter(a.story for a in articles)
        _, _, ceiling = prf(partition_ceiling(articles), gold_pairs(articles))
        linked = score(articles, line_linked_events(articles), [], sizes)
        for size in sizes:
            linked_f1[size].append(linked[str(size)]["group_f1"])
        print(f"seed {seed}: joining exactly the articles that share a source line scores story F1 "
              + " / ".join(f"{linked[str(size)]['group_f1']:.3f}" for size in sizes) + f" at {' / '.join(map(str, sizes))} articles",
              flush=True)
        print(f"seed {seed}: the best claim partition (every sentence in one claim, no parts) scores pair F1 {ceiling:.3f}; "
              f"{unlinked_stories(articles)} two-article stories share no line; {len(mostly_other_lines(articles))} articles "
              "are half or more lines of other stories", flush=True)
        kind = "tuning" if seed in TUNING_SEEDS else "held out"
        for size in (*sizes, "all"):
            m = result[str(size)]
            n_stories = len(stories) if size == "all" else sum(1 for s in stories.values() if s == size)
            rows.append([f"{seed} ({kind})", size, n_stories, m["group_f1"], m["group_f1_clear"], m["pair_p"], m["pair_r"], m["pair_f1"],
                         m["pair_f1_possible"]])
        print(f"seed {seed}: {len(articles)} articles, {len(stories)} stories, {n_sentences} sentences, "
              f"{len(events)} events found; group + align {seconds:.1f} s", flush=True)
    # the ceiling of grouping by shared content: the story-grouping target (0.98 at every size) read against it
    print("joining exactly the articles that share a source line, mean over the seeds: story F1 "
          + " / ".join(f"{sum(v) / len(v):.3f}" for v in linked_f1.values()) + f" at {' / '.join(map(str, sizes))} articles; "
          + "seeds under 0.98: " + " / ".join(str(sum(x < 0.98 for x in v)) for v in linked_f1.values()), flush=True)
    print(table(["seed", "articles/story", "stories", "group F1", "group F1, mostly-stray articles out", "pair P", "pair R",
                 "pair F1", "pair F1, headline-lead possible"],
                rows))


if __name__ == "__main__":
    main()
