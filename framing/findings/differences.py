"""What differs between two aligned claims: numbers, dates, names, attribution, quoting, hedging.

Numbers are compared as values ("1,35 млрд." and "$1.35bn" are both 1.35e9), dates by month and day
("13 ноября" = "Nov 13"), names by their cross-script keys (Блинкен = Блінкен = Blinken), so languages
do not create false differences.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ..frames import Lexicon, find_signals
from ..ingest.metadata import find_dates
from ..match import entities

_SCALES = [
    (re.compile(r"^(?:млрд|миллиард|мільярд|милиард|billion|bn)", re.I), 1e9),
    (re.compile(r"^(?:млн|миллион|мільйон|милион|million|mn|m\b)", re.I), 1e6),
    (re.compile(r"^(?:тыс|тис|хил|thousand|k\b)", re.I), 1e3),
]
_NUMBER = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:[ \u00a0]\d{3})+|\d{1,3}(?:,\d{3})+(?![\d,])|\d+(?:[.,]\d+)?)(\s*%|\s*[-‑]?\s*[A-Za-zА-Яа-яІіЇїЄє]+\.?)?"
)
# words that join two numbers or a number to what follows, not what is counted
_LINK_WORD = re.compile(r"to|and|or|of|in|on|at|by|for|from|than|до|и|или|в|во|на|по|с|со|от|из|і|й|та|або|у|з|із|від|за|към", re.I)
# a number that is part of a name: "a Group of 20 summit", "G-7" (in "G20" the digits are inside a word already), a
# treaty's article ("Article 5", "статьи 5", "статті 5", "член 5": hague_summit's "5 depended" beside "2%")
# ... or a model's, a disease's or an aircraft's name, letters and a hyphen before the digits ("DF-61", "JL-1", "COVID-19",
# "F-16", "Су-35": beijing_parade's missiles and biden_withdrawal's COVID-19 made number findings)
# ... or a stock index's, a road's or a plane's ("CAC 40", "FTSE 100", "Interstate 695", "Boeing 737": macron_dissolution's
# "CAC 40 потерял" and key_bridge's "695 around" were read as counts)
_IN_A_NAME = re.compile(r"(?:\bgroup of\s*|\b[GГ]-|\b(?:article|art\.|стать\w*|статт\w*|член\w*|чл\.)\s*|"
                        r"(?<![\w-])[A-Za-zА-Яа-яЁёІіЇїЄєҐґ]{1,8}[-‑]|"
                        r"\b(?:CAC|FTSE|DAX|S&P|IBEX|MOEX|Nikkei|Stoxx|Interstate|Route|Highway|Boeing|Airbus)\s+)$", re.I)
# what joins the two ends of a range ("11-12", "11 to 12", "от 11 до 12", "11 или 12")
_RANGE_JOINT = re.compile(r"\s*(?:[-‑–—]|to|or|and|до|или|и|або|чи|та|і|й)\s*", re.I)
# a range of days in one month: its first end is a date of that month too ("с 19 по 22 августа", "19–22 серпня",
# "from August 19 to 22"; biden_withdrawal set "19" against "19 августа")
_DAY_BEFORE_MONTH = re.compile(r"(?<![\d.,:])(\d{1,2})\s*(?:[-‑–—]|по|до|to|through|and|и|і|та)\s*(\d{1,2}\s+[^\W\d_]+)", re.I)
_MONTH_THEN_DAYS = re.compile(r"([A-Z][a-z]+\.?\s+\d{1,2})\s*(?:[-‑–—]|to|through|and)\s*(\d{1,2})(?!\d|[:.,]\d|\s*%)")
_PERCENT_WORD = re.compile(r"^(?:процент|відсот|процента|percent|per\s*cent)", re.I)
_DATE_WORD = re.compile(r"^\s*(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр|"
                        r"січ|лют|берез|квіт|травн|черв|лип|серп|верес|жовт|листопад|груд|"
                        r"януари|февруари|април|юни|юли|септември|октомври|ноември|декември)", re.I)


@dataclass(frozen=True)
class Difference:
    kind: str  # number, date, entity, attribution, quote, hedging, loaded
    only_in: str  # "a" or "b"
    value: str

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "only_in": self.only_in, "value": self.value}


# a clock time: 17:30, 7.55am, 6 a.m. (not "1.05 million", not the "5:10" inside the score "16,5:10,5")
_TIME = re.compile(
    r"(?<![\d.,])\d{1,2}:\d{2}(?![\d.,]\d)(?:\s*(?:am|pm|a\.m\.|p\.m\.))?|\b\d{1,2}\.\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)|"
    r"\b\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.)(?!\w)",
    re.I,
)
# measures translators convert (385 miles = 620 km): the word's first letters and the factor to the base unit (metres,
# kilograms), so that a measure is compared with another in one unit (140 metres is no 35 miles: read as 140 against
# 56 km, butler_rally made a number finding of them)
_IMPERIAL = [
    (re.compile(r"^(?:miles?|mph|мил[иья]|милі|миль|милях|милями)(?!\w)", re.I), 1609.344),  # not "милиона"
    (re.compile(r"^(?:inch|дюйм|инч)", re.I), 0.0254),
    (re.compile(r"^(?:f(?:oo|ee)t|фут(?!б)|фута|футов|футів)", re.I), 0.3048),
    (re.compile(r"^(?:pound|lb|фунт)", re.I), 0.45359237),
    (re.compile(r"^(?:yard|ярд)", re.I), 0.9144),
]
# metric measures, which translators round when they convert (10 inches = 25,4 см = 25 см), and their factors
_METRIC_UNITS = [
    (re.compile(r"^(?:km|км|kilomet|километ|кіломет)", re.I), 1000.0),
    (re.compile(r"^(?:cm|см)", re.I), 0.01),
    (re.compile(r"^(?:mm|мм)", re.I), 0.001),
    (re.compile(r"^(?:тонн|тон|tonne)", re.I), 1000.0),
    (re.compile(r"^(?:kg|кг|кило|кіло|kilo|метр|metre|meter|m\b|м\b|литр|літр|litre|liter)", re.I), 1.0),
]


def _unit(word: str) -> tuple[str, int, float] | None:
    """The unit ``word`` opens with: its system, which of the system's units, and the factor to the base unit."""
    for system, units in (("metric", _METRIC_UNITS), ("imperial", _IMPERIAL)):
        for index, (pattern, factor) in enumerate(units):
            if pattern.match(word):
                return system, index, factor
    return None


