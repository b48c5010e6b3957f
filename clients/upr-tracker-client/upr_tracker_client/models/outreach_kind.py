from enum import StrEnum


class OutreachKind(StrEnum):
    BRIEFING = "briefing"
    EMAIL = "email"
    EVENT = "event"
    MEETING = "meeting"

    def __str__(self) -> str:
        return str(self.value)
