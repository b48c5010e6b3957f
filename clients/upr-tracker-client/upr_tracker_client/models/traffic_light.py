from enum import StrEnum


class TrafficLight(StrEnum):
    IMPLEMENTED = "implemented"
    NOT_STARTED = "not_started"
    NO_INFORMATION = "no_information"
    PARTIAL = "partial"

    def __str__(self) -> str:
        return str(self.value)
