"""Contains all the data models used in inputs/outputs"""

from .action_category_read import ActionCategoryRead
from .action_read import ActionRead
from .addressee_read import AddresseeRead
from .affected_person_create import AffectedPersonCreate
from .affected_person_detail import AffectedPersonDetail
from .analysis_read import AnalysisRead
from .analysis_request import AnalysisRequest
from .audit_action import AuditAction
from .audit_entry_read import AuditEntryRead
from .audit_entry_read_changes import AuditEntryReadChanges
from .body_auth_login import BodyAuthLogin
from .body_imports_create import BodyImportsCreate
from .champion import Champion
from .champion_by_state_under_review import ChampionByStateUnderReview
from .cycle_create import CycleCreate
from .cycle_read import CycleRead
from .cycle_update import CycleUpdate
from .document_kind import DocumentKind
from .evidence_read import EvidenceRead
from .field_error import FieldError
from .import_format import ImportFormat
from .import_job_read import ImportJobRead
from .import_job_read_options import ImportJobReadOptions
from .import_job_read_report_type_0 import ImportJobReadReportType0
from .job_status import JobStatus
from .label_read import LabelRead
from .me import Me
from .model_read import ModelRead
from .organisation_create import OrganisationCreate
from .organisation_kind import OrganisationKind
from .organisation_read import OrganisationRead
from .organisation_update import OrganisationUpdate
from .page_affected_person_detail import PageAffectedPersonDetail
from .page_audit_entry_read import PageAuditEntryRead
from .page_champion import PageChampion
from .page_cycle_read import PageCycleRead
from .page_import_job_read import PageImportJobRead
from .page_organisation_read import PageOrganisationRead
from .page_position_read import PagePositionRead
from .page_recommendation_read import PageRecommendationRead
from .page_review_document_read import PageReviewDocumentRead
from .page_review_read import PageReviewRead
from .page_sdg_target_read import PageSdgTargetRead
from .page_service_token_read import PageServiceTokenRead
from .page_session_read import PageSessionRead
from .page_state_read import PageStateRead
from .page_submission_invitation_read import PageSubmissionInvitationRead
from .page_submission_read import PageSubmissionRead
from .page_theme_detail import PageThemeDetail
from .page_user_read import PageUserRead
from .party_consent import PartyConsent
from .password_change import PasswordChange
from .position_counts import PositionCounts
from .position_create import PositionCreate
from .position_date_origin import PositionDateOrigin
from .position_kind import PositionKind
from .position_read import PositionRead
from .problem_detail import ProblemDetail
from .recommendation_affected_person_read import RecommendationAffectedPersonRead
from .recommendation_create import RecommendationCreate
from .recommendation_read import RecommendationRead
from .recommendation_source_read import RecommendationSourceRead
from .recommendation_theme_read import RecommendationThemeRead
from .recommendation_update import RecommendationUpdate
from .recommending_state_count import RecommendingStateCount
from .region_count import RegionCount
from .regional_group import RegionalGroup
from .review_create import ReviewCreate
from .review_document_create import ReviewDocumentCreate
from .review_document_read import ReviewDocumentRead
from .review_document_update import ReviewDocumentUpdate
from .review_read import ReviewRead
from .review_summary import ReviewSummary
from .review_update import ReviewUpdate
from .sdg_target_read import SdgTargetRead
from .service_token_create import ServiceTokenCreate
from .service_token_issued import ServiceTokenIssued
from .service_token_read import ServiceTokenRead
from .session_create import SessionCreate
from .session_read import SessionRead
from .session_update import SessionUpdate
from .signal_read import SignalRead
from .state_create import StateCreate
from .state_read import StateRead
from .state_ref import StateRef
from .state_update import StateUpdate
from .strength import Strength
from .submission_create import SubmissionCreate
from .submission_invitation_read import SubmissionInvitationRead
from .submission_party_read import SubmissionPartyRead
from .submission_party_write import SubmissionPartyWrite
from .submission_read import SubmissionRead
from .submission_role import SubmissionRole
from .submission_update import SubmissionUpdate
from .synonym_read import SynonymRead
from .tag_origin import TagOrigin
from .tag_origin_filter import TagOriginFilter
from .theme_count import ThemeCount
from .theme_create import ThemeCreate
from .theme_detail import ThemeDetail
from .theme_read import ThemeRead
from .theme_update import ThemeUpdate
from .token import Token
from .un_status import UNStatus
from .user_create import UserCreate
from .user_read import UserRead
from .user_update import UserUpdate

__all__ = (
    "ActionCategoryRead",
    "ActionRead",
    "AddresseeRead",
    "AffectedPersonCreate",
    "AffectedPersonDetail",
    "AnalysisRead",
    "AnalysisRequest",
    "AuditAction",
    "AuditEntryRead",
    "AuditEntryReadChanges",
    "BodyAuthLogin",
    "BodyImportsCreate",
    "Champion",
    "ChampionByStateUnderReview",
    "CycleCreate",
    "CycleRead",
    "CycleUpdate",
    "DocumentKind",
    "EvidenceRead",
    "FieldError",
    "ImportFormat",
    "ImportJobRead",
    "ImportJobReadOptions",
    "ImportJobReadReportType0",
    "JobStatus",
    "LabelRead",
    "Me",
    "ModelRead",
    "OrganisationCreate",
    "OrganisationKind",
    "OrganisationRead",
    "OrganisationUpdate",
    "PageAffectedPersonDetail",
    "PageAuditEntryRead",
    "PageChampion",
    "PageCycleRead",
    "PageImportJobRead",
    "PageOrganisationRead",
    "PagePositionRead",
    "PageRecommendationRead",
    "PageReviewDocumentRead",
    "PageReviewRead",
    "PageSdgTargetRead",
    "PageServiceTokenRead",
    "PageSessionRead",
    "PageStateRead",
    "PageSubmissionInvitationRead",
    "PageSubmissionRead",
    "PageThemeDetail",
    "PageUserRead",
    "PartyConsent",
    "PasswordChange",
    "PositionCounts",
    "PositionCreate",
    "PositionDateOrigin",
    "PositionKind",
    "PositionRead",
    "ProblemDetail",
    "RecommendationAffectedPersonRead",
    "RecommendationCreate",
    "RecommendationRead",
    "RecommendationSourceRead",
    "RecommendationThemeRead",
    "RecommendationUpdate",
    "RecommendingStateCount",
    "RegionalGroup",
    "RegionCount",
    "ReviewCreate",
    "ReviewDocumentCreate",
    "ReviewDocumentRead",
    "ReviewDocumentUpdate",
    "ReviewRead",
    "ReviewSummary",
    "ReviewUpdate",
    "SdgTargetRead",
    "ServiceTokenCreate",
    "ServiceTokenIssued",
    "ServiceTokenRead",
    "SessionCreate",
    "SessionRead",
    "SessionUpdate",
    "SignalRead",
    "StateCreate",
    "StateRead",
    "StateRef",
    "StateUpdate",
    "Strength",
    "SubmissionCreate",
    "SubmissionInvitationRead",
    "SubmissionPartyRead",
    "SubmissionPartyWrite",
    "SubmissionRead",
    "SubmissionRole",
    "SubmissionUpdate",
    "SynonymRead",
    "TagOrigin",
    "TagOriginFilter",
    "ThemeCount",
    "ThemeCreate",
    "ThemeDetail",
    "ThemeRead",
    "ThemeUpdate",
    "Token",
    "UNStatus",
    "UserCreate",
    "UserRead",
    "UserUpdate",
)
