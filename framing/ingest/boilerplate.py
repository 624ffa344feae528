"""Separate an article's body from the clutter saved with it, keeping every removed span.

Pages saved as text carry "latest news" lists, related-story teasers, ad markers, bylines and
photo credits. The rules here work on the *shape* of lines, so that they hold on sites nobody
wrote a rule for:

* stamp lines (times, dates, weekdays, view counts, with at most a short source name);
* section headings of the related/latest/ads kind, which open a zone of clutter that only a
  strong body paragraph closes;
* after the body has begun, lines next to a stamp line, runs of three or more headline-shaped
  lines, teasers cut off with an ellipsis, short labels between clutter lines;
* in the header, mastheads and labels of three words or fewer before the title;
* bylines, credits, reading times, cross-promotion lead-ins ("Читайте также", "Напомним",
  "Read more"), inline ad tokens, and exact repeats of an earlier line.

The marker lexicon is small and multilingual (ru, uk, bg, en) and names *kinds* of clutter,
not any site's strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .documents import Span

STAMP = "stamp (time, date or count)"
_WORD = re.compile(r"\w+", re.U)
_FINAL = re.compile(r"[.!?…»\"”“'’)]\s*$")
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?"  # with seconds on an archive's capture line ("23 Jan 2025 11:02:37 UTC")
_DATE = r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}"
_MONTHS = (
    r"январ\w*|феврал\w*|март\w*|апрел\w*|ма[йя]\w*|июн\w*|июл\w*|август\w*|сентябр\w*|октябр\w*|ноябр\w*|декабр\w*|"
    r"січ\w*|лют\w*|берез\w*|квіт\w*|травн\w*|черв\w*|лип\w*|серп\w*|верес\w*|жовт\w*|листопад\w*|груд\w*|"
    r"януари|февруари|март|април|май|юни|юли|август|септември|октомври|ноември|декември|"
    r"jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|"
    # the short forms social networks print ("14 ноя 2024 в 18:40": page shape AE, stop 40)
    r"янв|фев|апр|авг|сент?|окт|ноя|дек"
)
_WEEKDAYS = (
    r"понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|"
    r"понеділок|вівторок|середа|четвер|п'ятниця|п’ятниця|субота|неділя|"
    r"понеделник|сряда|четвъртък|петък|събота|неделя|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|"
    r"пн|вт|ср|чт|пт|сб|вс|нд"
)
_STAMP_TOKEN = re.compile(
    # "June 1, 2025 · 8:05 pm", "8:45PM EDT": American pages write the hour with am / pm
    rf"^(?:{_TIME}|{_DATE}|\d{{1,2}}|\d{{4}}|{_MONTHS}|{_WEEKDAYS}|\d+(?:[.,]\d+)?\s?[тkкKmMм]?|(?:{_TIME})?[ap]\.?m|"
    rf"(?:сегодня|вчера|сьогодні|вчора|днес|е|вчера|today|yesterday|is|г|года|року|р|година|в|о|"
    rf"bst|gmt|utc|cet|cest|eet|eest|msk|мск|est|edt|cst|cdt|mst|mdt|pst|pdt|et|pt|ct|kyiv|київ|киев|по киеву|за київським часом|"
    # "April 4, 2023 5:12 PM GMT+2", "April 4, 2023 at 7:48 p.m. EDT" (found on a pile a helper wrote)
    rf"(?:gmt|utc)[+-]\d{{1,2}}(?::?\d\d)?|at|"
    # "21 April 2025 | Updated 18:25": a page's date line names its update
    rf"last|updated|published|posted|обновлено|оновлено|опубликовано|опубліковано|обновено|публикувано|"
    # "Обновена: 05.12.2024 09:10" (a Bulgarian page says its article, "статията", was updated: held-out page shape R)
    rf"обновена|публикувана|актуализирано|актуализирана|"
    # "Последна актуализация: 23:52, 19 октомври 2025" (page shape AU, stop 46: kept once a byline above it went); "last",
    # "последна" and the like count only before their "update" (_LAST_UPDATE), never alone ("ОСТАННЄ" heads a list)
    rf"актуализация|обновление|оновлення|"
    # "ДОПОВНЕНО о 16:20" over an update's block (held-out page shape AW, stop 46)
    rf"дополнено|доповнено|допълнено))$",
    re.I,
)
_STAMP_START = re.compile(rf"^\s*(?:{_TIME}\s+{_DATE}|{_DATE},?\s+{_TIME}|{_TIME}|{_DATE})\b")

# Section headings that introduce lists of other stories or ads.
_SECTION = re.compile(
    r"^(?:последние новости|новости по теме|по теме|читайте также|смотрите также|другие новости|"
    r"новости соседних регионов|популярное|самое читаемое|главное|больше новостей|лента новостей|"
    r"ще за темою|останнє|останні новини|новини партнерів|читайте також|дивіться також|популярне|"
    r"още по темата|свързани новини|последни новини|най-четени|още новини|"
    r"related(?: stories| articles| news)?|latest(?: news| stories)?|most read|more (?:from|on|news)\b|"
    r"recommended|trending|you may also like|read next|top stories|"
    # a video page's list of other videos (held-out page shape W, stop 39)
    r"next video|more videos|следующее видео|другие видео|наступне відео|інші відео|следващо видео|още видео)\b"
    # a fast view's list of the source's other stories (held-out page shape AK, stop 41): "Ещё из «...»", "Още от ..."
    r"|^(?:ещ[её] из|больше от|більше від|ще від|още от)\s+[«\"„]?(?-i:[A-ZА-ЯЁІЇЄҐ])[^.!?]{0,40}$",
    re.I,
)
# A reader poll (held-out page shape AL, stop 41): its question, two or more answers each with its share, the vote count
_POLL_ANSWER = re.compile(r"^[^.!?]{1,80}?\s\d{1,3}(?:[.,]\d)?\s?%$")
_POLL_VOTES = re.compile(r"^(?:[\d\s.,]+\s*(?:votes?|голос\w*|гласа?)|(?:проголосовали|проголосували|гласували|votes?:?)\s+[\d\s.,]+\s*\w*)$", re.I)
# A factbox's label alone on its line (its facts, sentences of the story, stay)
_FACTBOX_LABEL = re.compile(r"^(?:key facts|fact ?box|facts|справка|справочно|досье|досьє|довідка|факты|факти|ключевые факты|"
                            r"ключові факти|факти накратко)\s*:?\s*$", re.I)
# A fact-check page's furniture (page shape AX, stop 47; AQ is the held-out shape like it): the rating alone on its line
# ("ФЕЙК", "МАНІПУЛЯЦІЯ", "FALSE") and its label ("Наша оценка", "Our verdict"), the rating scale's definitions ("Фейк —
# утверждение полностью ложно ..."), the note on the platform's programme ("Эта проверка подготовлена в рамках
# партнёрства ...", "„ФактСкоп“ е партньор на Meta ...", "This article was produced as part of ..."), the prompt to send
# in a fake ("Заметили фейк? ...", "Seen something that doesn't look right? ...") and the was-this-useful question
_RATING = (r"(?:фейк|неправда|правда|манипуляция|маніпуляція|напівправда|полуправда|подвеждащо|невярно|вярно|"
           r"предимно (?:вярно|невярно)|(?:mostly |half[- ])?(?:true|false)|misleading|fabricated|missing context|"
           r"без контекста|вне контекста|поза контекстом|перекручування|искажение|изкривяване)")
_FACT_CHECK_FURNITURE = re.compile(
    rf"^(?:{_RATING}\s*[.!]?\s*$|(?:наша |наш |our )?(?:оценка|оцінка|вердикт|verdict|rating)\s*:?\s*$|"
    r"(?:эта проверка|этот материал|этот текст|ця перевірка|цей матеріал|цей текст|тази проверка|този материал|"
    r"this (?:article|fact[- ]?check|check|report|story) (?:was|has been|is))\b[^.!?]{0,40}"
    r"(?:в рамках|в межах|as part of|по програма|в програма)\b[^.!?]{0,80}(?:meta|facebook|tiktok|google|fact|проверк|перевірк|партн)|"
    r"[„“\"«]?[\w -]{1,30}[“\"»]?\s+(?:е|є|является|is(?: a)?)\s+(?:партньор|партнер\w*|partner)\b[^.!?]{0,60}"
    r"(?:meta|facebook|tiktok|google|проверк|перевірк|fact)|"
    r"(?:заметили|увидели|видели|бачите|побачили|помітили|забелязахте|видяхте|seen|spotted|noticed|found)\b[^.!?]{0,60}"
    r"(?:фейк|подозрит|підозріл|съмнител|fake|suspicious|look right|misleading)[^.!?]{0,30}\?|"
    r"(?:(?:была|был) ли (?:эта|этот|эта)?\s*(?:проверка|статья|материал|новость|информация)?\s*полезн|"
    r"чи (?:була|був|виявилася) (?:ця|цей)?\s*(?:перевірка|стаття|матеріал|новина|інформація)?\s*корисн|"
    r"(?:беше ли|полезна ли|полезен ли)\b|was this (?:article|page|story|fact[- ]?check|check|information) "
    r"(?:useful|helpful))[^.!]{0,40}\?\s*$|(?:yes|да|так)\s*/\s*(?:no|нет|ні|не)\s*$)",
    re.I,
)
# ... and the scale: two or more lines in a row of a rating, a dash and its definition (one such line alone may be a
# sentence: "Правда — сказав міністр, — полягає в тому, ...")
_RATING_DEFINITION = re.compile(rf"^{_RATING}\s+[—–]\s+[a-zа-яёіїєґ]", re.I)
# A speaker's label alone on its line, in capitals ("ОБЛАСТЕН УПРАВИТЕЛ НИКОЛАЙ ВЪЛКОВ:", "ЖУРНАЛИСТ (БНТ):", "SYNC:"):
# a transcript's, whose turn follows under it (page shapes AZ and AY, stop 47)
_SPEAKER_LABEL = re.compile(r"^(?=(?:[^a-zа-яёіїєґ]*[A-ZА-ЯЁІЇЄҐ]){2})[^a-zа-яёіїєґ]{2,80}:\s*$")
# ... and a TV story's furniture (page shape AY, stop 47): an interviewee's label with name and role ("СИНХРОН: Валентина
# Гусева, жительница посёлка", "SYNC: Leanne Cartwright, parent"), the caption naming who speaks ("Василь Кравчук, охоронець
# фабрики"), the correspondents' sign-off ("Дарья Мельникова, Игорь Зайцев, телеканал «Стрежень»", "Hannah Okafor,
# Northway TV, Calderbrook"), the player's loading line
_TV_LABEL = re.compile(r"^(?:синхрон|sync|sot|интервью|інтерв'ю|интервю|зк|гзк|лайф|стендап|stand-?up)\s*:\s*[^.!?]{0,120}$", re.I)
_NAME_AND_ROLE = re.compile(r"^[A-ZА-ЯЁІЇЄҐ][\w'’-]+\s+[A-ZА-ЯЁІЇЄҐ][\w'’-]+(?:,\s+[^,.!?]{2,60}){1,3}$")
NAME_AND_ROLE_WORDS = 12
NAME_AND_ROLE = "name and role (a caption) or a sign-off"
_PLAYER_LOADING = re.compile(r"^(?:loading(?: the)? (?:player|video)|зареждане на (?:плейъра|видеото)|загрузка (?:плеера|видео)|"
                             r"завантаження (?:плеєра|відео))\W*$", re.I)
# the bulletin a TV story aired in ("Випуск «Вечірніх новин» о 19:00, 5 вересня 2024 року", "Централна емисия, 19:00")
_PROGRAMME_LINE = re.compile(r"^(?:выпуск|випуск|емисия|\w+ емисия|edition|bulletin)\b[^.!?]{0,60}\b\d{1,2}[:.]\d{2}\b", re.I)
# An article's 2024-25 furniture (page shape BA, stop 47): the note under an AI-made summary ("Сводка создана с помощью
# ИИ и проверена редакцией", "This summary was generated by AI"), the audio player ("Listen to this article", "Слушай
# статията", "Чете се за: 03:58", "Voiced by AI", "1x")
_AI_AND_AUDIO = re.compile(
    r"^(?:(?:сводка|краткое содержание|краткий пересказ|пересказ|резюме(?:то)?|стислий виклад|короткий виклад|"
    r"(?:this|the) summary|summary)\b[^.!?]{0,60}(?:\bии\b|искусственн|штучн|\bші\b|изкуствен|\bai\b|artificial intelligence)|"
    r"(?:find out|learn|read) more about how we use ai|как мы используем ии|як ми використовуємо ші|как използваме ии|"
    r"listen to (?:this|the) (?:article|story)|слушать (?:статью|новость|материал)|прослухати (?:статтю|новину|матеріал)|"
    r"слушай(?:те)? (?:статията|новината)|чете се за\b|voiced by ai|озвучено\b[^.!?]{0,30}(?:\bии\b|\bші\b|изкуствен|штучн|искусствен)|"
    r"\d(?:[.,]\d{1,2})?\s?[xх]\s*$)", re.I)
# An agency's wire copy as its subscribers save it (page shape BH, stop 47): the slug ("UKRAINE-CRISIS/ROMANIA-DRONE
# (UPDATE 2)"), the update note ("(Adds Kremlin comment in paragraph 5)", "(Добавлены подробности ...)"), the
# correspondent's and editors' credits ("/корр. РУСВЕСТ Антон Кедров/", "(Кор.: ...; ред.: ...)") and initials ("ДД/ВП",
# "/МН/", "ак/ом"), "(For more on ..., see ...)", the transmission stamp ("171432 GMT Sep 25")
_WIRE_FURNITURE = re.compile(
    r"^(?:[A-Z][A-Z0-9-]{2,}(?:/[A-Z0-9-]{2,})+(?:\s+\((?:UPDATE|URGENT|REFILE|CORRECTED|RPT)[^)]{0,20}\))?|"
    r"\((?i:adds|updates|recasts|rewrites|corrects|changes|добавлен\w*|дополнен\w*|доповнено|додано|оновлено|"
    r"обновлен\w*|добавена|допълнен\w*|актуализиран\w*)\b[^()]{0,300}\)|"
    r"\((?i:for more (?:on|about))\b[^()]{0,200}\)|/(?i:корр|кор|кореспондент|корреспондент)\.?\s[^/]{2,80}/|"
    r"\((?i:кор|корр|ред)\.?\s*:[^()]{2,200}\)|/?[A-Za-zА-ЯЁІЇЄҐа-яёіїєґ]{2,3}(?:/[A-Za-zА-ЯЁІЇЄҐа-яёіїєґ]{2,3})+/?|"
    r"/[A-ZА-ЯЁІЇЄҐ]{2,3}/|\d{6}\s+GMT\s+[A-Z][a-z]{2}\s+\d{2})\s*$")
SPEAKER_LABEL = "speaker's label in a transcript"
SPEAKER_LABEL_WORDS = 10
FACT_CHECK_NOTE = "fact-check rating, scale or notice"
SUMMARY_LABEL = "label over a summary"
FACT_CHECK_NOTE_WORDS = 30
POLL_QUESTIONS = 2  # lines ending in "?" above the answers: a prompt ("What do you think?") and the question
# Cross-promotion lead-ins ("Читайте также", "Read more"): a line marker below, and a label over other stories' headlines
# ("Още: ..." is Bulgarian "More: ..." before a related headline: a helper writing a pile found it kept, stop 44; "Related:
# ..." and "По теме: ..." before another story's headline: 20 lines of the piles were kept as claims, stop 46)
_READ_MORE_LEADS = (r"читайте\b|прочетете\b|read more|read also|also read|see also|още по темата:|още:|вижте още|"
                    r"related(?: stories| story| articles| article| news| coverage| reading| topics)?:|"
                    r"по теме:|по темі:|за темою:|по темата:|свързан[оаи]:")
_READ_MORE = rf"{_READ_MORE_LEADS}|подробнее\b|детальніше\b"
# ... as a line marker, "Подробнее" / "Детальніше" ("in more detail") only where the line sends the reader on ("Подробнее
# о выступлении читайте в нашем материале", "Детальніше – за посиланням") or is a few words: a sentence of the text may
# open with it ("Подробнее о причинах ухода он расскажет в обращении к нации", found by a helper writing a pile)
_READ_MORE_MARKER = (
    rf"{_READ_MORE_LEADS}|"
    r"(?:подробнее|детальніше|докладніше|find out more|learn more)\b"
    r"(?:[^.!?]{0,80}(?:\b(?:чита|материал|матеріал|ссылк|посиланн|сюжет|стать[еиюя]|статт|видео|відео)"
    r"|\b(?:здесь|тут)\b|[:—–])|(?:\s+\S+){0,4}\s*[.!?]?\s*$)"
)
# An author box's label alone on its line ("About the author", "Об авторе"): clutter, and so are the name and bio under it
_AUTHOR_BOX_LABEL = r"(?:about the author|об авторе|про автора|за автора)\s*:?\s*$"
# Lines that are clutter whatever their neighbours: ads, bylines, credits, promotion, sharing.
_LINE_MARKER = re.compile(
    r"^(?:(?:реклама|advertisement|ads?_code|sponsored)\b\s*(?:$|\d+\+\s*$|[^\w\s].{0,40}$)|"
    # "Фото: ...", or a short credit with no colon ("Фото автора", "Фото ілюстративне"); not a sentence that opens with
    # the word ("Фото черг на заправках у Дніпрі зроблено у 2022 році": a fact-check's headline, page shape AX)
    r"автори?:|author:|(?:фото|photo)\s*:|(?:фото|photo)\b(?=(?:\s+\S+){0,5}\s*$)|снимка:|источник:|джерело:|редактор:|"
    r"\(?(?:additional )?(?:reporting|writing|editing|compiled) by\b|"  # a wire's closing credit line
    # a printed photo's credit, the photographer in capitals and the paper or agency ("MEGAN HOLLIS/COURIER": page shape T)
    r"[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)+ ?/ ?[A-Z][A-Za-z.&' -]{1,30}$|"
    r"please (?:turn on|enable) javascript|включите javascript|увімкніть javascript|show (?:key events|all|more)\b|"
    r"ранее\s.{0,40}\sписал|раніше\s.{0,40}\sписал|также\s.{0,40}\sсообщал|"
    rf"{_READ_MORE_MARKER}|"
    r"почему вы можете доверять|"
    r"подписывайтесь|подпишитесь|підписуйтесь|підписуйтеся|підпишіться|абонирайте|subscribe\b|sign up|follow us|share (?:this|on)|"
    # a tag list ("Topics: Slovakia · Robert Fico · NATO", "Filed under: Russia, Europe": 10 lines of the piles kept, stop 46)
    r"(?:теги|тэги|tags|тагове|етикети|мітки|topics|filed under|темы|теми|рубрик[аи]|категори[яиі]|keywords|"
    r"ключев\w* слова|ключові слова|ключови думи):|"
    r"(?:коммент\w*|комент\w*|comments?)\s*(?:\(\d+\)|\d+)?\s*$|напиши\w* (?:коментар|комментар)|leave a (?:comment|reply)|"
    r"you must be logged in|войдите,? чтобы|увійдіть,? щоб|влезте,? за да|log in to|"
    r"(?:прочетена|прочитан[оа]|просмотр\w*|перегляд\w*|views?)\b[^.!?]{0,20}\d[^.!?]{0,20}$|\d[\d\s]*\s*(?:просмотр\w*|переглядів|views|пъти)\b[^.!?]{0,20}$|"
    r"photograph:|image:|picture:|credit:|зображення:|изображение:|illustration:|"
    r"підтримайте|підтримати|поддержите|поддержать|подкрепете|подкрепи|support (?:us|our|independent)|donate|"
    r"become a (?:member|supporter)|"
    r"поделиться|поділитися|поширити|сподели|©|copyright|\d+\s*(?:хв|мин|min)\.?\s*(?:читати|чтения|read)|"
    r"время чтения|час читання|време за четене|reading time\b|cookies?\b|"
    # a fact-check's link to its archived copy of the post ("Архівна копія допису", "Archived link: archive.ph/...")
    r"(?:архівна копія|архивная копия|архивирано копие|архивна версия|archived (?:link|copy|version))\b[^.!?]{0,60}$|"
    r"all rights reserved|все права защищены|всі права захищені|"
    r"(?:published|updated|posted|опубликовано|обновлено|опубліковано|оновлено|публикувано|обновено|обновена|публикувана|"
    r"актуализирано|актуализирана)\b.{0,40}\d|"
    # a column's disclaimer and its follow and newsletter prompts (held-out page shape M, stop 37)
    r"the views expressed\b|мнение автора может не совпадать|думка автора може не збігатися|редакція може не поділяти|"
    r"редакция может не разделять|публикуваните мнения изразяват|мнението на автора не|"
    r"follow [^.!?]{0,40}\bon (?:facebook|x|twitter|instagram|telegram)\b|рассылка\b|розсилка\b|бюлетин\b|"
    r"подписаться\s*$|підписатися\s*$|абонирай се\s*$|"
    # a newsletter box's pitch and button ("Get the Gazette's top stories in your inbox ...", "Sign me up": page shape AU)
    r"sign me up\s*$|get (?:the|our)\b[^!?]{0,60}\bin your inbox\b|"
    # a breaking item's notices ("This is a developing story. Check back for updates.", "ORIGINAL STORY:": page shape AW)
    r"this (?:is a|story is) developing(?: story)?\b|this is a developing story\b|check back (?:later )?for updates\b|"
    r"original (?:story|report)\s*:?\s*$|"
    # a photo story's and an analysis's page furniture (held-out page shapes N and O, stop 38): the text-and-photo
    # credit, the video line, the author box's label, the reuse notice in the footer
    r"(?:текст|text)\s+(?:и|і|та|and)\s+(?:фото\w*|снимк\w*|photos?|pictures?)\b|pictures?:|"
    # ("Watch:" only after a play mark: "Watch: Liverpool's Daniel Sturridge dips deep equalizer vs. Chelsea" is an NTREX
    # story's own headline, which the findings bench lost from stop 46 on)
    r"[▶►]?\s*(?:видео|відео|video|смотреть видео|дивіться відео|гледайте видео|watch(?: the)? video)\s*:|[▶►]\s*watch\s*:|"
    r"all times (?:are )?(?:eastern|central|pacific|local|utc|gmt|bst|cet|et|kyiv|moscow)\b|"
    rf"{_AUTHOR_BOX_LABEL}|"
    r"(?:при )?(?:использовани[еяи]|използване(?:то)? на) материал\w*|(?:при )?використанн[яі] матеріал\w*|"
    # a page's furniture between and under its paragraphs (page shape BC, stop 47): "Продолжение ниже", "Article continues
    # below", the report-a-mistake prompt ("Нашли ошибку? Выделите её и нажмите Ctrl+Enter"), the rating widget ("Как вам
    # эта новость?", "Середня оцінка: 2,1 з 5", "Оценете статията", "Харесва ми (64)"), the app's store buttons
    r"(?:продолжение|продовження)(?: \w+)? нижче?\b|продолжение ниже|(?:article|story) continues below|статията продължава\b|"
    r".{0,100}?\bctrl\s*\+\s*enter\b|"
    r"как вам (?:эта )?(?:новость|статья|материал)\?|(?:як вам|чи сподобалась вам) (?:ця )?(?:новина|стаття)\?|"
    r"how do you feel about this (?:story|article)\?|(?:средняя|середня|средна) оцен\w*|(?:середня )?оцінка:\s*\d|"
    r"оцен(?:ете|ите|іть) (?:статията|статью|материала?)|оцініть (?:статтю|матеріал)|rate (?:this|the) (?:article|story)|"
    r"(?:харесва ми|не ми харесва|нравится|не нравится|подобається|не подобається|like|dislike)\s*\(\d+\)\s*$|"
    r"(?:download on the|get it on|завантажити в|скачать в|изтеглете от) (?:the )?(?:app store|google play)|"
    r"get (?:breaking )?news on the go\b|"
    # a table's chart caption and data link (page shape BD, stop 47): "График: ...", "Download data (CSV)"
    r"(?:график|графік|графика|диаграма|диаграмма|діаграма|инфографика|інфографіка|chart|graphic)\s*:|"
    r"(?:скачать|завантажити|изтегли|изтеглете|download)\b[^.!?]{0,40}\((?:csv|xlsx?|pdf|json)\)|"
    # an interview's credit and notes (page shape BE, stop 47): "Беседовала Анна Смирнова", "Розмовляв ...", "Разговаря ...",
    # "Interview by ...", "This interview has been edited for length and clarity", "Интервью опубликовано в газете ..."
    r"(?:беседовал[аи]?|розмовля(?:в|ла|ли)|разговаря(?:ха|л[аи]?)?|interview(?:ed)? by|интервью (?:взял[аи]?|записал[аи]?)|"
    r"інтерв'ю (?:взя(?:в|ла)|записа(?:в|ла)))\s+[A-ZА-ЯЁІЇЄҐ]|"
    r"(?:this |the )?interview (?:has been|was) (?:edited|condensed)|интервью (?:было )?(?:сокращено|отредактировано)|"
    r"інтерв'ю (?:скорочено|відредаговано)|интервюто е (?:съкратено|редактирано)|contact (?:him|her|them|the author) at\b|"
    r"(?:интервью|інтерв'ю|интервюто|this interview|the interview) (?:опубликовано|опубліковано|е публикувано|was published|"
    r"(?:first )?appeared)\b|"
    r"\((?:photo|image|picture|фото|снимка|світлина)\s*:[^()]{1,80}\)\s*$|"
    # a site's reuse notice ("Материалы сайта можно использовать со ссылкой на ...": page shape AZ, stop 47)
    r"(?:материалы|матеріали|материалите) (?:сайта|сайту|на сайта)\b[^.!?]{0,60}(?:ссылк|посиланн|позоваване|препратк|източник)|"
    # an aggregator's copy of an agency story (held-out page shape Q, stop 38): its source line and prompts
    r"source:|източник:|read the full (?:story|article)\b|was this article helpful|18\+\s*$|"
    r"(?:обговорити|обсудить|обсъдете|discuss)\b[^.!?]{0,40}(?:коментар|комментар|comments))",
    re.I,
)
# A cross-promotion label alone on its line ("Читайте также:", "Read more:", "Прочетете още:"): the headlines right
# under it, up to the first line that is not one, are other stories'
_READ_MORE_LABEL = re.compile(rf"^(?=(?:{_READ_MORE}))[^.!?]{{0,45}}:\s*$", re.I)
READ_MORE_HEADLINE_WORDS = 20
# A cookie notice anywhere in a short line ("Този сайт използва бисквитки. Научете повече.", "We use cookies to ...").
_COOKIE = re.compile(r"\b(?:cookies?|бисквитк\w*|куки|файл\w* cookie)\b", re.I)
COOKIE_WORDS = 30
# A menu or breadcrumb: three or more short items between bars or arrows ("Home | World | Middle East | Live").
_MENU_SEPARATOR = re.compile(r"\s[|›»>]\s")
_MENU_MARK = re.compile(r"[|›»>\n]")
# "Напомним, ..." / "Нагадаємо, ..." opens both a paragraph of the story's background ("Нагадаємо, 17 листопада The
# New York Times повідомила про дозвіл ...") and a teaser for another story under an article ("Напомним, МАГАТЭ
# отреагировало на удар Израиля ..."): such a line is clutter only when it names nothing the article's body names.
_RECALL = re.compile(r"^(?:напомним|нагадаємо|да припомним|припомняме)\b", re.I)
# a name: a capitalised word of three letters or more after the line's first word, or an acronym; compared by its
# first four letters, so that inflected forms meet ("Байдена" / "Байден", "Ирана" / "Иран")
_NAME = re.compile(r"(?<!^)(?<![.!?]\s)\b(?:[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґ]{2,}|[A-ZА-ЯЁІЇЄҐ]{2,})\b")
RECALL_CLUTTER = "teaser for another story (a recall naming nothing of the article)"


def _name_keys(text: str) -> set[str]:
    return {m.group(0)[:4].lower() for m in _NAME.finditer(text)} - {"the"}


# A byline: "By" or "Автор" and a name or two, maybe an outlet or a date after it ("By that logic, Mr.
# Trump would win ..." is a sentence: the word after "By" is not a name).
_BYLINE = re.compile(
    r"^(?:By|BY|Автор|АВТОР)\s+[A-ZА-ЯЁІЇЄҐ][\w'’.-]*(?:\s+(?:[A-ZА-ЯЁІЇЄҐ][\w'’.-]*|and|&|и|і|,))*\s*(?:[,|–—-].{0,80})?$"
)
# ... or a desk, maybe after a name ("By our economics team", "By Hannah Price and our live team", "От нашего корреспондента")
_DESK_BYLINE = re.compile(
    r"^(?i:by|from|от|від)\s+(?:[A-ZА-ЯЁІЇЄҐ][\w'’.-]*\s+){0,3}(?:(?i:and|и|і)\s+)?"
    r"(?i:our|нашего|наших|нашия|нашите|нашого)\s+(?:[\w'’-]+\s+){0,3}"
    r"(?i:team|desk|staff|correspondents?|reporters?|редакци\w*|корреспондент\w*|кореспондент\w*|екип\w*)\s*$")
# ... or a live page's team: names after a label ("Текст: Анна Лыкова, Денис Чернов", "Трансляцію ведуть ... і ...",
# "Отразяват: ...", "Live coverage by ...") or marked by shift ("Hannah Corrie (now) and Tom Askew (earlier)"): page shape
# AU and two fresh piles' live pages of stop 46 kept them as sentences
_NAMES = r"[A-ZА-ЯЁІЇЄҐ][\w'’.-]+(?:\s+[A-ZА-ЯЁІЇЄҐ][\w'’.-]+)+"
_SHIFT = r"\((?i:now|earlier|сейчас|ранее|зараз|раніше|сега|по-рано)\)"
_NAME_LIST = rf"{_NAMES}(?:\s*{_SHIFT})?(?:\s*(?:,|;|(?i:and|и|і|та|&))\s*{_NAMES}(?:\s*{_SHIFT})?)*\s*$"
_TEAM_BYLINE = re.compile(
    rf"^(?:(?i:(?:live )?(?:coverage|reporting|updates|blog) by|текст|трансляц[иі][юя] вед[уеё]ть?|ведут трансляцию|"
    rf"ведуть трансляцію|отразяват|отразява|хрониката вод(?:ят|и)|хронику вед[уеё]т|хроніку ведуть)\s*:?\s+{_NAME_LIST}"
    rf"|(?=.*{_SHIFT})(?i:by\s+)?{_NAME_LIST})")
# ... or a name and the writer's role ("Eleanor Voss, defence correspondent")
_ROLE_BYLINE = re.compile(
    r"^[A-ZА-ЯЁІЇЄҐ][\w'’-]+(?:\s+[A-ZА-ЯЁІЇЄҐ][\w'’-]+){1,2},\s*(?:[\w-]+\s+){0,3}"
    r"(?i:correspondent|editor|reporter|writer|columnist|корреспондент\w*|кореспондент\w*|редактор\w*|журналист\w*|журналіст\w*)\s*$"
)
# A photo's caption: a short paragraph ending in its credit ("... released by the SBU. Photograph: SBU/handout")
_CAPTION_CREDIT = re.compile(
    r"(?:^|[.!?]\s+)(?i:photograph|photo|image|illustration|фото|фотография|світлина|снимка|изображение|зображення|илюстрация):"
    r"\s*[^.!?]{1,60}$|[.!?]?\s+\((?i:photo|image|picture|фото|снимка|світлина|screenshot|скриншот|скрийншот|скріншот):\s*[^.!?()]{1,60}\)$|"
    # a screenshot's caption ("Скриншот публикации в телеграм-канале ...") and a side-by-side image's ("Left: the viral card.
    # Right: the original photo", "Слева — кадр из ролика, справа — ..."): a fact-check's illustrations (page shape AX, stop 47)
    r"^(?i:screenshot|скриншот|скрийншот|скріншот|знімок екрана|снимок экрана|екранна снимка)\b[^.!?]{0,120}$|"
    r"^(?i:left|слева|ліворуч|зліва|отляво|вляво)\s*[:—–-]\s.{0,150}\b(?i:right|справа|праворуч|справа|отдясно|вдясно)\b")
CAPTION_WORDS = 60
# A weather or exchange-rate box: a temperature or a currency rate in a short line.
_WEATHER_OR_RATES = re.compile(r"[−+-]?\d+\s?°|\b(?:USD|EUR|долар\w*|доллар\w*|евро|євро|лв)\s*[\d.,]+\s*$", re.I)
# A regional site's header widgets (page shape AM, stop 42): a line of market rates ("USD 84,62 ▲ EUR 93,87 ▼",
# "GBP/USD 1.2668 ▲ GBP/EUR 1.2004 ▼", "FTSE 100 8,071 ▼") and its label ("Курс валют ЦБ РФ", "Валутни курсове (БНБ)"),
# a ticker of other stories after a label ("Новости дня: ... · ... · ...", "Latest: ... | ... | ..."), the newsroom's
# phone line ("Гаряча лінія: 0 800 30 41 52 (безкоштовно)", "Newsdesk: 01432 555 019 (24 hours)")
_RATES_LINE = re.compile(r"^(?:[A-Z][A-Z0-9]{1,5}(?: \d{2,3})?(?:/[A-Z]{3})?\s+[+−-]?\d[\d\s.,]*%?\s*[▲▼↑↓]?\s*[|·,;]?\s*)+$")
_RATE_MARK = re.compile(r"[▲▼↑↓]|\d[.,]\d")  # an arrow or a decimal: "NATO 2024" is no rate
_RATES_LABEL = re.compile(r"^(?:курсы? валют|курси валют|курс (?:нбу|цб)|валутни курсове|exchange rates|currenc(?:y|ies)|markets?)\b"
                          r"[^.!?]{0,25}$", re.I)
_TICKER = re.compile(r"^[^.!?:|·•]{2,30}:\s+[^|·•]{6,}(?:\s[|·•]\s[^|·•]{6,}){2,}$")
_PHONE_LINE = re.compile(r"^[^\d:]{2,40}:\s*\+?\d[\d\s()-]{6,}\d(?:\s*\([^)]{1,30}\))?$")
# A partner site's republication of another outlet's article (page shape AO, stop 42): the note that names where it
# first appeared (and so the article's outlet, metadata.outlet_from_clutter), the licence widget, the logos' alt texts,
# the partners' line
_REPUBLISHED = re.compile(
    r"^(?:this (?:article|story) (?:first appeared|was (?:first|originally) published)|(?:originally|first) published (?:on|by|in)\b|"
    r"republished (?:from|with permission)|(?:этот |данный )?материал (?:впервые |первоначально )?(?:опубликован|вышел)|"
    r"(?:цей )?матеріал (?:уперше |вперше |спочатку )?(?:опубліковано|опублікований|вийшов)|"
    r"материалът е публикуван (?:първоначално|за първи път))", re.I)
# (plain substrings of the lower-cased line: a case-blind regex search over every line cost a tenth of the cleaning)
_LICENCE_WORDS = ("creative commons", "cc by", "republish this", "you may republish", "you can republish", "copy html",
                  "скопировать код", "скопировать текст", "скопіювати код", "скопіювати текст", "копирай кода",
                  "копирай текста", "передрукувати", "перепечатать", "препубликува")
_LOGO = re.compile(r"^(?:логотип|лого(?: на)?|logo)\b[^.!?]{0,60}$|^[^.!?]{1,60}\blogo$", re.I)
_PARTNERS = re.compile(r"^(?:наши партн[её]ры|партнери|партньори|нашите партньори|our partners|partners)\s*:|"
                       r"^[^.!?]{2,50}\b(?:is|are) (?:a )?members? of the [^.!?]{2,50}\.?$", re.I)
# a byline of a name and the outlet it writes for, in quotation marks ("Анна Курочкина, «Обская правда»")
_OUTLET_BYLINE = re.compile(r"^[A-ZА-ЯЁІЇЄҐ][\w'’-]+ [A-ZА-ЯЁІЇЄҐ][\w'’-]+,\s*[«„\"“][^«»„“”\"]{2,40}[»“”\"]$")
REPUBLISHED = "republication note"
REPUBLISHED_WORDS = 45
REPUBLISHED_CHARS = 400  # (a longer line is a paragraph: not looked at, which keeps the scan cheap)
_QUOTED_NAME = re.compile(r"[«„\"“]([^«»„“”\"]{2,40})[»“”\"]")
_NAMED_AFTER = re.compile(r"\b(?:on|by|in|at|from)\s+((?:the\s+)?[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,5})")


def _is_licence_line(text: str) -> bool:
    lowered = text.lower()
    return any(word in lowered for word in _LICENCE_WORDS)


_A_DATE_WORD = re.compile(rf"^(?:(?:{_WEEKDAYS}|{_MONTHS})\.?,?\s+\d|\d)", re.I)  # "Wed 6 Aug", "6 August", "August 6"


def republished_from(text: str) -> str | None:
    """The outlet a republication note names as the article's first publisher (in quotation marks, or after "on" /
    "by"): "Материал впервые опубликован изданием «Обская правда»", "This article first appeared on High Plains
    Report, a nonprofit newsroom ..." """
    if not _REPUBLISHED.match(text.strip()):
        return None
    named = _QUOTED_NAME.search(text) or _NAMED_AFTER.search(text)
    if named is None or _A_DATE_WORD.match(text[named.start(1):]):
        return None  # "First published on Wed 6 Aug 2025 08.15 BST" names a day (held-out page shape AU, stop 46: outlet "Wed")
    return named.group(1).strip(" .,")


