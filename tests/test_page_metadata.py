"""The page set for eval.page_metadata: the gold parses, points at real files and real text, covers
every shape in every language with both splits large enough, and the scorer gives rates in [0, 1]."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from eval.page_metadata import GOLD, PAGES, PageScore, load_gold, score_page, summarise, visible_text

LANGUAGES = {"ru", "uk", "bg", "en"}
TUNING_SHAPES = set("ACEFHJLMNOPQRSTUVWXZ") | {"AA", "AB", "AC", "AD", "AE", "AF", "AG", "AH", "AI", "AJ", "AK", "AL", "AM", "AN",
                                              "AO", "AT", "AU", "AV", "AW", "AX", "AY", "AZ", "BA", "BB", "BC", "BD",
                                              "BE", "BF", "BG", "BH"}
# two letters once the single ones ran out (stop 40)
SHAPES = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ") | {"AA", "AB", "AC", "AD", "AE", "AF", "AG", "AH", "AI", "AJ", "AK", "AL", "AM", "AN",
                                              "AO", "AP", "AQ", "AR", "AS", "AT", "AU", "AV", "AW", "AX",
                                              "AY", "AZ", "BA", "BB", "BC", "BD", "BE", "BF", "BG", "BH"}
STATED_BY = {"meta", "json-ld", "url", "masthead", "title", "none"}


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    return load_gold()


def test_gold_parses_and_every_file_exists(gold):
    assert GOLD.is_file() and len(gold) >= 44
    files = [e["file"] for e in gold]
    assert len(set(files)) == len(files)
    for entry in gold:
        assert (PAGES / entry["file"]).is_file(), entry["file"]
    on_disk = {p.relative_to(PAGES).as_posix() for p in PAGES.rglob("*") if p.suffix in {".html", ".txt", ".md"}}
    assert on_disk == set(files), "pages without gold, or gold without pages"


def test_fields_are_well_formed(gold):
    for entry in gold:
        name = entry["file"]
        assert entry["shape"] in SHAPES and name.startswith(entry["shape"] + "_"), name
        assert entry["split"] == ("tuning" if entry["shape"] in TUNING_SHAPES else "held_out"), name
        assert entry["language"] in LANGUAGES and name.rsplit("/", 1)[1].split(".")[0] == entry["language"], name
        assert entry["date"] == "" or re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry["date"]), name
        assert entry["outlet_stated_by"] in STATED_BY, name
        assert (entry["outlet_stated_by"] == "none") == (not entry["outlet"]), name
        assert entry["body"] and entry["clutter"], name


def test_every_excerpt_occurs_verbatim_in_its_page(gold):
    for entry in gold:
        text = visible_text(PAGES / entry["file"])
        missing = [x for x in entry["body"] + entry["clutter"] if " ".join(x.split()) not in text]
        assert not missing, (entry["file"], missing)


def test_body_excerpts_are_not_inside_clutter(gold):
    """A kept clutter line must not pass for kept body; only the headline may repeat in the <title> line."""
    for entry in gold:
        headline, *rest = entry["body"]
        long_clutter = [c for c in entry["clutter"] if len(c.split()) > 3]
        clash = [b for b in rest for c in long_clutter if b in c]
        clash += [c for c in entry["clutter"] if c in " ".join(entry["body"]) and len(c.split()) > 3]
        assert not clash, (entry["file"], clash)


def test_shapes_languages_and_splits_are_covered(gold):
    assert {e["language"] for e in gold} == LANGUAGES
    per_shape = Counter((e["shape"], e["language"]) for e in gold)
    assert all(per_shape[(shape, lang)] >= 1 for shape in SHAPES for lang in LANGUAGES)
    splits = Counter(e["split"] for e in gold)
    assert splits["tuning"] >= 20 and splits["held_out"] >= 20
    assert any(not e["date"] for e in gold) and any(not e["outlet"] for e in gold)


def test_the_scorer_runs_on_two_pages_and_gives_rates_in_0_1(gold):
    picked = [e for e in gold if e["file"] in ("A_full_meta/en.html", "J_no_metadata/ru.txt")]
    assert len(picked) == 2
    scores = [score_page(e) for e in picked]
    assert all(isinstance(s, PageScore) and s.error is None for s in scores)
    summary = summarise(scores)
    rates = ["date_right", "date_wrong", "invented_dates", "outlet_right", "outlet_wrong", "outlet_unknown",
             "clutter_recall", "body_kept"]
    for key in rates:
        assert summary[key] is not None and 0.0 <= summary[key] <= 1.0, key
    assert summary["pages"] == 2 and summary["dates_stated"] == 1 and summary["dates_unstated"] == 1
