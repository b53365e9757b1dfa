"""Full names of young people who are not on the roster (policy 5.6: first names only).

The roster only knows this year's participants; a caption or a press release also names a friend who
came along, last year's leaver, a pupil from a partner school. Their full name is a finding when the
text plainly says the person is young:

* right next to the name, an age under 18 or a school year: "Ellie Watkins, 14, won ...",
  "Harry Dunmore (15)", "Chloe Hampton (Year 8)", "a 9-year-old, Jack Holmes", "Jacob Mortimer, a
  pupil at ...";
* in the same sentence or form line, a name whose first word is a first name (forenames.txt) and
  words that mark the young (youth_cues.txt: "young leader", "Arts Award", "a Year 10 student",
  "aged 12", "DOB").

Adults stay quiet: the organisation's own people, a name with a title or a role ("Cllr Jane Walsh",
"Anita Holford, our CEO") or doing what adults do ("Sarah Jenkins runs the under-16s band",
adult_actions.txt), and anyone in a sentence that says nothing about being young.
"""

from __future__ import annotations

import re

from bot.checks.context import CheckContext
from bot.checks.detectors import Span
from bot.checks.detectors.people import NOT_A_NAME
from bot.checks.document import Document
from bot.checks.findings import Kind
from bot.checks.wordlists import entries, phrase_pattern

