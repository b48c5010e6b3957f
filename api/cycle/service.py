"""States, cycles and Working Group sessions: the calendar every review hangs on."""

from sqlmodel import Session, select

from api.core.errors import AlreadyExists, InvalidInput
from api.core.lookup import get_or_404
from api.core.pagination import Page, PageParams, Sort, paginate
from api.core.updates import apply_changes
from api.cycle.models import Cycle, RegionalGroup, State, UNStatus, UprSession
from api.cycle.schemas import CycleCreate, CycleUpdate, SessionCreate, SessionUpdate, StateCreate, StateUpdate


def list_states(
    session: Session,
    params: PageParams,
    *,
    regional_group: RegionalGroup | None = None,
    un_status: UNStatus | None = None,
) -> Page[State]:
    stmt = select(State)
    if regional_group:
        stmt = stmt.where(State.regional_group == regional_group)
    if un_status:
        stmt = stmt.where(State.un_status == un_status)
    return paginate(session, stmt, params, [Sort(State.code)])


def get_state(session: Session, code: str, *, for_update: bool = False) -> State:
    return get_or_404(session, State, code.upper(), "State", for_update=for_update, shown_key=code)


def create_state(session: Session, data: StateCreate) -> State:
    if session.get(State, data.code) is not None:
        raise AlreadyExists(f"State {data.code} already exists.", field="code")
    state = State.model_validate(data)
    session.add(state)
    session.flush()
    return state


def update_state(session: Session, state: State, data: StateUpdate) -> State:
    """`state` as `get_state(..., for_update=True)` loaded it (so for every `update_*` here)."""
    apply_changes(state, data)
    session.add(state)
    session.flush()
    return state


def list_cycles(session: Session, params: PageParams) -> Page[Cycle]:
    return paginate(session, select(Cycle), params, [Sort(Cycle.number)])


def get_cycle(session: Session, number: int, *, for_update: bool = False) -> Cycle:
    """`for_update` locks the row (PostgreSQL) so an If-Match check and the write cannot interleave."""
    return get_or_404(session, Cycle, number, "Cycle", for_update=for_update)


def create_cycle(session: Session, data: CycleCreate) -> Cycle:
    if session.get(Cycle, data.number) is not None:
        raise AlreadyExists(f"Cycle {data.number} already exists.", field="number")
    cycle = Cycle.model_validate(data)
    session.add(cycle)
    session.flush()
    return cycle


def update_cycle(session: Session, cycle: Cycle, data: CycleUpdate) -> Cycle:
    apply_changes(cycle, data)
    if cycle.end_year is not None and cycle.end_year < cycle.start_year:
        raise InvalidInput(f"end_year {cycle.end_year} is before start_year {cycle.start_year}.", field="end_year")
    session.add(cycle)
    session.flush()
    return cycle


def list_sessions(session: Session, params: PageParams, *, cycle: int | None = None) -> Page[UprSession]:
    stmt = select(UprSession)
    if cycle is not None:
        stmt = stmt.where(UprSession.cycle_number == cycle)
    return paginate(session, stmt, params, [Sort(UprSession.number)])


def get_session(session: Session, number: int, *, for_update: bool = False) -> UprSession:
    return get_or_404(session, UprSession, number, "Session", for_update=for_update)


def _require_cycle(session: Session, number: int) -> None:
    if session.get(Cycle, number) is None:
        raise InvalidInput(f"Cycle {number} does not exist; create it first.", field="cycle_number")


def create_session(session: Session, data: SessionCreate) -> UprSession:
    if session.get(UprSession, data.number) is not None:
        raise AlreadyExists(f"Session {data.number} already exists.", field="number")
    _require_cycle(session, data.cycle_number)
    upr_session = UprSession.model_validate(data)
    session.add(upr_session)
    session.flush()
    return upr_session


def update_session(session: Session, upr_session: UprSession, data: SessionUpdate) -> UprSession:
    if data.cycle_number is not None:  # checked before the row changes: the query would autoflush it
        _require_cycle(session, data.cycle_number)
    apply_changes(upr_session, data)
    start, end = upr_session.start_date, upr_session.end_date
    if start and end and end < start:
        raise InvalidInput(f"end_date {end} is before start_date {start}.", field="end_date")
    session.add(upr_session)
    session.flush()
    return upr_session
