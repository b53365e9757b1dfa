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

* what the text says of the person makes them a child or a participant, as a class of sentence
  rather than a word: someone's child ("Lacey Brennan's carer phoned", "evie-mae cartwright's dad
  rang", "Tyler Oakes is collected by his gran": parent_words.txt); taking part ("add Reuben
  Marsh-Evans to the cohort group", "Aaliyah Dunmore has been offered a place", "Jamal Whitcombe's
  1:1", "consent form - Harriet Pugh.pdf", "Kieran Lowther, one of our young musicians", "our
  youngest producer Toby Ashworth", "X won't make tonight's session": participant_groups.txt,
  participant_things.txt, participant_forms.txt); an age under 18 anywhere in the message ("Heads up
  about Callum Threlfall. He's 15"); a list of two or more names written surname first (a register);
  and (checker.py) a health need or a school said in the same sentence (find_beside).
* the list the name is on makes them a participant (round 24): a pick-up or collection list, a
  minibus's passengers, a run's timed stops, a rooming or kit list for a trip, the pupils joining a
  session, a new participant's contact (participant_list_headings.txt, pick_up_points.txt); or they give
  their own full name in a lower-case chat message ("hi its ... , sorry i missed ...": self_introductions.txt).

Not names: a venue named like a person ("at the Royal ... Hall", "in ... House"), and a register of first
names one by one ("Register: Ruby, Kai, Evie-Mae").

Adults stay quiet: a driver or leader labelled on a list ("Driver: ..."), a volunteer's or staff
member's own induction or HR note (adult_record_labels.txt), the organisation's own people, a name
with a title or a role ("Cllr Jane Walsh", "Anita Holford, our CEO") or doing what adults do ("Sarah Jenkins runs the under-16s band",
adult_actions.txt), and anyone in a sentence that says nothing about being young.

We do not treat every full name in body text as a young person's by default: measured on the dev and
holdout sets (round 6b), that flip lowered full-name precision from 0.99 to 0.91 (dev) and from 0.88 to
0.74 (holdout) with funders' staff, venues, companies and famous musicians, so a name needs one of
the cues above. The weak cue (an age elsewhere in the message) also stays quiet for someone from
or at a named organisation ("Helen Carver at Gloucester Guildhall") or a song's credit.
"""

from __future__ import annotations

import re
from functools import cache

from bot.checks.context import CheckContext
from bot.checks.detectors import Span
from bot.checks.detectors.date_of_birth import age_in_years, ages_beside, born_within
from bot.checks.detectors.people import (
    CAPITALISED_NAME_WORD,
    LOWER_LETTERS,
    NOT_A_NAME,
    UPPER_LETTERS,
    ArtistLists,
    FirstNames,
)
from bot.checks.document import Document
from bot.checks.findings import Kind, is_an_age
from bot.checks.lazy_regex import lazy_compile
from bot.checks.wordlists import entries, phrase_pattern

# Accented letters too (round 21): "Chloë Dubé, 14", "Zoë Brontë (12)"; a double first name "Evie-Mae".
_NAME_WORD = rf"{CAPITALISED_NAME_WORD}(?:-{CAPITALISED_NAME_WORD})?"
# A surname's prefix, written as its family writes it: "Callum de Souza", "Lewis van Rijn", "Imogen la
# Touche", "Dylan ap Rhys", "Ava St. Clair".
_PREFIX = r"(?:(?:[Dd]e|[Dd]a|[Dd]i|[Dd]el|[Dd]u|[Ll]a|[Ll]e|[Vv]an(?:[ \t]+(?:der|den|de))?|[Vv]on|[Aa]p|St\.?)[ \t]+)"
_SURNAME = rf"(?:{_PREFIX}|Mc|Mac|O['\u2019]|De|Le|Du)?[{UPPER_LETTERS}][{LOWER_LETTERS}]+(?:-(?:[{UPPER_LETTERS}][{LOWER_LETTERS}]+))?"
# A surname in capitals at the head of a register line: "BRADSHAW, Keira", "DAVIES-LLOYD, Megan".
_SURNAME_CAPS = r"(?:Mc|Mac|O['\u2019])?[A-Z]{2,}(?:['\u2019][A-Z]+)?(?:-[A-Z]{2,})?"
_FULL_NAME = lazy_compile(rf"\b(?P<first>{_NAME_WORD})[ \t]+(?P<last>{_SURNAME})(?:['\u2019]s)?\b")
_FORMERLY = re.compile(r"\b(?:former|ex|past|one-time)[ \t-]", re.IGNORECASE)
# "5pm: Maya, Josh and Kiera": first names listed after a time, not a "Surname, First" slot.
_MORE_FIRST_NAMES_AFTER = re.compile(r"(?:[ \t]*,[ \t]*[A-Z][\w'\u2019-]*)*[ \t]+(?:and|&)[ \t]+[A-Z]")
_SURNAME_FIRST = lazy_compile(rf"\b(?P<last>{_SURNAME_CAPS}|{_SURNAME})[ \t]*,[ \t]*(?P<first>{_NAME_WORD})\b(?![ \t]+[A-Z][a-z])")
_AGE = r"(?:[4-9]|1[0-7])"
# A child is under 18: a birth date of this year back to 18 years ago, for find_beside.
_CHILD_AGE = 18
_YEAR_GROUP = r"(?:year|yr|y)[ \t]*(?:[1-9]|1[0-3])\b"
# Right after the name: ", 14," "(15)" ", aged 12" "(Year 8)" ", a pupil at" ", who is 16".
_YOUNG_AFTER = lazy_compile(
    rf"[ \t]*(?:,[ \t]*{_YEAR_GROUP}[ \t]*[,)]"
    rf"|,?[ \t]+(?:from|in|of)[ \t]+{_YEAR_GROUP}"
    # ", 12 Brunswick Road" is a house number: a place's name and its address, not an age.
    rf"|,[ \t]*(?:aged?[ \t]+)?{_AGE}\b(?![:.,]?\d|[ \t]*(?:%|am|pm|years?[ \t]+ago|minutes|mins)|[ \t]+[A-Z][a-z]+[ \t]+[A-Z][a-z])"
    rf"|\([ \t]*(?:aged[ \t]+|age[ \t]+)?{_AGE}[ \t]*[!?]*[ \t]*\)"
    rf"|\([ \t]*{_YEAR_GROUP}"
    # A register line's next field (round 23): "Carter, Reece - Yr 9 - Cleeve School - photo 4",
    # "Mia Long | Year 8"; not a grown-up's class ("- Year 9 tutor").
    rf"|[ \t]*(?:[ \t][-\u2013\u2014]|\|)[ \t]*{_YEAR_GROUP}(?![ \t]+(?:tutor|teacher|lead|leader|head|coordinator|co-ordinator|team)\b)"
    # A list row's next field is an age under 18 (round 26): "Caitlin Oduya - 15 - Brockworth", "2. Nathan
    # Pryor – 12" on its own line; a table's "| 5 |" may count anything. Not a range ("- 10-12"), a time ("- 10.30") or a house number ("- 12 High St").
    rf"|[ \t]+[-\u2013\u2014][ \t]*{_AGE}\b(?![ \t]*[-\u2013\u2014/:.][ \t]*\d)(?=[ \t]*(?:[-\u2013\u2014|,;\n]|$))"
    rf"|,?[ \t]+aged[ \t]+{_AGE}\b"
    rf"|,?[ \t]*age[ \t]*[:=\-\u2013][ \t]*{_AGE}\b"  # a form's fields: "Name: Leon Baptiste, Age: 13"
    rf"|,?[ \t]+(?:who[ \t]+is|who['\u2019]s)[ \t]+{_AGE}\b"
    rf"|,[ \t]*(?:a|an)[ \t]+(?:{_YEAR_GROUP}[ \t]+)?(?:pupil|student|schoolboy|schoolgirl|sixth[ \t-]former)\b"
    rf"|[ \t]+(?:is|was)[ \t]+(?:a|an)[ \t]+(?:{_YEAR_GROUP}[ \t]+)?(?:pupil|student|schoolboy|schoolgirl|sixth[ \t-]former)\b"
    rf"|[ \t]*[,(\-\u2013]?[ \t]*(?:dob|d\.o\.b\.?)?[ \t:]*[0-3]?\d[/.\-][01]?\d[/.\-](?:20[01]\d|202[0-2]|[01]\d)\b"
    rf"|,?[ \t]+(?:and[ \t]+{_NAME_WORD}[ \t]+{_SURNAME}[ \t]*,?[ \t]*)?both[ \t]+{_AGE}\b"
    # ", the lad from Matson", ", a young lass from Podsmead": called a child right after the name.
    rf"|,[ \t]*(?:the|a|our|that)[ \t]+(?:young[ \t]+)?(?:lad|lass|boy|girl|kid|youngster|teenager|teen)\b"
    # A birthday under 18: "it's Jess Karimi's 16th on Thursday", "Leon Price's thirteenth birthday".
    rf"|['\u2019]s[ \t]+(?:(?:[4-9]|1[0-7])th|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    rf"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth)(?:[ \t]+birthday)?\b(?![ \t]+(?:place|time|attempt|row|minute|floor|century))"
    # ", a 13-year-old young carer", ", who turns 12".
    rf"|,[ \t]*(?:a|an)[ \t]+{_AGE}[ \t-]+year[ \t-]+old\b"
    rf"|,?[ \t]+who[ \t]+(?:turns|turned|has[ \t]+just[ \t]+turned|just[ \t]+turned)[ \t]+{_AGE}\b)",
    re.IGNORECASE,
)
# Right before the name: "9-year-old Jack Holmes", "our young leader Daniel Osei".
_AGE_WORD = r"(?:four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)"
_YOUNG_BEFORE = lazy_compile(
    rf"(?:\b(?:{_AGE}|{_AGE_WORD})[ \t-]+year[ \t-]+old"
    rf"|\b(?:young|teen|teenage)[ \t]+(?:leader|musician|person|drummer|singer|guitarist|bassist|rapper|dj|composer|songwriter|producer|star)"
    # "new lad Reece Holloway", "the young lass": called a child just before the name.
    rf"|\b(?:new|young|little|wee)[ \t]+(?-i:(?:[A-Z][\w'\u2019-]*[ \t]+){{0,3}})(?:lad|lass|boy|girl|kid|youngster|teen)"
    rf"|\b(?:teenager|youngster|pupil|student|schoolboy|schoolgirl|{_YEAR_GROUP}[ \t]+(?:pupil|student)|gcse[ \t]+student)"
    # A parent or carer writing about their child: "my son Lucas Pryce", "our youngest, Mia Hart",
    # "her little brother Josh Kerr". A brother or sister is young only when said to be younger.
    rf"|\b(?:my|our|his|her|their)[ \t]+(?:(?:little|younger|youngest|baby|eldest|oldest|twin|step)[ \t-]+)?"
    rf"(?:son|daughter|grandson|granddaughter|child|kid|stepson|stepdaughter|nephew|niece|foster[ \t]+(?:son|daughter|child))"
    rf"|\b(?:my|our|his|her|their)[ \t]+(?:little|younger|baby|twin)[ \t-]+(?:brother|sister)"
    rf"|\b(?:our|my)[ \t]+(?:youngest|eldest|oldest)"
    # A young member's role: "youth council member Arjun Mehta", "junior ambassador Kofi Boateng".
    rf"|\b(?:youth|junior|young)[ \t]+(?:[a-z]+[ \t]+)?(?:member|rep|representative|ambassador|mayor|councillor|trainee|apprentice|volunteer|trustee)s?"
    # "our youngest producer Toby Ashworth", "teenage drummer": a young performer, not an adult's role.
    rf"|\b(?:youngest|young|teen|teenage|junior|budding)[ \t]+(?:[a-z]+[ \t]+)?(?:producer|drummer|singer|vocalist|guitarist|bassist|pianist|rapper|mc|dj|composer|songwriter|musician|performer|artist|member|participant|leader))"
    rf"[ \t]*[,:]?[ \t]*$",
    re.IGNORECASE,
)
# In the same sentence: an age or a school year, said of someone.
_AGE_IN_SENTENCE = lazy_compile(
    # "is 13", not "was 16 when he auditioned": an age in the past says nothing about now.
    # "he's 13", "i'm 14" and "im 14" in chat: someone saying their age, or another's.
    rf"\b(?:aged?|only|both|just|is|turns?|he['\u2019]s|she['\u2019]s|i['\u2019]m|im|i[ \t]+am)[ \t]+{_AGE}\b(?![:.]\d|[ \t]*(?:%|am|pm|minutes|mins|hours|years?[ \t]+ago)|[ \t]+when\b)"
    rf"|\b{_AGE}[ \t-]+years?[ \t-]+old\b|\b{_YEAR_GROUP}|\bgrade[ \t]+[1-8]\b"
    rf"|\b{_AGE}[ \t]*(?:y/?o|yrs?)\b",
    re.IGNORECASE,
)
# An age said of one person, for the message-wide cue: "He's 15", "she is only 13", "(12!)", "a
# 14-year-old". Not an age range or a group ("aged 11-16", "13-year-olds", "under-16s").
_AGE_OF_SOMEONE = lazy_compile(
    rf"\b(?:he['\u2019]s|she['\u2019]s|he[ \t]+is|she[ \t]+is|they['\u2019]re|they[ \t]+are|i['\u2019]m|im|i[ \t]+am|"
    rf"turns?|turned|turning|just[ \t]+turned|now)[ \t]+(?:only[ \t]+|just[ \t]+|nearly[ \t]+|almost[ \t]+)?{_AGE}\b"
    rf"(?![ \t]*(?:[-\u2013+]|to\b|%|am\b|pm\b|minutes|mins|hours|years?[ \t]+ago|[ \t]*when\b)|[:.]\d)"
    rf"|\([ \t]*{_AGE}[ \t]*[!?]*[ \t]*\)"
    rf"|(?<![-\u2013\d])\b{_AGE}[ \t-]+years?[ \t-]+old\b(?!s)",
    re.IGNORECASE,
)
# A participant who started young: "first came to Audio-Base at 12", "joined Beat It when she was 13",
# "has been coming since he was 11". An age in the past, but said of someone who is one of ours.
_JOINED_YOUNG = lazy_compile(
    rf"\b(?:came|comes|joined|started|began|turned[ \t]+up|signed[ \t]+up|been[ \t]+coming|been[ \t]+(?:a[ \t]+)?(?:member|regular))"
    rf"[^.!?\n]{{0,40}}?(?:\b(?:at|aged?)[ \t]+{_AGE}\b(?![:.]\d|[ \t]*(?:%|am|pm|o['\u2019]clock))"
    rf"|\b(?:when|since)[ \t]+(?:he|she|they|i)[ \t]+(?:was|were|turned)[ \t]+(?:only[ \t]+|just[ \t]+)?{_AGE}\b)",
    re.IGNORECASE,
)
# Called a child of one of the organisation's projects: "a proper Beat It kid", "one of the Audio-Base kids".
_PROJECT_KID = lazy_compile(r"(?<![\w-])(?P<project>(?:[A-Z][\w'\u2019-]*[ \t]+){1,3})(?:kid|kids|youngster|youngsters)\b")


def _under_18_beside(text: str, start: int, end: int) -> bool:
    """An age under 18 said right beside the name, in any of the ways the date-of-birth check reads one
    (round 21: "Harvey Quinn. Aged 15.", "Jas Kaur (she is 13)", "Happy 16th to ..."): one reading of
    an age beside a name for both checks, so the name and its age are found together."""
    return any((age := age_in_years(text[span.start:span.end])) is not None and age < _CHILD_AGE
               for span in ages_beside(text, start, end))


def _project_kid(sentence: str) -> bool:
    """"a proper Beat It kid": a project's name (not "The kids", "Our kids") before kid."""
    return any(any(word not in NOT_A_NAME for word in found.group("project").split())
               for found in _PROJECT_KID.finditer(sentence))
_LOOKBACK = 40
# An age of 18 or more in a birthday greeting: "Happy 40th birthday to ...".
_ADULT_ORDINAL = lazy_compile(r"\b(?:1[89]|[2-9]\d|1\d\d)(?:st|nd|rd|th)\b|\b(?:eighteenth|nineteenth|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)", re.IGNORECASE)
# A quotation's marks: a caption or a report giving someone's own words.
_QUOTE_MARK = lazy_compile(r"[\"\u201c\u201d]|(?:^|[\s(])'(?=\w)|(?<=[\w.!?,])'(?=[\s,.\u2013\u2014-]|$)")
_RECIPIENT_BEFORE = lazy_compile(
    r"\b(?:certificates?|awards?|awarded|presented|badges?|medals?|prizes?|congratulations|congrats|"
    r"shout[ \t-]?outs?|special[ \t]+mention|props|kudos|proud[ \t]+of|well[ \t]+done)[ \t]+(?:(?:goes|go|went|is|are)[ \t]+)?(?:to|for)?[ \t]*$",
    re.IGNORECASE,
)


class YoungPersonNameDetector:
    def __init__(self, context: CheckContext):
        # "Zoë" and "Zoe" alike: names are looked up without their accents as well (round 21).
        self._forenames = FirstNames(entries("forenames", context.extra_terms))
        self._first_names = self._forenames.any_form
        self._this_year = context.current_year()
        cues = phrase_pattern(entries("youth_cues", context.extra_terms))
        # A letter's or an email's closing on the line above: "Kind regards\nSarah Jenkins" signs it, is not listed.
        sign_offs = phrase_pattern(entries("sign_off_words", context.extra_terms))
        self._sign_off_above = lazy_compile(rf"(?i:{sign_offs})[ \t]*[,.!]*[ \t]*\n[ \t]*$")
        self._youth_cue = lazy_compile(rf"(?<![\w-])(?:{cues})(?![\w-])", re.IGNORECASE)
        roles = phrase_pattern(entries("adult_roles", context.extra_terms))
        self._role_after = lazy_compile(
            # "Imani Stokes, Young Producer of the Year", "Oisin Byrne, our youth trustee": a role held as a
            # young person is no adult's (round 12).
            rf"[ \t]*(?:,|\(|-|\u2013)?[ \t]*(?:(?:our|the|a|an|is|was|as)[ \t]+)?"
            # "Meet Rosa Quinn, our youngest producer": the youngest of a team is young (round 23).
            rf"(?:(?!(?:young|youngest|youth|junior|teen|teenage|student|school|pupil)\b)[a-z]+[ \t]+)?(?:{roles})\b",
            re.IGNORECASE,
        )
        # "Ruth Gilmore, who is joining us as a volunteer": a role a little later in the clause.
        self._role_later = lazy_compile(
            rf"[^.!?\n]{{0,40}}?\bas[ \t]+(?:a|an|our|the)[ \t]+(?:new[ \t]+)?(?:[a-z]+[ \t]+)?(?:{roles})\b", re.IGNORECASE)
        # "Our new trustee, James Whitmore": a role, then a comma, then the name.
        self._title_before = lazy_compile(rf"\b(?:{roles})\.?[ \t]*,?[ \t]+$", re.IGNORECASE)
        all_actions = entries("adult_actions", context.extra_terms)
        actions = phrase_pattern(a for a in all_actions if not a.endswith(" by"))
        self._adult_action_after = lazy_compile(rf"[ \t]*,?[ \t]*(?:{actions})\b", re.IGNORECASE)
        done_by = phrase_pattern(a for a in all_actions if a.endswith(" by"))
        self._adult_action_before = lazy_compile(rf"\b(?:{done_by})[ \t]+$", re.IGNORECASE)
        self._role_in_heading = lazy_compile(rf"\b(?:{roles})(?:s|['\u2019]s?|s['\u2019])?(?!\w)", re.IGNORECASE)
        child_labels = phrase_pattern(entries("child_form_labels", context.extra_terms))
        self._child_label_before = lazy_compile(rf"\b(?:{child_labels})[ \t]*[:\-\u2013][ \t]*$", re.IGNORECASE)
        # A form's plain "Name:" line, and the other lines that say whose form it is.
        young_fields = phrase_pattern(entries("young_form_fields", context.extra_terms))
        # An age or a school year counts only with a young value: not "Age: 45", nor "Year: 2026".
        self._young_field = lazy_compile(
            rf"(?:^|[\n|/;]|[ \t]{{2,}})[ \t]*(?:(?:{young_fields})[ \t]*[:=\-\u2013]"
            rf"|age[ \t]*[:=\-\u2013][ \t]*{_AGE}\b|(?:school[ \t]+)?year(?:[ \t]+group)?[ \t]*[:=\-\u2013][ \t]*(?:y|yr|year)?[ \t]*(?:[1-9]|1[0-3])\b)",
            re.IGNORECASE | re.MULTILINE)
        adult_fields = phrase_pattern(entries("adult_form_fields", context.extra_terms))
        self._adult_field = lazy_compile(rf"(?:^|[\n|/;]|[ \t]{{2,}})[ \t]*(?:{adult_fields})[ \t]*[:=\-\u2013]", re.IGNORECASE | re.MULTILINE)
        referrers = phrase_pattern(entries("referrer_form_fields", context.extra_terms))
        self._referrer_field = lazy_compile(rf"[ \t*_]*(?:{referrers})[ \t*_]*[:=\-\u2013]", re.IGNORECASE)
        # A line-up: "1. Jake Pemberton - vocals", "Archie Penrose (keys)", "Kai Williams on drums".
        parts = phrase_pattern(entries("performer_parts", context.extra_terms))
        self._part_after = lazy_compile(
            rf"[ \t]*(?:\([ \t]*|[\-\u2013:][ \t]*|[ \t]+on[ \t]+)(?:the[ \t]+)?(?:{parts})(?![\w-])", re.IGNORECASE)
        grown_up = phrase_pattern(entries("adult_performer_words", context.extra_terms))
        self._adult_performers = lazy_compile(rf"(?<![\w-])(?:{grown_up})(?![\w-])", re.IGNORECASE)
        # A first time celebrated: "smashing her first solo", "their first ever live set".
        milestones = phrase_pattern(entries("youth_milestones", context.extra_terms))
        self._milestone = lazy_compile(
            rf"\bfirst[ \t]+(?:ever[ \t]+)?(?:live[ \t]+|public[ \t]+|solo[ \t]+)?(?:{milestones})(?![\w-])", re.IGNORECASE)
        # "Billie Eilish wrote her first album at 17": a famous person, young when famous, is no participant.
        self._famous = frozenset(" ".join(n.lower().split()) for n in entries("famous_people", context.extra_terms))
        self._org_people = frozenset(" ".join(name.lower().split()) for name in context.org_people)
        # Round 27: "soul legends: NAME, NAME, Tom Jones": a list of famous artists names no participant.
        self._artists = ArtistLists(self._famous, phrase_pattern(entries("artist_list_cues", context.extra_terms)))
        # "Quedgeley Juniors", "Tuffley Rockers": a group's name, whatever cue is beside it.
        self._group_last = frozenset(w.title() for w in entries("group_name_words", context.extra_terms))
        # Someone's child: "Lacey Brennan's carer phoned", "Tyler Oakes is collected by his gran".
        parents = phrase_pattern(entries("parent_words", context.extra_terms))
        self._parent_after = lazy_compile(rf"['\u2019]s[ \t]+(?:{parents})\b", re.IGNORECASE)
        # A child's parent named beside them: "the best contact is her mum, Anjali Patel" (round 25).
        self._parent_before = lazy_compile(
            rf"(?:\b(?:his|her|their|my|our)|['\u2019]s)[ \t]+(?:{parents})[ \t]*[,:(\-\u2013]?[ \t]*$", re.IGNORECASE)
        self._collected_by_after = lazy_compile(
            r"[ \t]+(?:is|gets|will[ \t]+be|was|usually[ \t]+gets|has[ \t]+been)[ \t]+(?:usually[ \t]+|always[ \t]+|normally[ \t]+)?"
            r"(?:collected|picked[ \t]+up|dropped[ \t]+off|brought|taken[ \t]+home|driven|walked[ \t]+(?:here|home|over))"
            rf"[^.!?\n]{{0,40}}?\b(?:by|with)[ \t]+(?:his|her|their)[ \t]+(?:{parents})\b",
            re.IGNORECASE,
        )
        # Lower-case names beside a parent word: "evie-mae cartwright's dad rang".
        self._lower_child_of = lazy_compile(
            rf"(?<![\w'\u2019-])(?P<first>[a-z]+(?:-[a-z]+)?)[ \t]+(?P<last>[a-z]{{3,}}(?:-[a-z]+)?)['\u2019]s[ \t]+(?:{parents})\b"
        )
        # Taking part: "add X to the cohort group", "welcome X to the Saturday band".
        groups = phrase_pattern(entries("participant_groups", context.extra_terms))
        self._added_before = lazy_compile(
            r"\b(?:add|added|adding|welcome|welcoming|enrol|enrolled|enrolling|book|booked|booking|register|registered|"
            r"put|sign|signed|move|moved|moving)[ \t]+$", re.IGNORECASE)
        self._added_after = lazy_compile(
            rf"(?:[ \t]+up)?[ \t]+(?:to|onto|on|into|for|in)[ \t]+(?:the[ \t]+|our[ \t]+|this[ \t]+|next[ \t]+|a[ \t]+)?"
            rf"(?:[\w'\u2019-]+[ \t]+){{0,3}}?(?:{groups})\b", re.IGNORECASE)
        self._joined_after = lazy_compile(
            r"[ \t]+(?:has[ \t]+(?:just[ \t]+)?(?:been[ \t]+)?|just[ \t]+|was[ \t]+|is[ \t]+|got[ \t]+|gets[ \t]+)?"
            r"(?:(?:offered|given|awarded|gained|won|secured|accepted|got)[ \t]+(?:a|her|his|their)[ \t]+place\b"
            rf"|(?:joined|started|signed[ \t]+up[ \t]+(?:to|for)|enrolled[ \t]+(?:on|in)|new[ \t]+to)[ \t]+(?:the|our)[ \t]+(?:[\w'\u2019-]+[ \t]+){{0,3}}?(?:{groups})\b)",
            re.IGNORECASE)
        # Offered a place: "happy to offer Isabelle Farr a place", "we'd like to offer Rhys Tanner a bursary place".
        self._offered_before = lazy_compile(r"\b(?:offer|offering|offered|give|giving|gave)[ \t]+$", re.IGNORECASE)
        self._offered_after = lazy_compile(
            r"[ \t]+(?:a|an|the)[ \t]+(?:[\w'\u2019-]+[ \t]+){0,2}?(?:place|spot|space|slot|bursary|scholarship|audition)\b",
            re.IGNORECASE)
        # A story told about one participant: "CASE STUDY\nDarcey Holt", "Impact story: When Mia Ferreira started".
        stories = phrase_pattern(entries("participant_story_headings", context.extra_terms))
        self._story_before = lazy_compile(
            rf"\b(?:{stories})[ \t]*(?:[:\-\u2013\u2014][ \t]*)?(?:\n[ \t]*)*(?:(?:when|after|since|before|meet|this[ \t]+is)[ \t]+)?$",
            re.IGNORECASE)
        things = phrase_pattern(entries("participant_things", context.extra_terms))
        self._thing_after = lazy_compile(
            rf"['\u2019]s[ \t]+(?:(?:first|last|next|weekly|new|latest)[ \t]+)?(?:{things})(?![\w-])", re.IGNORECASE)
        forms = phrase_pattern(entries("participant_forms", context.extra_terms))
        self._form_before = lazy_compile(
            rf"\b(?:{forms})[ \t]*(?:[:\-\u2013]|for|from|re:?)?[ \t]*(?:[:\-\u2013][ \t]*)?$", re.IGNORECASE)
        members = phrase_pattern(entries("young_member_words", context.extra_terms))
        self._one_of_ours = lazy_compile(
            r"[ \t]*,?[ \t]*(?:(?:is|was)[ \t]+)?one[ \t]+of[ \t]+(?:our|the)[ \t]+"
            r"(?:(?:new|newest|youngest|young|talented|amazing|brilliant|regular|budding|lovely)[ \t]+)*"
            rf"(?:young[ \t]+people|participants|learners|pupils|students|(?:{members})s?)\b", re.IGNORECASE)
        # Missing a session: "Ethan Moorcroft won't make tonight's session".
        # Round 19: a session already missed, said of one or of two named together ("Shannon Pritchard and
        # Reuben Achterberg both missed Thursday", "Jade Lowe didn't turn up to rehearsal").
        self._absent_after = lazy_compile(
            r"(?:[ \t]+(?:and|&)[ \t]+[A-Z][\w'\u2019-]+(?:[ \t]+[A-Z][\w'\u2019-]+)?(?:[ \t]+both)?)?"
            r"(?:[ \t]+(?:won['\u2019]t|can['\u2019]t|cannot|can[ \t]+not|couldn['\u2019]t|isn['\u2019]t|wasn['\u2019]t|"
            r"won['\u2019]t[ \t]+be[ \t]+able[ \t]+to|is[ \t]+not[ \t]+able[ \t]+to)[ \t]+(?:make|come|attend|be[ \t]+(?:in|at|coming|there))\b"
            r"[^.!?\n]{0,60}?\b(?:session|rehearsal|practice|band|group|class|lesson|workshop|tonight|today)\b"
            r"|[ \t]+(?:(?:both|also|all)[ \t]+)?(?:missed|didn['\u2019]t[ \t]+(?:come|turn[ \t]+up|show(?:[ \t]+up)?)|no-showed|were[ \t]+absent|was[ \t]+absent)\b"
            r"[^.!?\n]{0,30}?\b(?:session|rehearsal|practice|class|lesson|workshop|tonight|today|yesterday|last[ \t]+night|"
            r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b)",
            re.IGNORECASE)

        # Round 18: a quotation or a caption attributed to a participant ("'...' - Jasmine Cole, Beat It
        # participant", "says Beat It drummer Luca Fenton"), and a shout-out or a birthday post naming a
        # young person ("happy 15th birthday to our queen Leah Pemberton", "big up our bro Kwame Mensah").
        titles = phrase_pattern(entries("participant_titles", context.extra_terms))
        # Up to three capitalised words between: a project's name ("Beat It", "an Audio-Base regular").
        project = r"(?:(?:a|an|our|one[ \t]+of[ \t]+our|the)[ \t]+)?(?:[A-Z][\w'\u2019-]*[ \t]+){0,3}"
        self._participant_after = lazy_compile(
            rf"[ \t]*(?:,|\(|[-\u2013\u2014])[ \t]*{project}"
            rf"(?:(?i:{titles})s?|(?i:young|youth|junior|teen|teenage)[ \t]+(?:[a-z]+[ \t]+)?(?i:{members})s?)(?![\w-])")
        # A member word ("drummer", "singer") after the name counts when the text gives the person's own
        # words: band credits ("Tom Stone, drummer") are often grown-ups'.
        self._member_after = lazy_compile(rf"[ \t]*(?:,|\(|[-\u2013\u2014])[ \t]*{project}(?i:{members})s?(?![\w-])")
        # The credit is one of our own projects (the organisation file's project names and aliases) and
        # nothing more: "'...' - Alfie Rowntree, Audio-Base", "(Harley Stokes, Audiobase)". A role after the
        # project ("Beat It project manager") is a grown-up's, and the organisation's own people pass anyway.
        projects = [" ".join(name.split()) for name in context.org_projects if len(name.strip()) > 2]
        self._project_names = frozenset(name.lower() for name in projects)
        self._project_after = lazy_compile(
            rf"[ \t]*(?:,|\(|[-\u2013\u2014])[ \t]*(?:(?:the|our)[ \t]+)?(?i:{phrase_pattern(projects)})"
            r"(?![\w'\u2019-])(?![ \t]+[A-Za-z])") if projects else None
        # "Former Beat It member Chloe ...", "ex-Youth Voice member": a member once, perhaps grown up since.
        self._member_before = lazy_compile(
            rf"(?:(?:[A-Z][\w'\u2019-]*[ \t]+){{1,3}}|(?:our|the)[ \t]+(?:[a-z]+[ \t]+)?)(?i:{members})[ \t]+$")
        greetings, shout_outs = [], []
        for opener in entries("shout_out_openers", context.extra_terms):
            (greetings if opener.startswith("birthday:") else shout_outs).append(opener.removeprefix("birthday:").strip())
        # "happy 15th birthday", "happy sweet sixteen birthday": a word may stand before "birthday".
        greeting = phrase_pattern(greetings).replace(r"birthday", r"(?:[\w']+[ \t]+)?birthday")
        affection = phrase_pattern(entries("affection_words", context.extra_terms))
        self._greeting_before = lazy_compile(
            rf"(?:(?P<greeting>\b(?i:{greeting}))|\b(?i:{phrase_pattern(shout_outs)}))[ \t]*[!,:]*[ \t]*"
            rf"(?:(?i:to|for)[ \t]+)?(?:(?i:our|the|my|this|that|a)[ \t]+)?"
            rf"(?:(?i:very[ \t]+own|lovely|amazing|wonderful|brilliant|fave|favourite|favorite|absolute|little|wee|beautiful|gorgeous)[ \t]+)*"
            rf"(?:(?P<affection>(?i:{affection}))[ \t]*,?[ \t]+)?$")

        # Round 22: the text is about a young person in our care, with no age or school beside the name.
        # A record's heading introduces them: "Incident log - NAME", "Individual risk assessment for NAME".
        documents = phrase_pattern(entries("young_person_documents", context.extra_terms))
        self._record_before = lazy_compile(
            rf"\b(?:{documents})(?:[ \t]+(?:form|sheet|record|entry|log))?[ \t]*(?:\([^()\n]{{1,24}}\)[ \t]*)?"
            rf"(?:[:,\-\u2013\u2014][ \t]*)?(?:(?:for|re:?|on|about|of|regarding|concerning)[ \t]+)?(?:[:\-\u2013\u2014][ \t]*)?$",
            re.IGNORECASE)
        # News passed on about one person, "a quick update on NAME. She's ...", or a subject line
        # "Re: NAME - update": young when the text then speaks of them as he or she.
        news = phrase_pattern(entries("young_person_news", context.extra_terms))
        self._news_before = lazy_compile(
            rf"\b(?:{news})[ \t]+(?:(?:for|to)[ \t]+(?:the|our|his|her|their)[ \t]+(?:[a-z]+[ \t]+){{0,2}}?)?"
            rf"(?:on|about|re:?|regarding|concerning)[ \t]+$", re.IGNORECASE)
        self._news_after = lazy_compile(rf"[ \t]*[:\-\u2013\u2014][ \t]*(?:{news})\b", re.IGNORECASE)
        # A member of one of our projects' groups: "NAME, one of our Audio-Base producers", "NAME from the
        # Youth Voice group", "NAME, who plays bass in our Beat It band", "NAME, a member of our young
        # leaders". A project's name, then (except after "one of" or "a member of") a group or member word.
        if projects:
            project_names = phrase_pattern(projects)
            adjectives = r"(?:(?:new|newest|youngest|young|talented|amazing|brilliant|regular|budding|lovely|fab|fantastic)[ \t]+)*"
            self._in_project_group = lazy_compile(
                r"[ \t]*,?[ \t]*(?:(?:is|was|who[ \t]+is|who['\u2019]s)[ \t]+)?"
                rf"(?:(?:(?:one|a[ \t]+member|part|some)[ \t]+of[ \t]+(?:our|the)[ \t]+{adjectives}(?i:{project_names})(?![\w'\u2019-])"
                rf"(?:[ \t]+(?:(?i:{groups}|{members})s?|(?i:regulars?|crew|lot)))?)"
                rf"|(?:(?:from|in|with|of)[ \t]+|who[ \t]+(?:plays|sings|drums|raps|performs|dances|djs|mcs)\b[^.,;!?\n]{{0,30}}?[ \t]+(?:in|with|for)[ \t]+)"
                rf"(?:our|the)[ \t]+{adjectives}(?i:{project_names})(?![\w'\u2019-])[ \t]+(?:(?i:{groups}|{members})s?|(?i:regulars?|crew|lot))\b)")
        else:
            self._in_project_group = None
        # The next sentence says the person is young: "... Tyler G...'s mum's email? He's in Year 9 at ...".
        # Only a sentence that starts with he or she, and not one giving them a grown-up's job or role.
        self._role_of_pronoun = lazy_compile(
            rf"(?:['\u2019]s|['\u2019]re|[ \t]+(?:is|was|are|were))[ \t]+(?:(?:the|a|an|our|my|their|his|her)[ \t]+)?"
            rf"(?:[a-z]+[ \t]+)?(?:{roles}|{parents})\b", re.IGNORECASE)
        self._openers = frozenset(word.title() for word in entries("name_openers", context.extra_terms))
        # A forename then a place word is a place when a part of it follows ("Alexandra Park bandstand").
        parts = phrase_pattern(entries("venue_parts", context.extra_terms))
        self._venue_part_after = lazy_compile(rf"[ \t]+(?:{parts})(?![\w-])", re.IGNORECASE)

        columns = phrase_pattern(entries("young_list_columns", context.extra_terms))
        self._young_columns = lazy_compile(rf"(?<![\w-])(?:{columns})(?![\w-])", re.IGNORECASE)

        # Round 24: a list whose heading says what it is for makes the people on it participants: who is
        # collected, who travels, who sleeps where, who joins a session (participant_list_headings.txt).
        list_cues = phrase_pattern(entries("participant_list_headings", context.extra_terms))
        self._participant_list_cue = lazy_compile(rf"(?<![\w-])(?:{list_cues})(?![\w-])", re.IGNORECASE)
        # "Driver: Steve Harker", "Leader - Dan Price": a grown-up labelled by a role on such a list.
        self._role_label_before = lazy_compile(rf"\b(?:{roles})s?[ \t]*[:\-\u2013\u2014][ \t]*$", re.IGNORECASE)
        # "09:10 - NAME - the village hall car park": a stop on a pick-up run (pick_up_points.txt).
        points = phrase_pattern(entries("pick_up_points", context.extra_terms))
        self._pick_up_point_after = lazy_compile(
            rf"[ \t]*[-\u2013\u2014:,(][ \t]*(?:\d{{1,4}}[a-z]?[ \t]+[A-Z]|(?:[\w'\u2019-]+[ \t]+){{0,4}}?(?i:{points})(?![\w-]))")
        # A grown-up's own record: "Volunteer induction: NAME", "HR note - NAME" (adult_record_labels.txt).
        records = phrase_pattern(entries("adult_record_labels", context.extra_terms))
        self._adult_record = lazy_compile(rf"(?<![\w-])(?:{records})(?![\w-])", re.IGNORECASE)
        # "hi its bethany sorrell, sorry i missed ...": a lower-case name introducing themself at the start
        # of a message or a sentence, or after a greeting (self_introductions.txt).
        intros = phrase_pattern(entries("self_introductions", context.extra_terms))
        self._self_introduction = lazy_compile(
            # Round 26: the greeting may name whom it is for, "hi grace its megan rowe, sorry i missed ...".
            rf"(?:^|[\n.!?][ \t]*|\b(?i:hi+|hiya|hey+|hello|heya|morning|evening|yo)[ \t]*[,!.]*[ \t]+(?:[a-z]+[ \t]*[,!.]*[ \t]+)?)"
            rf"(?i:{intros})[ \t]+(?:(?i:me)[ \t]*,?[ \t]+)?"
            rf"(?P<first>[a-z]+(?:-[a-z]+)?)[ \t]+(?P<last>[a-z]{{2,}}(?:-[a-z]+)?)(?![\w'\u2019-])")
        # Round 26: a headerless pick-up list's line, "NAME - collected by Nan", "NAME - walks home, permission
        # on file", "NAME - dad only" (collection_arrangements.txt).
        arrangements = phrase_pattern(entries("collection_arrangements", context.extra_terms))
        self._collection_after = lazy_compile(
            rf"[ \t]*[-\u2013\u2014:][ \t]*(?:[\w'\u2019]+[ \t]+){{0,2}}?(?:{arrangements})(?![\w-])", re.IGNORECASE)
        # Round 26: session notes on what a participant did, "NAME laid down vocals" (session_work_actions.txt).
        work = phrase_pattern(entries("session_work_actions", context.extra_terms))
        self._session_work_after = lazy_compile(rf"[ \t]+(?:{work})(?![\w-])", re.IGNORECASE)
        # Round 26: a young adult still in our programmes, "Candidate 3: NAME, 19", "former member NAME (now
        # 19)" (young_adult_programme_words.txt), with an age from 18 to 25 after the name.
        # Round 27: a youth award's list ("YOUTH MUSIC AWARDS ... Young Musician of the Year - shortlist").
        award_lists = phrase_pattern(entries("award_list_words", context.extra_terms))
        self._award_list = lazy_compile(rf"(?<![\w-])(?:{award_lists})(?![\w-])", re.IGNORECASE)
        programme = phrase_pattern(entries("young_adult_programme_words", context.extra_terms))
        self._programme_before = lazy_compile(rf"(?<![\w-])(?:{programme})(?![\w-])[^\n.!?]{{0,30}}$", re.IGNORECASE)
        # Round 27: "former Rock-It member NAME (now 20)", "past Beat It drummer NAME, now 19": a project's
        # name (up to three words, hyphens and all) between "former" and what they were in it.
        self._alumnus_before = lazy_compile(
            rf"(?<![\w-])(?:former|ex|past|one-time)[ \t-]+(?:[\w'\u2019]+(?:-[\w'\u2019]+)?[ \t]+){{0,3}}"
            rf"(?:{members})s?[ \t]*$", re.IGNORECASE)
        self._parent_named_after = lazy_compile(
            rf"(?<![\w-])(?:{parents})[ \t]*(?:[:(][ \t]*[A-Z]|[ \t]+[A-Z][a-z]+\b|-[ \t]*[A-Z])")

    def _young_form(self, text: str) -> bool:
        """A form about a young person: another line gives an age, a school year, a school, an
        instrument, a parent or a medical need, and no line gives an adult's role or DBS."""
        return self._young_field.search(text) is not None and self._adult_field.search(text) is None

    def _line_up(self, text: str) -> bool:
        """Two or more names, each starting an item of a list with what they play: a line-up or running
        order of performers ("1. Jake Pemberton - vocals"). The organisation's own people do not count
        ("Dan Hughes - bass"), nor a line-up said to be of adults ("Guest band: ...", "Headliners: ...")."""
        if self._adult_performers.search(text):
            return False
        performers = 0
        for name in _candidates(text):
            start, end = name.start(), name.start("last") + len(name.group("last"))
            if (self._is_forename(name.group("first")) and not self._is_adult(f"{name.group('first')} {name.group('last')}")
                    and _LIST_ITEM_BEFORE.search(text, max(0, start - 8), start) is not None
                    and self._part_after.match(text, end) is not None):
                performers += 1
                if performers >= 2:
                    return True
        return False

    def _is_adult(self, full_name: str) -> bool:
        """The organisation's own people and famous people: "SHAH, Priya", "Tom Ellis"."""
        key = " ".join(full_name.lower().split())
        return key in self._org_people or key in self._famous

    def _adult_heading(self, text: str, start: int) -> bool:
        """A list headed by adults' roles: "Tutors for spring: SHAH, Priya; ELLIS, Tom", "Trustees'
        meeting attendance: ...". The heading is the line up to its colon, before the name."""
        line_start = text.rfind("\n", 0, start) + 1
        colon = text.rfind(":", line_start, start)
        if colon < 0 and line_start > 0:
            # A name on its own line under a heading line: look at the line above.
            above = text.rfind("\n", 0, line_start - 1) + 1
            return self._role_in_heading.search(text, above, line_start) is not None
        return colon >= 0 and self._role_in_heading.search(text, line_start, colon) is not None

    def _adult_list_heading(self, text: str, start: int) -> bool:
        """The heading over a list, the last line above the name that ends with a colon, names adults' roles:
        "Staff rota Saturday:\n10am - Ellis, Tom\n11am - Hughes, Dan"."""
        line_start = text.rfind("\n", 0, start) + 1
        last = None
        for last in _LIST_HEADING.finditer(text, max(0, line_start - _HEADING_REACH), line_start):
            pass
        heading = last
        return heading is not None and (self._role_in_heading.search(heading.group()) is not None
                                        or _STAFF_WORD.search(heading.group()) is not None)

    def _is_forename(self, first: str) -> bool:
        """"Evie-Mae" counts when either part is a known first name."""
        return first in self._forenames or ("-" in first and any(part in self._forenames for part in first.split("-")))

    def _greeted(self, text: str, start: int, end: int) -> bool:
        """A birthday post or a shout-out about the person (round 18): "happy 15th birthday to our queen
        Leah Pemberton", "HBD to the one and only Rosie Kettering", "big up our bro Kwame Mensah". A
        shout-out needs a word of affection before the name (affection_words.txt); an adult's numbered
        birthday ("happy 40th birthday") or a grown-up from another organisation is not a young person's."""
        greeted = self._greeting_before.search(text, max(0, start - 60), start)
        if greeted is None or (greeted.group("greeting") is None and greeted.group("affection") is None):
            return False
        if _ADULT_ORDINAL.search(greeted.group()):
            return False
        return _ORGANISATION_AFTER.match(text, end) is None and not self._adult_action_after.match(text, end)

    def _quoted_participant(self, text: str, start: int, end: int) -> bool:
        """A quotation or caption attributed to a participant (round 18): "Jasmine Cole, Beat It participant",
        "Harvey Linton (Youth Voice member)", "Summer Hathaway, young producer"; and, where the text gives the
        person's own words, a member of one of our groups: "says Beat It drummer Luca Fenton"."""
        if self._participant_after.match(text, end) is not None:
            return True
        if _QUOTE_MARK.search(text, max(0, start - 200), min(len(text), end + 200)) is None:
            return False
        if self._member_after.match(text, end) is not None:
            return True
        if self._project_after is not None and self._project_after.match(text, end) is not None:
            return True
        member = self._member_before.search(text, max(0, start - 40), start)
        return member is not None and _FORMERLY.search(text, max(0, member.start() - 20), start) is None

    def _takes_part(self, text: str, start: int, end: int, before: str) -> bool:
        """Someone's child or a participant, said right beside the name."""
        return (self._parent_after.match(text, end) is not None
                or self._collected_by_after.match(text, end) is not None
                or self._thing_after.match(text, end) is not None
                or self._joined_after.match(text, end) is not None
                or self._one_of_ours.match(text, end) is not None
                or self._form_before.search(before) is not None
                or self._story_before.search(text, max(0, start - 60), start) is not None
                or (self._offered_before.search(before) is not None and self._offered_after.match(text, end) is not None)
                or (self._added_before.search(before) is not None and self._added_after.match(text, end) is not None)
                or self._absent_after.match(text, end) is not None
                or self._record_before.search(before) is not None
                or (self._in_project_group is not None and self._in_project_group.match(text, end) is not None)
                or self._news_about(text, start, end, before))

    def _news_about(self, text: str, start: int, end: int, before: str) -> bool:
        """News of one person (round 22): "Quick update on NAME. She's settled in", a subject line
        "Re: NAME - update" over a note about him or her. The text must go on to say he or she."""
        if self._news_before.search(before) is None and not (
                _SUBJECT_LINE_BEFORE.search(text, max(0, start - 20), start) is not None
                and self._news_after.match(text, end) is not None):
            return False
        return _PRONOUN.search(text, end, min(len(text), end + 200)) is not None

    def _young_next_sentence(self, doc: Document, start: int, end: int) -> bool:
        """The sentence after the name's starts with he or she and says they are young (round 22):
        "Has anyone got a number for NAME? She's in Year 7", "I'm worried about NAME. He is only 13".
        Not when it gives them a grown-up's role ("She's the parent of ...", "He's head of Year 9") or
        job ("He teaches music to Year 10")."""
        text = doc.masked
        _, sentence_end = doc.sentence_bounds(start, end)
        opening = _NEXT_SENTENCE_PRONOUN.match(text, sentence_end)
        if opening is None:
            return False
        after = opening.end()
        if self._role_of_pronoun.match(text, after) or self._adult_action_after.match(text, after):
            return False
        next_start, next_end = doc.sentence_bounds(opening.start("pronoun"), after)
        sentence = text[next_start:next_end]
        return bool(self._youth_cue.search(sentence) or _AGE_IN_SENTENCE.search(sentence)
                    or _AGE_IN_WORDS.search(sentence))

    def find(self, doc: Document) -> list[Span]:
        text = doc.masked
        spans = []
        sentence_has_cue: dict[int, bool] = {}
        message_age: bool | None = None
        # Readings of the whole text, made at most once a text: a list of thousands of names would
        # otherwise read the whole text again for each name.
        young_form = cache(lambda: self._young_form(text))
        line_up = cache(lambda: self._line_up(text))
        about_a_session = cache(lambda: _ABOUT_A_SESSION.search(text) is not None)
        for name in _candidates(text):
            first, last = name.group("first"), name.group("last")
            if first in NOT_A_NAME or last in NOT_A_NAME or last.split("-")[0] in _NOT_A_SURNAME or last in self._group_last:
                continue
            if first in self._openers:
                # "Meet Tilly, 12": a verb or greeting before a first name (name_openers.txt) is no
                # surname-first or full name. The age beside the first name is still its own finding, as
                # the date-of-birth check gives it for a first name standing alone ("Tilly, 12").
                if self._is_forename(last):
                    spans += ages_beside(text, name.start("last"), name.end("last"))
                continue
            start, end = name.start(), name.start("last") + len(last)
            if _MENTION_BEFORE.search(text, max(0, start - 2), start):
                continue  # "@Dan Leah T": a chat handle, which the platform shows anyway
            if (f"{first} {last}".lower() in self._org_people or f"{first} {last}".lower() in self._famous
                    or f"{first} {last}".lower() in self._project_names):
                continue  # our own people, the famous, and our projects ("Beat It", "Youth Voice")
            if self._artists.beside_famous(text, start, end):
                continue  # "Expect NAME, Stormzy, Tom Jones and Little Mix covers": an artist (round 27)
            before = text[max(0, start - _LOOKBACK):start]
            if _NAMES_A_PLACE_AFTER.match(text, end) or _BUSINESS_AFTER.match(text, end):
                continue  # "Thomas Keble School", "the Jack Russell Hall", "Aria Kowalski Photography"
            if last in _PLACE_WORDS and (_AT_A_PLACE_BEFORE.search(text, max(0, start - _PLACE_LOOKBACK), start)
                                         or self._venue_part_after.match(text, end)):
                continue  # "at Florence Park", "Victoria Hall car park": a place, not a person
            young_before = _YOUNG_BEFORE.search(before) is not None
            on_award_list = self._on_youth_award_list(text, start)
            if ((self._title_before.search(before) or self._parent_before.search(before)) and not young_before
                    or (self._role_after.match(text, end) and not on_award_list)):
                continue
            young = (_YOUNG_AFTER.match(text, end) is not None or young_before
                     or _under_18_beside(text, start, end)
                     or self._child_label_before.search(before) is not None
                     or (_NAME_LABEL_BEFORE.search(before) is not None and young_form())
                     or (self._part_after.match(text, end) is not None and line_up())
                     or (on_award_list and self._is_forename(first)))
            if young and first.lower() not in self._first_names and last in _PLACE_WORDS:
                young = False  # "Stroud Subscription Rooms, 12/03/2026" is a venue
            known_first = self._is_forename(first)
            if not young and known_first and last not in _PLACE_WORDS and self._takes_part(text, start, end, before):
                young = True
            if not young and known_first and last not in _PLACE_WORDS and (
                    self._in_programme_as_young_adult(text, start, end, before)
                    or self._on_collection_row(text, start, end)
                    or _NEW_CHILD_INTRO.search(text, max(0, start - _INTRO_REACH), start) is not None
                    or self._followed_in_a_log(text, start, end, first)
                    or self._letter_about(text, start, end, before)
                    or (self._session_work_after.match(text, end) is not None and about_a_session())):
                young = True
            if not young and last not in _PLACE_WORDS and (
                    self._quoted_participant(text, start, end) or (known_first and self._greeted(text, start, end))):
                young = True
            # "Bronze Arts Award certificate for Keisha Obi": whoever receives a youth award is named by
            # it, even with a first name the forenames list lacks.
            recipient = known_first or (
                _RECIPIENT_BEFORE.search(before) is not None and last not in _PLACE_WORDS)
            if (not young and recipient and not self._adult_action_after.match(text, end)
                    and not self._adult_action_before.search(before)
                    and not self._grown_ups_record(doc, start, end)):
                sentence_start, sentence_end = doc.sentence_bounds(start, end)
                if sentence_start not in sentence_has_cue:
                    sentence = text[sentence_start:sentence_end]
                    sentence_has_cue[sentence_start] = bool(
                        self._youth_cue.search(sentence) or _AGE_IN_SENTENCE.search(sentence)
                        or self._milestone.search(sentence) or _JOINED_YOUNG.search(sentence)
                        or _project_kid(sentence)
                    )
                young = sentence_has_cue[sentence_start]
                if not young and known_first and last not in _PLACE_WORDS:
                    # An age under 18 anywhere in the message: "Heads up about Callum Threlfall. He's 15".
                    if message_age is None:
                        message_age = _AGE_OF_SOMEONE.search(text) is not None
                    young = (message_age and _ORGANISATION_AFTER.match(text, end) is None
                             and not _credit(text, start, end) and not self._role_later.match(text, end))
                    if not young and _ORGANISATION_AFTER.match(text, end) is None and not self._role_later.match(text, end):
                        young = self._young_next_sentence(doc, start, end)
            if young:
                spans.append(Span(Kind.FULL_NAME, start, end))
        spans += self._joined_names(text, spans)
        if "," in text:
            spans += self._surname_first(doc, sentence_has_cue)
        spans += self._lower_case_children(text)
        spans += self._introducing_themselves(text)
        spans += self._on_participant_lists(text)
        return spans

    def _in_programme_as_young_adult(self, text: str, start: int, end: int, before: str) -> bool:
        """"Candidate 3: NAME, 19, currently at college", "former member NAME (now 19)", "our trainee NAME,
        21": a young adult still in the charity's programmes (young leaders up to 25), round 26."""
        return ((self._programme_before.search(before) is not None or self._alumnus_before.search(before) is not None)
                and _YOUNG_ADULT_AGE_AFTER.match(text, end) is not None)

    def _on_youth_award_list(self, text: str, start: int) -> bool:
        """"Young Musician of the Year - shortlist\n- NAME, producer - The Music Works": the name opens a
        row of a list headed by a youth award's title and a shortlist's word (award_list_words.txt), so the
        part they play ("producer", "rapper") is what they do as a young musician, not a grown-up's job
        (round 27). The heading is read only within _AWARD_HEADING_REACH before the name."""
        if _ROW_START_BEFORE.search(text, max(0, start - _LABEL_REACH), start) is None:
            return False
        heading_start = max(0, start - _AWARD_HEADING_REACH)
        return (_YOUTH_AWARD.search(text, heading_start, start) is not None
                and self._award_list.search(text, heading_start, start) is not None)

    def _followed_in_a_log(self, text: str, start: int, end: int, first: str) -> bool:
        """"12/11 NAME arrived upset ... 19/11 FIRST came in late": a dated log or chronology entry opens
        with the name, and the first name alone comes back in another entry, so the log follows this one
        young person (round 27). A grown-up's entry ("03/05 NAME covered the session") is not one, nor
        the organisation's own people."""
        if _DATE_OPENS_LINE_BEFORE.search(text, max(0, start - _DATE_REACH), start) is None:
            return False
        if self._adult_action_after.match(text, end) or self._role_after.match(text, end):
            return False
        # Both looks stop within _LOG_REACH of the name, so a long log costs no more than its length.
        reach = min(len(text), end + _LOG_REACH)
        if _DATED_LINE.search(text, end, reach) is None:
            return False  # one dated line is no log
        alone = re.compile(rf"(?<![\w'\u2019-]){re.escape(first)}(?![\w-])(?![ \t]+[A-Z][a-z])")
        return alone.search(text, end, reach) is not None

    def _on_collection_row(self, text: str, start: int, end: int) -> bool:
        """"NAME - collected by Nan (...)", "NAME - walks home, permission on file": a pick-up list's line
        without a heading (round 26). The name opens its line."""
        return (_ROW_START_BEFORE.search(text, max(0, start - _LABEL_REACH), start) is not None
                and (self._collection_after.match(text, end) is not None
                     or _HOME_ADDRESS_AFTER.match(text, end) is not None))

    def _letter_about(self, text: str, start: int, end: int, before: str) -> bool:
        """A letter or email about one young person (round 26): "Re: NAME" on a line of its own under the
        greeting, "I am writing about NAME, who attends ...", "NAME, who comes to your Tuesday group"."""
        if _GREETING_THEN_SUBJECT_BEFORE.search(text, max(0, start - _LETTER_REACH), start) is not None:
            return _SUBJECT_NAME_ENDS.match(text, end) is not None
        attends = _ATTENDS_AFTER.match(text, end)
        if attends is None:
            return False
        return (_WRITING_ABOUT_BEFORE.search(before) is not None
                or _GROUP_WORD.search(text, attends.end(), min(len(text), attends.end() + _LABEL_REACH)) is not None)

    def _grown_ups_record(self, doc: Document, start: int, end: int) -> bool:
        """"Volunteer induction: Jack Moreton, ...", "New staff member induction - Rachel Ambler": the label
        before the name on its line names a grown-up's role or record (adult_record_labels.txt), so a youth
        cue later in the sentence is about the work they do, not about them (round 24). An age under 18
        said in the sentence still makes them young ("Referral from the youth worker: NAME, turns 14")."""
        text = doc.masked
        line_start = text.rfind("\n", max(0, start - _LABEL_REACH), start) + 1
        label_start = max(line_start, start - _LABEL_REACH)
        if _LABEL_END_BEFORE.search(text, label_start, start) is None:
            return False
        label = text[label_start:start]
        if not (self._role_in_heading.search(label) or _STAFF_WORD.search(label) or self._adult_record.search(label)):
            return False
        # The age is looked for near the name only, so a long sentence of names costs no more than its length.
        sentence_start, sentence_end = doc.sentence_bounds(start, end)
        return _AGE_OF_SOMEONE.search(text, max(sentence_start, start - _AGE_REACH), min(sentence_end, end + _AGE_REACH)) is None

    def _first_names_listed(self, text: str, start: int, end: int) -> bool:
        """"Ruby, Kai" in "Register: Ruby, Kai, Evie-Mae, Jess - 4 in": both words are first names and a
        single-word item stands beside them, so the commas separate first names (round 24)."""
        words = [w.strip() for w in text[start:end].split(",")]
        if len(words) != 2 or not all(self._is_forename(w) for w in words):
            return False
        return (_SINGLE_WORD_ITEM_AFTER.match(text, end) is not None
                or _SINGLE_WORD_ITEM_BEFORE.search(text, max(0, start - _LABEL_REACH), start) is not None)

    def _introducing_themselves(self, text: str) -> list[Span]:
        """"hi its bethany sorrell, sorry i missed last week": a young person giving their own full name
        in a lower-case chat message (round 24). Not a first name and a word ("hi its karen from ..."),
        nor a grown-up who gives a role straight after."""
        spans = []
        for match in self._self_introduction.finditer(text):
            first, last = match.group("first"), match.group("last")
            end = match.end("last")
            if (not self._is_forename(first) or last in self._first_names or last in _LOWER_NOT_A_SURNAME
                    or first in _LOWER_NOT_A_SURNAME or last.endswith(_NOT_SURNAME_ENDINGS)
                    or self._is_adult(f"{first} {last}") or self._role_after.match(text, end)
                    or self._role_in_heading.search(text, end, min(len(text), end + _LABEL_REACH))):
                continue
            spans.append(Span(Kind.FULL_NAME, match.start("first"), end))
        return spans

    def _participant_list_regions(self, text: str) -> list[tuple[int, int]]:
        """Where a list of participants runs (round 24): after a heading that says what the list is for
        (participant_list_headings.txt), on the same line after its colon, dash or "are" ("Passengers:
        A B, C D", "the pupils joining on Friday are ..."), or on the lines under a heading line
        ("Residential rooming list\nRoom 4: ..."), up to a blank line. A heading that names adults' roles
        or staff ("Volunteer drivers - pick-up list") makes no such list."""
        regions: list[tuple[int, int]] = []
        for cue in self._participant_list_cue.finditer(text):
            if regions and cue.start() < regions[-1][1]:
                continue  # a cue word inside a list already found ("Passengers" among passengers) starts none
            # Every look here is bounded by _LABEL_REACH, so that a text full of cue words costs time in
            # proportion to its length; the cheap tests come first.
            label_reach = max(0, cue.start() - _LABEL_REACH)
            line_start = text.rfind("\n", label_reach, cue.start()) + 1 or label_reach
            separator = _LIST_LABEL_END.match(text, cue.end(), min(len(text), cue.end() + _LABEL_REACH + 2))
            if separator is None:
                # A heading line of its own: "Residential rooming list", "Coach to the festival - seating plan".
                heading_end = text.find("\n", cue.end(), cue.end() + _HEADING_LINE + 1)
                if (heading_end < 0 and cue.end() + _HEADING_LINE < len(text)) or text.rfind("\n", 0, cue.start()) + 1 != line_start:
                    continue
                line_end = len(text) if heading_end < 0 else heading_end
                if line_end - line_start > _HEADING_LINE or _SENTENCE_BREAK_BEFORE.search(text, line_start, line_end):
                    continue
            label_start = line_start
            for clause_break in _CLAUSE_BREAK_BEFORE.finditer(text, line_start, cue.start()):
                label_start = clause_break.end()
            label = text[label_start:separator.start("separator") if separator is not None else line_end]
            if (self._role_in_heading.search(label) or _STAFF_WORD.search(label)
                    or self._adult_performers.search(label)):
                continue
            if separator is not None:
                line_end = text.find("\n", separator.end())
                line_end = len(text) if line_end < 0 else line_end
                if text[separator.end():line_end].strip():
                    prose = _PROSE_AFTER_LIST.search(text, separator.end(), line_end)
                    regions.append((separator.end(), prose.start() if prose is not None else line_end))
                    continue
            block_end = text.find("\n\n", line_end, line_end + _LIST_REACH)
            regions.append((line_end, line_end + _LIST_REACH if block_end < 0 else block_end))
        return regions

    def _on_participant_lists(self, text: str) -> list[Span]:
        """Full names on a list of participants (round 24): a pick-up or collection list, a minibus's
        passengers, a run's timed stops, a rooming or kit list for a trip, the pupils joining a session,
        a new participant's contact. A grown-up on the list (a role or a title beside the name, the
        organisation's own people) stays quiet; a famous surname ("Millie Holst") is still a pupil's."""
        spans = []
        for region_start, region_end in self._participant_list_regions(text):
            for name in _candidates_between(text, region_start, region_end):
                if self._listed_participant(text, name):
                    spans.append(Span(Kind.FULL_NAME, name.start(), name.start("last") + len(name.group("last"))))
        # A run's stop without a heading: "09:10 - NAME - the village hall car park".
        if _CLOCK_TIME.search(text) is not None:
            for name in _candidates(text):
                end = name.start("last") + len(name.group("last"))
                if (_TIMED_LINE_BEFORE.search(text, max(0, name.start() - _LABEL_REACH), name.start()) is not None
                        and self._pick_up_point_after.match(text, end) is not None
                        and self._listed_participant(text, name)):
                    spans.append(Span(Kind.FULL_NAME, name.start(), end))
        return spans

    def _listed_participant(self, text: str, name: re.Match) -> bool:
        """Whether a full name on a participants' list is a young person's, not a grown-up's or a place's."""
        first, last = name.group("first"), name.group("last")
        start, end = name.start(), name.start("last") + len(last)
        if (first in NOT_A_NAME or last in NOT_A_NAME or last.split("-")[0] in _NOT_A_SURNAME or last in _PLACE_WORDS
                or last in self._group_last or not self._is_forename(first)):
            return False
        full = f"{first} {last}".lower()
        if full in self._org_people or full in self._project_names:
            return False
        before = text[max(0, start - _LOOKBACK):start]
        words_before = before.split()
        if (words_before and words_before[-1].rstrip(".") in _TITLES) or _MENTION_BEFORE.search(before):
            return False
        return not (self._title_before.search(before) or self._role_label_before.search(before)
                    or self._role_after.match(text, end) or self._adult_action_after.match(text, end)
                    or _NAMES_A_PLACE_AFTER.match(text, end) or _BUSINESS_AFTER.match(text, end)
                    or self._sign_off_above.search(text, max(0, start - _LABEL_REACH), start))

    def names_a_project(self, written: str) -> bool:
        """Our projects are named like people ("Beat It", "Youth Voice") and never are one."""
        return " ".join(written.split()).lower() in self._project_names

    def _joined_names(self, text: str, found: list[Span]) -> list[Span]:
        """"Ellie-Mae Cotton, 14, and Harrison Dyer spoke at ...": a full name joined by "and" or "&" to a
        young person's full name is said in the same breath, so it is another young person's, unless
        it is an adult's (a role, a title, the organisation's own people)."""
        spans = []
        known = {(s.start, s.end) for s in found}
        for span in found:
            joined = _JOINED_NAME_AFTER.match(text, span.end)
            if joined is None:
                continue
            first, last = joined.group("first"), joined.group("last")
            start, end = joined.start("first"), joined.end("last")
            if ((start, end) in known or first in NOT_A_NAME or last in NOT_A_NAME or last in _PLACE_WORDS
                    or last.split("-")[0] in _NOT_A_SURNAME or self._is_adult(f"{first} {last}")
                    or _NAMES_A_PLACE_AFTER.match(text, end) or _BUSINESS_AFTER.match(text, end)
                    or self._role_after.match(text, end)):
                continue
            spans.append(Span(Kind.FULL_NAME, start, end))
        return spans

    def _lower_case_children(self, text: str) -> list[Span]:
        """"can someone ring lily-rose harding's mum": a name in lower case, only beside a parent word."""
        spans = []
        for match in self._lower_child_of.finditer(text):
            first, last = match.group("first"), match.group("last")
            if (not self._is_forename(first) or last in self._first_names or last in _LOWER_NOT_A_SURNAME
                    or first in _LOWER_NOT_A_SURNAME):
                continue
            spans.append(Span(Kind.FULL_NAME, match.start(), match.end("last")))
        position = 0
        while (match := _LOWER_NAME.search(text, position)) is not None:
            # "leon fairclough (year 10)": a lower-case name with an age or a school year right after.
            # Pairs overlap: in "to leon fairclough" the name starts at the second word.
            position = match.start("last")
            first, last = match.group("first"), match.group("last")
            if (not self._is_forename(first) or last in self._first_names or last in _LOWER_NOT_A_SURNAME
                    or first in _LOWER_NOT_A_SURNAME or _YOUNG_AFTER.match(text, match.end()) is None):
                continue
            spans.append(Span(Kind.FULL_NAME, match.start(), match.end()))
        # "when ellie-may fortescue drops the beat": a double first name (both halves first names) is a
        # name even in lower case, so a word after it that is no word of the sentence is a surname.
        for match in _LOWER_DOUBLE_FIRST_NAME.finditer(text):
            first, last = match.group("first"), match.group("last")
            head, tail = first.split("-")
            if (head not in self._first_names or (tail not in self._first_names and tail not in _SECOND_NAME_HALVES)
                    or last in self._first_names
                    or last in _LOWER_NOT_A_SURNAME or last.endswith(_NOT_SURNAME_ENDINGS)
                    or _SENTENCE_GOES_ON.match(text, match.end())):
                continue
            spans.append(Span(Kind.FULL_NAME, match.start(), match.end()))
        return spans

    def find_beside(self, doc: Document, found: list[Span]) -> list[Span]:
        """Full names in a sentence where another check found a young person's school or health need:
        "Mason Greaves goes to Newent Community School", "Ollie Haddon has ADHD". A child's date of
        birth speaks for its whole paragraph, a profile's lines: "Profile: Keira Holloway / Born:
        fourteenth of May 2010". The checker calls this after the other detectors, with what they found."""
        text = doc.masked
        # An age beside a first name ("Ellie (9)") is said of that person, not of the paragraph's other names.
        births = [s for s in found if s.kind == Kind.DATE_OF_BIRTH and not is_an_age(text[s.start:s.end])
                  and born_within(text[s.start:s.end], self._this_year, _CHILD_AGE, 0)]
        about = [s for s in found if s.kind in (Kind.SCHOOL, Kind.HEALTH)]
        # Round 23: the names listed with young people already found (the roster's participants, whose full
        # names are findings of their own) are more of the same list: "certificates go to Amy Smith, Kai
        # Williams and Hannah Greaves".
        listed = self._listed_with(text, found)
        if not about and not births:
            return listed
        named = {(s.start, s.end) for s in found if s.kind == Kind.FULL_NAME}
        sentences = {doc.sentence_bounds(s.start, s.end) for s in about} | {_paragraph(text, s.start) for s in births}
        about += births
        spans = []
        for name in _candidates(text):
            first, last = name.group("first"), name.group("last")
            start, end = name.start(), name.start("last") + len(last)
            if (start, end) in named or not self._is_forename(first):
                continue
            if last in NOT_A_NAME or last.split("-")[0] in _NOT_A_SURNAME or last in _PLACE_WORDS:
                continue
            if (f"{first} {last}".lower() in self._org_people or f"{first} {last}".lower() in self._famous
                    or f"{first} {last}".lower() in self._project_names):
                continue  # our own people, the famous, and our projects ("Beat It", "Youth Voice")
            if self._artists.beside_famous(text, start, end):
                continue  # "Expect NAME, Stormzy, Tom Jones and Little Mix covers": an artist (round 27)
            if _NAMES_A_PLACE_AFTER.match(text, end) or _BUSINESS_AFTER.match(text, end):
                continue
            before = text[max(0, start - _LOOKBACK):start]
            if self._title_before.search(before) or self._parent_before.search(before) or self._role_after.match(text, end):
                continue
            if any(s_start <= start and end <= s_end for s_start, s_end in sentences) and not any(
                    s.start < end and start < s.end for s in about):
                spans.append(Span(Kind.FULL_NAME, start, end))
        return listed + [s for s in spans if all(s.start != n.start for n in listed)]

    def _listed_with(self, text: str, found: list[Span]) -> list[Span]:
        """Full names in the same comma or "and" list as a young person's full name found by any check
        (the roster's participants too). A grown-up in the list (a role, a title, the organisation's own
        people) stops it: "Amy Smith, Leo Taylor and their tutor Jo Hale" names two young people."""
        young = [s for s in found if s.kind in (Kind.FULL_NAME, Kind.PHOTO_CONSENT) and " " in text[s.start:s.end].strip()]
        if not young:
            return []
        known = {(s.start, s.end) for s in found if s.kind in (Kind.FULL_NAME, Kind.PHOTO_CONSENT)}
        starts = {s.start for s in found if s.kind in (Kind.FULL_NAME, Kind.PHOTO_CONSENT)}
        spans: list[Span] = []
        done: set[int] = set()
        for span in sorted(young, key=lambda s: s.start):
            position = span.end
            while position not in done and (listed := _LISTED_NAME_AFTER.match(text, position)) is not None:
                done.add(position)
                first, last = listed.group("first"), listed.group("last")
                start, end = listed.start("first"), listed.end("last")
                if (start, end) in known or start in starts:
                    position = end
                    continue
                if (first in NOT_A_NAME or last in NOT_A_NAME or last in _PLACE_WORDS or not self._is_forename(first)
                        or last.split("-")[0] in _NOT_A_SURNAME or self._is_adult(f"{first} {last}")
                        or _NAMES_A_PLACE_AFTER.match(text, end) or _BUSINESS_AFTER.match(text, end)
                        or self._role_after.match(text, end)):
                    break
                spans.append(Span(Kind.FULL_NAME, start, end))
                position = end
        return spans

    def find_in_lists(self, doc: Document, found: list[Span]) -> list[Span]:
        """Lists and tables of young people: the names that start the rows of a list are young people's
        full names when the list's heading or columns are a young person's (DOB, school, year, age
        sizes, medical, emergency contacts: young_list_columns.txt), or a row is a roster participant
        named in full, or a row carries a young value (an age size "11-12", a date of birth, "dad
        (Martin)"). Rows of adults (a title, a role, the organisation's own people) stay quiet, and so
        does a list headed by adults' roles. The checker calls this with what the other detectors found."""
        text = doc.masked
        if "\n" not in text and text.count(",") + text.count(";") < 1:
            return []
        rows = _list_rows(text)
        if len(rows) < 2:
            return []
        roster_starts = {s.start for s in found if s.kind == Kind.FULL_NAME}
        heading = text[:rows[0][0]] if rows else ""
        young = bool(self._young_columns.search(heading)) or bool(_YEAR_GROUP_HEADING.search(heading)) or any(
            _YOUNG_CELL.fullmatch(cell) or self._young_columns.fullmatch(cell) for cell in _header_cells(text))
        if self._role_in_heading.search(heading) or self._adult_performers.search(heading):
            return []
        items = []
        for row_start, head_start, head_end, row_end in rows:
            name = text[head_start:head_end]
            first = re.split(r"[ \t,]+", name.strip())[0]
            if self._is_adult(" ".join(re.split(r"[ \t,]+", name))) or first in NOT_A_NAME or first in self._openers:
                continue  # our own people, the famous, and a sign-off row ("Cheers, Sal", round 27)
            if "," in name and self._first_names_listed(text, head_start, head_end):
                continue  # "Register: Ruby, Kai, Evie-Mae, Jess": first names one by one, not "Surname, First"
            before = text[max(0, head_start - _LOOKBACK):head_start]
            if (self._title_before.search(before) or self._role_after.match(text, head_end)
                    or self._role_label_before.search(before)):
                continue  # "Tutor Jo Hale", "Jo Hale (tutor)", "Driver: Steve Harker": a grown-up's row
            line_start = text.rfind("\n", 0, head_start) + 1
            if self._referrer_field.match(text, line_start):
                continue  # "Referrer: Jo, Families First": who sent the form, not a young person
            if text.rfind("(", line_start, head_start) > text.rfind(")", line_start, head_start):
                continue  # "Jamie Lockhart (mum: Claire Lockhart, ...)": the parent, inside the row's brackets
            if _NAMES_A_PLACE_AFTER.match(text, head_end) or _BUSINESS_AFTER.match(text, head_end):
                continue
            if first.rstrip(".") in _TITLES:
                continue  # "Parent/carer: Mr Ferris": a grown-up named by title
            if re.split(r"[ \t,]+", name.strip())[-1] in _PLACE_WORDS and not self._is_forename(first):
                continue  # "Risk assessment – residential, Wilderness Centre": the venue, not a row's child (round 27)
            if re.split(r"[ \t,]+", name.strip())[-1] in _SCHOOL_WORDS:
                continue  # "Mason Reid (age 12), Brockworth Academy": the child's school, not another child
            # What the row says after the name, read no further than _ROW_REACH: a one-line list of
            # thousands of names would otherwise be read to its end once for every name in it.
            rest = text[head_end:min(row_end, head_end + _ROW_REACH)]
            if self._award_list.match(rest.lstrip(" \t-\u2013\u2014:")):
                continue  # "Emerging Artist – nominees": an award's heading over its list (round 27)
            if (head_start in roster_starts or _AGE_SIZE.search(rest) or _YOUNG_DOB.search(rest)
                    or self._parent_named_after.search(rest) or _YOUNG_AFTER.match(text, head_end)):
                young = True
            items.append((head_start, head_end))
        if not young or len(items) < 2:
            return []
        return [Span(Kind.FULL_NAME, start, end) for start, end in items]

    def _surname_first(self, doc: Document, sentence_has_cue: dict[int, bool]) -> list[Span]:
        """Registers and lists: "Whitfield, Tilly (Year 9)". The word after the comma must be a first
        name and the word before it must not be one ("Amy, Leo and Kai" lists first names). Two or
        more names written so make a register: "Attendance: Holloway, Jasmine; Begum, Safa"."""
        text = doc.masked
        found = []
        young_form = cache(lambda: self._young_form(text))  # read at most once a text, as in find
        # Items of a list ("Top attendance - PARKER, Summer; Dhillon, Arjun") whose first name the
        # forenames list lacks: they count once the list is a register of known names.
        listed = []
        entries_listed = []
        slots = []
        for name in _SURNAME_FIRST.finditer(text):
            first, last = name.group("first"), name.group("last")
            # "10am - Marsh, Toby", "16:30 Lam, Jessica": a slot booked for someone after its time (round
            # 18). The time makes the comma a register's, even when the surname is also a first name
            # ("Quinn, Freya"); a list headed by adults' roles or a role after ("(guest artist)") stays quiet.
            if (_TIME_BEFORE.search(text, max(0, name.start() - 16), name.start()) is not None
                    and (first.lower() in self._first_names or last.isupper()) and first not in NOT_A_NAME
                    and last not in NOT_A_NAME and last.title().split("-")[0] not in _NOT_A_SURNAME
                    and not self._is_adult(f"{first} {last}") and not self._adult_heading(text, name.start())
                    and not self._adult_list_heading(text, name.start())
                    and not self._role_after.match(text, name.end("first"))
                    and not _MORE_FIRST_NAMES_AFTER.match(text, name.end("first"))
                    and not self._adult_performers.search(text, max(0, name.start() - 40), name.start())
                    and not self._adult_performers.search(text, name.end(), min(len(text), name.end() + 20))):
                slots.append(name)
                continue
            # "Purple Rain – Prince, Delilah – Jones, Valerie": songs and their artists run on one line, each
            # "Title – Artist" between dashes, so an artist and the next song's title are no one's name
            # turned round (round 25).
            if (_DASH_BETWEEN_BEFORE.search(text, max(0, name.start() - 4), name.start())
                    and _DASH_BETWEEN_AFTER.match(text, name.end("first"))):
                continue
            # A surname in capitals says which word is the surname, even one that is also a first name
            # ("COOPER, Ellis"); written "Cooper, Ellis" it could be two first names.
            capitals = last.isupper()
            # "OKAFOR-JAMES, Tobi (age 14)", "Okonkwo, Zuriel (age 13)": an age right after makes a
            # register line, whatever the first name.
            known_first = first.lower() in self._first_names or _YOUNG_AFTER.match(text, name.end("first")) is not None
            # "Begum, Sara / Cole, Archie": between slashes or semicolons each "X, Y" is one entry, so the
            # comma turns a surname round even when the surname is also a first name (Cole, Nolan).
            if (known_first and last.lower() in self._first_names and not capitals and last not in NOT_A_NAME
                    and first not in NOT_A_NAME and _ENTRY_BEFORE.search(text, max(0, name.start() - 30), name.start())
                    and _ENTRY_AFTER.match(text, name.end("first")) and not self._is_adult(f"{first} {last}")):
                entries_listed.append(name)
                continue
            # "Carter, Reece - Yr 9 - ...": a line that starts with the name and gives a school year right
            # after is a register's, even when the surname is also a first name (round 23).
            if (last.lower() in self._first_names and not capitals and first.lower() in self._first_names
                    and last not in NOT_A_NAME and first not in NOT_A_NAME
                    and _REGISTER_ITEM_BEFORE.search(text, max(0, name.start() - 4), name.start())
                    and _YOUNG_AFTER.match(text, name.end("first")) and not self._is_adult(f"{first} {last}")):
                found.append(name)
                continue
            if ((last.lower() in self._first_names and not capitals)
                    or last in NOT_A_NAME or first in NOT_A_NAME or last.title().split("-")[0] in _NOT_A_SURNAME):
                continue
            if self._is_adult(f"{first} {last}") or self._adult_heading(text, name.start()):
                continue
            labelled = _NAME_LABEL_BEFORE.search(text, max(0, name.start() - _LOOKBACK), name.start()) is not None
            if known_first or (labelled and young_form()):
                # "Name: Adeyemi, Tobi\nYear group: 9": a young person's form, whatever the first name.
                found.append(name)
            elif _REGISTER_ITEM_BEFORE.search(text, max(0, name.start() - 4), name.start()) and \
                    _REGISTER_ITEM_AFTER.match(text, name.end("first")):
                listed.append(name)
        slashed = bool(entries_listed) and _SLASHED_ENTRIES.search(text) is not None
        register = len(found) >= 2 or (len(found) >= 1 and len(found) + len(listed) >= 2) or (
            slashed and len(found) + len(listed) + len(entries_listed) >= 2)
        if register and slashed:
            found = found + entries_listed
        if register:
            found = sorted(found + listed, key=lambda m: m.start())
        spans = [Span(Kind.FULL_NAME, name.start(), name.end("first")) for name in slots]
        for name in found:
            start, end = name.start(), name.end("first")
            young = register or (_YOUNG_AFTER.match(text, end) is not None
                                 or self._child_label_before.search(text[max(0, start - _LOOKBACK):start]) is not None
                                 or (_NAME_LABEL_BEFORE.search(text, max(0, start - _LOOKBACK), start) is not None
                                     and young_form()))
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