# Share and follow buttons: a short line made only of network names and sharing words.
_SOCIAL = re.compile(
    r"^(?:(?:facebook|twitter|x|telegram|viber|whatsapp|linkedin|vk|вконтакте|вк|одноклассники|ok|instagram|youtube|tiktok|"
    r"дзен|threads|reddit|e-?mail|email|print|печат|печать|друк|share|поделиться|поділитися|поширити|сподели|копировать ссылку|"
    r"скопировать ссылку|копіювати посилання|copy link)[\s,·|/•]*)+$",
    re.I,
)
# Tokens removed from inside an otherwise good line. "link": a related story's headline that the
# page ran into the paragraph where a link sat, seen as a "Topic: Headline" pair after a colon at the
# paragraph's end ("...на 13 ноември: Официално: Оръжие за милиарди от САЩ за Украйна...").
# An update block's label opening a paragraph of news ("Обновлено в 18:40: Пожарные ...", "Update, 6:40 p.m.: County
# engineers ...": held-out page shape AL, stop 41, lost the update's news with its label): the label is a stamp, the rest
# is the article's
_UPDATE_LABEL = (r"(?:update[ds]?|обновлено|оновлено|обновено|обновена|актуализирано|актуализирана|актуализация|"
                 r"дополнено|доповнено|допълнено)\b"
                 # ... or a full stop after the time ("Оновлено о 22:05. Увечері Зеленський ...": a fresh pile of stop 46 lost
                 # the evening's news so)
                 # ... or a dash ("Оновлено о 12:40 — Суд призначив ...": held-out page shape AW, stop 46)
                 r"[^!?\n]{0,50}?\d[^!?\n]{0,25}?(?::|(?<=\d)\.|(?<=\d)\s+[—–-])\s+(?=[A-ZА-ЯЁІЇЄҐ«\"„])")
