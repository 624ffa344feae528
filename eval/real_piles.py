"""Real-pile check: many outlets on one story, beside same-actor stories on other days.

The piles in ``eval/piles/`` were written for this project in the shapes real coverage takes
(wire rewrites, briefs, long pieces, reactions, misattributed quotes, site clutter), in ru/uk/bg/en,
after reading many outlets' real coverage of the same two stories; no text was copied (see each
pile's README.md). ``gold.toml`` gives every article's event and, for the main story, the
sentences that state each of its central claims. The seeds are a third pile (gold: 000, 001 and
002 are one event; 003 and 004 two others).

Each pile runs three ways: with its manifest (outlet, language, date known), with the manifest
but no dates, and from the text alone (metadata read off the articles).

Scores: event grouping as pairwise P/R/F1 over all articles, and how many events the main
story's articles fall into; claim pairs (two sentences of different articles stating one gold
claim) as recall over gold pairs, and precision over predicted pairs whose two sentences are both
annotated (a pair touching an unannotated sentence is not judged: the gold lists a selection of
the shared facts). "claim R bound" is the recall a claim partition with at most one sentence per article in a claim
can reach (the model plays no part in it): an article that states a claim twice (headline and lead) cannot have
both sentences in it, so the gold pairs of its second sentence with the others' first are out of reach (a sentence
listed as a part of a second claim counts for both, so the aligner's recall can pass the bound a little).
"'check' members" counts the members the report marks as sharing claims with few of their event's other articles
(perhaps another occasion with the same people): "right" ones belong to the event's majority, "wrong" ones do not.
"set apart" counts the members set apart from an event (as a later occasion: dated two or more days after its day,
sharing few claims; or sharing claims with few of its articles): "story's" ones belonged to the event's majority
(wrongly set apart), "others'" did not. A line per metadata mode gives the mean group F1 over the piles.
"omissions: right / wrong" judges the report's "leaves out" findings on the main story's gold claims: wrong where the
article said to leave the claim out states it (the gold lists a sentence of it there), right where it does not; findings
on claims no gold sentence is in are not judged; "elsewhere" counts the findings that an article of another event, joined
to the story's event, leaves out the story's claims (wrong for a reader, who is told an article on another occasion omits
what the story's articles report).
"oracle events" runs the main story's articles alone, without the other events' articles (they may still be split
into more than one event), to tell alignment from grouping.

A second table runs every pile in one folder, as a user who saved them all would: the main stories must stay one
event each beside the other piles' articles, and one real event that two piles hold (Damascus falling, in assad_fall
and in notre_dame's other events) is one event there (``SAME_EVENT_ACROSS``). Its last column counts the pairs of one
pile's articles that come out otherwise there than in the pile run by itself (joined only there, or split only there).

A third table compares every two articles of a pile alone, as ``framing compare a.txt b.txt`` would: how many
pairs of one story join and how many pairs of two events do, with the dates of the manifest, with the dates read
off the text, and with no dates at all. Inside a pile, average linkage weighs each article against all the others;
alone, a pair has only its own score, and same-actor stories on other days score as high as the story itself.

    python -m eval.real_piles [--encoder SPEC] [--show]
"""

from __future__ import annotations

import argparse
import sys
from itertools import combinations
from pathlib import Path

from eval.common import prf, step, table

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PILES = Path(__file__).resolve().parent / "piles"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
MODES = ("manifest", "no dates", "text only")


def load_pile(folder: Path) -> tuple[list[tuple[str, dict]], dict[str, str], list[tuple[str, list[tuple[str, str]]]]]:
    """(text, metadata with id) per article, the gold event of each article id, the gold claims."""
    manifest_path = folder / "manifest.toml"
    manifest = {a["file"]: a for a in tomllib.loads(manifest_path.read_text(encoding="utf-8"))["article"]}
    gold_path = folder / "gold.toml"
    if gold_path.exists():
        gold = tomllib.loads(gold_path.read_text(encoding="utf-8"))
        event_of = {Path(f).stem: e["id"] for e in gold["event"] for f in e["documents"]}
        claims = [(c["id"], [(Path(f).stem, text) for f, text in c["mentions"]]) for c in gold.get("claim", [])]
    else:  # the seeds
        event_of = {Path(f).stem: ("main" if f[:3] in ("000", "001", "002") else f[:3]) for f in manifest}
        claims = []
    articles = [((folder / name).read_text(encoding="utf-8"), {**meta, "id": Path(name).stem}) for name, meta in sorted(manifest.items())]
    return articles, event_of, claims


def export_rows(folder: Path, prefix: str = "") -> list[dict]:
    """A pile as the rows of an export (Media Cloud's column names), its manifest's fields as columns:
    what ``framing corpus`` reads from a JSONL, CSV or Parquet file."""
    articles, _, _ = load_pile(folder)
    return [{"stories_id": f"{prefix}{meta['id']}", "text": text, "media_name": meta.get("outlet"), "publish_date": meta.get("date"),
             "language": meta.get("language"), "country": meta.get("country")} for text, meta in articles]


def as_mode(articles: list[tuple[str, dict]], mode: str) -> list[tuple[str, dict]]:
    if mode == "manifest":
        return [(text, {k: v for k, v in meta.items() if k != "file"}) for text, meta in articles]
    if mode == "no dates":
        return [(text, {k: v for k, v in meta.items() if k not in ("file", "date")}) for text, meta in articles]
    return [(text, {"id": meta["id"]}) for text, meta in articles]


