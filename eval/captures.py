"""Regenerate the report captures that README.md and eval/reports/README.md quote (real bundled model).

Writes into ``--out`` (default eval/reports): ``seeds_80.txt`` and ``seeds_160.txt`` (``framing compare
seeds/ --width N``, no colour), ``seeds.html`` and ``seeds.md`` (``--html``, ``--markdown``),
``pile12_coverage_80.txt`` (twelve articles of eval/piles/blinken_brussels in four languages, the
coverage view at 80 columns, no frames; and as ``pile12_coverage.md`` and ``.html``), ``html_pages_160.txt`` (the 28 HTML pages of eval/pages, copied
into one folder as a user would save them: each document's outlet and date with where it came from; the
event headers and findings only, ``--findings-only``), ``corpus_summary_80.txt``, ``corpus_page.html`` and
``corpus_page.png`` (the piles of eval/piles and the seeds as one JSONL export, ``framing corpus`` on it:
the terminal summary at 80 columns, the corpus page, and the page in headless Chromium when installed).
Prints one summary line per capture (its claim counts), so
``python -m eval.all`` records them.

    python -m eval.captures [--out DIR]
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path

from eval.common import step

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PILE = ROOT / "eval" / "piles" / "blinken_brussels"
PAGES = ROOT / "eval" / "pages"
PILE12 = ("a7s4", "b4x9", "c8n4", "e6j1", "h1k8", "m8u3", "n9d5", "p2w6", "q7m2", "r1g6", "t3v7", "w2f8")


def _terminal(result: object, width: int, **options: object) -> str:
    from rich.console import Console

    from framing.render import render

    buffer = io.StringIO()
    Console(file=buffer, width=width, color_system=None, force_terminal=False).print(render(result, width=width, **options))
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "eval" / "reports"))
    args = parser.parse_args()
    import framing
    from framing.render import event_views, to_html, to_markdown, write_atomic

    out = Path(args.out)
    step("seed articles: framing compare seeds/")
    seeds = framing.compare([str(SEEDS)])
    for width in (80, 160):
        write_atomic(out / f"seeds_{width}.txt", _terminal(seeds, width))
    write_atomic(out / "seeds.html", to_html(seeds))
    write_atomic(out / "seeds.md", to_markdown(seeds))
    for view in event_views(seeds):
        print(f"seeds, event {view.event.id} ({', '.join(view.event.documents)}): {view.counts.summary()}")
    step("twelve articles of the blinken_brussels pile")
    files = [str(next(PILE.glob(f"{name}*.txt"))) for name in PILE12]
    pile = framing.compare(files, frames=False)
    write_atomic(out / "pile12_coverage_80.txt", _terminal(pile, 80))
    write_atomic(out / "pile12_coverage.md", to_markdown(pile))  # the same grid in the Markdown and HTML reports
    write_atomic(out / "pile12_coverage.html", to_html(pile))
    for view in event_views(pile):
        print(f"pile of 12, event {view.event.id}: {len(view.docs)} documents; {view.counts.summary()}")
    step("the HTML pages of eval/pages in one folder")
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        for page in sorted(PAGES.glob("*/*.html")):
            shutil.copy(page, Path(folder) / f"{page.parent.name[0]}_{page.name}")
        pages = framing.compare([folder], frames=False)
    write_atomic(out / "html_pages_160.txt", _terminal(pages, 160, findings_only=True))  # headers and findings only
    described = sum(1 for d in pages.documents if d.outlet and d.date)
    print(f"HTML pages: {len(pages.documents)} documents, {described} with outlet and date, {len(pages.events)} events")
    corpus_captures(out)


def corpus_captures(out: Path) -> None:
    """``framing corpus`` on the piles (as a JSONL export, manifest fields as columns) and the seeds."""
    import json
    import shutil
    import subprocess
    import tempfile

    from eval.html_check import chromium
    from eval.real_piles import export_rows
    from framing.corpus import build_corpus, open_corpus
    from framing.corpus.page import corpus_page, corpus_summary, overview
    from framing.render import write_atomic

    step("framing corpus: the piles as a JSONL export, and the seeds")
    with tempfile.TemporaryDirectory() as tmp:
        export = Path(tmp) / "export.jsonl"
        with export.open("w", encoding="utf-8") as handle:
            for pile in sorted((ROOT / "eval" / "piles").iterdir()):
                for row in export_rows(pile, f"{pile.name[:3]}-"):
                    handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        folder = Path(tmp) / "corpus"
        report = build_corpus([str(export), str(SEEDS)], folder)
        corpus = open_corpus(folder)
        view = overview(corpus)
        buffer = io.StringIO()
        from rich.console import Console

        Console(file=buffer, width=80, color_system=None, force_terminal=False).print(corpus_summary(corpus, view))
        write_atomic(out / "corpus_summary_80.txt", buffer.getvalue().replace(str(folder), "corpus/"))
        page = corpus_page(corpus, view).replace(str(folder), "corpus/")
        write_atomic(out / "corpus_page.html", page)
        print(f"corpus: {report.documents} articles, {report.events} events, {len(view.outlets)} outlets, "
              f"{len(view.blindspots)} blindspots")
        browser = chromium()
        if browser:
            shutil.copy(out / "corpus_page.html", Path(tmp) / "page.html")
            subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1200,2600",
                            f"--screenshot={out / 'corpus_page.png'}", (Path(tmp) / "page.html").as_uri()],
                           check=True, capture_output=True, timeout=120)
            print("corpus page: screenshot by headless Chromium in corpus_page.png")


if __name__ == "__main__":
    main()