# A dash between words on either side of a "Surname, First" reading: "Rain – Prince, Delilah – Jones".
_DASH_BETWEEN_BEFORE = lazy_compile(r"\w[ \t]+[-\u2013\u2014][ \t]+$")
_DASH_BETWEEN_AFTER = lazy_compile(r"[ \t]+[-\u2013\u2014][ \t]+[A-Z][a-z]")


# Rows of a list: a line (after a bullet, a number or a table's bar) or an item of a one-line list
# after a heading's colon, starting with a name: "Callum Rees | 04/09/2009", "- Jayden Okoro",
# "Marley Cox - 11-12", "Harley,Quinn-Davies,2010-06-14" under a first_name,last_name header.
_ROW_NAME = lazy_compile(
    rf"(?:^|[:,;])[ \t]*(?:[-*\u2022\u2013|]|\d{{1,2}}[.)])?[ \t]*"
    rf"(?P<name>{_NAME_WORD}(?:[ \t]+|[ \t]*,[ \t]*)(?:{_SURNAME}))"
    rf"(?=[ \t]*(?:$|\n|[|,;(]|[ \t]-|[ \t]\u2013|[ \t]+\d|[ \t]+-[ \t]))", re.MULTILINE)
# A table's header row, or a CSV header: "Name | DOB | School", "first_name,last_name,dob".
_HEADER_CELL = lazy_compile(r"[A-Za-z_ /.']{1,30}")