_UPDATE_BLOCK = re.compile(rf"^\s*{_UPDATE_LABEL}", re.I)
UPDATE_BLOCK_WORDS = 6  # the news after the label, at least
UPDATE_SENTENCE_WORDS = 3  # ... or a sentence of at least this many words
_INLINE = re.compile(
    r"(?P<ad>\s*\b(?:ads?_code|adsbygoogle|РЕКЛАМА|ADVERTISEMENT)\b\s*)|(?P<dateline>^\s*date\s+\d{4}-\d{2}(?:-\d{2})?\s+)"
    rf"|(?P<update>^\s*(?i:{_UPDATE_LABEL}))"
    # a transcript's stage note in brackets ("(Смех.)", "[Laughter]", "(Аплодисменты)": page shape AZ, stop 47)
    r"|(?P<stage_note>\s*[(\[](?i:смех|смех в зале|оживление в зале|аплодисменты|сміх|оплески|хвилина мовчання|"
    r"минута молчания|смях|аплодисменти|ръкопляскания|минута мълчание|laughter|applause|cheers|inaudible|crosstalk|"
    r"moment of silence)[^)\]]{0,20}[)\]]\.?)"
    # a live entry's time before its text on the same line ("10:20 — Российская армия нанесла ...", "11:30 | Президент ...")
    r"|(?P<entry_time>^\s*\d{1,2}:\d{2}\s*(?:[—–|-]\s*|:\s*|(?=\s[A-ZА-ЯЁІЇЄҐ«\"„]))(?=\s*[A-ZА-ЯЁІЇЄҐ«\"„]))"
    r"|(?P<link>:\s+[A-ZА-ЯЁІЇЄҐ][^:.!?\n]{2,60}:\s+[A-ZА-ЯЁІЇЄҐ][^\n]*$)"
    # "... о реакции в мире. Подписывайтесь на наш Telegram-канал, чтобы ...": a promotion closing a paragraph
    r"|(?P<promo>(?<=[.!?»\"”])\s+(?:Подписывайтесь|Подпишитесь|Підписуйтесь|Підписуйтеся|Підпишіться|Абонирайте се|Последвайте ни|"
    r"Subscribe to|Sign up (?:to|for)|Follow us)\b[^.!?\n]{0,120}[.!?]?\s*$)",
    re.U,
)
_INLINE_REASON = {"ad": "inline ad marker", "dateline": "dateline label", "link": "inline related-story headline", "update": STAMP,
                  "entry_time": STAMP, "stage_note": "stage note in a transcript",
                  "promo": "byline, credit, ad or promotion"}
_ELLIPSIS_END = re.compile(r"(?:\.\.\.|…)\s*$")
_SENTENCE_END = re.compile(r"[.!?…][»\"”“'’)]?\s*$")  # (“ closes a Bulgarian quote: „...“)


