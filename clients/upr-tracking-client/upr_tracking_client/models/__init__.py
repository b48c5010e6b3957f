"""Contains all the data models used in inputs/outputs"""

from .action_create import ActionCreate
from .action_read import ActionRead
from .action_status import ActionStatus
from .action_update import ActionUpdate
from .actor_counts import ActorCounts
from .actor_rating import ActorRating
from .assessment_create import AssessmentCreate
from .assessment_read import AssessmentRead
from .assessment_revision_read import AssessmentRevisionRead
from .assessment_update import AssessmentUpdate
from .body_evidence_create import BodyEvidenceCreate
from .dashboard import Dashboard
from .dashboard_actions_by_status import DashboardActionsByStatus
from .dashboard_by_position import DashboardByPosition
from .dashboard_milestones import DashboardMilestones
from .direction import Direction
from .evidence_kind import EvidenceKind
from .evidence_read import EvidenceRead
from .evidence_update import EvidenceUpdate
from .field_change import FieldChange
from .field_error import FieldError
from .indicator_create import IndicatorCreate
from .indicator_read import IndicatorRead
from .indicator_update import IndicatorUpdate
from .matrix_action import MatrixAction
from .matrix_indicator import MatrixIndicator
from .matrix_page import MatrixPage
from .matrix_row import MatrixRow
from .measurement_create import MeasurementCreate
from .measurement_read import MeasurementRead
from .measurement_update import MeasurementUpdate
from .mid_term_report import MidTermReport
from .mid_term_report_by_position import MidTermReportByPosition
from .milestone_create import MilestoneCreate
from .milestone_read import MilestoneRead
from .milestone_status import MilestoneStatus
from .milestone_update import MilestoneUpdate
from .organisation_assessments import OrganisationAssessments
from .organisation_kind import OrganisationKind
from .organisation_ref import OrganisationRef
from .page_action_read import PageActionRead
from .page_assessment_read import PageAssessmentRead
from .page_assessment_revision_read import PageAssessmentRevisionRead
from .page_evidence_read import PageEvidenceRead
from .page_indicator_read import PageIndicatorRead
from .page_measurement_read import PageMeasurementRead
from .page_milestone_read import PageMilestoneRead
from .page_plan_change_read import PagePlanChangeRead
from .page_progress_update_read import PageProgressUpdateRead
from .page_progress_update_revision_read import PageProgressUpdateRevisionRead
from .plan_change_kind import PlanChangeKind
from .plan_change_read import PlanChangeRead
from .plan_entity import PlanEntity
from .position_change import PositionChange
from .position_kind import PositionKind
from .problem_detail import ProblemDetail
from .progress_update_create import ProgressUpdateCreate
from .progress_update_read import ProgressUpdateRead
from .progress_update_revision_read import ProgressUpdateRevisionRead
from .progress_update_update import ProgressUpdateUpdate
from .rating_counts import RatingCounts
from .recommendation_assessments import RecommendationAssessments
from .theme_counts import ThemeCounts
from .traffic_light import TrafficLight
from .visibility import Visibility

__all__ = (
    "ActionCreate",
    "ActionRead",
    "ActionStatus",
    "ActionUpdate",
    "ActorCounts",
    "ActorRating",
    "AssessmentCreate",
    "AssessmentRead",
    "AssessmentRevisionRead",
    "AssessmentUpdate",
    "BodyEvidenceCreate",
    "Dashboard",
    "DashboardActionsByStatus",
    "DashboardByPosition",
    "DashboardMilestones",
    "Direction",
    "EvidenceKind",
    "EvidenceRead",
    "EvidenceUpdate",
    "FieldChange",
    "FieldError",
    "IndicatorCreate",
    "IndicatorRead",
    "IndicatorUpdate",
    "MatrixAction",
    "MatrixIndicator",
    "MatrixPage",
    "MatrixRow",
    "MeasurementCreate",
    "MeasurementRead",
    "MeasurementUpdate",
    "MidTermReport",
    "MidTermReportByPosition",
    "MilestoneCreate",
    "MilestoneRead",
    "MilestoneStatus",
    "MilestoneUpdate",
    "OrganisationAssessments",
    "OrganisationKind",
    "OrganisationRef",
    "PageActionRead",
    "PageAssessmentRead",
    "PageAssessmentRevisionRead",
    "PageEvidenceRead",
    "PageIndicatorRead",
    "PageMeasurementRead",
    "PageMilestoneRead",
    "PagePlanChangeRead",
    "PageProgressUpdateRead",
    "PageProgressUpdateRevisionRead",
    "PlanChangeKind",
    "PlanChangeRead",
    "PlanEntity",
    "PositionChange",
    "PositionKind",
    "ProblemDetail",
    "ProgressUpdateCreate",
    "ProgressUpdateRead",
    "ProgressUpdateRevisionRead",
    "ProgressUpdateUpdate",
    "RatingCounts",
    "RecommendationAssessments",
    "ThemeCounts",
    "TrafficLight",
    "Visibility",
)
