"""Street addresses and UK postcodes (policy 3, 5.5: never reveal personal details).

A public venue named as a venue is fine, and so is the venue's address when it follows the venue's
name ("Gloucester Guildhall, 23 Eastgate Street, GL1 1NS") or comes just before it in brackets
("GL1 2LR (Gloucester Cathedral)"), unless something personal comes in between ("after the
Guildhall she went home to 12 Station Road"). Addresses listed in the organisation's settings (the
registered office, regular venues) always pass. So does the place an event is held ("Rehearsal at
Kings Place, 12 Brunswick Road ... (the community centre)"), unless it is someone's home lent for it
("who hosted our garden gig at 19 The Crescent").

A street with no street-type word counts where someone lives or is sent things ("lives at 3
Winnycroft, Matson", "birthday card to 30 Meadowleaze, Longlevens"); a row of houses named as one is a
street ("2 Church Cottages").

An organisation announcing its own premises is not giving out a personal address: "We've moved! our office
is now at The Exchange, 12 Eastgate Street", "Our HQ has moved to 55 London Road" (org_premises_words.txt,
org_owner_words.txt), unless a home is named after it ("our office is shut, send it to my home, ...").
Nor is a venue given for directions: "the theatre is at 41 Bath Road", "find us at 22 Northgate Street",
"The gig's at The Fleece, 6 Westgate Street".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.checks.context import CheckContext
from bot.checks.detectors import Span
from bot.checks.document import Document
from bot.checks.findings import Kind
from bot.checks.lazy_regex import lazy_compile
from bot.checks.wordlists import entries, phrase_pattern

# The postcode areas in use (Royal Mail), so that "Y9 1ST" or "B4 2ND" in lower case, or strings
# that merely have the shape of a postcode, are not taken for one.
POSTCODE_AREAS = frozenset(
    ["AB", "AL", "B", "BA", "BB", "BD", "BF", "BH", "BL", "BN", "BR", "BS", "BT", "BX", "CA", "CB", "CF", "CH", "CM", "CO", "CR", "CT", "CV", "CW", "DA", "DD", "DE", "DG", "DH", "DL", "DN", "DT", "DY", "E", "EC", "EH", "EN", "EX", "FK", "FY", "G", "GL", "GU", "GY", "HA", "HD", "HG", "HP", "HR", "HS", "HU", "HX", "IG", "IM", "IP", "IV", "JE", "KA", "KT", "KW", "KY", "L", "LA", "LD", "LE", "LL", "LN", "LS", "LU", "M", "ME", "MK", "ML", "N", "NE", "NG", "NN", "NP", "NR", "NW", "OL", "OX", "PA", "PE", "PH", "PL", "PO", "PR", "RG", "RH", "RM", "S", "SA", "SE", "SG", "SK", "SL", "SM", "SN", "SO", "SP", "SR", "SS", "ST", "SW", "SY", "TA", "TD", "TF", "TN", "TQ", "TR", "TS", "TW", "UB", "W", "WA", "WC", "WD", "WF", "WN", "WR", "WS", "WV", "YO", "ZE"]
)
_POSTCODE = lazy_compile(
    r"(?<![A-Za-z0-9])([A-Za-z]{1,2})([0-9][A-Za-z0-9]?)[ \u00a0]?([0-9])([A-Za-z]{2})(?![A-Za-z0-9])"
)
# Third and fourth characters of the outward code, and the inward code's letters (BS 7666).
_DISTRICT_LETTER_AFTER_ONE_LETTER_AREA = frozenset("ABCDEFGHJKPSTUW")
_DISTRICT_LETTER_AFTER_TWO_LETTER_AREA = frozenset("ABEHMNPRVWXY")
_INWARD_LETTERS = frozenset("ABDEFGHJLNPQRSTUWXYZ")
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})

_STREET_TYPES = (
    r"Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Close|Drive|Dr|Way|Crescent|Cres|Grove|Gardens|Gdns|"
    r"Place|Pl|Terrace|Terr|Court|Ct|Row|Square|Sq|Walk|Mews|Parade|Rise|Hill|Green|Vale|View|"
    r"Meadows?|Boulevard|Croft|Park|Gate|Wharf|Yard|Fields|Orchard|Chase|Crest|Hollow|"
    # A row of houses named as one: "2 Church Cottages", "1 Manor Barns".
    r"Cottages|Barns|Villas|Buildings|Houses|"
    # A block of flats numbered as a street: "6 Northgate Mansions", "14 Severn Heights".
    r"Mansions|Heights|Towers"
)
# Words that, right after the street-type word, show it is a building's name rather than an address:
# "Chosen Hill School", "Pittville Park Pump Room".
_NOT_A_STREET_AFTER = r"School|Academy|College|Primary|Grammar|High|Church|Hall|Centre|Station|Surgery|Library|Stadium|Theatre|Pump"
_HOUSE_NUMBER = r"(?<![\w.:£$€/#-])\d{1,4}[A-Za-z]?(?:\s*[-\u2013]\s*\d{1,4}[A-Za-z]?)?"
_FLAT = r"(?:(?:Flat|Apartment|Apt\.?|Unit)\s+\d{1,4}[A-Za-z]?\s*,?\s+)?"
_STREET = lazy_compile(
    _FLAT + _HOUSE_NUMBER + r",?\s+"
    r"(?P<name>[A-Z][A-Za-z'\u2019]+(?:[ \t-][A-Z][A-Za-z'\u2019]+){0,3})[ \t]+"
    rf"(?:{_STREET_TYPES})\b\.?"
    rf"(?![ \t]+(?:{_NOT_A_STREET_AFTER})\b)"
)
# People type addresses in lower case in chat ("she's at 12 station road"). Only the unambiguous
# street types count here, and the words before them must not be everyday words, or "a 10 minute
# walk" and "2 doors down the road" would be addresses.
_STREET_LOWER = lazy_compile(
    _HOUSE_NUMBER + r",?[ \t]+(?P<name>(?:[a-z]+[ \t]+){1,2})"
    # Chat shortens too: "14 church st", "9 oakfield cl" (street types that are no everyday word after a number).
    r"(?:road|street|lane|avenue|crescent|rd|st|ave|close|drive|grove|gardens|terrace|mews)\b"
)
# The house number said in words: "number 12 on Elm Road", "no. 4 in Church Lane", "Oakfield Close,
# number 9". Not "bus number 94 along London Road" or "room 7" (_NOT_A_HOUSE_NUMBER_BEFORE).
_NUMBER_WORD = r"(?:[Nn]umber|[Nn]o\.?|#)[ \t]*\d{1,4}[A-Za-z]?"
_STREET_NAME = r"(?P<name>[A-Z][A-Za-z'\u2019]+(?:[ \t-][A-Z][A-Za-z'\u2019]+){0,3})[ \t]+" rf"(?:{_STREET_TYPES})\b\.?"
_NUMBER_ON_STREET = lazy_compile(
    rf"\b{_NUMBER_WORD}[ \t]+(?:on|in|along|up|down|at|of)[ \t]+(?:the[ \t]+)?{_STREET_NAME}"
    rf"(?![ \t]+(?:{_NOT_A_STREET_AFTER})\b)"
)
_STREET_THEN_NUMBER = lazy_compile(rf"\b{_STREET_NAME}(?![ \t]+(?:{_NOT_A_STREET_AFTER})\b),?[ \t]+{_NUMBER_WORD}\b")
_AGE_ITEM_NUMBER = lazy_compile(r"\d{1,2},")
_AGE_ITEM_BEFORE = lazy_compile(r"(?:\b(?i:year|yr|y|aged?)[ \t]*|\b[A-Z][a-z]+(?:[ \t]+[A-Z][a-z'\u2019-]+)?[ \t]*,[ \t]*|\([ \t]*)$")
_NOT_A_HOUSE_NUMBER_BEFORE = lazy_compile(
    r"\b(?:bus|buses|route|track|room|platform|gate|table|seat|locker|page|bay|stand|pitch|junction|exit|song|tune)[ \t]*$",
    re.IGNORECASE,
)
# In lower case, any street type counts when a place follows after a comma: "12 meadow view, longford".
_STREET_LOWER_TOWN = lazy_compile(
    _HOUSE_NUMBER + r",?[ \t]+(?P<name>(?:[a-z]+[ \t]+){1,2})"
    r"(?:road|rd|street|st|lane|ln|avenue|ave|close|drive|dr|way|crescent|grove|gardens|place|terrace|court|row|"
    r"square|walk|mews|parade|rise|hill|green|vale|view|meadows?|croft|park|gate|fields|orchard|chase)"
    r",[ \t]+[a-z]{3,}(?:[ \t]+[a-z]{3,})?\b"
)
# Measures make "a 20 Minute Walk" look like an address in any case.
_MEASURES = frozenset(
    ["minute", "minutes", "min", "mins", "mile", "miles", "yard", "yards", "metre", "metres", "meter", "meters", "km", "second", "seconds", "hour", "hours", "step", "steps"]
)
_EVERYDAY_WORDS = _MEASURES | frozenset(
    ["the", "a", "an", "down", "up", "along", "across", "over", "on", "in", "at", "by", "to", "from", "of", "off", "my", "your", "our", "their", "his", "her", "this", "that", "these", "those", "more", "other", "same", "main", "different", "next", "last", "few", "long", "short", "big", "small", "back", "side", "wrong", "right", "left"]
)

# A business named before its address: "Sound Hire Ltd, 5 Bristol Road", "Cotswold Print Co., 2 Mill Lane".
_BUSINESS_SUFFIXES = r"Ltd\.?|Limited|plc|PLC|LLP|Co\.|&[ \t]+Co|&[ \t]+Sons"
# An event held somewhere, just before the place: "Rehearsal at Kings Place, 12 Brunswick Road".
_EVENT_AT = lazy_compile(
    r"\b(?:rehearsals?|sessions?|concerts?|gigs?|workshops?|practices?|performances?|showcases?|auditions?|"
    r"meetings?|events?|open[ \t]+mics?|jams?|recitals?|classes|lessons?|band[ \t]+practice)\b"
    # "The gig's at The Fleece, ...": the event's "is" shortened.
    r"(?:['\u2019]s)?(?:[ \t]+(?:is|are|will[ \t]+be|tonight|today|tomorrow|this[ \t]+week|on[ \t]+\w+"
    # When it runs, said between: "Sessions run 4.30-6pm at Kingsholm, ...", "rehearsals are held every
    # Tuesday at ...", "the workshop starts at 10am at ...".
    r"|runs?|running|starts?|starting|takes?[ \t]+place|held|happens?|continues?|moves?|moved|every|each|this|next|term"
    r"|from|until|till|to|\w+days?|(?:at[ \t]+)?\d{1,2}(?:[.:]\d{2})?(?:[ \t]*(?:am|pm))?(?:[ \t]*[-\u2013][ \t]*\d{1,2}(?:[.:]\d{2})?(?:[ \t]*(?:am|pm))?)?,?))*"
    r"[ \t]+(?:at|@)[ \t]",
    re.IGNORECASE,
)
# What the sentence says of the address after it, making it a home (round 23): "..., which is Kai's house",
# "(my nan's flat)", "where Leo lives".
_HOME_AFTER = lazy_compile(
    r"\b(?:(?:(?:[A-Z][a-z]+|[Mm]um|[Dd]ad|[Nn]an|[Gg]ran)['\u2019]s|[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur)[ \t]+(?:house|home|flat|garden)(?![ \t]+(?:venue|ground|town|city|crowd|team|stage|gig|show|turf|studio))"
    r"|where[ \t]+(?:[A-Z][a-z]+|he|she|they|I|we)[ \t]+(?:lives?|live|stays?|is[ \t]+staying))\b")
_PRIVATE_EVENT = lazy_compile(r"\b(?:host\w*|garden|kitchen|living[ \t]+room|back[ \t]+room|sofa)\b", re.IGNORECASE)
# A street without a street-type word, where someone lives or is sent things: "lives at 3 Winnycroft,
# Matson", "birthday card to 30 Meadowleaze, Longlevens".
_BARE_STREET = lazy_compile(
    r"\b(?:(?P<lives>lives?|living|moved|moving|staying|stays|home|address)|post(?:ing|ed)?|send(?:ing)?|sent|deliver(?:ing|ed)?)\b"
    r"(?P<between>[^.\n]{0,40}?)\b(?:at|to|is|:)[ \t]+"
    r"(?P<address>(?:(?:number|no\.?)[ \t]*)?\d{1,4}[A-Za-z]?,?[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?,[ \t]+[A-Z][a-z]+"
    r"(?:[ \t]+(?:on|upon|under|in)[ \t]+[A-Z][a-z]+|[ \t]+[A-Z][a-z]+)*)",
    re.IGNORECASE,
)
_PERSONAL_CUE = lazy_compile(
    r"\b(?:lives?|living|home|house|address|staying|stays|moved|hers|his|theirs|mum|mom|dad|"
    r"parents?|carer|nan|gran|grandma|family|flat|pick-?up|drop-?off|lift)\b",
    re.IGNORECASE,
)
_VENUE_LOOKBACK = 80
# How far either side of an address its sentence is read for directions or a home.
_SENTENCE_REACH = 300
# Directions to a public place: "the nearest car park is GL1 1DS", "sat nav: GL50 1QA for the venue
# entrance". Public when the sentence says nothing personal.
_DIRECTIONS = lazy_compile(
    r"\b(?:car[ \t-]?parks?|parking|sat[ \t-]?nav|satnav|venue|stage[ \t]+door|box[ \t]+office|loading[ \t]+bay|"
    r"main[ \t]+entrance|venue[ \t]+entrance|bus[ \t]+station|train[ \t]+station|park[ \t]+and[ \t]+ride|"
    # "Directions: ...", "find us at ...", "the entrance is round the side".
    r"directions|find[ \t]+us|visit[ \t]+us|come[ \t]+and[ \t]+(?:see|find|visit)[ \t]+us|entrance)\b",
    re.IGNORECASE,
)


# A home named after an organisation's premises: "our office is shut, so send it to my home, ...". Moving is
# no cue here, as offices move too.
_HOME_CUE = lazy_compile(
    r"\b(?:lives?|living|home|house|hers|his|theirs|mum|mom|dad|parents?|carer|nan|gran|grandma|family|flat|"
    r"my|mine|me|pick-?up|drop-?off|lift)\b",
    re.IGNORECASE,
)
_SOMEONES = lazy_compile(r"\b[A-Z][a-z]+['\u2019]s\b|\b(?:his|her|their|family|mum|dad|nan|gran|home)\b", re.IGNORECASE)
_BUSINESS_WORDS = lazy_compile(r"\b(?:Press|Ltd|Limited|Print|Printers|Services|Group|Company|Co|Media|Music|Records)\b")


def canonical_postcode(match: re.Match[str]) -> str | None:
    """The postcode in "AB1 2CD" form, or None if the match is not a real UK postcode."""
    area, district, sector, unit = match.groups()
    area_upper = area.upper()
    if area_upper not in POSTCODE_AREAS:
        return None
    if len(district) == 2 and not district[1].isdigit():
        allowed = _DISTRICT_LETTER_AFTER_ONE_LETTER_AREA if len(area) == 1 else _DISTRICT_LETTER_AFTER_TWO_LETTER_AREA
        if district[1].upper() not in allowed:
            return None
    if not set(unit.upper()) <= _INWARD_LETTERS:
        return None
    written = match.group()
    # In lower or mixed case, "b4 2nd" and "Y9 1st" are far more likely ordinals than postcodes.
    if not written.isupper() and unit.lower() in _ORDINAL_SUFFIXES:
        return None
    return f"{area_upper}{district.upper()} {sector}{unit.upper()}"


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"[a-z0-9]+", text.lower())) + " "


# A home address given under an address label, whatever its form: "Address: The Old Forge, Bisley
# Road, Stroud" (a named house on a street). Its value must name a street.
_ADDRESS_LINE = lazy_compile(
    r"(?:^|(?<=[\n|;]))[ \t*_]*(?:home[ \t]+|postal[ \t]+|child['\u2019]?s[ \t]+|contact[ \t]+)?address[ \t*_]*[:\-\u2013][ \t]*"
    rf"(?P<address>(?:[Tt]he[ \t]+)?[A-Z][\w'\u2019]*(?:[ \t]+[A-Z][\w'\u2019]*)*,[ \t]+[^\n|;]{{0,40}}?\b(?:{_STREET_TYPES})\b"
    r"(?:,[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)?)",
    re.IGNORECASE | re.MULTILINE,
)
# A named house on a street, where someone lives: "Evie's family moved to Rose Cottage, Mill Street,
# Sheepscombe", "she's staying at The Old Rectory, Church Lane".
_NAMED_HOUSE = lazy_compile(
    r"\b(?i:lives?|living|moved|moving|staying|stays|home|address)\b[^.\n]{0,30}?\b(?i:at|to|is|:)[ \t]+"
    r"(?P<address>(?:[Tt]he[ \t]+)?(?:[A-Z][a-z]+[ \t]+){0,2}(?:Cottage|Farm|Farmhouse|House|Lodge|Barn|Forge|Mill|Villa|"
    r"Bungalow|Rectory|Vicarage|Grange|Cottages),[ \t]+(?:[A-Z][a-z]+[ \t]+){1,3}"
    rf"(?:{_STREET_TYPES})\b(?:,[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)?)"
)
# A flat in a named block, with no street number: "Flat 12b, Eastgate House, Gloucester".
_FLAT_IN_BLOCK = lazy_compile(
    r"\b(?:Flat|Apartment|Apt\.?)[ \t]+\d{1,4}[A-Za-z]?,?[ \t]+(?:[A-Z][A-Za-z'\u2019]+[ \t]+){1,3}"
    r"(?:House|Lodge|Mansions|Tower|Heights|Point|Court|Place|Buildings|Block)\b(?:,[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)?"
)


class PostalAddressDetector:
    def __init__(self, context: CheckContext):
        self._org_postcodes, self._org_words = _org_address_forms(context.org_addresses)
        owners = phrase_pattern(entries("org_owner_words", context.extra_terms)).replace("'", "['\u2019]")
        premises = phrase_pattern(entries("org_premises_words", context.extra_terms))
        # "our office is now at", "the charity's new base:", "Our HQ has moved to": not a flat, a person's own
        self._org_premises = lazy_compile(
            rf"\b(?:{owners})[ \t]+(?:new[ \t]+|main[ \t]+|current[ \t]+)?(?:{premises})\b(?![ \t]+flat)", re.IGNORECASE)

        # Round 23: more public events (public_event_words.txt) before "at" or a notice's colon: "Film screening
        # at The Exchange, 5 Bath Road", "Next gig: The Folk, 75 Westgate St".
        events = phrase_pattern(entries("public_event_words", context.extra_terms))
        self._public_event_at = lazy_compile(
            rf"\b(?:{events}|gigs?|concerts?|showcases?|performances?|open[ \t]+mics?|workshops?|recitals?)\b(?:['\u2019]s)?"
            rf"(?:[ \t]+(?:is|are|will[ \t]+be|tonight|today|tomorrow|on[ \t]+\w+|\w+days?))*"
            rf"(?:[ \t]+(?:at|@)[ \t]|[ \t]*(?:venue[ \t]*)?:[ \t]*(?:[Tt]he[ \t]+)?[A-Z])",
            re.IGNORECASE)

        # A venue named before the address ("Gloucester Guildhall, 23 Eastgate Street", venue_words.txt), or
        # just after it in brackets ("GL1 2LR (Gloucester Cathedral)"). "31 Church Lane" and "2 Park Road" are
        # streets, and "Room 4" is inside a building, not a venue.
        venue_words = entries("venue_words", context.extra_terms)
        named = phrase_pattern(" ".join(word.capitalize() for word in phrase.split()) for phrase in venue_words)
        venues = rf"(?:{named})(?![ \t]*\d)|{_BUSINESS_SUFFIXES}"
        any_case = phrase_pattern(venue_words)
        self._venue_before = lazy_compile(
            rf"\b(?:{venues})\b(?![ \t]+(?:{_STREET_TYPES})\b)|\bvenue\b|\b[Oo]ur[ \t]+(?:office[ \t]+)?(?:post[ \t]?code|address)\b"
            # "the theatre is at 41 Bath Road": a venue in lower case, as a venue ("the ...").
            rf"|\b[Tt]he[ \t]+(?i:{any_case})[ \t]+(?:is|are|'s|\u2019s|will[ \t]+be)[ \t]+(?:now[ \t]+)?(?:at|on|in)\b")
        self._venue_after = lazy_compile(
            rf"[ \t,]*\((?P<inside>(?:the[ \t]+)?[A-Z][^()\n]{{0,40}}?\b(?:{venues})\b"
            # "(the community centre)", "(the old church hall)"
            rf"|the[ \t]+[^()\n]{{0,30}}?\b(?i:{any_case}|community[ \t]+centre|church[ \t]+hall|village[ \t]+hall)\b)")
        self._home_like_venue = lazy_compile(
            phrase_pattern(entries("venue_words_homes_too", context.extra_terms)), re.IGNORECASE)

    def find(self, doc: Document) -> list[Span]:
        text = doc.masked
        spans: list[Span] = []
        if any(ch.isdigit() for ch in text):
            for match in _POSTCODE.finditer(text):
                postcode = canonical_postcode(match)
                if postcode and postcode not in self._org_postcodes and not self._at_venue(doc, match.start(), match.end()):
                    spans.append(Span(Kind.POSTAL_ADDRESS, match.start(), match.end()))
            for pattern, excluded in ((_STREET, _MEASURES), (_STREET_LOWER, _EVERYDAY_WORDS), (_STREET_LOWER_TOWN, _EVERYDAY_WORDS)):
                for match in pattern.finditer(text):
                    if any(word.lower() in excluded for word in match.group("name").split()):
                        continue
                    # "Evie, 13, Deer Park - singing", "Nell (yr 10, Deer Park)": an age or a school year
                    # in a register line, then a place (often the child's school), not a house number.
                    if _AGE_ITEM_NUMBER.match(text, match.start()) and _AGE_ITEM_BEFORE.search(text, max(0, match.start() - 30), match.start()):
                        continue
                    if any(s.start <= match.start() < s.end for s in spans):
                        continue
                    if not self._is_public(doc, match):
                        spans.append(Span(Kind.POSTAL_ADDRESS, match.start(), match.end()))
            for match in (*_NUMBER_ON_STREET.finditer(text), *_STREET_THEN_NUMBER.finditer(text)):
                if _NOT_A_HOUSE_NUMBER_BEFORE.search(text, max(0, match.start() - 12), match.start()):
                    continue
                if any(word.lower() in _MEASURES for word in match.group("name").split()):
                    continue
                if not any(s.start <= match.start() < s.end for s in spans) and not self._is_public(doc, match):
                    spans.append(Span(Kind.POSTAL_ADDRESS, match.start(), match.end()))
            for match in _FLAT_IN_BLOCK.finditer(text):
                if not any(s.start <= match.start() < s.end for s in spans) and not self._at_venue(doc, match.start(), match.end()):
                    spans.append(Span(Kind.POSTAL_ADDRESS, match.start(), match.end()))
            for match in _BARE_STREET.finditer(text):
                start, end = match.span("address")
                # Its capitalised words must be names, not a firm's ("3 Counties Press, they print").
                # Sending or posting to somebody's: "Kelsey's birthday card to", "her certificate to".
                if match.group("lives") is None and not _SOMEONES.search(match.group("between")):
                    continue
                if self._org_premises_before(doc, start):
                    continue  # "Our HQ has moved to 55 London Road, Cheltenham"
                if not any(s.start <= start < s.end for s in spans) and not _BUSINESS_WORDS.search(text, start, end):
                    spans.append(Span(Kind.POSTAL_ADDRESS, start, end))
        # An address line or a named house needs no house number ("Address: The Old Forge, Bisley Road").
        if "ddress" in text or "DDRESS" in text or "ive" in text or "ov" in text or "tay" in text or "ome" in text:
            for match in (*_ADDRESS_LINE.finditer(text), *_NAMED_HOUSE.finditer(text)):
                start, end = match.span("address")
                if not any(s.start <= start < s.end or start <= s.start < end for s in spans) \
                        and not self._at_venue(doc, start, end) and not any(_words(match.group("address")) in org for org in self._org_words):
                    spans.append(Span(Kind.POSTAL_ADDRESS, start, end))
        return spans

    def _is_public(self, doc: Document, match: re.Match[str]) -> bool:
        written = _words(match.group())
        if any(written in org for org in self._org_words):
            return True
        return self._at_venue(doc, match.start(), match.end())

    def _org_premises_before(self, doc: Document, start: int) -> bool:
        """"We've moved! our office is now at ...": the organisation's own premises, no home named after them."""
        sentence_start, _ = doc.sentence_bounds(start)
        before = doc.masked[max(sentence_start, start - _VENUE_LOOKBACK):start]
        premises = list(self._org_premises.finditer(before))
        return bool(premises) and not _HOME_CUE.search(before, premises[-1].end())

    def _at_venue(self, doc: Document, start: int, end: int) -> bool:
        sentence_start, _ = doc.sentence_bounds(start)
        before = doc.masked[max(sentence_start, start - _VENUE_LOOKBACK):start]
        sentence_start, sentence_end = doc.sentence_bounds(start, end)
        # Near the address only: a text with no full stops would otherwise be read whole for every address.
        sentence_start, sentence_end = max(sentence_start, start - _SENTENCE_REACH), min(sentence_end, end + _SENTENCE_REACH)
        sentence = doc.masked[sentence_start:sentence_end]
        if _HOME_AFTER.search(doc.masked, end, sentence_end):
            return False  # "the gig is at 14 Linden Close, which is Kai's house": a home lent for it (round 23)
        if _DIRECTIONS.search(sentence) and not _PERSONAL_CUE.search(sentence):
            return True
        if self._org_premises_before(doc, start):
            return True
        venues = list(self._venue_before.finditer(before))
        if venues:
            # Homes are called "Hill Barn" or "the Garden Room" too: after such a word, whose the
            # address is may be said before it ("Tasha lives at Hill Barn, 5 Mill Lane").
            weak = self._home_like_venue.fullmatch(venues[-1].group()) is not None
            return not _PERSONAL_CUE.search(before, 0 if weak else venues[-1].end())
        # Round 27: "The Vault, 12 Kings Square, Gloucester GL1 2RZ" on a flyer or in a gig notice: a place
        # named as one ("The Folk", "The Vault") on the address's line, in a text that advertises an event
        # (a time, tickets, entry), is the event's venue.
        named = _NAMED_PLACE_BEFORE.search(before)
        # Near the address, across sentences: "Party at ours! The Old Rectory, ..." is a home.
        around = doc.masked[max(0, start - _SENTENCE_REACH):end + _VENUE_LOOKBACK]
        # Someone's in the address's own sentence ("please post Tasha's certificate to The Cottage, ...",
        # "Tasha is at The Cottage, ... with her aunt") makes it theirs, whatever else the text advertises.
        if named and not _HOME_CUE.search(around) and not _PRIVATE_EVENT.search(around) \
                and not _PRIVATE_OCCASION.search(around) and not _SOMEONES.search(sentence) \
                and not _SENT_TO.search(before) and _event_listing(doc):
            return True
        events = list(_EVENT_AT.finditer(before)) or list(self._public_event_at.finditer(before))
        # "...who hosted our garden gig at 19 The Crescent": a home lent for the event is still a home.
        if events and not _PERSONAL_CUE.search(before) and not _PRIVATE_EVENT.search(before):
            return True
        after = self._venue_after.match(doc.masked, end)
        return after is not None and not _PERSONAL_CUE.search(before) and not _PERSONAL_CUE.search(after.group("inside")) \
            and not _SOMEONES.search(after.group("inside"))


