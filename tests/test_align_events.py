from __future__ import annotations

from collections import Counter

import numpy as np

from framing.match.align import AlignmentParams, align, ratio_margin
from framing.match.entities import entity_key
from framing.match.events import group_documents

COMMON = np.random.default_rng(42).standard_normal(64) * 0.35  # e5-like: unrelated vectors sit near cosine 0.8


def _unit(x):
    return x / np.linalg.norm(x, axis=-1, keepdims=True)


def _noisy_copies(rng, base, order, noise=0.033):
    # common part 0.78 + own part 0.15 + noise 0.07 of the squared norm: unrelated ~0.78, copies ~0.93
    out = 0.883 * _unit(COMMON) + 0.387 * _unit(base[order]) + noise * rng.standard_normal((len(order), base.shape[1]))
    return _unit(out)


def test_reordered_partial_copies_align_and_unmatched_stay_single():
    rng = np.random.default_rng(0)
    base = rng.standard_normal((12, 64))
    a = _noisy_copies(rng, base, list(range(10)))
    b_order = [3, 1, 0, 7, 5, 9]  # reordered, four dropped
    b = _noisy_copies(rng, base, b_order)
    extra = _noisy_copies(rng, rng.standard_normal((2, 64)), [0, 1])
    vectors = np.concatenate([a, b, extra])
    owner = [0] * 10 + [1] * 8
    index = align(vectors, owner, AlignmentParams())
    found = {(p.a, p.b) for p in index.pairs}
    expected = {(src, 10 + i) for i, src in enumerate(b_order)}
    assert expected <= found
    assert not any(16 in (p.a, p.b) or 17 in (p.a, p.b) for p in index.pairs)
    assert sorted(r for c in index.members for r in c) == list(range(18))  # every row in one cluster
    singles = [c for c in index.members if len(c) == 1]
    assert {2, 4, 6, 8, 16, 17} <= {c[0] for c in singles}


def test_ratio_margin_ignores_same_document_neighbours():
    sim = np.array([[1.0, 0.99, 0.5], [0.99, 1.0, 0.5], [0.5, 0.5, 1.0]])
    margin = ratio_margin(sim, np.array([0, 0, 1]), k=1)
    assert np.isclose(margin[0, 2], 1.0)


def test_entity_keys_across_scripts():
    assert entity_key("Блинкен") == entity_key("Блінкен") == entity_key("Blinken")
    assert entity_key("Рютте") == entity_key("Рюте")
    assert entity_key("Байден") == entity_key("Байдън") == entity_key("Biden")
    assert entity_key("США") == entity_key("САЩ") == "usa"


def test_entity_keys_meet_where_the_scripts_spell_a_sound_differently():
    assert entity_key("Шольц") == entity_key("Scholz")
    assert entity_key("Мерц") == entity_key("Merz")
    assert entity_key("Израиль") == entity_key("Israel")
    assert entity_key("Бахмут") == entity_key("Bakhmut")
    assert entity_key("Европа") == entity_key("Europe")
    assert entity_key("Великобритании") == entity_key("Великобританії") == entity_key("UK") == entity_key("Britain")
    assert entity_key("NATO's") == entity_key("НАТО")
    # the shared spelling must not run distinct names together
    assert len({entity_key(w) for w in ("Putin", "Biden", "Blinken", "Scholz", "Charles", "Israel", "Sweden")}) == 7


def test_words_english_capitalises_and_cyrillic_does_not_are_not_names():
    from framing.match.entities import capitalised_keys, mentions

    found = {m.surface for m in mentions("On Wednesday the Russian President Vladimir Putin met Mr Xi in GMT time.")}
    assert found == {"Vladimir", "Putin", "Xi"}
    # a name that opens a sentence is no mention, but is there to be found by a name of the other side
    assert not mentions("Scholz said so.") and entity_key("Шольц") in capitalised_keys("Scholz said so.")