_NAME_WORD = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_SURNAME = r"(?:Mc|Mac|O['\u2019]|De|Le|Van[ \t]|Du)?[A-Z][a-z]+(?:-(?:[A-Z][a-z]+))?"
_FULL_NAME = re.compile(rf"\b(?P<first>{_NAME_WORD})[ \t]+(?P<last>{_SURNAME})(?:['\u2019]s)?\b")
_SURNAME_FIRST = re.compile(rf"\b(?P<last>{_SURNAME})[ \t]*,[ \t]*(?P<first>{_NAME_WORD})\b(?![ \t]+[A-Z][a-z])")
_AGE = r"(?:[4-9]|1[0-7])"
_YEAR_GROUP = r"(?:year|yr|y)[ \t]*(?:[1-9]|1[0-3])\b"
# Right after the name: ", 14," "(15)" ", aged 12" "(Year 8)" ", a pupil at" ", who is 16".
_YOUNG_AFTER = re.compile(
    rf"[ \t]*(?:,[ \t]*{_YEAR_GROUP}[ \t]*[,)]"
    rf"|,?[ \t]+(?:from|in|of)[ \t]+{_YEAR_GROUP}"
    # ", 12 Brunswick Road" is a house number: a place's name and its address, not an age.
    rf"|,[ \t]*(?:aged?[ \t]+)?{_AGE}\b(?![:.,]?\d|[ \t]*(?:%|am|pm|years?[ \t]+ago|minutes|mins)|[ \t]+[A-Z][a-z]+[ \t]+[A-Z][a-z])"
    rf"|\([ \t]*(?:aged[ \t]+|age[ \t]+)?{_AGE}[ \t]*\)"
    rf"|\([ \t]*{_YEAR_GROUP}"
    rf"|,?[ \t]+aged[ \t]+{_AGE}\b"
    rf"|,?[ \t]*age[ \t]*[:=\-\u2013][ \t]*{_AGE}\b"  # a form's fields: "Name: Leon Baptiste, Age: 13"
    rf"|,?[ \t]+(?:who[ \t]+is|who['\u2019]s)[ \t]+{_AGE}\b"
    rf"|,[ \t]*(?:a|an)[ \t]+(?:{_YEAR_GROUP}[ \t]+)?(?:pupil|student|schoolboy|schoolgirl|sixth[ \t-]former)\b"
    rf"|[ \t]+(?:is|was)[ \t]+(?:a|an)[ \t]+(?:{_YEAR_GROUP}[ \t]+)?(?:pupil|student|schoolboy|schoolgirl|sixth[ \t-]former)\b"
    rf"|[ \t]*[,(\-\u2013]?[ \t]*(?:dob|d\.o\.b\.?)?[ \t:]*[0-3]?\d[/.\-][01]?\d[/.\-](?:20[01]\d|202[0-2]|[01]\d)\b"
    rf"|,?[ \t]+(?:and[ \t]+{_NAME_WORD}[ \t]+{_SURNAME}[ \t]*,?[ \t]*)?both[ \t]+{_AGE}\b)",
    re.IGNORECASE,
)
# Right before the name: "9-year-old Jack Holmes", "our young leader Daniel Osei".
_AGE_WORD = r"(?:four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)"
_YOUNG_BEFORE = re.compile(
    rf"(?:\b(?:{_AGE}|{_AGE_WORD})[ \t-]+year[ \t-]+old"
    rf"|\b(?:young|teen|teenage)[ \t]+(?:leader|musician|person|drummer|singer|guitarist|bassist|rapper|dj|composer|songwriter|producer|star)"
    rf"|\b(?:teenager|youngster|pupil|student|schoolboy|schoolgirl|{_YEAR_GROUP}[ \t]+(?:pupil|student)|gcse[ \t]+student)"
    # A parent or carer writing about their child: "my son Lucas Pryce", "our youngest, Mia Hart",
    # "her little brother Josh Kerr". A brother or sister is young only when said to be younger.
    rf"|\b(?:my|our|his|her|their)[ \t]+(?:(?:little|younger|youngest|baby|eldest|oldest|twin|step)[ \t-]+)?"
    rf"(?:son|daughter|grandson|granddaughter|child|kid|stepson|stepdaughter|nephew|niece|foster[ \t]+(?:son|daughter|child))"
    rf"|\b(?:my|our|his|her|their)[ \t]+(?:little|younger|baby|twin)[ \t-]+(?:brother|sister)"
    rf"|\b(?:our|my)[ \t]+(?:youngest|eldest|oldest)"
    # A young member's role: "youth council member Arjun Mehta", "junior ambassador Kofi Boateng".
    rf"|\b(?:youth|junior|young)[ \t]+(?:[a-z]+[ \t]+)?(?:member|rep|representative|ambassador|mayor|councillor|trainee|apprentice|volunteer|trustee))"
    rf"[ \t]*,?[ \t]*$",
    re.IGNORECASE,
)
# In the same sentence: an age or a school year, said of someone.
_AGE_IN_SENTENCE = re.compile(
    # "is 13", not "was 16 when he auditioned": an age in the past says nothing about now.
    # "he's 13", "i'm 14" and "im 14" in chat: someone saying their age, or another's.
    rf"\b(?:aged?|only|both|just|is|turns?|he['\u2019]s|she['\u2019]s|i['\u2019]m|im|i[ \t]+am)[ \t]+{_AGE}\b(?![:.]\d|[ \t]*(?:%|am|pm|minutes|mins|hours|years?[ \t]+ago)|[ \t]+when\b)"
    rf"|\b{_AGE}[ \t-]+years?[ \t-]+old\b|\b{_YEAR_GROUP}|\bgrade[ \t]+[1-8]\b"
    rf"|\b{_AGE}[ \t]*(?:y/?o|yrs?)\b",
    re.IGNORECASE,
)
_LOOKBACK = 40
_RECIPIENT_BEFORE = re.compile(
    r"\b(?:certificates?|awards?|awarded|presented|badges?|medals?|prizes?|congratulations|congrats|"
    r"well[ \t]+done)[ \t]+(?:(?:goes|go|went|is|are)[ \t]+)?(?:to|for)?[ \t]*$",
    re.IGNORECASE,
)


