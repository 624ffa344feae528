from __future__ import annotations

from framing.ingest import documents_from_texts, load_documents
from framing.ingest.boilerplate import clean, is_stamp

from .conftest import SEEDS


def _seed(prefix: str):
    docs = load_documents([str(SEEDS)]).documents
    return next(d for d in docs if d.id.startswith(prefix))


def test_removed_spans_point_into_the_original_text():
    for doc in load_documents([str(SEEDS)]).documents:
        assert doc.removed, doc.id if doc.id[:3] != "002" else None
        for span in doc.removed:
            assert doc.text[span.start : span.end] == span.text
        for sentence in doc.sentences:
            assert " ".join(doc.text[sentence.start : sentence.end].split()) == sentence.text


def test_seed_000_body_survives_and_the_news_list_goes():
    doc = _seed("000")
    body = doc.body
    assert "Администрация Джо Байдена усилит свою поддержку Украины" in body
    assert "Дэвидом Лэмми" in body  # last body sentence
    assert "Последние новости" not in body and "Шахедов" not in body and "Google News" not in body
    assert "Напомним" not in body
    removed = " ".join(s.text for s in doc.removed)
    assert "Китайский гороскоп" in removed and "Автор: Оксана Лінська" in removed


def test_seed_001_inline_ad_marker_and_regional_list():
    doc = _seed("001")
    assert "ads_code" not in doc.body
    assert "верховным главнокомандующим войсками НАТО в Европе." in doc.body
    assert "Новости соседних регионов" not in doc.body and "Басманные вести" not in doc.body
    assert "Автор: Константин Большаков" not in doc.body


def test_seed_003_and_004_tails():
    assert "хибний наратив" not in _seed("003").body
    assert "Блінкен" in _seed("003").body
    doc4 = _seed("004")
    assert "ЩЕ ЗА ТЕМОЮ" not in doc4.body and "РЕКЛАМА" not in doc4.body and "Петиція" not in doc4.body
    assert doc4.body.count("Резніков обговорив із міністром") == 1  # repeated title removed
    assert "стільки, скільки буде потрібно" in doc4.body


ENGLISH_PAGE = """Share on Facebook
Share on Twitter

City council approves new budget for public transport

By Jane Smith
Published 14:05, 3 March 2024

The city council on Tuesday approved a budget of 12 million euros for public transport, the mayor said in a statement.

The plan includes three new tram lines and a night bus network, which officials expect to open next year.

Opposition councillors criticised the cost, saying the money should go to road repairs first.

Advertisement

Most read
Storm closes schools across the region
Local team wins cup after dramatic final
Police appeal for witnesses after crash
Concert hall reopens after renovation

© 2024 Example Media Ltd. All rights reserved.
Cookies help us deliver our services.
"""


def test_a_site_no_rule_was_written_for():
    text = ENGLISH_PAGE
    cleaned = clean(text)
    kept = " ".join(text[a:b] for a, b, _ in cleaned.kept)
    for body in ("12 million euros", "three new tram lines", "road repairs first", "approves new budget"):
        assert body in kept
    for clutter in ("Share on", "By Jane", "Advertisement", "Most read", "Storm closes", "Concert hall",
                    "All rights", "Cookies", "Published 14:05"):
        assert clutter not in kept, clutter
    assert sum(len(s.text) for s in cleaned.removed) > 200


def test_related_headlines_run_into_a_paragraph_are_cut_and_listed():
    from framing.ingest.boilerplate import clean

    text = (
        "Блинкен заяви това в Брюксел на 13 ноември: Официално: Оръжие за милиарди от САЩ за Украйна.\n\n"
        "Рютте заявил: Россия не победила в Украине.\n"
    )
    cleaned = clean(text)
    kept = [text[a:b] for a, b, _ in cleaned.kept]
    assert kept[0] == "Блинкен заяви това в Брюксел на 13 ноември"
    assert kept[1] == "Рютте заявил: Россия не победила в Украине."  # one colon: an ordinary sentence
    assert [(r.reason, r.text) for r in cleaned.removed] == [
        ("inline related-story headline", ": Официално: Оръжие за милиарди от САЩ за Украйна.")
    ]


def test_an_ad_marker_goes_but_a_sentence_about_an_advert_stays():
    text = ("Реклама\n\nРеклама за помпа, която сравнява майките с крави, раздели мненията\n\nAdvertisement - scroll to continue\n\n"
            "77 000 просмотров и сотни комментариев: видео получило неоднозначную реакцию.\n\n12 500 просмотров\n")
    cleaned = clean(text)
    assert [text[a:b] for a, b, _ in cleaned.kept] == ["Реклама за помпа, която сравнява майките с крави, раздели мненията",
                                                       "77 000 просмотров и сотни комментариев: видео получило неоднозначную реакцию."]
    assert [r.text for r in cleaned.removed] == ["Реклама", "Advertisement - scroll to continue", "12 500 просмотров"]


def test_a_byline_goes_but_a_sentence_opening_with_by_or_author_stays():
    text = (
        "By Jane Smith and Tom Brown, Reuters\n\n"
        "By that logic, the minister would win the vote unless the party splits before spring.\n\n"
        "Автор законопроекта заявил, что документ рассмотрят в декабре.\n\n"
        "Автор Иван Петров\n"
    )
    cleaned = clean(text)
    kept = [text[a:b] for a, b, _ in cleaned.kept]
    assert kept == ["By that logic, the minister would win the vote unless the party splits before spring.",
                    "Автор законопроекта заявил, что документ рассмотрят в декабре."]
    assert {r.text for r in cleaned.removed} == {"By Jane Smith and Tom Brown, Reuters", "Автор Иван Петров"}


def test_a_read_more_line_goes_but_a_sentence_opening_with_in_more_detail_stays():
    text = ("Байден заявил, что выходит из предвыборной гонки.\n\n"
            "Подробнее о причинах своего ухода он расскажет в обращении к нации на этой неделе.\n\n"
            "Подробнее о выступлении Байдена читайте в нашем материале\n\n"
            "Детальніше про план Зеленський розповів у Верховній Раді в середу.\n\n"
            "Подробнее о том, кто может стать преемником, рассказал директор института.\n\n"
            "Детальніше – за посиланням\n")
    cleaned = clean(text)
    assert [text[a:b] for a, b, _ in cleaned.kept] == [
        "Байден заявил, что выходит из предвыборной гонки.",
        "Подробнее о причинах своего ухода он расскажет в обращении к нации на этой неделе.",
        "Детальніше про план Зеленський розповів у Верховній Раді в середу.",
        "Подробнее о том, кто может стать преемником, рассказал директор института."]
    assert [r.text for r in cleaned.removed] == ["Подробнее о выступлении Байдена читайте в нашем материале", "Детальніше – за посиланням"]


def test_a_bulgarian_more_line_before_a_related_headline_goes_and_a_sentence_opening_with_more_stays():
    # "Още: ..." ("More: ...") before another story's headline (a helper writing a pile found it kept, stop 44; two
    # older piles held such lines as body, hamas_attack and pager_blasts)
    text = ("Путин мина с кола по възстановения мост.\n\n"
            "Още един участък ще бъде ремонтиран до март, каза вицепремиерът.\n\n"
            "Още: Русия атакува Украйна с над 70 ракети\n")
    cleaned = clean(text)
    assert [r.text for r in cleaned.removed] == ["Още: Русия атакува Украйна с над 70 ракети"]
    assert "Още един участък ще бъде ремонтиран до март, каза вицепремиерът." in [text[a:b] for a, b, _ in cleaned.kept]


def test_a_related_headline_and_a_tag_list_go_and_a_sentence_on_relations_stays():
    # "Related: <another story's headline>" and "Topics: ..." / "Filed under: ..." under an article: 30 such lines of
    # the piles were kept as claims (stop 46); one headline linked the story, and the claim grid showed it as the story's
    text = ("Trump said he was ready to move to a second phase of sanctions against Russia.\n\n"
            "Related ties between the two capitals have cooled since the spring, officials said.\n\n"
            "Related: Russia sets Kyiv government building ablaze in biggest air attack of the war\n\n"
            "По теме: Зеленский призвал союзников усилить ПВО\n\n"
            "Topics: Russia · Sanctions · White House\n\n"
            "Filed under: Russia, Europe\n")
    cleaned = clean(text)
    assert [r.text for r in cleaned.removed] == [
        "Related: Russia sets Kyiv government building ablaze in biggest air attack of the war",
        "По теме: Зеленский призвал союзников усилить ПВО", "Topics: Russia · Sanctions · White House",
        "Filed under: Russia, Europe"]
    assert [text[a:b] for a, b, _ in cleaned.kept] == [
        "Trump said he was ready to move to a second phase of sanctions against Russia.",
        "Related ties between the two capitals have cooled since the spring, officials said."]


def _removed(*lines: str) -> list[tuple[str, str]]:
    """What clean() removes from a text of these paragraphs, as (reason, text)."""
    return [(r.reason, r.text) for r in clean("\n\n".join(lines) + "\n").removed]


def test_a_short_first_line_the_body_follows_is_the_title_and_one_above_a_title_a_masthead():
    body = "The next report could come before the vote, and officials say there is already much evidence on the record."
    assert _removed("Study History", body) == []
    assert _removed("Reuters", "Allies must act, minister says", body) == [("masthead or label", "Reuters")]


def test_a_short_title_with_a_date_line_under_it_is_the_title_but_a_one_word_label_goes():
    body = "Королева Великобритании Елизавета II скончалась в четверг в замке Балморал в возрасте 96 лет."
    assert _removed("Умерла Елизавета II", "8 сентября 2022, 20:45", body) == [("stamp (time, date or count)", "8 сентября 2022, 20:45")]
    assert _removed("Top", "8 сентября 2022, 20:45", body) == [("masthead or label", "Top"),
                                                               ("stamp (time, date or count)", "8 сентября 2022, 20:45")]


def test_a_menu_item_at_the_top_of_the_page_opens_no_list_of_other_stories():
    # "Главное" (Top stories) at the very top is a menu's item: read as a list's heading, it took the headline and,
    # a date line making the lead look like a teaser, the whole short article with it
    title, stamp = "ЕС предоставил Украине статус кандидата", "23 июня 2022, 22:10"
    lead = "Лидеры 27 стран ЕС на саммите в Брюсселе единогласно предоставили Украине и Молдове статус кандидатов."
    for menu in ("Главное", "Главное | Политика | Экономика"):
        assert _removed(menu, title, stamp, lead, "Решение приняли менее чем через четыре месяца.") == [
            ("menu or breadcrumb", menu), ("stamp (time, date or count)", stamp)]
    # below the article it heads a list
    assert _removed(title, lead, "Главное", "В Москве открылась выставка", "Погода на выходные") == [
        ("section heading for other stories", "Главное"), ("inside a list of other stories", "В Москве открылась выставка"),
        ("inside a list of other stories", "Погода на выходные")]


def test_a_title_over_a_standfirst_stays_and_a_site_name_over_a_title_goes():
    body = "The visitors scored twice in the first period, and the hosts answered with four goals after the break."
    assert _removed("Northern League: River Hawks 4-2 Harbour Lions", "Two late goals settle the derby for the Hawks", body) == []
    # a line of four words over the title is a site's name (a title runs longer)
    assert _removed("City Sport Daily Online", "Two late goals settle the derby for the Hawks", body) == [
        ("site header before the headline", "City Sport Daily Online")]


