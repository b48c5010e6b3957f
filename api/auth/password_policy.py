"""The password policy: one rule wherever a password is set (an admin creating a user or resetting a
password, a user changing their own), so that what a guesser tries first is never accepted.

The judge is zxcvbn (Dropbox's estimator, the maintained Python port): it finds the patterns guessers
use — common passwords and words, names, repeats (`aaaa`, `abcabc`), sequences (`abcd`, `6543`), keyboard
walks (`qwerty`), dates — and estimates the guesses needed. Score 3 (at least 10^8 guesses) is the bar:
with logins throttled per address (api/auth/throttle.py) an online attacker gets a few dozen guesses an
hour per address, and argon2 makes an offline one slow; score 3 is what zxcvbn itself calls safely
unguessable for that case. The account's own email and name count for nothing: what is left without
them must reach the bar too (zxcvbn alone only discounts them as words, and accepts `MajaNovak#2026`
for Maja Novak; a guesser who targets the account tries them first). The account's details are its
email (and each label of its domain), its name, its organisation's real and public names, its state's
name and code, and the app's name (`upr`, `tracker`): `RomaDefenders2026!` for jana@romadefenders.si
is refused. They are also given to zxcvbn as user inputs, so its l33t matching sees `R0maDef3nders`.

Decoration does not count either: what guessers append or prepend first (a year, `!!`, `123`) is
stripped, and the core must reach the bar alone (zxcvbn gives `P@ssw0rd2026!!` and `Maribor2026!` a 3,
for the year and the `!`, while `P@ssw0rd` and `Maribor` are 0 and 1).

Admins need zxcvbn's top score (4, at least 10^10 guesses): an admin sees every real name and every
confidential post, so its password guards what a reprisal needs, and an offline attack on a leaked
hash would target it first. The cost is small (a four-word passphrase or a manager's password scores 4).

Only the first `JUDGED_CHARACTERS` are judged: zxcvbn's time grows steeply with length (256 random
characters take seconds). A password whose start is strong is strong; a long one with a weak start is
refused, which costs its owner one more try.
"""

import re
from collections.abc import Sequence

from sqlalchemy import column, table
from sqlmodel import Session, select
from zxcvbn import zxcvbn

from api.auth.models import Organisation
from api.core.errors import InvalidInput

MIN_SCORE = 3  # of zxcvbn's 0-4
ADMIN_MIN_SCORE = 4
APP_NAMES = ("upr", "tracker", "upr tracker")
_DECORATION = re.compile(r"^[\W\d_]+|[\W\d_]+$")
# The states' table, by name: auth sits below the cycle, whose model it is (api.cycle.models.State).
_STATE = table("state", column("code"), column("name"))
JUDGED_CHARACTERS = 72  # zxcvbn's own default limit
_NOT_ALNUM = re.compile(r"[\W_]+")

# What a zxcvbn match says about the password, in the words of the problem's detail.
_REASONS = {
    "passwords": "is or is built on a common password",
    "user_inputs": "contains the account's email or name",
    "repeat": "repeats a pattern (like aaa or abcabc)",
    "sequence": "holds a sequence (like abcd or 6543)",
    "spatial": "holds a keyboard pattern (like qwerty or zxcvbn)",
    "date": "holds a date",
    "regex": "holds a recent year",
    "dictionary": "is made of common words or names",
}


class WeakPassword(InvalidInput):
    slug, title = "weak-password", "Password too easy to guess"


def _squashed(text: str) -> str:
    return _NOT_ALNUM.sub("", text.casefold())


def account_context(session: Session, organisation_id: int | None) -> list[str]:
    """What a guesser targeting a member of the organisation knows: its real and public names, its
    state's name and code."""
    organisation = session.get(Organisation, organisation_id) if organisation_id is not None else None
    if organisation is None:
        return []
    state = session.exec(select(_STATE.c.name).where(_STATE.c.code == organisation.state_code)).first()
    found = [organisation.name, organisation.public_name, state, organisation.state_code]
    return [str(value) for value in found if value]


def _details(email: str, full_name: str, context: Sequence[str]) -> list[tuple[str, str]]:
    """The account's details, each with what the problem calls it, longest first (so the whole of a
    name is taken out before its words)."""
    local, _, domain = email.partition("@")
    found = [("email", email), ("email", local), *(("email", label) for label in domain.split("."))]
    found += [("name", full_name), *(("name", part) for part in full_name.split())]
    for value in (*context, *APP_NAMES):
        found += [("organisation, state or app name", value)]
        found += [("organisation, state or app name", part) for part in value.split()]
    return sorted(found, key=lambda detail: -len(_squashed(detail[1])))


def _without_own_details(password: str, details: list[tuple[str, str]]) -> tuple[str, str | None]:
    """The password less the account's own details (case and punctuation aside), and which it held:
    a guesser who targets the account tries those first, so they count for nothing."""
    rest, held = _squashed(password), None
    for name, value in details:
        squashed = _squashed(value)
        if len(squashed) >= 3 and squashed in rest:
            rest, held = rest.replace(squashed, ""), held or name
    return rest, held


def _score(password: str, hints: list[str]) -> dict:
    return zxcvbn(password[:JUDGED_CHARACTERS], user_inputs=hints, max_length=JUDGED_CHARACTERS)


def _reasons(matches: list[dict]) -> list[str]:
    found: list[str] = []
    for match in matches:
        pattern = match.get("pattern")
        key = match.get("dictionary_name") if pattern == "dictionary" else pattern
        reason = _REASONS.get(str(key)) or (_REASONS["dictionary"] if pattern == "dictionary" else None)
        if reason and reason not in found:
            found.append(reason)
    return found


def check_password_strength(
    password: str,
    *,
    email: str,
    full_name: str,
    field: str,
    context: Sequence[str] = (),
    is_admin: bool = False,
) -> None:
    """Refuse (422 `weak-password` naming `field`, saying why) a password a guesser would try early.
    `context`: `account_context` of the account's organisation."""
    bar = ADMIN_MIN_SCORE if is_admin else MIN_SCORE
    details = _details(email, full_name, context)
    hints = sorted({value for _, value in details} | {_squashed(value) for _, value in details} - {""})
    rest, held = _without_own_details(password, details)
    if held and (not rest or _score(rest, hints)["score"] < MIN_SCORE):  # zxcvbn fails on ""
        raise WeakPassword(
            f"The password contains the account's {held}, and without it what is left is too easy to guess: "
            "choose one that does not build on it.",
            field=field,
        )
    core = _DECORATION.sub("", password[:JUDGED_CHARACTERS])
    if core != password[:JUDGED_CHARACTERS] and (not core or _score(core, hints)["score"] < MIN_SCORE):
        raise WeakPassword(
            "The password is too easy to guess: without the digits and symbols around it (a year, !!, 123: "
            "what guessers add first) what is left is a common password, word or name. Use a few uncommon "
            "words, or a password manager.",
            field=field,
        )
    result = _score(password, hints)
    if result["score"] >= bar:
        return
    reasons = _reasons(result["sequence"]) or ["is short for its kind of characters"]
    feedback = result["feedback"]
    advice = " ".join(part for part in [feedback.get("warning") or "", *feedback.get("suggestions", [])] if part)
    raise WeakPassword(
        f"The password is too easy to guess (strength {result['score']} of 4, at least {bar} needed"
        f"{' for an admin' if is_admin else ''}): "
        f"it {' and '.join(reasons)}. {advice or 'Use a few uncommon words, or a password manager.'}",
        field=field,
    )
