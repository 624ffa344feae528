"""Label sets for zero-shot framing: names, definitions and example phrasings, read from TOML.

The default is the 14 frames of the Policy Frames Codebook (Boydstun et al.) as used in
SemEval-2023 Task 3 (``framing/frames/data/frames.toml``). A user's file has the same shape::

    [[label]]
    name = "Security and defense"
    description = "Threats to a country's security; defence, weapons, armed forces, military action."
    examples = ["Air defence systems and artillery will be delivered.", "Войска стягиваются к границе."]

``examples`` may also be a table of lists by language (``[label.examples]`` with ``en = [...]``).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DEFAULT_LABELS = "frames.toml"
NAME_ONLY = "This text is about {name}."
DESCRIBED = "{name}: {description}"


class LabelFileError(ValueError):
    """A label file that cannot be used, with a message fit for one line."""


@dataclass(frozen=True)
class Label:
    name: str
    description: str
    examples: tuple[str, ...] = ()

    @property
    def texts(self) -> list[str]:
        """What the label is embedded from: its definition and its examples. Without examples, the definition
        is led by the name (unless it names it already), and a label with a name only is embedded as "This
        text is about NAME." (the forms that scored best on SIB-200's dev split for those two styles)."""
        if not self.description and not self.examples:
            return [NAME_ONLY.format(name=self.name)]
        described = self.description
        if described and not self.examples and self.name.lower() not in described.lower():
            described = DESCRIBED.format(name=self.name, description=described)
        return [t for t in (described, *self.examples) if t]


@dataclass(frozen=True)
class LabelSet:
    name: str
    labels: tuple[Label, ...]

    @property
    def names(self) -> list[str]:
        return [label.name for label in self.labels]

    def __len__(self) -> int:
        return len(self.labels)


def _examples(raw: object, where: str) -> tuple[str, ...]:
    if raw is None:
        return ()
    if isinstance(raw, dict):
        return tuple(text for texts in raw.values() for text in _examples(texts, where))
    if isinstance(raw, list) and all(isinstance(t, str) for t in raw):
        return tuple(t.strip() for t in raw if t.strip())
    raise LabelFileError(f"{where}: examples must be a list of strings or a table of such lists by language")


def parse_labels(text: str, name: str) -> LabelSet:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise LabelFileError(f"{name}: not valid TOML ({error})") from None
    entries = data.get("label")
    if not isinstance(entries, list) or not entries:
        raise LabelFileError(f"{name}: no [[label]] entries")
    labels = []
    for number, entry in enumerate(entries, start=1):
        where = f"{name}, label {number}"
        label_name = str(entry.get("name", "")).strip()
        if not label_name:
            raise LabelFileError(f"{where}: has no name")
        description = str(entry.get("description", "")).strip()
        examples = _examples(entry.get("examples"), where)
        labels.append(Label(label_name, description, examples))
    if len({label.name for label in labels}) != len(labels):
        raise LabelFileError(f"{name}: label names repeat")
    return LabelSet(name, tuple(labels))


def load_labels(path: str | Path | None = None) -> LabelSet:
    """A label file by path, or the default Policy Frames set shipped with framing."""
    if path is None:
        text = resources.files(__package__).joinpath("data", DEFAULT_LABELS).read_text(encoding="utf-8")
        return parse_labels(text, DEFAULT_LABELS)
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LabelFileError(f"{path}: no such label file") from None
    except UnicodeDecodeError:
        raise LabelFileError(f"{path}: label file is not UTF-8 text") from None
    return parse_labels(text, str(path))
