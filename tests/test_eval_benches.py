"""The eval commands' building blocks on tiny slices with the fake encoder: the real piles' gold
keeps pointing at real sentences, and the many-outlet bench builds and scores a pile."""

from __future__ import annotations

from collections import Counter

import pytest

import framing
from eval.real_piles import PILES, as_mode, load_pile, reachable_pairs, score_pile, sentence_of

from .conftest import SHARED_DATA, FakeEncoder, fake_grouping


@pytest.mark.parametrize("name", ["blinken_brussels", "atacms_permission", "victory_plan", "oval_office", "alaska_summit",
                                  "ecb_rate_cut", "beijing_parade", "pope_francis", "notre_dame", "hague_summit",
                                  "inauguration", "ucl_final", "assad_fall", "eurovision", "pope_leo", "spiderweb",
                                  "navalny_death", "prigozhin_crash", "kakhovka_dam", "butler_rally",
                                  "zelensky_congress", "erdogan_runoff", "crimea_bridge", "macron_dissolution",
                                  "istanbul_talks", "georgia_election", "moldova_runoff", "romania_annulment",
                                  "fico_shooting", "key_bridge", "martial_law", "coalition_collapse",
                                  "trump_putin_call", "oreshnik_strike", "minerals_deal", "magdeburg_attack",
                                  "kursk_incursion", "nobel_hidankyo", "crocus_attack", "biden_withdrawal", "trump_verdict",
                                  "kherson_liberation", "queen_death", "eu_candidate", "wagner_mutiny",
                                  "finland_nato", "grain_deal", "belousov_defence",
                                  "nord_stream", "carlson_interview", "zaporizhzhia_iaea", "gazprom_cutoff",
                                  "new_start", "leopard_tanks", "xi_moscow", "bakhmut_claim",
                                  "nord_stream_leak", "kremlin_drones", "prisoner_swap", "avdiivka_withdrawal",
                                  "orban_moscow", "schengen_bulgaria", "poland_drones", "bulgaria_euro", "germany_election", "romania_dan_win",
                                  "putin_pyongyang", "raisi_crash", "pager_blasts",
                                  "eu_talks_open", "israel_strikes_iran", "vilnius_summit",
                                  "golf_course_attempt",
                                  "okhmatdyt_strike", "icc_putin_warrant", "zaluzhnyi_dismissal",
                                  "trump_elected", "navalny_funeral", "dnipro_strike",
                                  "bulgaria_election", "sumy_strike", "georgia_agents_law",
                                  "netanyahu_warrant", "azerbaijan_plane", "crimea_bridge_2023", "riyadh_talks",
                                  "vatican_meeting",
                                  "south_korea_martial_law", "hamas_attack", "moskva_sinking", "vance_munich",
                                  "london_summit", "bucha_revealed", "sweden_nato", "biden_kyiv", "turkey_earthquake",
                                  "opec_cut", "kim_vostochny", "belgorod_incursion", "moldova_referendum",
                                  "putin_reelection", "lebanon_ceasefire", "iran_missile_attack",
                                  "poland_election", "derna_floods", "scholz_putin_call", "putin_beijing_2024", "il76_crash",
                                  "kirillov_killing", "mh17_verdict", "peace_summit_burgenstock", "gas_transit_end",
                                  "olenivka_explosion", "snake_island_withdrawal", "bulgaria_expels_diplomats",
                                  "lukashenko_reelection_2025", "macron_troops_remark", "poltava_strike",
                                  "kazan_drone_attack", "putin_mongolia_visit", "mariupol_theatre_strike", "f16_arrival",
                                  "navalny_poisoning", "denkov_resignation", "nato_washington_summit",
                                  "starmer_kyiv_visit", "odesa_mitsotakis_strike", "zhelyazkov_government",
                                  "merz_chancellor_vote", "liberation_day_tariffs", "iran_israel_ceasefire",
                                  "kharkiv_epicentr_strike", "romania_georgescu_barred", "moldova_election_2025",
                                  "black_sea_deal", "jeddah_talks", "kursk_sudzha_recapture", "borrell_kallas_handover",
                                  "pope_francis_funeral", "crimea_bridge_2022_repairs", "chornobyl_drone_hit",
                                  "estonia_airspace_mig31", "nabu_law_protests", "svyrydenko_government",
                                  "kyiv_cabinet_strike", "vuhledar_withdrawal", "kramatorsk_station_strike",
                                  "georgia_eu_suspension", "kerch_oil_spill", "parubiy_killing", "kyiv_strike_april_2025",
                                  "moskalik_killing", "moscow_drone_attack_2025", "machado_nobel",
                                  "white_house_european_leaders", "durov_arrest", "kuleba_resignation",
                                  "budapest_summit_called_off", "charlie_kirk_shooting", "imamoglu_arrest",
                                  "myanmar_earthquake"])