def unit_factor(word: str) -> float | None:
    """The factor that takes a measure in the unit ``word`` opens with to its base unit (m, kg, l); None if no unit."""
    unit = _unit(word)
    return unit[2] if unit else None


def measure_unit(surface: str) -> tuple[str, int] | None:
    """The unit an amount's surface text gives ("2,6 км": ("metric", 0)): its system and which of the system's units;
    None for a bare figure. An outlet that converts a measure changes its system (miles into kilometres), not its
    metric unit: 2.6 km against a 300-metre ship are two facts, not one length told differently."""
    unit = _unit(re.sub(r"^[\d\s\u00a0.,]+", "", surface).lstrip("-‑ "))
    return unit[:2] if unit else None


# a range of a measure: its first end, a range's joint (as _numbers_in reads one) and the second end with its unit
_UNIT_RANGE = re.compile(rf"(?<![\d.,])(\d+(?:[.,]\d+)?){_RANGE_JOINT.pattern}\d+(?:[.,]\d+)?\s*([^\W\d_]+)", re.I)
# a converted or metric measure agrees with another this close (translators round: 85 miles = 135 km)
CONVERTED_TOLERANCE = 0.03
# a score: two small numbers joined by a colon or a dash, not a range of something ("11–12 тысяч", "2-3 km",
# "18-year-old")
_SCORE = re.compile(
    r"(?<![\d.,:\w])(\d{1,2}) ?[:\-–] ?(\d{1,2})(?!\d|[.,:]\d|\s*%|\s*[-–]?\s*(?:годишн|річн|летн|year|тыс|тис|хил|thousand|млн|"
    r"млрд|million|billion|km|км|mile|мил|час|годин|hour|день|дн|day|недел|тижн|week|месяц|місяц|month|лет|рок|years?\b|%))", re.I
)
# a dateline opening a sentence ("BRUSSELS, Nov 13 (Reuters) - ", "Брюксел, 13 ноември (Балкан Прес) – ",
# "БРЮССЕЛЬ, 13 ноября. /ТАСС/. "): its date says when the outlet wrote, not what happened
_DATELINE = re.compile(r"^[^\n,]{2,40},\s*[^,()/\n]{3,30}?\s*(?:(?:\([^)\n]{1,40}\)\s*)?[-–—]\s|\.?\s*/[^/\n]{1,40}/\.?\s)")
# dates in a claim: of any year (a page's own stamps are looked for in 1901-2099 only)
ANY_YEAR = (1, 9999)


