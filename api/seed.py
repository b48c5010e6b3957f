"""Demo data for `make run`: every UN member and observer state, one organisation and one user per role.

Idempotent: a second run adds nothing and prints no passwords (they are shown on first seed only).
"""

import csv
import secrets
from dataclasses import dataclass
from importlib.resources import files

from sqlmodel import Session, select

from api.auth.models import Organisation, OrganisationKind, User
from api.auth.security import hash_password
from api.cycle.models import RegionalGroup, State, UNStatus

GROUPS = {"Africa": RegionalGroup.african, "Asia": RegionalGroup.asia_pacific, "EEG": RegionalGroup.eeg,
          "GRULAC": RegionalGroup.grulac, "WEOG": RegionalGroup.weog}

DEMO_STATE = "SVN"


@dataclass(frozen=True)
class DemoAccount:
    email: str
    organisation: str
    kind: OrganisationKind
    public_name: str | None = None
    is_admin: bool = False


DEMO_ACCOUNTS = (
    DemoAccount("admin@demo.upr-tracker.org", "UPR Tracker operators", OrganisationKind.other, is_admin=True),
    DemoAccount("government@demo.upr-tracker.org", "Ministry of Foreign and European Affairs of Slovenia",
                OrganisationKind.government),
    DemoAccount("nhri@demo.upr-tracker.org", "Human Rights Ombudsman of Slovenia", OrganisationKind.nhri),
    DemoAccount("cso@demo.upr-tracker.org", "Slovenian Roma Rights Coalition (demo)", OrganisationKind.cso,
                public_name="Coalition A"),
    DemoAccount("un@demo.upr-tracker.org", "UN Human Rights regional office (demo)", OrganisationKind.un),
    DemoAccount("academic@demo.upr-tracker.org", "Human Rights Centre, University (demo)", OrganisationKind.academic),
)


def reference_states() -> list[State]:
    text = files("api.cycle").joinpath("data/un_member_states.csv").read_text(encoding="utf-8")
    return [
        State(code=row["iso3"], iso2=row["iso2"] or None, name=row["unsd_name"],
              regional_group=GROUPS.get(row["upr_info_regional_group"]), un_status=UNStatus(row["un_status"]))
        for row in csv.DictReader(text.splitlines())
    ]


def seed_states(session: Session) -> int:
    known = set(session.exec(select(State.code)))
    new = [s for s in reference_states() if s.code not in known]
    session.add_all(new)
    session.flush()
    return len(new)


def seed_demo_accounts(session: Session, reset_passwords: bool = False) -> list[tuple[str, str, str]]:
    """Create missing demo accounts (or give existing ones new passwords);
    returns (email, role, password) for those whose password was set now."""
    created = []
    for account in DEMO_ACCOUNTS:
        organisation = session.exec(select(Organisation).where(Organisation.name == account.organisation)).first()
        if organisation is None:
            organisation = Organisation(name=account.organisation, kind=account.kind, state_code=DEMO_STATE,
                                        public_name=account.public_name)
            session.add(organisation)
            session.flush()
        user = session.exec(select(User).where(User.email == account.email)).first()
        if user is not None and not reset_passwords:
            continue
        password = secrets.token_urlsafe(12)
        if user is None:
            role = "admin" if account.is_admin else account.kind.value
            user = User(email=account.email, full_name=f"Demo {role} user",
                        password_hash="", organisation_id=organisation.id, is_admin=account.is_admin)
        user.password_hash = hash_password(password)
        session.add(user)
        created.append((account.email, "admin" if account.is_admin else account.kind.value, password))
    session.flush()
    return created