def test_pile_gold_resolves_and_scores(name):
    articles, event_of, claims = load_pile(PILES / name)
    assert {a[1]["id"] for a in articles} == set(event_of) and len(articles) == 22
    result = framing.compare(as_mode(articles, "manifest"), encoder=FakeEncoder(), use_cache=False, frames=False,
                             grouping=fake_grouping())
    lost = [(d, piece) for _, mentions in claims for d, piece in mentions if sentence_of(result, d, piece) is None]
    assert len(lost) <= 2, lost  # a mention inside removed clutter is allowed, and listed in the pile's README
    metrics = score_pile(result, event_of, claims)
    assert 0 <= metrics["group_f1"] <= 1 and metrics["claim_pairs"] > 100 and metrics["main_size"] == 14


def test_omission_findings_are_judged_against_the_gold_claims():
    from types import SimpleNamespace

    from eval.real_piles import judged_omissions

    member = SimpleNamespace
    clusters = [SimpleNamespace(id="e1.c1", members=[member(document="a", sentence=0), member(document="b", sentence=2)]),
                SimpleNamespace(id="e1.c2", members=[member(document="a", sentence=1), member(document="b", sentence=1)]),
                SimpleNamespace(id="e1.c3", members=[member(document="a", sentence=4), member(document="b", sentence=5)])]
    def left(claim: str, *docs: str) -> SimpleNamespace:
        return SimpleNamespace(kind="omission", clusters=[claim], documents=list(docs), summary=f"{docs[0]} leaves out what ...")

    findings = [left("e1.c1", "c", "a", "b"),  # c states x: wrong
                left("e1.c2", "c", "a", "b"),  # c does not state y: right
                left("e1.c2", "z", "a", "b"),  # another event's article: counted apart
                left("e1.c3", "c", "a", "b"),  # no gold claim: not judged
                SimpleNamespace(kind="number", clusters=["e1.c1"], documents=["c", "a"], summary="")]
    # d tells y in its headline only, and a finding says so; e tells it in its text too
    findings += [SimpleNamespace(kind="omission", clusters=["e1.c2"], documents=[d, "a", "b"],
                                 summary=f"{d} (in its headline only) leaves out what 2 of 5 report in the text") for d in "de"]
    sentences = [SimpleNamespace(is_title=True)] + [SimpleNamespace(is_title=False)] * 5
    result = SimpleNamespace(clusters=clusters, findings=findings, document=lambda d: SimpleNamespace(sentences=sentences))
    event_of = {"a": "main", "b": "main", "c": "main", "d": "main", "e": "main", "z": "other"}
    claims = [("x", [("a", "…"), ("b", "…"), ("c", "…")]), ("y", [("a", "…"), ("b", "…"), ("d", "…"), ("e", "…")])]
    rows = {("a", 0): {"x"}, ("b", 2): {"x"}, ("c", 3): {"x"}, ("a", 1): {"y"}, ("b", 1): {"y"}, ("d", 0): {"y"},
            ("e", 0): {"y"}, ("e", 4): {"y"}}
    assert judged_omissions(result, event_of, claims, rows) == {"omissions_right": 2, "omissions_wrong": 2, "omissions_elsewhere": 1}