class YoungPersonNameDetector:
    def __init__(self, context: CheckContext):
        self._first_names = frozenset(entries("forenames", context.extra_terms))
        cues = phrase_pattern(entries("youth_cues", context.extra_terms))
        self._youth_cue = re.compile(rf"(?<![\w-])(?:{cues})(?![\w-])", re.IGNORECASE)
        roles = phrase_pattern(entries("adult_roles", context.extra_terms))
        self._role_after = re.compile(
            rf"[ \t]*(?:,|\(|-|\u2013)?[ \t]*(?:(?:our|the|a|an|is|was|as)[ \t]+)?(?:[a-z]+[ \t]+)?(?:{roles})\b",
            re.IGNORECASE,
        )
        self._title_before = re.compile(rf"\b(?:{roles})\.?[ \t]+$", re.IGNORECASE)
        all_actions = entries("adult_actions", context.extra_terms)
        actions = phrase_pattern(a for a in all_actions if not a.endswith(" by"))
        self._adult_action_after = re.compile(rf"[ \t]*,?[ \t]*(?:{actions})\b", re.IGNORECASE)
        done_by = phrase_pattern(a for a in all_actions if a.endswith(" by"))
        self._adult_action_before = re.compile(rf"\b(?:{done_by})[ \t]+$", re.IGNORECASE)
        child_labels = phrase_pattern(entries("child_form_labels", context.extra_terms))
        self._child_label_before = re.compile(rf"\b(?:{child_labels})[ \t]*[:\-\u2013][ \t]*$", re.IGNORECASE)
        # "Billie Eilish wrote her first album at 17": a famous person, young when famous, is no participant.
        self._famous = frozenset(" ".join(n.lower().split()) for n in entries("famous_people", context.extra_terms))
        self._org_people = frozenset(" ".join(name.lower().split()) for name in context.org_people)

    def find(self, doc: Document) -> list[Span]:
        text = doc.masked
        spans = []
        sentence_has_cue: dict[int, bool] = {}
        for name in _candidates(text):
            first, last = name.group("first"), name.group("last")
            if first in NOT_A_NAME or last in NOT_A_NAME or last.split("-")[0] in _NOT_A_SURNAME:
                continue
            start, end = name.start(), name.start("last") + len(last)
            if f"{first} {last}".lower() in self._org_people or f"{first} {last}".lower() in self._famous:
                continue
            before = text[max(0, start - _LOOKBACK):start]
            if _NAMES_A_PLACE_AFTER.match(text, end):
                continue  # "Thomas Keble School", "the Jack Russell Hall": a name inside a place's name
            if self._title_before.search(before) or self._role_after.match(text, end):
                continue
            young = (_YOUNG_AFTER.match(text, end) is not None or _YOUNG_BEFORE.search(before) is not None
                     or self._child_label_before.search(before) is not None)
            if young and first.lower() not in self._first_names and last in _PLACE_WORDS:
                young = False  # "Stroud Subscription Rooms, 12/03/2026" is a venue
            # "Bronze Arts Award certificate for Keisha Obi": whoever receives a youth award is named by
            # it, even with a first name the forenames list lacks.
            recipient = first.lower() in self._first_names or (
                _RECIPIENT_BEFORE.search(before) is not None and last not in _PLACE_WORDS)
            if (not young and recipient and not self._adult_action_after.match(text, end)
                    and not self._adult_action_before.search(before)):
                sentence_start, sentence_end = doc.sentence_bounds(start, end)
                if sentence_start not in sentence_has_cue:
                    sentence = text[sentence_start:sentence_end]
                    sentence_has_cue[sentence_start] = bool(
                        self._youth_cue.search(sentence) or _AGE_IN_SENTENCE.search(sentence)
                    )
                young = sentence_has_cue[sentence_start]
            if young:
                spans.append(Span(Kind.FULL_NAME, start, end))
        if "," in text:
            spans += self._surname_first(doc, sentence_has_cue)
        return spans

    def _surname_first(self, doc: Document, sentence_has_cue: dict[int, bool]) -> list[Span]:
        """Registers and lists: "Whitfield, Tilly (Year 9)". The word after the comma must be a first
        name and the word before it must not be one ("Amy, Leo and Kai" lists first names)."""
        text = doc.masked
        spans = []
        for name in _SURNAME_FIRST.finditer(text):
            first, last = name.group("first"), name.group("last")
            if (first.lower() not in self._first_names or last.lower() in self._first_names
                    or last in NOT_A_NAME or first in NOT_A_NAME or last.split("-")[0] in _NOT_A_SURNAME):
                continue
            start, end = name.start(), name.end("first")
            young = (_YOUNG_AFTER.match(text, end) is not None
                     or self._child_label_before.search(text[max(0, start - _LOOKBACK):start]) is not None)
            if not young:
                sentence_start, sentence_end = doc.sentence_bounds(start, end)
                if sentence_start not in sentence_has_cue:
                    sentence = text[sentence_start:sentence_end]
                    sentence_has_cue[sentence_start] = bool(
                        self._youth_cue.search(sentence) or _AGE_IN_SENTENCE.search(sentence)
                    )
                young = sentence_has_cue[sentence_start]
            if young:
                spans.append(Span(Kind.FULL_NAME, start, end))
        return spans