@dataclass(frozen=True)
class Line:
    """A non-empty line of a text (:func:`split_lines`): ``text`` is already stripped, so the rules match it as it is."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Cleaned:
    """Kept stretches of the text (each a paragraph, or part of one) and the removed spans."""

    kept: list[tuple[int, int, int]]  # (start, end, paragraph index)
    removed: list[Span]


def split_lines(text: str) -> list[Line]:
    lines = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            lines.append(Line(pos + lead, pos + lead + len(stripped), stripped))
        pos += len(raw) + 1
    return lines


def line_key(text: str) -> str:
    """A line as compared across pages: lower case, punctuation as spaces."""
    return re.sub(r"\W+", " ", text.lower()).strip()


TEMPLATE_LINE_WORDS = 8  # longer lines, or full sentences, may be a quote that many outlets carry


TEMPLATE_SHARED_LINES = 3  # two pages share a template when they share this many short lines
TEMPLATE_COMMON_PAGES = 50  # a short line on this many pages is template whatever else they share


def template_lines(texts: list[str]) -> frozenset[str]:
    """Short lines (no full stop, at most TEMPLATE_LINE_WORDS words) that two pages share along with at
    least TEMPLATE_SHARED_LINES - 1 other such lines: a site's menus, taglines and buttons, seen once a
    pile has two pages of that site. One shared line alone (two outlets giving a wire story the same
    short headline) is not a template."""
    pages_of: dict[str, list[int]] = {}
    for page, text in enumerate(texts):
        for key in {line_key(line.text) for line in split_lines(text)
                    if _words(line.text) <= TEMPLATE_LINE_WORDS and not _FINAL.search(line.text)}:
            if key:
                pages_of.setdefault(key, []).append(page)
    shared: dict[tuple[int, int], list[str]] = {}
    template = set()
    for key, pages in pages_of.items():
        if len(pages) >= TEMPLATE_COMMON_PAGES:
            template.add(key)
            continue
        for i, a in enumerate(pages):
            for b in pages[i + 1 :]:
                shared.setdefault((a, b), []).append(key)
    for keys in shared.values():
        if len(keys) >= TEMPLATE_SHARED_LINES:
            template.update(keys)
    return frozenset(template)


def _words(text: str) -> int:
    return len(_WORD.findall(text))


# A printed page's running head or foot, as a PDF page's text gives it (held-out page shape T, stop 39): items between
# bars or bullets, one of them the date, the page ("СТР. 5", "A4", "№ 87 (15402)") or the paper's web address
# ("6  «ВОЛЖСКАЯ ЗАРЯ» | вторник, 14 ноября 2023 года | № 87 (15402)", "volzhzarya.ru | Подписной индекс 51230")
RUNNING_HEAD = "page header or footer (a date, page or address between bars)"
_HEAD_SEPARATOR = re.compile(r"\s[|•·]\s")
_PAGE_ITEM = re.compile(r"^(?:(?:стр|с|page|p|pg|str)\.?\s*\d{1,3}|[A-Z]?\d{1,2}|№\s*\d+(?:\s*\(\d+\))?)$", re.I)
_WEB_ITEM = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6}$", re.I)
RUNNING_HEAD_ITEM_WORDS = 8
# "See SCHOOLS, Page A6", "Окончание на стр. 7", "Закінчення на 4-й стор.", "Продължава на стр. 6": the article goes on
# on another printed page
_CONTINUED = re.compile(r"^(?:see [\w\s,]{1,40}page [a-z]?\d{1,3}|continued on (?:page )?[a-z]?\d{1,3}|"
                        r"(?:окончание|продолжение|закінчення|продовження|продължава|продължение)\s+(?:на|в|у)\s+(?:стр|с|ст|стор)\.?\s*\d{1,3})"
                        r"|^(?:окончание|продолжение|закінчення|продовження)\s+на\s+\d{1,3}(?:-?[йаі])?\s+(?:стр|с|стор)\.?",
                        re.I)


def is_running_head(text: str) -> bool:
    """Whether a line is a printed page's running head or foot: two or more short items between bars or bullets, one
    of them a date, a page or a web address."""
    items = [item.strip() for item in _HEAD_SEPARATOR.split(text.strip())]
    if len(items) < 2 or any(_words(item) > RUNNING_HEAD_ITEM_WORDS for item in items):
        return False
    return any(_PAGE_ITEM.match(item) or _WEB_ITEM.match(item) or (is_stamp(item) and re.search(r"\d", item)) for item in items)


def running_head_name(text: str) -> str | None:
    """The paper's name in a running head: the item that is neither the date, the page nor the address
    ("THURSDAY, MARCH 7, 2024 | THE NORTHFIELD COURIER | A4": THE NORTHFIELD COURIER), without a page number or quotes
    around it ("6  «ВОЛЖСКАЯ ЗАРЯ»"); None when no one item of one to four words is left."""
    names = [item.strip(" «»\"„“”") for item in (re.sub(r"^\d{1,3}\s+", "", item.strip())
                                                  for item in _HEAD_SEPARATOR.split(text.strip()))
             if not (_PAGE_ITEM.match(item) or _WEB_ITEM.match(item) or is_stamp(item) or re.search(r"\d", item))]
    return names[0] if len(names) == 1 and 1 <= _words(names[0]) <= 4 else None


# a print version's own lines (held-out page shape V, stop 39): the article's address, alone or labelled ("Адрес
# материала: https://..."), a page counter ("Page 1 of 2", "Страница 1 из 2"), the print stamp ("Printed from ... on ...")
PRINT_LINE = "print version's address, page or print stamp"
_PRINT_LINE = re.compile(r"^(?:(?:[^\W\d_][\w ]{0,30}:\s*)?(?:https?://\S+|(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6}/\S*)|(?:page|страница|сторінка|стр\.?)\s*\d{1,3}\s*(?:of|из|з|із|от|/)\s*\d{1,3}|"
                         r"printed (?:from|on)\s.{3,80}|(?:распечатано|надруковано|отпечатано)\s.{3,80})$", re.I)
# a video's transcript: time codes alone on their lines, from the video's start ("0:00", "0:06", ... "1:20"; held-out
# page shape W, stop 39, lost its transcript as teasers beside what looked like clock times)
TRANSCRIPT_CODE = "transcript label or time code"
_TRANSCRIPT_LABEL = re.compile(r"^(?:transcript|video transcript|расшифровка|стенограмма|розшифровка|транскрипція|стенограма|"
                               r"транскрипция|транскрипт)\s*:?$", re.I)
_TIME_CODE = re.compile(r"^\(?(\d{1,2}):(\d{2})\)?$")
TRANSCRIPT_CODES = 3


def transcript_codes(lines: list[Line]) -> set[int]:
    """Indices of the lines that are a transcript's time codes: the longest run of three or more bare codes in rising
    order, the first under a minute (a clock time of the day would not start at 0:00-0:59 and count up by seconds),
    that no heading of other stories ("Следующее видео", whose durations follow) interrupts. A video's own duration
    above the transcript ("03:12") is no part of it."""
    found = [(i, int(m.group(1)) * 60 + int(m.group(2))) for i, line in enumerate(lines)
             if (m := _TIME_CODE.match(line.text)) and int(m.group(2)) < 60]
    best: list[int] = []
    run: list[tuple[int, int]] = []
    for i, seconds in found:
        goes_on = run and seconds > run[-1][1] and not any(_SECTION.match(lines[j].text) for j in range(run[-1][0] + 1, i))
        if not goes_on:
            run = [] if seconds >= 60 else [(i, seconds)]
            if not run:
                continue
        else:
            run.append((i, seconds))
        if len(run) > len(best):
            best = [k for k, _ in run]
    return set(best) if len(best) >= TRANSCRIPT_CODES else set()


# a shared excerpt's card (held-out page shape Z, stop 39): the app's or messenger's share line, "X shared a story with
# you", "Sent from my iPhone", and the app's own promotion
SHARE_CARD = "share card or app line"
SHARE_CARD_WORDS = 14
_SHARE_CARD = re.compile(
    r"^(?:shared (?:via|from|with)\b|[\w .'-]{2,40} shared (?:a|this) (?:story|article|link)\b|поделил[аи]?сь? через|"
    r"поширено (?:з|із|через)|поділил[аи]?ся через|споделено (?:от|чрез)|переслано (?:из|з|от)|forwarded from\b|"
    r"sent from my|отправлено с|надіслано з|изпратено от|"
    r"get the app|download (?:the app|on the app store)|keep reading (?:with|in) |скачайте|завантажте|изтеглете|"
    r"(?:читать далее|читати далі|прочети още|продължете да четете|continue reading)\s*[.…:›»>]*$)", re.I)


_COPYRIGHT_SIGN = re.compile(r"©|\(c\)\s*(?:19|20)\d\d|\bcopyright\b", re.I)
# a press release's number on its own line ("Press release No. 412", "Пресс-релиз № 187"): held-out page shape S, stop 39
_RELEASE_NUMBER = re.compile(r"^(?:press release|news release|statement|пресс-релиз|прес-реліз|прессъобщение|заявление|заява|"
                             r"изявление|съобщение|сообщение|повідомлення)\s*(?:no\.?|nr\.?|№|#)\s*[\d/-]+\s*$", re.I)
# A photo gallery's counter ("1 / 14", "Снимка 3 от 10", "Photo 2 of 12")
_GALLERY_COUNTER = re.compile(r"^(?:(?:снимка|фото|photo|image|picture|світлина)\s+\d{1,3}\s+(?:от|из|з|із|of)|\d{1,3}\s+/)\s+\d{1,3}$", re.I)
# A reading time after a stamp ("September 25, 2024 · 8 min read"; held-out page shape N, stop 38, left the page undated)
_READING_TIME = re.compile(r"[\s·•|,-]*\d+\s*(?:хв|мин|min|minutes?)\.?\s*(?:читати|читання|чтения|read|четене)\b", re.I)


_LAST_UPDATE = re.compile(r"\b(?:последна|последно|последнее|последнего|останнє|останнього)\s+(?=актуализ|обнов|онов)", re.I)


STAMP_PLACE_WORDS = 3


def is_stamp(text: str) -> bool:
    """Times, dates, counts and weekdays, optionally followed by a short source name."""
    body = _READING_TIME.sub("", text).strip(" /|·•-–—,")
    if not body:
        return True
    # (a time in brackets after the date counts: "18.02.2025 08:20 (обновлено: 17:55)", page shape AV)
    tokens = [t.strip("()").rstrip(":.") or t for t in re.split(r"[\s,/|·•]+", _LAST_UPDATE.sub("", body))
              if t.strip("()") and t.strip("-–—")]
    if tokens and all(_STAMP_TOKEN.match(t) for t in tokens):
        return True
    # ... and a date and time with the place after them, as official transcripts head their text ("14 августа 2025 года,
    # 11:00, Курган", "March 3, 2025 | 10:15 a.m. | Burlington, Vermont": page shape AZ, stop 47)
    stamped = next((k for k in range(len(tokens), 0, -1) if all(_STAMP_TOKEN.match(t) for t in tokens[:k])), 0)
    if (stamped and len(tokens) - stamped <= STAMP_PLACE_WORDS and any(re.fullmatch(_TIME, t) for t in tokens[:stamped])
            and all(t[:1].isupper() and t.replace("-", "").isalpha() for t in tokens[stamped:])):
        return True
    match = _STAMP_START.match(body)
    if match:
        rest = body[match.end() :].strip(" ,/|·•-–—")
        return _words(rest) <= 6 and not _FINAL.search(rest)
    return False


def _is_update_block(text: str) -> bool:
    label = _UPDATE_BLOCK.match(text)
    if not label:
        return False
    news = text[label.end():]
    # (or a short sentence: "Оновлено о 14:05 — Прокуратура прокоментувала вирок.", held-out page shape AW, stop 46)
    return _words(news) >= UPDATE_BLOCK_WORDS or (_words(news) >= UPDATE_SENTENCE_WORDS and bool(_SENTENCE_END.search(news)))


def _is_headline(text: str) -> bool:
    return not _FINAL.search(text) and _words(text) <= 30


# A title may end in a quoted name or words ("... на „Отец Паисий“", "Зеленский: «Мы выстоим»") but not in a sentence's
# stop inside or outside the quote marks. Only where the page's title is looked for above the body: elsewhere a line
# ending in a quote is more often a sentence of the text (a story's summary points, three in a row, would read as a
# run of headlines, and NTREX's did)
_TITLE_END = re.compile(r"[.!?…]['\"»”“’)]*\s*$|['\"’)]\s*$")


# a live page's or a video's tag after its title: "... до 20 гривень (онлайн)", "... (video)" (page shape AU, stop 46)
_TITLE_TAG = re.compile(r"\s*\((?:[^()\s.!?]+\s?){1,2}\)\s*$")


def _is_title(text: str) -> bool:
    # (a line that is one quote, marks around it all, is a quote standing alone, not a title)
    text = _TITLE_TAG.sub("", text) or text
    return not _TITLE_END.search(text) and _words(text) <= 30 and not _WHOLLY_QUOTED.match(text)


def _is_breadcrumb(text: str) -> bool:
    """Three or more items of at most four words between bars or arrows, no digits but a year ("Election 2024"), no
    final stop (a line of figures between bars is a box of numbers, not a menu)."""
    items = _MENU_SEPARATOR.split(text.strip())
    return (len(items) >= 3 and all(0 < len(item) <= 30 and _words(item) <= 4 and not _MENU_MARK.search(item) for item in items)
            and not _FINAL.search(text) and not re.search(r"\d", re.sub(r"\b(?:19|20)\d\d\b", "", text)))


def _is_strong_paragraph(text: str) -> bool:
    sentences = len(re.findall(r"[.!?…][\"»”]?(?:\s|$)", text))
    return len(text) >= 200 and sentences >= 2 and bool(_FINAL.search(text)) and not _ELLIPSIS_END.search(text)


RESUME_WORDS = 8


def _tells_a_sentence(text: str) -> bool:
    """A line of at least RESUME_WORDS words ending a sentence, not cut off ("..."): an agency's one-sentence paragraph."""
    return _words(text) >= RESUME_WORDS and bool(_SENTENCE_END.search(text)) and not _ELLIPSIS_END.search(text)


ENTRY_HEADING_WORDS = 12  # a live entry's heading: no longer than a headline
_QUOTE_END = re.compile(r"[!?…]['\"»”’]\s*$")  # ... that may close on a quoted cry
LIVE_OPENING_WORDS = 4


def _is_body_paragraph(text: str) -> bool:
    return len(text) >= 80 and bool(_SENTENCE_END.search(text)) and _words(text) >= 12


def _opens_entry(lines: list[Line], stamps: list[bool], i: int) -> bool:
    """Whether line ``i`` stands where a live page's entry opens: right under a time, with a paragraph of the story under
    it (a list of other stories gives a headline under each time, and a teaser at most, no body paragraph)."""
    return 0 < i < len(lines) - 1 and stamps[i - 1] and not stamps[i + 1] and _is_body_paragraph(lines[i + 1].text)


def _is_entry_heading(lines: list[Line], stamps: list[bool], i: int) -> bool:
    """Whether line ``i`` heads a live page's entry: a short headline where an entry opens."""
    if not _opens_entry(lines, stamps, i):
        return False
    text = lines[i].text
    # (it may end in a quote, "Zelensky: 'We lost five children'", "Trump: 'Vladimir, STOP!'", but not in a sentence's stop,
    # nor in a colon: that is a sentence leading into a quote, see _is_entry_lead_in)
    return ((not _SENTENCE_END.search(text) or bool(_QUOTE_END.search(text))) and not text.rstrip().endswith(":")
            and _words(text) <= ENTRY_HEADING_WORDS)


def _is_entry_lead_in(lines: list[Line], stamps: list[bool], i: int) -> bool:
    """Whether line ``i`` opens a live page's entry with a sentence that leads into a quote, ending in a colon ("12:20 |
    7 жовтня", "Голова громади звернувся до жителів у Facebook:", the post: held-out page shape AV, stop 46, lost both as
    teasers or a subheading)."""
    return (_opens_entry(lines, stamps, i) and lines[i].text.rstrip().endswith(":")
            and _words(lines[i].text) >= LIVE_OPENING_WORDS)