def main_event(event_of: dict[str, str]) -> str:
    counts: dict[str, int] = {}
    for event in event_of.values():
        counts[event] = counts.get(event, 0) + 1
    return max(counts, key=lambda e: counts[e])


def sentence_of(result: object, doc_id: str, piece: str) -> int | None:
    doc = result.document(doc_id)  # type: ignore[attr-defined]
    found = [s.id for s in doc.sentences if piece in s.text]
    return found[0] if len(found) == 1 else None


def score_pile(result: object, event_of: dict[str, str], claims: list) -> dict[str, float]:
    docs = [d.id for d in result.documents]  # type: ignore[attr-defined]
    predicted_event = {d: result.event_of(d) for d in docs}  # type: ignore[attr-defined]
    gold_pairs = {(a, b) for a, b in combinations(sorted(docs), 2) if event_of[a] == event_of[b]}
    predicted_pairs = {(a, b) for a, b in combinations(sorted(docs), 2) if predicted_event[a] == predicted_event[b]}
    p, r, f1 = prf(predicted_pairs, gold_pairs)
    main = main_event(event_of)
    main_docs = [d for d in docs if event_of[d] == main]
    out = {"group_p": p, "group_r": r, "group_f1": f1, "main_events": len({predicted_event[d] for d in main_docs}),
           "main_size": len(main_docs)}
    # members the report calls unsure (joined on topic alone, no date to compare) and members it asks to check
    # (sharing claims with few of a large event): in their event's majority or not
    out["unsure"] = marked_members(result, event_of, "unsure")
    out["checked"] = marked_members(result, event_of, "few_shared_claims")
    # members set apart as a later occasion: of the story they left (wrongly) / of other occasions (rightly)
    out["later"] = marked_members(result, event_of, "set_apart")
    if not claims:
        return out
    claim_rows: dict[tuple[str, int], set[str]] = {}
    missing = 0
    for claim_id, mentions in claims:
        for doc_id, piece in mentions:
            sentence = sentence_of(result, doc_id, piece)
            if sentence is None:
                missing += 1  # removed as clutter, or split differently
                continue
            claim_rows.setdefault((doc_id, sentence), set()).add(claim_id)
    gold = {tuple(sorted((x, y))) for x, y in combinations(claim_rows, 2) if x[0] != y[0] and claim_rows[x] & claim_rows[y]}
    predicted = set()
    for cluster in result.clusters:  # type: ignore[attr-defined]
        rows = [(m.document, m.sentence) for m in (*cluster.members, *cluster.parts)]  # parts are aligned with it too
        predicted |= {tuple(sorted((x, y))) for x, y in combinations(rows, 2) if x[0] != y[0]}
    judged = {pair for pair in predicted if pair[0] in claim_rows and pair[1] in claim_rows}
    correct = {pair for pair in judged if claim_rows[pair[0]] & claim_rows[pair[1]]}
    out.update(judged_omissions(result, event_of, claims, claim_rows))
    out.update({
        "claim_p": len(correct) / len(judged) if judged else 0.0,
        "claim_r": len(gold & predicted) / len(gold) if gold else 0.0,
        "claim_r_bound": len(gold & reachable_pairs(claim_rows)) / len(gold) if gold else 0.0,
        "claim_pairs": len(gold),
        "mentions_lost": missing,
    })
    return out


def judged_omissions(result: object, event_of: dict[str, str], claims: list,
                     claim_rows: dict[tuple[str, int], set[str]]) -> dict[str, int]:
    """The "leaves out" findings on the main story's gold claims: a finding's claim is the gold claim most of its
    annotated members state; the finding is wrong when the article said to leave it out states it (the gold lists a
    sentence of it there), right when it does not. Not judged: a claim with no annotated member, a claim of another event.
    Counted apart ("elsewhere"): a finding that an article of another event, joined to the story's event, leaves out the
    story's claim (a reader is told that an article on another occasion omits what the story's articles report). A
    finding that says the article tells the claim "in its headline only" is wrong when the article states it in its text."""
    main = main_event(event_of)
    stating = {claim_id: {doc_id for doc_id, _ in mentions} for claim_id, mentions in claims}
    in_text = {claim_id: {d for (d, s), ids in claim_rows.items() if claim_id in ids
                          and not result.document(d).sentences[s].is_title}  # type: ignore[attr-defined]
               for claim_id in stating}
    clusters = {c.id: c for c in result.clusters}  # type: ignore[attr-defined]
    right = wrong = elsewhere = 0
    for finding in result.findings:  # type: ignore[attr-defined]
        if finding.kind != "omission":
            continue
        votes: dict[str, int] = {}
        for m in clusters[finding.clusters[0]].members:
            for claim_id in claim_rows.get((m.document, m.sentence), ()):
                votes[claim_id] = votes.get(claim_id, 0) + 1
        missing = finding.documents[0]
        if not votes:
            continue
        if event_of.get(missing) != main:
            elsewhere += 1
            continue
        claim_id = max(sorted(votes), key=lambda c: votes[c])
        told = missing in (in_text if "(in its headline only)" in finding.summary else stating)[claim_id]
        wrong += told
        right += not told
    return {"omissions_right": right, "omissions_wrong": wrong, "omissions_elsewhere": elsewhere}


