"""What a caller means by a theme or an affected-persons group: `113`, `D23`, `death penalty` or a source's
label all name one entry, and asking for an entry means it and everything under it.

Every filter on the vocabulary (`/recommendations`, its exports, `/champions`, `/themes?parent=`) goes
through here, so a value means the same thing everywhere. The vocabulary is small (a few hundred rows
with their synonyms), so it is read whole once per request and walked in Python: no cache outlives the
request, so a renamed or re-parented theme is seen at once by every worker process. No FastAPI here.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, select

from api.core.errors import InvalidInput
from api.taxonomy.models import AffectedPerson, AffectedPersonSynonym, Theme, ThemeSynonym
from api.taxonomy.vocabulary import fold

FORMS = "an id, a code or a name"


@dataclass(frozen=True)
class Kind:
    """Where one vocabulary lives: its table, its synonyms' table, and how it is named in errors."""

    table: Any
    synonyms: Any
    synonym_key: Any
    what: str


THEMES = Kind(Theme, ThemeSynonym, ThemeSynonym.theme_id, "theme")
GROUPS = Kind(AffectedPerson, AffectedPersonSynonym, AffectedPersonSynonym.affected_person_id, "affected person")


@dataclass
class Tree:
    """One vocabulary as read in this request: how each entry may be named, and its children."""

    ids: set[int] = field(default_factory=set)
    by_code: dict[str, int] = field(default_factory=dict)
    by_name: dict[str, int] = field(default_factory=dict)
    by_label: dict[str, set[int]] | None = None  # read only when a value is not an existing id
    children: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))

    def match(self, value: str | int) -> dict[str, set[int]]:
        """What `value` names, by how it names it: {"id": …}, or any of "code", "name", "label" (a source's
        label: several entries only when sources share it); empty when nothing.

        All digits is an id when such a row exists; otherwise (an admin may name a theme `2030` or give it
        the code `112`) it is read as the other forms, compared without case or spacing. Labels are read
        only if `by_label` is loaded."""
        text = str(value).strip()
        if text.isascii() and text.isdigit() and int(text) in self.ids:
            return {"id": {int(text)}}
        key = fold(text)
        found = {"code": {self.by_code[key]} if key in self.by_code else set()}
        found["name"] = {self.by_name[key]} if key in self.by_name else set()
        found["label"] = set((self.by_label or {}).get(key, ()))
        return {how: ids for how, ids in found.items() if ids}

    def with_descendants(self, ids: Iterable[int]) -> set[int]:
        found: set[int] = set()
        todo = list(ids)
        while todo:
            if (entry := todo.pop()) not in found:
                found.add(entry)
                todo += self.children.get(entry, [])
        return found


def load_tree(session: Session, kind: Kind) -> Tree:
    """The vocabulary's id, code, name and parent (one query; synonyms wait until a value needs them)."""
    t = kind.table
    tree = Tree()
    for entry_id, code, name, parent_id in session.execute(select(t.id, t.code, t.name, t.parent_id)):
        tree.ids.add(entry_id)
        if code:
            tree.by_code[fold(code)] = entry_id
        tree.by_name[fold(name)] = entry_id
        if parent_id is not None:
            tree.children[parent_id].append(entry_id)
    return tree


def _load_labels(session: Session, kind: Kind, tree: Tree) -> None:
    labels: dict[str, set[int]] = defaultdict(set)
    for entry_id, label in session.execute(select(kind.synonym_key, col(kind.synonyms.label))):
        labels[fold(label)].add(entry_id)
    tree.by_label = labels


def _entries(kind: Kind, value: str, found: dict[str, set[int]], field: str) -> set[int]:
    """The entries one value names. Naming one row by its code or name and another by its name or a
    label (an admin's row called `D23`; an admin's `NHRI` beside UPR Info's label for A45) is a 422 that
    names both ids: silently picking one would answer a question the caller did not ask. A label that
    sources share, and nothing else, names every entry it names."""
    if "id" in found:
        return found["id"]
    named = found.get("code", set()) | found.get("name", set())
    if named and len(named | found.get("label", set())) > 1:
        ways = {
            i: " and ".join(how for how in ("code", "name", "label") if i in found.get(how, ()))
            for i in sorted(named | found.get("label", set()))
        }
        listed = ", ".join(f"{kind.what} {i} by its {how}" for i, how in ways.items())
        raise InvalidInput(f"{value!r} names {listed}: use the id.", field=field)
    return named or found.get("label", set())


def _match_all(
    session: Session, kind: Kind, values: Iterable[str | int], field: str
) -> tuple[Tree, dict[str, set[int]]]:
    """The tree, and each value → the entries it names (empty when none). Labels are read (one more
    query) unless every value is an existing id: a name may clash with another row's label."""
    tree = load_tree(session, kind)
    wanted = list(dict.fromkeys(str(v).strip() for v in values))
    if any("id" not in tree.match(v) for v in wanted):
        _load_labels(session, kind, tree)
    return tree, {v: _entries(kind, v, tree.match(v), field) for v in wanted}


def _resolve(session: Session, kind: Kind, values: Sequence[str | int], field: str) -> list[int]:
    if not values:
        return []
    tree, found = _match_all(session, kind, values, field)
    if missing := [v for v, ids in found.items() if not ids]:
        raise InvalidInput(
            f"Unknown {kind.what}(s): {', '.join(missing)} (give {FORMS}, or a source's label).", field=field
        )
    return sorted(tree.with_descendants(i for ids in found.values() for i in ids))


def theme_ids(session: Session, values: Sequence[str | int], field: str = "theme") -> list[int]:
    """The themes `values` name, each with every theme under it, in id order; 422 naming `field` for an
    unknown value. No values: an empty list (no filter)."""
    return _resolve(session, THEMES, values, field)


def affected_person_ids(session: Session, values: Sequence[str | int], field: str = "affected_persons") -> list[int]:
    """As `theme_ids`, for affected-persons groups (`women` includes `girls`)."""
    return _resolve(session, GROUPS, values, field)


def one_entry(session: Session, kind: Kind, value: str | int, field: str) -> int | None:
    """The single entry `value` names, without what is under it (`/themes?parent=`); None when unknown
    (the caller decides between a 404 and a 422)."""
    _tree, found = _match_all(session, kind, [value], field)
    ids = next(iter(found.values()))
    if len(ids) > 1:
        raise InvalidInput(f"{value!r} names several {kind.what} entries: give an id or a code.", field=field)
    return next(iter(ids), None)
