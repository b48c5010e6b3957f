"""SMART signals of a recommendation's text: is the action specific, is something measurable, is there a
time frame, is an actor named — each with the words that triggered it and their offsets.

Regular expressions over word lists (no NLP library is installed, and imperatives are regular enough):
a recommendation starts with what it asks, so the *leading* verb phrase decides the action's strength
("Consider ratifying …" is weak although "ratify" is specific, which is how UPR Info's scale reads it).
English only: a French or Spanish text finds few or no signals, never an error. Pure functions, no
database: the endpoint adds the classifier's results (api/recommendations/analyse_service.py).
"""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum


class Strength(StrEnum):
    specific = "specific"  # a step one can see done: adopt, ratify, repeal, allocate …
    general = "general"  # a goal without the step: ensure, strengthen, combat …
    weak = "weak"  # little or no commitment: consider, continue, promote, take measures …


@dataclass(frozen=True, order=True)
class Evidence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Signal:
    evidence: tuple[Evidence, ...] = ()

    @property
    def present(self) -> bool:
        return bool(self.evidence)


@dataclass(frozen=True)
class ActionSignal(Signal):
    strength: Strength | None = None


@dataclass(frozen=True)
class AddresseeSignal(Signal):
    actors: tuple[str, ...] = ()  # canonical kinds: "parliament", "police" … (the state itself is never one)
    elsewhere: tuple[Evidence, ...] = ()  # words aiming it at other states, or at sharing and seeking help

    @property
    def to_state_under_review(self) -> bool:
        return not self.elsewhere


@dataclass(frozen=True)
class SmartAnalysis:
    action: ActionSignal
    measurable: Signal
    time_bound: Signal
    addressee: AddresseeSignal
    suggestions: tuple[str, ...] = field(default=())

    @property
    def smart_score(self) -> int:
        """0–4: a specific action, a measurable element, a time frame, a named actor."""
        return sum(
            (self.action.strength is Strength.specific, self.measurable.present, self.time_bound.present,
             self.addressee.present)
        )  # fmt: skip


# ---- the word lists (data) ---------------------------------------------------------------------------

