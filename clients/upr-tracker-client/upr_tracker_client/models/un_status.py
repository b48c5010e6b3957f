from enum import StrEnum


class UNStatus(StrEnum):
    MEMBER = "member"
    OBSERVER = "observer"

    def __str__(self) -> str:
        return str(self.value)