def marked_members(result: object, event_of: dict[str, str], key: str) -> str:
    """"right / wrong": members listed under ``key`` in their event's evidence that belong to its majority, and not."""
    right = wrong = 0
    for event in result.events:  # type: ignore[attr-defined]
        majority = max((event_of[d] for d in event.documents), key=lambda e: sum(event_of[d] == e for d in event.documents))
        for d in event.evidence.get(key, {}):
            right += event_of[d] == majority
            wrong += event_of[d] != majority
    return f"{right} / {wrong}"


def reachable_pairs(claim_rows: dict[tuple[str, int], set[str]]) -> set[tuple]:
    """The gold pairs a partition with at most one sentence per article in a claim can hold, claim by claim: an
    article's first sentence stating the claim goes with the other articles' first, its second with their second."""
    out: set[tuple] = set()
    for claim in sorted({c for claims in claim_rows.values() for c in claims}):
        layers: dict[int, list[tuple[str, int]]] = {}
        seen: dict[str, int] = {}
        for row in sorted(r for r, claims in claim_rows.items() if claim in claims):
            layers.setdefault(seen.get(row[0], 0), []).append(row)
            seen[row[0]] = seen.get(row[0], 0) + 1
        out |= {tuple(sorted((x, y))) for rows in layers.values() for x, y in combinations(rows, 2)}
    return out


PAIR_MODES = ("manifest", "text only", "no dates at all")


def pairs_alone(folder: Path, mode: str, encoder: object) -> dict[str, int]:
    """Every two articles of the pile grouped alone: pairs of one event that join, pairs of two events that join."""
    from dataclasses import replace

    from framing.embed import centroids_for
    from framing.ingest import documents_from_texts
    from framing.pipeline import group_events, vectors_by_document

    articles, event_of, _ = load_pile(folder)
    documents = documents_from_texts(as_mode(articles, "text only" if mode == "text only" else "manifest"))
    if mode == "no dates at all":
        documents = [replace(d, date=None) for d in documents]
    documents = [d for d in documents if d.sentences]
    vectors = vectors_by_document(encoder.encode([s.text for d in documents for s in d.sentences]), documents)  # type: ignore[attr-defined]
    centroids = centroids_for(encoder)  # type: ignore[arg-type]
    counts = {"same": 0, "same_joined": 0, "same_unsure": 0, "other": 0, "other_joined": 0, "other_unsure": 0}
    for a, b in combinations(documents, 2):
        events = group_events([a, b], vectors, centroids)
        kind = "same" if event_of[a.id] == event_of[b.id] else "other"
        counts[kind] += 1
        counts[f"{kind}_joined"] += len(events) == 1
        counts[f"{kind}_unsure"] += len(events) == 1 and bool(events[0].evidence.get("unsure"))
    return counts


def run_pairs(model: object) -> list[list]:
    rows = []
    for folder in [*sorted(p for p in PILES.iterdir() if (p / "manifest.toml").exists()), SEEDS]:
        for mode in PAIR_MODES:
            step(f"{folder.name}: every two articles alone, {mode}")
            c = pairs_alone(folder, mode, model)
            tp, fp, fn = c["same_joined"], c["other_joined"], c["same"] - c["same_joined"]
            rows.append([folder.name, mode, f"{tp} of {c['same']}", f"{fp} of {c['other']}", 2 * tp / (2 * tp + fp + fn) if tp else 0.0,
                         f"{c['same_unsure']} / {c['other_unsure']}"])
    return rows


def run(model: object, show: bool, decided: dict[str, dict[str, str]] | None = None,
        summary: dict[str, tuple[int, ...]] | None = None) -> list[list]:
    """The first table; ``decided`` gets each pile's event per article (manifest metadata), for :func:`run_together`;
    ``summary`` the omission findings judged right, wrong and elsewhere over the piles, per metadata mode."""
    import framing

    rows = []
    piles = [*sorted(p for p in PILES.iterdir() if (p / "manifest.toml").exists()), SEEDS]
    omissions = {mode: [0, 0, 0] for mode in MODES}
    for folder in piles:
        articles, event_of, claims = load_pile(folder)
        for mode in MODES:
            step(f"{folder.name}: {len(articles)} articles, {mode}")
            result = framing.compare(as_mode(articles, mode), encoder=model, frames=False)
            m = score_pile(result, event_of, claims)
            if decided is not None and mode == "manifest":
                decided[folder.name] = {d.id: result.event_of(d.id) for d in result.documents}  # type: ignore[attr-defined]
            oracle = ""
            if claims and mode == "manifest":
                main = main_event(event_of)
                only_main = [a for a in as_mode(articles, mode) if event_of[a[1]["id"]] == main]
                o = score_pile(framing.compare(only_main, encoder=model, frames=False), {k: v for k, v in event_of.items() if v == main}, claims)
                oracle = f"{o['claim_p']:.2f} / {o['claim_r']:.2f}"
            rows.append([folder.name, mode, len(articles), m["main_size"], m["main_events"], m["group_p"], m["group_r"], m["group_f1"],
                         f"{m['claim_p']:.2f} / {m['claim_r']:.2f}" if claims else "-", f"{m['claim_r_bound']:.2f}" if claims else "-",
                         oracle or "-", f"{m['omissions_right']} / {m['omissions_wrong']} / {m['omissions_elsewhere']}" if claims else "-",
                         m["unsure"], m["checked"], m["later"]])
            if claims:
                omissions[mode][0] += m["omissions_right"]
                omissions[mode][1] += m["omissions_wrong"]
                omissions[mode][2] += m["omissions_elsewhere"]
            if show:
                for event in result.events:
                    print(f"{folder.name} [{mode}] {event.id}: " + ", ".join(f"{d}({event_of[d]})" for d in event.documents))
    if summary is not None:
        summary.update({mode: tuple(counts) for mode, counts in omissions.items()})
    return rows


