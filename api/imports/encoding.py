"""The text encoding of a CSV, detected, not guessed.

CSV files come as UTF-8 (with or without BOM), Windows-1252 or Mac Roman, with CR, LF or CRLF line
ends. The encoding is decided on the first megabyte: valid UTF-8 wins; otherwise the single-byte
encoding whose non-ASCII characters are overwhelmingly letters (é, ñ, ô …) rather than symbols
(‚ √ ∆ …). When neither reading is clearly right, or the text carries control characters or
double-encoded UTF-8 ("Ã©"), the file is refused: a row of mojibake is worse than an error.
"""

import codecs
import re
import unicodedata

from api.imports.limits import UnreadableFile

SAMPLE_BYTES = 1 << 20
SINGLE_BYTE_CANDIDATES = ("cp1252", "mac_roman")
MIN_LETTER_SHARE = 0.8
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_DOUBLE_ENCODED = re.compile(r"[ÃÂ][\u0080-\u00bf]")

# Misread punctuation turns into letters where no letter belongs: `countryís`, ` ñ `, `ìerasedî`.
# Counting such letters tells Windows-1252 from Mac Roman even when a file's non-ASCII characters
# are mostly quotes and dashes (as OHCHR's are), where the letter share alone cannot.
_MISPLACED = re.compile(
    r"(?<=[A-Za-z])[^\x00-\x7f](?=(?:s|t|ll|re|ve|d|m)\b)"
    r"|(?<=\s)[^\x00-\x7f](?=\s)"
    r"|(?<!\w)[^\x00-\x7f](?=[A-Za-z]+[^\x00-\x7f](?!\w))"
)


def _misplaced_letters(text: str) -> int:
    return sum(unicodedata.category(m.group(0)).startswith("L") for m in _MISPLACED.finditer(text))


def _letter_share(text: str) -> float:
    high = [c for c in text if ord(c) > 127]
    if not high:
        return 1.0
    return sum(unicodedata.category(c).startswith("L") for c in high) / len(high)


def detect_encoding(sample: bytes, *, complete: bool = False) -> str:
    """The encoding of a file starting with `sample` (`complete`: the sample is the whole file)."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(sample, final=complete)
    except UnicodeDecodeError:
        text = None
    if text is not None:
        if _CONTROL.search(text):
            raise UnreadableFile("The file holds control characters: it is not a text (CSV) file.")
        if len(_DOUBLE_ENCODED.findall(text)) >= 3:
            raise UnreadableFile(
                "The text looks encoded twice (e.g. 'Ã©' for 'é'); re-save the file as UTF-8 from the original."
            )
        return "utf-8"
    scored = []
    for encoding in SINGLE_BYTE_CANDIDATES:
        decoded = sample.decode(encoding, errors="replace")
        if _CONTROL.search(decoded):
            raise UnreadableFile("The file holds control characters: it is not a text (CSV) file.")
        scored.append((-_misplaced_letters(decoded), _letter_share(decoded), encoding))
    scored.sort(reverse=True)
    (misplaced, best, encoding), (runner_misplaced, runner_up, _) = scored
    if misplaced != runner_misplaced:
        return encoding
    if best < MIN_LETTER_SHARE or best - runner_up < 0.2:
        raise UnreadableFile(
            "The file is not UTF-8 and its encoding cannot be told apart (Windows-1252 or Mac "
            "Roman); re-save it as UTF-8."
        )
    return encoding
