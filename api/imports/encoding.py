"""The text encoding of a CSV, detected, not guessed.

CSV files come as UTF-8 (with or without BOM), Windows-1252 or Mac Roman, with CR, LF or CRLF line
ends. The encoding is decided on the first megabyte, validity first, then letters:
- valid UTF-8 wins (a single-byte file with accents is almost never valid UTF-8);
- otherwise each single-byte encoding is kept only if it decodes every byte and gives no control or
  private-use character (Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined; Mac Roman's
  0xF0 is Apple's logo). The one encoding left wins;
- when both are left, the letters decide: misreadings leave tell-tale characters (`lÈgislation`,
  `CÙte`, `S„o`, `countryís`, ` ñ `, `Ã©`), and the reading with clearly fewer of them wins, unless
  charset-normalizer, shown the same lines, finds it the more garbled of the two (a second opinion
  that may abstain, as it does on a single accent, but not contradict).
Whatever stays undecided is refused: a row of mojibake is worse than an error.

Latin-1 and ISO-8859-15 are not candidates: wherever Latin-1 is valid text (no C1 controls in
0x80-0x9F) it reads exactly as Windows-1252, and ISO-8859-15 differs from it only in eight rare
characters (€ as ¤ …) that no letter test can tell apart, so it would only make files ambiguous.
"""

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from api.imports.limits import UnreadableFile

SAMPLE_BYTES = 1 << 20
SINGLE_BYTE_CANDIDATES = ("cp1252", "mac_roman")
NAMES = {"cp1252": "Windows-1252", "mac_roman": "Mac Roman"}
# The winner may carry a few tell-tale characters (a real ± or ¼), never more than this share of its
# non-ASCII characters, and the runner-up must carry over three times as many.
MAX_SUSPECT_SHARE = 0.1
MARGIN = 3
# charset-normalizer reads a few 512-byte chunks of what it is given, so it is given only the lines
# with non-ASCII bytes (up to this much), all of which it reads: the bytes in question, not English.
EVIDENCE_BYTES = 1 << 16

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_DOUBLE_ENCODED = re.compile(r"[ÃÂ][\u0080-\u00bf]")
# Non-letters real text holds: quotes, dashes, the ellipsis, bullets, the degree, currencies …
_TEXT_SYMBOLS = frozenset("\u00a0‘’“”„–—…•«»¡¿°§€£©®™")
_OPENING = frozenset("¡¿„«")
# Letters that do stand alone between spaces: French `à`, Portuguese `é`, Italian `è`.
_LONE_WORDS = frozenset("àéè")

# Misread punctuation turns into letters where no letter belongs: `countryís`, ` ñ `, `ìerasedî`.
# The apostrophe and quotes misread (’ as í or Õ, “…” as ì…î or Ò…Ó) are named, not any accented
# letter: `très`, `país` and `été` are words.
_MISPLACED = re.compile(
    r"(?<=[A-Za-z])[íÕ](?=(?:s|t|ll|re|ve|d|m)\b)"
    r"|(?<=\s)[^\x00-\x7f](?=\s)"
    r"|(?<!\w)[ìëÒÔ](?=[A-Za-z]+[îíÓÕ](?!\w))"
)


def detect_encoding(sample: bytes, *, complete: bool = False) -> str:
    """The encoding of a file starting with `sample` (`complete`: the sample is the whole file)."""
    bom = sample.startswith(codecs.BOM_UTF8)
    try:
        text = codecs.getincrementaldecoder("utf-8-sig")().decode(sample, final=complete)
    except UnicodeDecodeError:
        if bom:
            raise UnreadableFile(
                "The file starts as UTF-8 (a BOM) but is not valid UTF-8; re-save it as UTF-8."
            ) from None
        return _single_byte(sample)
    _refuse_controls(text)
    if len(_DOUBLE_ENCODED.findall(text)) >= 3:
        raise UnreadableFile(
            "The text looks encoded twice (e.g. 'Ã©' for 'é'); re-save the file as UTF-8 from the original."
        )
    return "utf-8-sig" if bom else "utf-8"


def _refuse_controls(text: str) -> None:
    if _CONTROL.search(text):
        raise UnreadableFile("The file holds control characters: it is not a text (CSV) file.")


