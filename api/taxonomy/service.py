"""The shared vocabularies: themes, affected persons, SDG targets.

Everyone reads them (they label published recommendations); only admins change them, since a
renamed theme relabels every recommendation that carries it.
"""

import csv
import io
from importlib.resources import files

from sqlalchemy import func
from sqlmodel import Session, col, select

from api.core.errors import AlreadyExists, InvalidInput
from api.core.lookup import get_or_404
from api.core.pagination import Page, PageParams, Sort, paginate
from api.taxonomy.models import AffectedPerson, SdgTarget, Theme
from api.taxonomy.schemas import AffectedPersonCreate, ThemeCreate, ThemeUpdate


def get_theme(session: Session, theme_id: int, *, for_update: bool = False) -> Theme:
    return get_or_404(session, Theme, theme_id, "Theme", for_update=for_update)


def _check_theme_unique(session: Session, name: str | None, code: str | None, except_id: int | None = None) -> None:
    """Names and codes are unique regardless of case: `Right to health` and `right to health` would
    split one theme's recommendations in two."""
    for field, column, value in (("name", Theme.name, name), ("code", Theme.code, code)):
        if value is None:
            continue
        stmt = select(Theme.id).where(func.lower(column) == value.lower())
        if except_id is not None:
            stmt = stmt.where(col(Theme.id) != except_id)
        if session.exec(stmt).first() is not None:
            raise AlreadyExists(f"A theme with {field} {value!r} already exists.", field=field)


def _check_parent(session: Session, parent_id: int | None, theme_id: int | None = None) -> None:
    """The parent must exist, and a theme may not end up under itself (the hierarchy stays a tree)."""
    seen: set[int] = set()
    current = parent_id
    while current is not None:
        if current == theme_id or current in seen:
            raise InvalidInput(f"Theme {parent_id} cannot be the parent: that would make a cycle.", field="parent_id")
        seen.add(current)
        parent = session.get(Theme, current)
        if parent is None:
            raise InvalidInput(f"Unknown parent theme {current}.", field="parent_id")
        current = parent.parent_id


def create_theme(session: Session, data: ThemeCreate) -> Theme:
    _check_theme_unique(session, data.name, data.code)
    _check_parent(session, data.parent_id)
    theme = Theme.model_validate(data)
    session.add(theme)
    session.flush()
    return theme


def update_theme(session: Session, theme: Theme, data: ThemeUpdate) -> Theme:
    changes = data.model_dump(exclude_unset=True)
    if "name" in changes and changes["name"] is None:
        raise InvalidInput("A theme needs a name.", field="name")
    _check_theme_unique(session, changes.get("name"), changes.get("code"), except_id=theme.id)
    if changes.get("parent_id") is not None:
        _check_parent(session, changes["parent_id"], theme.id)
    theme.sqlmodel_update(changes)
    session.add(theme)
    session.flush()
    return theme


def create_affected_person(session: Session, data: AffectedPersonCreate) -> AffectedPerson:
    taken = select(AffectedPerson.id).where(func.lower(AffectedPerson.name) == data.name.lower())
    if session.exec(taken).first() is not None:
        raise AlreadyExists(f"An affected-person group named {data.name!r} already exists.", field="name")
    person = AffectedPerson.model_validate(data)
    session.add(person)
    session.flush()
    return person


def list_sdg_targets(session: Session, params: PageParams, *, goal: int | None = None) -> Page[SdgTarget]:
    stmt = select(SdgTarget)
    if goal is not None:
        stmt = stmt.where(col(SdgTarget.goal) == goal)
    return paginate(session, stmt, params, [Sort(SdgTarget.goal), Sort(SdgTarget.code)])


def get_sdg_target(session: Session, code: str) -> SdgTarget:
    return get_or_404(session, SdgTarget, code.strip().lower(), "SDG target", shown_key=code)


def reference_sdg_targets() -> list[SdgTarget]:
    """The 169 targets of the 2030 Agenda (A/RES/70/1), shipped with the package."""
    text = files("api.taxonomy").joinpath("data/sdg_targets.csv").read_text(encoding="utf-8")
    return [
        SdgTarget(code=row["target"], goal=int(row["goal"]), title=row["target_title"])
        for row in csv.DictReader(io.StringIO(text))
    ]


def seed_sdg_targets(session: Session) -> int:
    known = set(session.exec(select(SdgTarget.code)))
    new = [t for t in reference_sdg_targets() if t.code not in known]
    session.add_all(new)
    session.flush()
    return len(new)
