from __future__ import annotations

from pathlib import Path

import pytest

from framing.ingest import load_documents
from framing.ingest.documents import InputError
from framing.ingest.reading import decode, expand_inputs, read_text

RUSSIAN = "Госсекретарь США провёл переговоры в Брюсселе. Об этом сообщает агентство.\n"


def test_missing_file_is_one_readable_error(tmp_path):
    with pytest.raises(InputError) as err:
        read_text(str(tmp_path / "nope.txt"))
    assert "nope.txt" in str(err.value) and "no such file" in str(err.value)


@pytest.mark.parametrize("content, reason", [(b"", "empty file"), (b"  \n\t\n", "only whitespace")])
def test_empty_files(tmp_path, content, reason):
    path = tmp_path / "e.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=reason):
        read_text(str(path))


def test_binary_file(tmp_path):
    path = tmp_path / "b.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(InputError, match="binary"):
        read_text(str(path))


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r"])
def test_old_cyrillic_encodings_are_detected(tmp_path, encoding):
    path = tmp_path / "old.txt"
    path.write_bytes(RUSSIAN.encode(encoding))
    raw = read_text(str(path))
    assert raw.text == RUSSIAN
    assert raw.encoding.replace("koi8_u", "koi8_r") == encoding


def test_ukrainian_koi8u(tmp_path):
    text = "Міністр оборони України провів розмову з колегою. Це підтвердили в міністерстві.\n"
    assert decode(text.encode("koi8_u"), "x")[0] == text


def test_undecodable_latin_file(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Ça coûte très cher à Zürich, déjà fermé.".encode("latin-1"))
    with pytest.raises(InputError, match="not valid UTF-8"):
        read_text(str(path))


def test_html_page_is_extracted(tmp_path):
    body = " ".join(["Блинкен встретился с генсеком НАТО в Брюсселе и обсудил поддержку Украины."] * 4)
    page = f"<!doctype html><html><head><title>T</title></head><body><nav>Menu Home About</nav>" \
           f"<article><h1>Заголовок статьи</h1><p>{body}</p><p>{body}</p></article><footer>© 2024</footer></body></html>"
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    raw = read_text(str(path))
    assert raw.format == "html" and "Брюсселе" in raw.text and "<p>" not in raw.text


def test_bad_inputs_do_not_stop_good_ones(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Заголовок новости\n\n" + RUSSIAN * 3, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = load_documents([str(good), str(empty), str(tmp_path / "missing.txt")])
    assert [d.id for d in result.documents] == ["good"]
    assert sorted(e.reason for e in result.errors) == ["empty file", "no such file or folder"]


def test_folders_and_globs(tmp_path):
    for name in ("a.txt", "b.html", "manifest.toml", ".hidden.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    files, errors = expand_inputs([str(tmp_path), str(tmp_path / "*.txt"), str(tmp_path / "*.nomatch")])
    assert [f.rsplit("/", 1)[1] for f in files] == ["a.txt", "b.html"]
    assert len(errors) == 1 and "no file matches" in errors[0].reason


def test_html_clutter_is_listed_not_lost(tmp_path):
    from framing.ingest import load_documents

    body = ["US Secretary of State Antony Blinken said on Wednesday that aid to Ukraine would speed up.",
            "He met NATO Secretary General Mark Rutte in Brussels and warned North Korea of a <b>firm</b> response."]
    page = ("<!doctype html><html><head><title>Blinken in Brussels | Example News</title><script>var x=1;</script></head>"
            "<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>Blinken promises support</h1>"
            + "".join(f"<p>{p}</p>" for p in body)
            + "</article><aside><h3>Most read</h3><ul><li>Storm hits the coast</li></ul></aside>"
            "<footer>© 2024 Example News. All rights reserved.</footer></body></html>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    doc = load_documents([str(path)]).documents[0]
    assert [s.text for s in doc.sentences][-1] == "He met NATO Secretary General Mark Rutte in Brussels and warned North Korea of a firm response."
    outside = [r.text for r in doc.removed if r.reason.startswith("outside the page's main text")]
    assert outside == ["Blinken in Brussels | Example News", "Home World", "Most read", "Storm hits the coast",
                       "© 2024 Example News. All rights reserved."]
    assert all(doc.text[r.start : r.end] == r.text for r in doc.removed)
    assert all(doc.text[s.start : s.end].split() == s.text.split() for s in doc.sentences)
    assert "var x" not in doc.text


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be"])
def test_utf16_with_a_byte_order_mark_is_read(tmp_path, codec):
    # Notepad's "Unicode" files: zero bytes everywhere, but the mark says how to read them
    path = tmp_path / "notepad.txt"
    data = RUSSIAN.encode(codec)
    path.write_bytes(data if codec == "utf-16" else b"\xfe\xff" + data)
    raw = read_text(str(path))
    assert raw.text == RUSSIAN and raw.encoding == "utf-16" and raw.format == "text"


def test_utf16_html_page_is_read_as_html(tmp_path):
    body = " ".join(["Блинкен встретился с генсеком НАТО в Брюсселе и обсудил поддержку Украины."] * 4)
    page = f"<!doctype html><html><head><title>T</title></head><body><article><h1>Заголовок</h1><p>{body}</p></article></body></html>"
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("utf-16"))
    raw = read_text(str(path))
    assert raw.format == "html" and "Блинкен" in raw.text


@pytest.mark.parametrize("rest, reason", [(b"\x00\xd8" * 40, "not valid UTF-16"), (b"\x00\x00\x01\x00" * 40, "holds no text")])
def test_a_byte_order_mark_over_binary_data_is_one_readable_error(tmp_path, rest, reason):
    path = tmp_path / "fake.txt"
    path.write_bytes(b"\xff\xfe" + rest)  # lone surrogates; control characters
    with pytest.raises(InputError, match=reason):
        read_text(str(path))


@pytest.mark.parametrize("start, word", [(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"), (b"PK\x03\x04\x14\x00\x06\x00", "Word"),
                                         (b"{\\rtf1\\ansi\\deff0 {\\fonttbl}", "RTF"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Word")])
def test_documents_saved_in_other_formats_say_what_to_do(tmp_path, start, word):
    # RTF is text: without the check its markup would be read as the article
    path = tmp_path / "article.txt"
    path.write_bytes(start + b"Blinken said something in Brussels on Wednesday. " * 20)
    with pytest.raises(InputError, match=f"{word}.*save the article's text as a .txt file"):
        read_text(str(path))


def test_files_of_other_kinds_in_a_folder_are_listed_not_dropped(tmp_path):
    (tmp_path / "a.txt").write_text(RUSSIAN * 3, encoding="utf-8")
    (tmp_path / "scan.PDF").write_bytes(b"%PDF-1.4 ...")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "page.mhtml").write_text("MIME-Version: 1.0", encoding="utf-8")
    for companion, text in (("manifest.toml", "[files]\n"), ("README.md", "notes"), (".DS_Store", "x"), ("gold.toml", "x = 1"),
                            ("data.csv", "a,b")):
        (tmp_path / companion).write_text(text, encoding="utf-8")
    result = load_documents([str(tmp_path)])
    assert [d.id for d in result.documents] == ["a"] and not result.errors
    listed = {Path(e.path).name: e.reason for e in result.passed_over}
    assert set(listed) == {"scan.PDF", "notes.docx", "photo.jpg", "page.mhtml"}
    assert "PDF" in listed["scan.PDF"] and "Word" in listed["notes.docx"] and "image" in listed["photo.jpg"]
    assert "MHTML" in listed["page.mhtml"]