@functools.lru_cache(maxsize=65536)
def _dates_found(text: str) -> tuple:
    """:func:`find_dates` of any year, read once per sentence (the findings ask for a sentence's amounts many times)."""
    return tuple(find_dates(text, ANY_YEAR))


def _without_dates(text: str) -> str:
    """The text with its dates ("30 вересня 1882", "September 30", "12.11.2024") blanked out."""
    for found in _dates_found(text):
        text = text[: found.position] + " " * (found.end - found.position) + text[found.end :]
    return text


# A sum given again in another currency right after itself ("1.6 billion pounds ($2 billion)", "£1.6bn, about $2bn,",
# "1,6 млрд фунтов (около 2 млрд долларов)"): wire copy converts, and the converted figure is the same sum, not a
# second one to set against another outlet's figures (london_summit: "$2 billion" read as disputing a "£2.26 billion"
# loan). Only where a figure stands at most two words before it.
_APPROX = r"(?:about|around|roughly|some|approximately|nearly|almost|over|more than|около|приблизно|близько|близо|почти|майже|понад|свыше|над)"
_CURRENCY_WORD = (r"(?:dollars?|euros?|pounds?|долл\w*|дол\w*|евро|євро|фунт\w*|гривен\w*|гривн\w*|гривень|рубл\w*|лева|левове|лв\.?)")
_SCALE_WORD = (r"(?:bn|billion|million|mn|trillion|млрд\.?|млн\.?|трлн\.?|милиард\w*|милион\w*|мільярд\w*|мільйон\w*|"
               r"миллиард\w*|миллион\w*|тыс\.?|тис\.?|хил\.?)")
_CONVERSION = re.compile(
    rf"(?:\s*\(\s*{_APPROX}?\s*(?:(?:US|A|C)?[$€£¥₴₽]\s?\d[\d\s.,]*(?:\s?{_SCALE_WORD})?|"
    rf"\d[\d\s.,]*\s?(?:{_SCALE_WORD}\s?)?{_CURRENCY_WORD})\s*\)"
    rf"|,\s*{_APPROX}\s+(?:US|A|C)?[$€£¥₴₽]\s?\d[\d\s.,]*(?:\s?{_SCALE_WORD})?(?=[,;)]|\s))",
    re.I,
)
_FIGURE_BEFORE = re.compile(r"\d[\d.,]*\s*(?:\S+\s+){0,2}\S*$")


def _without_conversions(text: str) -> str:
    """The text with each sum given again in another currency right after a figure blanked out."""
    for m in reversed(list(_CONVERSION.finditer(text))):
        if _FIGURE_BEFORE.search(text[max(0, m.start() - 40) : m.start()]):
            text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]
    return text


def _amount_text(text: str) -> str:
    """The text as amounts are read from it: "per cent" as one word, dates, clock times and a sum's conversion into
    another currency blanked out."""
    prepared = _without_conversions(_without_dates(re.sub(r"per cent", "percent", text, flags=re.I)))
    return _TIME.sub(lambda m: " " * len(m.group(0)), prepared)


def numbers(text: str) -> dict[str, str]:
    """Normalised value -> surface text of each amount in the sentence (times, dates and years excluded)."""
    return _numbers_in(_amount_text(text))


def _numbers_in(text: str) -> dict[str, str]:
    """:func:`numbers` on a text :func:`_amount_text` has prepared."""
    read: list[tuple[re.Match, float, float, bool, bool]] = []  # match, value, scale, percent, shown with its word
    for m in _NUMBER.finditer(text):
        digits, tail = m.group(1), (m.group(2) or "")
        if _DATE_WORD.match(tail) or re.fullmatch(r"(19|20)\d\d", digits) and "%" not in tail or _IN_A_NAME.search(text[: m.start()]):
            continue
        compact = digits.replace(" ", "").replace("\u00a0", "")
        # "25,000" is English thousands; "1,35" a Slavic decimal comma
        compact = compact.replace(",", "") if re.fullmatch(r"\d{1,3}(?:,\d{3})+", compact) else compact.replace(",", ".")
        word = tail.strip().lstrip("-‑").strip()
        # "5 на сто" (Bulgarian: five per hundred) is 5%
        per_hundred = word.lower() == "на" and bool(re.match(r"\s+сто\b", text[m.end():]))
        percent = "%" in tail or bool(_PERCENT_WORD.match(word)) or per_hundred
        scale = next((factor for pattern, factor in _SCALES if pattern.match(word)), 1.0)
        # the word after a number is shown when it says what is counted ("10,000 soldiers", "300 km"), not when it
        # starts a name ("10,000 North Korean troops") or links a range ("11,000 to 12,000")
        counted = "%" in tail or (word[:1].islower() and not _LINK_WORD.fullmatch(word.rstrip(".")))
        read.append((m, float(compact), scale, percent, counted or per_hundred))
    # a range gives its scale and its per cent to the number before it: "11-12 тысяч", "от 10 до 15 млн", "5 or 6 per cent"
    for k in range(len(read) - 2, -1, -1):
        m, value, scale, percent, counted = read[k]
        after = read[k + 1]
        joint = ("" if counted else m.group(2) or "") + text[m.end() : after[0].start()]  # "11 до" + " " + "12 тысяч"
        if scale == 1.0 and not percent and not counted and _RANGE_JOINT.fullmatch(joint):
            read[k] = (m, value, after[2], after[3], counted)
    found: dict[str, str] = {}
    for m, value, scale, percent, counted in read:
        value *= scale
        key = f"{value:g}%" if percent else f"{value:g}"
        tail = (m.group(2) or "") + (" сто" if (m.group(2) or "").strip().lower() == "на" else "") if counted else ""
        # the sentence's full stop, not an abbreviation's ("млн."): after a longer word, or where the text ends
        if tail.endswith(".") and (len(tail.strip(" .-‑")) > 4 or not text[m.end():].strip(" »\"”'’)")):
            tail = tail[:-1]
        found[key] = " ".join((m.group(1) + tail).split())  # a blanked date or time between leaves no run of spaces
    return found


