"""Property-based: whatever bytes a file holds, reading it yields a document or one clear error, never a crash."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.ingest import load_documents

TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400)
HTML_PIECES = st.sampled_from([
    "<html>", "<head>", "<title>Заголовок | Вести</title>", "<meta property='og:site_name' content='Новини'>",
    "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"datePublished\": \"2024-11-13\"", "</script>",
    "<body>", "<article>", "<p>", "</p>", "<div>", "</div>", "<time datetime='2024-13-45'>", "</time>", "<!--", "-->",
    "<p>Блинкен заявил в Брюсселе, что поддержка Украины будет усилена в ближайшие месяцы.</p>",
    "<p>The minister said the talks would continue next week in Brussels.</p>", "&nbsp;", "&#x0;", "<br>", "</body>",
])


def _check(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = load_documents([str(path)])
    assert len(result.documents) + len(result.errors) == 1
    for error in result.errors:
        line = str(error)
        assert line and "\n" not in line and "Traceback" not in line
    for doc in result.documents:
        assert doc.sentences
        for sentence in doc.sentences:
            assert " ".join(doc.text[sentence.start : sentence.end].split()) == sentence.text
        assert doc.date is None or len(doc.date) in (7, 10)


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(data=st.binary(max_size=600))
def test_random_bytes(tmp_path: Path, data: bytes) -> None:
    _check(tmp_path, "random.txt", data)


@SETTINGS
@given(pieces=st.lists(HTML_PIECES, max_size=30))
def test_broken_html(tmp_path: Path, pieces: list[str]) -> None:
    _check(tmp_path, "page.html", "".join(pieces).encode("utf-8"))


@SETTINGS
@given(parts=st.lists(st.tuples(TEXT, st.sampled_from(["utf-8", "cp1251", "koi8_r", "utf-16"])), min_size=1, max_size=4))
def test_mixed_encodings(tmp_path: Path, parts: list[tuple[str, str]]) -> None:
    data = b"\n".join(text.encode(codec, errors="ignore") for text, codec in parts)
    _check(tmp_path, "mixed.txt", data)


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(word=st.sampled_from(["слово", "word", "x", "Блинкен заявил"]), length=st.integers(2_000, 60_000))
def test_huge_lines(tmp_path: Path, word: str, length: int) -> None:
    _check(tmp_path, "huge.txt", ((word + " ") * (length // (len(word) + 1))).encode("utf-8"))


def test_lines_two_pages_of_one_site_share_are_template_but_one_shared_headline_is_not(tmp_path: Path) -> None:
    menu = "Новини Полтави\nПолітика\nЕкономіка\nСпорт\nПідписатися на розсилку\n"
    body_a = "Міська рада затвердила новий бюджет на наступний рік, збільшивши видатки на школи та лікарні.\n"
    body_b = "У парку відкрили оновлений фонтан, який реставрували понад два роки за кошти громади.\n"
    (tmp_path / "a.txt").write_text(menu + "Міська рада ухвалила бюджет на рік\n" + body_a * 3, encoding="utf-8")
    (tmp_path / "b.txt").write_text(menu + "У парку знову працює фонтан\n" + body_b * 3, encoding="utf-8")
    (tmp_path / "c.txt").write_text("Інший сайт\nМіська рада ухвалила бюджет на рік\n" + body_a.replace("школи", "дороги") * 3, encoding="utf-8")
    docs = {Path(d.path).stem: d for d in load_documents([str(tmp_path)]).documents}
    removed_a = {s.text: s.reason for s in docs["a"].removed}
    assert all(removed_a.get(line, "").startswith("repeated on other pages") for line in ("Політика", "Економіка", "Спорт"))
    assert any("ухвалила бюджет" in s.text for s in docs["c"].sentences)  # one shared headline is not a template
    assert any("ухвалила бюджет" in s.text for s in docs["a"].sentences)
