from enum import StrEnum


class TagOrigin(StrEnum):
    INFERRED = "inferred"
    SOURCE = "source"

    def __str__(self) -> str:
        return str(self.value)
