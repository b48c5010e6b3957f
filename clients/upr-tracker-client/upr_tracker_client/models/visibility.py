from enum import StrEnum


class Visibility(StrEnum):
    CONFIDENTIAL = "confidential"
    PUBLIC = "public"
    SHARED = "shared"

    def __str__(self) -> str:
        return str(self.value)
