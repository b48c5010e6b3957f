from enum import StrEnum


class OrganisationKind(StrEnum):
    ACADEMIC = "academic"
    CSO = "cso"
    GOVERNMENT = "government"
    NHRI = "nhri"
    OTHER = "other"
    UN = "un"

    def __str__(self) -> str:
        return str(self.value)