def test_a_short_line_under_a_one_sentence_headline_is_the_story_not_a_masthead():
    body = "The audience booed the singer after a long speech, and the clip spread widely the next morning online."
    assert _removed("The singer praised the mayor on a late show.", "Nobody Clapped", body) == []
    # above the headline: a masthead
    assert _removed("Daily Wire Desk", "The singer praised the mayor", body) == [("masthead or label", "Daily Wire Desk")]


def test_a_recall_paragraph_is_kept_when_it_tells_the_story_and_removed_when_it_teases_another():
    text = (
        "Байден дозволив Україні бити ракетами ATACMS по території Росії\n\n"
        "Президент США Джо Байден дозволив Україні застосовувати ракети ATACMS для ударів углиб Росії, пишуть газети.\n\n"
        "Нагадаємо, раніше Байден відмовлявся дозволити удари ракетами ATACMS по території Росії.\n\n"
        "Нагадаємо, МАГАТЕ відреагувало на удар Ізраїлю по ядерному об'єкту Ірану в Ісфахані.\n"
    )
    cleaned = clean(text)
    removed = " ".join(span.text for span in cleaned.removed)
    assert "раніше Байден відмовлявся" not in removed  # names Байден and ATACMS, as the body does: background
    assert "МАГАТЕ відреагувало" in removed  # names nothing the body names: a teaser for another story


def test_a_live_page_keeps_its_entries_under_their_times_and_a_list_of_stories_stays_clutter():
    from framing.ingest.boilerplate import clean

    text = ("Notre-Dame reopens: live\n\nThe cathedral's doors opened again on Saturday evening after five years of work.\n\n"
            "20:41\n\nMacron thanked the firefighters and the craftspeople who rebuilt the cathedral, and the guests stood "
            "to applaud them for a long minute.\n\n"
            "20:55\n\nThe great organ was woken for the first time since the fire, answering the archbishop's call in eight "
            "short improvisations.\n\n"
            "Latest news\n\n21:02\n\nTrump meets Zelensky at the Élysée\n\n21:10\n\nRain expected across the north")
    cleaned = clean(text)
    kept = " ".join(text[a:b] for a, b, _ in cleaned.kept)
    assert "Macron thanked the firefighters" in kept and "The great organ was woken" in kept
    assert "Trump meets Zelensky" not in kept and "Rain expected" not in kept


def test_menus_cookie_notices_tags_read_also_lines_and_update_stamps_are_clutter():
    from framing.ingest.boilerplate import classify_lines, split_lines

    text = ("Syria live: Assad regime collapses as rebels enter Damascus\n\nLast updated 8 December 2024, 18:05\n\n"
            "Home | World | Middle East | Live\n\nТози сайт използва бисквитки. Научете повече.\n\n"
            "Rebels entered Damascus on Sunday morning and state television announced that the regime had fallen.\n\n"
            "Read also: Who is Abu Mohammed al-Jolani, the man who led the offensive?\n\n"
            "The prime minister said he was ready to hand over power to any leadership the Syrian people chose.\n\n"
            "Revenue rose 5% | costs fell 3% | margins held\n\nПодпишитесь на нашу рассылку\n\nТеги: Сирия, Дамаск, Асад\n\n"
            "(Reporting by Karim Haddad in Beirut; Writing by Timothy Rowe; Editing by Alison Grey)")
    lines = split_lines(text)
    reasons = dict(zip((line.text[:12] for line in lines), classify_lines(lines)))
    assert reasons["Home | World"] == "menu or breadcrumb" and reasons["Този сайт из"] == "cookie notice"
    assert reasons["Last updated"] == "stamp (time, date or count)"
    assert reasons["Read also: W"] and reasons["Подпишитесь "] and reasons["Теги: Сирия,"] and reasons["(Reporting b"]
    # the story's sentences stay, and a line of figures between bars is no menu
    assert reasons["Rebels enter"] is None and reasons["The prime mi"] is None and reasons["Revenue rose"] is None


def test_a_live_pages_notices_and_a_promotion_closing_a_paragraph_are_clutter():
    from framing.ingest.boilerplate import clean, is_stamp

    assert is_stamp("Last updated: Wed 3 Sep 2025 06:40 BST") and not is_stamp("Sun rises over the square")
    text = ("Please turn on JavaScript to follow this live blog\n\nShow key events only\n\n"
            "Мы собрали основное, что известно о кончине понтифика. Подписывайтесь на наш Telegram-канал, чтобы не "
            "пропустить новости.")
    cleaned = clean(text)
    kept = " ".join(text[a:b] for a, b, _ in cleaned.kept)
    assert kept == "Мы собрали основное, что известно о кончине понтифика."
    assert len(cleaned.removed) == 3



def test_a_breadcrumb_between_the_date_and_the_body_leaves_the_headline_in_place():
    from framing.ingest.boilerplate import classify_lines, split_lines

    # assad_fall's helper found the headline dropped when a breadcrumb stood there (taken for the headline)
    text = ("Сирийските бунтовници превзеха Дамаск, Асад е напуснал страната\n\n8 декември 2024, 10:15\n\n"
            "Начало | Свят | Близък изток\n\nСирийските бунтовници съобщиха в неделя, че са влезли в Дамаск, а президентът "
            "Башар Асад е напуснал страната в неизвестна посока.\n\nПремиерът заяви, че е готов да предаде властта.")
    reasons = classify_lines(split_lines(text))
    assert reasons == [None, "stamp (time, date or count)", "menu or breadcrumb", None, None]
    # a menu item may hold a year (butler_rally's live page: "Election 2024"); a box of figures is no menu
    dated = text.replace("Начало | Свят | Близък изток", "Politics | Election 2024 | Live updates")
    assert classify_lines(split_lines(dated))[2] == "menu or breadcrumb"
    figures = text.replace("Начало | Свят | Близък изток", "GDP 2024 | 3.5 | 2.1")
    assert classify_lines(split_lines(figures))[2] != "menu or breadcrumb"


def test_an_american_date_line_with_am_or_pm_is_a_stamp_and_its_date_is_read():
    from framing.ingest import documents_from_texts
    from framing.ingest.boilerplate import is_stamp

    assert is_stamp("June 1, 2025 · 8:05 pm") and is_stamp("June 6, 2023 8:45 PM EDT") and is_stamp("Updated 9:02 a.m. ET")
    assert not is_stamp("Pm Modi arrives in Delhi") and not is_stamp("I am here")
    # an offset from GMT, and "at" before the time (a helper's pile: two wires' date lines were read as sentences)
    assert is_stamp("April 4, 2023 5:12 PM GMT+2") and is_stamp("April 4, 2023 at 7:48 p.m. EDT") and is_stamp("4 April 2023 17:12 UTC+03:00")
    assert not is_stamp("Finland joins NATO at last") and not is_stamp("Talks at the GMT+2 border")
    text = ("Security Council meets on the flooding after the dam breach\n\nJune 6, 2023 8:45 PM EDT\n\n"
            "The Security Council met on Tuesday evening. Members called the breach a catastrophe.")
    doc = documents_from_texts([(text, {"id": "k9t1"})])[0]
    assert doc.date == "2023-06-06" and not any("PM" in s.text for s in doc.sentences)
    assert any(r.text == "June 6, 2023 8:45 PM EDT" for r in doc.removed)


def test_a_headline_that_asks_is_a_headline_and_the_date_line_under_it_dates_the_article():
    from framing.ingest import documents_from_texts

    text = ("How did a gunman get so close to the candidate?\n\n16 July 2024 19:40 BST\n\n"
            "Three days after the shooting, the questions facing the agency have only grown. Its director will testify.")
    doc = documents_from_texts([(text, {"id": "v5q1"})])[0]
    assert doc.sentences[0].is_title and doc.date == "2024-07-16"
    # an opening paragraph of two sentences that ends in a question is the article's lead, not its headline
    lead = "Who will lead the party now? The vote is due in March.\n\nDelegates met on Sunday. They did not decide."
    assert not documents_from_texts([(lead, {"id": "q"})])[0].sentences[0].is_title


def test_a_byline_of_a_name_and_a_role_and_a_captions_credit_are_clutter():
    from framing.ingest.boilerplate import classify_lines, split_lines

    # spiderweb's helper found both kept as sentences of a long analysis
    text = ("Why the strike on the bombers matters\n\nMonday 2 June 2025 06.00 BST\n\nEleanor Voss, defence correspondent\n\n"
            "For three years the bombers fired missiles from deep inside Russia. On Sunday Ukraine struck their airfields.\n\n"
            "A burning aircraft at an air base, in a still from a video. Photograph: SBU/handout\n\n"
            "Moscow, the correspondent said, did not comment at first. The ministry spoke later.")
    reasons = classify_lines(split_lines(text))
    assert reasons[2] == "byline, credit, ad or promotion" and reasons[4] == "photo caption"
    assert reasons[3] is None and reasons[5] is None  # the body, and a sentence naming a correspondent, stay


def test_a_list_of_other_stories_in_the_middle_of_an_article_ends_where_the_article_goes_on():
    from framing.ingest import documents_from_texts

    body = ("Россия и Украина договорились обменяться тысячей пленных\n\n"
            "Делегации провели первые прямые переговоры с 2022 года во дворце Долмабахче в Стамбуле.\n\n"
            "Встреча продлилась меньше двух часов, сообщили в министерстве иностранных дел Турции.\n\n")
    rest = ("Глава российской делегации Владимир Мединский заявил, что Москва удовлетворена итогами.\n\n"
            "Украинская сторона, однако, заявила, что Россия выдвинула неприемлемые требования.\n\n"
            "Дата следующей встречи пока не определена, добавили в делегации.")
    others = ["Зеленский прибыл в Анкару на встречу с Эрдоганом", "Рубио: прорыва в Стамбуле не ждем"]
    for label in ("Читайте также:", "Read more:"):
        doc = documents_from_texts([(body + label + "\n" + "\n".join(others) + "\n\n" + rest, {"id": "x", "language": "ru"})])[0]
        kept = " ".join(s.text for s in doc.sentences)
        removed = [span.text for span in doc.removed]
        assert all(headline in removed for headline in others), (label, removed)  # other stories' headlines go
        assert "Мединский заявил" in kept and "добавили в делегации" in kept, (label, removed)  # the article goes on


def test_an_explainers_section_titles_are_listed_not_claims():
    from framing.ingest import documents_from_texts

    text = ("Мост в Балтиморе рухнул после удара судна\n\n"
            "Контейнеровоз врезался в опору моста ночью во вторник, шесть рабочих пропали без вести.\n\n"
            "Какое судно\n\n"
            "Это контейнеровоз Dali под флагом Сингапура, его длина около 300 метров.\n\n"
            "Что говорят власти\n\n"
            "Губернатор штата объявил чрезвычайное положение, признаков теракта полиция не нашла.\n\n"
            "Голы: Хакими, 12;\n\n"
            "Матч завершился со счетом пять на ноль в пользу парижан, сообщили организаторы.")
    doc = documents_from_texts([(text, {"id": "x", "language": "ru"})])[0]
    kept = [s.text for s in doc.sentences]
    titles = [span.text for span in doc.removed if span.reason.startswith("subheading")]
    assert titles == ["Какое судно", "Что говорят власти"] and not set(titles) & set(kept)
    assert "Голы: Хакими, 12;" in " ".join(kept)  # a line with figures is content, not a title