# One real event that two piles hold under their own event ids (each pile's gold knows only its own articles): in one
# folder, their articles are one event.
SAME_EVENT_ACROSS = {
    ("notre_dame", "assad_fall"): ("assad_fall", "assad_fall"),  # Damascus falls, 8 Dec 2024
    ("notre_dame", "trump_syria_post"): ("assad_fall", "trump_post"),  # Trump's "not our fight", 7 Dec 2024
    ("victory_plan", "nato_summit_july"): ("hague_summit", "washington_summit"),  # NATO's Washington summit, Jul 2024
    ("pope_francis", "trump_zelensky_vatican"): ("vatican_meeting", "vatican_meeting"),  # St Peter's, 26 Apr 2025
    ("pope_francis", "leo_xiv_elected"): ("pope_leo", "leo_elected"),  # Leo XIV elected, 8 May 2025
    ("alaska_summit", "istanbul_talks"): ("istanbul_talks", "istanbul_talks"),  # first Istanbul talks, 16 May 2025
    ("spiderweb", "istanbul_talks"): ("istanbul_talks", "istanbul_round_two"),  # second Istanbul round, 2 Jun 2025
    ("atacms_permission", "oreshnik_dnipro"): ("oreshnik_strike", "oreshnik_dnipro"),  # Oreshnik on Dnipro, 21 Nov 2024
    ("oreshnik_strike", "atacms_bryansk"): ("atacms_permission", "first_strike"),  # first ATACMS strike, 19 Nov 2024
    ("alaska_summit", "february_call"): ("trump_putin_call", "trump_putin_call"),  # Trump-Putin call, 12 Feb 2025
    ("oval_office", "minerals_signed"): ("minerals_deal", "minerals_signing"),  # the minerals deal signed, 30 Apr 2025
    ("minerals_deal", "oval_office_collapse"): ("oval_office", "oval_office"),  # the Oval Office clash, 28 Feb 2025
    ("nord_stream_leak", "leaks_sept_2022"): ("nord_stream", "nord_stream_leaks"),  # the Nord Stream blasts, 26 Sep 2022
    # the piles of stop 39 tell stories that older piles have as occasions, and the other way round
    ("oval_office", "vatican_meeting"): ("vatican_meeting", "vatican_meeting"),
    ("vatican_meeting", "pope_funeral"): ("pope_francis", "funeral"),  # the funeral Mass, 26 Apr 2025
    ("vatican_meeting", "minerals_signed"): ("minerals_deal", "minerals_signing"),
    ("vatican_meeting", "leo_elected"): ("pope_leo", "leo_elected"),
    ("vatican_meeting", "oval_office"): ("oval_office", "oval_office"),
    ("vatican_meeting", "kyiv_strike"): ("sumy_strike", "kyiv_strike"),  # the Kyiv strike and "Vladimir, STOP", 24 Apr 2025
    ("navalny_death", "navalny_funeral"): ("navalny_funeral", "navalny_funeral"),  # 1 Mar 2024
    ("avdiivka_withdrawal", "navalny_death"): ("navalny_death", "navalny_death"),  # 16 Feb 2024
    ("avdiivka_withdrawal", "syrskyi_appointment"): ("zaluzhnyi_dismissal", "zaluzhnyi_dismissal"),  # 8 Feb 2024
    ("carlson_interview", "kremlin_on_zaluzhny"): ("zaluzhnyi_dismissal", "zaluzhnyi_dismissal"),  # Peskov on it, 9 Feb 2024
    ("carlson_interview", "syrskyi_first_day"): ("zaluzhnyi_dismissal", "syrskyi_first_meeting"),  # 9 Feb 2024
    ("zaluzhnyi_dismissal", "avdiivka_withdrawal"): ("avdiivka_withdrawal", "avdiivka_withdrawal"),  # 17 Feb 2024
    ("zaluzhnyi_dismissal", "carlson_release"): ("carlson_interview", "carlson_interview_release"),  # 8 Feb 2024
    ("trump_elected", "scholz_fires_lindner"): ("coalition_collapse", "coalition_collapse"),  # 6 Nov 2024
    ("trump_elected", "trump_inauguration"): ("inauguration", "trump_inauguration"),  # 20 Jan 2025
    ("netanyahu_warrant", "putin_warrant"): ("icc_putin_warrant", "icc_putin_warrant"),  # 17 Mar 2023
    ("xi_moscow", "icc_warrant"): ("icc_putin_warrant", "icc_putin_warrant"),
    ("xi_moscow", "putin_mariupol"): ("icc_putin_warrant", "mariupol_visit"),  # 18-19 Mar 2023
    ("netanyahu_warrant", "oreshnik_address"): ("oreshnik_strike", "oreshnik_dnipro"),  # Putin's address, 21 Nov 2024
    # the piles of stop 40
    ("south_korea_martial_law", "yoon_martial_law"): ("martial_law", "martial_law_night"),  # 3-4 Dec 2024
    ("south_korea_martial_law", "impeachment_motion"): ("martial_law", "impeachment_motion"),  # 4 Dec 2024
    ("south_korea_martial_law", "kim_resignation"): ("martial_law", "defence_minister_out"),  # offered 4, accepted 5 Dec
    ("south_korea_martial_law", "apology_address"): ("martial_law", "yoon_apology"),  # 7 Dec 2024
    ("south_korea_martial_law", "failed_impeachment"): ("martial_law", "impeachment_vote_fails"),  # 7 Dec 2024
    ("trump_putin_call", "vance_zelensky_munich"): ("vance_munich", "vance_munich"),  # Munich, 14 Feb 2025
    ("vance_munich", "trump_putin_call"): ("trump_putin_call", "trump_putin_call"),  # 12 Feb 2025
    ("vance_munich", "hegseth_brussels"): ("trump_putin_call", "hegseth_brussels"),  # 12 Feb 2025
    ("vance_munich", "paris_summit"): ("riyadh_talks", "paris_meeting"),  # the Elysee meeting, 17 Feb 2025
    ("vance_munich", "germany_election"): ("germany_election", "germany_election"),  # 23 Feb 2025
    ("vance_munich", "oval_office"): ("oval_office", "oval_office"),  # 28 Feb 2025
    ("london_summit", "london_summit"): ("oval_office", "london_summit"),  # Lancaster House, 2 Mar 2025
    ("london_summit", "us_aid_pause"): ("oval_office", "aid_pause"),  # 3-4 Mar 2025
    ("sweden_nato", "finland_joins"): ("finland_nato", "finland_joins"),  # 4 Apr 2023
    ("sweden_nato", "vilnius_deal"): ("vilnius_summit", "sweden_turkey"),  # Vilnius, 10 Jul 2023
    ("new_start", "biden_kyiv_visit"): ("biden_kyiv", "biden_kyiv"),  # 20 Feb 2023
    ("biden_kyiv", "putin_address"): ("new_start", "new_start_suspension"),  # 21 Feb 2023
    ("biden_kyiv", "warsaw_speech"): ("new_start", "biden_warsaw_speech"),  # 21 Feb 2023
    ("biden_kyiv", "wang_yi_putin"): ("new_start", "wang_yi_putin"),  # 22 Feb 2023
    ("putin_pyongyang", "vostochny_2023"): ("kim_vostochny", "kim_vostochny"),  # Vostochny, 13 Sep 2023
    ("bakhmut_claim", "belgorod_incursion"): ("belgorod_incursion", "belgorod_incursion"),  # 22 May 2023
    ("belgorod_incursion", "prigozhin_bakhmut"): ("bakhmut_claim", "bakhmut_claim"),  # 20 May 2023
    ("belgorod_incursion", "march_2024_raids"): ("kursk_incursion", "volunteer_raid"),  # 12 Mar 2024
    ("moldova_runoff", "first_round_referendum"): ("moldova_referendum", "moldova_referendum"),  # 20 Oct 2024
    ("moldova_referendum", "moldova_runoff"): ("moldova_runoff", "moldova_runoff_result"),  # 3 Nov 2024
    ("moldova_referendum", "eu_talks_open"): ("eu_talks_open", "moldova_igc"),  # Luxembourg, 25 Jun 2024
    ("okhmatdyt_strike", "nato_air_defence"): ("hague_summit", "washington_summit"),  # Washington, 9-11 Jul 2024
    ("crimea_bridge_2023", "bridge_blast_oct_2022"): ("crimea_bridge", "crimea_bridge_blast"),  # 8 Oct 2022
    ("crimea_bridge_2023", "grain_deal_exit"): ("grain_deal", "grain_deal_exit"),  # 17 Jul 2023
    # the piles of stop 41
    ("putin_reelection", "navalny_funeral"): ("navalny_funeral", "navalny_funeral"),  # 1 Mar 2024
    ("putin_reelection", "noon_protests"): ("navalny_funeral", "noon_against_putin"),  # 17 Mar 2024
    ("lebanon_ceasefire", "pager_blasts"): ("pager_blasts", "pager_blasts"),  # 17 Sep 2024
    ("netanyahu_warrant", "hezbollah_ceasefire"): ("lebanon_ceasefire", "lebanon_ceasefire"),  # 26-27 Nov 2024
    ("israel_strikes_iran", "iran_missile_attack"): ("iran_missile_attack", "iran_missile_attack"),  # 1 Oct 2024
    ("iran_missile_attack", "israel_strikes_iran"): ("israel_strikes_iran", "israel_strikes_iran"),  # 26 Oct 2024
    ("scholz_putin_call", "atacms_permission"): ("atacms_permission", "permission"),  # 17 Nov 2024
    ("scholz_putin_call", "coalition_collapse"): ("coalition_collapse", "coalition_collapse"),  # 6 Nov 2024
    ("grain_deal", "crimea_bridge_attack"): ("crimea_bridge_2023", "crimea_bridge_attack"),  # 17 Jul 2023
    ("bulgaria_election", "romania_first_round"): ("romania_annulment", "first_round_result"),  # 24 Nov 2024
    ("leopard_tanks", "challenger_pledge"): ("dnipro_strike", "challenger_pledge"),  # 14 Jan 2023
    ("leopard_tanks", "ramstein_no_decision"): ("dnipro_strike", "ramstein_jan"),  # 20 Jan 2023
    # the piles of stop 42
    ("peace_summit_burgenstock", "victory_plan"): ("victory_plan", "victory_plan"),  # the Victory Plan in the Rada, 16 Oct 2024
    ("peace_summit_burgenstock", "istanbul_talks"): ("istanbul_talks", "istanbul_talks"),
    ("peace_summit_burgenstock", "peskov_briefing"): ("victory_plan", "peskov_peace_formula"),  # Peskov on the summit, 17 Jun 2024
    ("gas_transit_end", "schengen_full"): ("schengen_bulgaria", "full_entry_2025"),  # Bulgaria fully in Schengen, 1 Jan 2025
    ("moskva_sinking", "snake_island_retaken"): ("snake_island_withdrawal", "snake_island_withdrawal"),  # 30 Jun 2022
    ("moskva_sinking", "snake_island_feb24"): ("snake_island_withdrawal", "island_captured"),  # 24 Feb 2022
    # the piles of stop 43
    ("icc_putin_warrant", "mongolia_visit"): ("putin_mongolia_visit", "putin_mongolia_visit"),  # Ulaanbaatar, 3 Sep 2024
    ("putin_mongolia_visit", "icc_warrant_2023"): ("icc_putin_warrant", "icc_putin_warrant"),  # 17 Mar 2023
    ("putin_mongolia_visit", "brics_johannesburg"): ("prigozhin_crash", "brics_address"),  # BRICS by video, 23 Aug 2023
    ("macron_troops_remark", "putin_address"): ("navalny_funeral", "putin_address"),  # the Federal Assembly, 29 Feb 2024
    ("mariupol_theatre_strike", "putin_mariupol_visit"): ("icc_putin_warrant", "mariupol_visit"),  # 18-19 Mar 2023
    ("navalny_poisoning", "navalny_death"): ("navalny_death", "navalny_death"),  # 16 Feb 2024
    ("denkov_resignation", "schengen_air_sea"): ("schengen_bulgaria", "schengen_bulgaria"),  # 31 Mar 2024
    ("snake_island_withdrawal", "moskva_sinking"): ("moskva_sinking", "moskva_sinking"),  # 14 Apr 2022
    ("bulgaria_expels_diplomats", "gazprom_cutoff"): ("gazprom_cutoff", "gazprom_halt"),  # 27 Apr 2022
    # the piles of stop 44 (and vilnius_summit's Washington summit, found then)
    ("vilnius_summit", "washington_summit"): ("hague_summit", "washington_summit"),  # 10 Jul 2024
    ("nato_washington_summit", "washington_summit"): ("hague_summit", "washington_summit"),  # 10 Jul 2024
    ("nato_washington_summit", "okhmatdyt_strike"): ("okhmatdyt_strike", "okhmatdyt_strike"),  # 8 Jul 2024
    ("nato_washington_summit", "orban_moscow"): ("orban_moscow", "orban_moscow"),  # 5 Jul 2024
    ("nato_washington_summit", "vilnius_2023"): ("vilnius_summit", "vilnius_communique"),  # 11 Jul 2023
    ("starmer_kyiv_visit", "london_summit"): ("oval_office", "london_summit"),  # Lancaster House, 2 Mar 2025
    ("starmer_kyiv_visit", "lammy_blinken_kyiv"): ("blinken_brussels", "kyiv_september"),  # 11 Sep 2024
    ("zhelyazkov_government", "zhelyazkov_government"): ("bulgaria_election", "zhelyazkov_government"),  # 16 Jan 2025
    ("merz_chancellor_vote", "merz_chancellor_vote"): ("germany_election", "merz_elected_chancellor"),  # 6 May 2025
    ("merz_chancellor_vote", "february_election"): ("germany_election", "germany_election"),  # 23 Feb 2025
    ("merz_chancellor_vote", "kyiv_visit"): ("starmer_kyiv_visit", "coalition_kyiv_may"),  # 10 May 2025
    ("kharkiv_epicentr_strike", "biden_permission"): ("atacms_permission", "kharkiv_permission"),  # 30 May 2024
    ("iran_israel_ceasefire", "hague_remarks"): ("hague_summit", "trump_iran_remarks"),  # The Hague, 25 Jun 2025
    ("romania_georgescu_barred", "romania_georgescu_barred"): ("romania_dan_win", "georgescu_barred"),  # 9-11 Mar 2025
    ("romania_georgescu_barred", "vance_munich"): ("vance_munich", "vance_munich"),  # Munich, 14 Feb 2025
    ("romania_georgescu_barred", "annulment_dec2024"): ("romania_annulment", "romania_annulment"),  # 6 Dec 2024
    ("romania_georgescu_barred", "dan_wins"): ("romania_dan_win", "romania_dan_win"),  # 18 May 2025
    ("moldova_election_2025", "moldova_election_2025"): ("moldova_referendum", "parliamentary_2025"),  # 28 Sep 2025
    ("moldova_election_2025", "referendum_2024"): ("moldova_referendum", "moldova_referendum"),  # 20 Oct 2024
    ("moldova_election_2025", "runoff_2024"): ("moldova_runoff", "moldova_runoff_result"),  # 3 Nov 2024
    ("black_sea_deal", "jeddah_talks"): ("riyadh_talks", "jeddah_talks"),  # Jeddah, 11 Mar 2025
    ("black_sea_deal", "putin_trump_call"): ("trump_putin_call", "march_call"),  # 18 Mar 2025
    ("black_sea_deal", "riyadh_russia_us"): ("riyadh_talks", "riyadh_black_sea"),  # Riyadh, 24 Mar 2025
    ("black_sea_deal", "grain_deal_exit"): ("grain_deal", "grain_deal_exit"),  # 17 Jul 2023
    ("jeddah_talks", "jeddah_talks"): ("riyadh_talks", "jeddah_talks"),  # Jeddah, 11 Mar 2025
    ("jeddah_talks", "oval_office"): ("oval_office", "oval_office"),  # 28 Feb 2025
    ("jeddah_talks", "aid_pause"): ("oval_office", "aid_pause"),  # 3-5 Mar 2025
    ("kursk_sudzha_recapture", "jeddah_talks"): ("riyadh_talks", "jeddah_talks"),  # Jeddah, 11 Mar 2025
    ("kursk_sudzha_recapture", "putin_nuances"): ("jeddah_talks", "putin_nuances"),  # 13 Mar 2025
    ("kursk_sudzha_recapture", "witkoff_moscow"): ("jeddah_talks", "witkoff_moscow"),  # 13 Mar 2025
    ("borrell_kallas_handover", "scholz_kyiv"): ("scholz_putin_call", "kyiv_visit"),  # 2 Dec 2024
    ("pope_francis_funeral", "pope_francis_funeral"): ("pope_francis", "funeral"),  # 26 Apr 2025
    ("pope_francis_funeral", "vatican_meeting"): ("vatican_meeting", "vatican_meeting"),  # St Peter's, 26 Apr 2025
    ("pope_francis_funeral", "rome_side_talks"): ("vatican_meeting", "rome_side_talks"),  # Rome, 26 Apr 2025
    ("pope_francis_funeral", "francis_death"): ("pope_francis", "francis_death"),  # 21 Apr 2025
    ("pope_francis_funeral", "leo_inauguration"): ("pope_leo", "inauguration"),  # 18 May 2025
    ("crimea_bridge_2022_repairs", "engels_dyagilevo"): ("kremlin_drones", "engels_dec_2022"),  # 5 Dec 2022
    ("crimea_bridge_2022_repairs", "mariupol_visit"): ("icc_putin_warrant", "mariupol_visit"),  # 18-19 Mar 2023
    ("crimea_bridge_2022_repairs", "bridge_blast_oct8"): ("crimea_bridge", "crimea_bridge_blast"),  # 8 Oct 2022
    ("chornobyl_drone_hit", "zelensky_vance_munich"): ("vance_munich", "vance_munich"),  # Munich, 14 Feb 2025
    ("chornobyl_drone_hit", "zelensky_munich_speech"): ("vance_munich", "zelensky_munich_speech"),  # 15 Feb 2025
    ("estonia_airspace_mig31", "poland_drones"): ("poland_drones", "poland_drones"),  # drones over Poland, 10 Sep 2025
    ("kyiv_cabinet_strike", "poland_drones"): ("poland_drones", "poland_drones"),  # drones over Poland, 10 Sep 2025
    ("kyiv_cabinet_strike", "okhmatdyt_strike"): ("okhmatdyt_strike", "okhmatdyt_strike"),  # 8 Jul 2024
    ("kerch_oil_spill", "eu_15th_sanctions"): ("borrell_kallas_handover", "kallas_first_fac"),  # 15th package, 16 Dec 2024
    ("kerch_oil_spill", "putin_year_end"): ("kazan_drone_attack", "putin_press_conference"),  # Putin's year-end, 19 Dec 2024
    ("kramatorsk_station_strike", "vdl_bucha_kyiv"): ("bucha_revealed", "eu_leaders_bucha"),  # von der Leyen in Bucha, 8 Apr 2022
    ("kyiv_strike_april_2025", "kyiv_strike_april_2025"): ("sumy_strike", "kyiv_strike"),  # "Vladimir, STOP", 24 Apr 2025
    ("kyiv_strike_april_2025", "witkoff_putin"): ("vatican_meeting", "witkoff_putin"),  # Witkoff in the Kremlin, 25 Apr 2025
    ("kyiv_strike_april_2025", "vatican_meeting"): ("vatican_meeting", "vatican_meeting"),  # St Peter's, 26 Apr 2025
    ("moskalik_killing", "kyiv_strike_trump_stop"): ("sumy_strike", "kyiv_strike"),
    ("moskalik_killing", "putin_witkoff_talks"): ("vatican_meeting", "witkoff_putin"),
    ("moscow_drone_attack_2025", "moscow_drone_attack_2025"): ("jeddah_talks", "moscow_drones"),  # 337 drones, 11 Mar 2025
    ("moscow_drone_attack_2025", "jeddah_ceasefire"): ("riyadh_talks", "jeddah_talks"),  # Jeddah, 11 Mar 2025
    ("alaska_summit", "white_house_meeting"): ("white_house_european_leaders", "white_house_european_leaders"),  # 18 Aug 2025
    ("white_house_european_leaders", "alaska_summit"): ("alaska_summit", "alaska_summit"),  # Anchorage, 15 Aug 2025
    ("white_house_european_leaders", "oval_office"): ("oval_office", "oval_office"),  # 28 Feb 2025
    ("kuleba_resignation", "blinken_lammy_kyiv"): ("blinken_brussels", "kyiv_september"),  # 11 Sep 2024
    ("kuleba_resignation", "ramstein_zelensky"): ("poltava_strike", "ramstein_meeting"),  # Ramstein, 6 Sep 2024
    ("budapest_summit_called_off", "orban_moscow_2024"): ("orban_moscow", "orban_moscow"),  # 5 Jul 2024
    ("charlie_kirk_shooting", "poland_drones"): ("poland_drones", "poland_drones"),  # drones over Poland, 10 Sep 2025
    ("charlie_kirk_shooting", "butler_attempt"): ("butler_rally", "butler_shooting"),  # Butler, 13 Jul 2024
}


