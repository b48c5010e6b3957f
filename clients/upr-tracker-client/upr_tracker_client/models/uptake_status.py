from enum import StrEnum


class UptakeStatus(StrEnum):
    CONFIRMED = "confirmed"
    REJECTED = "rejected"
    SUGGESTED = "suggested"

    def __str__(self) -> str:
        return str(self.value)
