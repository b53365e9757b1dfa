"""A school named in connection with a young person (policy 4.1: "never give out ... school name").

A school is recognised by its name ("Ribston Hall High School", "Pate's Grammar", "Chosen Hill
School") or because it is a roster participant's school. It is only a finding when the words right
before it tie it to a young person: "Jake from ...", "she goes to ...", "Year 9 at ...", "his
school, ...", "Jake (...)", "Jake is at ...". A school named as a venue ("workshop at Chosen Hill
School on Friday", "the band is at Pate's Grammar") or an organisation ("thanks to Pate's Grammar
for the loan of their hall") is fine.

A register or referral line that starts with a young person's first name lists their details, so a
school's name that is a whole item of it is their school: "Bethany Cole, Winchcombe School, Year 8",
"Ollie Price - Holmer Primary School - guitar", "Jasmine, 13, Brockworth Academy". An item that only
starts with a school is a sentence about it ("Lucy, the Winchcombe School concert is on Friday").

Without "School" or "Academy" in its name, a school is still found in a form line ("School:
Balcarras", school_form_labels.txt) and after words that only ever lead to a school ("a pupil at
Rendcomb", "in Year 8 at Severn Vale", "her school (Balcarras)"). Or where a named child is on a school
day ("recognised Finn's blazer, he's at Marling", "Dominic goes to STRGS so he finishes at 3:35":
school_context_words.txt). A child changing schools ("Marley's moving from X to Springbank Primary"),
or getting on at one ("Aiden (13) said things are tough at Brockworth Academy",
school_experience_cues.txt), names their school. A register line whose first name the forenames
list lacks still counts when it gives a school year or an age ("Tariq | Y9 | Cleeve School"). A
school followed by a place in it ("Severn Vale School hall", school_venue_words.txt) is a venue. Pupils as a group ("Year 9 pupils
at X", "students from X and Y") tie a school to a child only when the sentence names one.

Schools by the names people say (round 6a): the area's schools are a data file (local_schools.txt:
full name, short forms, "~" for a short form that is also a place; initials worked out), so "Lola's
at Ribston Hall", "Reuben is at STRS", "Freya - Balcarras, 3.20", "Theo's a Marling boy", "a letter
for Severn Vale explaining why Millie was out" are found without "School" in the name, and a roster
school said without its last words ("Ribston Hall" for Ribston Hall High School) is tried against the
roster's hashes. Not a longer name or a place that starts the same way ("Pittville Pump Room",
"Denmark Road car park", "Stroud High Street"), an event there ("went to Balcarras for the open
evening"), a grown-up's workplace ("her cousin is head of music at X"), or the writer's own gig.

In chat and captions (round 25): a young person's own school said to find others there ("im at
Balcarras if anyone ...", "anyone else at Holmleigh Park?", own_school_peer_cues.txt), but not a day
there ("I'm at X all day tomorrow", "I'm at X, covering the Year 9 band": staff_day_words.txt); a member said by their part ("our new bassist's at Pate's",
band_member_words.txt); a school cheered in brackets after a name ("Cerys (Team Ribston)",
school_cheer_openers.txt); a named child's subject teacher there ("her music teacher at Pate's"). An
exam board before "at <school>" makes the school the exam's venue (exam_boards.txt).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left

from bot.checks.context import CheckContext
from bot.checks.detectors import Span
from bot.checks.detectors.people import CAPITALISED_NAME_WORD, FAMILY_SUBJECT, NOT_A_NAME, FirstNames
from bot.checks.document import Document
from bot.checks.findings import Kind
from bot.checks.lazy_regex import lazy_compile
from bot.checks.roster import MAX_SCHOOL_WORDS, RosterIndex, normalise_school
from bot.checks.wordlists import entries, phrase_pattern

_TYPE_WORDS = r"School|Academy|College|Grammar|High|Primary|Comprehensive|Infants|Juniors|Prep|Preparatory|C[ \t]+of[ \t]+E|CofE"
_NAME_WORD = r"(?:St\.?|[A-Z][A-Za-z'\u2019.-]*)"
_CONNECTOR = r"(?:of|the|and|&|on|upon|under|in|de|la)"
_SCHOOL_NAME = lazy_compile(
    rf"\b{_NAME_WORD}(?:[ \t]+(?:{_CONNECTOR}[ \t]+)?{_NAME_WORD}){{0,5}}?"
    rf"[ \t]+(?:{_TYPE_WORDS})(?:[ \t]+(?:{_TYPE_WORDS}|Sixth[ \t]+Form))*\b"
)
# Words before a form's "school" label that say whose or which: "Attending school:", "Child's school:".
_FORM_LABEL_QUALIFIERS = (
    r"(?:current|present|previous|old|new|attending|attends|child['\u2019]?s|pupil['\u2019]?s|"
    r"young[ \t]+person['\u2019]?s|participant['\u2019]?s|name[ \t]+of|which|secondary|primary|main)"
)
_TYPE_WORD_LOWER = lazy_compile(rf"\b(?:{_TYPE_WORDS.lower()})\b")
_TYPE_WORD_SET = frozenset(w for w in _TYPE_WORDS.split("|") if w.isalpha()) | {"Sixth", "Form", "C", "of", "E", "CofE"}
# Words that make "X School" a kind of school rather than a particular one: "Summer School",
# "Secondary School", "Music College".
_GENERIC = frozenset(
    ["The", "A", "An", "Summer", "Music", "Secondary", "Primary", "Local", "New", "Old", "Big", "Next", "Junior", "Senior", "Forest", "Sunday", "Saturday", "Holiday", "Easter", "Film", "Drama", "Art", "Arts", "Dance", "Rock", "Business", "Further", "Higher", "Education", "Sixth", "Form", "Royal", "Special", "Boarding", "State", "Private", "Independent", "Free", "Grammar", "High", "Catholic", "Faith", "Village", "Her", "His", "Their", "My", "Your", "Our", "This", "That", "Any", "Every", "Each", "Same", "Other", "Whole", "Online", "Virtual", "Home"]
)

# What, right before a school's name, ties it to a young person: "she goes to", "Year 9 at",
# "his school,". Matched against the lower-cased text.
_LINK_CUE_TEXT = (
    r"(?:"
    r"\b(?:goes|go|going|went|gone|moved|moving|transferred|transferring|starts|start|starting|started)[ \t]+(?:up[ \t]+|over[ \t]+|on[ \t]+)?(?:to|at)"
    # A stage of schooling begun somewhere: "starts reception at", "started year 7 at", "starting sixth form at".
    r"|\b(?:starts|start|starting|started|begins|began|beginning|joins|joined|joining)[ \t]+(?:in[ \t]+)?"
    r"(?:reception|nursery|secondary|sixth[ \t]+form|year[ \t]*\d{1,2}|y\d{1,2})[ \t]+(?:at|in)"
    # "she's switching to", "he changed schools to"
    r"|\b(?:switch|switches|switched|switching|change|changes|changed|changing)[ \t]+(?:schools?[ \t]+)?to"
    # "doing her A-levels at", "in the sixth form at": only ever a school
    r"|\b(?:his|her|their|doing|taking|studying|sitting)[ \t]+(?:[\w-]+[ \t]+){0,2}?(?:a[ -]?levels?|gcses?|btecs?|mocks)[ \t]+at"
    # "jamie's year 11 mocks at", "Kai's GCSEs at": whose exams, said with a name.
    r"|[a-z]['\u2019]s[ \t]+(?:[\w-]+[ \t]+){0,2}?(?:a[ -]?levels?|gcses?|btecs?|mocks)[ \t]+at"
    r"|\bin[ \t]+(?:the|his|her|their)[ \t]+sixth[ \t]+form[ \t]+at"
    r"|\b(?:attends|attend|attending|attended|studies[ \t]+at|studying[ \t]+at)"
    # A place won: "Maya got into Pate's!", "she's been offered a place at Balcarras".
    r"|\b(?:got|get|gets|getting)[ \t]+(?:a[ \t]+place[ \t]+at|into)|\b(?:offered|given|accepted)[ \t]+(?:a[ \t]+place[ \t]+)?(?:at|into)"
    r"|\b(?:is|was|'s|\u2019s)[ \t]+(?:now[ \t]+|still[ \t]+)?in[ \t]+year[ \t]*\d{1,2}[ \t]+(?:(?:over|up|down|across|out)[ \t]+)?at"
    # One pupil, not a group: "a pupil at", "Year 9 at"; "Year 9 pupils at X" and "students from X
    # and Y" name schools, not a child's school.
    r"|(?<!each[ ])(?<!every[ ])(?<!any[ ])\b(?:pupil|student|sixth[ \t]+former|head[ \t]+(?:girl|boy))[ \t]+(?:at|of|from|in)"
    r"|(?<!for[ ])(?<!with[ ])(?<!all[ ])(?<!of[ ])(?<!the[ ])(?<!whole[ ])\b(?:year[ \t]*\d{1,2}|y\d{1,2}|yr[ \t]*\d{1,2})[ \t]+(?:at|of|from|in)"
    r"|\b(?:his|her|their|my)[ \t]+(?:new[ \t]+|old[ \t]+)?school[ \t]*(?:,|is\b|was\b|:|-|\()?"
    # "Harry is at a different school, Cotswold Academy", "she's moved to a new school - X".
    r"|\b(?:at|to|in)[ \t]+(?:a|another)[ \t]+(?:different|new|other|special|secondary|primary)[ \t]+school[ \t]*(?:,|:|-|\u2013|\()"
    r"|\([ \t]*(?:year|yr|y)[ \t]*\d{1,2}[ \t]*(?:,|/|[-\u2013\u2014]|@|at\b)"  # "Nathan (Year 10, Tewkesbury Academy)", "(Y8 - X)"
    # An age in the brackets after a name: "Ben (14, Tewkesbury Academy)", "Asha (aged 12 - Cleeve)".
    r"|[a-z][ \t]*\([ \t]*(?:aged?[ \t]*)?\d{1,2}[ \t]*(?:,|/|[-\u2013\u2014]|@|at\b)"
    # "Ruben's studying music production at", "she is doing her GCSEs at"; "we're doing a day at" is a booking.
    r"|\b(?:is|'s|\u2019s|was|will[ \t]+be)[ \t]+(?:doing|studying|taking)\b[^.,;:!?\n]{0,40}?[ \t]at"
    r")[ \t]*"
)
_LINK_CUE = lazy_compile(_LINK_CUE_TEXT)
_LINK_CUE_ANY_CASE = lazy_compile(_LINK_CUE_TEXT, re.IGNORECASE)
# A named person right before the school: "Jake from", "Jake (", "Jake's school,". Case matters
# here: the capital is what marks a name.
_NAMED_CUE = lazy_compile(
    r"\b(?P<who>[A-Z][a-z]+|[Hh]e|[Ss]he|[Hh]im|[Hh]er)(?:['\u2019]s|[ \t]+is|[ \t]+was)?[ \t]+from[ \t]*"
    # "Leo \U0001f941 (Balcarras)": an emoji or two may stand between a caption's name and its brackets.
    r"|\b(?P<who_paren>[A-Z][a-z]+)(?:[ \t]+[A-Z]\.?)?(?:[ \t]*[\u2600-\u27bf\U0001f300-\U0001faff]\ufe0f?){0,3}[ \t]*\([ \t]*"
    # "Jake is at", "she's now at"; "the band is at" is a booking, not a pupil.
    r"|\b(?P<who_at>[A-Z][a-z]+|[Hh]e|[Ss]he)(?:[ \t]+is|[ \t]+was|'s|\u2019s)[ \t]+(?:now[ \t]+|still[ \t]+)?at[ \t]+"
    r"|\b(?P<owner>[A-Z][a-z]+)(?:'s|\u2019s)[ \t]+(?:new[ \t]+|old[ \t]+)?school[ \t]*(?:,|is\b|was\b|:|-|\()?[ \t]*"
    # A question and its answer: "Kai's school? It's Severn Vale School", "Ava's school? Balcarras".
    r"(?:\?[ \t]*(?:(?:[Ii]t['\u2019]s|[Ii]t[ \t]+is|[Tt]hat['\u2019]s|[Ss]he['\u2019]s[ \t]+at|[Hh]e['\u2019]s[ \t]+at)[ \t]+)?)?"
    # "Lily Fairbanks of Stroud High School": a full name, then "of" (an adult named by title is ruled
    # out in _cue_ends).
    r"|\b(?P<who_of>[A-Z][a-z]+)[ \t]+[A-Z][a-z'\u2019-]+[ \t]+of[ \t]+"
    # "Brooke Sandiford, 13, of Churchdown School Academy": a name and an age, then where they are from.
    r"|\b(?P<who_aged>[A-Z][a-z]+)(?:[ \t]+[A-Z][a-z'\u2019-]+)?[ \t]*,[ \t]*(?:aged[ \t]+)?\d{1,2}[ \t]*,?[ \t]+(?:of|from|at)[ \t]+"
)
# A school's name right before a pupil's name: "Sir Thomas Rich's School pupil Zoë Brontë", "Cleeve School
# student Jess", "Pate's Grammar School sixth former Reuben".
# How far along its line a register record's items are read (characters after the name).
_RECORD_REACH = 200
_PUPIL_NAMED_AFTER = lazy_compile(
    # The pupil word in lower case: "Cleeve School Student Council" is a body of the school, not a pupil.
    r"['\u2019]?[ \t]+(?:(?i:year|yr|y)[ \t]*\d{1,2}[ \t]+)?(?:pupil|student|sixth[ \t]+former|head[ \t]+(?:girl|boy)|"
    r"scholar|leaver)[ \t]+(?P<who>[A-Z][^\W\d_]+)")
# Details in brackets after a first name, the school a later one of them: "Destiny (EHCP, at Milestone
# School)", "Kai (drums, Severn Vale)". (The first item is the who_paren cue's.)
_BRACKET_ITEMS_CUE = lazy_compile(
    r"\b(?P<who>[A-Z][a-z]+)(?:[ \t]+[A-Z]\.?)?[ \t]*\((?:[^(),\n]{1,30},[ \t]*){1,3}(?:at[ \t]+)?")
# "Mrs Patterson from Pate's let us use the music block": a grown-up named by title is a member of
# staff there, not a pupil.
_TITLE_BEFORE = lazy_compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Prof|Rev|Cllr)\.?[ \t]+$")
# A family's children at a school: "both my two are at Chosen Hill", "my daughter is at Balcarras",
# "our twins are now at Pate's".
_FAMILY_AT = lazy_compile(
    rf"(?:\b(?:[Bb]oth[ \t]+)?(?:[Mm]y|[Oo]ur)[ \t]+(?:two|three|kids|children|boys|girls|twins|lot|eldest|youngest|lad|lass|little[ \t]+one|middle[ \t]+one)"
    rf"|\b{FAMILY_SUBJECT}s?)"
    rf"(?:[ \t]+(?:is|are|was|were)|['\u2019](?:s|re))[ \t]+(?:(?:now|still|both|all)[ \t]+)*at[ \t]+"
)
# Chat in lower case: "rio's at churchdown school academy" (the word must be a first name people have).
_LOWER_NAME_AT = lazy_compile(r"\b(?P<who>[a-z]{2,})(?:['\u2019]s|[ \t]+is|[ \t]+was)[ \t]+(?:now[ \t]+|still[ \t]+)?at[ \t]+")
_ANY_CASE_RUN = lazy_compile(r"[\w'\u2019.&-]+(?:[ \t]+[\w'\u2019.&-]+){0,5}")
_THE = lazy_compile(r"the[ \t]+", re.IGNORECASE)
# Cues that only ever lead to a school, so that what follows is a school's name even without
# "School" or "Academy" in it: "a pupil at Rendcomb", "in Year 8 at Severn Vale", "her school
# (Balcarras)". Matched against the lower-cased text.
_SCHOOL_ONLY_CUE = lazy_compile(
    r"(?:\b(?:attends|attending|attended)"
    r"|(?<!each[ ])(?<!every[ ])(?<!any[ ])\b(?:pupil|student)[ \t]+at"
    r"|\b(?:is|was|'s|\u2019s|\()[ \t]*(?:now[ \t]+|still[ \t]+)?in[ \t]+year[ \t]*\d{1,2}[ \t]+(?:(?:over|up|down|across|out)[ \t]+)?at"
    r"|\b(?:his|her|their|my)[ \t]+(?:new[ \t]+|old[ \t]+)?school[ \t]*(?:is|was|:|,|\()"
    r"|['\u2019]s[ \t]+(?:new[ \t]+|old[ \t]+)?school[ \t]*(?:is|was|:|,|\()"
    r"|\b(?:his|her|their|doing|taking|studying|sitting)[ \t]+(?:[\w-]+[ \t]+){0,2}?(?:a[ -]?levels?|gcses?|btecs?)[ \t]+at"
    r"|\bin[ \t]+(?:the|his|her|their)[ \t]+sixth[ \t]+form[ \t]+at)[ \t]*"
)
_NAME_RUN = lazy_compile(
    r"(?:St\.?[ \t]+)?[A-Z][A-Za-z'\u2019.-]*(?:[ \t]+(?:(?:of|the|and|&|on|upon)[ \t]+)?[A-Z][A-Za-z'\u2019.-]*){0,4}"
)
_NOTHING = lazy_compile(r"^(?:none|n/?a|no|tbc|home[ \t-]*(?:educated|schooled)|not[ \t]+(?:at|in)[ \t]+school)\b", re.IGNORECASE)
_PRONOUNS = frozenset({"he", "she", "him", "her"})
_OBJECT_PRONOUNS = frozenset({"him", "her", "them"})
_YEAR_THEN_ITEM = lazy_compile(r"(?:year|yr|y)[ \t]*\d{1,2}[ \t]*[,/][ \t]*(?=[A-Z])", re.IGNORECASE)
# What ties a child to a school's name right before it (see _linked_to_a_child), and who the child is.
_LINK_BEFORE_SCHOOL = lazy_compile(
    r"\b(?:at|from|to|into|left|leaves|leaving|joined|joins|joining|attends|attend|attending)[ \t]+(?:the[ \t]+)?$"
)
# How far either side of a school a sentence is read for the child it names (round 26's cues).
_CHILD_REACH = 160
# "one of our young leaders, currently at Gloucestershire College": where a young person is now studying.
_CURRENTLY_AT = lazy_compile(r"\b(?:currently|now)[ \t]+(?:studying[ \t]+|in[ \t]+(?:year|yr)[ \t]*\d{1,2}[ \t]+)?at[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)
_CHILD_WORD = lazy_compile(rf"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im)\b|\b{FAMILY_SUBJECT}\b")
_WRITER = lazy_compile(r"\b(?:I|[Ww]e)\b")
_CLAUSE_WINDOW = 80
# Schools teach by day: "tough at X School last night" was an evening event there, not a school day.
_EVENING_AFTER = lazy_compile(
    r"[ \t]+(?:last[ \t]+night|tonight|this[ \t]+evening|yesterday[ \t]+evening|on[ \t]+\w+day[ \t]+(?:night|evening))\b",
    re.IGNORECASE,
)
# Someone fetched from or taken to a school is its pupil: "can someone pick Esme up from X School",
# "collect him from X at 3.15", "I'll drop Kai off at X". Only a first name or him/her, so that
# "pick the drums up from X School" is a delivery.
_COLLECTED = lazy_compile(
    r"\b(?i:pick|picks|picking|picked|collect|collects|collecting|collected|fetch|fetches|fetching|fetched|grab|grabbing)"
    r"[ \t]+(?P<who>[A-Z][a-z]+|him|her|them)[ \t]+(?i:up[ \t]+)?(?i:from)[ \t]+"
    r"|\b(?i:drop|drops|dropping|dropped|take|takes|taking|took)[ \t]+(?P<dropped>[A-Z][a-z]+|him|her|them)[ \t]+"
    r"(?i:off[ \t]+)?(?i:at|to)[ \t]+"
)
# The writer's own schooldays, in the past: "I went to", "we both attended", "I used to go to".
_WRITERS_OLD_SCHOOL_CUE = lazy_compile(r"\b(?:I|[Ww]e)[ \t]")
_WRITERS_OLD_SCHOOL = lazy_compile(
    r"\b(?:I|[Ww]e)[ \t]+(?:(?:also|both|all|too)[ \t]+)?(?:went[ \t]+to|used[ \t]+to[ \t]+go[ \t]+to|attended|was[ \t]+at|were[ \t]+at)"
    r"[ \t]+(?:the[ \t]+)?$"
)
# "Marley's moving from Hester's Way to Springbank Primary", "Poppy transferred from Balcarras
# School": a named child (or he, she) changing schools; both schools are theirs.
_MOVES = r"(?:moving|moved|moves|move|transferred|transferring|transfers|switched|switching|switches|changed|changing)"
_MOVER = r"\b(?P<who>[A-Z][a-z]+|[Hh]e|[Ss]he)(?:['\u2019]s|[ \t]+is|[ \t]+was|[ \t]+has|[ \t]+will[ \t]+be)?[ \t]+"
# "moved from Severn Vale in jan", "left Chosen Hill at Easter": a move away from a school, which makes
# the sentence about schools, so a short form that is also a place ("Mo's at Brockworth now") is one.
_MOVED_AWAY_FROM = lazy_compile(
    r"\b(?i:moved|moving|moves|transferred|transferring|switched|switching|came|come|left|leaving)[ \t]+"
    r"(?:(?i:over|here|across)[ \t]+)?(?i:from[ \t]+)?(?:(?i:the)[ \t]+)?")
_MOVING_FROM = lazy_compile(rf"{_MOVER}{_MOVES}[ \t]+(?:schools?[ \t]+)?from[ \t]+")
_MOVING_FROM_TO = lazy_compile(rf"{_MOVER}{_MOVES}[ \t]+(?:schools?[ \t]+)?from[ \t]+[^.,;!?\n]{{1,40}}?[ \t]+to[ \t]+")
# "he's at Marling", "Dominic goes to STRGS", "Amy started at Cheltenham Bournside": where a named
# child is, which is their school when the sentence is about a school day (school_context_words.txt).
_CHILD_AT = lazy_compile(
    r"\b(?P<who>[A-Z][a-z]+|[Hh]e|[Ss]he)(?:(?:['\u2019]s|[ \t]+is|[ \t]+was)[ \t]+(?:now[ \t]+|still[ \t]+)?at"
    r"|[ \t]+(?:goes|went|started|starts|has[ \t]+started|is[ \t]+starting)[ \t]+(?:to|at))[ \t]+"
)
# Who is getting on badly or well, right before the words: "things are tough at", "she's finally
# settled in at", "Jonah (14) is being bullied at"; not "it was tough at X last night" (a gig).
_EXPERIENCE_SUBJECT_BEFORE = lazy_compile(
    r"\b(?:[Tt]hings|[Ll]ife|[Hh]e|[Ss]he|[Tt]hey|[A-Z][a-z]+(?:[ \t]*\([ \t]*\d{1,2}[ \t]*\))?)"
    r"(?:['\u2019]s|['\u2019]re|[ \t]+(?:is|are|was|were|has|have|had|been|being|feels?|felt|seems?|getting|got))*"
    r"(?:[ \t]+(?:really|so|quite|very|finally|still|not|a[ \t]+bit|being|been|doing|getting))*[ \t]+$"
)
_ACRONYM = lazy_compile(r"[A-Z]{2,6}\b")
_CHILD_IN_SENTENCE = lazy_compile(r"\b(?:[A-Z][a-z]+[ \t]*\([ \t]*\d{1,2}[ \t]*\)|[Hh]e|[Ss]he|[Hh]is|[Hh]er)\b")
# Sent to us or sent away by a school, said of a named child: "Aisha was referred by Holmleigh Park's
# pastoral team", "Jordan has been permanently excluded from Oxstalls", "a referral from X for Kai".
_REFERRED = lazy_compile(
    r"\b(?i:referred|referral|excluded|exclusion|expelled|suspended|suspension|signposted)[ \t]+"
    r"(?:(?i:to[ \t]+us|here)[ \t]+)?(?i:by|from)[ \t]+(?:(?i:the)[ \t]+)?")
# A school run for a named child: "pick-up from Severn Vale gates at 3.20 for Kai", "collect from Archway
# front office at 3.15 for Lola and Finn". The gates or the office are the school's, not a venue booked.
_PICK_UP_FROM = lazy_compile(
    r"\b(?i:pick[ \t-]?ups?|picking[ \t]+up|collect|collection|collecting|drop[ \t-]?offs?|dropping[ \t]+off)[ \t]+"
    r"(?i:from|at|outside)[ \t]+(?:(?i:the)[ \t]+)?")
_FOR_SOMEONE_LATER = lazy_compile(r"(?:[^.!?\n;]|(?<=\d)[.:](?=\d)){0,60}?\b(?i:for)[ \t]+(?P<who>[A-Z][a-z]+)\b")
# After a register of named children: "Harper, Jess; Doyle, Connor. All yr 8 from Archway."
_ALL_OF_THEM_FROM = lazy_compile(
    r"\b(?i:all|both)[ \t]+(?:(?i:of[ \t]+them|are|were|in)[ \t]+){0,2}(?i:year|yr|y)[ \t]*\d{1,2}[ \t]+(?i:at|from|in)[ \t]+")
# A possessive after a school's short name: "Reuben (Beaufort's finest)", "Holmleigh Park's pastoral team".
_POSSESSIVE = lazy_compile(r"['\u2019]s\b")
# "school (Severn Vale)": the word and then the school's name in brackets (not "our school", "a school").
_SCHOOL_THEN_NAME = lazy_compile(r"(?<![Oo]ur[ ])(?<![Aa][ ])\b[Ss]chool[ \t]*\([ \t]*")
_CLOSING_BRACKET = lazy_compile(r"[ \t]*[),]")
# "Cleeve (his school)", "Denmark Road (Amelia Cray's school)": whose school, in brackets after its name.
_WHOSE_SCHOOL_IN_BRACKETS = lazy_compile(
    r"[ \t]*\([ \t]*(?:(?P<who>[A-Z][a-z]+)(?:[ \t]+[A-Z][\w'\u2019-]+)?['\u2019]s|[Hh]is|[Hh]er|[Tt]heir)"
    r"[ \t]+(?:new[ \t]+|old[ \t]+|current[ \t]+)?school[ \t]*\)")
_SCHOOL_RUN_BEFORE = lazy_compile(
    r"(?P<run>(?:St\.?[ \t]+)?(?P<first>[A-Z][\w'\u2019.-]*)(?:[ \t]+(?:(?:of|the|and|&|on|upon)[ \t]+)?[A-Z][\w'\u2019.-]*){0,4})$")
_WORD_START = lazy_compile(r"(?<![\w'\u2019.-])[A-Z]")
_BRACKET_CLOSES = lazy_compile(r"[^()\n]{0,24}\)")
_NAME_IN_BRACKETS = lazy_compile(r"\b(?P<who>[A-Z][a-z]+)(?:[ \t]+[A-Z]\.?)?[ \t]*\([ \t]*")
_CAPITALISED_RUN = lazy_compile(
    r"[A-Z][A-Za-z'\u2019.-]*(?:[ \t]+(?:(?:of|the|and|&)[ \t]+)?[A-Z][A-Za-z'\u2019.-]*)*"
)


# "Ribston Hall" is a school's name; "the Village Hall" or "Town Hall" a place to hire.
_HALL_KINDS = frozenset(
    ["Town", "Village", "City", "Concert", "Church", "Guild", "Memorial", "Sports", "Main", "Parish", "Community",
     "Civic", "Music", "Assembly", "Market", "Scout", "Drill", "Dance", "Exhibition", "County", "Masonic", "Festival"]
)


# Place words that schools are named after too: "Denmark Road", "Cleeve Park", "Ribston Hall".
_SCHOOL_STREET_WORDS = frozenset(["road", "lane", "street", "park", "hall"])


def fold_accents(text: str) -> str:
    """``text`` with each accented Latin letter as its plain letter ("Zoë" as "Zoe"), one character for
    one, so that offsets into it are offsets into ``text``."""
    if text.isascii():
        return text
    return "".join(_plain_letter(ch) if ord(ch) > 127 else ch for ch in text)


def _plain_letter(ch: str) -> str:
    decomposed = unicodedata.normalize("NFKD", ch)
    base = decomposed[:1]
    if len(decomposed) > 1 and base.isascii() and base.isalpha() and all(unicodedata.combining(c) for c in decomposed[1:]):
        return base
    return ch


def _named_hall(name: str, place: str) -> bool:
    """Is "<Word> Hall" a school's own name rather than a hall to hire?"""
    words = name.split()
    return place.lower() == "hall" and len(words) == 2 and words[0] not in _HALL_KINDS and words[0] not in _GENERIC


