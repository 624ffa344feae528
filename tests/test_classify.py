"""The classifier protocol: the embedding zero-shot backend on a fake encoder, label files, the
``framing label`` command, and the NLI backend end to end on a tiny model built here."""

from __future__ import annotations

import io
import json
import re

import numpy as np
import pytest
from click.testing import CliRunner
from rich.console import Console

from framing.cli import cli
from framing.frames import labelling
from framing.frames.classify import EmbeddingZeroShot, NLIZeroShot, zero_shot_scores
from framing.frames.labels import Label, LabelFileError, LabelSet, load_labels, parse_labels

from .conftest import SEEDS, FakeEncoder, fake_grouping

TOY = LabelSet(
    "toy",
    (
        Label("sport", "football match goal team", ("the team scored a goal", "команда забила гол")),
        Label("weather", "rain snow storm forecast", ("heavy rain and storm tomorrow", "сильный дождь и снег")),
    ),
)


def test_default_label_set_is_the_fourteen_policy_frames_in_four_languages():
    frames = load_labels()
    assert len(frames) == 14
    assert "Security and defense" in frames.names and "External regulation and reputation" in frames.names
    assert all(len(label.examples) == 8 for label in frames.labels)


def test_label_file_errors_are_one_line(tmp_path):
    with pytest.raises(LabelFileError, match="no \\[\\[label\\]\\] entries"):
        parse_labels("title = 'x'", "x.toml")
    with pytest.raises(LabelFileError, match="has no name"):
        parse_labels("[[label]]\ndescription = 'a'", "x.toml")
    with pytest.raises(LabelFileError, match="no such label file"):
        load_labels(tmp_path / "missing.toml")
    by_language = parse_labels("[[label]]\nname='a'\n[label.examples]\nen=['x']\nru=['y']", "x.toml")
    assert by_language.labels[0].examples == ("x", "y")


def test_a_label_may_be_a_name_alone_and_a_description_is_led_by_its_name():
    names_only = parse_labels("[[label]]\nname = 'sports'\n[[label]]\nname = 'politics'", "x.toml")
    assert names_only.labels[0].texts == ["This text is about sports."]
    described = parse_labels("[[label]]\nname = 'sports'\ndescription = 'Games, matches and athletes.'", "x.toml")
    assert described.labels[0].texts == ["sports: Games, matches and athletes."]
    # a definition that names its label already is kept as written (the shipped frames: "Economic frame: ...")
    assert load_labels().labels[0].texts[0].startswith("Economic frame:")


def test_embedding_zero_shot_ranks_by_prototype_and_abstains_on_ties():
    classifier = EmbeddingZeroShot(FakeEncoder())
    result = classifier.classify(["the team scored a late goal", "storm and rain forecast for tomorrow"], TOY)
    assert [result.best(0), result.best(1)] == ["sport", "weather"]
    assert np.allclose(result.scores.sum(axis=1), 1.0)
    # A sentence exactly between the two prototypes has no clear best label.
    vectors = np.eye(4)[:2]
    label_vectors = [np.eye(4)[[0, 1]], np.eye(4)[[0, 1]]]
    _, _, _, abstained = zero_shot_scores(vectors, label_vectors)
    assert abstained.all()


def test_distribution_is_the_mean_over_rows():
    result = EmbeddingZeroShot(FakeEncoder()).classify(["goal goal team", "rain storm"], TOY)
    profile = result.distribution()
    assert set(profile) == {"sport", "weather"} and abs(sum(profile.values()) - 1) < 1e-6


