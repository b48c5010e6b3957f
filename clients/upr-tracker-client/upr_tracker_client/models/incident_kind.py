from enum import StrEnum


class IncidentKind(StrEnum):
    ARREST_OR_DETENTION = "arrest_or_detention"
    HARASSMENT = "harassment"
    LEGAL_OR_ADMINISTRATIVE = "legal_or_administrative"
    ONLINE_ATTACK = "online_attack"
    OTHER = "other"
    PHYSICAL_ATTACK = "physical_attack"
    SMEAR_CAMPAIGN = "smear_campaign"
    SURVEILLANCE = "surveillance"
    THREAT = "threat"
    TRAVEL_BAN = "travel_ban"

    def __str__(self) -> str:
        return str(self.value)
