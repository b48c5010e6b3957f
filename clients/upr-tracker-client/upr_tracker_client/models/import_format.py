from enum import StrEnum


class ImportFormat(StrEnum):
    DIHR = "dihr"
    OHCHR_MATRIX = "ohchr-matrix"
    UPR_INFO = "upr-info"

    def __str__(self) -> str:
        return str(self.value)
