from enum import StrEnum


class PositionDateOrigin(StrEnum):
    DERIVED = "derived"
    SOURCE = "source"

    def __str__(self) -> str:
        return str(self.value)