def test_the_short_line_under_a_title_that_ends_in_a_full_stop_is_a_standfirst_not_a_section_title():
    # one story in two languages, each title ending in a full stop (so the body seems to begin with it): the short
    # line under it is the article's standfirst, kept (on the findings bench one version listed it as a subheading
    # and the others kept it, which made a false omission finding)
    from framing.ingest import documents_from_texts

    versions = {"en": ("Kanye West Wore a MAGA Hat on Stage After His Show.", "It Did Not Go Well",
                       "The rapper spoke for several minutes after the broadcast ended, and the audience booed.",
                       "Cast members stood behind him in silence while he praised the president.",
                       "A comedian later posted a short clip of the speech on social media."),
                "ru": ("Канье Уэст выступил в защиту президента в кепке MAGA после своего появления в вечернем шоу.",
                       "Все прошло плохо",
                       "Рэпер говорил несколько минут после окончания эфира, и публика освистала его.",
                       "Актеры молча стояли за его спиной, пока он хвалил президента.",
                       "Позже один из комиков выложил короткое видео речи в соцсетях.")}
    for language, lines in versions.items():
        doc = documents_from_texts([("\n\n".join(lines), {"id": language, "language": language})])[0]
        assert lines[1] in " ".join(s.text for s in doc.sentences), (language, doc.removed)


def test_a_ukrainian_share_button_is_clutter():
    # found on a fresh pile (new_start): "Поділитися" stayed as a one-word sentence
    text = "Президент заявив про нове рішення у вівторок.\n\nПоділитися\n\nУ Кремлі відповіли ввечері.\n\nFacebook Telegram Поділитися\n"
    cleaned = clean(text)
    assert [span.text.strip() for span in cleaned.removed] == ["Поділитися", "Facebook Telegram Поділитися"]
    assert [text[start:end] for start, end, _ in cleaned.kept] == ["Президент заявив про нове рішення у вівторок.", "У Кремлі відповіли ввечері."]


def test_a_summarys_points_under_the_title_stay_and_a_desk_byline_goes():
    # a live page: its title, a stamp, a desk's byline, "Key points" and four points without a full stop. The points
    # look like headlines, and the last of them was taken for the headline, so the short points above it went as a
    # site header (a helper-written pile lost two of four), and the desk's byline stayed when nothing looked like it
    title = "Bulgaria cleared to join the euro: the vote, the approval and the reactions - as it happened"
    points = ["EU finance ministers sign off the country's entry for next January", "Exchange rate locked at 1.95583",
              "Lawmakers back the move by a large majority", "Opponents cry foul"]  # three words: no label either
    body = "The country cleared the last hurdle on its road to the single currency today, and here is how the day went."
    assert _removed(title, "Tue 8 Jul 2025 · Last updated 20:15 BST", "By our economics team", "Key points", *points, body) == [
        ("stamp (time, date or count)", "Tue 8 Jul 2025 · Last updated 20:15 BST"),
        ("byline, credit, ad or promotion", "By our economics team"), ("masthead or label", "Key points")]
    assert _removed(title, "By Hannah Price and our live team", body) == [
        ("byline, credit, ad or promotion", "By Hannah Price and our live team")]
    # above the title, short lines are still the site's header
    assert ("site header before the headline", "City Sport Daily Online") in _removed(
        "City Sport Daily Online", title, "Key points", *points, body)


def test_a_summarys_glavnoe_under_the_title_heads_its_points_not_other_stories():
    # held-out page shape L (stop 37): "Главное" under a live page's title read as a heading of other stories, and the
    # four points under it went as "inside a list of other stories"
    title = "Снегопад парализовал город: онлайн-трансляция"
    points = ["За сутки выпала почти месячная норма осадков", "Аэропорт задерживает больше двадцати рейсов"]
    body = "Городские службы работают в усиленном режиме, а движение на центральных улицах почти остановилось."
    removed = _removed(title, "Опубликовано: 22 января 2025, 16:20", "Главное", *points, body)
    assert ("masthead or label", "Главное") in removed and not any(text in points for _, text in removed)
    # after the body, "Главное" still opens a list of other stories
    assert ("section heading for other stories", "Главное") in _removed(title, body, "Главное", *points)


def test_a_columns_disclaimer_and_follow_and_newsletter_prompts_go():
    # page shape M (stop 37): lines every column carries under the text
    body = "The council spends most of its transport money on parking, and the buses stay empty in the evening."
    for line in ("The views expressed in this column are the author's own.", "Мнение автора может не совпадать с позицией редакции.",
                 "Редакція може не поділяти думку автора колонки.", "Follow Gazette Opinion on Facebook and X",
                 "Рассылка «Мнения недели» — раз в неделю на почту", "Подписаться"):
        assert [text for _, text in _removed("Our city keeps paving car parks", body, line)] == [line], line


def test_a_pull_quote_repeating_the_texts_own_words_goes_and_a_quote_standing_alone_stays():
    body = "A bus that comes every half hour is not a service, it is a gamble, and those who can afford a car stop taking it."
    pull = "“A bus that comes every half hour is not a service, it is a gamble.”"
    assert _removed("Our city keeps paving car parks", body, pull) == [("pull quote (repeats the text)", pull)]
    alone = "«Мы не отступим ни на шаг и будем защищать каждый метр нашей земли»"
    assert _removed("Президент обратился к нации в воскресенье", "Президент выступил с обращением к нации в воскресенье вечером.", alone) == []


def test_a_columns_bio_under_the_text_goes_when_it_opens_with_the_bylines_name():
    body = ["С первого сентября школьникам запрещено пользоваться телефонами на уроках, и многие родители этому рады.",
            "Меня беспокоит другое: закон заканчивается там, где заканчивается урок, а день ребёнка длиннее урока."]
    bio = "Ирина Соколова — обозреватель «Невского обозревателя», бывшая учительница литературы."
    removed = _removed("Запрет телефонов в школах не заменит разговора с детьми", "Ирина Соколова, обозреватель", *body, bio)
    assert ("the writer's bio", bio) in removed
    english = "Ruth Adeyemi is a columnist for The Harbour Gazette and writes about housing and transport."
    text = ("Our city keeps paving car parks", "By Ruth Adeyemi", "The council spends most of its transport money on parking, "
            "and the buses stay empty in the evening.", english)
    assert ("the writer's bio", english) in _removed(*text)
    # a body sentence about someone the byline does not name stays, and so does one before any body paragraph
    other = "Олена Ткач — економістка, яка десять років вивчає міський транспорт і його ціну для бюджету."
    assert all(text != other for _, text in _removed("Місто знову будує парковки", "Ірина Соколова, оглядачка", *body, other))
    assert all(text != english for _, text in _removed("Our city keeps paving car parks", "By Ruth Adeyemi", english, *body))


def test_a_photo_storys_furniture_goes_and_its_paragraphs_stay():
    # page shape O (stop 38): a gallery counter, a caption between it and its credit, a video line, a text-and-photo credit
    first = "Firefighters were called to the grain store on Longfield Road just before six on Friday morning."
    beside = "Nobody was inside the building when the fire broke out, and no injuries have been reported so far."
    caption = "Firefighters used a high-volume pump to draw water from a drain."
    lines = ("Grain store destroyed in overnight fire", first, "1 / 9", caption, "Picture: County Fire Service", beside,
             "Watch the video: drone footage shows the scale of the blaze", "Text and photos: Mark Reynolds")
    removed = dict((text, reason) for reason, text in _removed(*lines))
    assert removed["1 / 9"] == "photo gallery counter" and removed[caption] == "photo caption"
    assert {"Picture: County Fire Service", "Watch the video: drone footage shows the scale of the blaze",
            "Text and photos: Mark Reynolds"} <= set(removed)
    assert first not in removed and beside not in removed  # the paragraph beside a counter is no teaser
    # a body sentence above a photo's credit stays (pile articles end so)
    last = "Причину смерті поки не назвали, тіло передали для експертизи."
    assert all(text != last for _, text in _removed("Помер опозиціонер", first, last, "Фото: архів"))
    for line in ("Текст и снимки: Даниела Колева", "Текст і фото: Ірина Мельник", "Снимка 3 от 18", "Видео: вижте шествието",
                 "При використанні матеріалів посилання на сайт обов'язкове.", "Использование материалов разрешено с согласия редакции."):
        assert [text for _, text in _removed("Шествие на розите в Казанлък", first, line)] == [line], line


def test_an_author_box_after_the_text_goes_and_a_reading_time_does_not_hide_the_date_line():
    body = ["Аренда однокомнатной квартиры в Самаре за год подорожала почти на треть, и спрос всё ещё растёт.",
            "Строители обещают новые дома, но первые из них сдадут не раньше следующей осени, считают аналитики."]
    box = ("Об авторе", "Дмитрий Волков", "Экономический обозреватель «Приволжской недели».")
    removed = _removed("Почему аренда дорожает быстрее зарплат", *body, *box)
    assert [(reason, text) for reason, text in removed if text in box[1:]] == [("the writer's bio", box[1]), ("the writer's bio", box[2])]
    assert ("byline, credit, ad or promotion", "Об авторе") in removed
    assert is_stamp("September 25, 2024 · 8 min read") and is_stamp("13 May 2024 · 9 min read")
    assert not is_stamp("The council voted 8 to 3 to close the route, and residents have eight weeks to object.")


def test_a_live_entry_opening_on_a_short_sentence_stays_with_its_paragraph():
    # a helper writing raisi_crash (stop 38) lost an entry so: the short first sentence went as a teaser next to its
    # time, and the paragraph after it went with it
    lines = ("Iran's president dies in helicopter crash: as it happened", "20 May 2024", "09:30 BST",
             "State television said that the president, the foreign minister and seven others on board were found dead.",
             "08:45 BST", "Rescuers reached the wreckage at dawn.",
             "They had searched through the night in fog and rain, and a drone spotted the site at first light, officials said.",
             "07:40 BST", "The search resumed at first light after being halted overnight, with more than forty teams taking part.")
    removed = {text for _, text in _removed(*lines)}
    assert removed == {"20 May 2024", "09:30 BST", "08:45 BST", "07:40 BST"}


def test_a_live_entry_under_its_time_and_heading_keeps_its_paragraph_and_a_list_of_stories_stays_clutter():
    # two fresh piles of stop 46 lost every entry of their live pages so: a time, a heading, one paragraph, the next
    # time; the heading and the paragraph both went as teasers next to a stamp
    lines = ("Missile hits railway station: as it happened", "Summary",
             "A missile struck the station in the morning while hundreds of people waited for evacuation trains, officials said.",
             "22:41 BST", "Mayor: 'We lost four children'",
             "In a late statement the mayor said 31 people had died at the scene and nine more later in hospital.",
             "20:15 BST", "Toll rises",
             "The regional governor now says 40 people were killed and more than 90 wounded, most of them women.",
             "Latest news", "21:02", "Storm closes the northern ports", "21:10", "Rain expected across the north")
    removed = _removed(*lines)
    kept_or_not = {text: reason for reason, text in removed}
    assert "In a late statement the mayor said 31 people had died at the scene and nine more later in hospital." not in kept_or_not
    assert "The regional governor now says 40 people were killed and more than 90 wounded, most of them women." not in kept_or_not
    assert kept_or_not["Mayor: 'We lost four children'"].startswith("subheading") and kept_or_not["Toll rises"].startswith("subheading")
    assert "Storm closes the northern ports" in kept_or_not and "Rain expected across the north" in kept_or_not


