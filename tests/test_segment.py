from __future__ import annotations

import csv

import pytest

from framing.ingest.segment import split_sentences

from .conftest import SHARED_DATA


@pytest.mark.parametrize(
    "text, expected",
    [
        ("В 2024 г. в Брюсселе прошла встреча. Блинкен прибыл 13.11.2024 в Брюссель.", 2),
        ("Помощта е 1,35 млрд. долара за социални програми. Това съобщи премиерът.", 2),
        ("Президент В. В. Путин заявил об этом. Другое предложение.", 2),
        ("«Мы победим!» — заявил он. Потом ушёл.", 2),
        ("Речь о ПВО, артиллерии и т. д. Также о бронетехнике.", 2),
        ("Mr. Blinken met Gen. Cavoli in Brussels. The U.S. will send more.", 2),
        ("The storm had winds of 85 mph as of 5 a.m. Eastern time Sunday. It moved north.", 2),
        ("They met at 9 a.m. Officials said nothing.", 2),
        ("Резніков обговорив із міністром оборони США Остіном останні події в Росії", 1),
        ("— сказав він, наслідуючи диктора. — Я нічого не віддав. —", 2),
    ],
)
def test_hard_cases(text, expected):
    sentences = split_sentences(text)
    assert len(sentences) == expected, [s.text for s in sentences]
    for s in sentences:
        assert text[s.start : s.end] == s.text


def test_offsets_are_shifted():
    [s] = split_sentences("Одно предложение.", offset=10)
    assert (s.start, s.end) == (10, 27)


@pytest.mark.skipif(not (SHARED_DATA / "sib200").is_dir(), reason="../shared/data not present")
def test_parallel_flores_texts_split_alike():
    """FLORES items are 4-way parallel: each language should split into as many sentences as English."""
    counts = {}
    for lang in ("rus_Cyrl", "ukr_Cyrl", "bul_Cyrl", "eng_Latn"):
        with open(SHARED_DATA / "sib200" / lang / "dev.tsv", encoding="utf-8") as handle:
            counts[lang] = {row["index_id"]: len(split_sentences(row["text"])) for row in csv.DictReader(handle, delimiter="\t")}
    english = counts.pop("eng_Latn")
    for lang, by_id in counts.items():
        agree = sum(1 for k, n in by_id.items() if english.get(k) == n) / len(by_id)
        assert agree >= 0.93, (lang, agree)  # measured: ru 0.95


@pytest.mark.parametrize(
    "pieces, expected",
    [
        (["ФРАНКФУРТ-НА-МАЙНЕ, 12 сентября.", "/ДП/.", "Европейский центральный банк снизил ставку."], 2),
        (["Київ.", "30 вересня.", "/Дніпро-Інфо/.", "Голова ЄЦБ виступила в парламенті."], 3),
        (["КИЕВ, 16 окт – РИА Новости.", "Зеленский представил план."], 1),
        (["София, 12 септември (БНА).", "Текст."], 1),
        (["Київ.", "Це столиця."], 0),  # a place alone is a sentence
        (["Он сказал - Нет.", "Да."], 0),  # an agency after a dash counts only after a date
        (["ФРАНКФУРТ-НА-МАЙНЕ, 12 сентября. /ДП/."], 0),  # nothing after it: it opens no sentence
        (["09:53.", "По словам Фаррелла, епископ Рима отошел к Отцу."], 1),  # a live page's time before its entry
        (["23:55 - It is over.", "Austria's JJ is the winner."], 0),  # a live entry's first sentence stays
        (["ВАШИНГТОН, 17 ноя — «Русский курьер».", "Текст."], 1),  # an agency in quotes after the dash
        # a timeline's entry opened by its date is a sentence, not a date and an agency (page shape AT, stop 44)
        (["19 марта — Срок предписания истёк.", "Повторная проверка показала, что устранена лишь часть нарушений."], 0),
    ],
)
def test_a_wire_dateline_opening_a_paragraph_is_told_apart(pieces, expected):
    from framing.ingest.segment import dateline_length

    assert dateline_length(pieces) == expected


