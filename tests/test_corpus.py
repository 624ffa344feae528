"""The corpus command: exports in, a Parquet dataset out, read back as the same result objects;
incremental, resumable, windows that keep each article in one event. Fake encoder (plumbing)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eval.real_piles import export_rows
from framing.cli import cli
from framing.corpus import CorpusError, build_corpus, engine, open_corpus, prepare
from framing.corpus.sources import read_articles
from framing.corpus.store import CorpusStore, table_digests
from framing.corpus.windows import UNDATED, block_of, resolve, windows_of
from framing.ingest import InputError
from framing.pipeline import compare

from .conftest import FAKE_THRESHOLD, ROOT, SEEDS, FakeEncoder, fake_grouping

PILES = ROOT / "eval" / "piles"


@pytest.fixture
def fake_model(monkeypatch):
    encoder = FakeEncoder()
    monkeypatch.setattr(prepare, "resolve_encoder", lambda spec=None, on_progress=None: encoder)
    return encoder


def pile_rows(pile: str, prefix: str) -> list[dict]:
    return export_rows(PILES / pile, prefix)


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


# -- windows ---------------------------------------------------------------------------------------------
def test_blocks_are_fixed_weeks_and_windows_hold_two():
    assert block_of("2024-11-13") == block_of("2024-11-11") == "2024-11-11"  # a Monday starts the block
    assert block_of("2024-11-18") == "2024-11-18" and block_of(None) == UNDATED and block_of("2024-11") == "2024-11-11"
    assert windows_of(["2024-11-11", UNDATED]) == ["2024-11-04", "2024-11-11", UNDATED]


def test_resolve_keeps_every_article_in_exactly_one_event():
    block = {"a": "2024-11-04", "b": "2024-11-11", "c": "2024-11-11", "d": "2024-11-18", "u": UNDATED}
    groups = {
        "2024-10-28": [["a"]],
        "2024-11-04": [["a", "b"], ["c"]],  # a story across the boundary, whole here
        "2024-11-11": [["b", "c", "d"]],  # sees b again (taken) and c (an event that starts in its own first block)
        "2024-11-18": [["d"]],
        UNDATED: [["u"]],
    }
    kept = resolve(groups, block)
    events = [sorted(m) for window in kept.values() for m in window]
    assert sorted(events) == [["a", "b"], ["c", "d"], ["u"]]
    assert sorted(d for e in events for d in e) == sorted(block)


# -- sources ---------------------------------------------------------------------------------------------
def test_exports_in_three_formats_and_bad_rows_get_one_line_each(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = pile_rows("blinken_brussels", "b-")[:4]
    write_jsonl(tmp_path / "a.jsonl", rows[:2])
    with (tmp_path / "b.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerow(rows[2])
    pq.write_table(pa.Table.from_pylist([rows[3]]), tmp_path / "c.parquet")
    with (tmp_path / "a.jsonl").open("a", encoding="utf-8") as handle:
        handle.write("{not json\n")
        handle.write(json.dumps({"id": "x", "title": "no body"}) + "\n")
    (tmp_path / "d.csv").write_bytes("text,id\n\xff\xfe,1\n".encode("latin-1"))
    found = list(read_articles([str(tmp_path / n) for n in ("a.jsonl", "b.csv", "c.parquet", "d.csv")]))
    articles = [a for a in found if not isinstance(a, InputError)]
    errors = [str(e) for e in found if isinstance(e, InputError)]
    assert [a.doc_id for a in articles] == [r["stories_id"] for r in rows]
    assert articles[0].known["outlet"] == rows[0]["media_name"] and articles[0].known["date"] == rows[0]["publish_date"]
    assert len(errors) == 3, errors
    assert any("a.jsonl:3" in e and "not valid JSON" in e for e in errors)
    assert any("a.jsonl:4" in e and "no article text" in e for e in errors)
    assert any("d.csv" in e and "not UTF-8" in e for e in errors)


# -- building, reading back ------------------------------------------------------------------------------
def test_corpus_event_is_what_compare_gives_for_its_articles(fake_model, tmp_path):
    report = build_corpus([str(SEEDS)], tmp_path / "c", grouping=fake_grouping())
    assert report.added == 5 and report.documents == 5 and not report.errors
    corpus = open_corpus(tmp_path / "c")
    events = corpus.events()
    assert sum(e["n_documents"] for e in events) == 5  # every article in one event
    biggest = corpus.event(events[0]["event"])
    alone = compare([str(SEEDS / f"{d}.txt") for d in biggest.events[0].documents], encoder=fake_model,
                    grouping=fake_grouping(), use_cache=False)
    assert len(alone.events) == 1

    def members(result):  # a claim's own sentences, then those telling it inside a longer sentence
        return sorted((sorted((m.document, m.sentence) for m in c.members), sorted((m.document, m.sentence) for m in c.parts))
                      for c in result.clusters)

    assert members(biggest) == members(alone)
    assert [f.summary for f in biggest.findings] == [f.summary for f in alone.findings]
    doc = biggest.documents[0]
    stored, fresh = biggest.sentence_frames(doc.id, 0), alone.sentence_frames(doc.id, 0)
    assert [name for name, _ in stored] == [name for name, _ in fresh]
    assert [score for _, score in stored] == pytest.approx([score for _, score in fresh], abs=1e-6)
    assert doc.removed == alone.document(doc.id).removed and doc.outlet == alone.document(doc.id).outlet


def test_tables_answer_a_duckdb_query_of_outlets_by_frames(fake_model, tmp_path):
    duckdb = pytest.importorskip("duckdb")
    build_corpus([str(write_jsonl(tmp_path / "x.jsonl", pile_rows("atacms_permission", "a-")))], tmp_path / "c",
                 grouping=fake_grouping())
    root = tmp_path / "c"
    rows = duckdb.sql(f"""
        select d.outlet, s.frame, count(*) as n
        from read_parquet('{root}/documents/*/*.parquet', hive_partitioning = true) d
        join read_parquet('{root}/sentences/*/*.parquet', hive_partitioning = true) s on s.document = d.id
        where s.frame is not null group by all order by n desc""").fetchall()
    stored = open_corpus(root).table("sentences")
    assert sum(n for _, _, n in rows) == int(stored["frame"].notna().sum()) > 0
    assert {o for o, _, _ in rows} <= set(open_corpus(root).table("documents")["outlet"])


def test_adding_articles_embeds_only_them_and_regroups_only_their_windows(fake_model, tmp_path):
    rows = pile_rows("blinken_brussels", "b-")
    dated = sorted((r for r in rows if r["publish_date"]), key=lambda r: r["publish_date"])
    first, later = dated[:-1], dated[-1:]
    root = tmp_path / "c"
    build_corpus([str(write_jsonl(tmp_path / "one.jsonl", first))], root, grouping=fake_grouping())
    touched = {f"window={w}.parquet" for w in windows_of([block_of(later[0]["publish_date"])])}
    untouched = {p: p.stat().st_mtime_ns for p in (root / "events").glob("*.parquet") if p.name not in touched}
    assert untouched
    encoded: list[list[str]] = []
    original = fake_model.encode
    fake_model.encode = lambda texts: encoded.append(list(texts)) or original(texts)
    texts_before = len(CorpusStore(root).read("sentences", columns=["text"]))
    report = build_corpus([str(write_jsonl(tmp_path / "two.jsonl", first + later))], root, grouping=fake_grouping())
    assert report.added == 1 and report.skipped_known == len(first)
    assert report.windows_grouped == 2  # the two windows that hold the new article's week
    assert len(CorpusStore(root).read("sentences", columns=["text"])) > texts_before
    new = [r["text"] for r in CorpusStore(root).read("sentences", columns=["document", "text"]) if r["document"] == later[0]["stories_id"]]
    fresh = list(dict.fromkeys(new))
    assert encoded[0][: len(fresh)] == fresh  # the articles' batch: the new article's sentences, then its units
    units = {r["unit"] for r in CorpusStore(root).read("units", columns=["document", "unit"]) if r["document"] == later[0]["stories_id"]}
    assert set(encoded[0][len(fresh):]) == units - set(fresh)
    # the other calls embed the frame labels' texts and the reference sentences that centre a fake
    # encoder's vectors (once each); aligning reads the units stored with the articles
    old = {r["text"] for r in CorpusStore(root).read("sentences", columns=["text"]) if r["text"] not in new}
    assert len(encoded) <= 6 and not any(t in old for call in encoded for t in call)
    assert all(p.stat().st_mtime_ns == t for p, t in untouched.items())
    again = build_corpus([str(tmp_path / "two.jsonl")], root, grouping=fake_grouping())
    assert (again.added, again.windows_grouped, again.windows_aligned, again.changed_known) == (0, 0, 0, [])
    edited = [{**first[0], "text": first[0]["text"] + "\n\nA line added later."}]
    noted = build_corpus([str(write_jsonl(tmp_path / "three.jsonl", edited))], root, grouping=fake_grouping())
    assert noted.changed_known == [first[0]["stories_id"]] and noted.added == 0  # said, not silently dropped


def test_an_interrupted_run_goes_on_and_ends_as_a_clean_one(fake_model, tmp_path, monkeypatch):
    export = write_jsonl(tmp_path / "x.jsonl", pile_rows("atacms_permission", "a-") + pile_rows("blinken_brussels", "b-"))
    build_corpus([str(export)], tmp_path / "clean", grouping=fake_grouping())
    monkeypatch.setattr(engine, "BATCH_ARTICLES", 4)

    class Interrupted(FakeEncoder):
        def encode(self, texts):
            if self.calls == 4:  # batches 1-3 and, in batch 1, the frame labels' texts: stop in batch 4
                raise KeyboardInterrupt
            return super().encode(texts)

    monkeypatch.setattr(prepare, "resolve_encoder", lambda spec=None, on_progress=None: Interrupted())
    with pytest.raises(KeyboardInterrupt):
        build_corpus([str(export)], tmp_path / "resumed", grouping=fake_grouping())
    assert len(CorpusStore(tmp_path / "resumed").document_ids()) == 12  # three whole batches written
    monkeypatch.setattr(prepare, "resolve_encoder", lambda spec=None, on_progress=None: FakeEncoder())
    report = build_corpus([str(export)], tmp_path / "resumed", grouping=fake_grouping())
    assert report.skipped_known == 12 and report.added == 32
    assert table_digests(tmp_path / "resumed") == table_digests(tmp_path / "clean")  # all seven tables, row for row


def test_other_settings_on_a_built_corpus_are_refused(fake_model, tmp_path):
    build_corpus([str(SEEDS)], tmp_path / "c", grouping=fake_grouping())
    with pytest.raises(CorpusError, match="window_days"):
        build_corpus([str(SEEDS)], tmp_path / "c", grouping=fake_grouping(), window_days=3)


# -- the command -----------------------------------------------------------------------------------------
def test_corpus_command_summary_page_and_compare_from(fake_model, tmp_path):
    export = write_jsonl(tmp_path / "x.jsonl", pile_rows("blinken_brussels", "b-"))
    with export.open("a", encoding="utf-8") as handle:
        handle.write('{"id": "broken"}\n')
    out, page = tmp_path / "c", tmp_path / "page.html"
    run = CliRunner().invoke(cli, ["corpus", str(export), str(SEEDS), "--out", str(out), "--group-threshold", str(FAKE_THRESHOLD),
                                   "--summary", "--html", str(page)], env={"COLUMNS": "80"})
    assert run.exit_code == 3, run.output  # the broken row is skipped (one line); the rest is built, summarised and drawn
    assert "x.jsonl:23: no article text" in run.output and "27 article(s) added" in " ".join(run.output.split())
    assert max(len(line) for line in run.stdout.splitlines()) <= 80  # the summary fits the terminal
    assert "largest events" in run.stdout and "2024-11-11.e1" in run.stdout
    assert "main frame, articles" in run.stdout
    # each outlet's main frame: how many of its articles use it, with a 95% interval that holds the share
    from framing.corpus.page import overview

    for _frame, k, n, low, high in overview(open_corpus(out)).main_frames.values():
        assert 1 <= k <= n and low <= k / n <= high and (n > 1 or low < 0.5)
    html = page.read_text(encoding="utf-8")
    assert 'aria-label="frame shares per outlet over time"' in html and 'aria-label="outlets by events"' in html
    assert html.count("<rect") > 100 and "<script" not in html and "http" not in html.split("<body>")[1].split("framing compare")[0]
    event = open_corpus(out).events()[0]["event"]
    shown = CliRunner().invoke(cli, ["compare", "--from", str(out), "--event", event, "--width", "100", "--findings-only"])
    assert shown.exit_code == 0, shown.output
    assert f"event {event}" in shown.output and "findings:" in shown.output
    wrong = CliRunner().invoke(cli, ["compare", "--from", str(out), "--event", "nope"])
    assert wrong.exit_code == 1 and wrong.output.strip().startswith("error: no event nope") and "Traceback" not in wrong.output
    nothing = CliRunner().invoke(cli, ["corpus", "--out", str(tmp_path / "none"), "--summary"])
    assert nothing.exit_code == 1 and "not a corpus folder" in nothing.output


def test_nothing_usable_creates_nothing(fake_model, tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text('{"id": 1}\n', encoding="utf-8")
    run = CliRunner().invoke(cli, ["corpus", str(tmp_path / "empty.txt"), str(tmp_path / "bad.jsonl"), str(tmp_path / "nope.csv"),
                                   "--out", str(tmp_path / "c")])
    assert run.exit_code == 2, run.output
    lines = [line for line in run.output.splitlines() if line.strip()]
    assert sum(line.startswith("skipped") for line in lines) == 3 and lines[-1].startswith("error: no usable article")
    assert not (tmp_path / "c").exists()


def test_undated_articles_form_their_own_window_and_open_like_any(fake_model, tmp_path):
    # articles without a date anywhere (not in the row, not in the text)
    rows = [
        {"stories_id": "u1", "text": "Міська рада ухвалила бюджет на ремонт мостів.\n\nДепутати підтримали план більшістю голосів."},
        {"stories_id": "u2", "text": "Городской совет принял бюджет на ремонт мостов.\n\nДепутаты поддержали план большинством голосов."},
        {"stories_id": "u3", "text": "The national team won the final after extra time.\n\nFans celebrated in the main square."},
    ]
    dated = pile_rows("atacms_permission", "a-")[:3]
    build_corpus([str(write_jsonl(tmp_path / "x.jsonl", rows + dated))], tmp_path / "c", grouping=fake_grouping())
    corpus = open_corpus(tmp_path / "c")
    events = corpus.events()
    undated = [e for e in events if e["window"] == UNDATED]
    assert sorted(d for e in undated for d in e["documents"]) == sorted(r["stories_id"] for r in rows)
    assert all(e["first_date"] is None and e["event"].startswith("undated.e") for e in undated)
    assert not any(d.startswith("u") for e in events if e["window"] != UNDATED for d in e["documents"])
    result = corpus.event(undated[0]["event"])
    assert [d.id for d in result.documents] == undated[0]["documents"] and all(d.date is None for d in result.documents)


def test_a_day_without_a_year_is_kept_and_gates_undated_articles_as_compare_does(fake_model, tmp_path):
    body = ("Міська рада ухвалила бюджет на ремонт мостів через Дніпро.\n\n"
            "Депутати підтримали план більшістю голосів, а роботи почнуться навесні.")
    rows = [{"stories_id": "w1", "text": f"КИЇВ, 1 лютого — {body}"}, {"stories_id": "w2", "text": f"КИЇВ, 26 червня — {body}"},
            {"stories_id": "w3", "text": f"КИЇВ, 27 червня — {body}"}]
    build_corpus([str(write_jsonl(tmp_path / "x.jsonl", rows))], tmp_path / "c", grouping=fake_grouping())
    corpus = open_corpus(tmp_path / "c")
    grouped = sorted(sorted(e["documents"]) for e in corpus.events())
    assert grouped == [["w1"], ["w2", "w3"]]  # 1 February is at least 145 days from 26 June in any year
    stored = {d.id: d.date_without_year for e in corpus.events() for d in corpus.event(e["event"]).documents}
    assert stored == {"w1": "02-01", "w2": "06-26", "w3": "06-27"}
    alone = compare([(r["text"], {"id": r["stories_id"]}) for r in rows], encoder=fake_model, grouping=fake_grouping(),
                    use_cache=False)
    assert sorted(sorted(e.documents) for e in alone.events) == grouped


def test_progress_counts_every_row_once_and_the_export_streams(fake_model, tmp_path, monkeypatch):
    rows = pile_rows("blinken_brussels", "b-")
    export = write_jsonl(tmp_path / "x.jsonl", rows[:4])
    build_corpus([str(export)], tmp_path / "c", grouping=fake_grouping())
    with export.open("a", encoding="utf-8") as handle:  # 4 known, 1 bad, 10 new
        handle.write('{"id": "bad"}\n')
        for row in rows[4:14]:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    monkeypatch.setattr(engine, "BATCH_ARTICLES", 3)
    held: list[int] = []
    original = engine.LocalEngine.prepare

    def watching(self, rows_in, settings):
        assert not isinstance(rows_in, list)  # a stream, not the whole export
        for status in original(self, rows_in, settings):
            held.append(1)
            yield status

    monkeypatch.setattr(engine.LocalEngine, "prepare", watching)
    stages: dict[str, int | None] = {}
    advanced: dict[str, int] = {}

    def on_stage(name, total):
        stages[name] = total
        stages["now"] = name

    def on_advance(n):
        advanced[stages["now"]] = advanced.get(stages["now"], 0) + n

    report = build_corpus([str(export)], tmp_path / "c", grouping=fake_grouping(), on_stage=on_stage, on_advance=on_advance)
    assert (report.added, report.skipped_known, len(report.errors)) == (10, 4, 1)
    assert stages["articles"] == advanced["articles"] == 15  # the bar's total, and every row counted once
    assert len(held) == 10
