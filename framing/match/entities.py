"""Named actors and places, keyed across scripts and inflections.

No multilingual NER installs offline, so entities are capitalised words that do not merely start
a sentence, plus all-caps acronyms. Each gets a *key*: transliterated to Latin the same way for
ru/uk/bg, spelt the way the two scripts meet (``ts``/``tz``/``z`` -> ``s``, ``kh`` -> ``h``, ``sch`` ->
``sh``, ``c`` -> ``s`` or ``k`` by the next letter, ``дж`` -> ``j``), vowels dropped, doubled letters
collapsed, first three consonants kept. So Блинкен, Блінкен and Blinken share ``bln``; Рютте and Рюте
share ``rt``; Байден/Байдън/Biden share ``bdn``; Шольц/Scholz ``shl``, Мерц/Merz ``mrs``,
Израиль/Israel ``srl``; case endings (Рютте/Рютте, Марк/Марком) mostly fall away. Acronyms and
country names that differ by language (США/САЩ/US, Великобритания/UK, Китай/China) go through a small
alias table, and words English capitalises but ru/uk/bg do not (days, months, titles, nationality
adjectives: "Russian President ... on Wednesday") are not names: over SIB-200's 1,004 sentences in four
languages, the six language pairs' translations showed 7,435 names "only in one side" before stop 41 and
5,143 after (``python -m eval.entity_differences``; eval/HISTORY.md, stop 41). Claim comparison then looks for a missing
name more loosely (:func:`named_elsewhere`): 2,900 since stop 42.

The findings ask a narrower question, whether two outlets' speakers are one person (Голлі, Холи, Holly; Ciolacu, Чолаку;
Jaka Bizilj, Яка Бизиль): :func:`same_name` compares two names whole (consonant skeletons, a similarity ratio), and
:func:`name_key` lists a speaker. Both live here, beside the keys, so that one module spells names across scripts
(until stop 44 they sat in the findings' ranking module and repeated some of the keys' rules).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_TRANSLIT = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e", "є": "e", "э": "e",
        "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "i", "ы": "i", "й": "i", "к": "k", "л": "l", "м": "m",
        "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ь": "", "ю": "u", "я": "a", "ў": "u", "'": "", "’": "",
    }
)
# Where the scripts spell one sound differently (Шольц/Scholz, Мерц/Merz, Бахмут/Bakhmut, Израиль/Israel, Венс/Vance),
# both are brought to one spelling, Cyrillic first (before transliterating), then Latin
_CYRILLIC_SPELLING = ((re.compile("дж"), "j"), (re.compile("^([еє])в(?=[^аеиоуюяєіїыэ])"), "eu"))
_LATIN_SPELLING = tuple((re.compile(a), b) for a, b in (
    ("tsch", "ch"), ("sch", "sh"), ("kh", "h"), ("ck", "k"), ("ph", "f"), ("th", "t"), ("t[sz]", "s"), ("z", "s"),
    ("c(?=[eiy])", "s"), ("c(?!h)", "k"), ("x", "ks"), ("q", "k"), ("w", "v"),
))
_VOWELS = re.compile(r"[aeiouy]")
_REPEATS = re.compile(r"(.)\1+")
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[A-ZА-ЯЁІЇЄҐ][\w'’-]*", re.U)  # U.S., U.N. as one word
_SENTENCE_START = re.compile(r"(?:^|[.!?…]\s+|[«\"„“(]\s*)$")
ALIASES = {
    "сша": "usa", "сащ": "usa", "us": "usa", "usa": "usa", "u.s": "usa",
    "нато": "nato", "nato": "nato", "ес": "eu", "єс": "eu", "eu": "eu",
    "рф": "russia", "оон": "un", "оон.": "un", "un": "un", "всу": "afu", "зсу": "afu",
    "мзс": "mfa", "мид": "mfa", "мвнр": "mfa", "кндр": "dprk", "кндр.": "dprk",
    "u.s.": "usa", "u.k.": "gb", "u.n.": "un", "фбр": "fbi", "fbi": "fbi", "цру": "cia", "cia": "cia",
    "ии": "ai", "ші": "ai", "ai": "ai", "мвф": "imf", "imf": "imf",
    "uk": "gb", "britain": "gb", "сполучених": "usa", "сполучені": "usa", "states": "usa",
}
# Country and compass names that are translated, not transliterated: a capitalised word starting with one of these
# stems gets the key on the right (Великобритании/Великобританії/Britain, Северна/Північної/North)
STEM_ALIASES = {
    "великобритан": "gb", "china": "cn", "китай": "cn", "китаю": "cn", "китая": "cn", "китаї": "cn",
    "germany": "de", "германи": "de", "німеччин": "de", "turkey": "tr", "турци": "tr", "туреччин": "tr",
    "sweden": "se", "швеци": "se", "швеці": "se", "poland": "pl", "польш": "pl", "польщ": "pl", "полша": "pl",
    "hungary": "hu", "венгри": "hu", "угорщин": "hu", "унгари": "hu", "japan": "jp", "япони": "jp", "японі": "jp",
    "scotland": "sct", "шотланд": "sct", "соединенн": "usa", "соединённ": "usa", "съединен": "usa", "штат": "usa",
    "щат": "usa", "supreme": "supreme", "верховн": "supreme", "върховн": "supreme",
    "earth": "earth", "земл": "earth", "земят": "earth", "слънц": "sun", "солнц": "sun", "сонц": "sun",
    "north": "~n", "северн": "~n", "північн": "~n", "south": "~s", "южн": "~s", "південн": "~s",
    "east": "~e", "восточн": "~e", "східн": "~e", "източн": "~e", "west": "~w", "западн": "~w", "західн": "~w",
}
_STEM = re.compile("^(" + "|".join(sorted(STEM_ALIASES, key=len, reverse=True)) + ")")
# Capitalised words that are not names: en function words that start a clause, and words English capitalises where
# ru/uk/bg write them small (days, months, time zones, titles, nationality adjectives, wire credits), which
# otherwise come out as names one translation has and the other lacks
_NOT_NAMES = set("""
i i'm the a an this that but and he she it we they
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september
october november december jan feb mar apr jun jul aug sep sept oct nov dec gmt bst cet cest est edt et pst utc
mr mrs ms dr president minister prime secretary chancellor vice general foreign defence defense deputy spokesman
spokeswoman spokesperson editing writing reporting united
court house party committee council department ministry police navy army league union commission assembly
government parliament office service agency forces guard state world war sea ocean island islands river university
games cup hospital national international global
""".split())


@dataclass(frozen=True)
class Mention:
    surface: str
    key: str
    start: int


def entity_key(word: str) -> str:
    """The cross-script key of one word (see module docstring)."""
    lowered = _lowered(word)
    if lowered in ALIASES:
        return ALIASES[lowered]
    stem = _STEM.match(lowered)
    if stem:
        return STEM_ALIASES[stem.group(1)]
    return _skeleton_key(_latin(lowered))


def _lowered(word: str) -> str:
    return re.sub("['’]s$", "", word.lower()).strip("'’-")  # NATO's, Kyiv's


def _latin(lowered: str) -> str:
    for pattern, spelling in _CYRILLIC_SPELLING:
        lowered = pattern.sub(spelling, lowered)
    return re.sub(r"[^a-z]", "", lowered.translate(_TRANSLIT))


def _spelt(latin: str) -> str:
    """A Latin spelling brought to the one the scripts meet in (see ``_LATIN_SPELLING``)."""
    for pattern, spelling in _LATIN_SPELLING:
        latin = pattern.sub(spelling, latin)
    return latin


def _consonants(spelt: str) -> str:
    """A spelling's consonants, doubled letters once."""
    return _REPEATS.sub(r"\1", _VOWELS.sub("", spelt))