# Verbs by lemma, British and American spellings both listed; inflections are generated (`_forms`).
SPECIFIC_VERBS = (
    "abolish", "accede", "accept", "adopt", "allocate", "allow", "amend", "appoint", "ban", "cease", "close",
    "commute", "create", "criminalise", "criminalize", "declare", "decriminalise", "decriminalize", "delete",
    "designate", "enact", "end", "establish", "extend", "grant", "incorporate", "introduce", "investigate",
    "invite", "issue", "legislate", "lift", "outlaw", "pass", "prohibit", "prosecute", "publish", "ratify",
    "recognise", "recognize", "release", "remove", "repeal", "revoke", "set", "sign", "stop", "submit",
    "withdraw",
)  # fmt: skip
GENERAL_VERBS = (
    "accelerate", "address", "adhere", "align", "apply", "bring", "combat", "complete", "conduct", "consolidate",
    "cooperate", "develop", "eliminate", "enhance", "ensure", "eradicate", "expand", "expedite", "facilitate",
    "fight", "finalise", "finalize", "follow", "formulate", "fulfil", "fulfill", "give", "guarantee", "harmonise",
    "harmonize", "implement", "improve", "include", "increase", "intensify", "launch", "maintain", "modify",
    "prevent", "proceed", "protect", "provide", "raise", "reduce", "reform", "reinforce", "respect", "respond",
    "revise", "safeguard", "step", "strengthen", "support", "tackle", "train", "undertake", "uphold",
)  # fmt: skip
WEAK_VERBS = (
    "consider", "continue", "endeavour", "endeavor", "encourage", "explore", "promote", "strive", "pursue",
    "seek", "share",  # UPR Info's category 1: seeking help, sharing experience
    "reconsider", "envisage", "review", "revisit", "reassess", "examine", "study", "evaluate", "assess",
)  # fmt: skip
_IRREGULAR = {
    "set": ("sets", "setting"),
    "withdraw": ("withdraws", "withdrew", "withdrawn", "withdrawing"),
    "bring": ("brings", "brought", "bringing"),
    "fight": ("fights", "fought", "fighting"),
    "strive": ("strives", "strove", "striven", "striving"),
    "submit": ("submits", "submitted", "submitting"),
    "ban": ("bans", "banned", "banning"),
    "step": ("steps", "stepped", "stepping"),
    "fulfil": ("fulfils", "fulfilled", "fulfilling"),
    "take": ("takes", "took", "taken", "taking"),
    "make": ("makes", "made", "making"),
    "give": ("gives", "gave", "given", "giving"),
    "undertake": ("undertakes", "undertook", "undertaken", "undertaking"),
}
# Weak phrases beyond single verbs: "take (all necessary) measures", "pursue its efforts", "make efforts".
_QUALIFIERS = (
    r"(?:(?:all|the|its|their|further|necessary|appropriate|effective|concrete|adequate|additional|"
    r"urgent|legislative|legal|practical|positive|every|possible|relevant|more|such|any|needed|"
    r"required|further|specific|and|other|steps|measures)\s+)*"
)
_WEAK_PHRASES = (
    rf"\b{{take}}\s+{_QUALIFIERS}(?:measures|steps|action|actions)\b",
    rf"\b{{make}}\s+{_QUALIFIERS}efforts?\b",
    r"\b(?:examine|evaluate|study|assess|explore)\s+the\s+possibility\b",
    r"\breflect\s+on\b",
    r"\blook\s+into\b",
)
_GENERAL_PHRASES = (
    r"\b(?:step\s+up|redouble|intensify|strengthen)\s+(?:its\s+|their\s+)?efforts?\b",
    r"\b(?:speed|speeds|sped|speeding)\s+up\b",
    r"\b(?:carry|carries|carried|carrying)\s+out\b",
)
_SPECIFIC_PHRASES = (
    r"\b(?:become|becomes|became|becoming)\s+(?:a\s+)?part(?:y|ies)\b",
    r"\bset\s+up\b",
    r"\bput\s+an\s+end\s+to\b",
    r"\bput\s+in\s+place\b",
)

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_NUMBER_WORD = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|thirty|\d+)"
TIME_PATTERNS = (
    rf"\b(?:by|before|until|no\s+later\s+than)\s+(?:the\s+end\s+of\s+)?(?:(?:\d{{1,2}}\s+)?{_MONTH}\s+)?(?:19|20)\d\d\b",
    r"\bby\s+the\s+end\s+of\s+(?:(?:the|this|its|next|current|present|first|second)\s+)*"
    r"(?:year|cycle|term|period|mandate|decade|biennium|session|review|legislature|(?:19|20)\d\d)\b",
    rf"\bwithin\s+(?:the\s+(?:next|coming|following)\s+)?{_NUMBER_WORD}\s+(?:calendar\s+)?(?:days?|weeks?|months?|years?)\b",
    r"\b(?:before|by|in\s+time\s+for|prior\s+to|ahead\s+of|during)\s+(?:the\s+|its\s+)?"
    r"(?:next|following|subsequent|upcoming|coming|current|present|third|fourth|fifth)\s+"
    r"(?:UPR\s+|universal\s+periodic\s+)?(?:review|cycle|UPR|report|reporting\s+period|session)\b",
    r"\b(?:by|before|in)\s+(?:its|the)\s+mid-?term\s+(?:report|review|update)\b",
    r"\b(?:immediately|forthwith|without\s+(?:any\s+)?(?:further\s+|undue\s+)?delay)\b",
    rf"\b(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}},?)\s+(?:19|20)\d\d\b",
    r"\b(?:19|20)\d\d-\d\d-\d\d\b",
)
_CAP = r"(?-i:[A-Z][\w'’-]*)"  # a capitalised word (case-sensitive inside the case-insensitive patterns)
_NAME_TAIL = rf"(?:\s+(?:(?:of|the|and|on|against|to|for|with|in|all|or|from|their|relating)\s+)*{_CAP})*"
_TREATIES = (
    r"ICCPR|ICESCR|CEDAW|CAT|OPCAT|CRC|CRPD|CERD|ICERD|ICRMW|ICPPED|CPED|CED|OP-CAT|OP-CEDAW|OP-CRC-SC|"
    r"OP-CRC-AC|OP-CRC-IC|OP-ICESCR|OP-CRPD|OP2-ICCPR|OP1-ICCPR|ILO"
)
MEASURABLE_PATTERNS = (
    r"\b\d+(?:[.,]\d+)?\s?(?:%|per\s?cent\b|percent\b)",
    r"(?:\b(?:USD|US\$|EUR|GBP)|[$€£])\s?\d[\d,.]*(?:\s?(?:million|billion|thousand))?\b",
    r"\b\d[\d,.]*\s?(?:million|billion)?\s?(?:dollars|euros|USD|EUR)\b",
    rf"(?-i:\b(?:{_TREATIES})\b)",
    rf"\b(?:(?:Second|First)\s+)?Optional\s+Protocols?(?:\s+(?:to|of)\s+(?:the\s+)?(?:(?-i:\b(?:{_TREATIES})\b)|{_CAP}{_NAME_TAIL}))?",
    rf"(?:{_CAP}\s+(?:(?:and|of|for|on)\s+)?){{0,6}}(?-i:Convention|Covenant|Statute|Protocol|Charter|Treaty|Act|Bill|Code|Law|Plan|Strategy|Agreement|Principles|Guidelines|Rules)"
    rf"(?:\s+(?:No\.?\s*\d+|of\s+(?:19|20)\d\d|\d[\d/-]*)|\s+(?:on|against|relating\s+to|for|of)\s+(?:the\s+)?{_CAP}{_NAME_TAIL})?\b",
    r"\bthe\s+(?:criminal|penal|labour|labor|family|civil|electoral|press|media|nationality)\s+code\b",
    r"\b(?:articles?|art\.)\s*\d+(?:\s*(?:,|and)\s*\d+)*",
    r"\b(?:indicators?|benchmarks?|baselines?|disaggregated|statistics|quotas?|minimum\s+age)\b",
    r"\ball\b(?!\s+(?:forms?|necessary|appropriate|possible|efforts?|relevant|the\s+necessary|kinds?|types?|levels?)\b)",
    r"\b(?:half|double|twice|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|fifty|hundred|thousand)\b",
    r"\b\d[\d,.]*\b",
)
_NOT_MEASURABLE = re.compile(r"\b(?:at\s+all|all\s+forms?)\b", re.I)
# Actors beyond "the state": the canonical kind, then the words that name it.
ACTORS: dict[str, tuple[str, ...]] = {
    "parliament": (
        r"parliament(?:arians)?", r"national\s+assembly", r"legislature", r"legislators", r"lawmakers",
        r"congress", r"senate", r"legislative\s+(?:branch|bodies|body)",
    ),
    "ministry": (
        rf"ministr(?:y|ies)(?:\s+(?:of|for)\s+(?:the\s+)?{_CAP}{_NAME_TAIL})?",
        rf"minister\s+(?:of|for)\s+{_CAP}{_NAME_TAIL}",
    ),
    "police": (
        r"police(?:\s+(?:forces?|officers|officials))?", r"gendarmerie",
        r"law\s+enforcement(?:\s+(?:officials|officers|agencies|bodies|personnel|authorities))?",
    ),
    "security forces": (r"security\s+forces", r"armed\s+forces", r"military", r"army"),
    "courts": (
        r"judiciary", r"judicial\s+(?:authorities|system|bodies|branch)", r"(?:supreme|constitutional|high)\s+court",
        r"courts?", r"judges?", r"tribunals?",
    ),
    "prosecution": (
        r"prosecutors?", r"public\s+prosecutor'?s?\s+office", r"prosecution\s+service", r"attorney[-\s]general",
    ),
    "national human rights institution": (
        r"national\s+human\s+rights\s+(?:institution|commission)s?", r"NHRIs?", r"human\s+rights\s+commission",
    ),
    "ombudsperson": (r"ombuds(?:man|person|woman|men|office)", r"public\s+defender", r"people'?s\s+advocate"),
    "national preventive mechanism": (r"national\s+preventive\s+mechanisms?",),
    "local authorities": (
        r"local\s+(?:authorities|governments?|councils?)", r"municipal(?:ities|\s+authorities)",
        r"provincial\s+(?:authorities|governments?)", r"regional\s+authorities",
    ),
    "prison administration": (
        r"prison\s+(?:administration|authorities|service|staff|officials)",
        r"penitentiary\s+(?:administration|system|authorities)",
    ),
    "electoral body": (r"electoral\s+(?:commission|body|authorit(?:y|ies))", r"election\s+commission"),
}  # fmt: skip
# Courts of other orders are not the state's actors ("the International Criminal Court").
_FOREIGN_COURT = r"\b(?:International(?:\s+Criminal)?|European|Inter-American|African)\s+Courts?\b"
# UPR Info's category 1: aimed at other states, or minimal action (sharing experience, seeking help).
ELSEWHERE_PATTERNS = (
    r"\bshar(?:e|es|ed|ing)\b[^.;]{0,40}?\b(?:experiences?|(?:good|best)\s+practices?|expertise|knowledge|lessons)\b",
    r"\bseek(?:s|ing)?\b[^.;]{0,60}?\b(?:assistance|support|cooperation|help)\b",
    r"\brequest(?:s|ed|ing)?\b[^.;]{0,30}?\bassistance\b",
    r"\b(?:call(?:s|ing)?\s+(?:up)?on|appeal(?:s|ing)?\s+to|urg(?:e|es|ing))\s+(?:the\s+)?international\s+community\b",
    r"\b(?:the\s+)?international\s+community\s+(?:should|to|must)\b",
    r"\b(?:other\s+)?(?:states|countries|donors|development\s+partners)\s+(?:should|must)\b",
)
_NOUN_BEFORE = re.compile(r"\b(?:the|a|an|this|that|its|their|of)\s+$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-Z(])|\n+")