def _header_cells(text: str) -> list[str]:
    """The cells of the header rows among a text's first lines: every cell a short label."""
    cells = []
    for line in text.split("\n", 30)[:30]:
        if len(line) > 200 or ("|" not in line and "," not in line):
            continue
        row = [cell.strip() for cell in re.split(r"[|,]", line)]
        if len(row) >= 2 and all(_HEADER_CELL.fullmatch(cell) for cell in row if cell):
            cells += [cell for cell in row if cell]
    return cells
_YOUNG_CELL = lazy_compile(r"(?:school[ \t_]+)?(?:year|yr|age|ages|size|year[ \t_]+group|d\.?o\.?b\.?)", re.IGNORECASE)
_YEAR_GROUP_HEADING = lazy_compile(r"\b(?:year|yr|y)[ \t]*(?:[1-9]|1[0-3])\b|\bages?[ \t]+\d", re.IGNORECASE)
# A child's clothes size or age band: "- 11-12", "(age 13-14)", "9-10 yrs".
_AGE_SIZE = lazy_compile(r"(?:^|[ \t(\-\u2013|:])(?:age[ \t]*)?(?:[3-9]|1[0-5])[ \t]*[-\u2013/][ \t]*(?:[4-9]|1[0-6])(?![\d:.])(?![ \t]*(?:am|pm))", re.IGNORECASE)
# A date of birth of someone young: a year from 2005 to 2022.
_YOUNG_DOB = lazy_compile(r"\b(?:[0-3]?\d[/.\-][01]?\d[/.\-](?:20(?:0[5-9]|1\d|2[0-2])|0[5-9]|1\d)|20(?:0[5-9]|1\d|2[0-2])-[01]\d-[0-3]\d)\b")