def test_a_dateline_is_set_aside_as_clutter_and_still_dates_the_article():
    from framing.ingest import documents_from_texts

    text = ("ЕЦБ снизил ставку\n\nФРАНКФУРТ-НА-МАЙНЕ, 12 сентября. /ДП/. Европейский центральный банк снизил ставку по "
            "депозитам до 3,5%. Новые ставки вступят в силу с 18 сентября.")
    (doc,) = documents_from_texts([(text, {"id": "x", "language": "ru"})])
    assert [s.text.split()[0] for s in doc.sentences] == ["ЕЦБ", "Европейский", "Новые"]
    assert [(r.text, r.reason) for r in doc.removed] == [("ФРАНКФУРТ-НА-МАЙНЕ, 12 сентября. /ДП/.", "wire dateline")]
    assert doc.date_without_year == "09-12"  # no year anywhere: the dateline's day, as before


def test_a_states_abbreviation_before_a_wires_tag_ends_no_sentence():
    # butler_rally's AP original: razdel cut "BUTLER, Pa." off the lead, which then sat in the claims on its own
    pieces = [s.text for s in split_sentences("BUTLER, Pa. (AP) — Donald Trump was rushed off the stage. He was wounded.")]
    assert pieces == ["BUTLER, Pa. (AP) — Donald Trump was rushed off the stage.", "He was wounded."]


def test_a_round_ups_run_in_heads_are_set_aside_and_listed_but_a_lone_one_word_answer_stays():
    from framing.ingest import documents_from_texts
    from framing.ingest.segment import RUN_IN_HEAD_REASON

    text = ("Транзит російського газу через Україну зупинився\n\nЗ першого січня газ через Україну більше не йде.\n\n"
            "Словаччина. Прем'єр заявив, що рішення Києва дорого коштуватиме Європі.\n\n"
            "Польща. У міністерстві назвали це перемогою.\n\nМолдова. У регіоні вимкнули опалення.")
    (doc,) = documents_from_texts([(text, {"id": "x", "language": "uk"})])
    assert [s.text.split()[0] for s in doc.sentences] == ["Транзит", "З", "Прем'єр", "У", "У"]
    assert [(r.text, r.reason) for r in doc.removed] == [(w, RUN_IN_HEAD_REASON) for w in ("Словаччина.", "Польща.", "Молдова.")]
    # an interview's one-word answer is the only such opening in its article: a sentence, kept
    text = ("Як школа повертається до навчання після перерви\n\nЧи важко було дітям повернутися?\n\n"
            "Дуже. Першого тижня багато хто мовчав на перервах.\n\n"
            "Що допомогло?\n\nГуртки після уроків і спільні поїздки.")
    (doc,) = documents_from_texts([(text, {"id": "y", "language": "uk"})])
    assert "Дуже." in [s.text for s in doc.sentences] and not doc.removed


def test_a_live_pages_short_run_in_heads_go_where_they_open_most_paragraphs_and_stay_as_sentences_elsewhere():
    from framing.ingest.segment import run_in_heads

    def paragraphs(*texts: str) -> list[list[str]]:
        return [[s.text for s in split_sentences(t)] for t in texts]

    live = paragraphs("Putin flies to the steppe", "Overnight: a late arrival. The plane landed after midnight.",
                      "The talks. The two presidents met for three hours.", "Deals. Seven agreements were signed.",
                      "Kyiv responds. The foreign ministry called the visit a blow to the court.")
    assert run_in_heads(live) == {1, 2, 3, 4}
    # an analysis that now and then opens a paragraph with a short sentence keeps them: they are its text
    analysis = paragraphs("Why the vote matters", "Markets shuddered. The currency fell by two per cent.",
                          "The government said it would act within days. It named a new envoy.",
                          "The arithmetic is tight. Two parties hold the balance.",
                          "Officials in Brussels declined to comment. They said talks would go on.",
                          "Nobody expected a quick deal. The last one took a year.",
                          "Then came the soldiers. They surrounded the building before dawn.")
    assert run_in_heads(analysis) == set()