def test_a_live_pages_points_under_a_timed_summary_label_stay_and_a_first_published_line_names_no_outlet():
    # held-out page shape AU (stop 46): "Главное к этому часу:" read as a heading of other stories took the four
    # points and the first entry with it; "First published on Wed 6 Aug 2025 08.15 BST" gave the outlet "Wed"
    from framing.ingest.boilerplate import republished_from

    lines = ("Авария на теплосети: без отопления больше 200 домов. Онлайн", "Обновлено 15 января 2025 в 19:26",
             "Главное к этому часу:", "Без тепла остались 214 жилых домов и 9 школ", "Открыты три пункта обогрева",
             "19:20", "Сварщики приступили к замене трубы",
             "Аварийный участок длиной около 12 метров откопали, воду из котлована откачали, работы идут.",
             "18:35", "Глава города провел совещание и поручил до конца недели выяснить причины аварии на магистрали.")
    removed = dict((text, reason) for reason, text in _removed(*lines))
    for kept in ("Без тепла остались 214 жилых домов и 9 школ", "Открыты три пункта обогрева",
                 "Аварийный участок длиной около 12 метров откопали, воду из котлована откачали, работы идут."):
        assert kept not in removed
    assert removed["Сварщики приступили к замене трубы"].startswith("subheading")
    assert republished_from("First published on Wed 6 Aug 2025 08.15 BST") is None
    assert republished_from("Originally published by Marlow Times") == "Marlow Times"


def test_a_live_heading_closing_on_a_quoted_cry_and_an_update_label_with_a_full_stop_keep_their_news():
    # a fresh pile of stop 46 (kyiv_strike_april_2025, after its first run): "Trump: 'Vladimir, STOP!'" under its time
    # took its entry with it as teasers; "Оновлено о 22:05. Увечері ..." went whole as a byline line
    removed = dict((text, reason) for reason, text in _removed(
        "Kyiv strike: live", "Summary",
        "Russia hit Kyiv overnight with missiles and drones, killing at least twelve people, officials said.",
        "14:02 BST", "Trump: 'Vladimir, STOP!'",
        "The US president has reacted to the attack in a post on Truth Social, saying he is not happy with the strikes.",
        "12:15 BST", "Rescuers are still searching the rubble of the apartment block in the western district, officials said.",
        "Оновлено о 22:05. Увечері президент повідомив, що кількість загиблих у столиці зросла до 12."))
    assert removed["Trump: 'Vladimir, STOP!'"].startswith("subheading")
    assert "The US president has reacted to the attack in a post on Truth Social, saying he is not happy with the strikes." not in removed
    assert removed["Оновлено о 22:05."] == "stamp (time, date or count)"
    assert "Увечері президент повідомив, що кількість загиблих у столиці зросла до 12." not in removed


def test_a_live_teams_byline_a_last_update_line_and_a_newsletter_box_go_and_a_tagged_title_stays():
    # page shape AU (stop 46, after its first run): the live team's bylines were kept as sentences, and once they went,
    # "Последна актуализация: ..." and a site's slogan above a title ending in "(онлайн)" were kept instead
    removed = dict((text, reason) for reason, text in _removed(
        "Тернопільська брама", "Новини Тернополя і області",
        "Сесія міської ради: депутати голосують за подорожчання проїзду до 20 гривень (онлайн)",
        "Последна актуализация: 23:52, 19 октомври 2025", "Трансляцію ведуть Ірина Гнатюк і Богдан Савчук",
        "Виконком пропонує підняти вартість проїзду в автобусах і тролейбусах з 15 до 20 гривень, повідомили в раді.",
        "By Hannah Boyce and Tom Ellery (now); Marek Lis (earlier)", "Текст: Анна Лыкова, Денис Чернов",
        "Get the Gazette’s top stories in your inbox every weekday at 7am.", "Sign me up"))
    assert "Сесія міської ради: депутати голосують за подорожчання проїзду до 20 гривень (онлайн)" not in removed
    assert removed["Новини Тернополя і області"] == "site header before the headline"
    assert removed["Последна актуализация: 23:52, 19 октомври 2025"] == "stamp (time, date or count)"
    for byline in ("Трансляцію ведуть Ірина Гнатюк і Богдан Савчук", "By Hannah Boyce and Tom Ellery (now); Marek Lis (earlier)",
                   "Текст: Анна Лыкова, Денис Чернов", "Get the Gazette’s top stories in your inbox every weekday at 7am.",
                   "Sign me up"):
        assert removed[byline] == "byline, credit, ad or promotion", byline
    assert "Виконком пропонує підняти вартість проїзду в автобусах і тролейбусах з 15 до 20 гривень, повідомили в раді." not in removed


def test_a_running_storys_menu_label_lead_ins_and_bracketed_update_stay_read():
    # held-out page shape AV (stop 46, after its first run): "Лента новостей" under a site's slogan opened a list of
    # other stories that took the headline and the lead; a sentence leading into an official's post under a time went
    # with the post; "(обновлено: 17:55)" after the date kept the date line as a sentence
    removed = dict((text, reason) for reason, text in _removed(
        "ВОСТОК-ИНФО", "Информационное агентство Дальнего Востока", "Лента новостей", "Политика", "Экономика",
        "Снежный циклон в Хабаровске: аэропорт закрыт, школы ушли на дистант",
        "18.02.2025 08:20 (обновлено: 17:55)",
        "Мощный циклон, пришедший с Японского моря, с ночи вторника засыпает Хабаровск снегом, сообщили синоптики.",
        "11:15 20.11.2025", "Кметът Костадин Димитров публикува позиция в профила си във Фейсбук:",
        "„Разбирам исканията на шофьорите и ги смятам за справедливи. Но няма да решим проблема с по-скъп билет.“",
        "10:30 20.11.2025", "Община Пловдив покани синдикатите на разговор в 14 часа, съобщиха от кметството.",
        "▶ Видео: как выглядит центр города (0:58)", "All times Eastern.", "Related topics: Carver Falls · Brandt County"))
    for kept in ("Снежный циклон в Хабаровске: аэропорт закрыт, школы ушли на дистант",
                 "Мощный циклон, пришедший с Японского моря, с ночи вторника засыпает Хабаровск снегом, сообщили синоптики.",
                 "Кметът Костадин Димитров публикува позиция в профила си във Фейсбук:",
                 "„Разбирам исканията на шофьорите и ги смятам за справедливи. Но няма да решим проблема с по-скъп билет.“"):
        assert kept not in removed, kept
    assert removed["18.02.2025 08:20 (обновлено: 17:55)"] == "stamp (time, date or count)"
    for clutter in ("Лента новостей", "▶ Видео: как выглядит центр города (0:58)", "All times Eastern.",
                    "Related topics: Carver Falls · Brandt County"):
        assert clutter in removed, clutter


def test_an_updated_breaking_items_labels_go_and_their_news_stays():
    # held-out page shape AW (stop 46, after its first run): "ДОПОВНЕНО о 16:20" over an update was kept as a sentence;
    # "Оновлено о 12:40 — Суд призначив ..." went whole as a byline line, and so did a three-word update sentence
    removed = dict((text, reason) for reason, text in _removed(
        "Колишнього директора водоканалу засудили до шести років ув'язнення",
        "Соснівський районний суд у середу визнав колишнього директора комунального підприємства винним у розтраті.",
        "ДОПОВНЕНО о 16:20", "Захист засудженого оскаржить вирок в апеляційному суді, повідомив його адвокат.",
        "Оновлено о 12:40 — Суд призначив шість років позбавлення волі з конфіскацією майна.",
        "Оновлено о 14:05 — Прокуратура прокоментувала вирок.",
        "This is a developing story. Check back for updates."))
    assert removed["ДОПОВНЕНО о 16:20"] == "stamp (time, date or count)"
    assert removed["Оновлено о 12:40 —"].startswith("stamp") and removed["Оновлено о 14:05 —"].startswith("stamp")
    assert "Суд призначив шість років позбавлення волі з конфіскацією майна." not in removed
    assert "Прокуратура прокоментувала вирок." not in removed
    assert removed["This is a developing story. Check back for updates."] == "byline, credit, ad or promotion"


def test_a_channel_page_keeps_its_last_post_and_its_date():
    # page shape P (stop 38): a Telegram channel's page saved to keep one post, the last; the posts above are other
    # stories, and the page's date is the separator above the last post
    page = "\n".join([
        "Harbour City Wire", "@harbourcitywire", "23.9K subscribers", "Pinned message", "November 12, 2024", "Harbour City Wire",
        "All afternoon ferry sailings to Kelp Island are cancelled because of high winds, the operator says.",
        "#ferries #weather", "6.4K views 15:58", "November 13, 2024", "Harbour City Wire",
        "Councillors have approved plans for 420 new homes on the former gasworks site at Dock Road.",
        "The vote was 9 to 4 after a debate that lasted more than three hours, and building could begin next autumn.",
        "#housing #council", "Full report: harbourcitywire.com/dock-road-homes", "👍 148 👎 66 🔥 12", "15.2K views edited 14:05",
        "Subscribe"]) + "\n"
    (document,) = documents_from_texts([(page, {"id": "channel"})])
    assert [s.text for s in document.sentences][:1] == ["Councillors have approved plans for 420 new homes on the former gasworks site at Dock Road."]
    assert not any("ferry" in s.text or s.text.startswith(("#", "Full report", "👍")) for s in document.sentences)
    assert document.date == "2024-11-13"
    # one views counter is no channel page: nothing goes as an earlier post
    single = "\n\n".join(["Councillors approve 420 homes", "Councillors have approved plans for 420 new homes on the former gasworks site.",
                          "15.2K views 14:05"])
    assert all(r.reason != "another post on the channel's page" for r in clean(single + "\n").removed)


def test_an_aggregators_copy_names_itself_not_the_agency_it_copied():
    # page shape Q (stop 38): the source line and the link to the original name the agency, not the page
    removed = _removed("Storm closes port for two days", "The port authority closed the harbour on Tuesday as winds reached 90 km/h.",
                       "Source: Atlantic Wire Service", "Read the full story at awsnews.com", "Was this article helpful?")
    assert {text for _, text in removed} == {"Source: Atlantic Wire Service", "Read the full story at awsnews.com", "Was this article helpful?"}
    from framing.ingest.metadata import outlet_from_clutter

    spans = clean("Storm closes port\n\nThe port authority closed the harbour on Tuesday as winds reached 90 km/h.\n\n"
                  "Read the full story at awsnews.com\n").removed
    assert outlet_from_clutter(spans, lambda name: False)[0] != "awsnews.com"