def test_a_name_spelt_loosely_or_written_small_on_the_other_side_is_not_missing():
    from framing.findings import compare_claims
    from framing.match.entities import entity_key, loose_keys

    def missing(a: str, b: str) -> set[str]:
        return {d.value for d in compare_claims(a, b) if d.kind == "entity"}

    # the strict keys differ (grouping keeps them), the looser ones meet
    for latin, cyrillic in (("Williams", "Уильямс"), ("Australia", "Австралия"), ("John", "Джон"), ("Macedonia", "Македония"),
                            ("Lee", "Лий"), ("George", "Джордж"), ("Virginia", "Вирджиния")):
        assert entity_key(latin) != entity_key(cyrillic) and loose_keys(latin) & loose_keys(cyrillic), (latin, cyrillic)
    assert missing("Serena Williams met John Lee in Australia.", "Серена Уильямс встретилась с Джоном Ли в Австралии.") == set()
    # a month's name may be a person's; a hyphenated name holds its parts
    assert missing("Prime Minister May met the mayor of New York.", "Британският премиер Мей се срещна с кмета на Ню Йорк.") == set()
    assert missing("He flew to New York.", "Он улетел в Нью-Йорк.") == set()
    # an acronym spelt out on the other side, and a first name whose surname the other side has
    assert missing("Погиб начальник войск РХБЗ Игорь Кириллов.",
                   "Погиб Кирилов, начальник на войските за радиационна, химическа и биологична защита.") == set()
    # ... but a surname is not excused by a first name the other side gives someone else, nor a two-letter acronym
    assert missing("Майк Помпео прилетел в Киев.", "Майк Пенс прилетел в Киев.") == {"Помпео", "Пенс"}
    assert "ЕС" in missing("ЕС ввел санкции.", "Его сын ввел санкции.")
    # English capitalises the party, Russian writes it small
    assert missing("The vote split the Labour benches.", "Голосование расколол ряды лейбористов.") == set()
    # ... but a name the other sentence lacks is still reported, and a short key is not looked for among small words
    assert missing("Kanye West met Lee in Paris.", "Канье Уэст встретился с Ли в Берлине.") == {"Paris", "Берлине"}
    assert "Palu" in missing("The quake hit Palu on Friday.", "Землетрясение ударило по полуострову в пятницу.")


def test_grouping_keeps_evidence_and_vetoes_distant_dates():
    rng = np.random.default_rng(1)
    topic = rng.standard_normal(32)
    vectors = np.stack([topic + 0.05 * rng.standard_normal(32) for _ in range(3)])
    ents = [Counter({"bln": 2, "rt": 1, "brs": 1}), Counter({"bln": 1, "rt": 1, "brs": 1}), Counter({"bln": 1, "rt": 1})]
    events = group_documents(["a", "b", "c"], vectors, ents, ["2024-11-13", "2024-11-13", "2022-02-01"])
    groups = sorted(sorted(e.documents) for e in events)
    assert groups == [["a", "b"], ["c"]]
    pairs = events[0].evidence["pairs"]
    apart = next(p for p in pairs if "c" in (p["a"], p["b"]))
    assert apart["date_gap_days"] > 1000 and not apart["linked"]


def test_a_claim_many_outlets_report_keeps_its_margin():
    # Ten outlets, each reporting the same 12 claims in its own order: pooled nearest neighbours
    # would be all true matches and every margin would sink to ~1; leaving out each document's
    # best match keeps the background honest, so all ten versions of each claim join one cluster.
    rng = np.random.default_rng(3)
    topic, claims = rng.normal(size=64), rng.normal(size=(12, 64))
    rows, owner, claim_of = [], [], []
    for article in range(10):
        for claim in rng.permutation(12):
            rows.append(3.0 * topic + claims[claim] + 0.5 * rng.normal(size=64))
            owner.append(article)
            claim_of.append(int(claim))
    vectors = np.asarray(rows) / np.linalg.norm(rows, axis=1, keepdims=True)
    clusters = align(vectors, owner).members
    assert len(clusters) == 12
    assert all(len({claim_of[r] for r in members}) == 1 and len(members) == 10 for members in clusters)


def test_a_pair_blocking_left_uncompared_counts_as_unrelated_not_as_never(monkeypatch):
    # in a component too large to score in full, D and E were each compared with A, B and C (their nearest) but not
    # with each other: the missing pair must weigh like an unrelated one, not like two articles whose dates keep them
    # apart (threshold 0.55: with -1 the last to join averages 0.48, with -0.5 0.60)
    import framing.match.events as events
    from framing.match import GroupingParams

    monkeypatch.setattr(events, "CANDIDATES", 3)
    monkeypatch.setattr(events, "FULL_COMPONENT", 2)
    monkeypatch.setattr(events, "SATURATED", 2.0)  # no widening: every candidate clears the threshold here
    axes = np.eye(7)
    story = [axes[0] + 0.1 * axes[k] for k in (1, 2, 3)]  # A, B, C: cosine 0.99 to each other
    late = axes[0] + 0.1 * axes[4] + 0.2 * axes[5]  # D: 0.97 to A, B, C
    other = axes[0] + 0.2 * axes[6]  # E: 0.976 to A, B, C, 0.957 to D; D and E are not each other's nearest three
    vectors = np.stack([*story, late, other])
    ids = ["a", "b", "c", "d", "e"]
    params = GroupingParams(threshold=0.55, attach_topic=None)
    grouped = group_documents(ids, vectors, [Counter() for _ in ids], [None] * 5, params)
    assert sorted(len(e.documents) for e in grouped) == [5]
    monkeypatch.setattr(events, "UNCOMPARED", events.APART)
    assert sorted(len(e.documents) for e in group_documents(ids, vectors, [Counter() for _ in ids], [None] * 5, params)) == [1, 4]