def _skeleton_key(latin: str) -> str:
    latin = _spelt(latin)
    skeleton = _consonants(latin)
    if len(skeleton) < 2:
        return latin
    return skeleton[:3]


# Where one script's spelling of a name drops or adds a sound the keys keep: English W is Cyrillic У (Williams/Уильямс,
# Wales/Уэльс) but Washington is Вашингтон; Latin Au is Cyrillic Ав (Australia/Австралия); h after j or g, or after
# Jo, is silent (John/Джон); a c before e may be read k (Macedonia/Македония), a g before e or i j (George/Джордж);
# a short name's vowels are all it has (Lee/Лий, May/Мей); a hyphenated name holds its parts' keys (Нью-Йорку/York).
# Only claim comparison uses these looser keys, to decide that a name is not missing from the other side; grouping's
# shared names keep the strict key.
_SILENT_H = re.compile(r"(?<=[jg])h|(?<=^j[aeiou])h")
_VOWEL_RUN = re.compile(r"[aeiouy]+")
_SOFT_G = re.compile(r"g(?=[eiy])")  # English g before e, i, y is Cyrillic дж (George/Джордж, Virginia/Вирджиния)


@functools.lru_cache(maxsize=65536)
def loose_keys(word: str) -> frozenset[str]:
    """The strict key of a word and its looser spellings (see above)."""
    lowered = _lowered(word)
    if lowered in ALIASES:
        return frozenset({ALIASES[lowered]})
    latin = _latin(lowered)
    keys = {entity_key(word), _skeleton_key(latin)}  # a stem's key and its spelling: West the compass point and Уэст
    for variant in {latin, latin.replace("c", "k"), _SOFT_G.sub("j", latin)}:
        variant = _SILENT_H.sub("", _spelt(variant))
        skeleton = _consonants(variant)
        if len(skeleton) >= 3 and skeleton[0] == "v":
            keys.add(skeleton[1:4])
        keys.add(skeleton[:3] if len(skeleton) >= 2 else _VOWEL_RUN.sub("a", variant))
    if "-" in word:  # Нью-Йорку: York is its second part
        for part in word.split("-"):
            if len(part) >= 2:
                keys |= loose_keys(part)
    return frozenset(keys)