def amounts(text: str) -> dict[tuple[str, ...], str]:
    """Each amount of :func:`numbers` and each date, as the keys it may be compared by -> its surface text.
    A measure also gets its value in its base unit (metres, kilograms, litres), marked approximate: "136794~" for
    "85 miles", "250~" for "0,25 км" (translators round what they convert); a date is keyed by month and day
    ("date 09-30" for "30 вересня 1882" and "September 30"), so a changed day is a changed amount; a score
    ("2:2", "5-3") by its pair."""
    found: dict[tuple[str, ...], str] = {}
    blanked = _amount_text(text)
    for key, surface in _numbers_in(blanked).items():
        word = re.sub(r"^[\d\s\u00a0.,]+", "", surface).lstrip("-‑ ")
        if re.fullmatch(r"[\d\s\u00a0.,]+[-‑](?!км|кг|см|мм)[а-яёіїєґ]{1,3}", surface, re.I):  # an ordinal's ending ("41-м веке", "17-ти")
            word = ""
        keys = [key]
        factor = unit_factor(word)
        if factor is not None and not key.endswith("%"):
            keys.append(f"{float(key) * factor:g}~")
        found[tuple(keys)] = surface
    # a range's first end is in the unit its second end gives ("2,5–3 километра", "from 2.5 to 3 kilometres"): a measure
    # too, not a bare figure to set against another outlet's "Mach 10" (oreshnik_strike made a number finding of it)
    for m in _UNIT_RANGE.finditer(blanked):
        factor = unit_factor(m.group(2))
        first = next((keys for keys, surface in found.items() if surface.strip() == m.group(1)
                      and not any(k.endswith("~") for k in keys) and not keys[0].endswith("%")), None)
        if factor is not None and first is not None:  # in its place, so that summaries keep the text's order
            found = {(*keys, f"{float(keys[0]) * factor:g}~") if keys == first else keys: surface for keys, surface in found.items()}
    for key, surface in dates(text).items():
        found.setdefault((f"date {key}",), surface)
    for bare, dated, first in [(m.group(1), m.group(2), True) for m in _DAY_BEFORE_MONTH.finditer(text)] + \
                              [(m.group(2), m.group(1), False) for m in _MONTH_THEN_DAYS.finditer(text)]:
        month = next(iter(dates(dated)), None)
        # the range's first day may have taken the blanked date's place as its word ("20-22 березня": "20- відвідає")
        plain = next((keys for keys, surface in found.items() if re.match(rf"{bare}(?![\d.,])", surface.strip())
                      and keys == (f"{float(bare):g}",)), None)
        if month is not None and plain is not None and 1 <= int(bare) <= 31:
            word = dated.split()[-1] if first else dated.split()[0]
            found = {(f"date {month[:2]}-{int(bare):02d}",) if keys == plain else keys: (f"{bare} {word}" if first else f"{word} {bare}")
                     if keys == plain else surface for keys, surface in found.items()}
    # a score ("2:2", "5-3"): the pair is one amount, besides its two numbers (so "10-15" against "от 10 до 15"
    # is no disagreement, while "2:2" against "7-2" is); told from either side: the loser's outlet writes "0:5" where
    # the winner's writes "5-0" (ucl_final, held out, made a number finding of it)
    for m in _SCORE.finditer(blanked):
        high, low = sorted((int(m.group(1)), int(m.group(2))), reverse=True)
        found.setdefault((f"score {high}:{low}",), m.group(0))
    return found