_ROW_REACH = 300


def _list_rows(text: str) -> list[tuple[int, int, int, int]]:
    """(row start, name start, name end, row end) for each row of a list that starts with a name."""
    rows = []
    for match in _ROW_NAME.finditer(text):
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end < 0 else line_end
        rows.append((match.start(), match.start("name"), match.end("name"), line_end))
    return rows


# A form's plain name line: "Name: ...", "Full name - ...", "Form: Name: ...", "| Name: ...". Not
# "Parent name:" (an adult), whose own label comes first.
_NAME_LABEL_BEFORE = lazy_compile(r"(?:^|[\n|/;:\-\u2013]|[ \t]{2})[ \t]*(?:full[ \t]+)?name[ \t]*[:\-\u2013][ \t]*$", re.IGNORECASE)


# A heading line over a list: "Staff rota Saturday:", "Tutors -".
_LIST_HEADING = lazy_compile(r"^[^\n]{1,60}[:\-\u2013][ \t]*$", re.MULTILINE)
# How far above a name its list's heading is looked for, so a long list costs time in proportion to its length.
_HEADING_REACH = 400
_STAFF_WORD = lazy_compile(r"\bstaff\b", re.IGNORECASE)
# A time of day right before a name, with a dash, a colon or an arrow between: "10am \u2013 ", "16:30 ",
# "3.45pm ", "9.30am - ". A clock time has minutes or am/pm, so "Year 9, " or "Room 2 - " is no time.
_TIME_BEFORE = lazy_compile(
    r"(?:^|[\s(;:/,])(?:(?:[01]?\d|2[0-3])[:.][0-5]\d(?:[ \t]*(?:am|pm))?|(?:1[0-2]|0?[1-9])[ \t]*(?:am|pm))"
    r"[ \t]*(?:[-\u2013\u2014:|>\u2192][ \t]*)?$", re.IGNORECASE)


