"""Read articles are cached: a re-run neither cleans, splits nor detects languages again (nor loads
the language detector), and any change to a file, its metadata or the pile rebuilds what it touches."""

from __future__ import annotations

import shutil

from framing.embed.cache import DocumentCacheDB
from framing.ingest import build
from framing.ingest.build import load_documents

from .conftest import SEEDS


def _counting(monkeypatch) -> list[str]:
    built: list[str] = []
    original = build.build_document

    def counted(raw, doc_id, *args, **kwargs):
        built.append(doc_id)
        return original(raw, doc_id, *args, **kwargs)

    monkeypatch.setattr(build, "build_document", counted)
    return built


def test_a_second_read_builds_nothing_and_gives_the_same_documents(tmp_path, monkeypatch):
    pile = tmp_path / "pile"
    shutil.copytree(SEEDS, pile)
    cache = DocumentCacheDB(tmp_path / "cache.sqlite3")
    built = _counting(monkeypatch)
    first = load_documents([str(pile)], cache=cache)
    assert len(built) == 5
    second = load_documents([str(pile)], cache=DocumentCacheDB(tmp_path / "cache.sqlite3"))
    assert len(built) == 5  # nothing rebuilt
    assert [d.__dict__ for d in second.documents] == [d.__dict__ for d in first.documents]

    # one file changed: that one is rebuilt; its manifest entry changed: that one too
    text = (pile / "004_55f0cb87218dbe97.txt").read_text(encoding="utf-8")
    (pile / "004_55f0cb87218dbe97.txt").write_text(text.replace("Резніков", "Рєзніков", 1), encoding="utf-8")
    manifest = (pile / "manifest.toml").read_text(encoding="utf-8")
    (pile / "manifest.toml").write_text(manifest.replace('date = "2022-02-01"', 'date = "2022-02-02"'), encoding="utf-8")
    third = load_documents([str(pile)], cache=cache)
    assert sorted(built[5:]) == ["003_0a07881c7022561c", "004_55f0cb87218dbe97"]
    assert "Рєзніков" in third.documents[-1].text and "Рєзніков" not in first.documents[-1].text
    assert third.documents[-2].date == "2022-02-02"


def test_a_page_that_makes_a_site_template_rebuilds_its_sibling(tmp_path, monkeypatch):
    menu = "Головна\nПолітика\nЕкономіка\n\n"
    pile = tmp_path / "pile"
    pile.mkdir()
    (pile / "p0.txt").write_text(menu + "Міністри зустрілися у Брюсселі, щоб обговорити допомогу Україні.\n", encoding="utf-8")
    cache = DocumentCacheDB(tmp_path / "cache.sqlite3")
    built = _counting(monkeypatch)
    alone = load_documents([str(pile)], cache=cache).documents[0]
    (pile / "p1.txt").write_text(menu + "Переговори тривали до пізнього вечора, повідомили дипломати.\n", encoding="utf-8")
    both = load_documents([str(pile)], cache=cache).documents
    # the menu, on two pages now, is the site's template: p0 is built again, not taken from the cache
    assert built == ["p0", "p0", "p1"]
    assert {s.reason for s in alone.removed} == {"masthead or label"}
    assert {s.reason for s in both[0].removed} == {"repeated on other pages of the pile (site template)"}
