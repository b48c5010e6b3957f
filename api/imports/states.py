"""State names as UPR Info, DIHR and OHCHR write them, mapped to ISO 3166-1 alpha-3.

The crosswalk is `api/cycle/data/un_member_states.csv` (UNSD, UPR Info and DIHR names of the 193
members and 2 observers), plus the UNSD names with their qualifier dropped ("Iran (Islamic
Republic of)" → "Iran") where that is unambiguous, plus a few variants seen in UN documents.
Names are compared folded: accents, case, "&"/"and", "St"/"Saint", punctuation and articles.
"""

import csv
import re
import unicodedata
from functools import lru_cache
from importlib.resources import files

# Variants found in OHCHR matrices and UN documents that none of the three name columns carries.
ALIASES = {
    "Russia": "RUS",
    "Vietnam": "VNM",
    "Viet Nam": "VNM",
    "South Korea": "KOR",
    "Korea": "KOR",
    "North Korea": "PRK",
    "Brunei": "BRN",
    "Vatican": "VAT",
    "Holy See": "VAT",
    "Kyrgyzstan": "KGZ",
    "The former Yugoslav Republic of Macedonia": "MKD",
    "Macedonia": "MKD",
    "Turkiye": "TUR",
    "Timor Leste": "TLS",
    "East Timor": "TLS",
    "Ivory Coast": "CIV",
    "Great Britain": "GBR",
    "UK": "GBR",
    "USA": "USA",
    "United States": "USA",
    "Republic of the Congo": "COG",
    "Congo (Republic of)": "COG",
    "DR Congo": "COD",
    "DRC": "COD",
    "Gambia": "GMB",
    "Bahamas": "BHS",
    "Palestine": "PSE",
    "Moldova": "MDA",
    "Tanzania": "TZA",
    "Syria": "SYR",
    "Laos": "LAO",
    "Czech Republic": "CZE",
    "Swaziland": "SWZ",
    "Cape Verde": "CPV",
    "Micronesia": "FSM",
}
_ARTICLES = re.compile(r"\b(the|of|and)\b")


def fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", name.replace("’", "'").replace("&", " and "))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"\bst\.?\s", "saint ", text)
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(_ARTICLES.sub(" ", text).split())


@lru_cache
def crosswalk() -> dict[str, str]:
    rows = list(
        csv.DictReader(
            files("api.cycle").joinpath("data/un_member_states.csv").read_text(encoding="utf-8").splitlines()
        )
    )
    names: dict[str, str] = {}
    short: dict[str, set[str]] = {}
    for row in rows:
        for column in ("unsd_name", "upr_info_name", "dihr_name"):
            if row[column]:
                names[fold(row[column])] = row["iso3"]
        if "(" in row["unsd_name"]:
            short.setdefault(fold(row["unsd_name"].split("(")[0]), set()).add(row["iso3"])
    for key, codes in short.items():
        if len(codes) == 1 and key not in names:
            names[key] = codes.pop()
    for alias, code in ALIASES.items():
        names.setdefault(fold(alias), code)
    return names


def resolve_state(name: str) -> str | None:
    """ISO3 for a state name in any of the sources' spellings (or an ISO3 code itself); None if unknown."""
    stripped = name.strip()
    if re.fullmatch(r"[A-Z]{3}", stripped) and stripped in set(crosswalk().values()):
        return stripped
    return crosswalk().get(fold(stripped))