def test_a_story_larger_than_its_candidates_is_compared_in_full(monkeypatch):
    # eight articles of one story, three candidates each, in a component too large to score in full: without widening
    # each has four of its seven pairs uncompared (-0.5 each) and the story splits; widened, every pair is scored
    import framing.match.events as events
    from framing.match import GroupingParams

    monkeypatch.setattr(events, "CANDIDATES", 3)
    monkeypatch.setattr(events, "FULL_COMPONENT", 2)
    rng = np.random.default_rng(5)
    topic = rng.standard_normal(32)
    vectors = np.stack([topic + 0.3 * rng.standard_normal(32) for _ in range(8)])
    ids = [f"d{k}" for k in range(8)]
    params = GroupingParams(threshold=0.5, attach_topic=None)

    def sizes() -> list[int]:
        return sorted(len(e.documents) for e in group_documents(ids, vectors, [Counter() for _ in ids], [None] * 8, params))

    assert sizes() == [8]
    monkeypatch.setattr(events, "SATURATED", 2.0)
    assert len(sizes()) > 1


def test_average_linkage_makes_the_groups_scipy_makes_ties_included():
    # the grouping's own average linkage follows SciPy's nearest-neighbour chain so as to give the same groups
    # (it saves importing SciPy's clustering); scores rounded to one or two decimals make ties, and -0.5 stands
    # for pairs never compared
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    from framing.match.events import _average_linkage

    rng = np.random.default_rng(7)
    for trial in range(400):
        n = int(rng.integers(2, 40))
        story = rng.integers(0, int(rng.integers(1, 7)), n)
        score = np.where(story[:, None] == story[None, :], rng.normal(1.2, 0.4, (n, n)), rng.normal(0.5, 0.4, (n, n)))
        score = np.round((score + score.T) / 2, int(rng.integers(1, 3)))
        if trial % 3 == 0:
            never = rng.random((n, n)) < 0.3
            score[never | never.T] = -0.5
        np.fill_diagonal(score, 0.0)
        threshold = float(rng.choice([0.0, 0.5, 0.85, 1.0]))
        distance = 4.0 - np.clip(score, -1.0, 4.0)
        np.fill_diagonal(distance, 0.0)
        labels = fcluster(linkage(squareform(distance, checks=False), method="average"), t=4.0 - threshold, criterion="distance")
        expected: dict[int, list[int]] = {}
        for index, label in enumerate(labels):
            expected.setdefault(int(label), []).append(index)
        assert _average_linkage(score, threshold) == list(expected.values())


def test_figures_are_read_one_way_and_years_and_small_counts_are_none():
    from framing.match.claims import figure_pairs, figures

    assert figures("Путин набрал 87,28% голосов") == figures("Putin won 87.28 percent") == {"87.28"}
    assert figures("1 500 человек") == figures("1,500 people") == {"1500"}
    assert figures("в 2024 году он трижды, 3 раза") == set()
    # a figure one document gives twice links none of its sentences: it cannot say which of them a sentence matches
    shared = figure_pairs([{"180"}, {"180"}, {"180"}, set()], [0, 0, 1, 1])
    assert not shared[0, 2] and not shared[1, 2]
    assert figure_pairs([{"180"}, {"180"}, set()], [0, 1, 1])[0, 1]


def test_a_shared_exact_figure_adds_the_number_bonus_to_the_pairs_margin():
    from framing.match.claims import ClaimParams, claim_clusters

    rng = np.random.default_rng(5)
    topics = rng.standard_normal((12, 32))
    rows, owner, position = [], [], []
    for doc in range(4):  # a claim all four tell, one that documents 0 and 1 tell loosely, and one of each's own
        rows += [topics[0] + 0.3 * rng.standard_normal(32),
                 topics[1] if doc == 0 else (0.5 * topics[1] + topics[3]) if doc == 1 else topics[2 + doc], topics[6 + doc]]
        owner += [doc] * 3
        position += [0, 1, 2]
    vectors = np.stack(rows)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    shared = np.zeros((12, 12), dtype=bool)
    shared[1, 4] = shared[4, 1] = True

    def margin_of(found):
        return next(p.margin for p in found.pairs if {p.a, p.b} == {1, 4})

    plain = claim_clusters(vectors, owner, position, [False] * 12, ClaimParams(number_bonus=0.0))
    lifted = claim_clusters(vectors, owner, position, [False] * 12, ClaimParams(number_bonus=0.15), shared_figures=shared)
    assert abs(margin_of(lifted) - margin_of(plain) - 0.15) < 1e-5
