"""Sentence languages: the document's where a sentence is plainly in it, the detector elsewhere."""

from __future__ import annotations

from framing.ingest import langid


def test_plain_sentences_skip_the_detector_and_quotes_do_not(monkeypatch):
    sentences = [
        "Міністр закордонних справ провів зустріч із колегами у Брюсселі.",  # Ukrainian: і, ї
        "Путин заявил, что Россия готова к переговорам без предварительных условий.",  # Russian, no ы/э/ё: no і either
        "«Мы не допустим эскалации», — сказал он.",  # ы, э: Russian letters
        "The talks will continue next week in Brussels.",  # Latin script
    ]
    calls: list[str] = []
    original = langid.detect_sentence
    monkeypatch.setattr(langid, "detect_sentence", lambda text, doc: calls.append(text) or original(text, doc))
    found = langid.sentence_languages(sentences, "uk")
    assert found == ["uk", "ru", "ru", "en"]
    assert calls == sentences[1:]  # the Ukrainian sentence took the document's language without a detector run


def test_neighbour_letters_send_a_sentence_to_the_detector():
    assert langid.plainly_in("Президентът Байдън ще засили подкрепата за Украйна.", "bg")
    assert not langid.plainly_in("Президентът Байдън ще засили подкрепата за Украйна.", "ru")  # ъ
    assert not langid.plainly_in("Будет объявлено о новых поставках оружия.", "bg")  # ы
    assert langid.plainly_in("Блинкен прилетел в Брюссель.", "ru")  # short: no own-letter rule
    assert not langid.plainly_in("Блинкен прилетел в Брюссель на встречу с союзниками по НАТО.", "ru")  # 6+ words, no ы/э/ё
