from enum import StrEnum


class SubmissionRole(StrEnum):
    AUTHOR = "author"
    CO_SIGNER = "co_signer"
    ENDORSER = "endorser"

    def __str__(self) -> str:
        return str(self.value)