# Local schools by the names people use (local_schools.txt): "she's at Ribston Hall", "Pate's", "the
# Crypt", "Reuben is at STRS". Each line is a full name, then " | " and short forms; a short form that
# is also a place starts with "~". A one-word form without a vowel is a set of initials ("klb", "clc").
_NEXT_WORD = lazy_compile(r"[ \t]+([A-Za-z][\w'\u2019-]*)")
_TYPE_WORDS_AFTER = lazy_compile(rf"(?:[ \t]+(?:{_TYPE_WORDS}|Sixth[ \t]+Form))+\b")
_INITIAL_SKIP = frozenset(["the", "of", "and", "&", "upon", "on", "under", "in"])
# "Theo's a Marling boy", "she was a Pate's girl": a pupil named by their school.
_IS_A = lazy_compile(r"(?:['\u2019]s|\b(?:is|was|are|were))[ \t]+(?:an?|both)[ \t]+")
_PUPIL_AFTER = lazy_compile(r"[ \t]+(?:boy|girl|pupil|student|lad|kid|sixth[ \t]+former)s?\b", re.IGNORECASE)
_SCHOOL_DAY_EVENT = lazy_compile(
    r"[ \t]+(?:for|to)[ \t]+(?:(?:a|an|the|his|her|their)[ \t]+)?(?:revision|catch[ -]?up|intervention|booster|exam|mock|detention)\b",
    re.IGNORECASE)