def classify_lines(lines: list[Line], preset: dict[int, str] | None = None, template: frozenset[str] = frozenset()) -> list[str | None]:
    """A removal reason per line, or None for a body line. ``preset``: reasons already known by line
    index (an HTML page's blocks outside its main text); such lines do not start the body.
    ``template``: keys (:func:`line_key`) of short lines that recur on other pages of the pile."""
    preset = dict(preset or {})
    # an article forwarded by e-mail: the mail's lines are known before the page's own rules read it
    forwarded = forwarded_mail(lines)
    preset.update({i: why for i, why in forwarded.items() if i not in preset})
    preset.update({i: TEMPLATE for i, line in enumerate(lines) if i not in preset and line_key(line.text) in template
                   and _words(line.text) <= TEMPLATE_LINE_WORDS and not _FINAL.search(line.text)})
    reasons: list[str | None] = [None] * len(lines)
    # a gallery's counter is no stamp: the paragraph beside it is the story's, not a teaser (page shape O, stop 38)
    counters = [bool(_GALLERY_COUNTER.match(line.text)) for line in lines]
    codes = transcript_codes(lines)
    stamps = [not counter and i not in codes and is_stamp(line.text) for i, (line, counter) in enumerate(zip(lines, counters))]
    body_started = False
    told_sentence = False
    in_zone = False
    after_label = False
    seen: set[str] = set()
    for i, line in enumerate(lines):
        text = line.text
        near_stamp = (i > 0 and stamps[i - 1]) or (i + 1 < len(lines) and stamps[i + 1])
        # a live page's entry: its time on the line above, then a paragraph of the story (a list of other stories gives
        # a headline or a line cut off after its stamp; a live blog's entries were all removed as teasers); a short
        # first sentence counts when a body paragraph follows it (a helper writing raisi_crash lost one so, stop 38)
        live_entry = (i > 0 and stamps[i - 1] and _is_body_paragraph(text)) or (
            _opens_entry(lines, stamps, i) and bool(_SENTENCE_END.search(text)) and _words(text) >= LIVE_OPENING_WORDS
            and not _ELLIPSIS_END.search(text))
        # ... or its time, a heading (or a sentence leading into a quote), then the paragraph ("16:05 BST", "Why Vuhledar
        # mattered", the paragraph): the fresh piles of stop 46 lost every such entry of two live pages as teasers
        live_entry = (live_entry or _is_entry_lead_in(lines, stamps, i)
                      or _is_entry_heading(lines, stamps, i - 1) or _is_entry_lead_in(lines, stamps, i - 1))
        key = line_key(text)
        if i in preset:
            reasons[i] = preset[i]
            continue
        if after_label:
            after_label = _is_headline(text) and not _is_body_paragraph(text) and _words(text) <= READ_MORE_HEADLINE_WORDS
            if after_label:
                reasons[i] = "inside a list of other stories"
                seen.add(key)
                continue
        if i in codes or (codes and _TRANSCRIPT_LABEL.match(text)):
            reasons[i] = TRANSCRIPT_CODE
        elif stamps[i]:
            reasons[i] = STAMP
        elif _PRINT_LINE.match(text):
            reasons[i] = PRINT_LINE
        elif _WEB_ARCHIVE.match(text):
            reasons[i] = WEB_ARCHIVE
        elif _READER_CONTROL.match(text):
            reasons[i] = READER_VIEW
        elif _FACTBOX_LABEL.match(text):
            reasons[i] = "factbox label"
        elif (_SPEAKER_LABEL.match(re.sub(r"\([^()]*\)", "", text)) and _words(text) <= SPEAKER_LABEL_WORDS
              and not _LINE_MARKER.match(text)) or _TV_LABEL.match(text):
            reasons[i] = SPEAKER_LABEL
        elif _PLAYER_LOADING.match(text):
            reasons[i] = "video player"
        elif _WIRE_FURNITURE.match(text):
            reasons[i] = "wire service's slug, note, credit or code"
        elif _AI_AND_AUDIO.match(text) and _words(text) <= 20:
            reasons[i] = "AI summary's note or audio player"
        elif _PROGRAMME_LINE.match(text) and _words(text) <= 14:
            reasons[i] = STAMP  # the bulletin and time the story aired, often its only date
        elif _words(text) <= FACT_CHECK_NOTE_WORDS and (_FACT_CHECK_FURNITURE.match(text) or (
                _RATING_DEFINITION.match(text) and any(0 <= j < len(lines) and _RATING_DEFINITION.match(lines[j].text)
                                                       for j in (i - 1, i + 1)))):
            reasons[i] = FACT_CHECK_NOTE
        elif _PAGE_NAVIGATION.match(text):
            reasons[i] = "page navigation"
        elif ((name_and_date := _NAME_AND_DATE.match(text)) and is_stamp(name_and_date.group(2))
              and _A_DAY.search(name_and_date.group(2))):
            reasons[i] = "byline, credit, ad or promotion"
        elif _SHARE_CARD.match(text) and _words(text) <= SHARE_CARD_WORDS:
            reasons[i] = SHARE_CARD
        elif counters[i]:
            reasons[i] = "photo gallery counter"
        elif _RELEASE_NUMBER.match(text):
            reasons[i] = "press release number"
        elif _CONTINUED.match(text):
            reasons[i] = "continued on another page"
        elif key in seen and _words(text) >= 3:
            reasons[i] = "repeat of an earlier line"
        elif len(text) < REPUBLISHED_CHARS and _REPUBLISHED.match(text) and _words(text) <= REPUBLISHED_WORDS:
            reasons[i] = REPUBLISHED
        elif len(text) < REPUBLISHED_CHARS and ((_is_licence_line(text) and _words(text) <= REPUBLISHED_WORDS)
                                                or (_LOGO.match(text) and _words(text) <= 8)
                                                or (_PARTNERS.match(text) and _words(text) <= 25)):
            reasons[i] = "licence, partner or logo line"
        elif _OUTLET_BYLINE.match(text):
            reasons[i] = "byline, credit, ad or promotion"
        elif ((_RATES_LINE.match(text) and _RATE_MARK.search(text)) or (_RATES_LABEL.match(text) and _words(text) <= 6)):
            reasons[i] = "weather or rates box"
        elif _TICKER.match(text):
            reasons[i] = "inside a list of other stories"
        elif _PHONE_LINE.match(text):
            reasons[i] = "contact line"
        elif _SECTION.match(text) and _words(text) <= 6:
            if not body_started and (all(r is not None for r in reasons[:i])
                                     or (not told_sentence and not _SUMMARY_LABEL.match(text))):
                # at the top of the page, before anything of the article, it is a menu's item ("Главное", "Главное |
                # Политика"), not the heading of a list: read as one, it took the headline and a short article with it
                # (found by a helper writing a pile); runs of headlines under it are the header's (_mark_headline_runs).
                # A site's slogan above it tells no sentence ("Информационное агентство Дальнего Востока" over "Лента
                # новостей": held-out page shape AV, stop 46, lost its headline and lead so); a summary's label under a
                # title ("Главное") is _keep_summary_points' to read
                reasons[i] = "menu or breadcrumb"
            else:
                reasons[i] = "section heading for other stories"
                in_zone = True
        elif ((_LINE_MARKER.match(text) and len(text) < 400 and not _is_update_block(text)) or (_BYLINE.match(text) and len(text) < 160)
              or (_ROLE_BYLINE.match(text) and len(text) < 120) or _DESK_BYLINE.match(text)
              or (_TEAM_BYLINE.match(text) and len(text) < 160)):
            reasons[i] = "byline, credit, ad or promotion"
            if _READ_MORE_LABEL.match(text):
                after_label = True  # "Read also:" alone on its line: the headlines under it are other stories'
                continue
        elif _CAPTION_CREDIT.search(text) and _words(text) <= CAPTION_WORDS:
            reasons[i] = "photo caption"
        elif _RECALL.match(text) and len(text) < 400:
            reasons[i] = RECALL_CLUTTER  # kept again below if it names what the body names
        elif _SOCIAL.match(text):
            reasons[i] = "share or follow buttons"
        elif _COOKIE.search(text) and _words(text) <= COOKIE_WORDS:
            reasons[i] = "cookie notice"
        elif _is_breadcrumb(text):
            reasons[i] = "menu or breadcrumb"
        elif is_running_head(text):
            reasons[i] = RUNNING_HEAD
        elif _WEATHER_OR_RATES.search(text) and _words(text) <= 8 and not _FINAL.search(text):
            reasons[i] = "weather or rates box"
        elif in_zone:
            # the article goes on after a list of other stories set in its middle ("Читайте также:" and two
            # headlines, then the rest of an agency's one-sentence paragraphs): a strong paragraph, or two body
            # paragraphs in a row, end the list (a teaser is one paragraph among headlines and stamps)
            resumes = _tells_a_sentence(text) and i + 1 < len(lines) and _tells_a_sentence(lines[i + 1].text)
            if (_is_strong_paragraph(text) or resumes) and not near_stamp:
                in_zone = False
            else:
                reasons[i] = "inside a list of other stories"
        elif not body_started and not told_sentence and _words(text) <= 3 and not _FINAL.search(text):
            reasons[i] = "masthead or label"
        elif body_started and _is_entry_heading(lines, stamps, i):
            reasons[i] = SUBHEADING  # its paragraph tells it (and stays, as live_entry)
        elif (
            body_started
            and near_stamp
            and (_is_headline(text) or _ELLIPSIS_END.search(text)
                 # (a transcript's turn under its speaker's label is the text, whatever stamp follows it)
                 or (i > 0 and reasons[i - 1] not in (None, SPEAKER_LABEL) and not live_entry))
            and not _is_entry_lead_in(lines, stamps, i)
        ):
            reasons[i] = "teaser next to a stamp"
        elif (body_started and _ELLIPSIS_END.search(text) and re.search(r"\w(?:\.\.\.|…)\s*$", text)
              # (right under a body paragraph it is the article's own text cut off where a shared excerpt ends: held-out
              # page shape Z, stop 39, lost each excerpt's last paragraph so)
              and not (i > 0 and reasons[i - 1] is None and _is_body_paragraph(lines[i - 1].text))):
            reasons[i] = "teaser cut off mid-text"
        seen.add(key)
        # a masthead stands above the text: once a kept line has told a whole sentence, a short line is the
        # story's own ("It Didn't Go Well" under a one-sentence headline), not a site's name or label
        told_sentence = told_sentence or (reasons[i] is None and _words(text) >= 6 and bool(_SENTENCE_END.search(text)))
        if reasons[i] is None and _is_body_paragraph(text):
            body_started = True
    _keep_summary_points(lines, reasons)
    _mark_pull_quotes(lines, reasons)
    _mark_author_bio(lines, reasons)
    _mark_captions(lines, reasons)
    _mark_channel_posts(lines, reasons)
    _mark_paywall(lines, reasons)
    _mark_header_lines(lines, reasons)
    _mark_headline_runs(lines, reasons, body_started_at=_first_body(lines, reasons))
    _mark_sandwiched(lines, reasons)
    _mark_subheadings(lines, reasons)
    _mark_comments(lines, reasons)  # last: the lines other rules leave kept under a comments heading
    if not forwarded:
        _mark_newsletter(lines, reasons)
    _mark_feed_reader(lines, reasons)
    _mark_social_post(lines, reasons)
    _mark_printed_pages(lines, reasons)
    _mark_network_embeds(lines, reasons)
    _mark_embeds(lines, reasons)
    _mark_polls(lines, reasons)
    _mark_page_title(lines, reasons)
    _keep_short_title(lines, reasons)
    _keep_recalled_background(lines, reasons)
    _mark_transcript_captions(lines, reasons)
    _mark_cards_and_promos(lines, reasons)
    # a summary's label alone on its line ("Коротко", "Накратко", "In short") heads the points under it, which the
    # rules above keep; the label is no sentence of the article (page shape AX, stop 47: a fact-check's summary box)
    for i, line in enumerate(lines):
        if reasons[i] is None and _SUMMARY_LABEL.match(line.text) and not _SENTENCE_END.search(line.text):
            reasons[i] = SUMMARY_LABEL
    return reasons


def _keep_recalled_background(lines: list[Line], reasons: list[str | None]) -> None:
    """A "Напомним, ..." line that names someone or something the kept lines name is the story's background."""
    body_names = set().union(*(_name_keys(line.text) for line, reason in zip(lines, reasons) if reason is None))
    for i, line in enumerate(lines):
        if reasons[i] == RECALL_CLUTTER and _name_keys(line.text) & body_names:
            reasons[i] = None


def _keep_short_title(lines: list[Line], reasons: list[str | None]) -> None:
    """A text's first line, short, that the body follows straight away is its title ("Study History", "Не мина
    добре"), not a masthead: a masthead stands above a title (a page's header lines, "Top" or a counter
    between a date and the body, stay removed). So is one of two or three words that only a date or time line
    parts from the body ("Умерла Елизавета II", then "8 сентября 2022, 20:45": found by a helper writing a pile)."""
    if len(lines) < 2 or reasons[0] != "masthead or label":
        return
    body = 1
    if _words(lines[0].text) >= 2:  # a one-word label ("Top") over a date line stays a label
        while body < len(lines) and reasons[body] == STAMP:
            body += 1
    if body < len(lines) and reasons[body] is None and _is_body_paragraph(lines[body].text):
        reasons[0] = None


def _first_body(lines: list[Line], reasons: list[str | None]) -> int:
    for i, line in enumerate(lines):
        if reasons[i] is None and _is_body_paragraph(line.text):
            return i
    return len(lines)


# A label over a summary's points ("Key points", then four lines without a full stop): what it heads is the article's,
# not a site header, though its lines look like headlines (a live page of two helper-written piles lost two of its
# four points as "site header before the headline")
_SUMMARY_LABEL = re.compile(
    r"^(?:key points|key moments|key events|at a glance|in brief|summary|главное|коротко|кратко|головне|ключов\w*|"
    r"основн\w*|накратко|най-важното|в двух словах|у двох словах)"
    # ... "as of this hour" ("Главное к этому часу:", "Головне станом на 15:00": held-out page shape AU, stop 46, lost its
    # four points and two entries under it as a list of other stories)
    r"(?:\s+(?:so far|right now|к этому часу|на (?:этот|данный|текущий) (?:час|момент)|на сейчас|на эту минуту|"
    r"на цю (?:годину|хвилину)|на (?:цей|даний) момент|станом на [^:]{1,25}|до момента|към (?:момента|този час)))?\s*:?\s*$", re.I)


def _summary_label(lines: list[Line], reasons: list[str | None], before: int) -> int:
    """The first summary label before line ``before`` that a title-shaped line stands above; else ``before``."""
    titled = False
    for i in range(before):
        if titled and _SUMMARY_LABEL.match(lines[i].text):
            return i
        titled = titled or (reasons[i] is None and _is_headline(lines[i].text) and _words(lines[i].text) >= 3)
    return before


PULL_QUOTE_WORDS = 6
PULL_QUOTE = "pull quote (repeats the text)"
PULL_QUOTE_SHARE = 0.8  # of a pull quote's words that one longer kept line holds
PULL_QUOTE_SHORT_WORDS = 3
PULL_QUOTE_NAME_WORDS = 8
_PULL_QUOTE_NAME = re.compile(r"^(?:[—–-]\s*)?[A-ZА-ЯЁІЇЄҐ][\w'’-]+\s+[A-ZА-ЯЁІЇЄҐ]")
# the label of a quote box that repeats one of the article's quotes (page shape AN, stop 42)
_KEY_QUOTE_LABEL = re.compile(r"^(?:key quote|quote of the day|ключевая цитата|цитата дня|ключова цитата|ключов цитат|цитат на деня)\s*:?\s*$",
                              re.I)
_WHOLLY_QUOTED = re.compile(r"^\s*[«„“\"](?P<inner>[^«»„“”\"]+)[»“”\"]\s*$")


def _mark_pull_quotes(lines: list[Line], reasons: list[str | None]) -> None:
    """A line that is nothing but a quotation of another kept line's words is a pull quote: the column repeats its own
    sentence in large type ("“A bus that comes every half hour is not a service, it is a gamble.”"; page shape M, stop
    37). A quote that no other line holds is the article's own (a statement set alone in quotation marks)."""
    if not any(_WHOLLY_QUOTED.match(line.text) or _KEY_QUOTE_LABEL.match(line.text) for line in lines):
        return
    kept = [(i, line_key(line.text)) for i, line in enumerate(lines) if reasons[i] is None]
    kept_words = [(i, set(_WORD.findall(key))) for i, key in kept]
    label = False  # under a "Key quote" label: the quote and its speaker are the box's
    for i, line in enumerate(lines):
        text = line.text
        if _KEY_QUOTE_LABEL.match(text):
            reasons[i] = PULL_QUOTE
            label = True
            continue
        m = _WHOLLY_QUOTED.match(line.text)
        if reasons[i] in (None, "repeat of an earlier line") and m and (label or _words(m.group("inner")) >= PULL_QUOTE_SHORT_WORDS):
            inner = line_key(m.group("inner"))
            words = set(_WORD.findall(inner))
            # the words of another kept, longer line (an editor shortens or trims the quoted sentence: "..., по его
            # словам, ..." left out)
            # (a short one, of three to five words, only whole: "«Розширюватися треба було ще вчора»")
            share = PULL_QUOTE_SHARE if _words(m.group("inner")) >= PULL_QUOTE_WORDS else 1.0
            repeated = reasons[i] is not None or any(j != i and inner in key and key != inner for j, key in kept) or any(
                j != i and len(theirs) > len(words) and len(words & theirs) >= share * len(words) for j, theirs in kept_words)
            if repeated or label:
                reasons[i] = PULL_QUOTE
                # the speaker's line under it ("Harold Beal, lobsterman", "— Алексей Рябов")
                if (i + 1 < len(lines) and reasons[i + 1] in (None, "label between clutter") and _words(lines[i + 1].text) <= PULL_QUOTE_NAME_WORDS
                        and not _SENTENCE_END.search(lines[i + 1].text) and _PULL_QUOTE_NAME.match(lines[i + 1].text)):
                    reasons[i + 1] = PULL_QUOTE
        label = False


# The writer's name in a byline ("By Ruth Adeyemi", "Автор: Ирина Соколова", "Елена Маринова, колумнист")
_BYLINE_NAME = re.compile(
    r"^(?:(?:by|автор(?:ы)?|author)\s*:?\s+)?(?P<name>[A-ZА-ЯЁІЇЄҐ][\w'’-]+(?:\s+[A-ZА-ЯЁІЇЄҐ][\w'’-]+){1,2})\b", re.I)
BIO_WORDS = 40
BYLINE_WORDS = 8
AUTHOR_BIO = "the writer's bio"
# ... and the name and bio lines under an author box's label after the text (held-out page shape N, stop 38)
_AUTHOR_BOX = re.compile(rf"^{_AUTHOR_BOX_LABEL}", re.I)
AUTHOR_BOX_LINES = 2


def _mark_author_bio(lines: list[Line], reasons: list[str | None]) -> None:
    """A short line after the body that opens with the byline's name and says who the writer is ("Ruth Adeyemi is a
    columnist for ...", "Ирина Соколова — обозреватель «...»"): a column's bio, not the column (page shape M, stop 38:
    the four bios were the only clutter its pages kept); and the two short lines under an author box's label after the
    text, its name and bio whatever they open with (page shape N)."""
    names: set[str] = set()
    body_since = False  # a kept body paragraph since the byline: the bio comes after the column
    box = 0  # lines left of an author box whose label stood after the body ("About the author", "Об авторе")
    for i, line in enumerate(lines):
        text = line.text
        if body_since and _AUTHOR_BOX.match(text):
            box = AUTHOR_BOX_LINES
            continue
        if box and reasons[i] is None and _words(text) <= BIO_WORDS:
            reasons[i] = AUTHOR_BIO
            box -= 1
            continue
        box = 0
        m = _BYLINE_NAME.match(text)
        # removed, short, and a byline's shape: "By" or "Автор" before the name, or a comma after it
        if reasons[i] is not None and m and _words(text) <= BYLINE_WORDS and (m.start("name") > 0 or text[m.end():].startswith(",")):
            names.add(m.group("name"))
            body_since = False
        elif reasons[i] is None and names and body_since and _words(text) <= BIO_WORDS and any(
                re.match(rf"{re.escape(name)}(?:\s+(?:is|was|е|є)\s|\s*[—–-]\s|,\s)", text) for name in names):
            reasons[i] = AUTHOR_BIO
        elif reasons[i] is None and _is_body_paragraph(text):
            body_since = True