def test_a_paywall_block_goes_and_a_story_about_subscriptions_stays():
    # page shape R (stop 39): the free paragraphs of a paywalled article, then the offer; the offer's lines had been
    # kept as body
    story = ["Траулерният флот на Бургас ще бъде обновен с три нови кораба до 2027 година, обяви общината в понеделник.",
             "Първият кораб трябва да пристигне през пролетта, а останалите два ще бъдат построени в Полша.",
             "Рибарите казват, че старите съдове изразходват двойно повече гориво от новите."]
    paywall = ["Останалата част от статията е само за абонати", "Абонирайте се, за да прочетете целия текст.",
               "Три месеца за 3 лв., след това 9,90 лв. месечно", "Имате абонамент? Вход", "Можете да прекратите по всяко време."]
    removed = dict((text, reason) for reason, text in _removed("Бургас обновява рибарския си флот", *story, *paywall))
    assert all(removed.get(line) for line in paywall) and not any(line in removed for line in story)
    assert "paywall (subscription offer)" in removed.values()
    # one line about subscribers in a story's text is no paywall: a paywall is a block of such lines
    news = ["The streaming service said on Monday that it had lost 1.2 million subscribers in the third quarter.",
            "Subscribers who keep reading the small print will find the new price applies from March.",
            "Analysts had expected a smaller fall, and the company's shares dropped 9% in early trading."]
    assert not _removed("Streaming service loses subscribers", *news)


def test_a_press_release_names_its_ministry_and_keeps_its_title():
    # page shape S (stop 39): a ministry's page; its full name (longer than a masthead line) opens the page and closes
    # it in the copyright line, and the release's number stands under the title
    page = "\n".join([
        "Skip to main content", "Ministry of Agriculture and Rural Development of the Republic of Moldova", "RO | EN",
        "About us", "Press", "Contacts", "Home / Press / Releases", "Moldova opens two new grain terminals on the Danube",
        "Press release No. 77", "04.06.2025",
        "Two new grain terminals opened on Wednesday at the port of Giurgiulesti, doubling the country's export capacity on the Danube.",
        "The terminals can load up to 6,000 tonnes a day and were built with a loan from a European development bank.",
        "The minister said the new capacity would let farmers ship their harvest without waiting for rail wagons.",
        "Print version", "© 2025 Ministry of Agriculture and Rural Development of the Republic of Moldova"]) + "\n"
    (document,) = documents_from_texts([(page, {"id": "release"})])
    assert document.title == "Moldova opens two new grain terminals on the Danube"
    assert document.outlet == "Ministry of Agriculture and Rural Development of the Republic of Moldova"
    assert not any(s.text.startswith(("Press release", "Ministry of")) for s in document.sentences)
    # a long sentence of terms after the sign is no holder's name
    from framing.ingest.page_meta import copyright_name

    assert copyright_name("© 2025 Использование материалов разрешено только при наличии гиперссылки на источник") is None


def test_a_title_above_a_standfirst_under_a_site_header_stays_the_title():
    # page shape R (stop 39): a standfirst without a full stop under the title; the title, of eight words, was taken
    # for the site's header
    lines = ("Гроші і Справа", "Бізнес, фінанси, ринки", "Новини", "Бізнес", "Преміум",
             "Херсонський завод консервів відновлює роботу після двох років простою",
             "Підприємство планує випустити до кінця року два мільйони банок овочевих консервів і шукає нових постачальників",
             "Автор: Олена Гнатюк", "12 березня 2025, 09:15", "Обновена: 12.03.2025 11:40",
             "Завод консервів у Херсоні відновив роботу першої лінії після двох років простою, повідомив його директор.")
    removed = {text for _, text in _removed(*lines)}
    assert lines[5] not in removed and lines[6] not in removed
    assert {lines[0], lines[8], lines[9]} <= removed


def test_a_print_versions_address_page_lines_and_stamp_go():
    # page shape V (stop 39): a print layout's own lines had been kept as body
    story = "The county library will stop charging overdue fines from 1 April, the library board decided on Monday."
    lines = ("Printed from harbourdaily.com on 3 April 2025, 10:15", "Article URL: https://harbourdaily.com/news/library-fines",
             "County libraries drop overdue fines", story, "Page 1 of 2", "Адрес материала: https://example.ru/news/1", "Страница 2 из 2")
    removed = {text: reason for reason, text in _removed(*lines)}
    assert set(removed) == {lines[0], lines[1], lines[4], lines[5], lines[6]}
    assert removed[lines[4]] == "print version's address, page or print stamp"


def test_a_video_transcripts_time_codes_go_and_its_speech_stays():
    # page shape W (stop 39): each code alone on its line read as a clock time, and the speech under it as a teaser
    speech = ["The first ferry left the pier at seven sharp this morning.", "About forty passengers and eight cars were on board.",
              "Most were heading to cottages cut off from town all winter.", "Fares stay at four dollars for foot passengers."]
    lines = ["Ferries return to the island early", "03:12", "Watch", "8 April 2025, 19:40",
             "River traffic opened two weeks early this year after the ice went out in March.", "Transcript"]
    for k, line in enumerate(speech):
        lines += [f"0:{k * 7:02d}", line]
    lines += ["Next video", "Spring clean-up begins in city parks", "02:48", "Bridge repairs to finish in May", "04:05"]
    removed = {text: reason for reason, text in _removed(*lines)}
    assert not set(speech) & set(removed)
    assert removed["0:07"] == removed["Transcript"] == "transcript label or time code"
    assert {"Spring clean-up begins in city parks", "Bridge repairs to finish in May", "03:12"} <= set(removed)
    # clock times are no transcript: they do not start under a minute and count up by seconds
    from framing.ingest.boilerplate import split_lines, transcript_codes

    assert not transcript_codes(split_lines("14:05\nA line.\n15:10\nAnother.\n16:20\nA third.\n"))


def test_a_copyright_holder_before_the_sign():
    from framing.ingest.page_meta import copyright_name

    assert copyright_name("Струма ТВ © 2024 | Всички права запазени | strumatv.bg") == "Струма ТВ"
    assert copyright_name("© 2024 Дневен преглед. Всички права запазени.") == "Дневен преглед"


def test_readers_comments_under_the_article_go():
    # page shape X (stop 39): a page saved with its comments kept them as the article's text
    story = ["The city will raise the bus fare to 45 roubles from 1 April, the transport department said on Monday.",
             "Travel cards will cost 42 roubles a ride, and pensioners keep the old price."]
    comments = ["Комментарии (37)", "Сначала новые", "ИринаЯр", "сегодня в 08:30",
                "Опять дороже, а автобусов больше не стало.", "Ответить", "👍 12 👎 9", "Показать еще комментарии"]
    removed = {text: reason for reason, text in _removed("Bus fares go up in April", *story, *comments)}
    assert set(comments) <= set(removed) and not set(story) & set(removed)
    assert removed["Опять дороже, а автобусов больше не стало."] == "readers' comments"
    # a counter of comments above other stories' headlines leaves them to the rules for lists
    assert all(reason != "readers' comments" for reason, _ in _removed("Bus fares go up in April", *story))


def test_a_shared_excerpts_card_goes_and_its_cut_off_last_paragraph_stays():
    # page shape Z (stop 39): an excerpt shared from a news app; the app's lines had been kept, the app taken for the
    # outlet, and the excerpt's last paragraph, cut off with "…", removed as a teaser
    page = "\n".join([
        "Shared via Newsloop", "Dana Whitlock shared a story with you · Jun 6, 2025, 7:52 AM", "THE LAKESIDE HERALD",
        "Lake ferry fares to rise as county closes budget gap", "June 5, 2025 · 4 min read",
        "Passengers on the lake ferry will pay about 15 percent more from July 1, after the county board approved the increase on Wednesday night.",
        "The finance director told the board that the ferry lost $2.4 million last year as fuel and crew costs climbed.",
        "Commuters who packed the meeting urged the board to phase the increase in over two years, and one commissioner said that…",
        "Read more", "lakesideherald.com/news/2025/06/05/ferry-fares", "Get the app", "Sent from my iPhone"]) + "\n"
    (document,) = documents_from_texts([(page, {"id": "shared"})])
    texts = [s.text for s in document.sentences]
    assert texts[-1].startswith("Commuters who packed the meeting") and document.outlet == "lakesideherald.com"
    assert not any(t.startswith(("Shared via", "Get the app", "Sent from", "lakesideherald")) for t in texts)
    # a teaser cut off under a headline of other stories still goes
    removed = _removed("Ferry fares rise", "Passengers will pay 15 percent more from July 1, the county board decided on Wednesday.",
                       "More news", "Bridge repairs to finish in May", "The county says the work on the old bridge will…")
    assert "The county says the work on the old bridge will…" in {text for _, text in removed}


def test_an_e_mail_newsletter_keeps_its_main_story_only():
    # page shape AB (stop 40): the mail header, the greeting, the other stories' teasers, the sponsor and the footer had
    # been kept as the article, its issue line taken for the outlet and its issue date for the story's
    story = ["Тролейбусната линия до летището ще тръгне от 1 юни, реши общинският съвет в четвъртък.",
             "Билетът ще струва 1,60 лв., а колите ще минават на всеки 20 минути.",
             "Кметът каза, че линията ще бъде удължена до индустриалната зона догодина."]
    page = "\n".join([
        "От: Вечерен бюлетин на „Градски вестник“ <bulletin@gradski-vestnik.bg>", "До: reader@example.bg",
        "Дата: 21.05.2025 г., 18:00", "Относно: Тролей до летището от юни", "Отвори в браузъра", "ГРАДСКИ ВЕСТНИК",
        "Вечерен бюлетин • № 88", "Добър вечер! Ето какво се случи днес в града.", "Водеща новина",
        "Тролейбус ще вози до летището от юни", "20 май 2025", *story, "Прочети на сайта", "Още новини",
        "Паркът край реката затваря за ремонт", "Алеите ще бъдат подменени до есента.", "Прочети още",
        "Партньор", "Бюлетинът се издава с подкрепата на местна пекарна. Покажете писмото на касата.", "Научи повече",
        "Получавате този имейл, защото сте се абонирали за бюлетина.", "Отписване | Управление на абонамента",
        "„Градски вестник“ ЕООД, ул. „Иван Вазов“ 1, 1000 София"]) + "\n"
    (document,) = documents_from_texts([(page, {"id": "mail"})])
    texts = [s.text for s in document.sentences]
    assert texts[0] == "Тролейбус ще вози до летището от юни" and texts[1:4] == story
    assert not any(("Алеите" in t or "пекарна" in t or "Добър вечер" in t or "абонирали" in t or "ЕООД" in t) for t in texts)
    assert document.date == "2025-05-20" and document.outlet != "Вечерен бюлетин"
    reasons = {s.text: s.reason for s in document.removed}
    assert reasons["Дата: 21.05.2025 г., 18:00"] == "e-mail header"
    # lines like a mail header's inside an article are the article's: two are needed, among the first lines
    removed = _removed("Schools to open later", "The city council voted on Tuesday to start the school day at 9.",
                       "Subject: the council's vote was 7 to 2, the clerk said.", "Parents had asked for the change.")
    assert "Subject: the council's vote was 7 to 2, the clerk said." not in {text for _, text in removed}