# ---- matching -----------------------------------------------------------------------------------------


def _forms(lemma: str) -> tuple[str, ...]:
    if lemma in _IRREGULAR:
        return (lemma, *_IRREGULAR[lemma])
    if lemma.endswith("e"):
        return lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return lemma, lemma + "es", lemma + "ed", lemma + "ing"
    return lemma, lemma + "s", lemma + "ed", lemma + "ing"


def _verbs(lemmas: Iterable[str]) -> str:
    forms = sorted({f for lemma in lemmas for f in _forms(lemma)}, key=lambda f: (-len(f), f))
    return r"\b(?:" + "|".join(forms) + r")\b"


def _compile(patterns: Iterable[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


_PHRASE_VERBS = {"take": _verbs(["take"])[2:-2], "make": _verbs(["make"])[2:-2]}
_ACTION = {
    Strength.weak: _compile([_verbs(WEAK_VERBS), *(p.format(**_PHRASE_VERBS) for p in _WEAK_PHRASES)]),
    Strength.general: _compile([_verbs(GENERAL_VERBS), *_GENERAL_PHRASES]),
    Strength.specific: _compile([_verbs(SPECIFIC_VERBS), *_SPECIFIC_PHRASES]),
}
_TIME = _compile(TIME_PATTERNS)
_MEASURABLE = [re.compile(p, re.IGNORECASE) for p in MEASURABLE_PATTERNS]
_ACTORS = {name: re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE) for name, words in ACTORS.items()}
_FOREIGN = re.compile(_FOREIGN_COURT)
_ELSEWHERE = _compile(ELSEWHERE_PATTERNS)


def _found(pattern: re.Pattern[str], text: str) -> Iterator[Evidence]:
    for m in pattern.finditer(text):
        if m.end() > m.start():
            yield Evidence(m.start(), m.end(), m.group())


def _overlaps(a: Evidence, b: Evidence) -> bool:
    return a.start < b.end and b.start < a.end


def _without_overlaps(found: Iterable[Evidence], taken: Iterable[Evidence] = ()) -> tuple[Evidence, ...]:
    """The longest first, then the earliest; nothing that overlaps one kept before or `taken`."""
    kept: list[Evidence] = list(taken)
    skip = len(kept)
    for e in sorted(found, key=lambda e: (-(e.end - e.start), e.start)):
        if not any(_overlaps(e, k) for k in kept):
            kept.append(e)
    return tuple(sorted(kept[skip:]))


def _clauses(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in _SENTENCE_END.finditer(text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def _verb_matches(text: str, pattern: re.Pattern[str], taken: Iterable[Evidence]) -> list[Evidence]:
    """Matches used as verbs: not after a determiner ("the end of", "the issue of"), not in `taken`."""
    return [
        e
        for e in _found(pattern, text)
        if not _NOUN_BEFORE.search(text, max(0, e.start - 24), e.start) and not any(_overlaps(e, t) for t in taken)
    ]


def action_signal(text: str, taken: Iterable[Evidence] = ()) -> ActionSignal:
    """The strength of what the text asks: per sentence the leading verb phrase decides (a general lead
    followed by a specific verb is specific: "ensure that the Code is amended"); the strongest sentence
    counts. The evidence: the words of that strength. Nothing inside `taken` (the time frame's "end")."""
    taken = tuple(taken)
    by_strength = {s: _verb_matches(text, p, taken) for s, p in _ACTION.items()}
    verbs = _without_overlaps([e for s in (Strength.weak, Strength.specific, Strength.general) for e in by_strength[s]])
    kind = {e: s for s, found in by_strength.items() for e in found}
    rank = {None: 0, Strength.weak: 1, Strength.general: 2, Strength.specific: 3}
    best: Strength | None = None
    for start, end in _clauses(text):
        inside = [e for e in verbs if start <= e.start < end]
        if not inside:
            continue
        lead = kind[inside[0]]
        if lead is Strength.general and any(kind[e] is Strength.specific for e in inside[1:]):
            lead = Strength.specific
        if rank[lead] > rank[best]:
            best = lead
    if best is None:
        return ActionSignal()
    return ActionSignal(tuple(e for e in verbs if kind[e] is best), best)


def time_signal(text: str) -> Signal:
    return Signal(_without_overlaps(_found(_TIME, text)))


def measurable_signal(text: str, taken: Iterable[Evidence] = ()) -> Signal:
    """Numbers, amounts, named instruments, indicators, "all"; never inside `taken` (a year of a
    time frame is not a quantity) nor a leading verb ("Ratify Convention" is not a name)."""
    verbs = [e for p in _ACTION.values() for e in _found(p, text)]
    found = []
    for pattern in _MEASURABLE:
        for e in _found(pattern, text):
            for verb in verbs:  # a capitalised verb opening a sentence is not part of a law's name
                if verb.start == e.start and verb.end < e.end:
                    rest = text[verb.end : e.end]
                    e = Evidence(e.end - len(rest.lstrip()), e.end, rest.lstrip())
            if e.text and not _NOT_MEASURABLE.fullmatch(e.text):
                found.append(e)
    return Signal(_without_overlaps(found, taken))


def addressee_signal(text: str) -> AddresseeSignal:
    foreign = list(_found(_FOREIGN, text))
    evidence: list[Evidence] = []
    actors: list[str] = []
    for name, pattern in _ACTORS.items():
        hits = [e for e in _found(pattern, text) if not any(_overlaps(e, f) for f in foreign)]
        if hits:
            actors.append(name)
            evidence.extend(hits)
    return AddresseeSignal(_without_overlaps(evidence), tuple(actors), _without_overlaps(_found(_ELSEWHERE, text)))


def analyse(text: str) -> SmartAnalysis:
    """The four signals of `text` and what to change; offsets index `text` (Python characters)."""
    time_bound = time_signal(text)
    action = action_signal(text, time_bound.evidence)
    measurable = measurable_signal(text, time_bound.evidence)
    addressee = addressee_signal(text)
    analysis = SmartAnalysis(action, measurable, time_bound, addressee)
    return SmartAnalysis(action, measurable, time_bound, addressee, tuple(suggestions(analysis)))


def suggestions(analysis: SmartAnalysis) -> Iterator[str]:
    """Plain-language advice, one line per missing or weak signal."""
    action = analysis.action
    if not analysis.addressee.to_state_under_review:
        yield (
            "This asks for shared experience, outside help or action by others (UPR Info category 1): "
            "say what the state under review itself should do."
        )
    if action.strength is None:
        yield "Start with a verb that commits to a step one can see done, e.g. 'Adopt', 'Ratify', 'Amend', 'Establish'."
    elif action.strength is Strength.weak:
        yield (
            f"'{action.evidence[0].text}' commits to little: say what should be done instead, "
            "e.g. 'Ratify …', 'Adopt a law on …', 'Allocate … to …'."
        )
    elif action.strength is Strength.general:
        yield (
            f"'{action.evidence[0].text}' names a goal, not a step: say which step, e.g. a law to adopt or amend, "
            "a body to establish, a budget to allocate."
        )
    if not analysis.measurable.present:
        yield (
            "Add something that can be checked: a number, a percentage, a budget, or the law or treaty "
            "concerned (e.g. 'the Optional Protocol to CAT', 'article 20 of the Criminal Code')."
        )
    if not analysis.time_bound.present:
        yield "Name a time frame, e.g. 'by the next review', 'within two years' or 'by 2027'."
    if not analysis.addressee.present:
        yield (
            "Say who should act when it is not the government as a whole, e.g. 'the parliament', "
            "'the Ministry of Justice', 'the police', 'the national human rights institution'."
        )
