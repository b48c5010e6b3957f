"""Contains all the data models used in inputs/outputs"""

from .action_category_read import ActionCategoryRead
from .action_create import ActionCreate
from .action_page import ActionPage
from .action_read import ActionRead
from .action_status import ActionStatus
from .action_update import ActionUpdate
from .actor_counts import ActorCounts
from .actor_rating import ActorRating
from .addressee_read import AddresseeRead
from .affected_person_create import AffectedPersonCreate
from .affected_person_detail import AffectedPersonDetail
from .affected_person_detail_page import AffectedPersonDetailPage
from .analysis_read import AnalysisRead
from .analysis_request import AnalysisRequest
from .assessment_create import AssessmentCreate
from .assessment_page import AssessmentPage
from .assessment_read import AssessmentRead
from .assessment_revision_page import AssessmentRevisionPage
from .assessment_revision_read import AssessmentRevisionRead
from .assessment_update import AssessmentUpdate
from .audit_action import AuditAction
from .audit_entry_page import AuditEntryPage
from .audit_entry_read import AuditEntryRead
from .audit_entry_read_changes import AuditEntryReadChanges
from .champion import Champion
from .champion_by_state_under_review import ChampionByStateUnderReview
from .champion_page import ChampionPage
from .cycle_create import CycleCreate
from .cycle_page import CyclePage
from .cycle_read import CycleRead
from .cycle_update import CycleUpdate
from .dashboard import Dashboard
from .dashboard_actions_by_status import DashboardActionsByStatus
from .dashboard_by_position import DashboardByPosition
from .dashboard_milestones import DashboardMilestones
from .direction import Direction
from .document_kind import DocumentKind
from .evidence_kind import EvidenceKind
from .evidence_page import EvidencePage
from .evidence_read import EvidenceRead
from .evidence_update import EvidenceUpdate
from .evidence_upload import EvidenceUpload
from .field_change import FieldChange
from .field_error import FieldError
from .import_format import ImportFormat
from .import_job_page import ImportJobPage
from .import_job_read import ImportJobRead
from .import_job_read_options import ImportJobReadOptions
from .import_job_read_report_type_0 import ImportJobReadReportType0
from .import_upload import ImportUpload
from .indicator_create import IndicatorCreate
from .indicator_page import IndicatorPage
from .indicator_read import IndicatorRead
from .indicator_update import IndicatorUpdate
from .job_status import JobStatus
from .label_read import LabelRead
from .liveness import Liveness
from .login_form import LoginForm
from .matrix_action import MatrixAction
from .matrix_indicator import MatrixIndicator
from .matrix_page import MatrixPage
from .matrix_row import MatrixRow
from .me import Me
from .measurement_create import MeasurementCreate
from .measurement_page import MeasurementPage
from .measurement_read import MeasurementRead
from .measurement_update import MeasurementUpdate
from .mid_term_report import MidTermReport
from .mid_term_report_by_position import MidTermReportByPosition
from .milestone_create import MilestoneCreate
from .milestone_page import MilestonePage
from .milestone_read import MilestoneRead
from .milestone_status import MilestoneStatus
from .milestone_update import MilestoneUpdate
from .model_read import ModelRead
from .o_auth_error import OAuthError
from .o_auth_error_code import OAuthErrorCode
from .organisation_assessments import OrganisationAssessments
from .organisation_create import OrganisationCreate
from .organisation_kind import OrganisationKind
from .organisation_page import OrganisationPage
from .organisation_read import OrganisationRead
from .organisation_ref import OrganisationRef
from .organisation_update import OrganisationUpdate
from .party_consent import PartyConsent
from .password_change import PasswordChange
from .plan_change_kind import PlanChangeKind
from .plan_change_page import PlanChangePage
from .plan_change_read import PlanChangeRead
from .plan_entity import PlanEntity
from .position_change import PositionChange
from .position_counts import PositionCounts
from .position_create import PositionCreate
from .position_date_origin import PositionDateOrigin
from .position_kind import PositionKind
from .position_page import PositionPage
from .position_read import PositionRead
from .problem_detail import ProblemDetail
from .progress_update_create import ProgressUpdateCreate
from .progress_update_page import ProgressUpdatePage
from .progress_update_read import ProgressUpdateRead
from .progress_update_revision_page import ProgressUpdateRevisionPage
from .progress_update_revision_read import ProgressUpdateRevisionRead
from .progress_update_update import ProgressUpdateUpdate
from .rating_counts import RatingCounts
from .readiness import Readiness
from .recommendation_affected_person_read import RecommendationAffectedPersonRead
from .recommendation_assessments import RecommendationAssessments
from .recommendation_create import RecommendationCreate
from .recommendation_page import RecommendationPage
from .recommendation_read import RecommendationRead
from .recommendation_source_read import RecommendationSourceRead
from .recommendation_theme_read import RecommendationThemeRead
from .recommendation_update import RecommendationUpdate
from .recommending_state_count import RecommendingStateCount
from .region_count import RegionCount
from .regional_group import RegionalGroup
from .review_create import ReviewCreate
from .review_document_create import ReviewDocumentCreate
from .review_document_page import ReviewDocumentPage
from .review_document_read import ReviewDocumentRead
from .review_document_update import ReviewDocumentUpdate
from .review_page import ReviewPage
from .review_read import ReviewRead
from .review_summary import ReviewSummary
from .review_update import ReviewUpdate
from .sdg_target_page import SdgTargetPage
from .sdg_target_read import SdgTargetRead
from .service_token_create import ServiceTokenCreate
from .service_token_issued import ServiceTokenIssued
from .service_token_page import ServiceTokenPage
from .service_token_read import ServiceTokenRead
from .session_create import SessionCreate
from .session_page import SessionPage
from .session_read import SessionRead
from .session_update import SessionUpdate
from .signal_read import SignalRead
from .state_create import StateCreate
from .state_page import StatePage
from .state_read import StateRead
from .state_ref import StateRef
from .state_update import StateUpdate
from .strength import Strength
from .submission_create import SubmissionCreate
from .submission_invitation_page import SubmissionInvitationPage
from .submission_invitation_read import SubmissionInvitationRead
from .submission_page import SubmissionPage
from .submission_party_read import SubmissionPartyRead
from .submission_party_write_type_0 import SubmissionPartyWriteType0
from .submission_party_write_type_1 import SubmissionPartyWriteType1
from .submission_read import SubmissionRead
from .submission_role import SubmissionRole
from .submission_update import SubmissionUpdate
from .synonym_read import SynonymRead
from .tag_origin import TagOrigin
from .tag_origin_filter import TagOriginFilter
from .theme_count import ThemeCount
from .theme_counts import ThemeCounts
from .theme_create import ThemeCreate
from .theme_detail import ThemeDetail
from .theme_detail_page import ThemeDetailPage
from .theme_read import ThemeRead
from .theme_update import ThemeUpdate
from .token import Token
from .tracking_action_read import TrackingActionRead
from .tracking_evidence_read import TrackingEvidenceRead
from .traffic_light import TrafficLight
from .un_status import UNStatus
from .user_create import UserCreate
from .user_page import UserPage
from .user_read import UserRead
from .user_update import UserUpdate
from .visibility import Visibility

