"""Shared wording for "this is about an identifiable young person".

The school and health checks only fire when the text ties the school or condition to a person:
a name, he/she, his/her, "my son". A capitalised word counts as a name unless it is one of the many
capitalised words that start sentences or name things.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# The letters a name is written in (round 21: "Chloë Dubé, 14", "Zoë Brontë (12)"): Latin-1's letters,
# without × and ÷, as regular-expression character ranges.
UPPER_LETTERS = "A-Z\u00c0-\u00d6\u00d8-\u00de"
LOWER_LETTERS = "a-z\u00df-\u00f6\u00f8-\u00ff"
# One capitalised word as a name is written: "Chloë", "Dubé".
CAPITALISED_NAME_WORD = rf"[{UPPER_LETTERS}][{LOWER_LETTERS}]+"


def folded(word: str) -> str:
    """A word in lower case without its accents: "Zoë" is "zoe"."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(ch))


class FirstNames:
    """A list of first names (forenames.txt and the organisation's extra ones), looked up however a
    name is accented: "Zoë" and "Zoe", "Anaïs" and "Anais" are the same first name."""

    def __init__(self, names: Iterable[str]):
        self.listed = frozenset(names)
        self.folded = frozenset(folded(name) for name in self.listed)
        # Both together, so that a plain (ASCII) word is looked up once, without folding it.
        self.any_form = self.listed | self.folded

    def __contains__(self, word: str) -> bool:
        # Folding a plain word changes nothing but its case, so only other words are folded.
        return word.lower() in self.any_form or (not word.isascii() and folded(word) in self.folded)

# Capitalised words that are not somebody's name, as subjects ("We have...", "Today is...").
NOT_A_NAME = frozenset(
    ["I", "We", "You", "They", "It", "He", "She", "This", "That", "These", "Those", "There", "Here", "What", "Who", "Which", "Where", "When", "Why", "How", "Our", "Your", "Their", "My", "His", "Her", "Its", "The", "A", "An", "And", "But", "Or", "So", "If", "As", "At", "In", "On", "Of", "For", "From", "To", "With", "By", "Also", "Please", "Thanks", "Thank", "Hi", "Hello", "Hey", "Dear", "Yes", "No", "Ok", "OK", "Okay", "Sorry", "Well", "Great", "Good", "Lovely", "Brilliant", "Everyone", "Everybody", "Anyone", "Anybody", "Someone", "Somebody", "Nobody", "None", "All", "Each", "Every", "Both", "Some", "Many", "Most", "Today", "Tomorrow", "Yesterday", "Tonight", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "TMW", "Music", "Works", "Team", "Staff", "Session", "Sessions", "Group", "Workshop", "Project", "Programme", "Charity", "School", "Parents", "Parent", "Young", "People", "Participants", "Students", "Pupils", "Children", "Kids", "Mum", "Dad", "Carers", "Awareness", "Week", "Day", "Month", "Note", "Reminder", "Update", "Just", "Still", "Now", "Then", "After", "Before", "Once", "Since", "Gloucester", "Gloucestershire", "Cheltenham", "Stroud", "Tewkesbury", "England", "Britain", "UK", "NHS",
     # Endearments before a first name: "Little Archie (yr 5)" is Archie, not a surname Archie.
     "Little", "Baby", "Wee",
     # A register's headings and days as written on one (round 20): "Name, Group, Sessions", "Attendance Weds".
     "Name", "Names", "Attendance", "Present", "Absent", "Mon", "Tue", "Tues", "Wed", "Weds", "Thu", "Thur",
     "Thurs", "Fri", "Sat"]
)

# "my son", "her daughter": a young person as the subject of a sentence, without a name. A word
# saying which one may come between: "my little brother", "her eldest", "our youngest daughter".
FAMILY_SUBJECT = (
    r"(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Yy]our|[Tt]he)[ \t]+"
    r"(?:(?:little|baby|younger|youngest|older|oldest|elder|eldest|big|twin|middle|step)[ \t-]+)?"
    r"(?:son|daughter|child|kid|boy|girl|brother|sister|grandson|granddaughter|nephew|niece|stepson|stepdaughter)"
)


# A name's place in a list: a comma, "and", "&", "+" or "/" right before it or right after it.
_LIST_SEPARATOR_BEFORE = re.compile(r"(?:,|&|\+|/|\band\b)[ \t]*(?:and[ \t]+)?$")
_LIST_SEPARATOR_AFTER = re.compile(r"[ \t]*(?:,|&|\+|/|\band\b)[ \t]*(?:and[ \t]+)?(?=[A-Z])")
_LIST_ITEM_SPLIT = re.compile(r"[ \t]*(?:[,&+/:;.!?\n(]|\band\b|\bexpect\b|\bby\b)[ \t]*", re.IGNORECASE)
_LIST_REACH = 40
_CUE_REACH = 120


class ArtistLists:
    """Round 27: a full name that is one of a list of famous artists ("soul legends: NAME, NAME, Tom
    Jones", "Expect NAME, Stormzy, Tom Jones and Little Mix covers") names the artist. The list says so
    with a famous artist (famous_people.txt) as the item beside the name; for a famous namesake of a
    child on the roster, a word before it in the same sentence says so too (artist_list_cues.txt), but
    not one said of our own ("our young legends: Tom Jones, Isla and Noah"). A cue alone never makes an
    unknown name an artist ("our little legends Tasha Pike and Kai Brown"). Every look is bounded, so a long list costs no more than its
    length."""

    def __init__(self, famous: frozenset[str], cues: str):
        self._famous = famous
        # "our young legends", "my little icons": our own children, not artists.
        self._cue_before = re.compile(
            rf"(?<![\w-])(?<!our )(?<!my )(?<!young )(?<!little )(?<!lil )(?:{cues})(?![\w-])[^\n.!?]{{0,{_CUE_REACH}}}$",
            re.IGNORECASE)

    def famous_item(self, item: str) -> bool:
        """A list item that is a famous artist, alone or with a word of what is done with them ("Little
        Mix covers")."""
        words = item.lower().split()
        return any(" ".join(words[:n]) in self._famous for n in range(len(words), 0, -1))

    def beside_famous(self, text: str, start: int, end: int) -> bool:
        """Is the name at text[start:end] listed right beside a famous artist?"""
        after = _LIST_SEPARATOR_AFTER.match(text, end)
        if after is not None:
            following = _LIST_ITEM_SPLIT.split(text[after.end():after.end() + _LIST_REACH], maxsplit=1)[0]
            if self.famous_item(following):
                return True
        before = _LIST_SEPARATOR_BEFORE.search(text, max(0, start - 8), start)
        if before is not None:
            preceding = _LIST_ITEM_SPLIT.split(text[max(0, before.start() - _LIST_REACH):before.start()])[-1]
            if self.famous_item(preceding):
                return True
        return False

    def listed_after_cue(self, text: str, start: int, end: int) -> bool:
        """Is the name an item of a list that a word like "legends" or "playlist theme" opens?"""
        if _LIST_SEPARATOR_AFTER.match(text, end) is None and _LIST_SEPARATOR_BEFORE.search(text, max(0, start - 8), start) is None:
            return False
        return self._cue_before.search(text, max(0, start - _CUE_REACH - 20), start) is not None