# One item of a register written surname first: it starts a line or follows a semicolon, a colon or a
# dash, and ends the line or meets a semicolon or a bracket.
_REGISTER_ITEM_BEFORE = lazy_compile(r"(?:^|[\n;:]|[ \t][-\u2013\u2014])[ \t]*$")
_REGISTER_ITEM_AFTER = lazy_compile(r"[ \t]*(?:[;\n(]|$)")


def _paragraph(text: str, position: int) -> tuple[int, int]:
    """The lines around position up to a blank line, and no more than a profile's few lines."""
    start = text.rfind("\n\n", 0, position)
    start = max(0 if start < 0 else start + 2, position - 300)
    end = text.find("\n\n", position)
    end = min(len(text) if end < 0 else end, position + 300)
    return start, end


# An entry of a list separated by slashes or semicolons: "Register: Begum, Sara / Cole, Archie".
_ENTRY_BEFORE = lazy_compile(r"(?:^|[\n:;/])[ \t]*$")
_ENTRY_AFTER = lazy_compile(r"[ \t]*(?:[;/\n(]|$)")
_SLASHED_ENTRIES = lazy_compile(r"[A-Za-z][ \t]*,[ \t]*[A-Z][a-z]+[ \t]*[/;][ \t]*[A-Z][\w'\u2019-]*[ \t]*,")