# Last words of a venue's name, where a name with no known first name is a place, not a person.
_PLACE_WORDS = frozenset(
    ["Rooms", "Room", "Hall", "Halls", "Centre", "Center", "Theatre", "Arena", "Club", "Hotel", "Cathedral", "Church",
     "Chapel", "Library", "Museum", "Gallery", "Stadium", "Studio", "Studios", "Pavilion", "Hub", "Institute", "House",
     "Square", "Park", "Gardens", "Market", "Village", "Town", "Works", "Yard", "Quay", "Docks", "Inn", "Arms"]
)


_NAMES_A_PLACE_AFTER = re.compile(
    r"(?:['\u2019]s)?[ \t]+(?:[A-Z][a-z]+[ \t]+)?(?:School|Academy|College|High|Primary|Grammar|Infants|Juniors|"
    r"Hall|Centre|Theatre|Church|Chapel|Trust|Foundation|Fund|Road|Street|Lane|Avenue|Close|Way|Park|Rooms|House|"
    r"Award|Awards|Prize|Orchestra|Choir|Band|Studios?|Arena|Library|Museum|Gallery|Stadium|Hospital|Building)\b"
)


def _candidates(text: str):
    """Every pair of capitalised words, overlapping: in "Teenager Callum Brooks" the pair that is a
    name starts at the second word."""
    position = 0
    while (name := _FULL_NAME.search(text, position)) is not None:
        yield name
        position = name.start("last")


# Capitalised words that follow a first name without being a surname: "Amy Year 9", "Leo School".
_NOT_A_SURNAME = frozenset(
    ["Year", "Grade", "School", "Academy", "Royal", "National", "County", "City", "University", "College", "High", "Primary", "Music", "Band", "Choir", "Orchestra",
     "Award", "Arts", "Youth", "Young", "Band", "Group", "Session", "Sessions", "Workshop", "Club", "Centre",
     "Theatre", "Festival", "Street", "Road", "Avenue", "Square", "Cathedral",
     "Studio", "Studios", "Records", "Radio", "Trust", "Foundation", "Council", "Project", "Works", "Beat",
     "Audio", "Voice", "Leader", "Leaders", "Showcase", "Concert", "Gig", "Live", "Open", "Mic", "Jazz", "Rock",
     "Pop", "Folk", "Guitar", "Drums", "Bass", "Piano", "Keys", "Vocals", "Xmas", "Christmas", "Easter",
     "Summer", "Winter", "Spring", "Autumn", "Term", "Week", "Weekend", "Day", "Night", "Morning", "Evening",
     "Afternoon", "Team", "Squad", "Crew", "Family", "Mum", "Dad", "Nan", "Gran", "Grandma", "Grandad"]
)
