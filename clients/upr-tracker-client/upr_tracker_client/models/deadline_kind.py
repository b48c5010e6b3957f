from enum import StrEnum


class DeadlineKind(StrEnum):
    ADOPTION = "adoption"
    SUBMISSION_DEADLINE = "submission_deadline"
    WORKING_GROUP = "working_group"

    def __str__(self) -> str:
        return str(self.value)