# The start of a list's item: a line, a number, a bullet, or after a comma, semicolon or colon.
_LIST_ITEM_BEFORE = lazy_compile(r"(?:^|[\n,;:*\-\u2013\u2022]|\d[.)])[ \t]*$")


# "Helen Carver at Gloucester Guildhall", "Sophie Barnes from Arts Council England": someone from a
# named organisation is a partner's staff, unless the organisation is a school (then the person is
# likely a pupil, and a school cue decides).
_ORGANISATION_AFTER = lazy_compile(
    r"[ \t]*,?[ \t]+(?:from|at|of|with|representing)[ \t]+(?:the[ \t]+)?[A-Z][\w&'\u2019-]*"
    r"(?![\w&'\u2019-]*(?:[ \t]+[A-Z][\w&'\u2019-]*)*[ \t]+(?:School|Academy|Primary|High|College|Grammar)\b)"
)
# "Aria Kowalski Photography", "Harvey Stone Ltd": a business named after its owner.
_BUSINESS_AFTER = lazy_compile(
    r"[ \t]+(?:Ltd|Limited|LLP|Plc|PLC|Photography|Photo|Sound|Sounds|Audio|Hire|Events|Productions|Media|Design|"
    r"Designs|Associates|Consulting|Solicitors|Accountants|Catering|Coaches|Taxis|Transport|Records|Music)\b"
)
# A song's credit: "Delilah (Tom Jones)", "Someone You Loved by Lewis Capaldi".
_CREDIT_BEFORE = lazy_compile(r"(?:[A-Z][\w'\u2019]*[ \t]*\(|[A-Za-z][\w'\u2019]*[ \t]+by[ \t]+)$")