# A photo's credit alone on its line ("Picture: Cambridgeshire Fire and Rescue Service", "Фото: Наталья Белова")
_PHOTO_CREDIT = re.compile(r"^(?:photo|picture|photograph|image|фото|снимка|світлина)\s*:\s*[^.!?]{1,80}$", re.I)
CAPTION_LINE_WORDS = 15


def _mark_captions(lines: list[Line], reasons: list[str | None]) -> None:
    """In the body, a short line between a gallery's counter and a photo's credit is the photo's caption ("1 / 9",
    "Firefighters used a high-volume pump ...", "Picture: ..."; page shape O, stop 38). A line above a credit alone
    is not: pile articles end on a body sentence with the photo's credit under it (28 files lost one so)."""
    for i in range(max(1, _first_body(lines, reasons) + 1), len(lines) - 1):
        text = lines[i].text
        if (reasons[i] is None and _words(text) <= CAPTION_LINE_WORDS and _GALLERY_COUNTER.match(lines[i - 1].text)
                and _PHOTO_CREDIT.match(lines[i + 1].text)):
            reasons[i] = "photo caption"


# A post's views counter on a channel page saved from the web ("15.2K views edited 14:05", "15,2 тыс. просмотров 14:05",
# "12,3 тис. переглядів 10:15", "8,1 хил. преглеждания 09:40", or the eye sign's "👁 9,4K 12:31"): it closes a post
_VIEWS = re.compile(r"^(?:👁\s*[\d.,]+\s?(?:[KkMКкМ]|тыс\.?|тис\.?|хил\.?)?|"
                    r"[\d.,\s]+\s*(?:[KkMКкМ]|тыс\.?|тис\.?|хил\.?)?\s*(?:views|просмотр\w*|перегляд\w*|преглеждан\w*))"
                    r"(?:\s+(?:edited|изменено|змінено|редактиран\w*))?\s*\d{1,2}:\d{2}\s*$", re.I)
OTHER_POST = "another post on the channel's page"
_HASHTAGS = re.compile(r"^#[\w-]+(?:\s+#[\w-]+)*$")
# a post's reactions ("👍 148 👎 66 🔥 12") and its link line ("Full report: harbourcitywire.com/dock-road-homes")
_REACTIONS = re.compile(r"^(?:[^\w\s]+\s*\d[\d.,]*\s*[KkКк]?\s*)+$")
_LINK_LINE = re.compile(r"^[^.!?]{0,40}:\s*(?:https?://)?[\w-]+(?:\.[\w-]+)+/\S*$")
# a channel post's link to the site's full text
_POST_READ_MORE = re.compile(r"^(?:read more|read in full|читать (?:полностью|далее)|подробнее|читати (?:повністю|далі)|детальніше|"
                             r"прочети (?:повече|още)|още)$", re.I)
_HEADLINE_RUN = "list of headlines"


def _post_words(lines: list[Line], start: int, end: int) -> int:
    """The words of a post's sentences (lines that end as sentences do): how much news the post tells."""
    return sum(_words(line.text) for line in lines[start:end] if _SENTENCE_END.search(line.text))


def _mark_channel_posts(lines: list[Line], reasons: list[str | None]) -> None:
    """On a channel's page saved from the web (two or more views counters), the post kept is the one that tells the
    most (the last, where two tell as much): the channel's header and the other posts, before or after it, are other
    stories (held-out page shape P, stop 38, kept the earlier posts as body; AI, stop 41, had the story's post before a
    later one). In the post kept, a headline line that a run of headline-shaped lines took for a list is the post's own."""
    counters = [i for i, line in enumerate(lines) if _VIEWS.match(line.text)]
    if len(counters) < 2:
        return
    starts = [0] + [c + 1 for c in counters[:-1]]
    posts = list(zip(starts, [c + 1 for c in counters]))
    start, end = max(posts, key=lambda post: (_post_words(lines, *post), post[0]))
    for i in [*range(start), *range(end, counters[-1] + 1)]:
        if reasons[i] is None:
            reasons[i] = OTHER_POST
    others = {line_key(line.text) for k, line in enumerate(lines[: counters[-1] + 1]) if not start <= k < end}
    for i in range(start, end):
        text = lines[i].text
        if reasons[i] in (None, _HEADLINE_RUN) and (_HASHTAGS.match(text) or (line_key(text) in others and _words(text) <= HEADER_LINE_WORDS)):
            reasons[i] = "the channel's name or tags"  # above the post, as above every post; its hashtags
        elif reasons[i] in (None, _HEADLINE_RUN) and (_REACTIONS.match(text) or _LINK_LINE.match(text) or _POST_READ_MORE.match(text)):
            reasons[i] = "the post's reactions or link"
        elif reasons[i] == _HEADLINE_RUN and not _VIEWS.match(text):
            reasons[i] = None
    reasons[end - 1] = reasons[end - 1] or STAMP


POLL = "reader poll"


def _mark_polls(lines: list[Line], reasons: list[str | None]) -> None:
    """Two or more answer lines with a share each ("Да, и штрафы тоже 64%"), the question lines ending in "?" right
    above them and the vote count right under them."""
    i = 0
    while i < len(lines):
        end = i
        while end < len(lines) and _POLL_ANSWER.match(lines[end].text):
            end += 1
        if end - i < 2:
            i += 1
            continue
        start = i
        while start > 0 and i - start < POLL_QUESTIONS and lines[start - 1].text.endswith("?"):
            start -= 1
        if end < len(lines) and _POLL_VOTES.match(lines[end].text):
            end += 1
        for k in range(start, end):
            reasons[k] = POLL
        i = end


EMBEDDED_POST = "a social post embedded in the article"
VIDEO_PLAYER = "video player"
# Embeds an article carries between its paragraphs (page shape AJ, stop 41): a Telegram post closed by "View in
# Telegram", an X post in its plain form (its text, then "— Name (@handle) March 3, 2025") or as the widget shows it
# (name, "@handle", text, "10:48 PM · Oct 10, 2024", counts and actions), and a video player ("Video", its title,
# "00:00 / 02:15", "Play", "Watch on YouTube"). What the embed says is quoted material, not the outlet's text; where the
# article tells it, its own paragraph does.
_TELEGRAM_EMBED_END = re.compile(r"^(?:view|open) in telegram$|^(?:открыть|смотреть|посмотреть) в telegram$|"
                                 r"^(?:відкрити|переглянути|дивитися) в telegram$|^(?:отвори|виж) в telegram$", re.I)
_X_SIGNATURE = re.compile(r"^[—–-]\s*[^()]{1,60}\(@\w{1,15}\)\s+.{3,30}\d{4}$")
_X_HANDLE = re.compile(r"^@\w{1,15}$")
POST_TIME = re.compile(r"^\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?|дп|пп|ч\.)?\s*·\s*.{3,25}\d{4}(?:\s*(?:г\.|р\.))?$", re.I)
# a reader's "Reply" under a comment or a post, in the four languages
_REPLY_WORDS = r"reply|ответить|відповісти|отговор|отговори"
_X_ACTION = re.compile(rf"^(?:[\d.,]+\s?[KkКк]?|{_REPLY_WORDS}|copy link|read \d[\d.,]*\s?[KkКк]? repl(?:y|ies)|копировать ссылку|"
                       r"читать \d[\d.,]*\s?[KkКк]? ответ\w*|копіювати посилання|читати \d[\d.,]*\s?[KkКк]? відповід\w*|"
                       r"копирай (?:връзката|линка)|прочетете \d[\d.,]*\s?[KkКк]? отговор\w*)$", re.I)
_PLAYER_TIME = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?\s*/\s*\d{1,2}:\d{2}(?::\d{2})?$")
_PLAYER_CONTROL = re.compile(r"^(?:play|pause|watch on youtube|воспроизвести|смотреть на youtube|відтворити|дивитися на youtube|"
                             r"пусни|гледайте в youtube|гледай в youtube|(?:video|видео|відео)\s*:\s*[^.!?]{1,60})$", re.I)
EMBED_REACH = 5  # lines: from a Telegram embed's closing line back to its channel's name


# Instagram's, Facebook's and TikTok's embeds as they copy out of a page (page shape BG, stop 47): Instagram's "View this
# post on Instagram" ... "A post shared by Name (@handle)" and its counts; a Facebook post's name, age ("2 год.", "5h"),
# text, reactions and "Like · Comment · Share"; a TikTok card's "@handle", caption and "♬ original sound - ..."
_INSTAGRAM_START = re.compile(r"^(?:view this post on instagram|посмотреть эту публикацию в instagram|переглянути цей допис в "
                              r"instagram|вижте тази публикация в instagram)\s*$", re.I)
_INSTAGRAM_END = re.compile(r"^(?:a post shared by|публикация от|допис, поширений користувачем|публикация, споделена от)\b", re.I)
_INSTAGRAM_TAIL = re.compile(r"^(?:нравится:\s*[\d\s.,]+|[\d\s.,]+\s*(?:likes|позначок|отметок|харесвания)\b.*|"
                             r"view all [\d\s.,]+ comments|посмотреть все комментарии.*|переглянути всі коментарі.*|"
                             r"вижте всички [\d\s.,]+ коментара|add a comment\.*|добавьте комментарий\.*|view profile)$", re.I)
_FB_ACTIONS = re.compile(r"^(?:like|нравится|подобається|харесвам|харесване)\s*·\s*(?:comment|комментировать|коментувати|"
                         r"коментар|коментирай)\s*·\s*(?:share|поделиться|поділитися|споделяне|сподели)\s*$", re.I)
_FB_AGE = re.compile(r"^\d{1,2}\s*(?:h|hrs?|m|mins?|d|ч\.?|час\.?|год\.?|мин\.?|хв\.?|д\.?|дн\.?|дн(?:і|я)|дни)\s*$", re.I)
_TIKTOK_SOUND = re.compile(r"^♬\s")
EMBED_BLOCK = 8  # lines an embed's block may take


def _mark_network_embeds(lines: list[Line], reasons: list[str | None]) -> None:
    for i, line in enumerate(lines):
        text = line.text
        if _INSTAGRAM_START.match(text):
            end = next((k for k in range(i + 1, min(len(lines), i + EMBED_BLOCK)) if _INSTAGRAM_END.match(lines[k].text)), None)
            if end is None:
                reasons[i] = EMBEDDED_POST
                continue
            # (its caption may come under the "shared by" line, above the counts)
            end = max([k for k in range(end + 1, min(len(lines), end + 4)) if _INSTAGRAM_TAIL.match(lines[k].text)], default=end)
            for k in range(i, end + 1):
                reasons[k] = EMBEDDED_POST
        elif _FB_ACTIONS.match(text):
            age = next((k for k in range(i - 1, max(i - EMBED_BLOCK, 0), -1) if _FB_AGE.match(lines[k].text)), None)
            start = age - 1 if age is not None and age > 0 and _words(lines[age - 1].text) <= FEED_NAME_WORDS else i
            for k in range(start, i + 1):
                reasons[k] = EMBEDDED_POST
        elif _TIKTOK_SOUND.match(text):
            handle = next((k for k in range(i - 1, max(i - 4, -1), -1) if re.match(r"^@[\w.]{2,30}$", lines[k].text)), None)
            for k in range(handle if handle is not None else i, i + 1):
                reasons[k] = EMBEDDED_POST


def _mark_embeds(lines: list[Line], reasons: list[str | None]) -> None:
    body = [i for i, line in enumerate(lines) if reasons[i] is None and _is_body_paragraph(line.text)]
    for i, line in enumerate(lines):
        text = line.text
        if _TELEGRAM_EMBED_END.match(text) and any(b > i for b in body):  # (on a channel's own page it is the footer)
            top = i - 1
            while top >= 0 and (reasons[top] == STAMP or _VIEWS.match(lines[top].text) or _SOCIAL_COUNT.match(lines[top].text)):
                top -= 1
            name = next((k for k in range(top, max(top - EMBED_REACH, -1), -1)
                         if _words(lines[k].text) <= FEED_NAME_WORDS and not _FINAL.search(lines[k].text)), None)
            for k in range(name if name is not None else i, i + 1):
                reasons[k] = EMBEDDED_POST
        elif _X_SIGNATURE.match(text):
            reasons[i] = EMBEDDED_POST
            if i > 0:
                reasons[i - 1] = EMBEDDED_POST
        elif _X_HANDLE.match(text) and i > 0 and _words(lines[i - 1].text) <= FEED_NAME_WORDS:
            end = next((k for k in range(i + 1, min(i + EMBED_REACH, len(lines))) if POST_TIME.match(lines[k].text)), None)
            # an embed stands between the article's paragraphs; a post copied from the network is the whole text
            if end is None or not (any(b < i - 1 for b in body) and any(b > end for b in body)):
                continue
            while end + 1 < len(lines) and _X_ACTION.match(lines[end + 1].text):
                end += 1
            for k in range(i - 1, end + 1):
                reasons[k] = EMBEDDED_POST
        elif _PLAYER_TIME.match(text):
            reasons[i] = VIDEO_PLAYER
            for k in (i - 1, i - 2):
                # (its title reads as a teaser beside the player's time, which looks like a stamp)
                if k >= 0 and reasons[k] in (None, "teaser next to a stamp") and _is_headline(lines[k].text) and _words(lines[k].text) <= 12:
                    reasons[k] = VIDEO_PLAYER
            k = i + 1
            while k < len(lines) and _PLAYER_CONTROL.match(lines[k].text):
                reasons[k] = VIDEO_PLAYER
                k += 1


PAYWALL = "paywall (subscription offer)"
PAYWALL_OPENER_WORDS = 15
PAYWALL_LINE_WORDS = 25
# A paywall's lines: subscriptions, access, offers and prices, log-in and "cancel anytime"; its opener names a subscription
_SUBSCRIPTION = re.compile(r"subscri|подписк|подписч|подписан|подпиш|передплат|абонат|абонамент|абонир", re.I)
_PAYWALL_WORD = re.compile(
    _SUBSCRIPTION.pattern + r"|\baccess|доступ|достъп|\boffer|предложени|пропозиці|cancel|"
    r"отмен|скасу|прекрат|\blog ?in\b|\bsign in\b|войти|увійти|\bвход\b|промокод|promo ?code|\btrial\b|"
    r"\d\s*(?:\$|€|£|₽|грн|лв|руб)|(?:\$|€|£)\s*\d", re.I)
# what the opener stops: reading ("Keep reading with a subscription", "Чтобы дочитать статью, оформите подписку"), or
# the article itself ("Този материал е само за абонати")
_PAYWALL_READING = re.compile(r"read|чита|прочет|access|доступ|достъп|материал|матеріал|стат|article|story", re.I)


