"""States (the rest of the cycle model arrives with the cycle API)."""

from sqlmodel import Session, select

from api.cycle.models import RegionalGroup, State, StateCreate, StateUpdate, UNStatus
from api.errors import Conflict, NotFound
from api.pagination import Page, PageParams, Sort, paginate


def list_states(session: Session, params: PageParams, *, regional_group: RegionalGroup | None = None,
                un_status: UNStatus | None = None) -> Page[State]:
    stmt = select(State)
    if regional_group:
        stmt = stmt.where(State.regional_group == regional_group)
    if un_status:
        stmt = stmt.where(State.un_status == un_status)
    return paginate(session, stmt, params, [Sort(State.code)])


def get_state(session: Session, code: str) -> State:
    state = session.get(State, code.upper())
    if state is None:
        raise NotFound.entity("State", code)
    return state


def create_state(session: Session, data: StateCreate) -> State:
    if session.get(State, data.code) is not None:
        raise Conflict(f"State {data.code} already exists.", field="code")
    state = State.model_validate(data)
    session.add(state)
    session.flush()
    return state


def update_state(session: Session, code: str, data: StateUpdate) -> State:
    state = get_state(session, code)
    state.sqlmodel_update(data.model_dump(exclude_unset=True))
    session.add(state)
    session.flush()
    return state
