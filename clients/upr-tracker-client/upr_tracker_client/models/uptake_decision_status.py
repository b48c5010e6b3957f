from enum import StrEnum


class UptakeDecisionStatus(StrEnum):
    CONFIRMED = "confirmed"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)
