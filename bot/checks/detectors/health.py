"""Health or special-needs information about an identifiable young person (policy 3, 5.6).

The condition must be tied to a person in the same sentence: "Amy has epilepsy", "Tom (ADHD) needs
a quiet room", "his autism", "my son is diabetic", "Jake, who has asthma". General talk stays
quiet: "mental health awareness week", "healthy snacks", "an autism-friendly session", "we support
young people with anxiety". The finding covers the condition itself.
"""

from __future__ import annotations

import re

from bot.checks.context import CheckContext
from bot.checks.detectors import Span
from bot.checks.detectors.people import FAMILY_SUBJECT, NOT_A_NAME
from bot.checks.document import Document
from bot.checks.findings import Kind

# Matched case-insensitively, except the acronyms below (ADD, SEN, ASD are also ordinary words).
_CONDITIONS = (
    r"epilepsy|epileptic|seizures?|diabetes|diabetic|type[ \t]+1[ \t]+diabetes|asthma|asthmatic|"
    r"autism|autistic|asperger'?s|aspergers|dyslexia|dyslexic|dyspraxia|dyspraxic|dyscalculia|"
    r"cerebral[ \t]+palsy|down'?s[ \t]+syndrome|tourette'?s|tourettes|anxiety|depression|depressed|"
    r"self[- ]harm(?:ing)?|eating[ \t]+disorder|anorexia|anorexic|bulimia|bulimic|bipolar|"
    r"schizophrenia|psychosis|panic[ \t]+attacks?|mental[ \t]+health[ \t]+(?:condition|issues?|problems?|difficulties)|"
    r"(?:(?:severe|nut|peanut|food|egg|dairy|bee[ \t]+sting)[ \t]+)?allerg(?:y|ies|ic)(?:[ \t]+to[ \t]+\w+)?|"
    r"anaphyla(?:xis|ctic)|epi-?pen|inhaler|insulin|medication|chemo(?:therapy)?|cancer|leuk(?:a)?emia|"
    r"special[ \t]+(?:educational[ \t]+)?needs|learning[ \t]+(?:disability|disabilities|difficulties|difficulty)|"
    r"hearing[ \t]+(?:impaired|impairment|aids?)|visually[ \t]+impaired|visual[ \t]+impairment|"
    r"wheelchair(?:[ \t]+user)?|sickle[ \t]+cell|cystic[ \t]+fibrosis|muscular[ \t]+dystrophy|"
    r"pregnant|diagnosis"
)
_ACRONYMS = r"ADHD|ADD|ASD|ASC|OCD|PTSD|SEN|SEND|SEMH|EHCP|EHC[ \t]+plan|PDA|ODD"
# Conditions are looked for in the lower-cased text (fast) or case-insensitively (the rare fallback),
# acronyms in the text as written.
_CONDITION_LOWER = re.compile(rf"\b(?:{_CONDITIONS})")
_CONDITION_ANY_CASE = re.compile(rf"\b(?:{_CONDITIONS})", re.IGNORECASE)
_ACRONYM = re.compile(rf"\b(?:{_ACRONYMS})\b")

# Ways a person can "have" a condition, between the subject and the condition.
_VERB = (
    r"(?:[ \t]*,?[ \t]*who[ \t]+(?:has|is|was)"
    r"|['\u2019]s(?:[ \t]+got)?"
    r"|[ \t]+(?:has[ \t]+(?:got|been[ \t]+diagnosed[ \t]+with)|has|had|is[ \t]+on|is|was|suffers[ \t]+from|"
    r"lives[ \t]+with|struggles[ \t]+with|was[ \t]+diagnosed[ \t]+with|takes|uses|needs|carries|gets|with))"
)
_FILLER = r"(?:(?:a|an|the|mild|severe|bad|quite|very|really|some|high|diagnosed|suspected|possible|his|her)[ \t]+){0,3}"
# Pronouns first: at the same position "She" must be read as a pronoun, not as a would-be name.
_SUBJECT = rf"(?:\b(?:[Hh]e|[Ss]he)\b|\b{FAMILY_SUBJECT}|\b(?P<name>[A-Z][a-z]+))"
# What must come just before a condition for it to be somebody's. Each is anchored at the end of the
# text before the condition, so the long condition pattern is compiled (and run) only once.
_PERSON_HAS_BEFORE = re.compile(rf"{_SUBJECT}{_VERB}[ \t]+{_FILLER}$")
_NAME_PAREN_BEFORE = re.compile(r"\b(?P<name>[A-Z][a-z]+)[ \t]*\([ \t]*(?:\w+[ \t]+)?$")
_OWNER_BEFORE = re.compile(
    r"(?:\b(?:[Hh]is|[Hh]er)|\b(?P<name>[A-Z][a-z]+)(?:'s|\u2019s))[ \t]+(?:(?:[a-z]+|[A-Z]{2,5})[ \t]+){0,2}$"
)
# "Amy has asthma and carries an inhaler": the second condition's subject is further back.
_AND_VERB_BEFORE = re.compile(
    rf"{_SUBJECT}[ \t]+(?:has|is|had|was)[ \t][^.!?\n]{{1,50}}?[ \t]and[ \t]+(?:also[ \t]+)?"
    rf"(?:carries|takes|uses|needs|has|is[ \t]+on)[ \t]+{_FILLER}$"
)
_CONTEXT_PATTERNS = (_PERSON_HAS_BEFORE, _NAME_PAREN_BEFORE, _OWNER_BEFORE, _AND_VERB_BEFORE)
_LOOKBACK = 80
# Condition words used as a topic, not as somebody's condition.
_TOPIC_AFTER = re.compile(
    r"[ \t-]*(?:friendly|awareness|aware|training|week|day|month|charity|society|association|"
    r"research|services?|support[ \t]+group|team|workshop|session)\b",
    re.IGNORECASE,
)


class HealthDetector:
    def __init__(self, context: CheckContext):
        del context

    def find(self, doc: Document) -> list[Span]:
        text = doc.masked
        lowered = doc.lowered
        conditions = list(_CONDITION_LOWER.finditer(lowered) if lowered is not None else _CONDITION_ANY_CASE.finditer(text))
        conditions += _ACRONYM.finditer(text)
        spans = []
        for condition in conditions:
            start, end = condition.span()
            if _TOPIC_AFTER.match(text, end):
                continue
            sentence_start, _ = doc.sentence_bounds(start)
            before = text[max(sentence_start, start - _LOOKBACK):start]
            if any(_names_a_person(pattern.search(before)) for pattern in _CONTEXT_PATTERNS):
                spans.append(Span(Kind.HEALTH, start, end))
        return spans


def _names_a_person(match: re.Match[str] | None) -> bool:
    if match is None:
        return False
    name = match.groupdict().get("name")
    return name is None or name not in NOT_A_NAME
