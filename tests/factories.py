"""Plain `create_*` helpers and the standard world: two states, an organisation of each kind in each."""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlmodel import Session

from api.auth.models import Organisation, OrganisationKind, ServiceToken, User
from api.auth.permissions import Role
from api.auth.security import create_access_token, hash_password, hash_service_token, new_service_token_secret
from api.cycle.models import RegionalGroup, State
from api.settings import Settings

if TYPE_CHECKING:  # both build on this module
    from tests.advocacy_factories import AdvocacyWorld
    from tests.cycle_factories import CycleWorld
    from tests.tracking_factories import TrackingWorld

PASSWORD = "correct horse battery staple"
PASSWORD_HASH = hash_password(PASSWORD)  # hashed once: argon2 is slow on purpose
OWN_STATE, OTHER_STATE = "SVN", "HRV"


def create_state(session: Session, code: str, name: str | None = None) -> State:
    state = session.get(State, code)
    if state is None:
        state = State(code=code, name=name or code, regional_group=RegionalGroup.eeg)
        session.add(state)
        session.flush()
    return state


def create_organisation(
    session: Session,
    kind: OrganisationKind,
    state_code: str = OWN_STATE,
    name: str | None = None,
    public_name: str | None = None,
) -> Organisation:
    organisation = Organisation(
        name=name or f"{kind.value} of {state_code}", kind=kind, state_code=state_code, public_name=public_name
    )
    session.add(organisation)
    session.flush()
    return organisation


def create_user(
    session: Session,
    organisation: Organisation,
    email: str | None = None,
    is_admin: bool = False,
    is_active: bool = True,
) -> User:
    user = User(
        email=email or f"{organisation.kind.value}.{organisation.id}@example.org",
        full_name="Test user",
        password_hash=PASSWORD_HASH,
        organisation_id=organisation.id,
        is_admin=is_admin,
        is_active=is_active,
    )
    session.add(user)
    session.flush()
    return user


def create_service_token(session: Session, user: User) -> tuple[ServiceToken, str]:
    secret = new_service_token_secret()
    token = ServiceToken(
        organisation_id=user.organisation_id,
        created_by_user_id=user.id,
        name="script",
        prefix=secret[:13],
        token_hash=hash_service_token(secret),
    )
    session.add(token)
    session.flush()
    return token, secret


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@dataclass
class World:
    """Own-state and other-state organisations and users of every role, with their credentials."""

    orgs: dict[tuple[str, str], Organisation] = field(default_factory=dict)
    users: dict[tuple[str, str], User] = field(default_factory=dict)
    service_tokens: dict[tuple[str, str], tuple[ServiceToken, str]] = field(default_factory=dict)
    built_cycle: "CycleWorld | None" = None  # by tests.cycle_factories.build_cycle_world
    built_tracking: "TrackingWorld | None" = None  # by tests.tracking_factories.build_tracking_world
    built_advocacy: "AdvocacyWorld | None" = None  # by tests.advocacy_factories.build_advocacy_world

    @property
    def cycle(self) -> "CycleWorld":
        assert self.built_cycle is not None, "no cycle rows in this world: use the cycle_world fixture"
        return self.built_cycle

    @property
    def advocacy(self) -> "AdvocacyWorld":
        assert self.built_advocacy is not None, "no advocacy rows in this world: use build_advocacy_world"
        return self.built_advocacy

    @property
    def tracking(self) -> "TrackingWorld":
        assert self.built_tracking is not None, "no tracking rows in this world: use the tracking_world fixture"
        return self.built_tracking

    def user(self, role: Role | str, state: str = OWN_STATE) -> User:
        return self.users[(Role(role).value, state)]

    def org(self, role: Role | str, state: str = OWN_STATE) -> Organisation:
        return self.orgs[(Role(role).value, state)]

    def headers(self, role: Role | str, settings: Settings, state: str = OWN_STATE) -> dict[str, str]:
        if Role(role) is Role.anonymous:
            return {}
        token, _ = create_access_token(self.user(role, state).id, settings)
        return bearer(token)


ORG_ROLES = [Role.government, Role.nhri, Role.cso, Role.un, Role.academic, Role.other]


def build_world(session: Session) -> World:
    world = World()
    for state in (OWN_STATE, OTHER_STATE):
        create_state(session, state, {"SVN": "Slovenia", "HRV": "Croatia"}[state])
        for role in [*ORG_ROLES, Role.admin]:
            kind = OrganisationKind.other if role is Role.admin else OrganisationKind(role.value)
            org = create_organisation(session, kind, state, name=f"{role.value} org of {state}")
            user = create_user(
                session, org, email=f"{role.value}@{state.lower()}.example.org", is_admin=role is Role.admin
            )
            world.orgs[(role.value, state)] = org
            world.users[(role.value, state)] = user
            world.service_tokens[(role.value, state)] = create_service_token(session, user)
    return world
