from enum import StrEnum


class DocumentKind(StrEnum):
    ADDENDUM = "addendum"
    MID_TERM_REPORT = "mid_term_report"
    NATIONAL_REPORT = "national_report"
    STAKEHOLDERS_SUMMARY = "stakeholders_summary"
    UN_COMPILATION = "un_compilation"
    WORKING_GROUP_REPORT = "working_group_report"

    def __str__(self) -> str:
        return str(self.value)
