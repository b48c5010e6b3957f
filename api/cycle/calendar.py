"""The UPR calendar, as fixed facts: which cycle a Working Group session belongs to."""

# The fourth cycle began in 2022, the year the third ended.
CYCLES = {1: (2008, 2011), 2: (2012, 2016), 3: (2017, 2022), 4: (2022, 2027)}


def cycle_of_session(number: int) -> int:
    """Sessions 1–12 were cycle 1, 13–26 cycle 2, 27–40 cycle 3; 41 opened cycle 4."""
    return 1 if number <= 12 else 2 if number <= 26 else 3 if number <= 40 else 4
