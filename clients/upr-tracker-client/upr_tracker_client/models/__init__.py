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
from .adoption_window import AdoptionWindow
from .affected_person_create import AffectedPersonCreate
from .affected_person_detail import AffectedPersonDetail
from .affected_person_detail_page import AffectedPersonDetailPage
from .analysis_read import AnalysisRead
from .analysis_request import AnalysisRequest
from .ask_uptake import AskUptake
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
from .brief_ask import BriefAsk
from .brief_coalition_ref import BriefCoalitionRef
from .brief_create import BriefCreate
from .brief_export import BriefExport
from .brief_export_label import BriefExportLabel
from .brief_export_recommendation import BriefExportRecommendation
from .brief_export_session import BriefExportSession
from .brief_export_state import BriefExportState
from .brief_export_submission import BriefExportSubmission
from .brief_label_ref import BriefLabelRef
from .brief_page import BriefPage
from .brief_read import BriefRead
from .brief_review_ref import BriefReviewRef
from .brief_status import BriefStatus
from .brief_submission_ref import BriefSubmissionRef
from .brief_update import BriefUpdate
from .brief_uptake import BriefUptake
from .brief_uptake_totals import BriefUptakeTotals
from .brief_uptake_totals_by_position import BriefUptakeTotalsByPosition
from .brief_working_group_ref import BriefWorkingGroupRef
from .calendar_deadline import CalendarDeadline
from .calendar_import_body import CalendarImportBody
from .calendar_import_read import CalendarImportRead
from .calendar_read import CalendarRead
from .calendar_review import CalendarReview
from .calendar_session import CalendarSession
from .champion import Champion
from .champion_by_state_under_review import ChampionByStateUnderReview
from .champion_page import ChampionPage
from .coalition_create import CoalitionCreate
from .coalition_page import CoalitionPage
from .coalition_read import CoalitionRead
from .coalition_role import CoalitionRole
from .coalition_update import CoalitionUpdate
from .contact_create import ContactCreate
from .contact_page import ContactPage
from .contact_read import ContactRead
from .contact_update import ContactUpdate
from .cycle_create import CycleCreate
from .cycle_page import CyclePage
from .cycle_read import CycleRead
from .cycle_update import CycleUpdate
from .dashboard import Dashboard
from .dashboard_actions_by_status import DashboardActionsByStatus
from .dashboard_by_position import DashboardByPosition
from .dashboard_milestones import DashboardMilestones
from .deadline_kind import DeadlineKind
from .direction import Direction
from .document_kind import DocumentKind
from .evidence_kind import EvidenceKind
from .evidence_page import EvidencePage
from .evidence_read import EvidenceRead
from .evidence_update import EvidenceUpdate
from .evidence_upload import EvidenceUpload
from .field_change import FieldChange
from .field_error import FieldError
from .group_member_read import GroupMemberRead
from .group_member_write import GroupMemberWrite
from .import_format import ImportFormat
from .import_job_page import ImportJobPage
from .import_job_read import ImportJobRead
from .import_job_read_options import ImportJobReadOptions
from .import_job_read_report_type_0 import ImportJobReadReportType0
from .import_upload import ImportUpload
from .incident_count import IncidentCount
from .incident_counts import IncidentCounts
from .incident_create import IncidentCreate
from .incident_kind import IncidentKind
from .incident_page import IncidentPage
from .incident_read import IncidentRead
from .incident_update import IncidentUpdate
from .indicator_create import IndicatorCreate
from .indicator_page import IndicatorPage
from .indicator_read import IndicatorRead
from .indicator_update import IndicatorUpdate
from .invitation_page import InvitationPage
from .invitation_read import InvitationRead
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
from .member_invite import MemberInvite
from .member_page import MemberPage
from .member_read import MemberRead
from .member_update import MemberUpdate
from .membership import Membership
from .membership_status import MembershipStatus
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
from .outreach_create import OutreachCreate
from .outreach_kind import OutreachKind
from .outreach_page import OutreachPage
from .outreach_read import OutreachRead
from .outreach_update import OutreachUpdate
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
from .proposed_recommendation_create import ProposedRecommendationCreate
from .proposed_recommendation_read import ProposedRecommendationRead
from .proposed_recommendation_update import ProposedRecommendationUpdate
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
from .smart_analysis_read import SmartAnalysisRead
from .state_ask import StateAsk
from .state_create import StateCreate
from .state_page import StatePage
from .state_read import StateRead
from .state_ref import StateRef
from .state_update import StateUpdate
from .state_uptake import StateUptake
from .state_uptake_by_position import StateUptakeByPosition
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
from .target_create import TargetCreate
from .target_page import TargetPage
from .target_read import TargetRead
from .target_suggestion import TargetSuggestion
from .target_suggestions import TargetSuggestions
from .target_update import TargetUpdate
from .theme_count import ThemeCount
from .theme_counts import ThemeCounts
from .theme_create import ThemeCreate
from .theme_detail import ThemeDetail
from .theme_detail_page import ThemeDetailPage
from .theme_read import ThemeRead
from .theme_ref import ThemeRef
from .theme_update import ThemeUpdate
from .token import Token
from .tracking_action_read import TrackingActionRead
from .tracking_evidence_read import TrackingEvidenceRead
from .traffic_light import TrafficLight
from .un_status import UNStatus
from .uptake_by_state import UptakeByState
from .uptake_decision import UptakeDecision
from .uptake_decision_status import UptakeDecisionStatus
from .uptake_match_create import UptakeMatchCreate
from .uptake_match_page import UptakeMatchPage
from .uptake_match_read import UptakeMatchRead
from .uptake_recommendation import UptakeRecommendation
from .uptake_state import UptakeState
from .uptake_status import UptakeStatus
from .uptake_suggestions import UptakeSuggestions
from .user_create import UserCreate
from .user_page import UserPage
from .user_read import UserRead
from .user_update import UserUpdate
from .visibility import Visibility
from .window_brief import WindowBrief
from .window_recommendation import WindowRecommendation
from .working_group_create import WorkingGroupCreate
from .working_group_page import WorkingGroupPage
from .working_group_read import WorkingGroupRead
from .working_group_update import WorkingGroupUpdate

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
    "AdoptionWindow",
    "AffectedPersonCreate",
    "AffectedPersonDetail",
    "AffectedPersonDetailPage",
    "AnalysisRead",
    "AnalysisRequest",
    "AskUptake",
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
    "BriefAsk",
    "BriefCoalitionRef",
    "BriefCreate",
    "BriefExport",
    "BriefExportLabel",
    "BriefExportRecommendation",
    "BriefExportSession",
    "BriefExportState",
    "BriefExportSubmission",
    "BriefLabelRef",
    "BriefPage",
    "BriefRead",
    "BriefReviewRef",
    "BriefStatus",
    "BriefSubmissionRef",
    "BriefUpdate",
    "BriefUptake",
    "BriefUptakeTotals",
    "BriefUptakeTotalsByPosition",
    "BriefWorkingGroupRef",
    "CalendarDeadline",
    "CalendarImportBody",
    "CalendarImportRead",
    "CalendarRead",
    "CalendarReview",
    "CalendarSession",
    "Champion",
    "ChampionByStateUnderReview",
    "ChampionPage",
    "CoalitionCreate",
    "CoalitionPage",
    "CoalitionRead",
    "CoalitionRole",
    "CoalitionUpdate",
    "ContactCreate",
    "ContactPage",
    "ContactRead",
    "ContactUpdate",
    "CycleCreate",
    "CyclePage",
    "CycleRead",
    "CycleUpdate",
    "Dashboard",
    "DashboardActionsByStatus",
    "DashboardByPosition",
    "DashboardMilestones",
    "DeadlineKind",
    "Direction",
    "DocumentKind",
    "EvidenceKind",
    "EvidencePage",
    "EvidenceRead",
    "EvidenceUpdate",
    "EvidenceUpload",
    "FieldChange",
    "FieldError",
    "GroupMemberRead",
    "GroupMemberWrite",
    "ImportFormat",
    "ImportJobPage",
    "ImportJobRead",
    "ImportJobReadOptions",
    "ImportJobReadReportType0",
    "ImportUpload",
    "IncidentCount",
    "IncidentCounts",
    "IncidentCreate",
    "IncidentKind",
    "IncidentPage",
    "IncidentRead",
    "IncidentUpdate",
    "IndicatorCreate",
    "IndicatorPage",
    "IndicatorRead",
    "IndicatorUpdate",
    "InvitationPage",
    "InvitationRead",
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
    "MemberInvite",
    "MemberPage",
    "MemberRead",
    "Membership",
    "MembershipStatus",
    "MemberUpdate",
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
    "OutreachCreate",
    "OutreachKind",
    "OutreachPage",
    "OutreachRead",
    "OutreachUpdate",
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
    "ProposedRecommendationCreate",
    "ProposedRecommendationRead",
    "ProposedRecommendationUpdate",
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
    "SmartAnalysisRead",
    "StateAsk",
    "StateCreate",
    "StatePage",
    "StateRead",
    "StateRef",
    "StateUpdate",
    "StateUptake",
    "StateUptakeByPosition",
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
    "TargetCreate",
    "TargetPage",
    "TargetRead",
    "TargetSuggestion",
    "TargetSuggestions",
    "TargetUpdate",
    "ThemeCount",
    "ThemeCounts",
    "ThemeCreate",
    "ThemeDetail",
    "ThemeDetailPage",
    "ThemeRead",
    "ThemeRef",
    "ThemeUpdate",
    "Token",
    "TrackingActionRead",
    "TrackingEvidenceRead",
    "TrafficLight",
    "UNStatus",
    "UptakeByState",
    "UptakeDecision",
    "UptakeDecisionStatus",
    "UptakeMatchCreate",
    "UptakeMatchPage",
    "UptakeMatchRead",
    "UptakeRecommendation",
    "UptakeState",
    "UptakeStatus",
    "UptakeSuggestions",
    "UserCreate",
    "UserPage",
    "UserRead",
    "UserUpdate",
    "Visibility",
    "WindowBrief",
    "WindowRecommendation",
    "WorkingGroupCreate",
    "WorkingGroupPage",
    "WorkingGroupRead",
    "WorkingGroupUpdate",
)
