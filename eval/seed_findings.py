"""Score framing's findings on the seed event against the hand-made gold in eval/gold/seed_findings.toml.

    python -m eval.seed_findings [--show]

Prints, per gold finding, whether it was found and its rank among the event's findings (the target:
found, and in the first ten); --show prints the first ten findings as the terminal lists them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eval.common import step, table

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

GOLD = Path(__file__).parent / "gold" / "seed_findings.toml"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
FIRST = 10


def score(result: object, path: Path = GOLD) -> list[dict]:
    """Per gold finding: its rank among its event's findings (None when not found)."""
    gold = tomllib.loads(path.read_text(encoding="utf-8"))["finding"]
    rows = []
    for entry in gold:
        doc = next(d.id for d in result.documents if d.id.startswith(entry["document"]))  # type: ignore[attr-defined]
        event = result.event_of(doc)  # type: ignore[attr-defined]
        ranked = [f for f in result.findings if f.event == event]  # type: ignore[attr-defined]
        rank = next((i for i, f in enumerate(ranked, 1) if f.kind == entry["kind"] and doc in f.documents
                     and any(entry["excerpt"] in e["text"] for e in f.evidence)), None)
        rows.append({**entry, "rank": rank})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    import framing

    step("framing compare seeds/")
    result = framing.compare([str(SEEDS)])  # as a user runs it: with frames, so frame findings take their ranks
    rows = score(result)
    print(table(["kind", "document", "excerpt", "rank (of the event's findings)", "in the first ten"],
                [[r["kind"], r["document"], r["excerpt"], r["rank"] or "not found", bool(r["rank"] and r["rank"] <= FIRST)] for r in rows]))
    found = sum(1 for r in rows if r["rank"] and r["rank"] <= FIRST)
    print(f"{found} of {len(rows)} gold findings in the first {FIRST}")
    if args.show:
        for f in result.findings[:FIRST]:
            print(f"{f.id:8} {f.kind:12} {f.summary}")


if __name__ == "__main__":
    main()
