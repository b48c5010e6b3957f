from enum import StrEnum


class PartyConsent(StrEnum):
    ACCEPTED = "accepted"
    DECLINED = "declined"
    INVITED = "invited"

    def __str__(self) -> str:
        return str(self.value)
