from enum import StrEnum


class BriefStatus(StrEnum):
    AGREED = "agreed"
    DRAFT = "draft"
    PUBLISHED = "published"

    def __str__(self) -> str:
        return str(self.value)