def _single_byte(sample: bytes) -> str:
    """Validity first (the encodings that read every byte as text), then letters with a second opinion."""
    if _ASCII_CONTROL.search(sample):  # the same bytes in every candidate
        raise UnreadableFile("The file holds control characters: it is not a text (CSV) file.")
    readings = {enc: text for enc in SINGLE_BYTE_CANDIDATES if (text := _valid_reading(sample, enc)) is not None}
    if not readings:
        raise UnreadableFile(
            "The file is neither UTF-8, Windows-1252 nor Mac Roman (some bytes are not text in any of "
            "them); re-save it as UTF-8."
        )
    suspects = {enc: suspect_count(text) for enc, text in readings.items()}
    high = sum(b >= 0x80 for b in sample)
    if len(readings) == 1:
        ((encoding, text),) = readings.items()
        if suspects[encoding] > MAX_SUSPECT_SHARE * high or encoding not in second_opinion(sample, [encoding]):
            raise UnreadableFile(
                f"The file is not UTF-8 and reads as garbled text in {NAMES[encoding]}, the only encoding "
                f"its bytes allow (e.g. {_excerpt(text)}); re-save it as UTF-8."
            )
        return encoding
    (best, fewest), (_, more) = sorted(suspects.items(), key=lambda item: item[1])
    if fewest > MAX_SUSPECT_SHARE * high or fewest * MARGIN >= more:
        raise _ambiguous(readings, "its letters do not tell them apart")
    second = second_opinion(sample, list(readings))
    if best not in second:
        says = " or ".join(NAMES[enc] for enc in second) or "neither reads as text"
        raise _ambiguous(readings, f"its letters say {NAMES[best]} but charset-normalizer says {says}")
    return best


def _valid_reading(sample: bytes, encoding: str) -> str | None:
    """The text, if every byte is a character of `encoding` and none is a control or private-use one."""
    try:
        text = sample.decode(encoding)
    except UnicodeDecodeError:
        return None
    if _CONTROL.search(text) or any(unicodedata.category(c) in ("Co", "Cn") for c in set(_NON_ASCII.findall(text))):
        return None
    return text


def suspect_count(text: str) -> int:
    """How many characters of `text` are tell-tales of a misreading (0 for a clean text)."""
    count = len(_DOUBLE_ENCODED.findall(text))
    count += sum(
        unicodedata.category(m.group(0)).startswith("L") and m.group(0) not in _LONE_WORDS
        for m in _MISPLACED.finditer(text)
    )
    for match in _NON_ASCII.finditer(text):
        i = match.start()
        count += _out_of_place(match.group(0), text[i - 1] if i else " ", text[i + 1 : i + 2] or " ")
    return count


def _out_of_place(char: str, before: str, after: str) -> bool:
    category = unicodedata.category(char)
    if category.startswith("L") and before.isdigit() and after.isdigit():  # `2016ñ2020`: a dash misread
        return True
    if category.startswith("L") and _foreign_letter(before) and _foreign_letter(after):
        return True  # `Àôãàíèñòàí`: Cyrillic (Windows-1251) read as accents; Latin words mix in a-z
    if category == "Lu":  # `lÈgislation`, `CÙte`: a capital inside a word that is not all capitals
        return before.isalpha() and (before.islower() or after.islower())
    if category == "Ll":  # `CïTE`: a small letter inside a word of capitals
        return before.isupper() and after.isupper()
    if category.startswith("L"):  # modifier letters (`ˆ`), never a letter of a word
        return category == "Lm"
    if char in _OPENING:  # `n¡ 17`, `Tekopor„`: what opens a quote or a sentence, after a word
        return before.isalnum()
    if char in _TEXT_SYMBOLS:  # `S„o`: punctuation glued inside a word (the apostrophe and dashes may be)
        return before.isalpha() and after.isalpha() and char not in "’–—\u00a0"
    return True  # `√ ∆ ∞ ‡ · ˘ ¸`: symbols and marks real text does not hold


def _foreign_letter(char: str) -> bool:
    return ord(char) > 127 and char.isalpha()


def second_opinion(sample: bytes, candidates: list[str]) -> set[str]:
    """The candidates charset-normalizer finds least garbled (both when it cannot tell; none when it
    finds every reading garbled), by our codec names.

    Its mess detector is its opinion here: its `best()` ranks readings less than 1 % apart in mess by
    how much the words sound like a language, which a few accents in an English text do not change
    (it picks Windows-1252 for a Mac Roman `Côte d'Ivoire`)."""
    evidence = b"\n".join(line for line in sample.splitlines() if not line.isascii())[:EVIDENCE_BYTES]
    matches = list(from_bytes(evidence, steps=1, chunk_size=len(evidence), cp_isolation=candidates))
    least = min((match.chaos for match in matches), default=None)
    names = {codecs.lookup(match.encoding).name for match in matches if match.chaos == least}
    return {c for c in candidates if codecs.lookup(c).name in names}


def _excerpt(text: str) -> str:
    """A few words around the first non-ASCII character, to show the user what the reading gives."""
    at = next((i for i, c in enumerate(text) if ord(c) > 127), 0)
    return repr(" ".join(text[max(0, at - 20) : at + 20].split()))


def _ambiguous(readings: dict[str, str], why: str) -> UnreadableFile:
    shown = " or ".join(f"{NAMES[enc]} ({_excerpt(text)})" for enc, text in readings.items())
    return UnreadableFile(
        f"The file is not UTF-8 and its encoding cannot be decided: it reads as {shown}, and {why}; "
        "re-save it as UTF-8."
    )
