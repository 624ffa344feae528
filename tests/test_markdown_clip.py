"""Articles saved as Markdown by a web clipper (page shape BF, stop 47)."""

from pathlib import Path

from framing.ingest import load_documents
from framing.ingest.markdown import looks_like_markdown, markdown_to_text, plain_line

CLIP = """---
title: "Паводок в Великом Устюге: вода подошла к домам"
source: "https://dvinkray.ru/news/2025/04/22/zator-na-sukhone"
author:
  - "[[Ольга Шестакова]]"
published: 2025-04-22
created: 2025-04-27
tags:
  - "clippings"
---
# Затор на Сухоне: вода зашла в Великий Устюг

Уровень реки у Великого Устюга за сутки поднялся на **полтора метра**, сообщили в [МЧС](https://mchs.gov.ru).

![Затопленная улица в Великом Устюге](https://dvinkray.ru/img/1.jpg)

> «Ситуация серьёзная, но управляемая», — сказал глава округа.

- Пункты временного размещения открыты в двух школах города.
"""


def test_a_markdown_line_reads_as_its_words() -> None:
    assert plain_line("# Затор на Сухоне") == "Затор на Сухоне"
    assert plain_line("> «Ситуация серьёзная», — сказал он.") == "«Ситуация серьёзная», — сказал он."
    assert plain_line("- Подтоплены **около трёхсот** [домов](https://x.ru/a)") == "Подтоплены около трёхсот домов"
    assert plain_line("---") == ""


def test_a_clip_takes_its_published_date_and_address_not_the_clipping_day(tmp_path: Path) -> None:
    path = tmp_path / "clip.md"
    path.write_text(CLIP, encoding="utf-8")
    (document,) = load_documents([str(path)]).documents
    assert document.date == "2025-04-22" and "front matter" in document.metadata_source["date"]
    assert document.outlet == "dvinkray.ru"
    sentences = [s.text for s in document.sentences]
    assert sentences[0] == "Затор на Сухоне: вода зашла в Великий Устюг"
    assert any("полтора метра" in s and "**" not in s and "](" not in s for s in sentences)
    removed = " ".join(r.text for r in document.removed)
    assert "created: 2025-04-27" in removed and "![Затопленная улица" in removed  # listed, not lost


def test_only_a_clippers_front_matter_over_markdown_counts_as_a_clip() -> None:
    assert looks_like_markdown("anything", ".md")
    assert looks_like_markdown(CLIP, ".txt")
    # framing's own front matter over a plain text stays a text file's (given fields)
    assert not looks_like_markdown("---\ndate: 2024-11-13\noutlet: Reuters\n---\nBlinken said on Wednesday ...\n", ".txt")
    text, outside, clues = markdown_to_text(CLIP)
    assert {c.field for c in clues} == {"date", "url", "title"} and len(outside) >= 8
