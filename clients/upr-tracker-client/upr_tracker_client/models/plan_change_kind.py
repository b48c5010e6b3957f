from enum import StrEnum


class PlanChangeKind(StrEnum):
    CHANGED = "changed"
    CREATED = "created"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