# Nationality adjectives English capitalises ("Russian President"): not names, but where the other side names the
# country ("президент России") they are its name
DEMONYMS = {
    "russian": "Russia", "russians": "Russia", "soviet": "Russia", "ukrainian": "Ukraine", "ukrainians": "Ukraine",
    "european": "Europe", "europeans": "Europe", "american": "USA", "americans": "USA", "turkish": "Turkey",
    "israeli": "Israel", "swedish": "Sweden", "german": "Germany", "french": "France", "british": "Britain",
    "polish": "Poland", "chinese": "China", "bulgarian": "Bulgaria", "hungarian": "Hungary", "romanian": "Romania",
    "georgian": "Georgia", "moldovan": "Moldova", "belarusian": "Belarus", "iranian": "Iran", "syrian": "Syria",
    "palestinian": "Palestine", "korean": "Korea", "japanese": "Japan", "italian": "Italy", "spanish": "Spain",
    "finnish": "Finland", "norwegian": "Norway", "danish": "Denmark", "dutch": "Netherlands", "belgian": "Belgium",
    "austrian": "Austria", "swiss": "Switzerland", "czech": "Czechia", "slovak": "Slovakia", "serbian": "Serbia",
    "greek": "Greece", "arab": "Arabia", "indian": "India", "pakistani": "Pakistan",
    "western": "West", "eastern": "East", "northern": "North", "southern": "South",
}
_NOT_NAMES |= set(DEMONYMS)


def mentions(text: str) -> list[Mention]:
    """Entity mentions in one sentence."""
    return list(_mentions(text))


@functools.lru_cache(maxsize=65536)
def _mentions(text: str) -> tuple[Mention, ...]:
    # the findings ask for a sentence's mentions once per claim and speaker rule: read each sentence once
    found = []
    for match in _TOKEN.finditer(text):
        word = match.group(0)
        if len(word) < 2 or word.lower() in _NOT_NAMES:
            continue
        is_acronym = word.isupper() and len(word) <= 6
        at_start = bool(_SENTENCE_START.search(text[: match.start()]))
        if at_start and not is_acronym:
            continue
        found.append(Mention(word, entity_key(word), match.start()))
    return tuple(found)