def test_a_web_archives_banner_goes_and_a_page_title_beside_its_headline_goes():
    # page shape AA (stop 40): the Wayback Machine's and archive.today's banner lines were kept, and a page's <title>
    # ("headline | site") came as a second headline
    story = ["Новий міст через річку відкриють для руху в понеділок, повідомили в міськраді.",
             "Ремонт тривав два роки і коштував 300 мільйонів гривень."]
    page = "\n".join([
        "Новий міст відкриють у понеділок | Міські вісті",
        "The Wayback Machine - https://web.archive.org/web/20250302101500/https://miski-visti.ua/news/mist",
        "archive.today webpage capture", "2 Mar 2025 10:15:00 UTC", "All snapshots from host miski-visti.ua",
        "Новий міст відкриють у понеділок", "28 лютого 2025, 14:10", *story]) + "\n"
    (document,) = documents_from_texts([(page, {"id": "archived"})])
    texts = [s.text for s in document.sentences]
    assert texts == ["Новий міст відкриють у понеділок", *story] and document.date == "2025-02-28"
    reasons = {s.text: s.reason for s in document.removed}
    assert "Новий міст відкриють у понеділок | Міські вісті" in reasons  # a site header here; alone, a page title:
    assert [r for r, _ in _removed("Bridge to open on Monday - City News", "Bridge to open on Monday",
                                   "The new bridge opens to traffic on Monday after two years of work, the council said.")] == [
        "page title (the headline and the site's name)"]
    assert reasons["All snapshots from host miski-visti.ua"] == "web archive's banner"
    assert is_stamp("2 Mar 2025 10:15:00 UTC")


def test_a_reader_views_controls_and_a_name_and_date_byline_go_and_the_title_stays():
    # page shape AC (stop 40): "Олена Марчук, 3 лютого 2025" was taken for the headline, the title above it for a site
    # header, and the reader's "Close reading mode" and "Listen" kept
    page = "\n".join([
        "misto-news.ua", "Місто отримає нові тролейбуси до осені", "Ігор Левченко, 12 березня 2025", "3 хв читання",
        "Міська рада закупить дванадцять нових тролейбусів, які мають вийти на маршрути до вересня, повідомили в мерії.",
        "Нова техніка коштуватиме 180 мільйонів гривень, половину суми дасть державний фонд.",
        "Вигляд нового тролейбуса. Зображення: міська рада", "Закрити режим читання", "Прослухати"]) + "\n"
    (document,) = documents_from_texts([(page, {"id": "reader"})])
    texts = [s.text for s in document.sentences]
    assert texts[0] == "Місто отримає нові тролейбуси до осені" and len(texts) == 3
    assert document.date == "2025-03-12" and document.outlet == "misto-news.ua"
    reasons = {s.text: s.reason for s in document.removed}
    assert reasons["Прослухати"] == "reader view's control" and reasons["Ігор Левченко, 12 березня 2025"].startswith("byline")


def test_a_feed_readers_lines_and_the_lists_other_items_go_and_the_feed_names_the_outlet():
    # page shape AD (stop 40): the reader's name, its folder line and a later item's feed were taken for the outlet,
    # and the list's other items kept as the article
    page = "\n".join([
        "Reedr", "Today", "Coastal news", "The Harbour Gazette", "New lifeboat station to open in Portreath", "2h",
        "A new lifeboat station will open in Portreath next month after two years of building work, the charity said.",
        "The station will house an inshore boat and a crew of twenty volunteers, most of them local fishermen.",
        "Mark as read", "Save for later", "Visit website",
        "More in Coastal news", "Ferry timetable changes from Monday", "Westcountry Wire · 4h",
        "Two evening crossings are cut until the end of the month.", "Beach cafe wins national award",
        "The Harbour Gazette · Yesterday", "The owners said the prize belonged to their staff."]) + "\n"
    (document,) = documents_from_texts([(page, {"id": "feed"})])
    texts = [s.text for s in document.sentences]
    assert texts == ["New lifeboat station to open in Portreath",
                     "A new lifeboat station will open in Portreath next month after two years of building work, the charity said.",
                     "The station will house an inshore boat and a crew of twenty volunteers, most of them local fishermen."]
    assert document.outlet == "The Harbour Gazette"
    reasons = {s.text: s.reason for s in document.removed}
    assert reasons["Reedr"] == "feed reader's line" and reasons["Beach cafe wins national award"] == "another item of the feed reader's list"


def test_a_sentence_with_a_clock_time_or_a_dash_is_no_byline_and_no_page_title():
    # the findings bench's NTREX texts (stop 40): a capitalised opening and a clock time read as "name, date", and a
    # sentence that goes on after a dash read as "headline - site", had removed two lines of news
    lines = ["Согласно результатам опроса, 17:30 — идеальное время для пинты пива",
             "Опрос тысячи посетителей пабов провели в трех городах страны в прошлом месяце.",
             "The study covered 20,000 pupils and found more fake pages on Instagram",
             "The study covered 20,000 pupils and found more fake pages on Instagram – a network for sharing photos.",
             "Researchers said the trend worried parents and teachers in every region they visited."]
    assert not [(reason, text) for reason, text in _removed(*lines) if "byline" in reason or "page title" in reason]


def test_a_social_post_keeps_its_text_and_link_card_and_drops_counts_actions_and_comments():
    # page shape AE (stop 40): the readers' comments and "Reply" lines were kept and the card's headline lost
    page = "\n".join([
        "Вечірній Поділ", "Підтверджено", "3 березня 2025 р. о 18:20 ·",
        "Міст через Південний Буг закриють на ремонт з понеділка. Об'їзд організують через нову дамбу, автобуси змінять маршрути.",
        "#Вінниця #ремонт", "VECHIRNIY-PODIL.UA", "Міст через Південний Буг закривають на три місяці",
        "Ремонт коштуватиме 96 мільйонів гривень, його оплатить держава.", "Усі реакції:", "1,4 тис.", "64 коментарі",
        "Подобається", "Коментар", "Поширити", "Найрелевантніші", "Ірина Коваль",
        "А як діти добиратимуться до школи на тому березі?", "2 д.", "Відповісти", "Степан Гуменюк",
        "Нарешті взялися, міст давно розвалювався.", "1 д.", "Відповісти"]) + "\n"
    (document,) = documents_from_texts([(page, {"id": "post"})])
    texts = [s.text for s in document.sentences]
    assert "Міст через Південний Буг закривають на три місяці" in texts and document.date == "2025-03-03"
    assert not any("школи" in t or "Нарешті" in t or t.startswith("3 березня") for t in texts)
    assert document.outlet == "Вечірній Поділ"
    # an article's own share line and a comments link, apart, are no post: its last paragraphs stay
    article = ["Council approves new tram line", "Share",
               "The city council approved a new tram line to the airport on Tuesday, officials said.", "Like",
               "Work will start in the spring and take two years, the mayor said after the vote."]
    assert all("Work will start" not in t for _, t in _removed(*article))


def test_a_printed_pages_headers_and_footers_go_and_its_title_names_the_headline():
    # page shape AF (stop 40): a page printed to PDF kept each page's header (print date and title) and footer (address
    # and page number); the print date is no article date
    page = "\n".join([
        "12.03.2025, 08:10 Трамвайную линию продлят до вокзала — Северный вестник", "Северный вестник", "Новости",
        "Трамвайную линию продлят до вокзала", "10 марта 2025, 16:40",
        "Городская дума одобрила продление трамвайной линии до железнодорожного вокзала, сообщили в мэрии.",
        "Строительство начнется летом и обойдется в 2,1 млрд рублей,",
        "https://severvestnik.ru/news/tramvaj-vokzal 1/2",
        "\f12.03.2025, 08:10 Трамвайную линию продлят до вокзала — Северный вестник",
        "из которых половину даст региональный бюджет.",
        "https://severvestnik.ru/news/tramvaj-vokzal 2/2"]) + "\n"
    (document,) = documents_from_texts([(page, {"id": "printed"})])
    texts = [s.text for s in document.sentences]
    assert texts[0] == "Трамвайную линию продлят до вокзала" and document.date == "2025-03-10"
    assert not any("12.03.2025" in t or "severvestnik.ru" in t for t in texts) and any("региональный бюджет" in t for t in texts)


def test_a_phone_copys_menu_button_names_no_outlet_and_a_title_ending_in_a_quoted_name_stays_the_title():
    # page shape AG (stop 41): "☰" was taken for the outlet, and a title ending in a quoted street name was not taken for
    # the title, so the app banner's slogan above it stayed as the article's first line
    page = "\n".join([
        "☰", "ДУНАВСКИ ВЕСТИ", "Търсене", "Отвори в приложението", "Русе винаги под ръка", "Русе",
        "Нов парк ще бъде открит на булевард „Липник“", "12 април 2025, 10:30",
        "Общината ще открие нов парк на булевард „Липник“ в края на май, съобщиха от кметството.",
        "Паркът ще има детска площадка, алеи за колела и над двеста нови дървета.",
        "© 2025 Дунавски вести"]) + "\n"
    (document,) = documents_from_texts([(page, {"id": "phone"})])
    texts = [s.text for s in document.sentences]
    assert texts[0] == "Нов парк ще бъде открит на булевард „Липник“" and "Русе винаги под ръка" not in texts
    assert document.outlet != "☰"


def test_a_paginated_articles_page_numbers_and_one_page_offer_go():
    # page shape AH (stop 41): the pages' numbers between "previous" and "next" and "Read on one page" were kept
    lines = ["Council approves new tram line",
             "The city council approved a new tram line to the airport on Tuesday, officials said after the vote.",
             "Work will start in the spring and take two years, the mayor told reporters.",
             "Page 1 of 3", "« Previous 1 2 3 Next »", "Read on one page"]
    reasons = dict((text, reason) for reason, text in _removed(*lines))
    assert reasons.get("« Previous 1 2 3 Next »") == "page navigation" and reasons.get("Read on one page") == "page navigation"
    # a line of figures is no page navigation: it takes a "previous" or "next" beside the numbers
    from framing.ingest.boilerplate import _PAGE_NAVIGATION

    assert not any(_PAGE_NAVIGATION.match(t) for t in ("10 000", "2024 2025", "1 2 3", "В 2 3 раза"))


def test_a_channel_page_keeps_the_post_that_tells_most_wherever_it_stands():
    # page shape AI (stop 41): the story's post stood before a later, shorter one, and its headline line went as a list
    page = "\n".join([
        "Гродно Сейчас", "12 400 подписчиков", "3 июня 2025", "Гродно Сейчас",
        "⚡ В Гродно закрыли на ремонт мост через Неман",
        "С понедельника по мосту не ходят автобусы и грузовики, легковые машины пропускают по одной полосе.",
        "Ремонт продлится до конца августа, объезд организован через Советскую улицу.",
        "Подробности и схема объезда: grodno-now.by/news/most-remont", "#Гродно #дороги", "Читать полностью",
        "👍 210 🔥 12", "👁 15,1K 10:40", "Гродно Сейчас",
        "🎵 В субботу в парке пройдёт концерт городского оркестра.", "#афиша", "👁 3,2K 12:05",
        "Подписаться на канал"]) + "\n"
    (document,) = documents_from_texts([(page, {"id": "channel"})])
    texts = [s.text for s in document.sentences]
    assert texts[0] == "⚡ В Гродно закрыли на ремонт мост через Неман" and len(texts) == 3
    assert document.date == "2025-06-03"
    reasons = {s.text: s.reason for s in document.removed}
    assert reasons["🎵 В субботу в парке пройдёт концерт городского оркестра."] == "another post on the channel's page"


