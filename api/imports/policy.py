"""Row rules for imports: who may import to which state, which rows an import may write, and whose
import jobs a caller sees."""

from sqlmodel import col, select
from sqlmodel.sql.expression import SelectOfScalar

from api.auth.permissions import Permission
from api.auth.principal import Principal
from api.core.errors import Forbidden
from api.imports.models import ImportJob


class ImportNotOwnState(Forbidden):
    slug, title = "import-not-own-state", "Not your state"


class ImportNotPermitted(Forbidden):
    slug, title = "import-not-permitted", "Not allowed to import"


def require_import(principal: Principal, state: str | None) -> None:
    """Admins import to any state; a government to its own, named in `state` (403
    `import-not-own-state`); anyone else, e.g. a government account without a state, not at all (403
    `import-not-permitted`)."""
    if principal.may(Permission.imports_run, state_code=state):
        return
    if principal.may(Permission.imports_run, state_code=principal.state_code):
        raise ImportNotOwnState(
            f"You may import recommendations to {principal.state_code} only: give state={principal.state_code}."
        )
    raise ImportNotPermitted("Your role may not import recommendations.")


def import_scope(principal: Principal) -> str | None:
    """The one state whose recommendations an import may write (the rows of other states are rejected),
    or None for any state (admins)."""
    return None if principal.is_admin else principal.state_code


def out_of_scope(state: str, scope: str | None) -> str | None:
    """Why a row for `state` is rejected by an import limited to `scope`, or None when it may be written."""
    if scope is None or state == scope:
        return None
    return f"You may import recommendations to {scope} only, not to {state}."


def visible_jobs(principal: Principal) -> SelectOfScalar[ImportJob]:
    """Admins see every import job; everyone else their organisation's (another's is a 404)."""
    stmt = select(ImportJob)
    return stmt if principal.is_admin else stmt.where(col(ImportJob.organisation_id) == principal.organisation_id)
