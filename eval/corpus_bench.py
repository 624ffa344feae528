"""Corpus benchmark: ``framing corpus`` on an NTREX-built export, local engine vs Ray with 1 and 2 workers.

The export (JSONL, one article per row: id, text, outlet, date, language) is made by the many-outlet
generator (eval/many_outlets.py, generator seeds 11, 12, ...: none of them tuned on) with dates: each
generator seed's 101 stories get a day within its own two weeks, three weeks apart from the next
seed's (the same NTREX story told again must not meet itself in a window), and each article of a
story a date 0-2 days after the story's day, so stories cross block boundaries. Every article is
embedded (sentences repeat across articles, but only within a batch of 32 is one embedded once).

Printed: per stage, articles per second per core (stage time x cores the stage used); peak memory of
the driver process (and, for the local engine, of all the work) at two corpus sizes; whether the Ray
tables equal the local ones; event-grouping F1 against the generator's stories; a ratio of the
article stage's sentence rate to fp32 sentence-transformers measured in the same run; and, on paper,
the time and cost of 1,000,000 articles on N machines.

    python -m eval.corpus_bench [--data DIR] [--articles 1000] [--memory-sizes 500,2000] [--engines local,ray1,ray2]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path

from eval.common import cpu_description, data_dir, prf, require_data, step, table
from eval.many_outlets import build_pile

FIRST_GENERATOR_SEED = 11
BASE_DAY = date(2024, 1, 1)  # a Monday
PRICE_PER_CORE_HOUR = 0.02  # USD, an on-demand cloud vCPU-hour order of magnitude (stated, not measured)
ENGINES = {"local": ("local", None), "ray1": ("ray", 1), "ray2": ("ray", 2)}


def make_export(data: Path, n_articles: int, path: Path) -> dict[str, str]:
    """Write the export; return article id -> its story instance (gold)."""
    story_of: dict[str, str] = {}
    rows = []
    seed = FIRST_GENERATOR_SEED
    while len(rows) < n_articles:
        rng = random.Random(seed)
        pile = build_pile(data, seed)
        k = seed - FIRST_GENERATOR_SEED
        day_of = {story: BASE_DAY + timedelta(days=21 * k + rng.randrange(12)) for story in sorted({a.story for a in pile})}
        for article in pile:
            if len(rows) == n_articles:
                break
            doc_id = f"s{seed}-{article.id}"
            story_of[doc_id] = f"{seed}/{article.story}"
            when = day_of[article.story] + timedelta(days=rng.choice((0, 0, 1, 2)))
            rows.append({"id": doc_id, "text": "\n\n".join(article.sentences), "outlet": f"outlet-{rng.randrange(40):02d}",
                         "date": when.isoformat(), "language": article.language})
        seed += 1
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return story_of


def run_one(engine: str, export: str, out: str) -> dict:
    """One build in this process (called in a fresh subprocess, so peak memory is this build's)."""
    from framing.corpus import build_corpus
    from framing.corpus.engine import RayEngine

    kind, workers = ENGINES[engine]
    t0 = time.perf_counter()
    runner = RayEngine(workers=workers) if kind == "ray" else "local"
    start_s = time.perf_counter() - t0
    report = build_corpus([export], out, engine=runner, frames=True)
    return {"engine": engine, "timings": report.timings, "start_s": start_s, "added": report.added,
            "events": report.events, "peak_mb": peak_rss_mb(), "errors": len(report.errors)}


def peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM). Not getrusage: Linux carries ru_maxrss across exec,
    so a subprocess would report its parent's peak when that was higher."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _subprocess(engine: str, export: Path, out: Path) -> dict:
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}
    if engine == "local":
        env["FRAMING_THREADS"] = env["OMP_NUM_THREADS"] = str(os.cpu_count() or 1)
    done = subprocess.run([sys.executable, "-m", "eval.corpus_bench", "--one", engine, "--export", str(export), "--out", str(out)],
                          capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{engine} run failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def fp32_rate(texts: list[str]) -> float:
    """Sentences per second of fp32 sentence-transformers (batch 32, all cores) in this run."""
    from framing.embed import resolve_encoder

    encoder = resolve_encoder("e5-small-fp32")
    encoder.encode(texts[:8])  # load
    t0 = time.perf_counter()
    encoder.encode(texts)
    return len(texts) / (time.perf_counter() - t0)


def grouping_f1(out: Path, story_of: dict[str, str]) -> tuple[float, float, float]:
    from framing.corpus import open_corpus

    predicted, gold = set(), set()
    for event in open_corpus(out).events():
        predicted |= {tuple(sorted(p)) for p in combinations(event["documents"], 2)}
    by_story: dict[str, list[str]] = {}
    for doc, story in story_of.items():
        by_story.setdefault(story, []).append(doc)
    for members in by_story.values():
        gold |= {tuple(sorted(p)) for p in combinations(members, 2)}
    return prf(predicted, gold)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=None)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--memory-sizes", default="500,2000", help="corpus sizes for the local engine's memory (comma-separated)")
    parser.add_argument("--engines", default="local,ray1,ray2")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--export", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.export, args.out)))
        return
    data = require_data(data_dir(args.data), "ntrex")
    work = Path(tempfile.mkdtemp(prefix="framing-corpus-bench-"))
    print(f"machine: {cpu_description()}, Python {sys.version.split()[0]}")
    step(f"making an export of {args.articles} articles")
    export = work / "export.jsonl"
    story_of = make_export(data, args.articles, export)
    rows = [json.loads(line) for line in export.read_text(encoding="utf-8").splitlines()]
    n_sentences = sum(r["text"].count("\n\n") + 1 for r in rows)
    print(f"export: {len(rows)} articles, about {n_sentences} sentences, {len(set(story_of.values()))} stories, "
          f"dates {min(r['date'] for r in rows)} to {max(r['date'] for r in rows)}")

    results = {}
    for engine in args.engines.split(","):
        step(f"{engine}: framing corpus on {len(rows)} articles")
        results[engine] = _subprocess(engine, export, work / engine)
    cores = {"local": os.cpu_count() or 1, "ray1": 1, "ray2": 2}
    step("fp32 sentence-transformers on 256 of the export's sentences")
    sample = [s for r in rows[:80] for s in r["text"].split("\n\n")][:256]
    fp32 = fp32_rate(sample)

    table_rows = []
    for engine, r in results.items():
        t = r["timings"]
        per_core = {stage: len(rows) / (t[stage] * cores[engine]) if t.get(stage) else 0.0 for stage in ("articles", "group", "align")}
        total = sum(t.values()) + r["start_s"]
        table_rows.append([engine, cores[engine], round(r["start_s"], 1), round(t["articles"], 1), round(per_core["articles"], 2),
                           round(t["group"], 1), round(t["align"], 1), round(total, 1), round(len(rows) / total, 2),
                           round(r["peak_mb"]), r["events"]])
    print()
    print("Per stage (seconds; articles/s per core = articles / (seconds x cores); peak MB = the driver process)")
    print(table(["engine", "cores", "start s", "articles s", "art/s/core", "group s", "align s", "total s", "articles/s",
                 "driver MB", "events"], table_rows))
    if "local" in results:
        from framing.corpus.store import CorpusStore

        stored = CorpusStore(work / "local")
        embedded = len(stored.read("sentences", columns=["document"])) + len(stored.read("units", columns=["document"]))
        local_rate = embedded / results["local"]["timings"]["articles"]
        print(f"article stage, local: {local_rate:.1f} texts/s embedded (sentences and sub-sentence units, with cleaning, "
              f"labelling and writing) = {local_rate / fp32:.2f}x fp32 sentence-transformers embedding alone "
              f"({fp32:.1f} sentences/s, batch 32, same run)")
    if "ray1" in results and "ray2" in results:
        speedup = (sum(results["ray1"]["timings"].values())) / sum(results["ray2"]["timings"].values())
        articles_speedup = results["ray1"]["timings"]["articles"] / results["ray2"]["timings"]["articles"]
        print(f"Ray, two one-thread workers vs one: {speedup:.2f}x end to end, {articles_speedup:.2f}x on the article stage (target >= 1.7x)")
    from framing.corpus.store import table_digests

    digests = {engine: table_digests(work / engine) for engine in results}
    same = all(d == digests[next(iter(digests))] for d in digests.values())
    print(f"tables identical across engines ({', '.join(digests)}): {same}")
    for name, value in digests[next(iter(digests))].items():
        print(f"  {name}: {value}")
    precision, recall, f1 = grouping_f1(work / next(iter(results)), story_of)
    print(f"event grouping against the generator's stories (windows of two 7-day blocks): P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")

    memory_rows = []
    for size in (int(x) for x in args.memory_sizes.split(",") if x):
        step(f"local engine, {size} articles: memory")
        sized = work / f"export-{size}.jsonl"
        make_export(data, size, sized)
        r = _subprocess("local", sized, work / f"mem-{size}")
        memory_rows.append([size, round(r["peak_mb"]), round(sum(r["timings"].values()), 1)])
    if memory_rows:
        print()
        print("Local engine, peak memory of the whole build by corpus size")
        print(table(["articles", "peak MB", "seconds"], memory_rows))

    if "ray2" in results or "local" in results:
        engine = "ray2" if "ray2" in results else "local"
        t = results[engine]["timings"]
        core_seconds = sum(t.values()) * cores[engine] / len(rows)
        core_hours = core_seconds * 1_000_000 / 3600
        print()
        print(f"On paper, 1,000,000 articles at this run's {engine} rate ({core_seconds:.2f} core-seconds per article, this CPU): "
              f"{core_hours:,.0f} core-hours, about ${core_hours * PRICE_PER_CORE_HOUR:,.0f} at ${PRICE_PER_CORE_HOUR}/core-hour (assumed)")
        paper = [[n, n * 16, round(core_hours / (n * 16) * 1.1, 1)] for n in (1, 10, 50)]
        print(table(["machines of 16 cores", "cores", "wall hours (+10% for Ray overhead)"], paper))


if __name__ == "__main__":
    main()