def test_a_claim_an_article_states_twice_leaves_some_gold_pairs_out_of_reach():
    # article a states claim x in its headline (0) and lead (3); b and c once each; d states x and y in one sentence
    rows = {("a", 0): {"x"}, ("a", 3): {"x"}, ("b", 1): {"x"}, ("c", 2): {"x"}, ("d", 0): {"x", "y"}, ("b", 4): {"y"}}
    reachable = reachable_pairs(rows)
    assert (("a", 0), ("b", 1)) in reachable and (("b", 4), ("d", 0)) in reachable
    assert (("a", 3), ("b", 1)) not in reachable  # a's second sentence cannot sit in the claim beside its first
    assert len(reachable) == 6 + 1  # x: a0 b1 c2 d0 (six pairs); y: b4 d0


@pytest.mark.skipif(not (SHARED_DATA / "ntrex").is_dir(), reason="needs ../shared/data/ntrex")
def test_many_outlet_bench_builds_and_scores_a_small_pile():
    from eval.many_outlets import SIZES, build_pile, run_pipeline, score

    articles = build_pile(SHARED_DATA, seed=1, max_stories=8)
    assert {a.size for a in articles} == set(SIZES) and len({a.id for a in articles}) == len(articles)
    encoder = FakeEncoder()
    vectors = [encoder.encode(a.sentences) for a in articles]
    events, clusters = run_pipeline(articles, vectors)
    assert sorted(i for e in events for i in e) == list(range(len(articles)))
    result = score(articles, events, clusters)
    assert set(result) == {"2", "4", "8", "16", "all"} and all(0 <= m["group_f1"] <= 1 for m in result.values())
    # the diagnostic that tells alignment from grouping: each gold story aligned as one event
    gold_events, gold_clusters = run_pipeline(articles, vectors, gold_events=True)
    assert sorted(len(e) for e in gold_events) == sorted(Counter(a.story for a in articles).values())
    assert all(m["group_f1"] == 1.0 for m in score(articles, gold_events, gold_clusters).values())


@pytest.mark.skipif(not (SHARED_DATA / "ntrex").is_dir(), reason="needs ../shared/data/ntrex")
def test_the_partition_ceiling_is_exact_without_merged_sentences_and_below_one_with_them():
    from eval.common import prf
    from eval.many_outlets import build_pile, gold_pairs, partition_ceiling

    articles = build_pile(SHARED_DATA, seed=1, max_stories=8)
    precision, recall, _ = prf(partition_ceiling(articles), gold_pairs(articles))
    assert precision == 1.0 and recall < 1.0  # the pile has merged sentences
    for article in articles:
        article.lines = [unit[:1] for unit in article.lines]
    assert prf(partition_ceiling(articles), gold_pairs(articles))[:2] == (1.0, 1.0)


def test_a_headline_paired_with_its_lead_is_neither_right_nor_wrong_on_the_bench():
    from eval.many_outlets import Article, headline_lead_pairs, score

    opening = (10, 11, 12, 13)
    articles = [Article("a", "s", 2, "ru", ["h", "l1", "x"], [(10,), (11,), (20,)], True, opening),
                Article("b", "s", 2, "en", ["l1", "x"], [(11,), (20,)], False, opening)]
    assert headline_lead_pairs(articles) == {((0, 0), (1, 0))}
    # gold: l1-l1 and x-x; predicted also pairs a's headline with b's lead
    result = score(articles, [[0, 1]], [[(0, 0), (0, 1), (1, 0)], [(0, 2), (1, 1)]])["all"]
    assert result["pair_r"] == 1.0 and result["pair_p"] == 2 / 3  # strict: the headline pair counts as false
    assert result["pair_f1_possible"] == 1.0  # possible: left out of the precision