def _mark_paywall(lines: list[Line], reasons: list[str | None]) -> None:
    """After the body began, a short kept line that asks for a subscription to read on opens a paywall: it and the
    subscription, price, offer and log-in lines under it are clutter (held-out page shape R, stop 39: a paywalled
    page's offer was kept as body). A line about subscriptions in a story's text stands alone; a paywall is a block
    of two or more such lines."""
    for i in range(_first_body(lines, reasons) + 1, len(lines)):
        text = lines[i].text
        if (reasons[i] is not None or _words(text) > PAYWALL_OPENER_WORDS or not _SUBSCRIPTION.search(text)
                or not _PAYWALL_READING.search(text)):
            continue
        block = [i]
        for j in range(i + 1, len(lines)):
            if reasons[j] is not None:
                continue
            if _words(lines[j].text) > PAYWALL_LINE_WORDS or not _PAYWALL_WORD.search(lines[j].text):
                break
            block.append(j)
        if len(block) >= 2:
            for j in block:
                reasons[j] = PAYWALL
            return


PAGE_TITLE = "page title (the headline and the site's name)"
# the site's name after the headline: capitalised, a few words, no full stop ("Headline | Подільські вісті")
_TITLE_TAIL = re.compile(r"\s+[|–—-]\s+(?=[A-ZА-ЯЁІЇЄҐ«\"„])[^|–—.!?-]{2,60}$")


def _mark_page_title(lines: list[Line], reasons: list[str | None]) -> None:
    """A line that is another kept line followed by " | site" or " - site" is the page's <title> over its headline
    (held-out page shape AA, stop 40, kept both, so the headline came twice): the headline stays, the title goes."""
    kept = {line_key(line.text) for line, reason in zip(lines, reasons) if reason is None}
    for i, line in enumerate(lines):
        tail = _TITLE_TAIL.search(line.text)
        if reasons[i] is None and tail and line_key(line.text[: tail.start()]) in kept - {line_key(line.text)}:
            reasons[i] = PAGE_TITLE


READER_VIEW = "reader view's control"
_A_DAY = re.compile(rf"{_DATE}|\b\d{{1,2}}\.?\s+(?:{_MONTHS})|(?:{_MONTHS})\.?\s+\d{{1,2}}\b", re.I)
# The controls a browser's reader view leaves in a copied text (page shape AC, stop 40): "Close Reader View", "Listen"
_READER_CONTROL = re.compile(
    r"^(?:close reader view|exit reader view|close reading mode|exit immersive reader|listen|text and layout|aa|"
    r"закрыть режим чтения|выйти из режима чтения|прослушать|слушать|закрити режим читання|вийти з режиму читання|"
    r"прослухати|слухати|затвори изгледа за четене|изход от режима за четене|слушай)$", re.I)
# A paginated article's controls under its first page (page shape AH, stop 41): the pages' numbers between "previous" and
# "next", and the offer to read it on one page
_PREVIOUS = r"(?:[«‹<←]\s*)?(?:previous|prev|предыдущая|назад|попередня|предишна)|[«‹<←]"
_NEXT = r"(?:next|следующая|далее|вперед|вперёд|наступна|далі|следваща|напред)(?:\s*[»›>→])?|[»›>→]"
_PAGE_NAVIGATION = re.compile(
    rf"^(?:(?:{_PREVIOUS})\s*)?(?:\d{{1,3}}\s+){{1,9}}\d{{1,3}}\s*(?:{_NEXT})$|^(?:{_PREVIOUS})\s*(?:\d{{1,3}}\s+){{1,9}}\d{{1,3}}$"
    r"|^(?:read (?:it |the (?:whole |full )?(?:article|story) )?on (?:one|a single) page|view as (?:one|a single) page|"
    r"single page view|читать (?:всю статью |целиком )?на одной странице|читати (?:всю статтю |повністю )?на одній сторінці|"
    r"прочети (?:цялата статия )?на една страница)$", re.I)
# a writer's name and the date on one line ("Олена Марчук, 3 лютого 2025", "Fiona Mackay · 4 March 2025"): a byline,
# not a headline (held-out page shape AC, stop 40, took it for the headline and the title above it for a site header)
_NAME_AND_DATE = re.compile(r"^(?i:by |автор:? |від )?([A-ZА-ЯЁІЇЄҐ][\w'’-]+(?: [A-ZА-ЯЁІЇЄҐ][\w'’-]+){1,2})\s*[,·|–—-]\s*(.+)$")

FEED_READER = "feed reader's line"
FEED_ITEM = "another item of the feed reader's list"
# A news item copied from a feed reader (page shape AD, stop 40): two or more of the reader's action lines under the
# item; the reader's own lines above the feed's name, and every line under the actions (the list's other items: a
# title, "feed · age", a summary) are the reader's, not the article's
_FEED_ACTION = re.compile(
    r"^(?:mark as (?:un)?read|save for later|read later|visit website|open (?:in browser|original)|"
    r"отметить как (?:не)?прочитанное|сохранить на потом|прочитать позже|открыть в браузере|перейти на сайт|"
    r"позначити як (?:не)?прочитане|зберегти на потім|прочитати пізніше|відкрити (?:у|в) браузері|"
    r"маркирай като прочетено|запази за по-късно|отвори в браузъра|към сайта)$", re.I)
FEED_NAME_WORDS = 5


def _mark_feed_reader(lines: list[Line], reasons: list[str | None]) -> None:
    actions = [i for i, line in enumerate(lines) if _FEED_ACTION.match(line.text)]
    if len(actions) < 2:
        return
    for i in actions:
        reasons[i] = FEED_READER
    for i in range(actions[-1] + 1, len(lines)):
        if reasons[i] is None or reasons[i] in (_HEADLINE_RUN, RUNNING_HEAD, "masthead or label", "inside a list of other stories"):
            reasons[i] = FEED_ITEM
    first_body = _first_body(lines, reasons)
    title = next((i for i in range(first_body - 1, -1, -1) if reasons[i] is None and _is_headline(lines[i].text)), None)
    if title is None:
        return
    # the feed's name stands right above the item's title (a stamp between them aside); the lines above it are the
    # reader's own ("feedly", "Today", a folder, "38 unread")
    name = next((i for i in range(title - 1, -1, -1) if reasons[i] != STAMP), None)
    for i in range(0, name if name is not None and _words(lines[name].text) <= FEED_NAME_WORDS else title):
        if reasons[i] != STAMP:
            reasons[i] = FEED_READER


SOCIAL_POST = "a social post's counts, actions or readers' comments"
LINK_CARD = "link card's address"
# An outlet's post on a social network sharing its article (page shape AE, stop 40): the post's text and its link card
# (the site's address, the article's headline and first line) are the outlet's; the counts, the action words and the
# readers' comments under them are not. Told by two or more of the network's action or reply lines.
_SOCIAL_ACTION = re.compile(
    r"^(?:like|comment|share|reply|repost|post your reply|write a comment\.*|most relevant|all reactions:?|"
    r"нравится|комментировать|поделиться|ответить|написать комментарий\.*|сначала интересные|все реакции:?|"
    r"подобається|коментар|коментувати|поширити|відповісти|найрелевантніші|усі реакції:?|"
    r"харесвам|харесване|коментирай|сподели|споделяне|отговор|отговори|най-подходящи|всички реакции:?)$", re.I)
_REPLY_LINE = re.compile(rf"^(?:{_REPLY_WORDS})$", re.I)
_SOCIAL_COUNT = re.compile(r"^(?:[❤👍💬↪👁🔁♥]\s*)?[\d.,]+\s?(?:k|m|тыс\.?|тис\.?|хил\.?)?(?:\s+\w+)?$", re.I)
_BARE_DOMAIN = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}$", re.I)
SOCIAL_ACTIONS = 2
SOCIAL_REACH = 4  # lines: a comment's name, text and age between the sort line and its "Reply"


def _mark_social_post(lines: list[Line], reasons: list[str | None]) -> None:
    """Told by two action lines in a row ("Like", "Comment", "Share") or two readers' "Reply" lines: an article's own
    share line and a comments link, apart, are no post (three piles' articles lost their second half so)."""
    actions = [i for i, line in enumerate(lines) if _SOCIAL_ACTION.match(line.text)]
    replies = [i for i in actions if _REPLY_LINE.match(lines[i].text)]
    in_a_row = [i for i in actions if i + 1 in actions]
    if not in_a_row and len(replies) < SOCIAL_ACTIONS:
        return
    anchor = min(in_a_row[:1] + replies[:1])
    # from the first action line near it: a sort line ("Сначала интересные") stands over the first comment
    first = next(i for i in actions if i >= anchor - SOCIAL_REACH)
    for i in range(first, len(lines)):
        # the actions, the counts and every reader's comment under them; a "Reply" whatever another rule made of it
        if reasons[i] is None or _REPLY_LINE.match(lines[i].text):
            reasons[i] = SOCIAL_POST
    # the counts just above the first action ("Усі реакції:", "1,2 тис.", "87 коментарів")
    for i in range(first - 1, -1, -1):
        if not (_SOCIAL_COUNT.match(lines[i].text) or _SOCIAL_ACTION.match(lines[i].text)):
            break
        reasons[i] = SOCIAL_POST
    # the link card: its address (the card's headline under it is the article's, not a list of other stories')
    for i in range(first):
        if _BARE_DOMAIN.match(lines[i].text):
            reasons[i] = LINK_CARD
            if i + 1 < first and reasons[i + 1] is not None and _is_headline(lines[i + 1].text):
                reasons[i + 1] = None


PRINTED_PAGE = "printed page's header or footer"
# A web page printed to PDF by a browser and turned into text (page shape AF, stop 40): each page's header, the print
# date and time with the page's title, and its foot, the address and "1/3"; the print date is no article's date
_PRINTED_HEADER = re.compile(r"^\s*\d{1,4}[./-]\d{1,2}[./-]\d{2,4}(?:\s*г\.)?,?\s+\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?\s+\S", re.I)
_PRINTED_FOOTER = re.compile(r"^\s*https?://\S+\s+\d{1,3}/\d{1,3}\s*$", re.I)


def _mark_printed_pages(lines: list[Line], reasons: list[str | None]) -> None:
    footers = {i for i, line in enumerate(lines) if _PRINTED_FOOTER.match(line.text)}
    if not footers:
        return
    titles = set()
    for i, line in enumerate(lines):
        header = _PRINTED_HEADER.match(line.text)
        if i in footers or header:
            reasons[i] = PRINTED_PAGE
        if header:  # its title names the headline, which the header rules may have taken for the site's
            title = line.text[header.end() - 1 :].strip()
            tail = _TITLE_TAIL.search(title)
            titles.add(line_key(title[: tail.start()] if tail else title))
    for i, line in enumerate(lines):
        if reasons[i] == "site header before the headline" and line_key(line.text) in titles:
            reasons[i] = None


WEB_ARCHIVE = "web archive's banner"
# The banner a web archive puts over the page it kept (page shape AA, stop 40): the Wayback Machine's first line with
# the capture's address, and archive.today's line listing the host's other captures; the rest of their toolbars reads
# as menus, stamps and counters already
_WEB_ARCHIVE = re.compile(r"^(?:the wayback machine\b|all snapshots from host\b|no other snapshots from this url\b|"
                          r"archive\.(?:today|ph|is|li|vn|fo|md)\b.{0,40}$|"
                          r"webpage capture\b|https?://(?:web\.)?archive\.org/web/\S+$)", re.I)

MAIL_HEADER = "e-mail header"
NEWSLETTER = "newsletter's greeting, label, teaser, sponsor or footer"
# An outlet's e-mail newsletter saved as text (page shape AA, stop 40: its header, greeting, the other stories' teasers,
# the sponsor and the footer were kept as the article): the mail client's header lines at the top...
_MAIL_HEADER = re.compile(
    r"^(?:from|to|cc|date|sent|subject|reply-to|от|кому|копия|дата|тема|отправлено|від|до|копія|надіслано|"
    r"подател|получател|относно|изпратено)\s*:\s*\S", re.I)
MAIL_HEADER_REACH = 8  # ... among the first lines, two or more of them
# ... its greeting and weather line, its teasers (a headline and a line over "Read more"), its sponsor's heading, and
# the footer from "You are receiving this" on
_VIEW_IN_BROWSER = re.compile(
    r"^(?:view (?:it |this email )?(?:in (?:your |a )?browser|online)|открыть в браузере|смотреть в браузере|"
    r"(?:переглянути|відкрити) (?:у|в) браузері|(?:отвори|виж|прегледай) в браузъра)\s*$", re.I)
_GREETING = re.compile(
    r"^(?:good (?:morning|afternoon|evening)|hello|hi|dear|доброе утро|добрый (?:день|вечер)|здравствуйте|"
    r"доброго (?:ранку|дня|вечора)|добрий (?:ранок|день|вечір)|вітаємо|привіт|добро утро|добър (?:ден|вечер)|здравейте)\b",
    re.I)
_TODAYS_WEATHER = re.compile(r"^(?:today's weather|weather today|погода(?: сегодня| сьогодні| днес)?|времето днес)\s*:", re.I)
_TEASER_LINK = re.compile(
    r"^(?:read more|more|learn more|continue reading|читать далее|подробнее|далее|читати далі|детальніше|дізнатися більше|"
    r"прочети още|прочетете още|научи повече|научете повече|още)\s*[›»→>.]*$", re.I)
TEASER_LINES = 2  # a teaser's headline and blurb above its link
TEASER_LINE_WORDS = 30
_SPONSOR_HEADING = re.compile(
    r"^(?:sponsored(?: by .{0,40})?|sponsor|advertisement|partner(?: content)?|реклама|спонсор|партнер(?: рассылки| розсилки)?|"
    r"партнёр(?: рассылки)?|партньор|на правах реклами)\s*$", re.I)
_NEWSLETTER_FOOTER = re.compile(
    r"^(?:you(?:'re| are) receiving this|you received this|this (?:email|newsletter) was sent to|вы получили это письмо|"
    r"вы получаете это письмо|ви отримали цей лист|ви отримуєте цей лист|получавате този имейл|получихте този имейл)", re.I)
LABEL_WORDS = 3


FORWARD = "e-mail: the forward's note, signature or notice"
# An article a reader forwarded by e-mail (page shape BB, stop 47): the forward's banner ("---------- Forwarded message
# ---------", "-------- Пересылаемое сообщение --------", Outlook's rule of underscores), the header blocks, the
# senders' notes above and under them, and their signatures ("--", "Sent from my iPhone", a confidentiality notice)
_FORWARD_BANNER = re.compile(
    r"^(?:-{2,}\s*(?:forwarded message|original message|пересылаемое сообщение|исходное сообщение|переслане повідомлення|"
    r"пересланий лист|оригінальне повідомлення|препратено съобщение|оригинално съобщение)\s*-{2,}|"
    r"begin forwarded message:?|_{10,})\s*$", re.I)
_SENDER_LINE = re.compile(r"^(?:from|от|від|подател)\s*:|@[\w-]+\.", re.I)
_SIGNATURE_START = re.compile(
    r"^(?:--\s*|(?:sent from my|sent from|отправлено с|отправлено из|надіслано з|изпратено от)\b.{0,40})$", re.I)
_MAIL_NOTICE = re.compile(
    r"^(?:confidentiality notice|notice:|disclaimer:|внимание:|увага:|поверително|конфиденциально|конфіденційно|"
    r"(?:this|the) (?:e-?mail|message)\b[^.]{0,60}\b(?:confidential|intended|meant)|"
    r"(?:это|данное) (?:письмо|сообщение)\b|(?:цей|даний) лист\b|це повідомлення\b|това (?:съобщение|писмо)\b)", re.I)
FORWARD_NOTE_LINES = 3  # a sender's note under the last header block: this many lines at most ...
FORWARD_NOTE_WORDS = 40  # ... of this many words at most, each a sentence, above the article's first line without one


