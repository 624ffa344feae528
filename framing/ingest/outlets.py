"""The outlet table: news domains and the names shown for them, and the wire agencies that articles cite.

Shipped in ``data/outlets.toml``; an ``outlets.toml`` of the same shape beside the inputs extends
and overrides it. A wire agency named in an article's text (a dateline, a credit) is the article's
source, not its outlet.
"""

from __future__ import annotations

import functools
import re
import sys
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

TABLE_NAME = "outlets.toml"


def _key(name: str) -> str:
    return re.sub(r"[\W_]+", " ", name.casefold()).strip()


@dataclass(frozen=True)
class OutletTable:
    domains: dict[str, str] = field(default_factory=dict)
    wires: frozenset[str] = frozenset()  # casefolded, punctuation as spaces
    wire_names: tuple[str, ...] = ()  # as written in the table

    def name_for(self, domain: str | None) -> str | None:
        """The outlet of a domain or of its nearest listed parent (edition.cnn.com -> cnn.com)."""
        if not domain:
            return None
        parts = domain.lower().removeprefix("www.").split(".")
        for i in range(len(parts) - 1):
            name = self.domains.get(".".join(parts[i:]))
            if name:
                return name
        return None

    def is_wire(self, name: str) -> bool:
        return _key(name) in self.wires

    def known_name(self, name: str) -> str | None:
        """The table's spelling of an outlet name found in a page (case and punctuation aside)."""
        wanted = _key(name)
        return next((n for n in self.domains.values() if _key(n) == wanted), None)

    def extended(self, other: dict) -> OutletTable:
        """This table with another table's domains and wires added (the other wins)."""
        domains = {**self.domains, **{str(k).lower(): str(v) for k, v in other.get("domains", {}).items()}}
        names = tuple(str(n) for n in other.get("wires", {}).get("names", []))
        return OutletTable(domains, self.wires | {_key(n) for n in names}, tuple(dict.fromkeys(self.wire_names + names)))


@functools.lru_cache(maxsize=1)
def shipped_table() -> OutletTable:
    raw = resources.files(__package__).joinpath("data/outlets.toml").read_text(encoding="utf-8")
    return OutletTable().extended(tomllib.loads(raw))


def table_for(folder: Path) -> OutletTable:
    """The shipped table, extended by ``folder/outlets.toml`` when there is one."""
    path = folder / TABLE_NAME
    if not path.is_file():
        return shipped_table()
    with path.open("rb") as handle:
        return shipped_table().extended(tomllib.load(handle))