_STREET_AFTER = lazy_compile(r"[ \t]+(?:Street|St|Road|Rd|Lane|Avenue|Close|Park|Way|Drive|Crescent|Car[ \t]+Park)\b")
# Where a local school's name follows (local schools only: their names are specific enough that a
# child named earlier in the clause is enough): "Freddie's over at Balcarras", "Is Niamh still at
# Thomas Keble?", "Hugo's been at Dean Close since prep", "Layla's switching to Wyedean".
# A school set against another is the child's too: "Noah's at Crypt now not Ribston", "at Marling
# rather than Archway", "Pittville instead of Bournside".
_LOCAL_LINK = lazy_compile(r"\b(?:at|to|into|from|joined|joining|left|leaving|not|rather[ \t]+than|instead[ \t]+of)[ \t]+")
_SUBJECT_NAME = lazy_compile(
    r"(?:^|(?<=[\s(]))(?P<who>[A-Z][a-z]+)(?:['\u2019]s|[ \t]+(?:has|had|is|was|will|just|now|still|goes|went|started|moved))\b")
_FAMILY_AT_START = lazy_compile(r"\b(?:[Mm]y|[Oo]ur)[ \t]+(?:lad|lass|boy|girl|kids?|children|two|twins|eldest|youngest)\b")
_GROWN_UP_IN_CLAUSE = lazy_compile(
    r"\b(?i:mum|mom|mother|dad|father|parents?|carer|nan|gran|grandad|grandma|uncle|aunt|auntie|teacher|staff|coach)\b")
_NAME_DASH = lazy_compile(r"\b(?P<who>[A-Z][a-z]+)(?:[ \t]+[A-Z]\.?)?[ \t]+[-\u2013\u2014][ \t]+")
_AGE_OR_YEAR_NEXT = lazy_compile(
    r"[ \t]*(?:[,|/(]|[ \t][-\u2013\u2014])[ \t]*(?:(?:Y|Yr|Year)[ \t]*\d{1,2}|\d{1,2}|aged?[ \t]*\d{1,2})(?![\d.:/])", re.IGNORECASE
)
# The writer saying where they are at school (round 25): "im at Balcarras if anyone ...", "i'm at Severn Vale
# too!!", "I'm also at Pate's". Only with a peer cue after (own_school_peer_cues.txt) and no time or event
# right after the school: "I'm at Balcarras all day tomorrow for the workshop" is a grown-up's day out.
_WRITER_IS_AT = lazy_compile(
    r"(?<![\w'\u2019])(?:(?i:i['\u2019]?m|i[ \t]+am)[ \t]+(?:(?i:also|now|still|both)[ \t]+)?"
    # "we're both at Severn Vale": two young people at one school ("we're at X" alone is a team's day out).
    r"|(?i:we['\u2019]?re|we[ \t]+are)[ \t]+(?i:both|all)[ \t]+)(?i:at)[ \t]+")
# "anyone else at Holmleigh Park?": the writer is there and looks for others there.
_ANYONE_ELSE_AT = lazy_compile(
    r"\b(?i:any(?:one|body|1)[ \t]+else|who[ \t]+else)(?:[ \t]+(?i:here|on[ \t]+here))?[ \t]+(?i:at|from|goes[ \t]+to|go[ \t]+to)[ \t]+")
# A day at a school rather than a place at it: "at Balcarras today", "all day tomorrow", "till 4", "setting up".
_TODAY_AFTER = lazy_compile(
    r"[ \t]*,?[ \t]*(?i:today|tomorrow|tonight|this[ \t]+(?:morning|afternoon|evening|week)|all[ \t]+day|till|until|"
    r"from[ \t]+\d|on[ \t]+(?:mon|tues|wednes|thurs|fri|satur|sun)day|setting[ \t]+up|already|right[ \t]+now)\b")
_TIME_ITEM = lazy_compile(r"(?<![\d.:/])\d{1,2}[.:][0-5]\d(?![\d.:/])")
# "a letter for Severn Vale explaining why Millie was out": a child's absence explained to their school.
# Or told directly: "could you email Rednock to say why Kayden missed Thursday?", "ring STRS about her absence".
_LETTER_FOR = lazy_compile(
    r"\b(?i:letter|note|email|e-mail)[ \t]+(?i:for|to)[ \t]+"
    r"|\b(?i:e-?mail(?:ing|ed)?|ring(?:ing)?|phon(?:e|ing)|call(?:ing)?|writ(?:e|ing)[ \t]+to|contact(?:ing)?|tell(?:ing)?|let"
    r"|messag(?:e|ing))[ \t]+(?=[A-Z]|the[ \t]+[A-Z])"
)
# "why Jax missed period 5": whoever was away is named right after "why", whatever their name.
_WHY_SOMEONE = lazy_compile(r"\bwhy[ \t]+[A-Z][a-z]+[ \t]+(?:was|wasn['\u2019]t|is|missed|left|had|didn['\u2019]t|couldn['\u2019]t|has|got)\b")
_ABSENCE = lazy_compile(r"\b(?:why|absen\w*|missed|missing|off|out|away|appointment|late|early)\b", re.IGNORECASE)
# Words a roster school's name may have lost in speech ("Ribston Hall" for Ribston Hall High School,
# "Pate's" for Pate's Grammar School), tried after a short form against the roster's hashes. The
# roster keeps only hashes, so its schools' initials cannot be worked out: local_schools.txt covers those.
_DROPPED_TYPE_WORDS = (" high", " grammar", " academy", " college", " school academy", " community", " community academy",
                       " co operative academy", " high school", " grammar school", " school", " primary", " college school")


def _fold_school(name: str) -> str:
    return " ".join(re.sub(r"['\u2019]", "", name.lower()).split())


def _local_schools(lines) -> tuple[dict[str, bool], frozenset[str], frozenset[str]]:
    """Short forms (folded, to "is also a place"), initials, and the short forms as written."""
    aliases: dict[str, bool] = {}
    written: set[str] = set()
    initials: set[str] = set()
    for line in lines:
        parts = [part.strip() for part in line.split("|") if part.strip()]
        if not parts:
            continue
        full = parts[0].lstrip("~")
        words = [w for w in re.split(r"[ \t-]+", full.lower()) if w and w not in _INITIAL_SKIP]
        own = [w for w in words if w.capitalize() not in _TYPE_WORD_SET]
        for letters in ("".join(w[0] for w in words), "".join(w[0] for w in own)):
            if len(letters) >= 3:
                initials.add(letters.upper())
        for alias in [full, *parts[1:]]:
            place = alias.startswith("~")
            alias = " ".join(alias.lstrip("~").lower().replace("\u2019", "'").split())
            if " " not in alias and not re.search(r"[aeiouy]", alias):
                initials.add(alias.upper())
            else:
                folded = _fold_school(alias)
                aliases[folded] = aliases.get(folded, True) and place
                written.add(alias)
    return aliases, frozenset(initials), frozenset(written)


def _alias_pattern(aliases) -> str:
    parts = []
    for alias in sorted(aliases, key=len, reverse=True):
        # An apostrophe may be curly or left out: "Pate's", "Pate\u2019s", "Pates".
        words = [re.escape(word).replace("'", "['\u2019]?") for word in alias.split()]
        parts.append(r"[ \t]+".join(words))
    # "Cheltenham Ladies'": a possessive plural's apostrophe ends the name.
    return rf"(?:{'|'.join(parts)})['\u2019]?" if parts else r"(?!x)x"