# Something sent to the address: "post Tasha's certificate to The Cottage, ...".
_SENT_TO = lazy_compile(r"\b(?:post|posted|posting|send|sent|sending|deliver|delivered|drop|dropped)\b", re.IGNORECASE)
# A party at someone's place is a home, however it is advertised: "Party at ours! The Old Rectory, ...".
_PRIVATE_OCCASION = lazy_compile(r"\b(?:ours|party|sleepover|birthday|bbq|barbecue)\b", re.IGNORECASE)
# A place's own name, "The" and capitalised words, then a comma, earlier on the address's line.
_NAMED_PLACE_BEFORE = lazy_compile(r"\b[Tt]he[ \t]+[A-Z][\w'\u2019&-]*(?:[ \t]+[A-Z][\w'\u2019&-]*){0,3}[ \t]*,[^\n]{0,60}$")
# What a text advertising an event says: a clock time, tickets, entry, a box office, doors opening.
_EVENT_LISTING = lazy_compile(
    r"\b\d{1,2}(?:[.:]\d{2})?[ \t]*(?:am|pm)\b|\b(?:tickets?|free[ \t]+entry|entry|box[ \t]+office|doors[ \t]+open|all[ \t]+welcome)\b",
    re.IGNORECASE,
)


def _event_listing(doc: Document) -> bool:
    """Does the text advertise an event? Read once a text, however many addresses it has."""
    found = doc.memo.get("postal_address.event_listing")
    if found is None:
        found = doc.memo["postal_address.event_listing"] = _EVENT_LISTING.search(doc.masked) is not None
    return bool(found)


def _org_address_forms(addresses: Iterable[str]) -> tuple[frozenset[str], tuple[str, ...]]:
    postcodes = set()
    for address in addresses:
        for match in _POSTCODE.finditer(address):
            postcode = canonical_postcode(match)
            if postcode:
                postcodes.add(postcode)
    return frozenset(postcodes), tuple(_words(address) for address in addresses)
