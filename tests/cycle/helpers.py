"""Helpers for the cycle tests: problem checks, audit look-ups, principals, small builders."""

from typing import Any

import httpx
from sqlmodel import Session, select

from api.audit.models import AuditAction, AuditEntry
from api.auth.permissions import Role, grants_for
from api.auth.principal import Principal, PrincipalKind
from api.cycle.models import Submission, SubmissionParty, SubmissionRole
from tests.factories import World
from tests.helpers import assert_problem

SLUGS = {
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    409: "conflict",
    412: "precondition-failed",
    422: "validation-error",
}


def problem(
    response: httpx.Response, status: int, field: str | None = None, detail: str = "", *, slug: str | None = None
) -> dict[str, Any]:
    """A problem+json of `status` with `slug` (the status's generic one unless given); when `field` is
    given, the body must name exactly that field."""
    body = assert_problem(response, status, slug or SLUGS[status], detail)
    if field is not None:
        assert body["field"] == field, body
    return body


def audit(session: Session, entity: str, action: AuditAction, entity_id: str | None = None) -> list[AuditEntry]:
    stmt = select(AuditEntry).where(AuditEntry.entity == entity, AuditEntry.action == action)
    if entity_id is not None:
        stmt = stmt.where(AuditEntry.entity_id == entity_id)
    return list(session.exec(stmt.order_by(AuditEntry.id)))


def principal_of(world: World, role: Role | str, state: str = "SVN") -> Principal:
    role = Role(role)
    if role is Role.anonymous:
        return Principal.anonymous()
    user = world.user(role, state)
    return Principal(
        PrincipalKind.user,
        role,
        user_id=user.id,
        organisation_id=user.organisation_id,
        state_code=state,
        grants=grants_for(role),
    )


def add_submission(
    session: Session,
    review_id: int,
    title: str = "Submission",
    parties: tuple[tuple[str, int | None, SubmissionRole], ...] = (("A CSO", None, SubmissionRole.author),),
    cited_in_summary: bool = False,
) -> Submission:
    submission = Submission(review_id=review_id, title=title, cited_in_summary=cited_in_summary)
    session.add(submission)
    session.flush()
    session.add_all(
        SubmissionParty(submission_id=submission.id, name=name, organisation_id=org, role=role)
        for name, org, role in parties
    )
    session.flush()
    return submission


def ids(response: httpx.Response) -> list[int]:
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]