class SchoolDetector:
    def __init__(self, context: CheckContext):
        self._roster: RosterIndex | None = context.roster if context.roster and context.roster.has_schools else None
        self._first_names = FirstNames(entries("forenames", context.extra_terms))
        labels = phrase_pattern(entries("school_form_labels", context.extra_terms))
        # "School: Tewkesbury Academy", "| School: Balcarras |": a form about one young person.
        # The label may say whose or which school ("Attending school:", "Child's school -", "Current
        # secondary school:"), and fields may be split by " / " as people type them in one line
        # ("name - Ollie / age - 13 / school - Saintbridge Academy").
        self._form_line = lazy_compile(
            # "PUPIL: Kai  YEAR: 9  SCHOOL: Severn Vale" (round 26): fields on one line, after a wide gap or, in
            # capitals, after a single space.
            rf"(?:^|(?<=[\n|;,])|(?<=[ \t]/)|(?<=[ \t]{{2}})|(?<=\t)|(?<=\w[ \t])(?=[A-Z]{{2,}}[A-Z' ]*[ \t]*:))[ \t*_]*(?i:(?:{_FORM_LABEL_QUALIFIERS}[ \t]+){{0,2}}(?:{labels})"
            # "School (if applicable):", "School attended (current):"
            rf"(?:[ \t]+(?:attended|attending|name))?(?:[ \t]*\([^()\n]{{1,24}}\))?)[ \t*_]*[:\-\u2013][ \t]*"
            rf"(?P<value>[A-Za-z][^\n|;,]{{1,60}})"
            # A form's question and its answer: "Which school does your child attend? Newent Community School".
            rf"|(?:^|(?<=[\n|;]))[ \t*_]*(?i:(?:which|what)[ \t]+school[^?\n]{{0,40}}\?)[ \t*_]*(?P<answer>[A-Z][^\n|;,]{{1,60}})",
            re.MULTILINE,
        )

        # "Harvey's head of year at X", "referred by the pastoral lead at X": a pupil's school.
        roles = phrase_pattern(entries("school_staff_roles", context.extra_terms))
        # Round 26: the school as the subject doing something with a named child (school_action_verbs.txt).
        actions = phrase_pattern(entries("school_action_verbs", context.extra_terms))
        self._school_acts_on = lazy_compile(
            rf"[ \t]+(?:have|has|are|is|['\u2019]ve)[ \t]+(?:(?:just|now|already|also|finally)[ \t]+)?(?:{actions})[ \t]+"
            r"(?P<who>[A-Z][a-z]+|him|her)\b")
        self._staff_cue = lazy_compile(
            rf"(?:\b[A-Z][a-z]+(?:[ \t]+[A-Z])?['\u2019]s|\b(?i:his|her|their)|\b(?i:referr\w*|via)[ \t]+(?:by[ \t]+)?(?i:the|a))"
            # A subject may come before the role (round 25): "her music teacher at", "Mila's singing teacher at".
            # Or "from" the school: "Ethan's music teacher from Balcarras came to watch".
            rf"[ \t]+(?:[a-z][a-z-]{{1,20}}[ \t]+)?(?i:{roles})[ \t]+(?:at|from)[ \t]+"
        )

        # "Our volunteer Anna Clarke of Pate's": a grown-up named by role (adult_roles.txt) before "X Y of".
        adults = phrase_pattern(entries("adult_roles", context.extra_terms))
        self._adult_named_of = lazy_compile(
            rf"\b(?i:{adults})[ \t]+[A-Z][a-z]+[ \t]+[A-Z][a-z'\u2019-]+[ \t]+of[ \t]+(?:the[ \t]+)?$")
        places = phrase_pattern(entries("not_school_places", context.extra_terms))
        self._place_at_end = lazy_compile(rf"\b(?i:{places})$")
        not_school = phrase_pattern(entries("not_school_context_words", context.extra_terms))
        self._not_school_day = lazy_compile(rf"\b(?:{not_school})\b", re.IGNORECASE)
        calendar = phrase_pattern(entries("school_calendar_words", context.extra_terms))
        self._calendar_word = lazy_compile(rf"\b(?i:{calendar})\b")
        # "Kai said Severn Vale have mocks that week": a school's own calendar, the school the subject.
        self._school_calendar = lazy_compile(
            rf"(?P<school>{_NAME_RUN.pattern})[ \t]+(?:(?:have|has|are[ \t]+having|is[ \t]+having|have[ \t]+got|"
            rf"has[ \t]+got)[ \t]+(?:their[ \t]+|its[ \t]+|an?[ \t]+|the[ \t]+)?)?(?i:{calendar})\b"
        )
        context_words = phrase_pattern(entries("school_context_words", context.extra_terms))
        self._school_day = lazy_compile(rf"\b(?:{context_words})\b", re.IGNORECASE)
        experiences = phrase_pattern(entries("school_experience_cues", context.extra_terms))
        self._experience_cue = lazy_compile(rf"\b(?:{experiences})[ \t]+at[ \t]+")
        journeys = phrase_pattern(entries("school_journey_cues", context.extra_terms))
        self._journey_cue = lazy_compile(rf"\b(?:{journeys})[ \t]+")
        venues = phrase_pattern(entries("school_venue_words", context.extra_terms))
        self._venue_after = lazy_compile(rf"[ \t]+(?i:{venues})\b")
        famous = phrase_pattern(entries("famous_people", context.extra_terms))
        self._famous = lazy_compile(rf"\b(?i:{famous})\b")
        events = phrase_pattern(entries("school_event_words", context.extra_terms))
        self._event = lazy_compile(rf"\b(?i:{events})\b")
        self._event_after = lazy_compile(
            rf"[ \t]+(?i:for|to)[ \t]+(?:(?i:the|a|an|their|our|his|her)[ \t]+)?(?:\w+[ \t]+)?(?i:{events})\b"
            # "a set at X School's summer fair": the school's own event
            rf"|['\u2019]s[ \t]+(?:\w+[ \t]+)?(?i:{events})\b")

        # Someone holding a job there ("is head of music at", "'s a teacher at", "works in the office at");
        # not "Kai's head of year at", where the role is the child's teacher.
        self._works_at_before = lazy_compile(r"\b(?i:works|worked|working|teaches|taught|teaching|is|was|['\u2019]s)\b")
        self._works_at = lazy_compile(
            rf"(?:\b(?i:is|was|works[ \t]+as|worked[ \t]+as)[ \t]+(?:(?i:a|an|the)[ \t]+)?|['\u2019]s[ \t]+(?i:a|an|the)[ \t]+)"
            rf"(?:\w+[ \t]+)?(?i:{roles})[ \t]+(?:(?i:of|for)[ \t]+\w+[ \t]+)?(?i:at|in)[ \t]+(?:(?i:the)[ \t]+)?$"
            rf"|\b(?i:works|worked|working|teaches|taught|teaching)[ \t]+(?:[\w']+[ \t]+){{0,4}}?(?i:at|in|for)[ \t]+(?:(?i:the)[ \t]+)?$"
            # "Sarah Collins, head of music at Marling, joined us": a grown-up's full name and their job there.
            rf"|\b[A-Z][a-z]+[ \t]+[A-Z][a-z'\u2019-]+[ \t]*,[ \t]+(?:(?i:our|the|a|an)[ \t]+)?(?:\w+[ \t]+)?(?i:{roles}|head[ \t]+of[ \t]+\w+)"
            rf"[ \t]+(?:(?i:of|for)[ \t]+\w+[ \t]+)?(?i:at|in)[ \t]+(?:(?i:the)[ \t]+)?$"
        )
        aliases, initials, written = _local_schools(entries("local_schools", context.extra_terms))
        self._local_places = frozenset(alias for alias, place in aliases.items() if place)
        self._local_alias = lazy_compile(rf"(?i:{_alias_pattern(written)})(?![\w'\u2019])")
        self._local_initials = lazy_compile(rf"(?:{'|'.join(sorted(initials, key=len, reverse=True)) or '(?!x)x'})\b")
        self._place_after = lazy_compile(rf"[ \t]+(?i:{places})\b")
        # Round 22: the organisation's own projects (examples/org.yml `projects`, names and aliases) are
        # never a school ("Kit goes to Beat It on Fridays"), and a clause whose subject is one of them
        # ("Audio-Base will be at Cleeve School in March") is the organisation going there, not a child.
        projects = [" ".join(name.split()) for name in context.org_projects if len(name.strip()) > 2]
        self._project_start = lazy_compile(rf"(?i:{phrase_pattern(projects)})(?![\w-])") if projects else None
        self._project_words = frozenset(word for name in projects for word in name.split() if word[:1].isupper())
        self._project_subject = lazy_compile(
            rf"(?<![\w-])(?i:{phrase_pattern(projects)})(?![\w-])[ \t]+(?:is|are|will|['\u2019]s|['\u2019]re|were|was|"
            r"visits|visit|visiting|goes|go|going|comes|come|coming|heads|head|heading|returns|back)\b") if projects else None
        # "He's head of Year 9 at Balcarras": he or she said to hold a job at the school is a grown-up.
        self._holds_school_job = lazy_compile(
            rf"\b(?i:he|she|they)(?:['\u2019]s|['\u2019]re|[ \t]+(?i:is|was|are|were))[ \t]+(?:(?i:the|a|an|our)[ \t]+)?(?i:{roles})\b")
        self._local_alias_possessive = lazy_compile(rf"(?i:{_alias_pattern(written)})(?=['\u2019]s\b)")
        peers = phrase_pattern(entries("own_school_peer_cues", context.extra_terms))
        self._peer_cue = lazy_compile(rf"(?<![\w'\u2019])(?i:{peers})(?![\w'\u2019])")
        # "our new bassist's", "the lad on keys is", "the drummer in Jade's band is": a member said by their part.
        members = phrase_pattern(entries("band_member_words", context.extra_terms))
        self._member_subject = lazy_compile(
            rf"\b(?:(?i:the|our|my|their|his|her)|[A-Z][a-z]+['\u2019]s)[ \t]+(?:(?i:new|other|young|little)[ \t]+)?"
            rf"(?i:{members})(?:[ \t]+(?i:on|in|from)[ \t]+[^,.;:!?\n]{{1,30}}?)?"
            rf"(?:['\u2019]s|[ \t]+(?i:is|was))(?:[ \t]+(?i:now|still|also))?[ \t]*$")
        staff_day = phrase_pattern(entries("staff_day_words", context.extra_terms))
        self._staff_day = lazy_compile(rf"\b(?i:{staff_day})\b")
        cheers = phrase_pattern(entries("school_cheer_openers", context.extra_terms))
        # "(Team Ribston)", or a hashtag run together: "(#TeamPates)".
        self._cheer_opener = lazy_compile(rf"#(?i:{cheers})[ \t]*|(?i:{cheers})[ \t]+")
        # "Leo's Rockschool exam is at Balcarras": an exam board, then "at" the school, is the exam's venue.
        boards = phrase_pattern(entries("exam_boards", context.extra_terms))
        self._exam_board = lazy_compile(rf"\b(?i:{boards})(?![\w&])")
        self._exam_at_before = lazy_compile(
            rf"\b(?i:{boards})(?![\w&])[^.,;:!?()\n]{{0,40}}?\b(?i:at|in)[ \t]+(?:(?i:the)[ \t]+)?$")

    def find(self, doc: Document) -> list[Span]:
        # Round 27: "Zoë Brontë (Sir Thomas Rich's)": a name written with accents is read by its letters, so
        # the rules that look for a capitalised first name see it. One character for one, so spans keep.
        folded = fold_accents(doc.masked)
        if folded != doc.masked:
            doc = Document(folded)
        spans = self._find(doc)
        spans += self._before_a_named_pupil(doc, spans)
        text = doc.masked
        # "I went to Newent Community School myself back in the 90s": the writer's own old school.
        if spans and _WRITERS_OLD_SCHOOL_CUE.search(text):
            spans = [span for span in spans if not _WRITERS_OLD_SCHOOL.search(text, max(0, span.start - 40), span.start)]
        # "Sienna's cousin is head of music at Bournside School", "my husband works at Marling": a
        # grown-up's workplace, whoever else the sentence names.
        if spans and (self._works_at_before.search(text) or "," in text):
            spans = [span for span in spans if not self._works_at.search(text, max(0, span.start - 60), span.start)]
        # "the Stroud High Street market", "Balcarras Road": a street named after the school.
        spans = [span for span in spans if not _STREET_AFTER.match(text, span.end)]
        # "Concert is at Severn Vale School hall": the school is a place to go, not a child's school.
        spans = [span for span in spans if not self._venue_after.match(text, span.end)]
        if " for " in text:
            spans += self._school_run_for_a_child(doc, spans)
        # One of the organisation's own projects is where the child goes to us, not a school, nor is a
        # span that starts with one and goes on with no school word ("attends Audio-Base on Mondays").
        spans = [span for span in spans if not self._is_our_project(text, span)]
        if spans and self._exam_board.search(text):
            spans = [span for span in spans if not self._exam_at_before.search(text, max(0, span.start - 60), span.start)]
        # "Ed Sheeran went to Thomas Mills High School": a famous person's school (famous_people.txt).
        if spans and self._famous.search(text):
            # Not where a school year stands beside the school ("Tom Jones (Y10, Chosen Hill)", round 27): a pupil
            # who shares a famous name.
            spans = [span for span in spans
                     if _YEAR_BESIDE_SCHOOL.search(text, max(0, span.start - 16), span.start)
                     or not self._famous.search(text, max(doc.sentence_bounds(span.start)[0], span.start - 40), span.start)]
        return spans

    def _is_our_project(self, text: str, span: Span) -> bool:
        """Is the span one of our projects, alone or followed only by words that are no school's?"""
        if self._project_start is None:
            return False
        project = self._project_start.match(text, span.start, span.end)
        if project is None:
            return False
        return not any(word in _TYPE_WORD_SET for word in re.findall(r"[\w']+", text[project.end():span.end]))

    def _names_a_child(self, doc: Document, start: int, end: int, reach: int | None = None) -> bool:
        """Does the sentence around text[start:end] name a child: a first name, "Aiden (13)", he or she?
        With ``reach``, only that many characters either side are read, so that a caller asking once per
        school in a long run-on text costs time in proportion to its length."""
        text = doc.masked
        sentence_start, sentence_end = doc.sentence_bounds(start, end)
        if reach is not None:
            sentence_start, sentence_end = max(sentence_start, start - reach), min(sentence_end, end + reach)
        if _CHILD_IN_SENTENCE.search(text, sentence_start, sentence_end):
            return True
        return any(w.group().lower() in self._first_names
                   for w in _CAPITALISED_WORD.finditer(text, sentence_start, sentence_end))

    def _before_a_named_pupil(self, doc: Document, found: list[Span]) -> list[Span]:
        """"Sir Thomas Rich's School pupil Zoë Brontë has won", "Balcarras student Kacey": the school
        said as the named pupil's own, right before them. Not "Cleeve School pupils" (a group)."""
        text = doc.masked
        if not any(word in text.lower() for word in ("pupil", "student", "former", "head ", "scholar", "leaver")):
            return []
        spans = []
        # Where a school is already found, one flag a character: overlaps are checked in the span's length.
        covered = bytearray(len(text) + 1)
        for span in found:
            covered[span.start:span.end] = b"\x01" * (span.end - span.start)
        names = [m for m in _SCHOOL_NAME.finditer(text)]
        names += [m for m in self._local_alias.finditer(text) if m.group()[:1].isupper()]
        for match in names:
            pupil = _PUPIL_NAMED_AFTER.match(text, match.end())
            if pupil is None or pupil.group("who") in NOT_A_NAME or pupil.group("who") in _GENERIC:
                continue
            start = match.start()
            # "Congrats to Pate's Grammar School": the name starts at its first word that is not a greeting.
            words = list(re.finditer(r"\S+", match.group()))
            while len(words) > 1 and words[0].group() in NOT_A_NAME:
                words.pop(0)
                start = match.start() + words[0].start()
            own = [w for w in text[start:match.end()].split() if w not in _TYPE_WORD_SET]
            if not own or all(w.strip(".") in _GENERIC for w in own):
                continue
            if any(covered[start:match.end()]):
                continue
            covered[start:match.end()] = b"\x01" * (match.end() - start)
            spans.append(Span(Kind.SCHOOL, start, match.end()))
        return spans

    def _untitled_first_name(self, clause: str) -> bool:
        """A first name people have in the clause, not a grown-up's surname after a title: "Mr Harris from
        Balcarras School who organised the trip" is a teacher (round 18), "Harris from Balcarras" a pupil."""
        return any(w.group().lower() in self._first_names and w.group() not in NOT_A_NAME
                   and not _TITLE_BEFORE.search(clause, max(0, w.start() - 8), w.start())
                   for w in _CAPITALISED_WORD.finditer(clause))

    def _linked_to_a_child(self, doc: Document) -> list[Span]:
        """A named school ("... School", "... Primary") that the sentence ties to a particular child by
        "at", "from", "to", "left" or "into", whatever words come between: "Evie is a year 10 at X",
        "Zara boards at X", "Tilly's teacher from X emailed", "Kian's off to X in September", "since
        she left X". Not where the child only goes to do something ("Amy is performing at X",
        school_event_words.txt), not the writer's own ("I taught at X"), and not a group ("any kids
        from X"): the sentence must name the child (a first name, he or she, "her son")."""
        text = doc.masked
        spans = []
        for match in _SCHOOL_NAME.finditer(text):
            link = _LINK_BEFORE_SCHOOL.search(text, max(0, match.start() - 12), match.start())
            if link is None:
                continue
            own_words = [w for w in match.group().split() if w not in _TYPE_WORD_SET]
            if not own_words or all(w.strip(".") in _GENERIC for w in own_words) or own_words[0] in NOT_A_NAME:
                continue
            sentence_start, _ = doc.sentence_bounds(match.start())
            clause_start = max(sentence_start, link.start() - _CLAUSE_WINDOW)
            clause = text[clause_start:link.start()]
            if _WRITER.search(clause) or self._event.search(clause) or self._event_after.match(text, match.end()) \
                    or _EVENING_AFTER.match(text, match.end()):
                continue
            if not (_CHILD_WORD.search(clause) or self._untitled_first_name(clause)):
                continue
            spans.append(Span(Kind.SCHOOL, match.start(), match.end()))
        return spans

    def _school_with_a_named_child(self, doc: Document) -> list[Span]:
        """Round 26: a school said to do something with a named child ("Balcarras have got him on the
        geography trip"), and a young person "currently at" a school or college (named in the sentence).
        "Three Year 10 students from X" and "X have booked the studio" name no child."""
        text = doc.masked
        spans = []
        names = [m for m in _SCHOOL_NAME.finditer(text)]
        names += [m for m in self._local_alias.finditer(text) if m.group()[:1].isupper()]
        for match in names:
            # "So Tewkesbury Academy are sending him": a sentence's opening word is not the school's, but a
            # town's or county's name may start one ("Gloucestershire College"), so only words before the
            # last of the name's own words are dropped.
            words = list(re.finditer(r"\S+", match.group()))
            while len([w for w in words if w.group() not in _TYPE_WORD_SET]) > 1 and words[0].group() in NOT_A_NAME:
                words.pop(0)
            start = match.start() + words[0].start()
            own_words = [w.group() for w in words if w.group() not in _TYPE_WORD_SET]
            if not own_words or all(w.strip(".") in _GENERIC for w in own_words):
                continue
            if _CURRENTLY_AT.search(text, max(0, start - 24), start) \
                    and not _TITLE_BEFORE.search(text, max(0, start - 60), start) \
                    and self._names_a_child(doc, start, match.end(), _CHILD_REACH):
                spans.append(Span(Kind.SCHOOL, start, match.end()))
                continue
            acts = self._school_acts_on.match(text, match.end())
            if acts is not None:
                who = acts.group("who")
                if (who.lower() in _OBJECT_PRONOUNS and self._names_a_child(doc, start, acts.end(), _CHILD_REACH)) \
                        or (who.lower() in self._first_names and who not in NOT_A_NAME):
                    spans.append(Span(Kind.SCHOOL, start, match.end()))
        return spans

    def _school_calendars(self, doc: Document) -> list[Span]:
        text = doc.masked
        spans = []
        for found in self._school_calendar.finditer(text):
            # "Tilly's mock exams": a child's own calendar, whose name may be in the possessive.
            words = [re.sub(r"['\u2019]s$", "", word) for word in found.group("school").split()]
            # "Ethan has mocks" is a child's calendar; "Gloucestershire schools break up" a county's.
            if words[0] in NOT_A_NAME or words[0] in _GENERIC or (len(words) == 1 and words[0].lower() in self._first_names):
                continue
            if len(words) == 1 and words[0].lower() in _PRONOUNS:
                continue
            # "their Grade 5 Rockschool exams": an exam board's exams (exam_boards.txt), not a school's.
            if self._exam_board.fullmatch(found.group("school").strip()):
                continue
            if self._names_a_child(doc, found.start(), found.end()):
                spans.append(Span(Kind.SCHOOL, *found.span("school")))
        return spans

    def _where_a_child_is(self, doc: Document) -> list[Span]:
        """"he's at Marling", "Dominic goes to STRGS so he finishes at 3:35": a school without
        "School" in its name, where a named child is on a school day."""
        text = doc.masked
        spans = []
        for cue in _CHILD_AT.finditer(text):
            who = cue.group("who")
            if who.lower() not in _PRONOUNS and who.lower() not in self._first_names:
                continue
            run = _ACRONYM.match(text, cue.end()) or _NAME_RUN.match(text, cue.end())
            if run is None:
                continue
            words = run.group().split()
            # "at Cheltenham" is a town; "at Cheltenham Bournside" a school.
            if words[0] in _GENERIC or (len(words) == 1 and words[0].rstrip(".,") in NOT_A_NAME):
                continue
            name = run.group().rstrip(".,")
            place = self._place_at_end.search(name)
            if place is not None and not _named_hall(name, place.group()):
                continue  # "at Cheltenham Town Hall", "at Kings Square": a place, not a school
            sentence_start, sentence_end = doc.sentence_bounds(cue.start(), run.end())
            if self._not_school_day.search(text, sentence_start, sentence_end):
                continue
            if any(not (run.start() <= m.start() < run.end())
                   for m in self._school_day.finditer(text, sentence_start, sentence_end)) \
                    or self._moved_from_a_school(doc, sentence_start, sentence_end, run.start()):
                spans.append(Span(Kind.SCHOOL, run.start(), run.end() - len(run.group()) + len(run.group().rstrip(".,"))))
        return spans

    def _find(self, doc: Document) -> list[Span]:
        text = doc.masked
        spans = self._form_lines(text) if ":" in text or "-" in text or "?" in text else []
        if "," in text or "-" in text or "|" in text or "\u2013" in text or "\u2014" in text:
            spans += self._record_lines(doc)
        # Where a cue ends, a school's name may begin. Most texts have no cue and stop here.
        cue_ends = [end for end in _cue_ends(text, doc.lowered, doc, self._end_of_school_list, self._first_names,
                                               self._project_words)
                    if not self._adult_named_of.search(text, max(0, end - 60), end)]
        if " at " in text:
            cue_ends = sorted(set(cue_ends) | {m.end() for m in self._staff_cue.finditer(text)}
                              | {m.end() for m in _LOWER_NAME_AT.finditer(text) if m.group("who") in self._first_names}
                              | {m.end() for m in self._experience_cue.finditer(doc.lowered or text)
                                 if _EXPERIENCE_SUBJECT_BEFORE.search(text, max(0, m.start() - 60), m.start())
                                 and self._names_a_child(doc, m.start(), m.end())})
        if " from " in text:
            cue_ends = sorted(set(cue_ends) | {m.end() for pattern in (_MOVING_FROM, _MOVING_FROM_TO)
                                               for m in pattern.finditer(text) if m.group("who") not in NOT_A_NAME}
                              | {m.end() for m in self._journey_cue.finditer(doc.lowered or text)
                                 if self._names_a_child(doc, m.start(), m.end())}
                              | {m.end() for m in self._staff_cue.finditer(text)})
        if " from " in text or " at " in text:
            cue_ends = sorted(set(cue_ends) | {m.end() for m in _COLLECTED.finditer(text)
                                               if (m.group("who") or m.group("dropped")).lower() in _OBJECT_PRONOUNS
                                               or (m.group("who") or m.group("dropped")).lower() in self._first_names})
        found_here = []
        if (" at " in text or " to " in text) and (self._school_day.search(text) or self._moved_from_a_school(doc, 0, len(text))):
            found_here = self._where_a_child_is(doc)
        spans += found_here
        if self._calendar_word.search(text):
            spans += self._school_calendars(doc)
        if _TYPE_WORD_LOWER.search(doc.lowered if doc.lowered is not None else text.lower()):
            spans += self._linked_to_a_child(doc)
        if _ABSENCE.search(text):
            told = {m.end() for m in _LETTER_FOR.finditer(text)
                    if (self._names_a_child(doc, m.start(), m.end()) or _WHY_SOMEONE.search(text, *doc.sentence_bounds(m.start(), m.end())))
                    and _ABSENCE.search(text, *doc.sentence_bounds(m.start(), m.end()))}
            cue_ends = sorted(set(cue_ends) | told)
            # A child's absence explained to a school names it even when it is also a place ("Pittville").
            spans += [span for position in told if (span := self._local_school_at(doc, position, True)) is not None]
        if " at " in text:
            cue_ends = sorted(set(cue_ends) | {m.end() for m in _FAMILY_AT.finditer(text)})
        if "-" in text or "\u2013" in text or "\u2014" in text:
            spans += self._local_after_name_dash(doc)
        spans += self._said_of_a_named_child(doc)
        spans += self._school_with_a_named_child(doc)
        if " at " in text or " else " in text:
            spans += self._writers_own_school(doc)
        if any(word in text for word in (" at ", " to ", " from ", " into ", " left ", " joined ", " joining ", " leaving ")):
            spans += self._local_linked(doc)
        if " a " in text or " an " in text or " both " in text:
            spans += [local for cue in _IS_A.finditer(text)
                      if (local := self._local_school_at(doc, cue.end(), True)) is not None and _PUPIL_AFTER.match(text, local.end)
                      and self._names_a_child(doc, cue.start(), local.end)]
        if not cue_ends:
            return spans
        spans += [span for position in cue_ends if (span := self._local_school_at(doc, position)) is not None]
        for match in _SCHOOL_NAME.finditer(text):
            # The name pattern may have swallowed words before the cue ("Students of St Peter's
            # High School"): the school's name starts at the first cue end inside the match.
            i = bisect_left(cue_ends, match.start())
            if i == len(cue_ends) or cue_ends[i] >= match.end():
                continue
            start = cue_ends[i]
            own_words = [w for w in text[start:match.end()].split() if w not in _TYPE_WORD_SET]
            if own_words and not all(w.strip(".") in _GENERIC for w in own_words):
                spans.append(Span(Kind.SCHOOL, start, match.end()))
        if self._roster is not None:
            spans += self._roster_schools(text, cue_ends)
        spans += self._after_school_only_cues(doc, spans)
        if " at " in text or " from " in text:
            spans += self._after_staff_cues(text, spans)
        return spans

    def _local_school_at(self, doc: Document, position: int, school_line: bool = False) -> Span | None:
        """A local school by the name people use (local_schools.txt), starting at ``position`` (a cue's end):
        "Ribston Hall", "the Crypt", "Pate's", "STRS". Not a longer name or a place that starts the same
        way ("Pittville Pump Room", "Denmark Road car park", "Stroud High Street"). A short form that is
        also a place ("Cleeve") needs a school day in the sentence, or a register line with a time or a
        school year (``school_line``)."""
        text = doc.masked
        found = self._local_alias.match(text, position) or self._local_initials.match(text, position)
        if found is None and (the := _THE.match(text, position)) is not None:
            found = self._local_alias.match(text, the.end()) or self._local_initials.match(text, the.end())
        if found is None:
            return None
        end = found.end()
        if (type_words := _TYPE_WORDS_AFTER.match(text, end)) is not None:
            end = type_words.end()
        elif self._place_after.match(text, end) or self._venue_after.match(text, end):
            return None
        following = _NEXT_WORD.match(text, end)
        if following is not None and following.group(1)[0].isupper() and following.group(1) not in NOT_A_NAME \
                and following.group(1) not in _TYPE_WORD_SET:
            return None
        # "went to Balcarras for the open evening", "was at Marling last night": an event there.
        # A revision session or a detention is the school's own day, not an event held there.
        if (self._event_after.match(text, end) and not _SCHOOL_DAY_EVENT.match(text, end)) or _EVENING_AFTER.match(text, end):
            return None
        if _fold_school(found.group()) in self._local_places:
            if not found.group()[0].isupper():
                return None
            if not school_line:
                sentence_start, sentence_end = doc.sentence_bounds(found.start(), end)
                if not (self._school_day.search(text, sentence_start, sentence_end)
                        or self._moved_from_a_school(doc, sentence_start, sentence_end, found.start())) \
                        or self._not_school_day.search(text, sentence_start, sentence_end):
                    return None
        return Span(Kind.SCHOOL, found.start(), end)

    def _moved_from_a_school(self, doc: Document, start: int, end: int, besides: int = -1) -> bool:
        """Does text[start:end] say someone moved from or left a school that is no place too ("moved from
        Severn Vale in jan", "left Chosen Hill School")? (Not the name at ``besides`` itself.)"""
        text = doc.masked
        for move in _MOVED_AWAY_FROM.finditer(text, start, end):
            if move.end() == besides:
                continue
            school = _SCHOOL_NAME.match(text, move.end()) or self._local_alias.match(text, move.end())
            if school is not None and school.group()[:1].isupper() and _fold_school(school.group()) not in self._local_places:
                return True
        return False

    def _roster_name_goes_on(self, text: str, end: int) -> bool:
        if self._place_after.match(text, end) or self._venue_after.match(text, end):
            return True
        following = _NEXT_WORD.match(text, end)
        return following is not None and following.group(1)[0].isupper() and following.group(1) not in NOT_A_NAME \
            and following.group(1) not in _TYPE_WORD_SET

    def _local_linked(self, doc: Document) -> list[Span]:
        """A local school after "at", "to", "into" or "from", in a clause that names a child before it and
        is not about an event there, a grown-up, or the writer ("we played at Marling")."""
        text = doc.masked
        spans = []
        for link in _LOCAL_LINK.finditer(text):
            local = self._local_school_at(doc, link.end())
            if local is None:
                continue
            sentence_start, _ = doc.sentence_bounds(link.start())
            clause = text[max(sentence_start, link.start() - _CLAUSE_WINDOW):link.start()]
            # (An event right after the name, "for the open evening", is ruled out in _local_school_at.)
            if _WRITER.search(clause) or self._event.search(clause) or _GROWN_UP_IN_CLAUSE.search(clause) \
                    or self._holds_school_job.search(clause):
                continue
            if self._project_subject is not None and self._project_subject.search(clause):
                continue  # "Beat It are running a taster at Cleeve": the organisation visiting
            if _CHILD_WORD.search(clause) or _FAMILY_AT_START.search(clause) or self._untitled_first_name(clause) \
                    or self._subject_named(clause):
                spans.append(local)
            # "our new bassist's at Pate's" (round 25): a member said by their part, not on a day out there.
            elif link.group().startswith("at") and self._member_subject.search(clause) \
                    and not _TODAY_AFTER.match(text, local.end):
                spans.append(local)
        return spans

    def _writers_own_school(self, doc: Document) -> list[Span]:
        """The writer's own school, said to find others there (round 25): "im at Balcarras if anyone fancies
        a lift", "i'm at Severn Vale too!!", "anyone else at Holmleigh Park?". Not the writer's day at a
        school ("I'm at Balcarras all day tomorrow for the workshop", "im at X this afternoon running ...")."""
        text = doc.masked
        spans = []
        for cue in _ANYONE_ELSE_AT.finditer(text):
            local = self._local_school_at(doc, cue.end())
            if local is not None and not _TODAY_AFTER.match(text, local.end):
                spans.append(local)
        for cue in _WRITER_IS_AT.finditer(text):
            # "we're both at X" is two young people at one school, said so; "I'm at X" needs more (below).
            together = cue.group()[:2].lower() == "we"
            local = self._local_school_at(doc, cue.end())
            if local is None or _TODAY_AFTER.match(text, local.end):
                continue
            _, sentence_end = doc.sentence_bounds(local.start, local.end)
            # "too!!" ends a sentence of its own: the peer cue may follow the sentence's full stop closely.
            # A school day said after the school ("I'm at Pate's, year 8") makes it the writer's school too.
            # Read only so far past the school, so that a long run-on text costs time in proportion to its length.
            after_end = min(len(text), max(min(sentence_end, local.end + _CLAUSE_WINDOW), local.end + 12))
            if self._staff_day.search(text, local.end, after_end):
                continue  # "I'm at Chosen Hill, covering the Year 9 band": the writer's working day there
            if together or self._peer_cue.search(text, local.end, after_end) or self._school_day.search(text, local.end, after_end):
                spans.append(local)
        return spans

    def _subject_named(self, clause: str) -> bool:
        """"Rafe has just joined": a capitalised word as the subject of a verb is a name even when the
        forenames list lacks it; not a school or a word that is no name ("Marling has", "Sorry is")."""
        for subject in _SUBJECT_NAME.finditer(clause):
            who = subject.group("who")
            if who not in NOT_A_NAME and who not in _GENERIC and who not in _TYPE_WORD_SET \
                    and who not in self._project_words and self._local_alias.fullmatch(who) is None:
                return True
        return False

    def _school_at_or_possessive(self, doc: Document, position: int, school_line: bool) -> Span | None:
        """A school's name at ``position``: a local one ("Severn Vale", "Holmleigh Park's" without its
        "'s"), or a full one ("Oxstalls Academy")."""
        text = doc.masked
        if (the := _THE.match(text, position)) is not None:
            position = the.end()
        possessive = self._local_alias_possessive.match(text, position)
        if possessive is not None and possessive.group()[:1].isupper() and (
                school_line or _fold_school(possessive.group()) not in self._local_places):
            return Span(Kind.SCHOOL, possessive.start(), possessive.end())
        local = self._local_school_at(doc, position, school_line)
        if local is not None:
            return local
        named = _SCHOOL_NAME.match(text, position)
        if named is not None and not all(w.strip(".") in _GENERIC or w in _TYPE_WORD_SET for w in named.group().split()):
            return Span(Kind.SCHOOL, named.start(), named.end())
        return None

    def _said_of_a_named_child(self, doc: Document) -> list[Span]:
        """A school said as a named child's in ways the cues above miss: a nickname in brackets ("Reuben
        (Beaufort's finest)"), a referral or an exclusion ("Aisha was referred by Holmleigh Park's
        pastoral team"), and the school year of a register just given ("Harper, Jess; Doyle, Connor. All
        yr 8 from Archway")."""
        text = doc.masked
        spans = []
        if "(" in text:
            for bracket in _NAME_IN_BRACKETS.finditer(text):
                who = bracket.group("who")
                if who in NOT_A_NAME or _TITLE_BEFORE.search(text, max(0, bracket.start() - 8), bracket.start()):
                    continue
                possessive = self._local_alias_possessive.match(text, bracket.end())
                if possessive is not None and possessive.group()[:1].isupper() \
                        and _fold_school(possessive.group()) not in self._local_places:
                    spans.append(Span(Kind.SCHOOL, possessive.start(), possessive.end()))
                # "Cerys (Team Ribston!)" (round 25): the school cheered in brackets after a name is the child's.
                cheer = self._cheer_opener.match(text, bracket.end())
                if cheer is not None and (local := self._local_school_at(doc, cheer.end(), True)) is not None \
                        and _BRACKET_CLOSES.match(text, local.end):
                    spans.append(local)
            spans += self._school_in_brackets(doc)
        for referred in _REFERRED.finditer(text):
            if not self._names_a_child(doc, referred.start(), referred.end()):
                continue
            sentence_start, _ = doc.sentence_bounds(referred.start())
            clause = text[max(sentence_start, referred.start() - _CLAUSE_WINDOW):referred.start()]
            if _WRITER.search(clause) and not _CHILD_WORD.search(clause):
                continue
            if (school := self._school_at_or_possessive(doc, referred.end(), True)) is not None:
                spans.append(school)
        for register in _ALL_OF_THEM_FROM.finditer(text):
            before = text[max(0, register.start() - 200):register.start()]
            if any(w.group().lower() in self._first_names for w in _CAPITALISED_WORD.finditer(before)):
                if (school := self._school_at_or_possessive(doc, register.end(), True)) is not None:
                    spans.append(school)
        return spans

    def _school_in_brackets(self, doc: Document) -> list[Span]:
        """The word "school" and a school's name, one in brackets after the other, in a sentence that names a
        child (round 21): "Concern re Tia Gould: school (Severn Vale) informed", "spoke to Cleeve (his
        school)", "Denmark Road (Amelia's school)". Said so, even a name that is also a place is the school.
        "The school (Balcarras) has a big hall" names no child: a venue."""
        text = doc.masked
        spans = []
        names_a_child: dict[tuple[int, int], bool] = {}  # by sentence, so a long run-on text is read once
        for bracket in _SCHOOL_THEN_NAME.finditer(text):
            school = self._school_at_or_possessive(doc, bracket.end(), True)
            if school is None and (run := _name_after_cue(text, bracket.end(), spans)) is not None:
                school = Span(Kind.SCHOOL, run.start(), run.end())
            if school is None or not _CLOSING_BRACKET.match(text, school.end):
                continue
            sentence = doc.sentence_bounds(bracket.start(), school.end)
            if sentence not in names_a_child:
                names_a_child[sentence] = self._names_a_child(doc, bracket.start(), school.end)
            if names_a_child[sentence]:
                spans.append(school)
        for whose in _WHOSE_SCHOOL_IN_BRACKETS.finditer(text):
            run = _SCHOOL_RUN_BEFORE.search(text, max(0, whose.start() - 60), whose.start())
            if run is None or run.group("first") in NOT_A_NAME or run.group("first") in _GENERIC:
                continue
            if whose.group("who") is not None and whose.group("who") in NOT_A_NAME:
                continue
            spans.append(self._school_ending_run(doc, run.start(), run.end("run")))
        return spans

    def _school_ending_run(self, doc: Document, start: int, end: int) -> Span:
        """The school's name at the end of a run of capitalised words: "Rang Balcarras" is Balcarras. A school
        we know by name wins; else a sentence's capitalised first word is not part of the name."""
        text = doc.masked
        for word in _WORD_START.finditer(text, start, end):
            school = self._school_at_or_possessive(doc, word.start(), True)
            if school is not None and school.end == end:
                return school
        words = text[start:end].split()
        sentence_start = doc.sentence_bounds(start)[0]
        if len(words) > 1 and not words[0].startswith("St") and not text[sentence_start:start].strip():
            start = text.index(words[1], start + len(words[0]))
        return Span(Kind.SCHOOL, start, end)

    def _school_run_for_a_child(self, doc: Document, found: list[Span]) -> list[Span]:
        """"pick-up from Severn Vale gates at 3.20 for Kai": a school run for a named child names their
        school, even with the gates or the office after its name."""
        text = doc.masked
        spans = []
        for pick_up in _PICK_UP_FROM.finditer(text):
            position = pick_up.end()
            if (the := _THE.match(text, position)) is not None:
                position = the.end()
            school = self._local_alias.match(text, position) or _SCHOOL_NAME.match(text, position)
            if school is None or not school.group()[:1].isupper() or any(
                    s.start < school.end() and school.start() < s.end for s in found):
                continue
            if all(w.strip(".") in _GENERIC or w in _TYPE_WORD_SET for w in school.group().split()):
                continue
            who = _FOR_SOMEONE_LATER.match(text, school.end())
            if who is None or who.group("who").lower() not in self._first_names or who.group("who") in NOT_A_NAME:
                continue
            spans.append(Span(Kind.SCHOOL, school.start(), school.end()))
        return spans

    def _local_after_name_dash(self, doc: Document) -> list[Span]:
        """"new lad Reece - Oxstalls, 12, beatboxer": a local school right after a first name and a dash
        in the middle of a line, with an age or a school year as the next item."""
        text = doc.masked
        spans = []
        for dash in _NAME_DASH.finditer(text):
            if dash.group("who").lower() not in self._first_names:
                continue
            local = self._local_school_at(doc, dash.end(), True)
            # "Ollie - Maidenhill lad, yr 10": called the school's pupil, or a school year next.
            if local is not None and (_AGE_OR_YEAR_NEXT.match(text, local.end) or _PUPIL_AFTER.match(text, local.end)):
                spans.append(local)
        return spans

    def _after_staff_cues(self, text: str, found: list[Span]) -> list[Span]:
        """"her teacher at Denmark Road", "Maya B's head of year at Pittville": a pupil's teacher is at
        their school, whatever its name ends with."""
        spans = []
        for cue in self._staff_cue.finditer(text):
            run = _name_after_cue(text, cue.end(), found)
            if run is None:
                continue
            name = run.group().rstrip(".,")
            place = self._place_at_end.search(name)
            if place is not None and place.group().lower() not in _SCHOOL_STREET_WORDS:
                continue  # "her drama teacher at the Everyman Theatre"; but "at Denmark Road", "at Cleeve Park"
            spans.append(Span(Kind.SCHOOL, run.start(), run.start() + len(name)))
        return spans

    def _end_of_school_list(self, text: str, start: int) -> int:
        """Where the schools listed from ``start`` end: at the first item that is a person's first name
        ("The Crypt School, Amy and Kai")."""
        end = start
        for item in _school_list_items(text, start):
            if item.group().split()[0].lower() in self._first_names:
                break
            end = item.end()
        return end

    def _record_lines(self, doc: Document) -> list[Span]:
        text = doc.masked
        spans = []
        for record in _RECORD_START.finditer(text):
            line_end = text.find("\n", record.end())
            # A record's items are read only so far along its line: one long line of many records
            # ("Priya, 14, and Priya, 14, and ...") would otherwise be read again from each record.
            line_end = min(len(text) if line_end < 0 else line_end, record.end() + _RECORD_REACH)
            # "Tariq | Y9 | Cleeve School": a name the forenames list lacks, on a line with a school year
            # or an age, is still a young person's record.
            first = record.group("first") or record.group("given").split("-")[0]
            if first.lower() not in self._first_names \
                    and not _YEAR_OR_AGE_ITEM.search(text, record.start(), line_end):
                continue
            # "Tom J - Chosen Hill - Y8 - drums": beside a school year, a place's name is the school.
            school_year = _SCHOOL_YEAR_ITEM.search(text, record.end(), line_end)
            item_start = record.end()
            for separator in [*_RECORD_SEPARATOR.finditer(text, record.end(), line_end), None]:
                item_end = separator.start() if separator is not None else line_end
                item = text[item_start:item_end].rstrip(" \t.!'\"\u2019\u201d)")
                school = _SCHOOL_NAME.fullmatch(item)
                named_school = school is not None and not all(
                    w.strip(".") in _GENERIC or w in _TYPE_WORD_SET for w in item.split())
                if named_school or (school_year is not None and self._school_like(item)):
                    spans.append(Span(Kind.SCHOOL, item_start, item_start + len(item)))
                elif item and (local := self._local_school_at(
                        doc, item_start, school_year is not None or _TIME_ITEM.search(text, record.end(), line_end) is not None
                        or _YEAR_OR_AGE_ITEM.search(text, record.start(), line_end) is not None)) \
                        and local.end >= item_start + len(item):
                    # "Freya - Balcarras, 3.20", "Harry, 14, Marling - drums": a local school as a whole item.
                    spans.append(local)
                if separator is not None:
                    item_start = separator.end()
        return spans

    def _school_like(self, item: str) -> bool:
        """A name of two or more capitalised words that is no person, place to hire or generic word."""
        if _CAPITALISED_RUN.fullmatch(item) is None:
            return False
        words = item.split()
        if len(words) < 2 or any(w in NOT_A_NAME or w in _GENERIC for w in words):
            return False
        if words[0].lower() in self._first_names:
            return False  # "Amy Brown": a person
        place = self._place_at_end.search(item)
        return place is None or _named_hall(item, place.group())

    def _form_lines(self, text: str) -> list[Span]:
        spans = []
        for line in self._form_line.finditer(text):
            start, end = line.span("value") if line.group("value") is not None else line.span("answer")
            # A wide gap ends a field typed on one line with others ("SCHOOL: Severn Vale  CONSENT: Y").
            value = re.split(r"[ \t]+/[ \t]|[ \t]{2,}|\t", text[start:end], maxsplit=1)[0].rstrip(" \t.")
            # In lower case, only a value that says it is a school: "school: churchdown school academy",
            # not "school: closed on friday".
            if value[:1].islower() and not _TYPE_WORD_LOWER.search(value):
                continue
            # "Education: Year 9, Chipping Sodbury School": past the school year to the school.
            year = _YEAR_THEN_ITEM.match(text, start)
            if year is not None and line.group("value") is not None:
                start = year.end()
                value = re.split(r"[ \t]+/[ \t]|[\n|;,]", text[start:start + 60], maxsplit=1)[0].rstrip(" \t.")
            if value and not _NOTHING.match(value):
                spans.append(Span(Kind.SCHOOL, start, start + len(value)))
        return spans

    def _after_school_only_cues(self, doc: Document, found: list[Span]) -> list[Span]:
        text = doc.masked
        lowered = doc.lowered if doc.lowered is not None else text.lower()
        if len(lowered) != len(text):
            return []
        spans = []
        for cue in _SCHOOL_ONLY_CUE.finditer(lowered):
            if not _one_pupil_named(text, cue, doc, self._end_of_school_list):
                continue
            run = _name_after_cue(text, cue.end(), found)
            if run is None:
                continue
            spans.append(Span(Kind.SCHOOL, run.start(), run.end() - len(run.group()) + len(run.group().rstrip(".,"))))
        return spans

    def _roster_schools(self, text: str, cue_ends: list[int]) -> list[Span]:
        """A roster participant's school named right after a cue, however it ends ("Pate's Grammar")."""
        assert self._roster is not None
        found = []
        for position in cue_ends:
            # Any case: the roster's hash decides, so "she's at pate's grammar" is found too.
            run = _ANY_CASE_RUN.match(text, position)
            if run is None:
                continue
            word_ends = [position + m.end() for m in re.finditer(r"\S+", run.group())][:MAX_SCHOOL_WORDS]
            for end in reversed(word_ends):  # longest name first
                candidate = text[position:end].rstrip(".,-\u2013\u2014 \t")  # not "Chosen Hill -"
                normalised = normalise_school(candidate)
                if normalised and self._roster.is_school(normalised):
                    # "Kai was at Chosen Hill Park": a longer name or a place that starts like the school.
                    if self._roster_name_goes_on(text, position + len(candidate)):
                        break
                    found.append(Span(Kind.SCHOOL, position, position + len(candidate)))
                    break
                # A roster school said without its last words: "Ribston Hall" (High School), "Pate's"
                # (Grammar School). Only a name of two words or more, or one in the possessive, so that
                # a town ("at Stroud" for Stroud High School) is not read as the school.
                if normalised and (" " in normalised or "'" in candidate or "\u2019" in candidate) \
                        and candidate[:1].isupper() and not self._place_after.match(text, position + len(candidate)) \
                        and not self._venue_after.match(text, position + len(candidate)) \
                        and any(self._roster.is_school(normalised + suffix) for suffix in _DROPPED_TYPE_WORDS):
                    found.append(Span(Kind.SCHOOL, position, position + len(candidate)))
                    break
        return found


