from enum import StrEnum


class Strength(StrEnum):
    GENERAL = "general"
    SPECIFIC = "specific"
    WEAK = "weak"

    def __str__(self) -> str:
        return str(self.value)
