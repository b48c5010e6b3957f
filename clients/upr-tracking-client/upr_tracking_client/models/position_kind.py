from enum import StrEnum


class PositionKind(StrEnum):
    NOTED = "noted"
    PENDING = "pending"
    SUPPORTED = "supported"
    SUPPORTED_IN_PART = "supported_in_part"

    def __str__(self) -> str:
        return str(self.value)