# The start of a register or referral line: a name, then a comma or a dash ("Ollie Price - ",
# "'Phoebe Larkworthy, ", "Referral: Jasmine, "). A quote's attribution is one too: "'Before Beat It I
# never left my room' – Lily Fairbanks, Stroud High School" says who said it and where they are at school.
_DOB_ITEM = r"(?i:d\.?o\.?b\.?|born|b\.)[ \t:]*\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}"
_RECORD_START = lazy_compile(
    # Round 27: a bulleted line ("- Sophie Reid, 16, X: completed Bronze") and a line under a short heading
    # ("Chronology note \u2013 Tyler Brookes, Year 11, X.") start a record too.
    r"(?:^[ \t]*(?:[-*\u2022][ \t]+|[A-Z][a-z]+(?:[ \t]+[a-z]+){1,3}[ \t]+[-\u2013\u2014][ \t]+)"
    r"|^|(?<=[\n'\"\u2018\u201c(:])|(?<=['\"\u2019\u201d][ \t][-\u2013\u2014])|(?<=['\"\u2019\u201d][-\u2013\u2014]))[ \t]*"
    # A register line may give the surname first: "McAllister, Orla - Tewkesbury Academy".
    r"(?:[A-Z][A-Za-z'\u2019-]*[a-z],[ \t]+(?P<given>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?=[ \t]*(?:\||[ \t][-\u2013\u2014]|[\u2013\u2014]))"
    r"|(?P<first>[A-Z][a-z]+)(?:[ \t]+(?:[A-Z][a-z'\u2019-]+|[A-Z]\.?))?)"
    # "Harvey Collins (12), Severn Vale School": an age or a year in brackets may follow the name, or a
    # date of birth in a handover: "Kieran Batt (DOB 19/05/2010), Churchdown School".
    r"(?:[ \t]*\([ \t]*(?:(?:(?:Y|Yr|Year|(?i:aged?))[ \t]*)?\d{1,2}|" + _DOB_ITEM + r")[ \t]*\))?"
    r"[ \t]*(?:,|\||[ \t][-\u2013\u2014]|[\u2013\u2014])[ \t]*",
    re.MULTILINE,
)
# A date of birth given as one of a record's items says it is a young person's record too.
_YEAR_OR_AGE_ITEM = lazy_compile(
    r"(?:^|(?<=[,;|(]))[ \t]*(?:(?:Y|Yr|Year)[ \t]*\d{1,2}|\d{1,2}|aged?[ \t]*\d{1,2}|" + _DOB_ITEM + r")[ \t]*(?=[,;|)]|$)",
    re.MULTILINE,
)
_SCHOOL_YEAR_ITEM = lazy_compile(
    r"(?:^|(?<=[,;|(\-\u2013\u2014]))[ \t]*(?:Y|Yr|Year)[ \t]*\d{1,2}[ \t]*(?=[,;|)\-\u2013\u2014]|$)", re.MULTILINE
)
# An item may end in a colon before what the line says of the young person ("X Academy: completed Bronze").
_RECORD_SEPARATOR = lazy_compile(r"[ \t]*(?:[,;|(]|:(?=[ \t])|[ \t][-\u2013\u2014][ \t]|[\u2013\u2014])[ \t]*")