def test_label_command_writes_one_entry_per_line_in_order(tmp_path, monkeypatch):
    monkeypatch.setattr(labelling, "resolve_encoder", lambda spec=None: FakeEncoder())
    items = tmp_path / "items.txt"
    items.write_text("the team scored a goal\n\nheavy snow and rain\nкоманда забила гол\n", encoding="utf-8")
    toy = tmp_path / "toy.toml"
    toy.write_text(
        "[[label]]\nname='sport'\ndescription='football match goal team'\nexamples=['the team scored a goal']\n"
        "[[label]]\nname='weather'\ndescription='rain snow storm forecast'\nexamples=['heavy rain and storm']\n",
        encoding="utf-8",
    )
    out = tmp_path / "labels.json"
    result = CliRunner().invoke(cli, ["label", str(items), "--lines", "--labels", str(toy), "--json", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [d["text"] for d in data] == ["the team scored a goal", "heavy snow and rain", "команда забила гол"]
    assert [d["position"] for d in data] == [1, 3, 4]
    assert data[0]["labels"][0]["label"] == "sport" and data[1]["labels"][0]["label"] == "weather"
    assert all(d["labels"][0]["score"] >= d["labels"][1]["score"] for d in data)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    partial = CliRunner().invoke(cli, ["label", str(items), str(empty), "--lines", "--labels", str(toy), "--json", str(out), "--quiet"])
    assert partial.exit_code == 3 and "skipped" in partial.output  # the rest is labelled, and the status says one was skipped
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 3


def test_label_command_bad_labels_file_is_one_line(tmp_path):
    items = tmp_path / "items.txt"
    items.write_text("x\n", encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text("[[label]]\nname = \n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["label", str(items), "--lines", "--labels", str(bad)])
    assert result.exit_code == 1
    assert "not valid TOML" in result.output and "Traceback" not in result.output


def _tiny_nli_model(folder):
    """A 1-layer BERT NLI classifier with random weights and a word-level tokenizer, saved locally."""
    torch = pytest.importorskip("torch")
    from tokenizers import Tokenizer, models, pre_tokenizers, processors
    from transformers import BertConfig, BertForSequenceClassification, PreTrainedTokenizerFast

    words = "this text is about sport weather the team scored a goal heavy rain and snow".split()
    vocab = {w: i for i, w in enumerate(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", ".", *words])}
    tok = Tokenizer(models.WordLevel(vocab, unk_token="[UNK]"))
    tok.pre_tokenizer = pre_tokenizers.Whitespace()
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1", special_tokens=[("[CLS]", 2), ("[SEP]", 3)]
    )
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]", sep_token="[SEP]", mask_token="[MASK]"
    )
    config = BertConfig(
        vocab_size=len(vocab), hidden_size=16, num_hidden_layers=1, num_attention_heads=2, intermediate_size=32,
        max_position_embeddings=64, id2label={0: "entailment", 1: "neutral", 2: "contradiction"},
        label2id={"entailment": 0, "neutral": 1, "contradiction": 2},
    )
    torch.manual_seed(0)
    BertForSequenceClassification(config).save_pretrained(folder)
    fast.save_pretrained(folder)
    return folder


def test_nli_backend_runs_end_to_end_on_a_tiny_model(tmp_path):
    folder = _tiny_nli_model(tmp_path / "tiny-nli")
    texts = ["the team scored a goal", "heavy rain and snow"]
    result = NLIZeroShot(str(folder)).classify(texts, TOY)
    assert result.scores.shape == (2, 2) and np.allclose(result.scores.sum(axis=1), 1.0)
    assert ((result.raw > 0) & (result.raw < 1)).all()  # entailment probabilities, one per label
    # The same model through the command line.
    items = tmp_path / "items.txt"
    items.write_text("\n".join(texts), encoding="utf-8")
    out = tmp_path / "nli.json"
    run = CliRunner().invoke(cli, ["label", str(items), "--lines", "--classifier", f"nli:{folder}", "--json", str(out), "--quiet"])
    assert run.exit_code == 0, run.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data) == 2 and {x["label"] for x in data[0]["labels"]} == {label for label in load_labels().names}


def test_actor_evidence_names_the_words_and_does_not_claim_a_tone():
    from framing.findings.tone import NOT_DERIVED, actors_near_loaded_words, is_attributed

    found = actors_near_loaded_words([(0, "Вчера Зеленский ответил, что украинского режима не существует."), (1, "Вчера Зеленский поехал в Киев.")])
    assert [e.actor for e in found] == ["Зеленский"]
    assert found[0].sentences == [0] and found[0].words == ["украинского режима"] and found[0].tone == NOT_DERIVED
    assert is_attributed("Об этом сообщает РБК.") and is_attributed("«Мы будем стоять», — сказал он.")
    assert not is_attributed("Войска стягиваются к границе.")


def test_user_cues_extend_the_shipped_lexicon(tmp_path):
    from framing.frames.signals import find_signals, resolve_lexicon

    text = "Вчера киевские власти объявили о новых мерах."
    assert not [s for s in find_signals(text) if s.kind == "loaded"]
    extra = tmp_path / "cues.toml"
    extra.write_text('[loaded]\nru = ["киевские власти"]\n', encoding="utf-8")
    lexicon = resolve_lexicon(extra)
    assert [s.trigger for s in find_signals(text, lexicon) if s.kind == "loaded"] == ["киевские власти"]
    assert not [s for s in find_signals(text) if s.kind == "loaded"]  # the default lexicon is untouched


def test_a_loaded_cue_inside_a_neutral_phrase_is_no_loaded_word(tmp_path):
    from framing.frames.signals import find_signals, resolve_lexicon

    def loaded(text: str, lexicon=None) -> list[str]:
        return [s.trigger for s in find_signals(text, lexicon) if s.kind == "loaded"]

    # a legal term and a hypothesis ruled out or denied (wagner_mutiny, key_bridge) load nothing; the word alone does
    assert loaded("Authorities declared a counter-terrorism regime in Moscow.") == []
    assert loaded("Власти сразу исключили версию о теракте.") == []
    assert loaded("Речь идет о несчастном случае, а не о теракте.") == []
    assert loaded("The regime fell.") == ["regime"] and loaded("Теракт в Крокусе.") == ["Теракт"]
    # a user's file can add such phrases too
    extra = tmp_path / "cues.toml"
    extra.write_text('[not_loaded]\nen = ["regime change"]\n', encoding="utf-8")
    assert loaded("They called for regime change.", resolve_lexicon(extra)) == []


def test_signals_travel_as_an_argument_into_every_view(tmp_path):
    """compare(signals=FILE) reaches the differences, JSON and report; no environment variable carries it."""
    import os

    from framing.pipeline import compare
    from framing.render import render, to_dict

    extra = tmp_path / "cues.toml"
    extra.write_text('[loaded]\nru = ["экстренные"]\n', encoding="utf-8")
    before = dict(os.environ)
    plain = compare([str(SEEDS)], encoder=FakeEncoder(), grouping=fake_grouping(), use_cache=False, frames=False)
    cued = compare([str(SEEDS)], encoder=FakeEncoder(), grouping=fake_grouping(), use_cache=False, frames=False, signals=extra)
    assert dict(os.environ) == before

    def loaded(result):
        return [g["trigger"] for d in to_dict(result)["documents"] for s in d["sentences"] for g in s["signals"] if g["kind"] == "loaded"]

    assert "экстренные" in loaded(cued) and "экстренные" not in loaded(plain)
    buffer = io.StringIO()
    Console(file=buffer, width=160, color_system=None).print(render(cued, width=160))
    assert re.search(r"loaded: [^\n]*экстренные", buffer.getvalue())  # the outlet summary lists the user's cue


def test_compare_runs_with_the_nli_backend_too(tmp_path):
    from framing.pipeline import compare

    from .conftest import SEEDS

    folder = _tiny_nli_model(tmp_path / "tiny-nli")
    result = compare([str(SEEDS / "004_55f0cb87218dbe97.txt")], encoder=FakeEncoder(), use_cache=False,
                     classifier=f"nli:{folder}", labels=TOY)
    assert result.frames is not None and result.frames.method.startswith("nli-zero-shot:")
    doc = result.documents[0]
    assert len(result.sentence_frames(doc.id, 0)) == 2 and set(result.document_frames(doc.id)) == {"sport", "weather"}


def test_loaded_cues_are_not_prefixes_of_ordinary_words() -> None:
    from framing.frames import find_signals

    def loaded(text: str) -> list[str]:
        return [s.trigger for s in find_signals(text) if s.kind == "loaded"]

    assert loaded("Оркестр зіграв гімн.") == [] and loaded("Орки обстріляли місто.") == ["Орки"]
    assert loaded("В тюрьме строгого режима начались беспорядки.") == []  # a prison regime, not "the regime"
    assert loaded("Кремълският режим отговори.") == ["Кремълският режим"]
    # one attack, named in each language's own word: every outlet or none carries the cue
    assert loaded("Подозреваемый в теракте") and loaded("заподозрян в терористичен атентат")


def test_a_whole_word_cue_is_matched_as_written():
    # found on the real piles: "ap " (the agency) took "April", "applied", "appointed"; "may " took the month; Bulgarian
    # "уж" took Russian "уже" (already) and "твърд" (firm) took "твърди" (claims)
    from framing.frames import find_signals

    def kinds(text: str) -> list[tuple[str, str]]:
        return [(s.kind, s.trigger) for s in find_signals(text) if s.kind != "quote"]

    assert kinds("Finland applied in April and was appointed, AP reported.") == [("attribution", "AP"), ("attribution", "reported")]
    assert kinds("The mayor said on 28 May the vote may slip.") == [("attribution", "said"), ("hedging", "may")]
    assert kinds("May it be so.") == [("hedging", "May")]  # capitalised where it opens the sentence
    assert kinds("Москва уже твърди, че ответът ще е твърд и уж бърз.") == [("certainty", "твърд"), ("hedging", "уж")]
    assert kinds("Firm response, firms say.") == [("certainty", "Firm")]
    # and Bulgarian "каза" (said) took "Казахстан"; "возможно" (perhaps) took "возможности" (opportunities)
    assert kinds("В Казахстане обсудили возможности, а он каза, че възможно е.") == [("attribution", "каза"), ("hedging", "възможно")]


def test_a_user_whole_word_cue_keeps_its_case(tmp_path):
    from framing.frames.signals import find_signals, resolve_lexicon

    extra = tmp_path / "extra.toml"
    extra.write_text('[attribution]\nen = ["UN "]\n', encoding="utf-8")
    lexicon = resolve_lexicon(extra)
    assert [s.trigger for s in find_signals("The UN said it was unusual.", lexicon) if s.kind == "attribution"] == ["UN", "said"]
