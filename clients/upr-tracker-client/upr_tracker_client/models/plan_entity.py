from enum import StrEnum


class PlanEntity(StrEnum):
    ACTION = "action"
    INDICATOR = "indicator"
    MEASUREMENT = "measurement"
    MILESTONE = "milestone"

    def __str__(self) -> str:
        return str(self.value)
