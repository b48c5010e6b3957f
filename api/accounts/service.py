"""Organisations and users: rules that hold whoever calls (routers only translate HTTP)."""

from sqlalchemy import func
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from api.accounts.policy import ensure_an_admin_remains
from api.accounts.schemas import OrganisationCreate, OrganisationUpdate, UserCreate, UserUpdate
from api.auth.models import Organisation, OrganisationKind, User
from api.auth.password_policy import account_context, check_password_strength
from api.auth.policy import visible_organisations
from api.auth.principal import Principal
from api.auth.schemas import OrganisationRead
from api.auth.security import hash_password
from api.auth.service import normalise_email, organisation_read, revoke_access_tokens
from api.core.errors import AlreadyExists, InvalidInput, NotFound
from api.core.lookup import get_or_404
from api.core.pagination import Page, PageParams, Sort, paginate
from api.core.updates import apply_changes
from api.cycle.models import State


def first_organisation(session: Session, state_code: str, kind: OrganisationKind) -> Organisation | None:
    """The oldest organisation of this kind in this state: whom the demo data speaks for."""
    return session.exec(
        select(Organisation)
        .where(Organisation.state_code == state_code, Organisation.kind == kind)
        .order_by(col(Organisation.id))
    ).first()


def _visible_organisations(principal: Principal) -> SelectOfScalar[Organisation]:
    return select(Organisation).where(visible_organisations(principal))


def list_organisations(
    session: Session,
    principal: Principal,
    params: PageParams,
    *,
    state_code: str | None = None,
    kind: str | None = None,
) -> Page[OrganisationRead]:
    stmt = _visible_organisations(principal)
    if state_code:
        stmt = stmt.where(col(Organisation.state_code) == state_code.upper())
    if kind:
        stmt = stmt.where(col(Organisation.kind) == kind)
    page = paginate(session, stmt, params, [Sort(Organisation.id)])
    return page.map(lambda o: organisation_read(o, principal))


def get_organisation(
    session: Session, principal: Principal, organisation_id: int, *, for_update: bool = False
) -> Organisation:
    """`for_update` locks the row (PostgreSQL) so an If-Match check and the write that follows
    cannot interleave with another writer's."""
    stmt = _visible_organisations(principal).where(col(Organisation.id) == organisation_id)
    organisation = session.exec(stmt.with_for_update() if for_update else stmt).first()
    if organisation is None:
        raise NotFound.entity("Organisation", organisation_id)
    return organisation


def _name_taken(session: Session, name: str, except_id: int | None = None) -> bool:
    stmt = select(Organisation.id).where(func.lower(Organisation.name) == name.lower())
    if except_id is not None:
        stmt = stmt.where(col(Organisation.id) != except_id)
    return session.exec(stmt).first() is not None


def create_organisation(session: Session, data: OrganisationCreate) -> Organisation:
    if session.get(State, data.state_code) is None:
        raise InvalidInput(f"Unknown state code {data.state_code!r}.", field="state_code")
    if _name_taken(session, data.name):
        raise AlreadyExists(f"An organisation named {data.name!r} already exists.", field="name")
    organisation = Organisation.model_validate(data)
    session.add(organisation)
    session.flush()
    return organisation


def update_organisation(session: Session, organisation: Organisation, data: OrganisationUpdate) -> Organisation:
    """`organisation` as `get_organisation(..., for_update=True)` loaded it. Deactivating it ends
    its users' access tokens (a later reactivation does not bring them back) and is refused if it
    would leave no admin (`policy.ensure_an_admin_remains`)."""
    changes = data.model_dump(exclude_unset=True)
    name = changes.get("name")
    if name and _name_taken(session, name, organisation.id):
        raise AlreadyExists(f"An organisation named {name!r} already exists.", field="name")
    deactivating = organisation.is_active and changes.get("is_active") is False
    if deactivating:
        ensure_an_admin_remains(session, without_organisation_id=organisation.id)
    apply_changes(organisation, data)
    session.add(organisation)
    if deactivating:
        # One ORM update per user (not a bulk UPDATE) so that each is audited.
        for user in session.exec(select(User).where(User.organisation_id == organisation.id)).all():
            revoke_access_tokens(user)
            session.add(user)
    session.flush()
    return organisation


def list_users(
    session: Session, params: PageParams, *, organisation_id: int | None = None, is_active: bool | None = None
) -> Page[User]:
    stmt = select(User)
    if organisation_id is not None:
        stmt = stmt.where(User.organisation_id == organisation_id)
    if is_active is not None:
        stmt = stmt.where(User.is_active == is_active)
    return paginate(session, stmt, params, [Sort(User.id)])


def get_user(session: Session, user_id: int, *, for_update: bool = False) -> User:
    return get_or_404(session, User, user_id, "User", for_update=for_update)


def create_user(session: Session, data: UserCreate) -> User:
    email = normalise_email(str(data.email))
    if session.exec(select(User.id).where(User.email == email)).first() is not None:
        raise AlreadyExists(f"A user with email {email!r} already exists.", field="email")
    if session.get(Organisation, data.organisation_id) is None:
        raise InvalidInput(f"Unknown organisation {data.organisation_id}.", field="organisation_id")
    check_password_strength(
        data.password,
        email=email,
        full_name=data.full_name,
        field="password",
        context=account_context(session, data.organisation_id),
        is_admin=data.is_admin,
    )
    user = User(
        email=email,
        full_name=data.full_name,
        password_hash=hash_password(data.password),
        organisation_id=data.organisation_id,
        is_admin=data.is_admin,
    )
    session.add(user)
    session.flush()
    return user


def update_user(session: Session, user: User, data: UserUpdate) -> User:
    """`user` as `get_user(..., for_update=True)` loaded it. A new password or a deactivation ends
    the user's access tokens (a later reactivation does not bring them back); removing the last
    admin is refused (`policy.ensure_an_admin_remains`)."""
    changes = data.model_dump(exclude_unset=True)
    deactivating = user.is_active and changes.get("is_active") is False
    if deactivating or (user.is_admin and changes.get("is_admin") is False):
        ensure_an_admin_remains(session, without_user_id=user.id)
    if data.password:
        full_name = data.full_name or user.full_name
        check_password_strength(
            data.password,
            email=user.email,
            full_name=full_name,
            field="password",
            context=account_context(session, user.organisation_id),
            is_admin=user.is_admin if data.is_admin is None else data.is_admin,
        )
        user.password_hash = hash_password(data.password)
    apply_changes(user, data, exclude={"password"})
    if data.password or deactivating:
        revoke_access_tokens(user)
    session.add(user)
    session.flush()
    return user