def capitalised_keys(text: str) -> set[str]:
    """The keys of every capitalised word of a sentence, its first word included: what a name found in another
    sentence is looked for in, so a name that opens one translation and sits mid-sentence in the other (where
    :func:`mentions` finds it) is not reported as missing from the first."""
    words = [m.group(0) for m in _TOKEN.finditer(text) if len(m.group(0)) >= 2]
    return {entity_key(DEMONYMS.get(w.lower(), w)) for w in words if w.lower() in DEMONYMS or w.lower() not in _NOT_NAMES}


# A word that only opens a two-word name (New York, San Marino, St Petersburg; Ню Йорк) says nothing alone
NAME_OPENERS = {"new", "san", "st", "ню", "нью", "сан"}
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.U)


@functools.lru_cache(maxsize=65536)
def sentence_loose_keys(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The looser keys (:func:`loose_keys`) of a sentence's capitalised words, and of its lower-case words of five
    letters or more: where English capitalises a party, a body or a people ("Labour", "the Senate", "Democrats") and
    ru/uk/bg write the word small ("лейбористы", "сенат"), or an adjective stands for a country ("индонезийские")."""
    capitalised: set[str] = set()
    for word in (m.group(0) for m in _TOKEN.finditer(text) if len(m.group(0)) >= 2):
        # every capitalised word, those that are no names too: "May" may be Theresa May (Мей)
        capitalised |= loose_keys(DEMONYMS.get(word.lower(), word))
    small: set[str] = set()
    for word in (m.group(0) for m in _WORD.finditer(text) if len(m.group(0)) >= 5 and m.group(0)[0].islower()):
        small |= loose_keys(word)
    return frozenset(capitalised), frozenset(small)


def named_elsewhere(mention: Mention, other: str, own: str | None = None) -> bool:
    """Whether sentence ``other`` names what ``mention`` (of sentence ``own``) names, spelt more loosely than its key:
    a capitalised word with one of its looser keys, or (for a name keyed by three letters, not an acronym) a
    lower-case word of five letters or more with one (two-letter keys and acronyms are too short to look for among
    common words); an acronym of three letters or more whose letters open the words of ``other`` (РХБЗ and
    "радиационной, химической и биологической защиты", SBU and "Служба безпеки України"); or, given ``own``, a first
    name whose surname the other sentence has ("Игорь Кириллов" where the other sentence has "Кирилов")."""
    if mention.surface.lower() in NAME_OPENERS:
        return True
    capitalised, small = sentence_loose_keys(other)
    if _named_loosely(mention.surface, mention.key, capitalised, small):
        return True
    if mention.surface.isupper() and 3 <= len(mention.surface) <= 6 and _spelt_out(mention.surface, other):
        return True
    if own is not None and not mention.surface.isupper():  # an acronym before a name is no part of it ("США Джо Байдена")
        return any(_named_loosely(part.surface, part.key, capitalised, small) for part in _same_name(mention, own)
                   if not part.surface.isupper())
    return False


def _named_loosely(surface: str, strict: str, capitalised: frozenset[str], small: frozenset[str]) -> bool:
    keys = loose_keys(surface)
    if keys & capitalised:
        return True
    # a name of two consonants gains a third in a case ending (Джон, Джоном)
    if any(len(k) == 2 and k.isalpha() and any(c.startswith(k) for c in capitalised) for k in keys):
        return True
    if any(len(k) == 3 and k[:2] in capitalised for k in keys):
        return True
    return len(strict) == 3 and strict.isalpha() and not surface.isupper() and bool(keys & small)


# words an acronym's letters skip ("войска радиационной, химической и биологической защиты"): function words, and
# prepositions of one or two letters ("с", "в"), which would give any sentence many three-letter runs of initials
_ACRONYM_SKIPS = {"и", "й", "і", "та", "на", "of", "and", "the", "for", "de"}
ACRONYM_WORD_LETTERS = 3


@functools.lru_cache(maxsize=65536)
def _initials(text: str) -> str:
    """The Latin spelling of the first letters of a sentence's words (function words skipped)."""
    return "".join(w[0] for w in (m.group(0).lower() for m in _WORD.finditer(text))
                   if w not in _ACRONYM_SKIPS and len(w) >= ACRONYM_WORD_LETTERS).translate(_TRANSLIT)


def _spelt_out(acronym: str, other: str) -> bool:
    letters = acronym.lower().translate(_TRANSLIT)
    return len(letters) >= 2 and letters in _initials(other)


def _same_name(mention: Mention, text: str) -> list[Mention]:
    """The words of the name ``mention`` opens: the mentions of ``text`` right after it, with nothing but a space or
    a hyphen between them (Кириллов after Игорь). Only later words stand for earlier ones: a first name on the other
    side may be another person's (Майк Помпео, Майк Пенс), a surname says who is meant."""
    found = mentions(text)
    at = next((k for k, m in enumerate(found) if m.start == mention.start), None)
    if at is None:
        return []
    run = [at]
    k = at
    while k + 1 < len(found):
        left, right = found[k], found[k + 1]
        if not re.fullmatch(r"[\s-]+", text[left.start + len(left.surface) : right.start]):
            break
        k += 1
        run.append(k)
    return [found[k] for k in run if k != at]


def document_entities(sentences: Iterable[str]) -> Counter[str]:
    """Entity keys of a document with their mention counts."""
    counts: Counter[str] = Counter()
    texts = list(sentences)
    for text in texts:
        counts.update(m.key for m in mentions(text))
    return counts


def surface_forms(sentences: Iterable[str]) -> dict[str, str]:
    """The most frequent surface form of each key, for display."""
    forms: dict[str, Counter[str]] = {}
    for text in sentences:
        for m in mentions(text):
            forms.setdefault(m.key, Counter())[m.surface] += 1
    return {key: c.most_common(1)[0][0] for key, c in forms.items()}


# Two spellings of one person's name, for the findings (who said it): looser than the keys above, a name compared with
# another as a whole (consonant skeletons, a similarity ratio), since a speaker is one word against a sentence's few.
# two consonant skeletons this alike (difflib ratio) are one name spelt two ways
NAME_SIMILARITY = 0.8


def _latin_letters(word: str, g_as_h: bool = False, c_as_ch: bool = False) -> str:
    """A name in plain Latin letters (the entity keys' table, with дж/ж = j and th = t); ``g_as_h``: Ukrainian
    г and Latin g read as h (Голлі = Холи = Holly); ``c_as_ch``: Romanian and Italian c before e or i read as ч
    (Ciolacu = Чолаку, the i before another vowel only softening it)."""
    lowered = word.lower().replace("sch", "sh").replace("tz", "ts").replace("ck", "k").replace("x", "ks")  # Alexander = Олександр
    if c_as_ch:
        lowered = re.sub(r"c(?=[ei])", "ч", re.sub(r"ci(?=[aou])", "ч", lowered))
    # a soft c reads as s before e, i, y (Vance = Вэнс, Lucy = Люси)
    lowered = re.sub(r"c(?=[eiy])", "s", lowered)
    pairs = (("дж", "j"), ("ж", "j"), ("й", "i"), ("х", "h"), *((("г", "h"),) if g_as_h else ()),
             ("ц", "ts"), ("ч", "ch"), ("ш", "sh"), ("щ", "sh"))
    for cyrillic, latin in pairs:
        lowered = lowered.replace(cyrillic, latin)
    latin = lowered.translate(_TRANSLIT).replace("th", "t")  # the same table as entity keys
    if g_as_h:
        latin = latin.replace("g", "h")
    return re.sub(r"[^a-z]", "", latin.replace("y", "i").replace("w", "v").replace("c", "k").replace("q", "k"))


def name_keys(word: str) -> set[str]:
    """Loose cross-script keys of a name (Джордан = Jordan, Спит = Spieth, Уотерс = Вотерс = Waters): the first
    three consonants, once as they are and once without v/w (W is В or У in Cyrillic), if still two long."""
    latin = _latin_letters(word)
    keys = set()
    for dropped in ("aeiou", "aeiouv"):
        skeleton = re.sub(r"(.)\1+", r"\1", re.sub(f"[{dropped}]", "", latin))
        if len(skeleton) >= 2 or dropped == "aeiou":
            keys.add(skeleton[:3] or latin)
    return keys


def latin_name(word: str, c_as_ch: bool = False) -> str:
    """A name as consonants in plain Latin letters, for fuzzy comparison (Голлі, Холи, Holly -> "hl"); the
    hissing sounds that transliterations spell each their own way are one letter (Scholz = Шольц, Josep =
    Жозеп: "sls", "sp"); ``c_as_ch``: see :func:`_latin_letters`."""
    latin = re.sub(r"sch|sh|zh|ch|ts|tz|z|j", "s", _latin_letters(word, g_as_h=True, c_as_ch=c_as_ch))
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouv]", "", latin))


