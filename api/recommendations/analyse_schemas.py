"""Request and response shapes of `POST /recommendations/analyse` (a draft's SMART analysis)."""

from typing import Annotated

from pydantic import AfterValidator, StringConstraints
from sqlmodel import Field, SQLModel

from api.core.schemas import with_examples
from api.core.types import no_nul
from api.recommendations.analyse import Strength

MAX_ANALYSED_CHARS = 5_000  # a recommendation is one sentence or three; the longest real one, 2,321 characters
LANGUAGE_PATTERN = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"

AnalysedText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_ANALYSED_CHARS),
    AfterValidator(no_nul),
]


class AnalysisRequest(SQLModel):
    """A draft recommendation to analyse: read, never stored or logged."""

    model_config = with_examples(
        {
            "text": "Adopt, before the next review, amendments to the Criminal Code criminalising marital rape, "
            "and allocate EUR 2 million to shelters run by the Ministry of Social Affairs.",
            "language": "en",
        },
        {"text": "Consider ratifying the Optional Protocol to the Convention against Torture."},
    )

    text: AnalysedText = Field(
        description=f"The recommendation, 1 to {MAX_ANALYSED_CHARS:,} characters once leading and trailing "
        "whitespace is removed; no NUL characters."
    )
    language: str = Field(
        default="en",
        max_length=35,
        schema_extra={"pattern": LANGUAGE_PATTERN},
        description="The text's language (BCP 47, e.g. `en`, `fr`). The SMART signals read English: in other "
        "languages they may be missing (never an error).",
    )


class EvidenceRead(SQLModel):
    text: str = Field(description="The words that triggered the signal, as written.")
    start: int = Field(description="Offset of the first character in `text` of the analysis (Python str index).")
    end: int = Field(description="Offset just after the last character: `text[start:end]` gives the words.")


class SignalRead(SQLModel):
    present: bool
    evidence: list[EvidenceRead]


class ActionRead(SignalRead):
    strength: Strength | None = Field(
        description="`specific` (a step one can see done: adopt, ratify, repeal, allocate …), `general` (a goal: "
        "ensure, strengthen, combat …), `weak` (consider, continue, promote, take measures …), or null when no "
        "action verb was found. The leading verb decides: 'Consider ratifying' is weak."
    )


class AddresseeRead(SignalRead):
    actors: list[str] = Field(
        description="Who should act beyond the state as a whole, when named: `parliament`, `ministry`, `police`, "
        "`courts`, `national human rights institution` …"
    )
    to_state_under_review: bool = Field(
        description="False when the text asks for shared experience, outside help or action by other states "
        "(UPR Info category 1)."
    )
    elsewhere_evidence: list[EvidenceRead] = Field(description="The words that aim it elsewhere.")


class ActionCategoryRead(SQLModel):
    category: int = Field(ge=1, le=5, description="UPR Info's action category, 1 (minimal) to 5 (specific).")
    name: str
    confidence: float = Field(description="The classifier's probability for this category.")


class LabelRead(SQLModel):
    code: str = Field(description="The canonical code, as `/themes` and `/affected-persons` show it.")
    name: str
    confidence: float = Field(description="The classifier's probability (only labels above their threshold).")


class ModelRead(SQLModel):
    version: str = Field(description="The classifier's version, as inferred tags name it.")


class AnalysisRead(SQLModel):
    """The SMART signals (every offset indexes `text`), then the classifier's guesses when a model is stored."""

    text: str = Field(description="The analysed text (whitespace-stripped): the offsets index it.")
    language: str
    smart_score: int = Field(
        ge=0, le=4, description="How many of: a specific action, a measurable element, a time frame, a named actor."
    )
    action: ActionRead
    measurable: SignalRead
    time_bound: SignalRead
    addressee: AddresseeRead
    suggestions: list[str] = Field(description="What would make the text more specific, in plain language.")
    notes: list[str] = Field(description="Limits of this analysis for this text (e.g. a language other than English).")
    model: ModelRead | None = Field(description="null when no classifier is stored: then no category and no themes.")
    action_category: ActionCategoryRead | None = Field(
        description="The likely category, when the classifier is confident enough (else null)."
    )
    themes: list[LabelRead] = Field(description="Likely themes (OHCHR themes and SDG goals), most confident first.")
    affected_persons: list[LabelRead] = Field(description="Likely affected-persons groups, most confident first.")
