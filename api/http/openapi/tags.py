"""The tags of both documents, in the order a reader meets them, each with what it groups.

An operation whose tag is missing here still gets a tag entry (without a description), which the
document lint (tests/contracts/test_document_lint.py) refuses: add its line here.
"""

TAGS: dict[str, str] = {
    "health": "Probes for load balancers and orchestrators; no token.",
    "auth": "Logging in (OAuth2 password flow at `POST /auth/token`), the caller's own account, and "
    "long-lived service tokens for scripts.",
    "organisations": "Governments, NHRIs, civil society, UN bodies and others that act in the API; "
    "pseudonymous ones are shown by a neutral name to those who may not see the real one.",
    "users": "Accounts of an organisation's people (admins manage them).",
    "audit": "The audit log: who changed what, when, for every write.",
    "states": "UN member and observer states, by ISO3 code, with their regional group.",
    "cycles": "The UPR's review cycles (the 1st began in 2008).",
    "sessions": "The UPR Working Group's sessions in which states are reviewed.",
    "reviews": "One state's review in a session, with its troika.",
    "documents": "A review's documents: the national report, compilations, the outcome report.",
    "submissions": "Stakeholders' submissions to a review, alone or jointly (co-signers are invited and "
    "shown once they accept).",
    "recommendations": "What recommending states asked of the state under review, with themes, affected "
    "persons, SDG targets and the current position; as JSON pages, CSV or XLSX; and the SMART analysis "
    "of a draft.",
    "positions": "A state's positions on a recommendation over time (supported, noted, …); the current "
    "one is the latest.",
    "insights": "Aggregates over published recommendations: a review's summary, champion states.",
    "themes": "The canonical themes (OHCHR's and the SDGs'), their hierarchy and source labels.",
    "affected-persons": "The canonical groups of persons a recommendation concerns.",
    "sdg-targets": "The Sustainable Development Goals' targets.",
    "imports": "Bulk imports of OHCHR matrices, UPR Info exports and documents, run by a job worker.",
    "actions": "What a state does about its recommendations (an action plan's rows).",
    "indicators": "How an action's progress is measured, with a baseline and a target.",
    "measurements": "An indicator's values over time.",
    "milestones": "Dated steps of an action; overdue ones are listed.",
    "plan-changes": "The public history of the plan's rows: who (as an organisation) changed what, when.",
    "progress-updates": "What governments, NHRIs and CSOs report about progress, with a visibility; "
    "corrections append revisions.",
    "assessments": "Each organisation's traffic-light rating of a recommendation's implementation, side by "
    "side, never merged.",
    "evidence": "Links and files that support updates and assessments (files scrubbed of metadata).",
    "overview": "The implementation matrix (JSON, CSV, XLSX in OHCHR's layout), the mid-term report and "
    "a state's dashboard.",
    "reprisal-incidents": "Reprisals an organisation faces for its UPR work: its own (and admins'), shared "
    "with its state's NHRI if it chooses; the public gets anonymised counts per state and year.",
    "coalitions": "CSOs and NHRIs preparing a state's reviews together: member organisations join by "
    "invitation they accept; everything a coalition holds is its active members' only.",
    "working-groups": "A coalition's thematic groups, with co-chairs and members, that write its briefs.",
    "briefs": "A working group's Issues – Questions – Recommendations for a review: private to the "
    "coalition until published; exported as JSON or a one-page DOCX.",
    "proposed-recommendations": "A brief's asks, each shown with its SMART analysis; matched to the "
    "recommendations made once the review is over.",
    "calendar": "The review calendar: sessions with their dates and the reviews scheduled in each (submission "
    "deadline, Working Group date, adoption), what comes next, and the admins' CSV import.",
    "uptake": "Which recommendations made carry a coalition's asks (text-similarity suggestions the "
    "working group confirms or rejects), uptake reports per brief and per state, and the adoption window.",
    "targets": "The states a working group approaches with a brief, and suggestions from the champion finder "
    "(who recommended on the brief's themes, to this state and to others, how often supported); the "
    "coalition's only.",
    "contacts": "People at permanent missions and embassies: the coalition's only.",
    "outreach": "A coalition's log of meetings, briefings, e-mails and events with target states, the briefs "
    "presented, and the follow-ups due.",
}


def document_tags(used: list[str]) -> list[dict[str, str]]:
    """Top-level `tags`: those the operations use, in TAGS's order, then any unknown ones."""
    known = [{"name": name, "description": text} for name, text in TAGS.items() if name in used]
    return known + [{"name": name} for name in dict.fromkeys(used) if name not in TAGS]