def _with_v(word: str) -> str:
    """:func:`latin_name`'s consonants with v kept."""
    latin = re.sub(r"sch|sh|zh|ch|ts|tz|z|j", "s", _latin_letters(word, g_as_h=True))
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiou]", "", latin))


def _soft_j(word: str) -> str:
    """A Latin spelling's j that Cyrillic writes as a soft vowel or sign: Jaka = Яка, Bizilj = Бизиль (a South Slavic
    name, navalny_poisoning, stop 43). Cyrillic words are left as they are."""
    if re.search(r"[а-яёіїєґ]", word.lower()):
        return word
    return re.sub(r"(?<=[ln])j(?![aeiou])", "", re.sub(r"^[jy](?=[aeiou])", "", word.lower()))


def same_name(x: str, y: str) -> bool:
    """Two spellings of one name across scripts and transliterations (Парк/Пак, Ван/Vann, Холи/Голлі/Holly; a
    Romanian c before e or i as ч: Ciolacu/Чолаку; a French ch as ш: Zourabichvili/Зурабишвили); a hyphenated given
    name by either half (Dong-hoon/Хун)."""
    if "-" in x.strip("-") or "-" in y.strip("-"):
        return any(same_name(p, q) for p in x.split("-") if p for q in y.split("-") if q)
    (a, a_ch, a_sh, a_j), (b, b_ch, b_sh, b_j) = (
        (latin_name(w), latin_name(w, c_as_ch=True), latin_name(w.lower().replace("ch", "sh")), latin_name(_soft_j(w))) for w in (x, y))
    # (one consonant left is little to go on: "Иванов" and "Анна" both leave "n" once v goes; with v they differ)
    v_agrees = _with_v(x) == _with_v(y) or "v" not in _latin_letters(x) + _latin_letters(y)
    if any(p == q != "" and (len(p) > 1 or v_agrees) for p in (a, a_ch, a_sh, a_j) for q in (b, b_ch, b_sh, b_j)):
        return True
    from difflib import SequenceMatcher

    if not a and not b:
        # a name of vowels but one (Joe / Джо): no consonant is left to compare; the same first letter then
        first = _latin_letters(x, g_as_h=True)[:1], _latin_letters(y, g_as_h=True)[:1]
        return bool(first[0]) and first[0] == first[1]
    if a and b and min(len(a), len(b)) < 2 and max(len(a), len(b)) <= 2 and v_agrees:
        # John / Джон: "hn" / "n", an h that transliterations add or drop (in a short name only: Георги's "hrh" is not
        # Ейр's "r")
        return a.replace("h", "") == b.replace("h", "")
    if not a or not b:
        return False
    return (a == b and (len(a) > 1 or v_agrees)) or (min(len(a), len(b)) >= 2 and SequenceMatcher(None, a, b).ratio() >= NAME_SIMILARITY)


def name_key(word: str) -> str:
    """The first of :func:`name_keys` (with v kept): the key a speaker is listed under."""
    return sorted(name_keys(word), key=len, reverse=True)[0]