# Pupils of a school as a group: "Year 9 pupils at X will perform" names no child, so it is only a
# cue when the sentence also names someone ("Students of X: Amy and Kai").
_GROUP_CUE = lazy_compile(
    r"\b(?:pupils|students|sixth[ \t]+formers|year[ \t]*\d{1,2}s|(?:year[ \t]*\d{1,2}[ \t]+)?(?:boys|girls))"
    r"[ \t]+(?:at|of|from|in)[ \t]*",
    re.IGNORECASE,
)
_SCHOOL_LIST = lazy_compile(
    r"(?:the[ \t]+)?(?:St\.?[ \t]+)?[A-Z][A-Za-z'\u2019.-]*(?:[ \t]+(?:(?:of|the|&)[ \t]+)?[A-Z][A-Za-z'\u2019.-]*)*"
    r"(?:[ \t]*(?:,|&|\band\b)[ \t]*(?:the[ \t]+)?(?:St\.?[ \t]+)?[A-Z][A-Za-z'\u2019.-]*"
    r"(?:[ \t]+(?:(?:of|the|&)[ \t]+)?[A-Z][A-Za-z'\u2019.-]*)*)*"
)
_LIST_ITEM = lazy_compile(r"(?:the[ \t]+)?(?:St\.?[ \t]+)?[A-Z][A-Za-z'\u2019.-]*(?:[ \t]+(?:(?:of|the|&)[ \t]+)?[A-Z][A-Za-z'\u2019.-]*)*")
_GROUP_WINDOW = 200
# How far after a group's schools a name is read as one of the group ("Pupils from X with Amy played").
_GROUP_MEMBER_REACH = 30
_SUBJECT_BEFORE_GROUP = lazy_compile(r"\b[A-Z][a-z]+[ \t]+$")
_NOT_A_PUPIL_BEFORE = lazy_compile(
    r"(?:\b(?:[Tt]he|[Bb]y|[Cc]ontact|[Ee]mail|[Aa]sk)|\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Prof|Rev|Cllr)\.?)[ \t]+$")
