"""The cycle services called directly: rules that hold whoever calls, without HTTP."""

import pytest

from api.auth.models import OrganisationKind
from api.auth.principal import Principal, PrincipalKind
from api.core.errors import Conflict, Forbidden, InvalidInput
from api.core.pagination import PageParams
from api.cycle import reviews_service, service, submissions_service
from api.cycle.models import PartyConsent, SubmissionRole
from api.cycle.schemas import (
    CycleUpdate,
    ReviewCreate,
    SessionCreate,
    SubmissionCreate,
    SubmissionPartyWrite,
    SubmissionUpdate,
)
from tests.cycle.helpers import add_submission, principal_of
from tests.cycle_factories import create_cycle, create_recommendation, create_review, create_upr_session
from tests.factories import OTHER_STATE, OWN_STATE, create_organisation, create_state


def test_review_reads_batch_troika_counts_and_cycles(session, world):
    create_cycle(session, 4, start_year=2022, end_year=None)
    create_upr_session(session, 41, 4, 2022)
    first = create_review(session, OWN_STATE, 34, troika=("JPN", "BRA"))
    second = create_review(session, OTHER_STATE, 41)
    create_recommendation(session, first)
    create_recommendation(session, first, "Another", paragraph="121.2")
    a, b = reviews_service.review_reads(session, [first, second])
    assert (a.troika, a.recommendation_count, a.cycle) == (["BRA", "JPN"], 2, 3)
    assert (b.troika, b.recommendation_count, b.cycle) == ([], 0, 4)


def test_create_review_rules(session, world):
    create_upr_session(session, 34)
    create_state(session, "FRA")
    review = reviews_service.create_review(session, ReviewCreate(state_under_review="svn", session=34, troika=["FRA"]))
    assert review.state_code == OWN_STATE
    with pytest.raises(Conflict):
        reviews_service.create_review(session, ReviewCreate(state_under_review="SVN", session=34))
    with pytest.raises(InvalidInput) as unknown:
        reviews_service.create_review(session, ReviewCreate(state_under_review="HRV", session=34, troika=["ABC"]))
    assert unknown.value.field == "troika"


def test_calendar_rules(session, world):
    create_cycle(session, 3)
    with pytest.raises(InvalidInput) as no_cycle:
        service.create_session(session, SessionCreate(number=60, cycle_number=6, year=2031))
    assert no_cycle.value.field == "cycle_number"
    with pytest.raises(InvalidInput) as backwards:
        service.update_cycle(session, service.get_cycle(session, 3), CycleUpdate(end_year=2010))
    assert backwards.value.field == "end_year"
    assert [c.number for c in service.list_cycles(session, PageParams()).items] == [3]


def test_typed_names_link_only_to_organisations_the_caller_may_name(session, cycle_world):
    hidden = create_organisation(session, OrganisationKind.cso, OWN_STATE, name="Ženske za mir", public_name="Alias")
    open_org = create_organisation(session, OrganisationKind.cso, OWN_STATE, name="Mirovni inštitut")
    cso = principal_of(cycle_world, "cso")
    data = SubmissionCreate(
        review_id=cycle_world.cycle.reviews[OWN_STATE].id,
        title="T",
        parties=[
            SubmissionPartyWrite(name="  ŽENSKE za mir. "),
            SubmissionPartyWrite(name="mirovni  INŠTITUT", role=SubmissionRole.co_signer),
            SubmissionPartyWrite(name="Us", organisation_id=cycle_world.org("cso").id, role=SubmissionRole.co_signer),
        ],
    )
    read = submissions_service.submission_read(session, cso, submissions_service.create_submission(session, cso, data))
    assert [(p.name, p.organisation_id) for p in read.parties] == [
        ("ŽENSKE za mir.", None),  # a guess at a pseudonymous CSO's real name stays a guess
        ("Mirovni inštitut", open_org.id),  # a public name is linked (Unicode case folded)
        (cycle_world.org("cso").name, cycle_world.org("cso").id),
    ]  # a linked party takes its organisation's name
    admin = principal_of(cycle_world, "admin")
    by_admin = submissions_service.create_submission(
        session, admin, data.model_copy(update={"parties": [SubmissionPartyWrite(name="ženske za mir")]})
    )
    (linked,) = submissions_service.submission_read(session, admin, by_admin).parties
    assert (linked.organisation_id, linked.consent) == (hidden.id, PartyConsent.invited)
    assert submissions_service.submission_read(session, Principal.anonymous(), by_admin).parties == []
    assert by_admin.id is not None
    (invitation,) = submissions_service.list_invitations(session, admin, PageParams(), submission_id=by_admin.id).items
    submissions_service.answer_invitation(session, admin, by_admin.id, invitation.party_id, PartyConsent.accepted)
    assert submissions_service.submission_read(session, Principal.anonymous(), by_admin).parties[0].name == "Alias"


def test_members_by_service_token_see_the_real_name(session, cycle_world):
    hidden = create_organisation(session, OrganisationKind.cso, OWN_STATE, name="Real Name", public_name="Alias")
    submission = add_submission(
        session, cycle_world.cycle.reviews[OWN_STATE].id, parties=(("Real Name", hidden.id, SubmissionRole.author),)
    )
    cso = principal_of(cycle_world, "cso")
    script = Principal(
        PrincipalKind.service_token,
        cso.role,
        organisation_id=hidden.id,
        state_code=OWN_STATE,
        service_token_id=1,
        grants=cso.grants,
    )
    assert submissions_service.submission_read(session, script, submission).parties[0].name == "Real Name"
    assert submissions_service.submission_read(session, cso, submission).parties[0].name == "Alias"
    assert submissions_service.submission_read(session, Principal.anonymous(), submission).parties[0].name == "Alias"


def test_submission_writes_are_scoped_to_the_review_state(session, cycle_world):
    nhri = principal_of(cycle_world, "nhri")
    other = cycle_world.cycle.submissions[OTHER_STATE]
    with pytest.raises(Forbidden):
        submissions_service.update_submission(session, nhri, other, SubmissionUpdate(title="X"))
    with pytest.raises(Forbidden):
        submissions_service.delete_submission(session, nhri, other.id)
    theirs = cycle_world.cycle.submissions[OWN_STATE]  # the CSO's, same state
    with pytest.raises(Forbidden):
        submissions_service.update_submission(session, nhri, theirs, SubmissionUpdate(title="X"))
    with pytest.raises(Forbidden):
        submissions_service.delete_submission(session, nhri, theirs.id)
    own = cycle_world.cycle.nhri_submissions[OWN_STATE]
    nhri_org = cycle_world.org("nhri").id
    with pytest.raises(Forbidden):  # nobody writes itself out of its own submission
        submissions_service.update_submission(
            session, nhri, own, SubmissionUpdate(parties=[SubmissionPartyWrite(name="Someone else")])
        )
    updated = submissions_service.update_submission(
        session,
        nhri,
        own,
        SubmissionUpdate(
            parties=[
                SubmissionPartyWrite(name="A", organisation_id=nhri_org),
                SubmissionPartyWrite(name="B", role=SubmissionRole.endorser),
            ]
        ),
    )
    read = submissions_service.submission_read(session, nhri, updated)
    assert read.joint is False and [p.name for p in read.parties] == [cycle_world.org("nhri").name, "B"]
