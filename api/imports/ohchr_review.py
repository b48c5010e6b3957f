"""Which review an OHCHR matrix records. The file never names the state under review or the session:
they come from the `state`/`session` arguments, else from the file name (`slovenia_upr34_…`,
`UPR34_Slovenia_…`). The `Source of position` symbol gives the Human Rights Council session that
adopted the outcome, not the UPR session, so it is not used for that."""

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from api.cycle.calendar import cycle_of_session
from api.imports import states
from api.imports.limits import UnreadableFile
from api.imports.normalise import year_of_session

_SESSION_IN_NAME = (
    re.compile(r"upr[\s_\-]*0*(\d{1,2})(?!\d)", re.I),
    re.compile(r"(?:session|sess)[\s_\-]*0*(\d{1,2})(?!\d)", re.I),
    re.compile(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)[\s_\-]*session", re.I),
)
_MAX_NAME_WORDS = 7
_SUFFIXES = re.compile(r"(?:\.(?:csv|txt|gz|docx|xlsx))+$", re.I)


@lru_cache
def _codes() -> frozenset[str]:
    return frozenset(states.crosswalk().values())


def state_from_name(filename: str) -> str | None:
    """The one state named in a file name (`slovenia_upr34_…`, `UPR20__Slovenia_…`, `CHN_UPR31_…`), longest
    name first so `Guinea-Bissau` is not Guinea; None when no state or several are named."""
    words = re.findall(r"[^\W\d_]+", _SUFFIXES.sub("", Path(filename).name))
    found = {w for w in words if re.fullmatch(r"[A-Z]{3}", w) and w in _codes()}
    i = 0
    while i < len(words):
        for size in range(min(_MAX_NAME_WORDS, len(words) - i), 0, -1):
            code = states.crosswalk().get(states.fold(" ".join(words[i : i + size])))
            if code:
                found.add(code)
                i += size
                break
        else:
            i += 1
    return found.pop() if len(found) == 1 else None


def session_from_name(filename: str) -> int | None:
    for pattern in _SESSION_IN_NAME:
        if m := pattern.search(Path(filename).name):
            return int(m.group(1)) or None
    return None


@dataclass(frozen=True)
class Review:
    state: str
    session: int

    @property
    def cycle(self) -> int:
        return cycle_of_session(self.session)

    @property
    def year(self) -> int | None:
        return year_of_session(self.session)


def review_for(path: Path, state: str | None, session: int | None) -> Review:
    """The state under review and session, from the arguments or the file name; UnreadableFile if unknown."""
    code = states.resolve_state(state) if state else state_from_name(path.name)
    if state and code is None:
        raise UnreadableFile(f"--state {state!r} is not a known state: give its ISO3 code.")
    number = session if session is not None else session_from_name(path.name)
    if code is None or number is None:
        missing = [flag for flag, value in (("--state ISO3", code), ("--session N", number)) if value is None]
        raise UnreadableFile(
            f"{path.name}: an OHCHR matrix does not say which review it records (state under review and UPR "
            f"session), and the file name does not either; give {' and '.join(missing)}."
        )
    if number < 1:
        raise UnreadableFile(f"--session {number}: sessions are numbered from 1.")
    return Review(code, number)