# One pupil, said by what they are: "a Year 10 student from X", "a pupil at X", "a sixth former from X".
# Like a group, this ties X to a child only when the sentence names one (or says he or she): "A Year 10
# student from Cleeve School asked a great question" identifies nobody; "Jess, a Year 10 student from
# Cleeve School" does.
_ONE_PUPIL_CUE_END = lazy_compile(
    r"(?:\b(?:pupil|student|sixth[ \t]+former|head[ \t]+(?:girl|boy))|\b(?:year[ \t]*\d{1,2}|y\d{1,2}|yr[ \t]*\d{1,2}))"
    r"[ \t]+(?:at|of|from|in)[ \t]*$", re.IGNORECASE)
_ONE_PUPIL_SAID_BY_NAME = lazy_compile(r"\b(?:is|was|'s|\u2019s)[ \t]+(?:now[ \t]+|still[ \t]+)?in[ \t]+year", re.IGNORECASE)
# Said as one of many: "A Year 10 student from", "One pupil at", "An anonymous Year 9 pupil from". A note
# about a particular child ("Year 9 at Chosen Hill School, plays drums") has no such word.
_ONE_OF_MANY_BEFORE = lazy_compile(
    r"\b(?:a|an|one|another|some|any)[ \t]+(?:[a-z]+[ \t]+)?(?:(?:year|yr|y)[ \t]*\d{1,2}[ \t]+)?$", re.IGNORECASE)