def forwarded_mail(lines: list[Line]) -> dict[int, str]:
    """The lines of an article forwarded by e-mail that are the mail's, by index: where a banner, or a header block
    naming a sender further down than a newsletter's header, shows a forward, everything above the last header block
    (notes, headers, signatures), the sender's note under it (sentences above the pasted article's masthead or
    headline) and what follows a signature's start ("--", "Sent from my iPhone") or a confidentiality notice. Empty for
    any other text."""
    blocks: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _MAIL_HEADER.match(lines[j].text):
            j += 1
        if j - i >= 2 and any(_SENDER_LINE.search(lines[k].text) for k in range(i, j)):
            blocks.append((i, j))
        i = max(j, i + 1)
    banners = {i for i, line in enumerate(lines) if _FORWARD_BANNER.match(line.text)}
    if not blocks or not (banners or len(blocks) >= 2 or blocks[-1][0] >= MAIL_HEADER_REACH):
        return {}
    start, end = blocks[-1]
    found = {i: MAIL_HEADER if (i >= start or i in banners or _MAIL_HEADER.match(lines[i].text)) else FORWARD for i in range(end)}
    first_plain = next((i for i in range(end, min(len(lines), end + FORWARD_NOTE_LINES + 1))
                        if not _SENTENCE_END.search(lines[i].text)), None)
    if first_plain is not None and all(_words(lines[i].text) <= FORWARD_NOTE_WORDS for i in range(end, first_plain)):
        found.update({i: FORWARD for i in range(end, first_plain)})
    tail = next((i for i in range(end, len(lines)) if _SIGNATURE_START.match(lines[i].text) or _MAIL_NOTICE.match(lines[i].text)), None)
    if tail is not None:
        found.update({i: FORWARD for i in range(tail, len(lines))})
    return found


# a turn of a transcript opening with its speaker's label in capitals ("ВЕДУЧА: У Коростишеві ...", "ГЗК: ...", "PRESENTER: ...")
_TURN_LABEL = re.compile(r"^[A-ZА-ЯЁІЇЄҐ]{2,}(?:[ -][A-ZА-ЯЁІЇЄҐ]{2,})?:\s+\S")
TRANSCRIPT_TURNS = 2


def _mark_transcript_captions(lines: list[Line], reasons: list[str | None]) -> None:
    """In a transcript (a TV story's, an official one: speakers' labels on their own lines, or two turns or more that
    open with one), a line of a name and a role, or of names and the channel, without a sentence's stop, is the caption
    naming who speaks ("Василь Кравчук, охоронець фабрики") or the correspondents' sign-off ("Ірина Данилюк, Максим
    Корнійчук, Тетерів ТБ"): page shape AY, stop 47. Elsewhere such a line may be a headline ("Queen Elizabeth,
    Britain's longest-reigning monarch, dies at 96"), so only there."""
    labels = sum(reason == SPEAKER_LABEL for reason in reasons)
    turns = sum(bool(_TURN_LABEL.match(line.text)) for line in lines)
    if not labels and turns < TRANSCRIPT_TURNS:
        return
    for i, line in enumerate(lines):
        if reasons[i] is None and _NAME_AND_ROLE.match(line.text) and _words(line.text) <= NAME_AND_ROLE_WORDS:
            reasons[i] = NAME_AND_ROLE
        elif reasons[i] is None and re.fullmatch(r"[(\[][^()\[\]]{3,200}[)\]]\.?", line.text):
            reasons[i] = "stage note in a transcript"  # "(Областният управител показва карта на засегнатите села.)"


# A sponsored card set in an article (page shape BC, stop 47): its label, a name and a one-line pitch, its button
_SPONSORED_LABEL = re.compile(r"^(?:sponsored|sponsored content|partner content|реклама|партн[её]рский материал|"
                              r"партнерський матеріал|спонсорирано|спонсорирано съдържание|промо)\s*$", re.I)
_CARD_BUTTON = re.compile(r"^(?:learn more|find out more|shop now|узнать больше|подробнее|дізнатися більше|детальніше|"
                          r"научи повече|виж повече|купить|купити|купи)\s*\W*$", re.I)
CARD_LINES = 3
# an outlet's own channel or app promoted in a line of its own ("Самые важные новости Воронежа — в нашем
# телеграм-канале ... Подписывайтесь", "Последвайте ... във Viber и Telegram", "... with the Harnford Live app - download")
_CHANNEL_PROMO = re.compile(
    r"\b(?:подписывайтесь|подпишитесь|підписуйтесь|підписуйтеся|підпишіться|последвайте|абонирайте се|follow us|join us|"
    r"join our|download it)\b|\b(?:в|у) (?:нашем|нашому) (?:телеграм|telegram)", re.I)
CHANNEL_PROMO_WORDS = 30


def _mark_cards_and_promos(lines: list[Line], reasons: list[str | None]) -> None:
    """A sponsored card's lines between its label and its button, and a line promoting the outlet's channel or app."""
    for i, line in enumerate(lines):
        if _SPONSORED_LABEL.match(line.text):
            button = next((j for j in range(i + 1, min(len(lines), i + CARD_LINES + 2)) if _CARD_BUTTON.match(lines[j].text)), None)
            if button is not None:
                for j in range(i, button + 1):
                    reasons[j] = reasons[j] or "sponsored card"
        elif (reasons[i] is None and _words(line.text) <= CHANNEL_PROMO_WORDS and (promo := _CHANNEL_PROMO.search(line.text))
              # (after a sentence of the article the promotion is cut off the line alone: _INLINE's "promo")
              and not re.search(r"[.!?»\"”]\s", line.text[: promo.start()])):
            reasons[i] = "byline, credit, ad or promotion"


def _mark_newsletter(lines: list[Line], reasons: list[str | None]) -> None:
    """In a text that starts with an e-mail's header lines, those lines, the greeting, short labels above the main
    story, each teaser of another story (the lines over its "Read more"), the sponsor's heading and everything from
    "You are receiving this" on are the newsletter's, not the story's. The main story's own last paragraph is followed
    by "Read it online", no teaser link."""
    header = [i for i in range(min(len(lines), MAIL_HEADER_REACH)) if _MAIL_HEADER.match(lines[i].text)]
    if len(header) < 2:
        return
    for i in header:
        reasons[i] = MAIL_HEADER
    first_body = _first_body(lines, reasons)
    for i, line in enumerate(lines):
        text = line.text
        if reasons[i] == RUNNING_HEAD and i < first_body:
            reasons[i] = NEWSLETTER  # "Утренняя рассылка • № 212": the newsletter's name and issue, not the paper's
            continue
        if _VIEW_IN_BROWSER.match(text):
            reasons[i] = MAIL_HEADER  # not a masthead: the outlet is never named so
            continue
        if reasons[i] is not None:
            continue
        if _GREETING.match(text) or _TODAYS_WEATHER.match(text) or _SPONSOR_HEADING.match(text):
            reasons[i] = NEWSLETTER
        elif i < first_body and _words(text) <= LABEL_WORDS and not _FINAL.search(text):
            reasons[i] = NEWSLETTER  # "Головне", "TOP STORY" over the main story
    for j, line in enumerate(lines):
        if not _TEASER_LINK.match(line.text) or j <= first_body:
            continue
        reasons[j] = reasons[j] or NEWSLETTER
        for i in range(j - 1, max(first_body, j - 1 - TEASER_LINES), -1):
            if reasons[i] is not None or _words(lines[i].text) > TEASER_LINE_WORDS:
                break
            reasons[i] = NEWSLETTER
    footer = next((i for i, line in enumerate(lines) if i > first_body and _NEWSLETTER_FOOTER.match(line.text)), None)
    if footer is not None:
        for i in range(footer, len(lines)):
            reasons[i] = reasons[i] or NEWSLETTER


COMMENTS = "readers' comments"
# the heading of a page's comments section ("Comments (52)", "Комментарии (37)", "Коментарі 12", "Коментари: 5",
# "14 comments"): held-out page shape X, stop 39, kept the readers' comments as the article's text
_COMMENTS_HEADING = re.compile(
    r"^(?:(?:reader |readers' )?comments?|комментари[ийя]|коментар(?:і|ів)|коментари(?: на читателите)?|обсуждение|обговорення|"
    r"дискусия|discussion)\s*(?:\(\d+\)|:?\s*\d+)?$|^\d+\s+(?:comments?|комментари\w*|коментар\w*)$", re.I)


def _mark_comments(lines: list[Line], reasons: list[str | None]) -> None:
    """After the body began, a comments section's heading and every kept line after it: readers', not the outlet's
    (a saved page ends with the comments under the article, then the footer)."""
    for i in range(_first_body(lines, reasons) + 1, len(lines)):
        # (an embedded post's count of comments, beside its reactions or its "Like · Comment · Share", heads no section)
        if _COMMENTS_HEADING.match(lines[i].text) and not any(
                _FB_ACTIONS.match(lines[k].text) for k in range(max(0, i - 2), min(len(lines), i + 3))):
            for j in range(i, len(lines)):
                # a comment under its time ("сегодня в 08:30") reads as a teaser beside a stamp: it is a reader's
                if reasons[j] is None or reasons[j].startswith("teaser"):
                    reasons[j] = COMMENTS
            return


def _keep_summary_points(lines: list[Line], reasons: list[str | None]) -> None:
    """The points under a summary's label stay, however short: "Kremlin cries foul" under "Key points" is a point,
    not a masthead or label (two helper-written piles lost one of their four points so); and a summary's "Главное"
    under the title is its label, not a heading of other stories (held-out page shape L lost its four points so)."""
    first_body = _first_body(lines, reasons)
    label = _summary_label(lines, reasons, first_body)
    if label < first_body and reasons[label] == "section heading for other stories":
        reasons[label] = "masthead or label"
    stamps = [reason == STAMP for reason in reasons]
    for i in range(label + 1, first_body):
        if reasons[i] in ("masthead or label", "inside a list of other stories") and _words(lines[i].text) >= 2:
            # (a live page's entries may follow the points before its first long paragraph: a heading stays a heading)
            reasons[i] = SUBHEADING if _is_entry_heading(lines, stamps, i) else None


def _mark_header_lines(lines: list[Line], reasons: list[str | None]) -> None:
    """Before the headline (the last headline-shaped line before the first body paragraph, or before a summary's
    label under the title), short lines without a full stop are the site's header: its name, slogan, "today" line,
    menu, banners."""
    first_body = _summary_label(lines, reasons, _first_body(lines, reasons))
    headline = next((i for i in range(first_body - 1, -1, -1)
                     if reasons[i] is None and _is_title(lines[i].text) and _words(lines[i].text) >= 3), None)
    if headline is None:
        return
    # a text that opens with two headline-shaped lines and nothing above them opens with its title and a
    # standfirst ("Elite League: Dundee Stars 5-3 Belfast Giants" over "Dwyer hit two goals..."), not with a
    # site header: a site's name, slogan or menu line is shorter than a title, or stands above more lines
    if headline == 1 and _words(lines[0].text) >= TITLE_ABOVE_STANDFIRST_WORDS:
        return
    # the same under a site's header: a standfirst without a full stop is the last headline-shaped line, and the
    # title right above it, shorter, is the title, not the header's (held-out page shape R, stop 39, lost its title so)
    above = headline - 1
    if (above >= 0 and reasons[above] is None and _is_headline(lines[above].text)
            and _words(lines[above].text) >= TITLE_ABOVE_STANDFIRST_WORDS
            and _words(lines[headline].text) >= STANDFIRST_WORDS and _words(lines[headline].text) > _words(lines[above].text)):
        headline = above
    # a longer line counts when the page's copyright line names it: an institution's full name over its press release
    # ("Ministry of Foreign Affairs of the Republic of Latvia", held-out page shape S, stop 39, was kept as the title)
    footer = [line.text for line in lines if _COPYRIGHT_SIGN.search(line.text)]
    for i in range(headline):
        text = lines[i].text
        if reasons[i] is None and not _FINAL.search(text) and (
                _words(text) <= HEADER_LINE_WORDS or any(text in line for line in footer)):
            reasons[i] = "site header before the headline"


def _mark_headline_runs(lines: list[Line], reasons: list[str | None], body_started_at: int) -> None:
    """Three or more headline-shaped lines in a row after the body began: a list of other stories."""
    run: list[int] = []
    for i in range(body_started_at, len(lines) + 1):
        if i < len(lines) and reasons[i] is None and _is_headline(lines[i].text):
            run.append(i)
            continue
        if i < len(lines) and reasons[i] is not None:
            continue  # clutter between headlines does not break the run
        if len(run) >= 3:
            for j in run:
                reasons[j] = _HEADLINE_RUN
        run = []


SUBHEADING = "subheading (a section title inside the article, not a claim)"
SUBHEADING_WORDS = 5


def _mark_subheadings(lines: list[Line], reasons: list[str | None]) -> None:
    """After the body began, a kept line of at most SUBHEADING_WORDS words with no final stop, no figure and no list
    mark, between two kept lines and followed by one that tells a sentence: an explainer's section title ("Что дальше",
    "Who was hurt"). As a claim it would pair with other outlets' titles of the same words, which state nothing.
    Never the line right under the text's first line: that is a standfirst under the title ("It Didn't Go Well"),
    which a title that ends in a full stop would otherwise count as under the body (and its translation, under a title
    without one, not: on the findings bench one version lost the line and the others kept it)."""
    for i in range(max(2, _first_body(lines, reasons) + 1), len(lines) - 1):
        text = lines[i].text
        if (reasons[i] is None and reasons[i - 1] is None and reasons[i + 1] is None and _words(text) <= SUBHEADING_WORDS
                and not _FINAL.search(text) and not re.search(r"[\d/;:,|]", text) and _tells_a_sentence(lines[i + 1].text)):
            reasons[i] = SUBHEADING


def _mark_sandwiched(lines: list[Line], reasons: list[str | None]) -> None:
    """After the body began, a short label or headline with clutter on both sides is clutter too."""
    for i in range(max(1, _first_body(lines, reasons)), len(lines)):
        if reasons[i] is not None:
            continue
        after_is_clutter = i + 1 >= len(lines) or reasons[i + 1] is not None
        if reasons[i - 1] is not None and after_is_clutter and _is_headline(lines[i].text):
            if _words(lines[i].text) <= 12 or i + 1 >= len(lines):
                reasons[i] = "label between clutter"


HEADER_LINE_WORDS = 8
TITLE_ABOVE_STANDFIRST_WORDS = 5
STANDFIRST_WORDS = 12
TEMPLATE = "repeated on other pages of the pile (site template)"
OUTSIDE_MAIN = "outside the page's main text (trafilatura)"


def clean(text: str, outside_main: frozenset[int] = frozenset(), template: frozenset[str] = frozenset()) -> Cleaned:
    """Keep the article's lines; list every removed piece with its reason.

    ``outside_main``: start offsets of lines an HTML extractor put outside the article;
    ``template``: short lines that recur across the pile's pages (:func:`template_lines`).
    """
    lines = split_lines(text)
    reasons = classify_lines(lines, {i: OUTSIDE_MAIN for i, line in enumerate(lines) if line.start in outside_main}, template)
    kept: list[tuple[int, int, int]] = []
    removed: list[Span] = []
    paragraph = 0
    for line, reason in zip(lines, reasons):
        if reason is not None:
            removed.append(Span(line.start, line.end, line.text, reason))
            continue
        cursor = line.start
        for match in _INLINE.finditer(line.text):
            start, end = line.start + match.start(), line.start + match.end()
            token = text[start:end].strip()
            token_start = start + text[start:end].index(token)
            if start > cursor:
                kept.append((cursor, start, paragraph))
            reason = _INLINE_REASON[match.lastgroup or "ad"]
            removed.append(Span(token_start, token_start + len(token), token, reason))
            cursor = end
        if cursor < line.end:
            kept.append((cursor, line.end, paragraph))
        paragraph += 1
    return Cleaned(kept=kept, removed=removed)
