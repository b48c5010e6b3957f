"""The permission table against the rules as the issues state them, written out by hand.

The matrix test derives its expectations from ROLE_GRANTS, so it cannot catch a wrong grant;
this file can: it is the reviewed reading of the issue texts."""

import pytest

from api.auth.permissions import Permission as P
from api.auth.permissions import Role, Scope, grants_for

ORG_ROLES = [Role.government, Role.nhri, Role.cso, Role.un, Role.academic, Role.other]


def test_anonymous_reads_published_data_only():
    assert grants_for(Role.anonymous) == {P.published_read: Scope.any}


@pytest.mark.parametrize(
    "permission",
    [
        P.states_write,
        P.organisations_write,
        P.users_read,
        P.users_write,
        P.audit_read,
        P.cycle_write,
        P.taxonomy_write,
        P.recommendations_write,
    ],
)
def test_only_admins_manage_the_platform(permission):
    assert grants_for(Role.admin)[permission] is Scope.any
    assert all(permission not in grants_for(role) for role in ORG_ROLES)


def test_positions_and_implementation_data_are_written_by_the_own_states_government_only():
    for permission in (P.positions_write, P.implementation_write, P.imports_run):
        assert grants_for(Role.government)[permission] is Scope.own_state
        assert all(permission not in grants_for(role) for role in ORG_ROLES if role is not Role.government)


@pytest.mark.parametrize("role", [Role.nhri, Role.cso, Role.government])
def test_progress_assessments_and_evidence_are_posted_for_the_own_state(role):
    for permission in (P.progress_updates_post, P.assessments_post, P.evidence_post):
        assert grants_for(role)[permission] is Scope.own_state


def test_indicator_measurements_come_from_the_own_states_government_and_nhri_only():
    for role in (Role.government, Role.nhri):
        assert grants_for(role)[P.measurements_post] is Scope.own_state
    assert all(
        P.measurements_post not in grants_for(role) for role in ORG_ROLES if role not in (Role.government, Role.nhri)
    )


@pytest.mark.parametrize("role", [Role.un, Role.academic, Role.other])
def test_observers_post_nothing(role):
    """They only read, and look after their own account — including whether another organisation may name
    them on its submission (consent is every organisation's, observers' too); UN bodies also read the
    anonymised reprisal counts of their state, for their reports."""
    assert set(grants_for(role)) == {
        P.published_read,
        P.account_read,
        P.password_change,
        P.submission_invitations_answer,
    } | ({P.reprisal_incidents_count} if role is Role.un else set())


def test_only_people_of_csos_and_nhris_reach_the_advocacy_workspace():
    """What CSOs plan and suffer: no government, observer or anonymous caller holds any of it, and no
    service token either (a leaked integration token must expose none of it)."""
    workspace = {
        P.advocacy_read,
        P.advocacy_write,
        P.coalition_invitations_answer,
        P.reprisal_incidents_read,
        P.reprisal_incidents_write,
        P.reprisal_incidents_count,
    }
    for role in Role:
        if role is Role.admin:
            continue
        held = workspace & set(grants_for(role))
        expected = workspace - {P.reprisal_incidents_count} if role in (Role.cso, Role.nhri) else set()
        assert held - {P.reprisal_incidents_count} == expected, role
        assert not workspace & set(grants_for(role, via_service_token=True)), role


def test_service_tokens_cannot_mint_tokens_or_change_passwords():
    for role in ORG_ROLES:
        grants = grants_for(role, via_service_token=True)
        assert P.service_tokens_manage not in grants and P.password_change not in grants


def test_nothing_but_admin_holds_a_permission_beyond_its_own_state_or_organisation():
    for role in ORG_ROLES:
        broad = {p for p, scope in grants_for(role).items() if scope is Scope.any}
        assert broad == {P.published_read}, role