_PRONOUN_IN_SENTENCE = lazy_compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im)\b")
_CAPITALISED_WORD = lazy_compile(rf"\b{CAPITALISED_NAME_WORD}\b")
# "(Y10, " or "(Year 9 - " just before a school: the pupil's school year.
_YEAR_BESIDE_SCHOOL = lazy_compile(r"\((?:Y|Yr|Year)[ \t]*\d{1,2}[ \t]*(?:,|[-\u2013\u2014])[ \t]*$")
# A capitalised word beside another in a title: "Christmas Concert", "Duke of Edinburgh", "Arts Award".
_EVENT_TITLE_WORDS = frozenset(entries("event_title_words"))
# How far either side of a word its title's other words are looked for ("the Big Sing at Gloucester Cathedral").
_TITLE_REACH = 30
_TITLE_RUN_BEFORE = lazy_compile(r"\b[A-Z][A-Za-z]*(?:[ \t]+(?:of|the))?[ \t]+$")
_TITLE_RUN_AFTER = lazy_compile(r"(?:[ \t]+(?:of|the))?[ \t]+[A-Z][A-Za-z]*\b")
_GROUP_WORDS = frozenset(
    ["One", "Another", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Twenty", "Several", "Lots", "Loads",
     "Year", "Years", "Pupils", "Students", "Boys", "Girls", "Sixth", "Formers", "Class", "Classes", "Form", "Group"]
)


def _school_list_items(text: str, start: int):
    listed = _SCHOOL_LIST.match(text, start)
    if listed is None:
        return
    yield from _LIST_ITEM.finditer(text, start, listed.end())


_QUANTITY_WORDS = frozenset({
    "over", "around", "about", "nearly", "almost", "roughly", "approximately", "approx", "more", "fewer", "less",
    "dozens", "lots", "loads", "hundreds", "scores", "several", "plenty", "up", "than", "at", "least", "just",
    "ten", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred"})


def _one_pupil_named(text: str, cue: re.Match[str], doc: Document, end_of_list) -> bool:
    """Any cue but one pupil said by what they are ("a Year 10 student from"), which needs the
    sentence to name someone or say he or she, before the cue or after the school."""
    if _ONE_PUPIL_CUE_END.search(cue.group()) is None or _ONE_PUPIL_SAID_BY_NAME.search(cue.group()) \
            or _ONE_OF_MANY_BEFORE.search(text, max(0, cue.start() - 30), cue.start()) is None:
        return True
    sentence_start, sentence_end = doc.sentence_bounds(cue.start(), cue.end())
    sentence_start = max(sentence_start, cue.start() - _GROUP_WINDOW)
    sentence_end = min(sentence_end, cue.end() + _GROUP_WINDOW)
    after = end_of_list(text, cue.end())
    return (_names_someone(text, sentence_start, cue.start()) or _names_someone(text, after, sentence_end)
            or _PRONOUN_IN_SENTENCE.search(text, sentence_start, sentence_end) is not None)


def _in_a_title(text: str, start: int, end: int) -> bool:
    """A word of event_title_words.txt stands in the run of capitalised words around text[start:end]."""
    return any(word.group() in _EVENT_TITLE_WORDS
               for word in _CAPITALISED_WORD.finditer(text, max(0, start - _TITLE_REACH), min(len(text), end + _TITLE_REACH)))


def _names_someone(text: str, start: int, end: int, first_names: FirstNames | None = None,
                   not_people: frozenset[str] = frozenset()) -> bool:
    """Does text[start:end] name a person, other than in a school's name? With ``first_names`` (round 24),
    a capitalised word that is not a first name people have and stands in a run of capitalised words is
    the title of an event, an award or a place ("the Christmas Concert", "their Duke of Edinburgh", "the
    Big Sing at Gloucester Cathedral"), not a person: a group of pupils with no one named stays a group."""
    schools = [m.span() for m in _SCHOOL_NAME.finditer(text, start, end)]
    for word in _CAPITALISED_WORD.finditer(text, start, end):
        if word.group() in NOT_A_NAME or word.group() in _GENERIC or word.group() in _TYPE_WORD_SET \
                or word.group() in _GROUP_WORDS or word.group() in not_people:
            continue
        # "to The Roundhouse", "led by Sam", "their teacher, Mr Patel": a venue, or a grown-up in charge.
        if _NOT_A_PUPIL_BEFORE.search(text, max(0, word.start() - 12), word.start()):
            continue
        if first_names is not None and word.group().lower() not in first_names and (
                _TITLE_RUN_BEFORE.search(text, max(0, word.start() - 20), word.start())
                or _TITLE_RUN_AFTER.match(text, word.end())) and _in_a_title(text, word.start(), word.end()):
            continue
        # "Over 40 students from Cleeve, Chosen Hill and ...", "Nearly thirty pupils from ...": a count of
        # a group says whose schools they are, nobody's in particular (round 12).
        # Only a quantity word before the count ("Over 40", "Nearly thirty"): "Amy 14" is a child and her age.
        if word.group().lower() in _QUANTITY_WORDS:
            continue
        if not any(s <= word.start() < e for s, e in schools):
            return True
    return False


def _cue_ends(text: str, lowered: str | None, doc: Document | None = None, end_of_list=None,
              first_names: FirstNames | None = None, not_people: frozenset[str] = frozenset()) -> list[int]:
    link_cues = _LINK_CUE.finditer(lowered) if lowered is not None else _LINK_CUE_ANY_CASE.finditer(text)
    ends = [m.end() for m in link_cues if doc is None or end_of_list is None or _one_pupil_named(text, m, doc, end_of_list)]
    if doc is not None:
        for group in _GROUP_CUE.finditer(text):
            sentence_start, sentence_end = doc.sentence_bounds(group.start(), group.end())
            # Near the cue only, so that a long run-on text costs time in proportion to its length.
            sentence_start = max(sentence_start, group.start() - _GROUP_WINDOW)
            sentence_end = min(sentence_end, group.end() + _GROUP_WINDOW)
            # The schools listed after the cue ("pupils from Severn Vale, Cleeve and Balcarras") are
            # not people.
            after_list = end_of_list(text, group.end()) if end_of_list else group.end()
            # Round 27: a name ties the group to a child only beside the group ("Pupils from X with Amy
            # played", "Pupils at X: Amy and Kai"); further on the sentence names the grown-up who ran it
            # ("which they wrote with Lucy Moore"), a venue ("came to The Roundhouse") or our project.
            # "Art students from X": the capitalised word just before the group is their subject, not a person.
            subject = _SUBJECT_BEFORE_GROUP.search(text, max(0, group.start() - 20), group.start())
            before_end = subject.start() if subject else group.start()
            if _names_someone(text, sentence_start, before_end, first_names, not_people) or \
                    _names_someone(text, after_list, min(sentence_end, after_list + _GROUP_MEMBER_REACH), first_names, not_people):
                ends.append(group.end())
    for named in _NAMED_CUE.finditer(text):
        who = named.group("who") or named.group("who_paren") or named.group("who_at") or named.group("owner") \
            or named.group("who_of") or named.group("who_aged")
        if _TITLE_BEFORE.search(text, max(0, named.start() - 8), named.start()):
            continue
        # "X Y of Z" is a person only when X is a first name people have ("The Head Teacher of").
        if named.group("who_of") is not None and named.group("who_of").lower() not in first_names:
            continue
        if who.lower() in _PRONOUNS or who not in NOT_A_NAME:
            ends.append(named.end())
    if "(" in text:
        ends += [items.end() for items in _BRACKET_ITEMS_CUE.finditer(text) if items.group("who") not in NOT_A_NAME
                 and not _TITLE_BEFORE.search(text, max(0, items.start() - 8), items.start())]
    # "goes to the Crypt School" and "goes to The Crypt School": the name may start before or after "the".
    ends += [the.end() for end in ends if (the := _THE.match(text, end))]
    return sorted(set(ends))


def _name_after_cue(text: str, position: int, found: list[Span]) -> re.Match[str] | None:
    """The capitalised name just after a cue ("at", "teacher at"), past a "the": None where a finding
    already covers it or its first word is not a name (NOT_A_NAME) or a generic word."""
    if (the := _THE.match(text, position)) is not None:
        position = the.end()
    if any(span.start <= position < span.end for span in found):
        return None
    run = _NAME_RUN.match(text, position)
    if run is None:
        return None
    first_word = run.group().split()[0]
    # "Child's school: Home-educated": no school at all.
    if _NOTHING.match(run.group()):
        return None
    return None if first_word in NOT_A_NAME or first_word in _GENERIC else run