__all__ = (
    "ActionCategoryRead",
    "ActionCreate",
    "ActionPage",
    "ActionRead",
    "ActionStatus",
    "ActionUpdate",
    "ActorCounts",
    "ActorRating",
    "AddresseeRead",
    "AffectedPersonCreate",
    "AffectedPersonDetail",
    "AffectedPersonDetailPage",
    "AnalysisRead",
    "AnalysisRequest",
    "AssessmentCreate",
    "AssessmentPage",
    "AssessmentRead",
    "AssessmentRevisionPage",
    "AssessmentRevisionRead",
    "AssessmentUpdate",
    "AuditAction",
    "AuditEntryPage",
    "AuditEntryRead",
    "AuditEntryReadChanges",
    "Champion",
    "ChampionByStateUnderReview",
    "ChampionPage",
    "CycleCreate",
    "CyclePage",
    "CycleRead",
    "CycleUpdate",
    "Dashboard",
    "DashboardActionsByStatus",
    "DashboardByPosition",
    "DashboardMilestones",
    "Direction",
    "DocumentKind",
    "EvidenceKind",
    "EvidencePage",
    "EvidenceRead",
    "EvidenceUpdate",
    "EvidenceUpload",
    "FieldChange",
    "FieldError",
    "ImportFormat",
    "ImportJobPage",
    "ImportJobRead",
    "ImportJobReadOptions",
    "ImportJobReadReportType0",
    "ImportUpload",
    "IndicatorCreate",
    "IndicatorPage",
    "IndicatorRead",
    "IndicatorUpdate",
    "JobStatus",
    "LabelRead",
    "Liveness",
    "LoginForm",
    "MatrixAction",
    "MatrixIndicator",
    "MatrixPage",
    "MatrixRow",
    "Me",
    "MeasurementCreate",
    "MeasurementPage",
    "MeasurementRead",
    "MeasurementUpdate",
    "MidTermReport",
    "MidTermReportByPosition",
    "MilestoneCreate",
    "MilestonePage",
    "MilestoneRead",
    "MilestoneStatus",
    "MilestoneUpdate",
    "ModelRead",
    "OAuthError",
    "OAuthErrorCode",
    "OrganisationAssessments",
    "OrganisationCreate",
    "OrganisationKind",
    "OrganisationPage",
    "OrganisationRead",
    "OrganisationRef",
    "OrganisationUpdate",
    "PartyConsent",
    "PasswordChange",
    "PlanChangeKind",
    "PlanChangePage",
    "PlanChangeRead",
    "PlanEntity",
    "PositionChange",
    "PositionCounts",
    "PositionCreate",
    "PositionDateOrigin",
    "PositionKind",
    "PositionPage",
    "PositionRead",
    "ProblemDetail",
    "ProgressUpdateCreate",
    "ProgressUpdatePage",
    "ProgressUpdateRead",
    "ProgressUpdateRevisionPage",
    "ProgressUpdateRevisionRead",
    "ProgressUpdateUpdate",
    "RatingCounts",
    "Readiness",
    "RecommendationAffectedPersonRead",
    "RecommendationAssessments",
    "RecommendationCreate",
    "RecommendationPage",
    "RecommendationRead",
    "RecommendationSourceRead",
    "RecommendationThemeRead",
    "RecommendationUpdate",
    "RecommendingStateCount",
    "RegionalGroup",
    "RegionCount",
    "ReviewCreate",
    "ReviewDocumentCreate",
    "ReviewDocumentPage",
    "ReviewDocumentRead",
    "ReviewDocumentUpdate",
    "ReviewPage",
    "ReviewRead",
    "ReviewSummary",
    "ReviewUpdate",
    "SdgTargetPage",
    "SdgTargetRead",
    "ServiceTokenCreate",
    "ServiceTokenIssued",
    "ServiceTokenPage",
    "ServiceTokenRead",
    "SessionCreate",
    "SessionPage",
    "SessionRead",
    "SessionUpdate",
    "SignalRead",
    "StateCreate",
    "StatePage",
    "StateRead",
    "StateRef",
    "StateUpdate",
    "Strength",
    "SubmissionCreate",
    "SubmissionInvitationPage",
    "SubmissionInvitationRead",
    "SubmissionPage",
    "SubmissionPartyRead",
    "SubmissionPartyWriteType0",
    "SubmissionPartyWriteType1",
    "SubmissionRead",
    "SubmissionRole",
    "SubmissionUpdate",
    "SynonymRead",
    "TagOrigin",
    "TagOriginFilter",
    "ThemeCount",
    "ThemeCounts",
    "ThemeCreate",
    "ThemeDetail",
    "ThemeDetailPage",
    "ThemeRead",
    "ThemeUpdate",
    "Token",
    "TrackingActionRead",
    "TrackingEvidenceRead",
    "TrafficLight",
    "UNStatus",
    "UserCreate",
    "UserPage",
    "UserRead",
    "UserUpdate",
    "Visibility",
)
