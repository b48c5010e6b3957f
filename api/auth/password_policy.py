"""The password policy: one rule wherever a password is set (an admin creating a user or resetting a
password, a user changing their own), so that what a guesser tries first is never accepted.

The judge is zxcvbn (Dropbox's estimator, the maintained Python port): it finds the patterns guessers
use — common passwords and words, names, repeats (`aaaa`, `abcabc`), sequences (`abcd`, `6543`), keyboard
walks (`qwerty`), dates — and estimates the guesses needed. Score 3 (at least 10^8 guesses) is the bar:
with logins throttled per address (api/auth/throttle.py) an online attacker gets a few dozen guesses an
hour per address, and argon2 makes an offline one slow; score 3 is what zxcvbn itself calls safely
unguessable for that case. The account's own email and name count for nothing: what is left without
them must reach the bar too (zxcvbn alone only discounts them as words, and accepts `MajaNovak#2026`
for Maja Novak; a guesser who targets the account tries them first).

Only the first `JUDGED_CHARACTERS` are judged: zxcvbn's time grows steeply with length (256 random
characters take seconds). A password whose start is strong is strong; a long one with a weak start is
refused, which costs its owner one more try.
"""

import re

from zxcvbn import zxcvbn

from api.core.errors import InvalidInput

MIN_SCORE = 3  # of zxcvbn's 0-4
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


def _without_own_details(password: str, email: str, full_name: str) -> tuple[str, str | None]:
    """The password less the account's own details (case and punctuation aside), and which it held:
    a guesser who targets the account tries those first, so they count for nothing."""
    rest, held = _squashed(password), None
    details = [("email", email), ("email", email.split("@", 1)[0]), ("name", full_name)]
    for name, value in [*details, *(("name", part) for part in full_name.split())]:
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


def check_password_strength(password: str, *, email: str, full_name: str, field: str) -> None:
    """Refuse (422 `weak-password` naming `field`, saying why) a password a guesser would try early."""
    hints = [email, email.split("@", 1)[0], *full_name.split(), "upr", "tracker", "upr tracker"]
    rest, held = _without_own_details(password, email, full_name)
    if held and (not rest or _score(rest, hints)["score"] < MIN_SCORE):  # zxcvbn fails on ""
        raise WeakPassword(
            f"The password contains the account's {held}, and without it what is left is too easy to guess: "
            "choose one that does not build on it.",
            field=field,
        )
    result = _score(password, hints)
    if result["score"] >= MIN_SCORE:
        return
    reasons = _reasons(result["sequence"]) or ["is short for its kind of characters"]
    feedback = result["feedback"]
    advice = " ".join(part for part in [feedback.get("warning") or "", *feedback.get("suggestions", [])] if part)
    raise WeakPassword(
        f"The password is too easy to guess (strength {result['score']} of 4, at least {MIN_SCORE} needed): "
        f"it {' and '.join(reasons)}. {advice or 'Use a few uncommon words, or a password manager.'}",
        field=field,
    )