def same_amount(a: str, b: str) -> bool:
    """Two keys of :func:`amounts` name one amount: equal, or within CONVERTED_TOLERANCE where one is a
    converted or metric measure."""
    if a == b:
        return True
    if _rounded_alike(a, b):
        return True
    if a.endswith("%") != b.endswith("%") or not (a.endswith("~") or b.endswith("~")) or " " in a + b:  # "date 09-30", "score 2:2": equal or not
        return False
    x, y = float(a.rstrip("%~")), float(b.rstrip("%~"))
    return abs(x - y) <= CONVERTED_TOLERANCE * max(abs(x), abs(y))


def _rounded_alike(a: str, b: str) -> bool:
    """Two figures of which one is the other rounded to fewer decimals ("52%" and "52,14%", "31%" and "31.4%": outlets
    round a result each their own way, which is no disagreement; "52.18%" against "52.14%" is one)."""
    if a.endswith("%") != b.endswith("%") or any(c in a + b for c in " ~"):
        return False
    x, y = a.rstrip("%"), b.rstrip("%")
    if "e" in x + y:  # "33 млн" and "32,9 млн" (3.3e+07, 3.29e+07): the same power, the coarser of two digits or more
        (x, power_x), (y, power_y) = (v.split("e") if "e" in v else (v, "0") for v in (x, y))
        if int(power_x) != int(power_y) or min(len(v.replace(".", "").lstrip("0")) for v in (x, y)) < 2:
            return False
    places = [len(v.split(".")[1]) if "." in v else 0 for v in (x, y)]
    if places[0] == places[1]:
        return False
    step = Decimal(1).scaleb(-min(places))
    return Decimal(x).quantize(step, ROUND_HALF_UP) == Decimal(y).quantize(step, ROUND_HALF_UP)


def dates(text: str) -> dict[str, str]:
    """Month-day key ("09-30") -> surface text of each date in the sentence, in any of the four languages
    (not a dateline's)."""
    found: dict[str, str] = {}
    dateline = _DATELINE.match(text)
    for date in _dates_found(text):
        if dateline and date.position < dateline.end():
            continue
        found.setdefault(date.iso[-5:], text[date.position : date.end].strip(" ,."))
    return found


def compare_claims(a: str, b: str, lexicon: Lexicon | None = None) -> list[Difference]:
    """What claim ``a`` has that ``b`` lacks and back; signal cues from ``lexicon`` (default: the shipped one)."""
    diffs: list[Difference] = []
    na, nb = numbers(a), numbers(b)
    diffs += [Difference("number", "a", na[k]) for k in na if k not in nb]
    diffs += [Difference("number", "b", nb[k]) for k in nb if k not in na]
    ea = {m.key: m for m in entities.mentions(a)}
    eb = {m.key: m for m in entities.mentions(b)}
    # looked for among all capitalised words of the other side (a name that opens one sentence is not a mention
    # there), then spelt more loosely (Williams/Уильямс, Labour/лейбористы)
    in_a, in_b = entities.capitalised_keys(a), entities.capitalised_keys(b)
    diffs += [Difference("entity", "a", ea[k].surface) for k in ea
              if k not in eb and k not in in_b and not entities.named_elsewhere(ea[k], b, a)]
    diffs += [Difference("entity", "b", eb[k].surface) for k in eb
              if k not in ea and k not in in_a and not entities.named_elsewhere(eb[k], a, b)]
    da, db = dates(a), dates(b)
    diffs += [Difference("date", "a", da[k]) for k in sorted(da) if k not in db]
    diffs += [Difference("date", "b", db[k]) for k in sorted(db) if k not in da]
    sa, sb = find_signals(a, lexicon), find_signals(b, lexicon)
    for kind in ("attribution", "quote", "hedging", "loaded"):
        ka = [s.trigger for s in sa if s.kind == kind]
        kb = [s.trigger for s in sb if s.kind == kind]
        if kind == "quote":
            if bool(ka) != bool(kb):
                diffs.append(Difference("quote", "a" if ka else "b", "direct quote vs paraphrase"))
            continue
        if ka and not kb:
            diffs += [Difference(kind, "a", t) for t in ka]
        elif kb and not ka:
            diffs += [Difference(kind, "b", t) for t in kb]
    return diffs