def test_posts_and_a_video_player_embedded_in_an_article_go_and_its_own_paragraphs_stay():
    # page shape AJ (stop 41): an X post in its plain and its widget form, a Telegram post and a video player were kept
    own = ["Flood water closed the ring road on Monday morning after the river rose by two metres overnight, police said.",
           "The council opened two rest centres and asked people near the river to move their cars to higher ground.",
           "Engineers expect the water to fall by Wednesday, the Environment Agency said in its latest update.",
           "Schools in the lower town will stay shut until the roads reopen, the council said."]
    page = "\n".join([
        "Dale Herald", "Ring road shut as river bursts its banks", "March 3, 2025", own[0],
        "Water is over the ring road at the bridge, please keep away. pic.twitter.com/abc123XYZ",
        "— Dale Police (@dalepolice) March 3, 2025", own[1],
        "River Watch", "@riverwatchdale", "Level at the weir is the highest we have recorded since 2007.",
        "7:15 AM · Mar 3, 2025", "312", "Reply", "Copy link", "Read 40 replies", own[2],
        "Dale Council", "Rest centres are open at the leisure centre and St Mary's hall.", "👁 8.1K", "09:02", "View in Telegram",
        "Video", "Flooding at the ring road bridge", "00:00 / 01:30", "Play", "Watch on YouTube", own[3],
        "© 2025 Dale Herald"]) + "\n"
    (document,) = documents_from_texts([(page, {"id": "embeds"})])
    texts = [s.text for s in document.sentences]
    assert texts == ["Ring road shut as river bursts its banks", *own]
    reasons = {s.text: s.reason for s in document.removed}
    assert reasons["— Dale Police (@dalepolice) March 3, 2025"] == "a social post embedded in the article"
    assert reasons["Rest centres are open at the leisure centre and St Mary's hall."] == "a social post embedded in the article"
    assert reasons["00:00 / 01:30"] == "video player" and reasons["Flooding at the ring road bridge"] == "video player"


def test_an_update_blocks_news_stays_and_its_label_goes_and_a_poll_and_a_factbox_label_go():
    # page shape AL (stop 41): "Обновлено в 18:40: ..." lost its news with its label; the poll and the factbox's label
    # were kept
    lines = ["Мост через Ишим закрыли на ремонт", "5 марта 2025, 10:15",
             "Обновлено в 17:20: Ремонт моста продлится до конца месяца, сообщили в мэрии. Объезд организуют по соседней улице.",
             "Утром в среду мост через Ишим закрыли для машин после проверки опор, которую провели инженеры.",
             "Справка", "Мост построили в 1968 году.", "Каждый день по нему проезжают около 20 тысяч машин.",
             "Как вы считаете, нужно ли строить новый мост?", "Да, давно пора 70%", "Нет, хватит ремонта 30%",
             "Проголосовали 512 человек"]
    removed = dict((text, reason) for reason, text in _removed(*lines))
    assert removed.get("Обновлено в 17:20:") == "stamp (time, date or count)"
    assert "Ремонт моста продлится до конца месяца, сообщили в мэрии." not in " ".join(removed)
    assert removed.get("Справка") == "factbox label" and "Мост построили в 1968 году." not in removed
    assert all(removed.get(t) == "reader poll" for t in lines[7:])
    # a stamp line alone stays a stamp, and "Ещё из «...»" opens the list of the source's other stories
    assert _removed("Обновлено: 14:05, 3 марта 2025")[0][0] != "reader poll"
    assert [r for r, t in _removed(lines[3], "Ещё из «Омской недели»", "В Омске открыли новый каток", "Цены на проезд вырастут")
            if t == "В Омске открыли новый каток"]


def test_a_posts_time_line_under_its_text_dates_the_page_and_an_embeds_does_not():
    # page shape AE (stop 40 left it unread): an X post's "6:42 PM · Mar 6, 2025" stands under the post and its card
    post = "\n".join(["Post", "Harbour Times", "@HarbourTimes",
                      "The harbour bridge will close for repairs from Monday, the council said, and buses will be diverted.",
                      "harbourtimes.com", "Harbour bridge to close for repairs", "6:42 PM · Mar 6, 2025", "48.2K Views",
                      "Reply"]) + "\n"
    (document,) = documents_from_texts([(post, {"id": "post"})])
    assert document.date == "2025-03-06"
    embed = "\n".join(["Harbour Times", "Bridge to close for repairs",
                       "The harbour bridge will close for repairs from Monday, the council said on Thursday evening.",
                       "River Watch", "@riverwatch", "The bridge deck is cracked in two places.", "7:15 AM · Mar 3, 2025",
                       "Buses will be diverted through the old town while the work goes on, the council added."]) + "\n"
    (article,) = documents_from_texts([(embed, {"id": "embed"})])
    assert article.date is None


def test_header_widgets_a_ticker_and_a_phone_line_are_clutter_and_a_short_figure_line_is_not_a_rate():
    # page shape AM (stop 42): a regional site's rates, ticker and hotline above the article were kept
    lines = ["Курс валют ЦБ РФ", "USD 84,62 ▲ EUR 93,87 ▼ CNY 11,54 ▲",
             "Новости дня: В Балакове открыли ледовую арену · Бензин на АЗС подорожал на 2% · «Сокол» уступил в Тамбове",
             "Горячая линия: 0 800 30 41 52 (бесплатно)",
             "На мосту Саратов — Энгельс на полгода сузят движение из-за ремонта",
             "Ремонт начнется в понедельник, движение по мосту сократят до одной полосы в каждую сторону, сообщили в мэрии."]
    removed = dict((text, reason) for reason, text in _removed(*lines))
    assert removed.get(lines[1]) == removed.get(lines[0]) == "weather or rates box"
    assert removed.get(lines[2]) == "inside a list of other stories" and removed.get(lines[3]) == "contact line"
    assert lines[4] not in removed and lines[5] not in " ".join(removed)
    from framing.ingest.boilerplate import _RATE_MARK, _RATES_LINE
    assert _RATES_LINE.match("NATO 2024") and not _RATE_MARK.search("NATO 2024")  # a label, no rate


def test_a_republished_articles_note_names_its_outlet_and_the_licence_and_partner_lines_go():
    # page shape AO (stop 42): the host's name was taken for the outlet, and the note, licence and logos were kept
    text = "\n".join(["Сибирский меридиан", "sibmeridian.ru", "Новости", "Партнёрские материалы",
                      "Паром через Обь у Каменки перестанет ходить с 1 августа", "15 июля 2025, 09:40",
                      "Анна Курочкина, «Обская правда»",
                      "Переправа между Каменкой и Усть-Ягодным прекратит работу с 1 августа, сообщили в районной администрации.",
                      "Владелец парома объяснил, что за последние два года топливо подорожало почти вдвое.",
                      "Материал впервые опубликован изданием «Обская правда» (obpravda.ru). Перепечатан в рамках партнёрской сети.",
                      "Этот материал распространяется по лицензии CC BY-ND 4.0. Вы можете перепечатать его бесплатно.",
                      "Скопировать код для вставки", "Логотип «Обская правда»",
                      "Наши партнёры: «Обская правда», «Томский вестник», «Алтайская неделя»"]) + "\n"
    (document,) = documents_from_texts([(text, {"id": "ao"})])
    assert document.outlet == "Обская правда"
    assert [s.text for s in document.sentences][:2] == ["Паром через Обь у Каменки перестанет ходить с 1 августа",
                                                        "Переправа между Каменкой и Усть-Ягодным прекратит работу с 1 августа, "
                                                        "сообщили в районной администрации."]
    assert not any("Обская правда" in s.text or "лицензии" in s.text for s in document.sentences)


def test_a_pull_quote_trimmed_from_its_sentence_its_speaker_and_a_key_quote_box_go():
    # page shape AN (stop 42): a pull quote that leaves words of its sentence out, its name line, a "Key quote" label
    lines = ["Руководитель артели Алексей Рябов считает, что времени почти не осталось. Без серьёзных денег на реставрацию "
             "половина этих церквей, по его словам, не переживёт следующие двадцать зим.",
             "«Без серьёзных денег на реставрацию половина этих церквей не переживёт следующие двадцать зим»",
             "Алексей Рябов, руководитель плотницкой артели",
             "В Архангельской области сохранилось около 150 деревянных церквей и часовен, многие стоят в пустых деревнях.",
             "Ключевая цитата", "«Сохранилось около 150 церквей»", "— Алексей Рябов",
             "Harold Beal, 81, waits at the counter of the branch. (Photo: Kevin Roy / Pine Coast Tribune)"]
    removed = dict((text, reason) for reason, text in _removed(*lines))
    assert all(removed.get(t) == "pull quote (repeats the text)" for t in lines[1:3] + lines[4:7]), removed
    assert lines[0] not in " ".join(removed) and lines[3] not in removed
    assert removed.get(lines[7]) == "photo caption"


def test_a_fact_checks_headline_opening_with_photo_stays_and_its_rating_scale_and_notices_go():
    # page shape AX (stop 47): "Фото ..." opening a sentence was taken for a photo credit, and a fact-check's rating,
    # its scale, the platform note, the send-us-a-fake and was-this-useful prompts and its captions were kept
    lines = ["Фото черг на заправках у Дніпрі зроблено у 2022 році, а не після нинішніх обстрілів",
             "Твердження: після удару по нафтобазі на заправках зникло пальне, і водії стоять у довгих чергах.",
             "МАНІПУЛЯЦІЯ", "Коротко", "Фото справжнє, але його зробили 3 травня 2022 року.",
             "Ми пошукали зображення за допомогою пошуку за картинками і знайшли публікацію міського сайту травня 2022 року.",
             "Скриншот допису у Facebook із фото черги на АЗС",
             "Ліворуч — фото з допису від 17 листопада, праворуч — знімок у публікації 2022 року",
             "Фейк — повністю неправдива інформація.", "Маніпуляція — правдиві факти, подані з викривленням.",
             "Бачите підозрілий допис? Надішліть його нашому чат-боту",
             "Цей матеріал підготовлено в межах програми Meta зі сторонньої перевірки фактів.",
             "Чи була ця інформація корисною?", "Фото автора"]
    removed = dict((text, reason) for reason, text in _removed(*lines))
    for kept in (lines[0], lines[1], lines[4], lines[5]):
        assert kept not in removed, removed.get(kept)
    assert removed.get(lines[2]) == removed.get(lines[8]) == removed.get(lines[9]) == "fact-check rating, scale or notice"
    assert all(removed.get(t) == "fact-check rating, scale or notice" for t in lines[10:13]), removed
    assert removed.get(lines[3]) == "label over a summary"
    assert removed.get(lines[6]) == removed.get(lines[7]) == "photo caption"
    assert lines[13] in removed  # a short credit without a colon still goes
    # a body sentence that opens with a rating word and a dash, but names someone, is not a scale line
    assert "Правда — сказав міністр, — полягає в тому, що ми чекали на ці ракети три місяці." not in dict(
        (t, r) for r, t in _removed(lines[5], "Правда — сказав міністр, — полягає в тому, що ми чекали на ці ракети три місяці."))


def test_a_live_entrys_time_before_its_text_on_one_line_goes_as_a_stamp():
    # "10:20 — Российская армия ..." on one line: the time is no part of the claim (457 such prefixes over the piles' live
    # pages stayed in their sentences until stop 47); a sentence that starts with a time's words is left alone
    lines = ["10:20 — Российская армия нанесла ракетный удар по центру Сум утром в воскресенье.",
             "11:30 | Президент назвал удар преступлением и призвал союзников к жесткой реакции.",
             "12:01 - Donald Trump takes the oath of office from Chief Justice John Roberts.",
             "14:45 Zelensky congratulates Trump on X, calling it a day of change and hope.",
             "3:1 в пользу хозяев завершился матч, который прошел в воскресенье вечером на стадионе."]
    text = "\n\n".join(lines) + "\n"
    cleaned = clean(text)
    stamps = [r.text for r in cleaned.removed if r.reason == "stamp (time, date or count)"]
    assert stamps == ["10:20 —", "11:30 |", "12:01 -", "14:45"]
    kept = [text[a:b].strip() for a, b, _ in cleaned.kept]
    assert kept[0].startswith("Российская") and kept[3].startswith("Zelensky") and kept[4].startswith("3:1")