def run_together(model: object, alone: dict[str, dict[str, str]] | None = None) -> list[list]:
    """Every pile in one folder, as a user who saved them all would run it (manifest metadata): how the events come
    out, whether each pile's main story stays one event beside the other piles' articles, and (given ``alone``, each
    pile's events run by itself) how many pairs of one pile's articles are decided otherwise there: the issue asks that
    a decision about two articles not flip because unrelated articles sit in the same folder."""
    import framing

    items, event_of, pile_of, mains = [], {}, {}, {}
    for folder in sorted(p for p in PILES.iterdir() if (p / "manifest.toml").exists()):
        articles, events, _ = load_pile(folder)
        mains[folder.name] = main_event(events)
        for text, meta in as_mode(articles, "manifest"):
            doc_id = f"{folder.name}-{meta['id']}"
            items.append((text, {**meta, "id": doc_id}))
            pile_of[doc_id] = folder.name
            event_of[doc_id] = "/".join(SAME_EVENT_ACROSS.get((folder.name, events[meta["id"]]), (folder.name, events[meta["id"]])))
    step(f"all {len(mains)} piles in one folder: {len(items)} articles")
    result = framing.compare(items, encoder=model, frames=False)
    m = score_pile(result, event_of, [])
    predicted = {d.id: result.event_of(d.id) for d in result.documents}  # type: ignore[attr-defined]
    whole = sum(1 for pile, main in mains.items()
                if len({predicted[d] for d, e in event_of.items() if e == f"{pile}/{main}"}) == 1)
    across = [(a, b) for a, b in combinations(sorted(predicted), 2) if predicted[a] == predicted[b] and pile_of[a] != pile_of[b]]
    wrong = sum(1 for a, b in across if event_of[a] != event_of[b])
    flips = "-"
    if alone:
        within = [(pile, a, b) for pile, events in alone.items() if pile in mains for a, b in combinations(sorted(events), 2)]
        joined = [(f"{pile}-{a}", f"{pile}-{b}", events_alone[a] == events_alone[b])
                  for pile, a, b in within for events_alone in [alone[pile]]]
        only_together = sum(1 for a, b, was in joined if not was and predicted[a] == predicted[b])
        only_alone = sum(1 for a, b, was in joined if was and predicted[a] != predicted[b])
        flips = f"{only_together + only_alone} of {len(joined)} ({only_together} join, {only_alone} split)"
    return [[f"all {len(mains)} piles", len(items), len(result.events), f"{whole} of {len(mains)}",  # type: ignore[attr-defined]
             m["group_p"], m["group_r"], m["group_f1"], f"{len(across)} ({wrong} of two events)", flips]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--encoder", default=None, help="encoder spec (default: bundled e5-small)")
    parser.add_argument("--show", action="store_true", help="print every event found")
    args = parser.parse_args()
    from framing.embed import CachedEncoder, resolve_encoder

    step("loading the encoder")
    model = CachedEncoder(resolve_encoder(args.encoder))
    decided: dict[str, dict[str, str]] = {}
    omissions: dict[str, tuple[int, ...]] = {}
    rows = run(model, args.show, decided, omissions)
    print(table(["pile", "metadata", "articles", "main story", "its events", "group P", "group R", "group F1",
                 "claim P / R", "claim R bound", "claim P / R (oracle events)", "omissions: right / wrong / elsewhere",
                 "unsure members: right / wrong", "'check' members: right / wrong", "set apart: story's / others'"], rows))
    for mode in MODES:  # the summary the README quotes
        piles = [r for r in rows if r[1] == mode and r[0] != SEEDS.name]
        right, wrong, elsewhere = omissions[mode]
        print(f"{mode}: mean group F1 over the {len(piles)} piles {sum(r[7] for r in piles) / len(piles):.3f}; "
              f"the main story one event in {sum(r[4] == 1 for r in piles)} of {len(piles)}; "
              f"omission findings on the main story's gold claims {right} right, {wrong} wrong "
              f"(precision {right / max(right + wrong, 1):.3f}), and {elsewhere} on articles of other events joined to it "
              f"(counting those as wrong: {right / max(right + wrong + elsewhere, 1):.3f})")
    print("Every pile in one folder (manifest metadata; one real event in two piles counts as one: SAME_EVENT_ACROSS)")
    print(table(["folder", "articles", "events", "main stories in one event", "group P", "group R", "group F1",
                 "pairs across piles joined", "pairs of one pile decided otherwise than in it alone"],
                run_together(model, decided)))
    print("Every two articles compared alone (`framing compare a b`): pairs joined")
    print(table(["pile", "dates", "one event, joined", "two events, joined", "pairwise F1", "marked unsure: right / wrong joins"],
                run_pairs(model)))


if __name__ == "__main__":
    main()