def test_an_article_mostly_of_other_stories_lines_is_left_out_of_the_diagnostic_grouping_only():
    from eval.many_outlets import Article, mostly_other_lines, score

    articles = [Article("a", "s", 2, "ru", ["1", "2", "3"], [(1,), (2,), (3,)]),
                Article("b", "s", 2, "en", ["1", "2"], [(1,), (2,)]),
                Article("c", "t", 2, "bg", ["9", "stray"], [(9,), ()]),  # half its lines are another story's
                Article("d", "t", 2, "uk", ["9", "10"], [(9,), (10,)])]
    assert mostly_other_lines(articles) == {2}
    result = score(articles, [[0, 1, 2], [3]], [])["all"]  # c joined the wrong story
    assert result["group_f1"] < 0.5 < result["group_f1_clear"] == 1.0


def test_two_stories_of_one_real_event_are_neither_right_nor_wrong_for_groups_and_sentence_pairs():
    from eval.many_outlets import SAME_EVENT_KEPT, Article, score

    story, rally = next(iter(SAME_EVENT_KEPT.items()))
    articles = [Article("a", story, 2, "ru", ["1", "2"], [(1,), (2,)]), Article("b", story, 2, "en", ["1", "2"], [(1,), (2,)]),
                Article("c", rally, 2, "bg", ["7"], [(7,)])]
    # c (the same rally, another NTREX document) joined, and its sentence was aligned with a's and b's first lines
    result = score(articles, [[0, 1, 2]], [[(0, 0), (1, 0), (2, 0)], [(0, 1), (1, 1)]])["all"]
    assert result["group_f1"] == 1.0 and result["pair_p"] == 1.0 and result["pair_r"] == 1.0
    other = [*articles[:2], Article("c", "another story", 2, "bg", ["7"], [(7,)])]
    assert score(other, [[0, 1, 2]], [[(0, 0), (1, 0), (2, 0)], [(0, 1), (1, 1)]])["all"]["pair_p"] == 2 / 4


def test_frame_invariance_counts_an_abstention_as_its_own_label():
    import numpy as np

    from eval.frame_invariance import invariance

    top = {"ru": np.array([0, 1, 2, 3]), "en": np.array([0, 1, 2, 0])}
    abstained = {"ru": np.array([False, True, False, False]), "en": np.array([False, True, True, False])}
    m = invariance(top, abstained)
    # row 0 agrees, row 1 both abstain (agree), row 2 one abstains (disagree), row 3 differs
    assert m["pair ru-en"] == 0.5 and m["all four agree"] == 0.5
    assert m["agreement where both decide, lowest"] == 0.5  # rows 0 and 3
    assert m["abstained, highest language"] == 0.5


@pytest.mark.skipif(not (SHARED_DATA / "ntrex").is_dir(), reason="needs ../shared/data/ntrex")
def test_joining_the_articles_that_share_a_line_never_joins_two_stories():
    from eval.many_outlets import build_pile, line_linked_events, score

    articles = build_pile(SHARED_DATA, seed=1, max_stories=8)
    events = line_linked_events(articles)
    assert all(len({articles[i].story for i in event}) == 1 for event in events)  # stray lines join nothing
    assert sorted(i for event in events for i in event) == list(range(len(articles)))
    assert score(articles, events, [])["all"]["group_f1"] > 0.9


def test_the_events_two_piles_share_name_events_of_both_piles():
    from eval.real_piles import SAME_EVENT_ACROSS

    for (pile, event), (other_pile, other_event) in SAME_EVENT_ACROSS.items():
        assert event in set(load_pile(PILES / pile)[1].values()), (pile, event)
        assert other_event in set(load_pile(PILES / other_pile)[1].values()), (other_pile, other_event)


def test_the_seed_frame_gold_resolves_on_the_seeds_as_read_today():
    # every gold line is one sentence of the seeds, or a line reading sets aside (a section title listed as a
    # subheading): eval.seed_frames failed for a stop when reading changed under its gold
    from eval.seed_alignment import SEEDS
    from eval.seed_frames import load_gold

    result = framing.compare([str(SEEDS)], encoder=FakeEncoder(), use_cache=False, frames=False, grouping=fake_grouping())
    gold, set_aside = load_gold(result)
    assert len(gold) >= 60 and len(set_aside) <= 2, set_aside
    assert all("subheading" in line for line in set_aside)
