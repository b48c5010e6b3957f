"""Every table, imported in one place for Alembic and the schema test."""

from sqlmodel import SQLModel

from api.advocacy.models import (
    Brief,
    BriefAffectedPerson,
    BriefSubmission,
    BriefTarget,
    BriefTheme,
    Coalition,
    CoalitionMember,
    MissionContact,
    Outreach,
    OutreachBrief,
    ProposedRecommendation,
    ReprisalIncident,
    UptakeMatch,
    WorkingGroup,
    WorkingGroupMember,
    WorkingGroupTheme,
)
from api.audit.models import AuditEntry
from api.auth.models import LoginThrottle, Organisation, ServiceToken, User
from api.cycle.models import (
    Cycle,
    Review,
    ReviewDocument,
    ReviewTroika,
    State,
    Submission,
    SubmissionParty,
    SubmissionTheme,
    UprSession,
)
from api.idempotency.models import IdempotencyKey
from api.imports.models import ImportJob
from api.ratelimit.models import RateLimitWindow
from api.recommendations.derived_models import DataVersion, DerivedDirty, RecommendationReadRow
from api.recommendations.models import (
    Position,
    Recommendation,
    RecommendationAffectedPerson,
    RecommendationSdgTarget,
    RecommendationSource,
    RecommendationTheme,
    RecommendingState,
    VoluntaryPledge,
)
from api.recommendations.tally_models import ChampionTally
from api.taxonomy.models import AffectedPerson, AffectedPersonSynonym, SdgTarget, Theme, ThemeSynonym
from api.tracking.models import (
    Action,
    ActionRecommendation,
    Assessment,
    AssessmentRevision,
    Evidence,
    Indicator,
    Measurement,
    Milestone,
    PlanChange,
    ProgressUpdate,
    ProgressUpdateRevision,
)

metadata = SQLModel.metadata

# Full-text search lives in objects the migrations create by hand, per database: an FTS5 virtual
# table (with its shadow tables) on SQLite; on PostgreSQL the trigger-kept `recommendation.search_vector`
# column and its GIN index (migration 0017). The models do not describe them, so schema comparison
# ignores them.
SEARCH_TABLE_PREFIX = "recommendation_fts"
SEARCH_INDEX = "ix_recommendation_text_search"
SEARCH_COLUMN = "search_vector"


# The task engine's tables (procrastinate's schema, or our SQLite connector's) are the engine's, created
# by migration 0008 from its own DDL.
JOB_ENGINE_PREFIX = "procrastinate_"


def include_name(name: str | None, type_: str, parent_names: dict) -> bool:
    if type_ == "table" and name and name.startswith((SEARCH_TABLE_PREFIX, JOB_ENGINE_PREFIX)):
        return False
    if type_ == "column" and name == SEARCH_COLUMN and parent_names.get("table_name") == "recommendation":
        return False
    return not (type_ == "index" and name == SEARCH_INDEX)


__all__ = [
    "Brief",
    "BriefAffectedPerson",
    "BriefSubmission",
    "BriefTarget",
    "BriefTheme",
    "Coalition",
    "CoalitionMember",
    "MissionContact",
    "Outreach",
    "OutreachBrief",
    "ProposedRecommendation",
    "ReprisalIncident",
    "UptakeMatch",
    "WorkingGroup",
    "WorkingGroupMember",
    "WorkingGroupTheme",
    "DataVersion",
    "DerivedDirty",
    "RecommendationReadRow",
    "Action",
    "ActionRecommendation",
    "Assessment",
    "AssessmentRevision",
    "Evidence",
    "Indicator",
    "Measurement",
    "Milestone",
    "ProgressUpdate",
    "ProgressUpdateRevision",
    "AffectedPerson",
    "AffectedPersonSynonym",
    "AuditEntry",
    "ChampionTally",
    "IdempotencyKey",
    "Cycle",
    "ImportJob",
    "LoginThrottle",
    "Organisation",
    "PlanChange",
    "Position",
    "RateLimitWindow",
    "Recommendation",
    "RecommendationAffectedPerson",
    "RecommendationSdgTarget",
    "RecommendationSource",
    "RecommendationTheme",
    "RecommendingState",
    "Review",
    "ReviewDocument",
    "ReviewTroika",
    "SdgTarget",
    "ServiceToken",
    "State",
    "Submission",
    "SubmissionParty",
    "SubmissionTheme",
    "Theme",
    "ThemeSynonym",
    "UprSession",
    "User",
    "VoluntaryPledge",
    "include_name",
    "metadata",
]