def _credit(text: str, start: int, end: int) -> bool:
    if _CREDIT_BEFORE.search(text, max(0, start - 30), start) is None:
        return False
    return text[start - 1:start] != "(" or text[end:end + 1] == ")"


_LOWER_NAME = lazy_compile(r"(?<![\w'\u2019-])(?P<first>[a-z]+(?:-[a-z]+)?)[ \t]+(?P<last>[a-z]{3,}(?:-[a-z]+)?)(?![\w'\u2019-])")


_LOWER_DOUBLE_FIRST_NAME = lazy_compile(
    r"(?<![\w'\u2019-])(?P<first>[a-z]{2,}-[a-z]{2,})[ \t]+(?P<last>[a-z]{3,}(?:-[a-z]+)?)(?![\w'\u2019-])")
# Second halves of double first names that are words on their own, so not in forenames.txt: "ellie-may".
_SECOND_NAME_HALVES = frozenset(["may", "mae", "jo", "lou", "leigh", "lee", "jay", "ann", "anne", "jean", "belle", "marie"])
# Words that are verbs or adverbs after a first name ("ellie-may absolutely smashed it", "lily-rose sang"),
# and a verb told by what follows it: "ellie-may drops the beat".
_NOT_SURNAME_ENDINGS = ("ly", "ing", "ed", "ng")
_SENTENCE_GOES_ON = lazy_compile(
    r"[ \t]+(?:the|a|an|it|her|his|their|them|me|us|you|up|out|in|on|off|to|into|at|with|for|so|too|and|but|again)\b")


# Lower-case words that can precede "'s mum" without being a surname: "ask amy today's ...".
_LOWER_NOT_A_SURNAME = frozenset(
    ["the", "and", "but", "for", "with", "from", "that", "this", "what", "who", "his", "her", "their", "our", "your",
     "today", "tonight", "tomorrow", "yesterday", "everyone", "someone", "anyone", "nobody", "one", "friend", "mate",
     "bestie", "cousin", "brother", "sister", "girlfriend", "boyfriend", "partner", "wife", "husband", "son",
     "daughter", "kid", "child", "baby", "little", "lad", "girl", "boy", "mum", "dad", "ring", "call", "text", "tell",
     "ask", "email", "message", "phone", "rang", "called", "texted", "told", "asked", "emailed", "messaged", "phoned",
     "was", "is", "has", "had", "did", "does", "can", "could", "would", "will", "should", "may", "might", "must",
     "not", "also", "just", "still", "only", "even", "then", "than", "when", "where", "because", "about", "after",
     "before", "like", "said", "says", "think", "thinks", "know", "knows", "see", "saw", "met", "meet", "got", "get"]
)


# Last words of a venue's name, where a name with no known first name is a place, not a person.
_PLACE_WORDS = frozenset(
    ["Rooms", "Room", "Hall", "Halls", "Centre", "Center", "Theatre", "Arena", "Club", "Hotel", "Cathedral", "Church",
     "Chapel", "Library", "Museum", "Gallery", "Stadium", "Studio", "Studios", "Pavilion", "Hub", "Institute", "House",
     "Square", "Park", "Gardens", "Market", "Village", "Town", "Works", "Yard", "Quay", "Docks", "Inn", "Arms"]
) | frozenset(entries("place_name_words"))