def test_an_article_forwarded_by_email_keeps_its_own_date_and_loses_the_mail():
    # page shape BB (stop 47): the forward's "Date:" was taken for the article's, its notes and signature were kept
    text = "\n".join([
        "Subject: Fwd: did you see this?", "From: Dana Ruiz <dana@example.com>", "Date: Thu, 13 Mar 2025 08:14:36 -0500",
        "To: Paul Okafor <paul@example.net>", "", "Paul,", "FYI - see the 4th paragraph.", "Thanks, Dana", "",
        "---------- Forwarded message ---------", "From: Karen Wexler <karen@example.com>", "Date: Wed, Mar 12, 2025 at 7:05 AM",
        "Subject: did you see this?", "To: Dana Ruiz <dana@example.com>", "", "Dana - they actually did it. Elk Run is done.", "",
        "THE TAMARACK COURIER", "Harwick school board votes to close two rural elementary schools",
        "Published 5:48 p.m. CT March 11, 2025 | Updated 8:20 p.m. CT March 11, 2025", "By Jenna Marlowe", "",
        "The Harwick Area School Board voted 5-2 on Tuesday night to close two of the district's three rural elementary schools.",
        "", "The vote came after more than three hours of public comment, most of it from parents who urged the board to wait.",
        "", "--", "Karen Wexler, Office Manager", "Sent from my iPhone", "",
        "CONFIDENTIALITY NOTICE: This message may contain information protected by law."]) + "\n"
    (document,) = documents_from_texts([(text, {"id": "bb"})])
    assert document.date == "2025-03-11"
    sentences = [s.text for s in document.sentences]
    assert sentences[0] == "Harwick school board votes to close two rural elementary schools" and len(sentences) == 3
    removed = " ".join(r.text for r in document.removed)
    assert "Elk Run is done" in removed and "Sent from my iPhone" in removed and "CONFIDENTIALITY" in removed


def test_a_pasted_article_without_a_date_takes_it_from_its_read_on_link():
    text = "\n".join(["---------- Препратено съобщение ---------", "От: Николай Тодоров <n.todorov@example.bg>",
                      "Дата: пт, 18.04.2025 г. в 8:12", "Относно: ремонт", "", "Стефане, това ще засегне доставките ни.", "",
                      "Булевард „Симеон Велики“ в Шумен се затваря за ремонт за три месеца", "",
                      "Централният булевард в Шумен ще бъде затворен за автомобили от 12 май, съобщиха от общината.", "",
                      "Прочетете повече на: https://shumen-novini.bg/novini/2025/04/17/bulevard-zatvarya"]) + "\n"
    (document,) = documents_from_texts([(text, {"id": "bb-bg"})])
    assert document.date == "2025-04-17" and "read-on link" in document.metadata_source["date"]


def test_a_transcripts_labels_captions_stage_notes_and_date_place_line_go():
    # page shapes AZ and AY (stop 47): the speakers' labels, who-speaks captions, stage notes, the date-time-place line
    lines = ["Совещание о ходе уборочной кампании", "14 августа 2025 года, 11:00, Курган",
             "Губернатор провёл совещание с членами областного правительства и главами муниципальных округов.",
             "ВЕДУЧА: У Коростишеві майже вісім годин гасили пожежу на фабриці картонної тари.",
             "ГЗК: На гасіння вирушили 46 рятувальників і 12 одиниць техніки з трьох районів.",
             "Василь Кравчук, охоронець фабрики",
             "Спершу побачив дим над дахом складу і одразу набрав 101, а вже за десять хвилин приїхали пожежники.",
             "ЖУРНАЛИСТ (Радио Плевен):", "Ще има ли санкции за хората, които поливат с питейна вода градините си?",
             "(Областният управител показва карта на засегнатите населени места.)",
             "I promise to keep this shorter than my budget address. [Laughter]", "СИНХРОН: Николай Фомин, житель посёлка"]
    removed = dict((text, reason) for reason, text in _removed(*lines))
    assert removed.get(lines[1]) == "stamp (time, date or count)"
    assert removed.get(lines[5]) == "name and role (a caption) or a sign-off"
    assert removed.get(lines[7]) == removed.get(lines[11]) == "speaker's label in a transcript"
    assert removed.get(lines[9]) == removed.get("[Laughter]") == "stage note in a transcript"
    for kept in (lines[0], lines[2], lines[6], lines[8]):
        assert kept not in removed, (kept, removed.get(kept))


def test_an_ai_summarys_note_and_the_audio_player_go():
    # page shape BA (stop 47)
    lines = ["Сводка создана с помощью ИИ и проверена редакцией", "Слушать статью", "Озвучено ИИ", "1x",
             "Чете се за: 03:58 мин.", "This summary was generated by AI and checked by our journalists.",
             "Аварийные бригады устранили прорыв на магистрали к утру среды, тепло вернулось во все дома."]
    removed = dict((text, reason) for reason, text in _removed(*lines))
    assert all(removed.get(t) == "AI summary's note or audio player" for t in lines[:6]), removed
    assert lines[6] not in removed


def test_ads_promos_cards_tables_and_interview_credits_go_and_the_text_stays():
    # page shapes BC, BD and BE (stop 47)
    lines = ["Суд обязал управляющую компанию вернуть жильцам трёх домов 4,7 млн рублей за отопление, сообщили в суде.",
             "Продолжение ниже", "Sponsored", "Kingsmead Gardens by Ashdown Homes",
             "New two and three-bedroom homes a short walk from the Green Line", "Learn more",
             "Самые важные новости Воронежа — в нашем телеграм-канале «Воронежский обзор». Подписывайтесь!",
             "Нашли ошибку? Выделите её и нажмите Ctrl+Enter", "Как вам эта новость?", "Харесва ми (64)",
             "График: распределение 30 мест в новом составе Совета", "Скачать данные (CSV)", "Беседовала Марина Лаптева",
             "This interview has been edited for length and clarity.", "(Photo: Jenna Ruiz/The Lakeshore Dispatch)",
             "Мы собрали основное, что известно о кончине понтифика. Подписывайтесь на наш Telegram-канал, чтобы не пропустить новости."]
    removed = dict((text, reason) for reason, text in _removed(*lines))
    assert lines[0] not in removed
    assert all(t in removed for t in lines[1:15]), [t for t in lines[1:15] if t not in removed]
    assert removed[lines[3]] == removed[lines[4]] == "sponsored card"
    # a promotion after a sentence of the article is cut off the line, the sentence stays
    assert lines[15] not in removed and any(t.startswith("Подписывайтесь на наш") for t in removed)


def test_network_embeds_go_and_their_comment_count_opens_no_comments_section():
    # page shape BG (stop 47): a Facebook post's "684 коментарі" read as the page's comments heading took 19 sentences
    lines = ["Більшість мікрорайонів Хмельницького з ночі залишилися без води через порив магістрального водогону.",
             "Андрій Кравчук", "2 год.", "Шановні хмельничани! Звертаюся до вас щодо ситуації з водопостачанням.",
             "👍😢 2,1 тис.", "684 коментарі", "Подобається · Коментувати · Поділитися",
             "За словами мера, ремонтники водоканалу працюють на місці аварії без перерви з першої години ночі.",
             "Переглянути цей допис в Instagram", "Допис, поширений користувачем Хмельницький міськводоканал (@khm.voda)",
             "Оновлення 10:30. Пошкоджену ділянку водогону відкопали.", "1 248 позначок «Подобається»",
             "Підприємство щогодини публікує в Instagram короткі звіти про хід ремонту для мешканців міста.",
             "@olia.khm", "Черга за водою на Виставці о 7 ранку, мінус 9", "♬ оригінальний звук - olia.khm",
             "Міська рада розгляне питання про фінансування заміни водогону на найближчій сесії у грудні."]
    removed = dict((text, reason) for reason, text in _removed(*lines))
    for kept in (lines[0], lines[7], lines[12], lines[16]):
        assert kept not in removed, (kept, removed.get(kept))
    embedded = [t for t in lines if removed.get(t) == "a social post embedded in the article"]
    assert set(embedded) >= {lines[1], lines[3], lines[6], lines[8], lines[9], lines[11], lines[13], lines[15]}, embedded


def test_wire_copys_slug_notes_credits_and_initials_go():
    # page shape BH (stop 47)
    lines = ["UKRAINE-CRISIS/ROMANIA-DRONE (UPDATE 2)",
             "(Adds Romanian defence ministry comment in paragraphs 6-8, NATO reaction in paragraph 11)",
             "Fragments of a drone were found in a field in eastern Romania on Wednesday after an overnight Russian attack.",
             "/корр. РУСВЕСТ Антон Кедров/", "(Кор.: Оксана Лисенко, Одеса; ред.: Ігор Мацюк)", "ДД/ВП", "/МН/",
             "(For more on the war in Ukraine, see LDS/UKRAINE)", "Переговоры ЕС/НАТО продолжатся в Брюсселе в четверг, сообщили дипломаты."]
    removed = dict((text, reason) for reason, text in _removed(*lines))
    assert all(removed.get(t) == "wire service's slug, note, credit or code" for t in lines[:2] + lines[3:8]), removed
    assert lines[2] not in removed and lines[8] not in removed


def test_a_headline_opening_with_watch_stays_and_a_played_video_line_goes():
    # NTREX has video stories whose headline opens with "Watch:"; stop 46's "WATCH:" rule took them, and the findings
    # bench made a false omission of each (held-out omission precision 0.965 -> 0.897, found in stop 47)
    body = "Daniel Sturridge scored a late equaliser for Liverpool against Chelsea at Stamford Bridge on Saturday night."
    removed = dict((text, reason) for reason, text in _removed(
        "Watch: Liverpool's Daniel Sturridge dips deep equalizer vs. Chelsea", body,
        "▶ WATCH: Police chief briefs reporters near the scene (2:14)"))
    assert "Watch: Liverpool's Daniel Sturridge dips deep equalizer vs. Chelsea" not in removed
    assert "▶ WATCH: Police chief briefs reporters near the scene (2:14)" in removed


def test_a_wire_copy_whose_dateline_has_no_year_is_dated_by_its_transmission_stamp():
    # page shape BH (stop 47): "BUCHAREST/KYIV, Sept 17 (Lodestar) -" and, under the text, "171432 GMT Sep 25"
    text = "\n\n".join(["UKRAINE-CRISIS/ROMANIA-DRONE (UPDATE 2)", "Drone debris falls in Romania as Russian attack hits Reni",
                        "BUCHAREST/KYIV, Sept 17 (Lodestar) - Fragments of a drone were found in a field in eastern Romania on Wednesday.",
                        "Nobody was hurt on the Romanian side, the ministry said in a statement on Wednesday morning.",
                        "(Reporting by Ioana Marinescu; Editing by Tom Ashcroft)", "171432 GMT Sep 25"]) + "\n"
    (document,) = documents_from_texts([(text, {"id": "bh"})])
    assert document.date == "2025-09-17" and document.metadata_source["date"] == "the wire's transmission stamp"
