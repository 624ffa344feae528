"""Hard-wrapped text (a newspaper PDF page's text) joined into paragraphs again; page shape T, stop 39."""

from __future__ import annotations

from framing.ingest import documents_from_texts
from framing.ingest.boilerplate import is_running_head, running_head_name
from framing.ingest.unwrap import is_hard_wrapped, unwrap

# written for this test: a printed page's text as pdftotext gives it
PAGE = """4 | FRIDAY, MAY 16, 2025 | THE LAKESIDE HERALD

TRANSPORT

Ferry service to return to
the north shore in June

By TOM WELLS

The county will restart the ferry between Harbor Point and the north
shore on June 2, three years after the last boat was taken out of ser-
vice, officials said on Thursday.
The new vessel can carry 120 passengers and 14 cars, and will make
six round trips a day in summer. Fares will stay at $4 for adults and
$2 for children and seniors.
Council member Rosa Diaz said the route would take pressure off the
bridge, where traffic doubles on weekends. "People have waited a long
time for this," she said.

See FERRY, Page A7
"""

# the same texts as a user usually saves them: one line a paragraph
PLAIN = """Ferry service to return to the north shore in June

The county will restart the ferry between Harbor Point and the north shore on June 2, officials said on Thursday.

country-wide fares stay the same, the operator added
"""


def test_a_pdf_pages_lines_are_joined_into_paragraphs_and_its_hyphens_mended():
    lines = [line.strip() for line in PAGE.split("\n")]
    assert is_hard_wrapped(lines)
    text = unwrap(PAGE)
    assert "Ferry service to return to the north shore in June" in text.split("\n")
    assert ("The county will restart the ferry between Harbor Point and the north shore on June 2, three years after "
            "the last boat was taken out of service, officials said on Thursday.") in text.split("\n")
    # a line ending a sentence ends its paragraph; a byline and a label stay lines of their own
    assert "By TOM WELLS" in text.split("\n") and "TRANSPORT" in text.split("\n")
    (document,) = documents_from_texts([(PAGE, {"id": "page"})])
    assert document.title == "Ferry service to return to the north shore in June"
    assert "Fares will stay at $4 for adults and $2 for children and seniors." in [s.text for s in document.sentences]
    assert document.outlet == "THE LAKESIDE HERALD" and document.date == "2025-05-16"
    assert {"See FERRY, Page A7", "4 | FRIDAY, MAY 16, 2025 | THE LAKESIDE HERALD"} <= {s.text for s in document.removed}


def test_text_with_a_paragraph_a_line_is_left_as_it_is():
    assert unwrap(PLAIN) == PLAIN
    assert unwrap("") == ""


def test_a_word_broken_at_a_line_end_is_mended_as_the_dictionary_reads_it():
    page = "\n".join(["Обласна адміністрація виділила 48 мільйонів гри-", "вень на укриття, повідомив заступник-",
                      "голови в понеділок, і роботи мають завершити до", "грудня, щоб діти могли вчитися", "у класах, а не в коридорах."])
    text = unwrap(page)
    assert "48 мільйонів гривень на укриття" in text and "заступник-голови" in text and "\n" not in text


def test_a_running_head_is_told_from_a_menu_and_a_table_row():
    assert is_running_head("ДУНАВСКИ БРЯГ | ЧЕТВЪРТЪК, 20 МАРТ 2025 Г. | СТР. 5")
    assert is_running_head("lakesideherald.com | Newsroom 555-0100")
    assert not is_running_head("Home | News | Maryland | Sports | Opinion")
    assert not is_running_head("Party | 32.4% | 120 seats")
    assert running_head_name("6  «ВОЛЖСКАЯ ЗАРЯ» | вторник, 14 ноября 2023 года | № 87 (15402)") == "ВОЛЖСКАЯ ЗАРЯ"
    assert running_head_name("ДУНАВСКИ БРЯГ | ЧЕТВЪРТЪК, 20 МАРТ 2025 Г. | СТР. 5") == "ДУНАВСКИ БРЯГ"
