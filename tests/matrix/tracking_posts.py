"""Matrix scenarios for the tracking API's posts routes (under /tracking): progress updates,
assessments, evidence.

The world's posts are public, so another state's row is a 403 for a write (it is visible, just not
the caller's organisation's); each caller targets the rows its own role posted in that state."""

import io

from api.auth.permissions import Role
from api.tracking.models import Evidence, EvidenceKind, Visibility
from api.tracking.posts.uploads import IncomingFile, store_upload
from tests.factories import World
from tests.matrix.base import Call, Scenario, commit_row
from tests.tracking_factories import POSTING_ROLES

_ROW = {"targets_row": True, "row_is_public": True}


def _poster(r: Role) -> str:
    """The role whose rows the caller targets: its own, or the NHRI's for roles that post nothing."""
    return r.value if r.value in POSTING_ROLES else Role.nhri.value


def _update(w: World, r: Role, s: str) -> int:
    return w.tracking.updates[(_poster(r), s)].id


def _assessment(w: World, r: Role, s: str) -> int:
    return w.tracking.assessments[(_poster(r), s)].id


def _evidence(w: World, r: Role, s: str) -> int:
    return w.tracking.evidence[(_poster(r), s)].id


def _recommendation(w: World, s: str) -> int:
    return w.cycle.recommendations[s].id


def _file_evidence(w: World, s: str) -> int:
    """A public file on the government's public update of `s`, stored in the test settings' evidence
    directory (the tracking world holds only links). Committed as if by an earlier request, and let go
    by the world's session, which may outlive the case (tests/auth/test_permission_matrix.py)."""
    from api.main import app
    from api.settings import get_settings

    settings = app.dependency_overrides.get(get_settings, get_settings)()
    update = w.tracking.updates[("government", s)]
    stored = store_upload(
        IncomingFile("minutes.txt", io.BytesIO(b"Minutes of the consultation.\n")),
        settings.evidence_dir,
        settings.max_evidence_bytes,
    )
    evidence = Evidence(
        state_code=s,
        organisation_id=update.organisation_id,
        kind=EvidenceKind.file,
        file_name=stored.file_name,
        stored_name=stored.stored_name,
        content_type=stored.content_type,
        size_bytes=stored.size_bytes,
        sha256=stored.sha256,
        visibility=Visibility.public,
        progress_update_id=update.id,
    )
    return commit_row(update, evidence)


def _new_update(w: World, s: str) -> dict:
    return {
        "recommendation_id": _recommendation(w, s),
        "action_id": w.tracking.actions[s].id,
        "text": "Matrix update: the programme's first report was published.",
        "reported_on": "2021-05-01",
        "visibility": "public",
    }


def _new_assessment(w: World, s: str) -> dict:
    return {
        "recommendation_id": _recommendation(w, s),
        "rating": "implemented",
        "reasoning": "Matrix assessment.",
        "assessed_on": "2021-05-01",
        "visibility": "public",
    }


def _new_evidence(w: World, r: Role, s: str) -> Call:
    return Call(
        "/tracking/evidence",
        data={"progress_update_id": str(_update(w, r, s)), "description": "Minutes"},
        files={"file": ("minutes.txt", b"Minutes of the consultation.\n", "text/plain")},
    )


TRACKING_POSTS: dict[tuple[str, str], Scenario] = {
    ("GET", "/tracking/progress-updates"): Scenario(lambda w, r, s: Call(f"/tracking/progress-updates?state={s}")),
    ("POST", "/tracking/progress-updates"): Scenario(
        lambda w, r, s: Call("/tracking/progress-updates", json=_new_update(w, s)), **_ROW
    ),
    ("GET", "/tracking/progress-updates/{update_id}"): Scenario(
        lambda w, r, s: Call(f"/tracking/progress-updates/{_update(w, r, s)}")
    ),
    ("GET", "/tracking/progress-updates/{update_id}/revisions"): Scenario(
        lambda w, r, s: Call(f"/tracking/progress-updates/{_update(w, r, s)}/revisions")
    ),
    ("PATCH", "/tracking/progress-updates/{update_id}"): Scenario(
        lambda w, r, s: Call(
            f"/tracking/progress-updates/{_update(w, r, s)}", json={"text": "Matrix correction: adopted in April."}
        ),
        **_ROW,
    ),
    ("DELETE", "/tracking/progress-updates/{update_id}"): Scenario(
        lambda w, r, s: Call(f"/tracking/progress-updates/{_update(w, r, s)}"), **_ROW
    ),
    ("GET", "/tracking/assessments"): Scenario(lambda w, r, s: Call(f"/tracking/assessments?state={s}&current=true")),
    ("POST", "/tracking/assessments"): Scenario(
        lambda w, r, s: Call("/tracking/assessments", json=_new_assessment(w, s)), **_ROW
    ),
    ("GET", "/tracking/assessments/{assessment_id}"): Scenario(
        lambda w, r, s: Call(f"/tracking/assessments/{_assessment(w, r, s)}")
    ),
    ("GET", "/tracking/assessments/{assessment_id}/revisions"): Scenario(
        lambda w, r, s: Call(f"/tracking/assessments/{_assessment(w, r, s)}/revisions")
    ),
    ("PATCH", "/tracking/assessments/{assessment_id}"): Scenario(
        lambda w, r, s: Call(f"/tracking/assessments/{_assessment(w, r, s)}", json={"rating": "not_started"}), **_ROW
    ),
    ("DELETE", "/tracking/assessments/{assessment_id}"): Scenario(
        lambda w, r, s: Call(f"/tracking/assessments/{_assessment(w, r, s)}"), **_ROW
    ),
    ("GET", "/tracking/recommendations/{recommendation_id}/assessments"): Scenario(
        lambda w, r, s: Call(f"/tracking/recommendations/{_recommendation(w, s)}/assessments")
    ),
    ("GET", "/tracking/evidence"): Scenario(lambda w, r, s: Call(f"/tracking/evidence?state={s}")),
    ("POST", "/tracking/evidence"): Scenario(_new_evidence, **_ROW),
    ("GET", "/tracking/evidence/{evidence_id}"): Scenario(
        lambda w, r, s: Call(f"/tracking/evidence/{_evidence(w, r, s)}")
    ),
    ("GET", "/tracking/evidence/{evidence_id}/file"): Scenario(
        lambda w, r, s: Call(f"/tracking/evidence/{_file_evidence(w, s)}/file")
    ),
    ("PATCH", "/tracking/evidence/{evidence_id}"): Scenario(
        lambda w, r, s: Call(f"/tracking/evidence/{_evidence(w, r, s)}", json={"description": "Signed minutes"}), **_ROW
    ),
    ("DELETE", "/tracking/evidence/{evidence_id}"): Scenario(
        lambda w, r, s: Call(f"/tracking/evidence/{_evidence(w, r, s)}"), **_ROW
    ),
}
