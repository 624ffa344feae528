"""Render the seed report as HTML and look at it the way a person would: in headless Chromium.

    python -m eval.html_check [--out DIR] [--encoder SPEC]

Writes DIR/report.html and DIR/report.png (a full-page screenshot by Debian's chromium, installed
with `apt-get install chromium`), and prints what the browser's DOM holds: tables, rows, cells
marked "not reported", coloured cues, frame labels.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
from pathlib import Path

from eval.common import step
from eval.seed_alignment import SEEDS
from framing.pipeline import compare
from framing.render import to_html, write_atomic


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def browse(page: Path, screenshot: Path, width: int = 1400, height: int = 2400) -> str:
    """The DOM as Chromium built it, and a screenshot of the page."""
    browser = chromium()
    if browser is None:
        raise SystemExit("no chromium found: apt-get install chromium")
    flags = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", f"--window-size={width},{height}"]
    subprocess.run([*flags, f"--screenshot={screenshot}", page.as_uri()], check=True, capture_output=True, timeout=120)
    dom = subprocess.run([*flags, "--dump-dom", page.as_uri()], check=True, capture_output=True, text=True, timeout=120)
    return dom.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="/tmp/framing-html-check")
    parser.add_argument("--encoder", default=None)
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    page = out / "report.html"
    step(f"framing compare {SEEDS}, as HTML")
    write_atomic(page, to_html(compare([str(SEEDS)], encoder=args.encoder)))
    step("Chromium: screenshot and DOM")
    dom = browse(page, out / "report.png")
    counts = {
        "tables": dom.count("<table"),
        "rows": dom.count("<tr"),
        "not reported cells": dom.count('class="missing"'),
        "loaded cues": dom.count('class="loaded"'),
        "attribution cues": dom.count('class="attribution"'),
        "changed words": dom.count('class="changed"'),
        "frame labels": len(re.findall(r'class="frame', dom)),
    }
    for name, value in counts.items():
        print(f"{name:>20}: {value}")
    print(f"screenshot: {out / 'report.png'} ({(out / 'report.png').stat().st_size} bytes)")


if __name__ == "__main__":
    main()
