from enum import StrEnum


class RegionalGroup(StrEnum):
    AFRICAN = "African"
    ASIA_PACIFIC = "Asia-Pacific"
    EEG = "EEG"
    GRULAC = "GRULAC"
    WEOG = "WEOG"

    def __str__(self) -> str:
        return str(self.value)
