from enum import StrEnum


class TagOriginFilter(StrEnum):
    ANY = "any"
    INFERRED = "inferred"
    SOURCE = "source"

    def __str__(self) -> str:
        return str(self.value)