# Round 22: "at", "in", "near" straight before a name ending in a place word ("at Alexandra Park"): where
# people go, not who they are. "with", "to" and "for" are left out, as people are met, told and thanked.
# Round 24: a place's own words may stand between ("at the Royal Beatrice Hall", "in Elsie Parker Hall",
# "moved to the Old Mill House"); after "to" or "from" a word must ("well done to Jacob Hall" is a person).
_PLACE_NAME_WORDS = r"(?:[A-Z][\w'\u2019-]*[ \t]+)"
_AT_A_PLACE_BEFORE = lazy_compile(
    rf"\b(?:(?i:at|in|near|outside|inside|opposite|behind|around|round|past|into|via)[ \t]+(?:(?i:the)[ \t]+)?{_PLACE_NAME_WORDS}{{0,2}}"
    rf"|(?i:to|from)[ \t]+(?:(?i:the)[ \t]+{_PLACE_NAME_WORDS}{{0,2}}|{_PLACE_NAME_WORDS}{{1,2}}))$")
# How far before a name a place's preposition is looked for: "at the Royal Beatrice ".
_PLACE_LOOKBACK = 40

_NAMES_A_PLACE_AFTER = lazy_compile(
    r"(?:['\u2019]s)?[ \t]+(?:[A-Z][a-z]+[ \t]+)?(?:School|Academy|College|High|Primary|Grammar|Infants|Juniors|"
    r"Hall|Centre|Theatre|Church|Chapel|Trust|Foundation|Fund|Road|Street|Lane|Avenue|Close|Way|Park|Rooms|House|"
    r"Award|Awards|Prize|Orchestra|Choir|Band|Studios?|Arena|Library|Museum|Gallery|Stadium|Hospital|Building)\b"
)


# The last word of a school's or a college's name.
_SCHOOL_WORDS = frozenset(["School", "Academy", "College", "High", "Primary", "Grammar", "Infants", "Juniors", "Juniors'"])
_TITLES = frozenset(["Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Rev", "Cllr", "Sir", "Dame"])
# "@Dan Leah T": a chat mention, not a name written out.
_MENTION_BEFORE = lazy_compile(r"@[ \t]?$")
# The next name in "A B, 14, and C D", "A B & C D".
# The next name of a list (round 23): ", Kai Williams", " and Nia Rahman", ", & Leo Taylor".
_LISTED_NAME_AFTER = lazy_compile(
    rf"(?:['\u2019]s)?(?:[ \t]*,[ \t]*(?:(?:and|&)[ \t]+)?|[ \t]+(?:and|&)[ \t]+)"
    rf"(?P<first>{_NAME_WORD})[ \t]+(?P<last>{_SURNAME})\b(?!['\u2019-]?\w)")
_JOINED_NAME_AFTER = lazy_compile(
    rf"(?:['\u2019]s)?(?:[ \t]*,[ \t]*(?:aged[ \t]+)?{_AGE}[ \t]*,?|[ \t]*\([^)\n]{{1,20}}\))?[ \t]*,?[ \t]*(?:and|&)[ \t]+"
    rf"(?P<first>{_NAME_WORD})[ \t]+(?P<last>{_SURNAME})\b(?!['\u2019-]?\w)")


# Round 22: a subject line before a name ("Re: ", "Subject: Fwd: "), he or she later in the text, the
# he or she that opens the next sentence, and an age in words said of someone ("she is fourteen").
# Round 26: a letter about one young person. Its greeting, then a "Re:" line holding the name alone or
# the name and a dash ("Dear Hannah,\n\nRe: NAME\n", "Hi Steve,\nRe: NAME \u2013 just following up").
_LETTER_REACH = 80
_GREETING_THEN_SUBJECT_BEFORE = lazy_compile(
    r"(?:^|\n)[ \t]*(?:dear|hi|hiya|hello|good[ \t]+(?:morning|afternoon))\b[^\n]{0,40}\n[ \t\n]{0,8}(?:re|subject)[ \t]*:[ \t]*$",
    re.IGNORECASE)
_SUBJECT_NAME_ENDS = lazy_compile(r"[ \t]*(?:\n|$|[-\u2013\u2014][ \t]*[a-z])")
# "I am writing about NAME, who attends ...": the person a letter is about, who takes part somewhere.
_WRITING_ABOUT_BEFORE = lazy_compile(
    r"\b(?:writing|write|wrote|emailing|contacting|ringing|calling)[ \t]+(?:to[ \t]+you[ \t]+)?"
    r"(?:about|regarding|concerning|re:?|in[ \t]+relation[ \t]+to)[ \t]+$", re.IGNORECASE)
_ATTENDS_AFTER = lazy_compile(
    r",?[ \t]+who[ \t]+(?:attends|comes[ \t]+to|goes[ \t]+to|has[ \t]+been[ \t]+(?:attending|coming[ \t]+to)"
    r"|has[ \t]+(?:just[ \t]+)?(?:joined|started)|joined|started)\b", re.IGNORECASE)
_GROUP_WORD = lazy_compile(r"\b(?:group|session|sessions|club|class|classes|course|project|band|choir|lessons?)\b", re.IGNORECASE)
# A line of a list, before the name that opens it: "\n", "\n3. ", "\n- ".
_ROW_START_BEFORE = lazy_compile(r"(?:^|\n)[ \t]*(?:\d{1,3}[.)][ \t]*|[-*\u2022][ \t]*)?$")
# Session notes or a studio log: a text about what happened in a session.
_ABOUT_A_SESSION = lazy_compile(r"\b(?:sessions?|studio|rehearsals?|workshops?|recording|log)\b", re.IGNORECASE)
# An age from 18 to 25 right after a name: ", 19,", " (now 19)", ", now 20".
_YOUNG_ADULT_AGE_AFTER = lazy_compile(
    r"[ \t]*(?:,|\()[ \t]*(?:now[ \t]+|aged?[ \t]+)?(?:1[89]|2[0-5])\b(?![:.]\d|[ \t]*(?:%|am\b|pm\b|years?[ \t]+ago))",
    re.IGNORECASE)
# Round 27: "contact for the new Friday girl, so she gets the sheets: NAME": a child named after the colon
# closing a line that introduces the new lad or girl, however much is said between the two.
_NEW_CHILD_INTRO = lazy_compile(
    r"\b(?:new|young|little|wee)[ \t]+(?-i:(?:[A-Z][\w'\u2019-]*[ \t]+){0,3})(?:lad|lass|boy|girl|kid|youngster|teen)s?"
    r"(?:['\u2019]s)?\b[^\n:]{0,120}:[ \t]*$", re.IGNORECASE)
_INTRO_REACH = 200
# Round 27: a youth award's title: "Young Musician of the Year", "COUNTY YOUTH ARTS AWARDS".
_YOUTH_AWARD = lazy_compile(
    r"\b(?:young|youth|junior|teen|under[ \t-]?(?:1[0-9]|2[0-5])s?)\b[^\n]{0,50}?\b(?:awards?|of[ \t]+the[ \t]+year|prizes?)\b",
    re.IGNORECASE)
_AWARD_HEADING_REACH = 400
# Round 27: a dated entry of a log or chronology, "12/11 NAME arrived upset", "5 Feb – NAME told ...":
# the name opens its line after the entry's date. Such a log follows one young person when their first
# name comes back on its own in later entries ("19/11 NAME came in late").
_DATE_OPENS_LINE_BEFORE = lazy_compile(
    r"(?:^|\n)[ \t]*(?:[-*\u2022][ \t]*)?(?:\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?|\d{1,2}(?:st|nd|rd|th)?[ \t]+"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?)[ \t]*[:\-\u2013\u2014]?[ \t]*$",
    re.IGNORECASE)
_DATED_LINE = lazy_compile(
    r"^[ \t]*(?:[-*\u2022][ \t]*)?(?:\d{1,2}[/.]\d{1,2}\b|\d{1,2}(?:st|nd|rd|th)?[ \t]+"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec))", re.IGNORECASE | re.MULTILINE)
_DATE_REACH = 24
_LOG_REACH = 1500
# Round 27: "NAME, 9 Hazel Way, ..." or "NAME - Flat 2, 88 Bath Road": a row giving a person's home, where
# certificates or cards are to go; the name opens its line and a house number and street follow it.
_HOME_ADDRESS_AFTER = lazy_compile(
    r"[ \t]*[,\-\u2013\u2014:][ \t]*(?:(?:flat|apartment|apt)[ \t]*\d{1,4}[A-Za-z]?[ \t]*,?[ \t]*)?"
    r"\d{1,4}[A-Za-z]?[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2}[ \t]+"
    r"(?:Road|Rd|Street|St|Way|Lane|Close|Court|Gardens|Avenue|Drive|Crescent|Rise|Place|Terrace|Grove|View|Walk|Mews|Row|Hill)\b",
    re.IGNORECASE)
_SUBJECT_LINE_BEFORE = lazy_compile(r"(?:^|\n)[ \t]*(?:(?:re|fw|fwd|subject)[ \t]*:[ \t]*)+$", re.IGNORECASE)
_PRONOUN = lazy_compile(r"\b(?:he|she|him|her|his)\b", re.IGNORECASE)
_NEXT_SENTENCE_PRONOUN = lazy_compile(r"[ \t.!?:;)]*(?:\n[ \t]*)?(?P<pronoun>[Hh]e|[Ss]he)(?=['\u2019 \t])")
_AGE_IN_WORDS = lazy_compile(
    rf"\b(?:is|['\u2019]s|turns?|turned|only|just|aged?)[ \t]+(?:only[ \t]+|just[ \t]+)?{_AGE_WORD}\b(?![ \t-]+(?:o['\u2019]clock|minutes|hours|years?[ \t]+ago))",
    re.IGNORECASE)


def _candidates(text: str):
    """Every pair of capitalised words, overlapping: in "Teenager Callum Brooks" the pair that is a
    name starts at the second word."""
    position = 0
    while (name := _FULL_NAME.search(text, position)) is not None:
        yield name
        position = name.start("last")


def _candidates_between(text: str, start: int, end: int):
    """_candidates within text[start:end]: the pairs of capitalised words of one list."""
    position = start
    while (name := _FULL_NAME.search(text, position, end)) is not None:
        yield name
        position = name.start("last")


# Round 24: reading a list's heading. How far a heading's label reaches, how long a heading line is, and
# how far a list under a heading runs (so a long text costs time in proportion to its length).
_LABEL_REACH = 80
_AGE_REACH = 200
_HEADING_LINE = 60
_LIST_REACH = 3000
# The end of a list's label after its cue word: a colon, a dash, or "are"/"is" before a capitalised name.
_LIST_LABEL_END = lazy_compile(
    r"[^.!?\n:]{0,80}?(?P<separator>:|[ \t][-\u2013\u2014](?=[ \t])|[ \t](?:are|is|will[ \t]+be)(?=[ \t]+[A-Z]))")
_SENTENCE_BREAK_BEFORE = lazy_compile(r"[.!?](?:[ \t]+|$)")
# Where a list's label starts: after a sentence or a clause ("Hi Mr Dale, confirming the pupils ...").
_CLAUSE_BREAK_BEFORE = lazy_compile(r"[.!?,;](?:[ \t]+|$)")
# A sentence of prose after a one-line list; a further label ("Tent B - ...", "Driver: ...") is more list.
_PROSE_AFTER_LIST = lazy_compile(r"[.!?][ \t]+(?![A-Z][\w'\u2019-]*(?:[ \t]+[\w'\u2019-]+)?[ \t]*[:\-\u2013\u2014])")
# A label's end right before a name: "Volunteer induction: ", "HR note - ".
_LABEL_END_BEFORE = lazy_compile(r"(?::|[ \t][-\u2013\u2014])[ \t]*$")
_CLOCK_TIME = lazy_compile(r"\b(?:[01]?\d|2[0-3])[:.][0-5]\d\b|\b(?:1[0-2]|0?[1-9])[ \t]*(?:am|pm)\b", re.IGNORECASE)
# A line that starts with a time, right before the name: "09:10 - ", "8.45am ".
_TIMED_LINE_BEFORE = lazy_compile(
    r"(?:^|\n)[ \t]*(?:[-*\u2022]|\d{1,2}[.)])?[ \t]*(?:(?:[01]?\d|2[0-3])[:.][0-5]\d(?:[ \t]*(?:am|pm))?|(?:1[0-2]|0?[1-9])[ \t]*(?:am|pm))"
    r"[ \t]*(?:[-\u2013\u2014:|][ \t]*)?$", re.IGNORECASE)
# First names one by one: "Register: Ruby, Kai, Evie-Mae, Jess - 4 in".
_SINGLE_WORD_ITEM_AFTER = lazy_compile(r"[ \t]*,[ \t]*[A-Z][\w'\u2019-]*[ \t]*(?:,|$|\n|[-\u2013\u2014.(&]|and\b)")
_SINGLE_WORD_ITEM_BEFORE = lazy_compile(r"(?:^|[:,\n])[ \t]*[A-Z][\w'\u2019-]*[ \t]*,[ \t]*$")


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
) | frozenset(entries("event_name_words"))  # round 26: "Summer Jam", "Jamie Fest"
