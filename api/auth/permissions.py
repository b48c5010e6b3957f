"""Who may do what: the one table of the whole API.

Read it as data. A role holds permissions, each with the scope it applies to: `any` row, rows of
the caller's `own_state`, or rows of the caller's `own_organisation`. Route gates check that the
role holds the permission at all; domain services apply the scope to the rows (404 for what the
caller may not see, 403 for what it sees but may not change).
"""

from enum import StrEnum


class Role(StrEnum):
    anonymous = "anonymous"
    government = "government"
    nhri = "nhri"
    cso = "cso"
    un = "un"
    academic = "academic"
    other = "other"
    admin = "admin"


class Scope(StrEnum):
    any = "any"
    own_state = "own_state"
    own_organisation = "own_organisation"


class Permission(StrEnum):
    published_read = "published:read"
    account_read = "account:read"
    password_change = "password:change"
    service_tokens_manage = "service-tokens:manage"
    states_write = "states:write"
    organisations_write = "organisations:write"
    users_read = "users:read"
    users_write = "users:write"
    audit_read = "audit:read"
    cycle_write = "cycle:write"
    taxonomy_write = "taxonomy:write"
    recommendations_write = "recommendations:write"
    submissions_write = "submissions:write"
    # Accept or decline being named on a submission (scope: the caller's organisation's parties).
    submission_invitations_answer = "submission-invitations:answer"
    positions_write = "positions:write"
    imports_run = "imports:run"
    # The tracking API gates its writes with these.
    implementation_write = "implementation:write"
    progress_updates_post = "progress-updates:post"
    assessments_post = "assessments:post"
    evidence_post = "evidence:post"
    measurements_post = "measurements:post"
    # The advocacy workspace (api/advocacy): a coalition's rows are its member organisations' (policy).
    advocacy_read = "advocacy:read"
    advocacy_write = "advocacy:write"
    # Join a coalition that invited the caller's organisation (a person decides, not a script).
    coalition_invitations_answer = "coalition-invitations:answer"
    reprisal_incidents_read = "reprisal-incidents:read"
    reprisal_incidents_write = "reprisal-incidents:write"
    # The anonymised counts per state and year, for the reports of NHRIs and UN bodies (of their own
    # state) and admins: a count anyone could read could be differenced by anyone who can also record one.
    reprisal_incidents_count = "reprisal-incidents:count"


P, S = Permission, Scope
Grants = dict[Permission, Scope]

PUBLIC: Grants = {P.published_read: S.any}
MEMBER: Grants = PUBLIC | {
    P.account_read: S.own_organisation,
    P.password_change: S.own_organisation,
    P.submission_invitations_answer: S.own_organisation,
}
INTEGRATOR: Grants = MEMBER | {P.service_tokens_manage: S.own_organisation}
STAKEHOLDER_SUBMISSIONS: Grants = {P.submissions_write: S.own_state}
OWN_STATE_POSTING: Grants = {
    P.progress_updates_post: S.own_state,
    P.assessments_post: S.own_state,
    P.evidence_post: S.own_state,
}
GOVERNMENT_WRITES: Grants = {
    P.positions_write: S.own_state,
    P.implementation_write: S.own_state,
    P.imports_run: S.own_state,
}
# CSOs and NHRIs prepare reviews in coalitions and record the reprisals they face.
ADVOCACY: Grants = {
    P.advocacy_read: S.own_organisation,
    P.advocacy_write: S.own_organisation,
    P.coalition_invitations_answer: S.own_organisation,
    P.reprisal_incidents_read: S.own_organisation,
    P.reprisal_incidents_write: S.own_organisation,
}
INCIDENT_COUNTS: Grants = {P.reprisal_incidents_count: S.own_state}
# Indicator data comes from ministries and from NHRIs' own monitoring (their integration scripts).
MEASUREMENTS: Grants = {P.measurements_post: S.own_state}

ROLE_GRANTS: dict[Role, Grants] = {
    Role.anonymous: PUBLIC,
    Role.government: INTEGRATOR | GOVERNMENT_WRITES | OWN_STATE_POSTING | MEASUREMENTS,
    Role.nhri: INTEGRATOR | OWN_STATE_POSTING | STAKEHOLDER_SUBMISSIONS | MEASUREMENTS | ADVOCACY | INCIDENT_COUNTS,
    Role.cso: INTEGRATOR | OWN_STATE_POSTING | STAKEHOLDER_SUBMISSIONS | ADVOCACY,
    Role.un: MEMBER | INCIDENT_COUNTS,
    Role.academic: MEMBER,
    Role.other: MEMBER,
    Role.admin: {p: S.any for p in Permission},
}

# A service token acts for its organisation's scripts; it may not mint further tokens, it has no
# password, and consenting to be named on a submission is for people, not scripts. Nor does it reach the
# advocacy workspace or reprisal incidents: what CSOs plan and suffer is read and written by their people,
# so a leaked integration token exposes none of it.
SERVICE_TOKEN_WITHHELD: frozenset[Permission] = frozenset(
    {P.service_tokens_manage, P.password_change, P.submission_invitations_answer, *ADVOCACY, *INCIDENT_COUNTS}
)


def grants_for(role: Role, *, via_service_token: bool = False) -> Grants:
    grants = ROLE_GRANTS[role]
    if via_service_token:
        return {p: s for p, s in grants.items() if p not in SERVICE_TOKEN_WITHHELD}
    return grants
