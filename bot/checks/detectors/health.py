"""Health or special-needs information about an identifiable young person (policy 3, 5.6).

The condition must be tied to a person in the same sentence: "Amy has epilepsy", "Tom (ADHD) needs
a quiet room", "his autism", "my son is diabetic", "Jake, who has asthma", "Alfie G is self-harming",
or be on a register line that starts with a child's name ("Matilda Crouch (DOB ...) - allergic to
nuts"). General talk stays
quiet: "mental health awareness week", "healthy snacks", "an autism-friendly session", "we support
young people with anxiety", and advice to every parent ("if your child needs medication, pack it").
The finding covers the condition itself.

Needs said without a condition's name count too, when tied to a young person: a hurt part in a
dressing ("Grace's ankle is still in a boot", "a pot on his leg": injury_dressings.txt), a hard time with
something ("a rough time with her eating": health_struggles.txt), care by a service or a professional
("Callum is under the school nurse", "CAMHS are now involved with Isaac"), what the person told
someone ("Luca opened up to a volunteer about having dark thoughts"). A form's question to the parent
("Anything we should know?: asthma", health_form_questions.txt) makes a condition in its answer the
child's; a blank waiting to be filled in ("Medical needs / allergies: ____") is no answer.

Round 14: the person may be named with their group or school ("Priya in the drum group has epilepsy":
health_person_groups.txt), the condition may be the cause of what they did ("because of school anxiety":
health_causes.txt) or a struggle may follow a hard thing in their life ("struggling since his parents
split": health_life_events.txt). What follows from a need in the same sentence (the EpiPen, the crutches,
the stay in hospital: health_aftermath.txt) is part of its one finding. Each sentence's context is read
once, so a sentence of thousands of conditions stays linear.

Round 25: health in plain words, wherever the person stands. Common illnesses ("off school with a tummy
bug"), a lunch list's reason in brackets before whose it is ("Gluten free (coeliac): Tasha"), a form field
after a full stop ("Booking form for Eliza. Medical: mild asthma"), the mind's health in the writer's own
words ("my anxiety", health_own_words.txt), and a mobility aid or an injury to "his" or "her" part of the
body in a sentence that names a young person anywhere ("Well done to Tayo, who played after breaking his
wrist"; health_mobility_aids.txt). A sentence about one of the team named by role ("our music leader Tom
... his arm in a sling - get well soon Tom") stays quiet.

Round 26: forms, reports and lists. A plan names the need it was written for ("an EHCP for autism"); a
diagnosis or time out of school with a condition in a report of one young person counts; a medicine with
its dose, or named in brackets after "rescue meds", is somebody's medication, with what its line says it
is for; a bare mishap ("trapped finger") on an accident record's line naming a young person (injury_records.txt)
counts; a numbered needs list by initials or
first names ("1) T.K. - epilepsy") and medication fields are read as records; a young person's mood
(health_moods.txt) or a sore part of the body (injury_signs.txt) in plain words counts. A form's question to
the parent ("Does your child have an EHCP?"), a field pointing to a register held elsewhere, and a
grown-up hurt moving the team's kit while someone else takes over (health_staff_work.txt) stay quiet.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date
from collections.abc import Callable

from bot.checks.context import CheckContext
from bot.checks.detectors import Span
from bot.checks.detectors.people import CAPITALISED_NAME_WORD, FAMILY_SUBJECT, NOT_A_NAME, FirstNames
from bot.checks.document import MASK, Document
from bot.checks.findings import Kind
from bot.checks.lazy_regex import LazyPattern, lazy_compile
from bot.checks.roster import normalise_name
from bot.checks.wordlists import entries, phrase_pattern

# The conditions and acronyms are word lists (bot/checks/data/health_words.txt, health_acronyms.txt),
# so that an organisation can add its own.
_INJURY_VERBS = (r"(?:broke|broken|fractured|sprained|twisted|dislocated|injured|hurt|"
                 r"breaking|fracturing|spraining|twisting|dislocating|injuring|hurting)")

# Ways a person can "have" a condition, between the subject and the condition: one to five of these
# words ("has", "has been in", "is having an", "'s been signed off").
_VERB_WORD = (
    r"(?:has|had|have|is|was|got|been|being|having|wears|wore|wearing|uses|used|using|needs|gets|takes|"
    r"carries|suffers|suffering|lives|living|struggles|struggling|diagnosed|recovering|waiting|off|on|in|"
    r"with|from|for|into|back|still|just|currently|now|also|had|having|went|gone|goes|go|sees|seeing|"
    r"started|starting|due|booked|awaiting|under|getting|get|needed|needing|taking|carrying|seen|by|"
    r"referred|to|having|today|tonight|again|sick|ill|poorly|home|over|school|work|"
    # When (round 25): "Amara was off school yesterday with a tummy bug".
    r"yesterday|lately|all[ \t]+week|this[ \t]+week|last[ \t]+week|"
    # Getting better: "she's in recovery from an eating disorder", "he's in remission from".
    r"recovery|remission|"
    # Medicine begun for them: "he's been put on antidepressants", "she was prescribed melatonin".
    r"put|prescribed|restarted|stopped|upped|increased|reduced|"
    # Care being given: "is being treated for", "was admitted with", "is being assessed for".
    r"treated|admitted|assessed|monitored|tested|scanned|medicated|"
    # Coming back from care: "Nadia is just out of hospital".
    r"out|of|"
    # Told by the young person, and said of two at once (round 11): "Lola disclosed self-harm",
    # "Ayo and Femi both have EHCPs".
    r"disclosed|disclosing|both|"
    # Said of several at once, or of how they feel (round 12): "Maya and Jude are both dyslexic", "Ellis,
    # Nico and Tegan all have ADHD", "he's been feeling suicidal", "Lottie keeps having panic attacks".
    r"are|were|all|each|suffer|feeling|feels|felt|keeps|keep|kept|"
    # How recent (round 20): "she's only just back after her op", "he's finally home since his surgery".
    r"only|after|since|recently|finally|"
    # Coming and going around it (round 21): "she came back in after a panic attack", "he had to leave
    # early after an anxiety attack", "Kit was sent home after a seizure".
    r"came|come|comes|coming|left|leave|leaves|leaving|sent|early|"
    # A treatment gone through (round 23): "she's been through chemo", "he's just come out of a course of
    # radiotherapy", "finished his last round of chemo".
    r"through|finished|completed|undergoing|underwent)"
)
_VERB = (
    rf"(?:[ \t]*,?[ \t]*who(?:['\u2019]s|[ \t]+{_VERB_WORD})|['\u2019]s|['\u2019]ll|[ \t]+{_VERB_WORD})"
    rf"(?:[ \t]+{_VERB_WORD}){{0,4}}"  # up to five: "has just been diagnosed with"
)
_FILLER = (
    r"(?:(?:a|an|the|mild|severe|bad|quite|very|really|some|high|diagnosed|suspected|possible|his|her|"
    r"their|my|new|small|minor|major|big|serious|long-term|chronic|two|left|right|both|one|another|"
    # How bad: "Ava is severely allergic", "he's mildly dyslexic".
    r"severely|mildly|extremely|badly|seriously|highly|moderately|profoundly|"
    # How often: "having a lot of dark days", "lots of panic attacks".
    r"lot|lots|of|"
    # How big (round 21): "Poppy had a full meltdown", "a total shutdown".
    r"full|complete|total|huge|massive|proper|"
    # A treatment given in parts (round 23): "a course of chemo", "her last round of radiotherapy".
    r"course|courses|round|rounds|cycle|cycles|last|final|first|several|many|further|more|"
    # How many (round 28): "a few seizures this month", "a couple of panic attacks".
    r"few|couple|"
    # Up to four (round 23): "her final cycle of radiotherapy".
    r"type[ \t]+(?:1|2|one|two))[ \t]+){0,4}"
)
# Pronouns first: at the same position "She" must be read as a pronoun, not as a would-be name.
# A name may carry an initial or a note in brackets: "Alfie G is", "Sam vdB started", "Nia Lloyd (14) has",
# "Ellie (Year 8, Thursday group) had"; or who they are, between commas, before "who" (round 22):
# "Ethan, one of our drummers, who had".
_SUBJECT = (
    rf"(?:\b(?:[Hh]e|[Ss]he)\b|\b{FAMILY_SUBJECT}"
    # Round 27: a name may carry an accent ("Zoë", "Siân").
    rf"|\b(?P<name>[A-Z\u00c0-\u00de][a-z\u00df-\u00ff]+)(?:[ \t]+(?:[a-z]{{1,3}})?[A-Z]\.?(?![\w']))?(?:[ \t]*\([^()\n]{{1,40}}\))?"
    r"(?:,[ \t]+(?:one[ \t]+of[ \t]+)?(?:our|the|a|an)[ \t]+[^,.!?()\n]{1,40}(?=,[ \t]*who\b))?"
    rf"|\b(?P<lower_name>[a-z]{{2,}}))"
)
# What must come just before a condition for it to be somebody's. Each is anchored at the end of the
# text before the condition, so the long condition pattern is compiled (and run) only once.
# Round 27: the reason may follow a dash after the absence ("Alfie's off today - tonsillitis again").
_PERSON_HAS_BEFORE = lazy_compile(rf"{_SUBJECT}{_VERB}(?:[ \t]+[-\u2013\u2014])?[ \t]+{_FILLER}$")
# "Tom (ADHD)", "Leo Taylor (allergic to nuts - EpiPen in his bag)": a note in brackets after a name.
_NAME_PAREN_BEFORE = lazy_compile(r"\b(?P<name>[A-Z][a-z]+)[ \t]*\([^()\n]{0,40}$")
_OWNER_BEFORE = lazy_compile(
    r"(?:\b(?:[Hh]is|[Hh]er)|\b(?P<name>[A-Z][a-z]+)(?:'s|\u2019s))[ \t]+(?:(?:[a-z]+|[A-Z]{2,5})[ \t]+){0,2}$"
)
# "Amy has asthma and carries an inhaler": the second condition's subject is further back.
_AND_VERB_BEFORE = lazy_compile(
    rf"{_SUBJECT}[ \t]+(?:has|is|had|was)[ \t][^.!?\n]{{1,50}}?[ \t]and[ \t]+(?:also[ \t]+)?"
    # "... and is seeing a dietitian", "... and is under the school nurse": care joined on (round 11).
    rf"(?:carries|takes|uses|needs|has|is[ \t]+on|wears|sees|is[ \t]+seeing|is[ \t]+under|is[ \t]+seen[ \t]+by)[ \t]+{_FILLER}$"
)
# "Finn broke his wrist": the injury's verb is part of the finding, so the subject comes right before.
_SUBJECT_ONLY_BEFORE = lazy_compile(rf"{_SUBJECT}(?:[ \t]+(?:has|had|'s|just|has[ \t]+just))?[ \t]+$")
# A list line about one child: "Noah - epilepsy (rescue meds in the first aid bag)". The word before
# the dash must be a first name people have (see _names_a_person), not "Theme" or "Topic".
_LIST_LINE_BEFORE = lazy_compile(
    rf"(?:^|\n)[ \t*\u2022-]*(?P<lower_name>[A-Z][a-z]+)(?:[ \t]+[A-Z][a-z]*\.?)?[ \t]*[-\u2013:][ \t]*{_FILLER}$"
)
# A register or referral line about one child: "Matilda Crouch (DOB 02/03/2012) - allergic to nuts",
# "Evie Jarrett, born 22/07/2011, has a support plan for anxiety": everything on it is theirs.
_RECORD_LINE_BEFORE = lazy_compile(
    # A double first name or an initial: "Lily-Mae, 9 - ...", "Ruby T - Notes: ...".
    r"(?:^|(?<=[\n:]))[ \t*\u2022-]*(?P<lower_name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?:[ \t]+[A-Z](?:[a-z'\u2019-]+|\.)?)?"
    # "- Ollie: nut allergy, EpiPen in his bag": a medical-notes list line, a name and a colon;
    # "Millie | 13 | nut allergy": a sign-up sheet's columns.
    # A bare date of birth or an age after the name: "Ella Hughes 14.10.12 - allergic to nuts", "Kit 15 - asthma".
    r"(?:[ \t]+\d{1,2}(?:[./-]\d{1,2}[./-]\d{2,4})?)?"
    r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:,|:|\||[ \t][-\u2013\u2014]|[\u2013\u2014])[^\n]{0,80}$"
)
# A row of a list or table that gives the surname first (round 16): "Okonkwo, Grace - uses a wheelchair",
# "Okafor, Jayden | asthma - inhaler in bag", "- Kowalski, Nina: anaphylaxis". The word after the comma
# must be a first name people have, so "Surname, First | Medical" (a table's header) names nobody.
_SURNAME_FIRST_LINE_BEFORE = lazy_compile(
    r"(?:^|(?<=\n))[ \t*\u2022-]*[A-Z][A-Za-z'\u2019-]+(?:[ \t]+[A-Z][A-Za-z'\u2019-]+)?,[ \t]*"
    r"(?P<lower_name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?:[ \t]+[A-Z]\.?)?"
    r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:\||:|[ \t][-\u2013\u2014]|[\u2013\u2014])[^\n]{0,80}$"
)
# "she takes methylphenidate for ADHD", "Kian uses a spray for hay fever": a treatment for a condition.
_TREATED_FOR_BEFORE = lazy_compile(
    # "Mason is having chemo for bone cancer": a treatment being given counts as well as one taken.
    rf"{_SUBJECT}(?:[ \t]+|['\u2019]s[ \t]+)(?:takes|took|uses|used|needs|carries|has|had|is[ \t]+on|gets|wears|"
    rf"(?:is[ \t]+)?(?:having|getting|receiving))"
    rf"(?:[ \t]+[\w-]+){{1,3}}[ \t]+for[ \t]+{_FILLER}$"
)
# Care a young person is waiting for or getting: "Kian's on a waiting list for CAMHS", "she has an
# appointment with the audiology clinic", "Rhys has been referred to the eating disorder service".
_WAITING_FOR_BEFORE = lazy_compile(
    rf"{_SUBJECT}(?:['\u2019]s|[ \t]+(?:is|was|has|had|been|got|still|now))*[ \t]+[^.!?\n]{{0,25}}?"
    rf"\b(?:waiting[ \t]+list|waiting|referral|referred|appointment|assessment|assessed|seen|seeing|under)[ \t]+"
    rf"(?:for|with|at|to|by)[ \t]+(?:(?:the|a|an)[ \t]+)?$"
)
# A note headed with the person's name: "Emergency info for Aiden - allergic to penicillin".
_NOTE_FOR_BEFORE = lazy_compile(
    r"\b(?i:info|information|notes?|details|needs|update|plan|form)[ \t]+(?i:for|about|on|re:?)[ \t]+"
    r"(?P<name>[A-Z][a-z]+)(?:[ \t]+[A-Z][a-z'\u2019-]+)?[ \t]*(?:[-\u2013\u2014:])[ \t]*[^\n.!?]{0,60}$"
)
# "Chloe has been really low lately and self-harming": a second state joined by "and" to what the
# sentence already says of the person.
_AND_STATE_BEFORE = lazy_compile(
    rf"{_SUBJECT}(?:[ \t]+(?:has|is|had|was)|['\u2019]s)[ \t][^.!?\n]{{1,50}}?[ \t]and[ \t]+"
    rf"(?:(?:also|been|now|still|is|has|was|keeps)[ \t]+){{0,2}}$"
)
# What a young person told someone: "Luca opened up to a volunteer about having dark thoughts", "Esme told
# Jo that she's been self-harming".
_TOLD_BEFORE = lazy_compile(
    rf"{_SUBJECT}(?:[ \t]+has)?[ \t]+(?:told|opened[ \t]+up|spoke|talked|confided)\b[^.!?\n]{{0,30}}?[ \t]+"
    # Of themselves ("about having", "about her", "that she's been"), not a topic ("talked about cancer").
    rf"(?:about|that)[ \t]+(?:(?:having|feeling|being|his|her|their|(?:he|she)(?:['\u2019]s|[ \t]+(?:is|has|was))|been)[ \t]+){{1,3}}{_FILLER}$"
)
# Round 16: where a clause starts (a heading's colon or dash, a comma), and a clause that opens with its
# verb, no subject: "Has an EHCP", "Hasn't attended school since October due to", "diagnosed with".
_CLAUSE_START = re.compile(r"[:;,\u2013\u2014]|[ \t]-[ \t]")
_SUBJECTLESS_LEAD = lazy_compile(
    r"^[ \t\"'(]*(?i:has|had|hasn['\u2019]t|hadn['\u2019]t|has[ \t]+not|is|was|suffers|suffered|suffering|diagnosed|lives|living|"
    r"struggles|struggling|takes|uses|needs|wears|gets|experiences|experiencing|presents|presenting|recovering|awaiting|"
    r"currently|recently|previously|also|known)\b"
    r"(?![ \t]+(?i:anyone|anybody|everyone|someone|you|we|they|it|there|this|that|our|your)\b)[^.!?\n]{0,70}$")
_CANT_HAVE = lazy_compile(
    r"\b(?:can['\u2019]?t|cannot|can[ \t]+not|mustn['\u2019]t|must[ \t]+not|shouldn['\u2019]t)[ \t]+(?:have|eat|touch|be[ \t]+near)[ \t]+"
    r"(?:anything[ \t]+(?:with|containing)|any)[ \t]+(?:[\w-]+[ \t]+)?[\w-]+", re.IGNORECASE)
_ALLERGY_WORD = lazy_compile(r"\b(?:allerg|anaphyla|intoleran|coeliac|epipen|jext)", re.IGNORECASE)
_WORD_END = re.compile(r"\w*")
_HISTORY_AFTER = lazy_compile(r"[ \t]+history\b", re.IGNORECASE)
_CONTEXT_PATTERNS = (_TOLD_BEFORE, _PERSON_HAS_BEFORE, _NOTE_FOR_BEFORE, _AND_STATE_BEFORE, _TREATED_FOR_BEFORE, _NAME_PAREN_BEFORE, _OWNER_BEFORE, _AND_VERB_BEFORE,
                     _LIST_LINE_BEFORE, _WAITING_FOR_BEFORE)
# A clause opening the sentence with a condition, its person after the comma (round 14): "Diagnosed with
# selective mutism in Year 7, she now sings solo at every showcase".
_OPENING_CLAUSE_BEFORE = lazy_compile(
    r"^[ \t\"'\u201c\u2018(]*(?:[Hh]aving[ \t]+been[ \t]+)?(?:[Dd]iagnosed|[Ll]iving|[Rr]ecovering|[Ss]truggling|[Ss]uffering|[Cc]oping)"
    rf"[ \t]+(?:with|from|as)[ \t]+{_FILLER}$")
_PERSON_AFTER_CLAUSE = lazy_compile(r"[^,.;!?\n]{0,40},[ \t]*(?:(?:[Hh]e|[Ss]he)\b|(?P<name>[A-Z][a-z]+)\b(?![ \t]+[A-Z]))")
_CAPITAL = re.compile(r"[A-Z]")
_PRONOUN_OR_KIN = re.compile(
    r"\b(?:he|she|his|her|son|daughter|child|kid|boy|girl|brother|sister|grandson|granddaughter|nephew|niece|stepson|stepdaughter)\b")
_LOWER_WORD = re.compile(r"[a-z]{2,}")
_LABEL_AFTER = lazy_compile(r"(?:[ \t]*/[ \t]*\w+)?[ \t]*[?]?[ \t]*[:=]")
_LOOKBACK = 80
# Condition words used as a topic, not as somebody's condition.
_TOPIC_AFTER = lazy_compile(
    r"[ \t-]*(?:friendly|awareness|aware|training|week|day|month|charity|society|association|"
    r"research|services?|support[ \t]+group|team|workshop|session|radio|loop|kit|policy|policies|form|forms)\b",
    re.IGNORECASE,
)
# Form lines: "Medical: asthma", "Allergies - nuts". The value runs to the end of the line (or a
# comma or bar, where another field starts).
# A question mark may stand for the colon ("Any health issues? nosebleeds"); a dash must stand apart
# from the word before it ("needs step-free access" is no label).
_FORM_VALUE = r"(?:[ \t]*\?)?(?:[ \t]*[:\u2013]|[ \t]*-(?![A-Za-z])|(?<=\?))[ \t]*(?P<value>[^\n,;|]{2,80})"
_NOTHING_TO_DECLARE = lazy_compile(
    r"^(?:none|nil|no|n/?a|nothing|not applicable|no known|none known|-+|\?+|tbc|fine|good|ok|okay|all good)\b", re.IGNORECASE
)
# A form's blank waiting to be filled in is no answer (round 11): "Medical needs / allergies: ____",
# "Anything we should know? ........", "Additional needs: (please describe)", "Medical: [please fill in]".
_TEMPLATE_BLANK = lazy_compile(
    r"^(?:[ \t_.\u2026\u2610\u25a1-]+|[(\[<][^)\]>\n]*[)\]>]|(?:please|if[ \t]+(?:any|applicable|so)|optional|details)\b.*)$",
    re.IGNORECASE,
)


class HealthDetector:
    def __init__(self, context: CheckContext):
        sources = phrase_pattern(entries("anonymous_sources", context.extra_terms))
        # "from a parent: '", "one mum told us, "": the opening quotation mark after an unnamed source.
        self._anonymous_source = lazy_compile(
            rf"\b(?:a|one|another|an[ \t]+anonymous)[ \t]+(?:(?:[\w-]+)[ \t]+)?(?:{sources})\b"
            rf"[^\n\"'\u201c\u2018]{{0,30}}?[:,\-\u2013][ \t]*[\"'\u201c\u2018]", re.IGNORECASE)
        self._first_names = FirstNames(entries("forenames", context.extra_terms))
        words = phrase_pattern(entries("health_words", context.extra_terms))
        acronyms = phrase_pattern(entries("health_acronyms", context.extra_terms))
        parts = phrase_pattern(entries("injury_body_parts", context.extra_terms))
        injury = rf"{_INJURY_VERBS}[ \t]+(?:(?:his|her|their|my|a|an|the|left|right)[ \t]+){{0,2}}(?:{parts})"
        # Looked for in the lower-cased text (fast) or case-insensitively (the rare fallback),
        # acronyms in the text as written.
        # "a hernia op", "her knee surgery": an operation on a part of the body.
        # Round 28: "the op on his knee": the part after the short word ("operation" alone is a word already).
        words = (rf"(?:{parts})[ \t]+(?:op|operation|surgery)"
                 rf"|(?:(?:the|an)[ \t]+)?op[ \t]+on[ \t]+(?:his|her|their)[ \t]+(?:{parts})|{words}")
        self._condition_lower = lazy_compile(rf"\b(?:{words})\b")
        self._condition_any_case = lazy_compile(rf"\b(?:{words})\b", re.IGNORECASE)
        self._acronym = lazy_compile(rf"\b(?:{acronyms})s?\b")  # "both have EHCPs"
        self._injury = lazy_compile(rf"\b{injury}\b", re.IGNORECASE)
        # Round 26: how his or her part of the body is, in plain words (injury_signs.txt): "his ankle is still
        # swollen", "her knee was playing up again after the op".
        signs = phrase_pattern(entries("injury_signs", context.extra_terms))
        # Round 26: how a young person's mood has been (health_moods.txt): "his mood has been very low",
        # "YP's mood has been really flat" in a referral.
        moods = phrase_pattern(entries("health_moods", context.extra_terms))
        self._mood = lazy_compile(
            rf"\b(?:(?P<owner>[Hh]is|[Hh]er|[Tt]heir)|(?P<yp>YP|CYP)['\u2019]s|(?P<name>[A-Z][a-z]+)['\u2019]s)[ \t]+mood[ \t]+"
            rf"(?:(?:has|had|have)[ \t]+been|is|was|seems|seemed|['\u2019]s[ \t]+been|keeps[ \t]+being)[ \t]+"
            rf"(?:(?:really|very|quite|so|a[ \t]+bit|pretty|rather|noticeably)[ \t]+)?(?:{moods})\b")
        self._sore_part = lazy_compile(
            rf"\b(?:his|her|their)[ \t]+(?:(?:left|right|bad)[ \t]+)?(?:{parts})[ \t]+"
            rf"(?:is|was|has[ \t]+been|had[ \t]+been|keeps|kept|['\u2019]s)[ \t]+(?:(?:still|really|quite|very|a[ \t]+bit|so|all)[ \t]+){{0,2}}"
            rf"(?:{signs})\b", re.IGNORECASE)
        # "an operation on her knee" is health, "an operation on her van's gearbox" is not.
        self._operation_on_something_else = lazy_compile(
            rf"[ \t]+on[ \t]+(?:(?:his|her|their|my|the|a|an|left|right)[ \t]+){{1,2}}(?!(?:{parts})\b)\w+", re.IGNORECASE
        )
        # "Our trustee Paul is off having a knee op": an adult's health, named by their role or title
        # (adult_roles.txt) right before the name, is not a young person's.
        roles = phrase_pattern(entries("adult_roles", context.extra_terms))
        self._adult_before = lazy_compile(rf"\b(?i:{roles})\.?[ \t]+$")
        # "Our volunteer Sue keeps her insulin in the fridge": "her" is the grown-up named by role.
        # Round 27: not a place named after someone ("Sir Thomas Rich's School", health_place_name_words.txt).
        places = phrase_pattern(entries("health_place_name_words", context.extra_terms))
        self._adult_named = lazy_compile(rf"\b(?i:{roles})\.?[ \t]+[A-Z][a-z]+\b"
                                         rf"(?!(?:[ \t]+[A-Z][a-z]+){{0,2}}(?:['\u2019]s)?[ \t]+(?i:{places})\b)")
        # "Jo, our lead tutor, who had an operation": who the person is, said after the name, is a role.
        self._adult_role = lazy_compile(rf"\b(?i:{roles})\b")
        # "Sarah is back from her operation, she'll lead the Monday group again": someone who will lead,
        # run or teach a session is one of the team (adult_actions.txt), so the health is a grown-up's.
        future_actions = [a.split(None, 1)[1] for a in entries("adult_actions", context.extra_terms)
                          if a.startswith("will ")]
        self._leads_a_session = lazy_compile(
            rf"(?:\bwill|['\u2019]ll)[ \t]+(?:{phrase_pattern(future_actions)})[ \t]+"
            # A whole group or session (participant_groups.txt), not "he'll run the warm-up".
            rf"(?:the|a|an|our|this|that|next|tomorrow['\u2019]s|tonight['\u2019]s)[ \t]+(?:[\w'\u2019-]+[ \t]+){{0,2}}?"
            rf"(?:{phrase_pattern(entries('participant_groups', context.extra_terms))})\b", re.IGNORECASE)
        # Round 23: "... so Dev is leading the Thursday session", "Jo is covering the youth theatre": another
        # named person takes over a session (session_cover_verbs.txt, covered_sessions.txt), so the one
        # away is one of the team even when the organisation file does not list them.
        cover_verbs = phrase_pattern(entries("session_cover_verbs", context.extra_terms)).replace("'", "['\u2019]")
        self._covers_a_session = lazy_compile(
            rf"\b[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?(?:[ \t]+|(?=['\u2019]))(?:{cover_verbs})"
            rf"[ \t]+(?:(?:the|a|an|our|this|that|next|tomorrow['\u2019]s|tonight['\u2019]s|his|her|their)[ \t]+"
            rf"(?:[\w'\u2019-]+[ \t]+){{0,2}}?)?(?i:{phrase_pattern(entries('covered_sessions', context.extra_terms))})\b")
        # Round 24: everyday mishaps to a part of the body, as an accident book words them (injury_mishaps.txt):
        # "caught his thumb in the stand", "banged her head", "got hit in the eye", "trapped two fingers".
        mishaps = phrase_pattern(entries("injury_mishaps", context.extra_terms))
        self._mishap = lazy_compile(
            rf"\b(?:{mishaps})[ \t]+(?:(?P<owner>his|her|their)[ \t]+|(?:the|a|an)[ \t]+)?"
            rf"(?:(?:left|right|two|three|four|both|several|little|big|middle|index|ring|upper|lower|front|back)[ \t]+){{0,2}}"
            rf"(?:{parts})\b", re.IGNORECASE)
        # Round 26: an accident record's own words (injury_records.txt): there a bare "trapped finger in the
        # stool" on a line naming a young person is theirs, with no "his" or "her".
        self._accident_record = lazy_compile(
            rf"\b(?:{phrase_pattern(entries('injury_records', context.extra_terms))})\b", re.IGNORECASE)
        self._mishap_cues = tuple({m.split()[0].lower() for m in entries("injury_mishaps", context.extra_terms)})
        # Round 24: a grown-ups' meeting moved or cancelled for somebody's illness ("Anita's got Covid so the
        # partners meeting is moving"): the illness is one of the team's (health_adult_meetings.txt,
        # health_meeting_changes.txt).
        meetings = phrase_pattern(entries("health_adult_meetings", context.extra_terms))
        changes = phrase_pattern(entries("health_meeting_changes", context.extra_terms))
        self._meeting_changes = lazy_compile(
            rf"\b(?:{meetings})\b[^.!?\n]{{0,40}}?\b(?:{changes})\b|\b(?:{changes})\b[^.!?\n]{{0,30}}?\b(?:{meetings})\b",
            re.IGNORECASE)
        # Round 24: "Medication log - residential" names a record, not a need (health_record_headings.txt).
        # A dash after it makes it a heading ("Medication log - residential"); a colon still opens a value
        # ("Medication log: Niamh - melatonin").
        self._record_heading = lazy_compile(
            rf"[ \t]+(?:{phrase_pattern(entries('health_record_headings', context.extra_terms))})[ \t]*(?:-|\u2013|\u2014)[ \t]*$",
            re.IGNORECASE)
        # Round 24: a precaution or an absence before a condition ("no seizure activity", "in case of a
        # seizure"), not a need of its own where the need is already told (health_precautions.txt).
        self._precaution_before = lazy_compile(
            rf"\b(?i:{phrase_pattern(entries('health_precautions', context.extra_terms))})[ \t]+(?:(?i:a|an|any|further)[ \t]+)?$")
        # Round 24: a record about one of the team, named in its heading (health_adult_records.txt), not after
        # "young" ("young volunteer induction" is a young person's).
        self._adult_record = lazy_compile(
            rf"(?<![Yy]oung[ \t])(?<![Yy]oung-)(?<!YOUNG[ \t])\b(?i:{phrase_pattern(entries('health_adult_records', context.extra_terms))})\b")
        labels = phrase_pattern(entries("health_form_labels", context.extra_terms))
        # "Dietary / medical: coeliac", "Needs/adjustments: ...": a label shared with another field.
        # Asked as a question: "Any health issues? ...", "Please tell us about any medical needs: ...".
        # Round 25: or after a full stop ("Booking form for Eliza. Medical: mild asthma").
        self._form_line = lazy_compile(rf"(?:^|(?<=[\n,;|])|(?<=[.!?][ \t]))[ \t*_]*(?:{_FORM_LEAD_IN})?(?:[A-Za-z]+[ \t]*/[ \t]*)?(?:{labels})\b"
                                     # Round 27: the shared label may be two words ("Medical/other needs:").
                                     rf"(?:[ \t]*/[ \t]*[A-Za-z]+(?:[ \t]+[A-Za-z]+)?|[ \t]+\w+)?"
                                     rf"(?:[ \t]*\([^()\n]{{1,30}}\))?{_FORM_VALUE}",
                                     re.IGNORECASE | re.MULTILINE)

        # Needs said as what the person does (health_behaviours.txt): "Ben gets overwhelmed".
        behaviours = _by_first_word(entries("health_behaviours", context.extra_terms)).replace("'", "['\u2019]")
        self._behaviour_lower = lazy_compile(rf"\b(?:{behaviours})\b")
        self._behaviour_any_case = lazy_compile(rf"\b(?:{behaviours})\b", re.IGNORECASE)
        # Get-well wishes to a named young person (health_wishes.txt).
        wishes = phrase_pattern(entries("health_wishes", context.extra_terms)).replace("'", "['\u2019]")
        self._wish = lazy_compile(rf"\b(?:{wishes})\b")  # run on the text in lower case
        parts_pattern = parts
        self._wished_part = lazy_compile(rf"\b(?:your|the|his|her)[ \t]+(?:(?:broken|poorly|sore|bad|injured)[ \t]+)?(?:{parts_pattern})\b",
                                       re.IGNORECASE)
        self._form_question = lazy_compile(
            rf"\b(?i:{phrase_pattern(entries('health_form_questions', context.extra_terms))})\b")
        # "Grace's ankle is still in a boot", "a pot on his leg" (injury_dressings.txt).
        dressings = phrase_pattern(entries("injury_dressings", context.extra_terms))
        self._dressed_part = lazy_compile(
            rf"\b(?P<owner>[Hh]is|[Hh]er|[Tt]heir|(?P<name>[A-Z][a-z]+)['\u2019]s)[ \t]+(?:(?:left|right|bad|broken|sore)[ \t]+)?(?:{parts})"
            rf"(?:[ \t]+is|['\u2019]s)?(?:[ \t]+(?:still|now|all|been|currently))*[ \t]+"
            rf"(?:in[ \t]+(?:a[ \t]+|an[ \t]+)?(?:{dressings})|(?:strapped|bandaged|splinted|taped|plastered)(?:[ \t]+up)?)\b"
            rf"|\b(?:a|an)[ \t]+(?:{dressings})[ \t]+on[ \t]+(?P<owner2>his|her|their)[ \t]+(?:(?:left|right|bad|broken|sore)[ \t]+)?(?:{parts})\b",
            re.IGNORECASE)
        # Cheap look-ups first, so that a long text with none of these words is not searched.
        self._dressing_cues = tuple({d.split()[-1].rstrip("*").lower() for d in entries("injury_dressings", context.extra_terms)}
                                    | {"strapped", "bandaged", "splinted", "taped", "plastered"})
        struggles = phrase_pattern(entries("health_struggles", context.extra_terms))
        self._struggle = lazy_compile(
            rf"\b(?:struggl(?:es|ed|ing)|(?:a[ \t]+)?(?:rough|hard|tough|difficult|bad|horrible)[ \t]+(?:time|patch|few[ \t]+weeks)|"
            rf"difficult(?:y|ies)|problems|issues|trouble)[ \t]+with[ \t]+(?:his|her|their)[ \t]+(?:{struggles})"
            # The thing itself, not "her mood board" or "his food order".
            rf"(?=[ \t]*(?:[,.;:!?)\n\u2013\u2014-]|$)|[ \t]+(?:since|lately|recently|at|this|and|but|so|again|for|over|in|after|"
            rf"which|too|though|because|when|while|the|of|now|still|right)\b)", re.IGNORECASE)
        # Round 21: what they struggle with, said to be getting worse: "Freddie's eating has got worse", "her
        # sleep has been awful", "his mood is getting worse" (health_struggles.txt).
        self._worsening = lazy_compile(
            rf"\b(?:(?P<name>[A-Z][a-z]+)['\u2019]s|his|her|their)[ \t]+(?:{struggles})"
            rf"(?:[ \t]+(?:has|have|had|is|was)|['\u2019]s)?(?:[ \t]+(?:really|definitely|also|just|now))?[ \t]+"
            rf"(?:got(?:ten)?|been|getting|become|becoming|gone)[ \t]+(?:(?:a[ \t]+lot|much|really|so|very|even|quite)[ \t]+)?"
            rf"(?:worse|bad|awful|terrible|poor|erratic|downhill)\b", re.IGNORECASE)
        self._neutral_referrers = frozenset(entries("neutral_referrers", context.extra_terms))
        # Round 23: a referral form's line naming who referred the young person or who else knows them
        # (referrer_role_labels.txt): "Referrer role: support worker", "Who else knows? Social worker".
        referrer_labels = phrase_pattern(entries("referrer_role_labels", context.extra_terms))
        self._referrer_line = lazy_compile(
            rf"(?:^|(?<=\n))[ \t*\u2022-]*(?i:{referrer_labels})\b[^\n:?]{{0,40}}[:?][^\n.!]{{0,60}}$")
        # Several young people at once (young_group_words.txt): "both twins have diabetes", "three of the
        # group have EHCPs", "the two sisters are autistic" (round 12).
        # A larger count is a figure in a report ("23 young people with EHCPs took part"), which identifies
        # nobody, unless it counts some of a group the reader knows ("five of the Tuesday group").
        group = (rf"(?P<group>\b(?:(?:(?i:both|all|two|three|four|several|a[ \t]+couple|a[ \t]+few|[2-4])(?:[ \t]+of)?"
                 rf"|(?i:five|six|seven|eight|\d{{1,2}})[ \t]+of)"
                 rf"[ \t]+(?:(?i:the|our|my|these|those)[ \t]+)?(?:[\w'\u2019-]+[ \t]+){{0,2}}?"
                 rf"(?i:{phrase_pattern(entries('young_group_words', context.extra_terms))})"
                 rf"|(?i:the)[ \t]+(?:(?i:two|three|four)[ \t]+)?(?:[\w'\u2019-]+[ \t]+)?(?i:{_KIN}))\b)")
        self._group_has_before = lazy_compile(rf"{group}{_VERB}[ \t]+{_FILLER}$")
        self._group_does_before = lazy_compile(rf"{group}(?:[ \t]+(?:{_STATE_VERB}))*[ \t]+$")
        # How a young person is, with no condition named (health_states.txt): "Freddie has been really low
        # since his exams", "she's not coping at home", "he told Mel he wants to die".
        states = phrase_pattern(entries("health_states", context.extra_terms)).replace("'", "['\u2019]")
        self._state = lazy_compile(rf"\b(?:{states}){_STATE_ENDS}")
        # What a young person finds hard, in everyday words (health_hard_things.txt): "Sol finds crowded
        # rooms overwhelming", "Esme struggles to read", "Jonah can't sit still for long".
        things = phrase_pattern(entries("health_hard_things", context.extra_terms)).replace("'", "['\u2019]")
        thing = rf"(?:(?:{_THING_LEAD})[ \t]+){{0,2}}(?:{things})\b(?![ \t]+{_NOT_A_NEED})"
        self._hard = lazy_compile(
            rf"\b(?:finds?|found)[ \t]+{thing}(?:[ \t]+[\w'\u2019-]+){{0,3}}?[ \t]+{_HOW_HARD}\b"
            rf"|\b(?:finds?|found)[ \t]+it[ \t]+{_HOW_HARD}[ \t]+to[ \t]+(?:[\w'\u2019-]+[ \t]+){{0,2}}?{thing}"
            rf"|\bstruggl(?:es|e|ed|ing)[ \t]+(?:to|with)[ \t]+(?:(?:his|her|their)[ \t]+)?(?:[\w'\u2019-]+[ \t]+)?{thing}"
            rf"|\b(?:can['\u2019]?t|cannot|could(?:n['\u2019]t|[ \t]+not)|(?:is|are)[ \t]+unable[ \t]+to)[ \t]+{thing}(?:[ \t]+[\w'\u2019-]+)?[ \t]+{_FOR_LONG}"
            rf"|\b(?:can['\u2019]?t|cannot|(?:doesn|don|won)['\u2019]t)[ \t]+(?:cope|deal|manage)[ \t]+with[ \t]+(?:[\w'\u2019-]+[ \t]+){{0,2}}?{thing}"
            rf"|\b(?:doesn|don)['\u2019]t[ \t]+(?:like|tolerate|cope[ \t]+well[ \t]+with)[ \t]+{thing}",
            re.IGNORECASE)
        # A service named before what it does for a young person (health_care_actions.txt): "the eating
        # disorders team is now working with Leah", "an OT is coming to assess Leo".
        actions = phrase_pattern(entries("health_care_actions", context.extra_terms))
        self._care_after = lazy_compile(
            r"(?:[ \t]+(?i:team|service|services|nurse|nurses|worker|workers|clinic|practitioner|specialist|consultant))?"
            rf"(?:['\u2019]s|[ \t]+(?:{_CARE_AUX}))*[ \t]+(?P<verb>{actions})[ \t]+"
            r"(?:(?P<pronoun>him|her|them)|(?P<name>[A-Z][a-z]+))\b")
        topics = phrase_pattern(entries("health_topic_labels", context.extra_terms))
        self._topic_label = lazy_compile(rf"\b(?i:{topics})\b")
        # "Beethoven was deaf", "Ray Charles lost his sight": famous people's health is history.
        self._famous = lazy_compile(rf"(?i:{phrase_pattern(entries('famous_people', context.extra_terms))})\b")
        self._whole_text_of: tuple[str, tuple[bool, float, float]] | None = None
        self._hurt_at_work_of: tuple[str, dict[int, bool]] | None = None
        self._roster = context.roster if context.roster is not None and len(context.roster) else None
        # Round 16: a document about one young person (health_subject_documents.txt), and the organisation's
        # grown-ups (its people with a full name) away ill, with their work covered (staff_cover_words.txt).
        self._subject_document = lazy_compile(
            rf"\b(?i:{phrase_pattern(entries('health_subject_documents', context.extra_terms))})\b")
        self._staff_full_names = frozenset(" ".join(n.lower().split()[:2]) for n in context.org_people if len(n.split()) >= 2)
        self._staff_first_names = frozenset(n.split()[0] for n in self._staff_full_names)
        self._staff_cover = lazy_compile(rf"\b(?i:{phrase_pattern(entries('staff_cover_words', context.extra_terms))})\b")
        # Who the sentence is about, said with their group or school (health_person_groups.txt): "Priya in
        # the drum group has epilepsy" is read as "Priya has epilepsy" (round 14).
        person_groups = phrase_pattern(entries("health_person_groups", context.extra_terms))
        self._person_group = lazy_compile(
            # Round 23: the name may be typed in lower case ("kayla in yr 8 has"); _SUBJECT then reads it
            # as a name only when it is a first name people have.
            r"(?P<name>\b[A-Za-z][a-z]+(?:-[A-Za-z][a-z]+)?(?:[ \t]+[A-Z]\.?(?![\w']))?)"
            # One or two of these (round 23): "maisie in year 9 at the drama club has".
            r"(?:(?:[ \t]*,?[ \t]+(?:"
            rf"(?:in|from|at)[ \t]+(?:(?:the|our|my)[ \t]+)?(?:[\w'\u2019-]+[ \t]+){{0,3}}?(?i:{person_groups})"
            r"|(?:in|from)[ \t]+[A-Z][\w'\u2019-]+(?:[ \t]+[A-Z][\w'\u2019-]+){0,3}"
            r"|in[ \t]+(?i:year|yr)[ \t]*\d{1,2}"
            # Round 28: the school after the year, typed in lower case ("mason in yr 9 at balcarras has"):
            # up to three words, none of them the verb that follows.
            r"(?:[ \t]*,?[ \t]+at[ \t]+(?!(?:is|has|had|was|have|and|who|but|n|says|said)\b)[\w'\u2019-]+"
            r"(?:[ \t]+(?!(?:is|has|had|was|have|and|who|but|n|says|said)\b)[\w'\u2019-]+){0,2})?"
            r")\b(?:[ \t]*,)?){1,2}"
            # "Our youngest member, Evie, is asthmatic": the comma after a name in apposition.
            r"|[ \t]*,(?=[ \t]+(?:is|has|was|had)\b))")
        # A condition given as the cause of what the person did or missed (health_causes.txt): "Callum
        # hadn't left the house because of school anxiety".
        causes = phrase_pattern(entries("health_causes", context.extra_terms))
        self._cause_before = lazy_compile(
            rf"{_SUBJECT}(?:['\u2019](?:s|d|ve))?[ \t,][^.!?\n]{{0,60}}?\b(?i:{causes})[ \t]+{_FILLER}(?:[a-z]+[ \t]+)?$")
        self._context_patterns = (*_CONTEXT_PATTERNS, self._cause_before)
        self._cause_cue = lazy_compile(rf"\b(?i:{causes})\b")  # a cheap look-up before the pattern is run
        # A struggle since a hard thing in the person's life (health_life_events.txt): "Reece has been
        # struggling since his parents split".
        events = phrase_pattern(entries("health_life_events", context.extra_terms))
        self._struggle_since = lazy_compile(
            r"\b(?:struggl(?:ing|ed|es)|finding[ \t]+(?:things|it|everything|life|school)[ \t]+(?:(?:really|so|very)[ \t]+)?"
            r"(?:hard|difficult|tough)|(?:having|had)[ \t]+a[ \t]+(?:(?:really|very)[ \t]+)?(?:hard|tough|rough|difficult)[ \t]+time|"
            r"not[ \t]+(?:been[ \t]+)?(?:him|her|them)sel(?:f|ves)|(?:low|withdrawn|anxious|tearful|angry|upset))"
            r"(?:[ \t]+(?:a[ \t]+lot|so[ \t]+much|a[ \t]+bit))?[ \t]+(?:ever[ \t]+)?(?:since|after)[ \t]+"
            r"(?:(?:his|her|their|the|mum|dad)[ \t]+)?(?:[\w'\u2019-]+[ \t]+){0,2}?"
            rf"(?:{events})\b", re.IGNORECASE)
        # A stay in care in plain words (health_stays.txt, round 18): "after a fortnight on the children's
        # ward", "back from A&E", "was admitted last night".
        stays = phrase_pattern(entries("health_stays", context.extra_terms)).replace("'", "['\u2019]?")
        self._stay = lazy_compile(
            rf"\b(?:(?:{_STAY_LENGTH})[ \t]+)?(?:in|on|at|from|into|out[ \t]+of)[ \t]+(?:(?:the|a)[ \t]+)?(?:{stays})(?![\w&-]|{_PLACE_NOT_A_STAY})"
            rf"|\b(?:was|been|got|being|is|were)[ \t]+(?:re-?)?admitted(?=[ \t]*(?:[,.;!?\u2013\u2014]|$)|[ \t]+(?:last|over|overnight|"
            rf"yesterday|this|on|again|with|for[ \t]+(?:tests|treatment|observation|surgery)|to[ \t]+(?:the[ \t]+)?(?:{stays}))\b)",
            re.IGNORECASE)
        # Round 28: a condition as a describing word before a young person's role (health_describing_words.txt):
        # "Deaf percussionist Kian, 15", "our deaf guitarist Ava".
        roles = phrase_pattern(entries("young_member_words", context.extra_terms) + entries("young_role_words", context.extra_terms)
                               + entries("health_young_roles", context.extra_terms))
        self._described_role = lazy_compile(
            rf"\b(?:{phrase_pattern(entries('health_describing_words', context.extra_terms))})"
            rf"(?=[ \t]+(?:[\w-]+[ \t]+)?(?:{roles})\b)", re.IGNORECASE)
        # Round 28: signs in a chronology's plain words (health_plain_signs.txt): "he's not eating much".
        self._plain_sign = lazy_compile(
            rf"\b(?:{phrase_pattern(entries('health_plain_signs', context.extra_terms))})\b", re.IGNORECASE)
        # Round 28: where medicine is kept ("in the meds box", health_kit_places.txt) names a place, not a need.
        self._kit_place_after = lazy_compile(
            rf"[ \t]+(?:{phrase_pattern(entries('health_kit_places', context.extra_terms))})\b", re.IGNORECASE)
        # What follows from a need (health_aftermath.txt): joined to the need it follows in the sentence.
        self._aftermath = lazy_compile(
            rf"\b(?:{phrase_pattern(entries('health_aftermath', context.extra_terms))})\b", re.IGNORECASE)
        # Round 25: the mind's health in the writer's own words (health_own_words.txt): "my anxiety's been
        # bad", "been struggling with my mental health".
        own = phrase_pattern(entries("health_own_words", context.extra_terms))
        self._own_words = lazy_compile(
            rf"\b(?:(?:struggl(?:e|es|ed|ing)|(?:a[ \t]+)?(?:hard|rough|tough|bad)[ \t]+time)[ \t]+with[ \t]+)?"
            # "my new hearing aids" (round 26).
            rf"my[ \t]+(?:(?:own|new)[ \t]+)?(?:{own})\b", re.IGNORECASE)
        # Round 26: what the team lifts, carries or sets up (health_staff_work.txt, health_staff_work_actions.txt), so that a grown-up hurt
        # doing it, with somebody else taking over, is one of the team and not a young person.
        work = phrase_pattern(entries("health_staff_work", context.extra_terms))
        actions = phrase_pattern(entries("health_staff_work_actions", context.extra_terms))
        self._staff_work = lazy_compile(
            rf"\b(?i:{actions})[ \t]+(?:(?i:the|a|an|some|our|all[ \t]+the)[ \t]+)?(?:[\w-]+[ \t]+)?(?i:{work})\b")
        # Round 25: a mobility aid in a sentence that names a young person anywhere (health_mobility_aids.txt).
        self._mobility_aid = lazy_compile(
            rf"\b(?:{phrase_pattern(entries('health_mobility_aids', context.extra_terms))})\b", re.IGNORECASE)

    def _without_precautions(self, doc: Document, spans: list[Span]) -> list[Span]:
        """Drops a condition said as a precaution or an absence ("no seizure activity observed", "watched her
        in case of a seizure") or a plan kept for a need ("his care plan was followed") where the same or the
        previous sentence already tells the young person's need (round 24): the need is the finding, not
        the care taken over it. Alone, the precaution still tells a need and stays."""
        if len(spans) < 2:
            return spans
        text = doc.masked

        def precaution(span: Span) -> bool:
            sentence_start, _ = doc.sentence_bounds(span.start)
            return self._precaution_before.search(text, max(sentence_start, span.start - 30), span.start) is not None \
                or _PLAN_WORD.fullmatch(text, span.start, span.end) is not None

        told = set()
        for span in spans:
            # The need itself, not another plan or the service that keeps it ("a safety plan with her school
            # counsellor" is still told).
            if not precaution(span) and _SERVICE_WORD.search(text, span.start, span.end) is None:
                sentence_start, _ = doc.sentence_bounds(span.start)
                told.add(sentence_start)
        kept = []
        for span in spans:
            if precaution(span):
                sentence_start, _ = doc.sentence_bounds(span.start)
                previous = doc.sentence_bounds(sentence_start - 1)[0] if sentence_start > 0 else None
                if sentence_start in told or previous in told:
                    continue
            kept.append(span)
        return kept

    def _about_a_grown_up(self, text: str) -> bool:
        """The text's heading names a record about one of the team (round 24, health_adult_records.txt):
        "Volunteer induction - Mark: has epilepsy" is the volunteer's own health, told to the team. The
        heading is the first line's start up to a colon or a dash, or a short first line with more below
        it, and is a title of a few words: a sentence that mentions a new volunteer ("Our new volunteer Sam
        will sit with Ellie, who has epilepsy") heads nothing. An age under 18 makes the record a young
        person's ("Induction notes: Ellie (14) has epilepsy")."""
        line_end = text.find("\n")
        heading = _HEADING_END.search(text, 0, min(len(text) if line_end < 0 else line_end, _HEADING_REACH))
        if heading is not None:
            heading_end = heading.start()
        elif 0 <= line_end <= _HEADING_REACH:
            heading_end = line_end
        else:
            return False
        return (_TITLE.fullmatch(text, 0, heading_end) is not None
                and self._adult_record.search(text, 0, heading_end) is not None
                and _UNDER_18.search(text) is None and not _born_under_18(text))

    def _described_by_condition(self, doc: Document) -> list[Span]:
        """A condition as a describing word before one young person's role (round 28): "Deaf percussionist
        Kian, 15, said ...". The sentence must name the young person (a first name or an age under 18) and no
        grown-up by role; "Deaf awareness training" names no role and nobody."""
        text = doc.masked
        found = []
        # Each sentence is read once, so a long text with no full stops stays quick.
        answered: dict[tuple[int, int], bool] = {}
        for described in self._described_role.finditer(text):
            bounds = doc.sentence_bounds(described.start())
            if bounds not in answered:
                answered[bounds] = self._sentence_names_young_person(doc, described.start()) \
                    and self._sentence_has_person(text, *bounds)
            if answered[bounds]:
                found.append(Span(Kind.HEALTH, described.start(), described.end()))
        return found

    def _plain_signs(self, doc: Document) -> list[Span]:
        """Signs of health in a chronology's or a register's plain words (round 28): "19/09 Tyler said he's
        not eating much", "Isla left after a meltdown in the booth". The sentence names its person (he, she or
        a first name) and is not only about one of the team; "someone" or nobody stays quiet."""
        text = doc.masked
        found = []
        answered: dict[tuple[int, int], bool] = {}
        young: dict[tuple[int, int], bool] = {}
        for sign in self._plain_sign.finditer(text):
            bounds = doc.sentence_bounds(sign.start())
            if bounds not in answered:
                answered[bounds] = self._sentence_has_person(text, *bounds) \
                    and self._young_persons_sentence(doc, sign.start(), young) \
                    and not self._staff_away(text, *bounds)
            if answered[bounds]:
                found.append(Span(Kind.HEALTH, sign.start(), sign.end()))
        return found

    def _not_kit_kept(self, text: str, spans: list[Span]) -> list[Span]:
        """Drops medicine named as kit the team holds or keeps (round 28): "Lucy has the EpiPens" is who
        carries the group's kit, and "they're in the meds box" is where it is kept; neither is a need."""
        kept = []
        group_end = -1  # where the last need said of the whole group ends: "everyone's allergies and medication"
        for span in sorted(spans, key=lambda found: found.start):
            word = text[span.start:span.end]
            single = " " not in word
            held = single and word.endswith("s") and _HOLDS_THE_BEFORE.search(text, max(0, span.start - _LOOKBACK), span.start)
            place = single and text[max(0, span.start - 4):span.start].lower() == "the " \
                and self._kit_place_after.match(text, span.end) is not None
            # "everyone's allergies and medication on the register": the whole group's, kept on a record.
            group = _WHOLE_GROUP_BEFORE.search(text, max(0, span.start - _LOOKBACK), span.start) is not None \
                or (0 <= group_end <= span.start and _LIST_JOIN.fullmatch(text, group_end, span.start) is not None)
            if group:
                group_end = span.end
            if not (held or place or group):
                kept.append(span)
        return kept

    def _only_a_grown_up(self, text: str, start: int, end: int) -> bool:
        """The sentence is about one of the team named by role and nobody else (round 25): "Our music leader
        Tom ran the session with his arm in a sling" is Tom's, and Tom is a grown-up."""
        adult = self._adult_named.search(text, start, end)
        if adult is None:
            return False
        adult_name = adult.group().split()[-1]
        return not any(w.group() != adult_name and w.group().lower() in self._first_names and w.group() not in NOT_A_NAME
                       for w in _CAPITALISED_WORD.finditer(text, start, end))

    def _young_persons_sentence(self, doc: Document, start: int, answered: dict[tuple[int, int], bool]) -> bool:
        """The sentence names a young person and is not only about one of the team; read once a sentence."""
        bounds = doc.sentence_bounds(start)
        if bounds not in answered:
            answered[bounds] = self._sentence_names_young_person(doc, start) and not self._only_a_grown_up(doc.masked, *bounds)
        return answered[bounds]

    def _own_and_aided(self, doc: Document) -> list[Span]:
        """Round 25: the mind's health in the writer's own words ("my anxiety has been through the roof") and
        a mobility aid in a sentence that names a young person ("even on crutches she never missed one")."""
        text = doc.masked
        low = doc.lowered if doc.lowered is not None else text.lower()
        spans: list[Span] = []
        # Each sentence is read once, so that a long text without full stops stays quick.
        team_only: dict[tuple[int, int], bool] = {}
        young: dict[tuple[int, int], bool] = {}
        if "my " in low:
            for own in self._own_words.finditer(text):
                bounds = doc.sentence_bounds(own.start())
                if bounds not in team_only:
                    team_only[bounds] = self._staff_away(text, *bounds) or self._meeting_changes.search(text, *bounds) is not None
                if not team_only[bounds]:
                    spans.append(Span(Kind.HEALTH, own.start(), own.end()))
        for aid in self._mobility_aid.finditer(text):
            bounds = doc.sentence_bounds(aid.start())
            if bounds not in young:
                young[bounds] = self._sentence_names_young_person(doc, aid.start()) \
                    and not self._only_a_grown_up(text, *bounds) and not self._staff_away(text, *bounds)
            if young[bounds]:
                # The aid itself ("crutches", "wheelchair"), as when it follows a need.
                lead = _AID_LEAD.match(text, aid.start())
                spans.append(Span(Kind.HEALTH, aid.start() if lead is None else lead.end(), aid.end()))
        return spans

    def _sentence_has_person(self, text: str, start: int, end: int) -> bool:
        """The sentence names its person: he or she, a capitalised first name, or a first name typed in lower
        case before a dash or a colon ("accident form for jayden - burnt his finger"); "the drummer in the
        video cut his hand" names nobody (round 24)."""
        if _HE_OR_SHE_SUBJECT.search(text, start, end) is not None:
            return True
        if any(w.group().lower() in self._first_names and w.group() not in NOT_A_NAME and not self._is_famous(text, w.start(), w.end())
               for w in _CAPITALISED_WORD.finditer(text, start, end)):
            return True
        return any(w.group("name") in self._first_names for w in _LOWER_NAME_LABEL.finditer(text, start, end))

    def _names_a_record(self, line: re.Match[str]) -> bool:
        """A form line that is a record's heading (round 24): "Medication log - residential" names the log
        and where it is kept, not anybody's need."""
        head = line.string[line.start():line.start("value")]
        return self._record_heading.search(head) is not None

    def _mishaps(self, doc: Document) -> list[Span]:
        """Everyday mishaps to a young person's body, as an accident book words them (round 24): "Kayden caught
        his thumb in the keyboard stand", "Esme slipped and banged her head", "Amara got hit in the eye". With
        "his", "her" or "their" the part is the person's the sentence is about (a young person, not a grown-up
        in their life or one of the team); otherwise the person must be the subject right before. A risk to
        everyone ("mind fingers in the piano lid") and idioms ("caught her eye") name no injury."""
        text = doc.masked
        found = []
        names_young: dict[tuple[int, int], bool] = {}
        grown_ups: dict[tuple[int, int], bool] = {}
        # Whole sentences are read once each, so a text of many mishaps and no full stops stays linear.
        has_person: dict[tuple[int, int], bool] = {}
        in_a_record: bool | None = None  # whether the text is an accident record, read once when needed
        for mishap in self._mishap.finditer(text):
            if _MISHAP_IDIOM.fullmatch(mishap.group()):
                continue
            bounds = doc.sentence_bounds(mishap.start())
            sentence_start, sentence_end = bounds
            before = self._about(text[max(sentence_start, mishap.start() - _LOOKBACK):mishap.start()])
            if bounds not in grown_ups:
                grown_ups[bounds] = bool(self._staff_away(text, sentence_start, sentence_end)
                                         or self._leads_a_session.search(text, sentence_start, sentence_end)
                                         or self._meeting_changes.search(text, sentence_start, sentence_end))
                grown_ups[bounds] = grown_ups[bounds] or self._hurt_at_work(text, sentence_start, sentence_end)
            if grown_ups[bounds]:
                continue
            if mishap.group("owner") is not None:
                relative = None
                for relative in _ADULT_RELATIVE.finditer(before):
                    pass
                if relative is not None and not _HE_OR_SHE_SUBJECT.search(before, relative.end()):
                    continue  # "his dad cut his hand on the trailer": a grown-up in the child's life
                if bounds not in has_person:
                    has_person[bounds] = self._sentence_has_person(text, sentence_start, sentence_end)
                if has_person[bounds] and self._sentence_names_young_person(doc, mishap.start(), names_young):
                    found.append(Span(Kind.HEALTH, mishap.start(), mishap.end()))
            elif self._names_a_young_person(_SUBJECT_ONLY_BEFORE.search(before)) \
                    or self._names_a_young_person(_PERSON_HAS_BEFORE.search(before)):
                found.append(Span(Kind.HEALTH, mishap.start(), mishap.end()))
            else:
                # "First aid book 14:20 - Josh, pinched finger in the drum stool" (round 26): an accident
                # record's line that names a young person; the line, since "Name: Kai B." may end a sentence.
                if in_a_record is None:
                    in_a_record = self._accident_record.search(text) is not None
                line_start = text.rfind("\n", 0, mishap.start()) + 1
                line_end = text.find("\n", mishap.end())
                line_end = len(text) if line_end < 0 else line_end
                if _NOBODY_NAMED_BEFORE.search(before) is not None:
                    continue  # "someone grazed a knee": nobody is identified (round 28)
                if in_a_record and (line_start, line_end) not in has_person:
                    has_person[(line_start, line_end)] = self._sentence_has_person(text, line_start, line_end)
                if in_a_record and has_person[(line_start, line_end)] and not self._adult_named.search(text, line_start, line_end):
                    found.append(Span(Kind.HEALTH, mishap.start(), mishap.end()))
        return found

    def _subjectless(self, text: str, before: str, start: int, end: int) -> bool:
        """A sentence with no subject in a document about one young person (round 16): "Referral summary:
        ... Has an EHCP for SEMH", "Case study - Layla. Suffers from depression", "Year 8, diagnosed with
        ADHD", "Self-harm history, currently supported by CAMHS". Not a question ("Has anyone got ...?")."""
        if self._whole_text(text)[2] > start:
            return False
        clause = _CLAUSE_START.split(before)[-1]
        opens = clause.strip(" \t\"'(") == ""
        # "Reason for joining: school refusal": the condition opens the value of the document's own heading.
        heading = opens and before.rstrip(" \t").endswith(":") and self._subject_document.search(
            before[:len(before) - len(clause)]) is not None and "\n" not in before
        if _SUBJECTLESS_LEAD.match(clause) is None and not (opens and _HISTORY_AFTER.match(text, end)) and not heading:
            return False
        sentence_end = re.search(r"[.!?\n]", text[end:])
        return sentence_end is None or sentence_end.group() != "?"

    def _staff_away(self, text: str, sentence_start: int, sentence_end: int) -> bool:
        """A sentence whose person is one of the organisation's grown-ups, away ill (round 16): "Sam's off
        today with a migraine so Grace is covering", "Tom Ellis is recovering from his knee op"."""
        # Somebody else takes over their session (round 23). Both callers read this once a sentence.
        if self._covers_a_session.search(text, sentence_start, sentence_end) is not None:
            return True
        if not self._staff_first_names:
            return False
        first = self._first_named(text, sentence_start, sentence_end)
        if first is None or first.group().lower() not in self._staff_first_names:
            return False
        surname = _CAPITALISED_WORD.match(text, first.end() + 1)
        if surname is not None and text[first.end()] == " " \
                and f"{first.group()} {surname.group()}".lower() in self._staff_full_names:
            return True
        return self._staff_cover.search(text, sentence_start, sentence_end) is not None

    def _first_named(self, text: str, start: int, end: int) -> re.Match[str] | None:
        """The first first name written in text[start:end] (not a word such as "May" that only looks like one)."""
        return next((w for w in _CAPITALISED_WORD.finditer(text, start, end)
                     if w.group() in self._first_names and w.group() not in NOT_A_NAME), None)

    def _a_participants_first_name(self, first: str) -> bool:
        return self._roster is not None and self._roster.is_first_name(normalise_name(first))

    def _numbered_item(self, text: str, start: int) -> bool:
        """An item of a numbered needs list, or a bulleted line by initials (round 26): "1) T.K. - epilepsy",
        "2) Sophie - wheelchair user", "- L.W.: dyspraxia". A first name must not be a word such as "Theme"."""
        line_start = text.rfind("\n", 0, start) + 1
        item = _NUMBERED_ITEM_BEFORE.search(text, max(line_start, start - _LOOKBACK), start)
        return item is not None and (item.group("name") is None or item.group("name") not in NOT_A_NAME)

    def _one_persons_sentence(self, text: str, sentence_start: int, sentence_end: int, read: dict[int, bool]) -> bool:
        """The sentence says whose it is: he or she, a first name, "one participant" (round 26). `read` keeps
        each sentence's answer, so a long text with no full stops is read once."""
        if sentence_start not in read:
            read[sentence_start] = _ONE_YOUNG_PERSON.search(text, sentence_start, sentence_end) is not None \
                or self._sentence_has_person(text, sentence_start, sentence_end)
        return read[sentence_start]

    def _hurt_at_work(self, text: str, sentence_start: int, sentence_end: int) -> bool:
        """One of the organisation's grown-ups hurt moving the team's kit, whose work someone else then did
        (round 26): "Dan hurt his back moving the PA so Ben did the lifting". A participant on the roster hurt
        the same way ("Kai hurt his back moving the amps so Finn took over") is not, unless one of the team
        shares the first name. Read once a sentence: a long
        text of injuries would otherwise read each sentence again for every one."""
        cached = self._hurt_at_work_of
        if cached is None or cached[0] is not text:
            cached = (text, {})
            self._hurt_at_work_of = cached
        answers = cached[1]
        if sentence_start not in answers:
            first = self._first_named(text, sentence_start, sentence_end)
            answers[sentence_start] = (
                (first is None or first.group().lower() in self._staff_first_names
                 or not self._a_participants_first_name(first.group()))
                and self._staff_work.search(text, sentence_start, sentence_end) is not None
                and _WORK_TAKEN_OVER.search(text, sentence_start, sentence_end) is not None)
        return answers[sentence_start]

    def _field_value(self, text: str, before: str, start: int) -> bool:
        # "Anything we should know?: gets very travel sick": a question to the parent about their child;
        # anywhere in its answer a condition is the child's.
        # The question may end in "?", so it is looked for on the line, not in the sentence.
        # Only the last stretch of a long line is read, so a line of many conditions stays quick.
        line_start = text.rfind("\n", 0, start) + 1
        question = _FIELD_ANSWER_BEFORE.search(text, max(line_start, start - _FIELD_QUESTION_REACH), start)
        if question is not None and self._form_question.search(question.group("label")) is not None \
                and self._topic_label.search(question.group("label")) is None:
            return True
        field = _FIELD_VALUE_BEFORE.search(before)
        if field is None or self._topic_label.search(field.group("label")) is not None:
            return False
        # The form is about somebody: "sit her near the front" on the line, a "Name:" field, or a first
        # name earlier on ("Reminder: mental health first aid course" is about nobody).
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        # Near the need only: a text with no line breaks would otherwise be read whole for every condition.
        return (_HE_OR_SHE_OR_THEM.search(text, max(line_start, start - _FIELD_LINE_REACH),
                                          min(line_end, start + _FIELD_LINE_REACH)) is not None
                or self._whole_text(text)[0]
                or self._whole_text(text)[1] <= line_start)

    def _whole_text(self, text: str) -> tuple[bool, float, float]:
        """Read once a text: whether it has a "Name:" field, where its first first name ends, and where its
        first heading of a document about one young person ends (so that "earlier on" is a comparison,
        not a scan from the top for every condition)."""
        # The last text's answers are kept on the detector; read into a local once, so that checks running
        # in two threads never mix one text's answers with another's (Checker.check is thread-safe).
        cached = self._whole_text_of
        if cached is None or cached[0] is not text:
            first_name_end = next((w.end() for w in _CAPITALISED_WORD.finditer(text)
                                   if w.group().lower() in self._first_names and w.group() not in NOT_A_NAME), float("inf"))
            document = self._subject_document.search(text)
            cached = (text, (_NAME_FIELD.search(text) is not None, first_name_end,
                             float("inf") if document is None else document.end()))
            self._whole_text_of = cached
        return cached[1]

    def _may_name_somebody(self, before: str) -> bool:
        """A cheap look-up before the context patterns are run: their person is a capitalised word, he, she,
        his or her, a child by kin ("my son"), or a first name in lower case ("tom's got asthma")."""
        return _CAPITAL.search(before) is not None or _PRONOUN_OR_KIN.search(before) is not None \
            or any(word in self._first_names for word in _LOWER_WORD.findall(before))

    def _about(self, before: str) -> str:
        """The words before a need with the person's group or school left out: "Priya in the drum group has"
        reads "Priya has", "Kai, from the Cheltenham group, is" reads "Kai is"."""
        if "," not in before and " in " not in before and " from " not in before and " at " not in before:
            return before
        return self._person_group.sub(r"\g<name>", before)

    def _opening_clause(self, text: str, before: str, end: int) -> bool:
        """A clause that opens the sentence with the condition, its person named right after the comma:
        "Diagnosed with selective mutism in Year 7, she now sings solo", "Living with epilepsy, Kai ..."."""
        if _OPENING_CLAUSE_BEFORE.search(before) is None:
            return False
        person = _PERSON_AFTER_CLAUSE.match(text, end)
        if person is None:
            return False
        name = person.group("name")
        return name is None or (name.lower() in self._first_names and name not in NOT_A_NAME)

    def _young_subject(self, pattern: re.Pattern[str], before: str) -> bool:
        """The pattern's subject is a young person, trying later subjects when the first is not: in
        "mum says he's on a waiting list for CAMHS" the subject is "he", not "mum"."""
        match = pattern.search(before)
        for _ in range(4):
            if match is None:
                return False
            if self._names_a_young_person(match):
                return True
            match = pattern.search(before, match.start() + 1)
        return False

    def _sentence_names_young_person(self, doc: Document, start: int,
                                     answered: dict[tuple[int, int], bool] | None = None) -> bool:
        """The sentence names its person (a first name, he or she) and no grown-up by role: "Our volunteer
        Sue has her knee in a brace" is a grown-up's.

        `answered` keeps the answer for each sentence already read, so that many needs in one long sentence
        (a text without full stops) read it once, not once each."""
        text = doc.masked
        bounds = doc.sentence_bounds(start)
        if answered is not None and bounds in answered:
            return answered[bounds]
        sentence_start, sentence_end = bounds
        result = not self._adult_named.search(text, sentence_start, sentence_end) and (
            _HE_OR_SHE.search(text, sentence_start, sentence_end) is not None or any(
                w.group().lower() in self._first_names and w.group() not in NOT_A_NAME
                and not self._is_famous(text, w.start(), w.end())
                for w in _CAPITALISED_WORD.finditer(text, sentence_start, sentence_end)))
        if answered is not None:
            answered[bounds] = result
        return result

    def _anonymous_quote(self, text: str, start: int) -> bool:
        """"Message from a parent: 'My son has autism and ...'": a condition quoted from somebody left
        unnamed (anonymous_sources.txt), with no first name in the quotation, is a testimonial."""
        source = None
        for source in self._anonymous_source.finditer(text, max(0, start - 200), start):
            pass
        if source is None or "\n" in text[source.end():start]:
            return False
        quoted = text[source.end() - 1:start]
        return not any(w.group().lower() in self._first_names and w.group() not in NOT_A_NAME
                       for w in _CAPITALISED_WORD.finditer(quoted))

    def _is_famous(self, text: str, start: int, end: int) -> bool:
        """The name is (the end of) a famous person's: "Beethoven", "Ray Charles"."""
        return any(m.end() == end for m in self._famous.finditer(text, max(0, start - 30), end))

    def _general_advice(self, text: str, start: int, end: int) -> bool:
        """"If your daughter has asthma, make sure her inhaler is in her bag": advice to every parent
        about any child, with nobody named in the sentence."""
        if not _GENERAL_CHILD.search(text, start, end):
            return False
        return not any(w.group().lower() in self._first_names and w.group() not in NOT_A_NAME
                       for w in _CAPITALISED_WORD.finditer(text, start, end))

    def _names_a_young_person(self, match: re.Match[str] | None) -> bool:
        if not _names_a_person(match, self._first_names):
            return False
        assert match is not None
        # "Zara's nan is in hospital", "his dad's off sick": the health of a grown-up in the child's life.
        if _ADULT_RELATIVE.search(match.group()):
            return False
        name_start = match.start("name") if match.groupdict().get("name") is not None else -1
        if name_start >= 0 and self._is_famous(match.string, name_start, match.end("name")):
            return False
        if name_start >= 0 and self._adult_role.search(_aside_after_name(match)) is not None:
            return False
        if name_start < 0 and match.groupdict().get("lower_name") is None \
                and self._adult_named.search(match.string, 0, match.start()) is not None:
            return False
        return name_start < 0 or self._adult_before.search(match.string, max(0, name_start - 40), name_start) is None

    def _first_name_or_pronoun(self, match: re.Match[str] | None, rest: str = "") -> bool:
        """The subject is he, she, "my son" or a first name people have, not any capitalised word
        ("Battery is low", "Everyone struggles to read in this light"); a name the forenames list lacks
        counts when the rest of the sentence speaks of him or her ("Sol finds crowds overwhelming, so
        he'll warm up outside")."""
        if match is None:
            return False
        name = match.groupdict().get("name")
        if name is None or (name.lower() in self._first_names and name not in NOT_A_NAME):
            return True
        return name not in NOT_A_NAME and _HE_OR_SHE_OR_THEM.search(rest) is not None

    def _states(self, doc: Document, low: str) -> list[Span]:
        """"Freddie has been really low since his exams", "she's not coping", "both twins have been off
        their food": how a named young person (or a counted group) is, said right after them."""
        text = doc.masked
        found = []
        for state in self._state.finditer(low):
            if text[state.start():state.end()].lower() != low[state.start():state.end()]:
                continue  # the lowered text no longer lines up with the text (a rare character)
            sentence_start, sentence_end = doc.sentence_bounds(state.start())
            before = text[max(sentence_start, state.start() - _LOOKBACK):state.start()]
            rest = text[state.end():sentence_end]
            # A state of more than one word may follow the person straight away ("he wants to die",
            # "Otis isn't coping"); "low" or "down" needs its verb ("has been low").
            # A name the forenames list lacks is read as one before a state of several words ("Mae isn't
            # coping"); "low" alone needs a first name people have, he or she ("Battery's been low").
            single = " " not in state.group().strip()
            pattern = _STATE_BEFORE if single else _STATE_OR_BARE_BEFORE
            match = pattern.search(before)
            for _ in range(4):
                if match is None or (self._names_a_young_person(match) and (not single or self._first_name_or_pronoun(match, rest))):
                    break
                match = pattern.search(before, match.start() + 1)
            if match is not None or self._group_does_before.search(before) is not None:
                found.append(Span(Kind.HEALTH, state.start(), state.end()))
        return found

    def _struggles_since(self, doc: Document) -> list[Span]:
        """"Reece has been struggling since his parents split": a struggle and the hard thing in the
        person's life it follows, said right after the person (a first name, he or she)."""
        text = doc.masked
        found = []
        for struggle in self._struggle_since.finditer(text):
            sentence_start, sentence_end = doc.sentence_bounds(struggle.start())
            before = self._about(text[max(sentence_start, struggle.start() - _LOOKBACK):struggle.start()])
            match = _STATE_OR_BARE_BEFORE.search(before)
            if match is not None and self._names_a_young_person(match) \
                    and self._first_name_or_pronoun(match, text[struggle.end():sentence_end]):
                found.append(Span(Kind.HEALTH, *struggle.span()))
        return found

    def _stays(self, doc: Document) -> list[Span]:
        """A young person's stay in care, with no condition named (round 18): "Jack is back after a fortnight
        on the children's ward", "Zac is still on the paediatric ward", "Poppy was admitted last night". The
        sentence names a young person (a first name, he or she) and no grown-up in their life before the
        stay ("Kai's nan has been in hospital"), and no grown-up by role ("our tutor Dan")."""
        text = doc.masked
        found = []
        # What is read of a whole sentence is read once a sentence, so that a text of many stays and no
        # full stops stays linear.
        names_young: dict[tuple[int, int], bool] = {}
        a_grown_ups: dict[tuple[int, int], bool] = {}
        for stay in self._stay.finditer(text):
            sentence_start, sentence_end = doc.sentence_bounds(stay.start())
            if not self._sentence_names_young_person(doc, stay.start(), names_young):
                continue
            # The words before the stay in its sentence, up to a bounded look-back: a sentence thousands of
            # characters long (a text without full stops) is not read from its start for every stay.
            before = text[max(sentence_start, stay.start() - _STAY_LOOK_BACK):stay.start()]
            relative = None
            for relative in _ADULT_RELATIVE.finditer(before):
                pass
            if relative is not None and not _HE_OR_SHE_SUBJECT.search(before, relative.end()):
                continue
            bounds = (sentence_start, sentence_end)
            if bounds not in a_grown_ups:
                # "Sam is at the hospital with his dad ... (Sam Okafor, staff)": one of the team.
                a_grown_ups[bounds] = bool(
                    self._staff_away(text, sentence_start, sentence_end)
                    or self._leads_a_session.search(text, sentence_start, sentence_end)
                    or self._staff_named_in_text(text, sentence_start, sentence_end))
            if a_grown_ups[bounds]:
                continue
            if _VISIT_BEFORE.search(before):
                continue  # "Amy and Leo played carols on the children's ward": a visit, not a stay
            if not _CAPITAL.search(before) and not _HE_OR_SHE.search(before):
                continue  # the person comes before the stay: "on the ward at Gloucestershire Royal, Amy sang" is a venue
            found.append(Span(Kind.HEALTH, stay.start(), stay.end()))
        return found

    def _staff_named_in_text(self, text: str, sentence_start: int, sentence_end: int) -> bool:
        """The sentence's first first name is one of the organisation's people named in full elsewhere in
        the text: "Sam is at the hospital ... (Sam Okafor, staff)"."""
        first = self._first_named(text, sentence_start, sentence_end)
        if first is None or first.group().lower() not in self._staff_first_names:
            return False
        lowered = text.lower()
        return any(name in lowered for name in self._staff_full_names if name.split()[0] == first.group().lower())

    def _a_referrer(self, text: str, start: int, end: int) -> bool:
        """A professional who referred the young person to the organisation (round 21, neutral_referrers.txt):
        "The school nurse referred Ava to us", "referred to us by her social worker", "Referrer: school nurse"."""
        if " ".join(text[start:end].lower().split()) not in self._neutral_referrers:
            return False
        if (_REFERRED_BY_BEFORE.search(text, max(0, start - 40), start) is not None
                or _REFERS_TO_US_AFTER.match(text, end) is not None):
            return True
        # A referral form's line (round 23): its label starts the line, at most 120 characters back.
        line_start = text.rfind("\n", max(0, start - 120), start) + 1
        if line_start == 0 and start > 120:
            return False
        return self._referrer_line.search(text[line_start:start]) is not None

    def _cared_for(self, text: str, conditions: list[re.Match[str]]) -> list[Span]:
        """A service or professional named first, then what it does for a young person: "the eating
        disorders team is now working with Leah", "a social worker's been assigned to him"."""
        found = []
        for condition in conditions:
            care = self._care_after.match(text, condition.end())
            if care is None:
                continue
            if care.group("verb").lower() == "referred" and _REFERRED_TO_US_AFTER.match(text, care.end()):
                continue  # a referrer, not care: "the school nurse referred Ava to us"
            name = care.group("name")
            if name is not None and (name.lower() not in self._first_names or name in NOT_A_NAME
                                     or self._is_famous(text, care.start("name"), care.end("name"))):
                continue
            found.append(Span(Kind.HEALTH, condition.start(), care.end("verb")))
        return found

    def _wished_well(self, doc: Document, low: str, unplaced: list[tuple[int, int, int]]) -> list[Span]:
        """"get well soon Ellie, hope the op went ok!": a wish to a named young person tells that they are
        ill or hurt. The finding is what the post names (the op, a broken leg, "your arm"), or the wish."""
        text = doc.masked
        for wish in self._wish.finditer(low):
            if not self._wished_person(text, wish.start(), wish.end()):
                continue
            found = [Span(Kind.HEALTH, start, end) for start, end, _ in unplaced]
            found += [Span(Kind.HEALTH, *m.span()) for m in self._injury.finditer(text)]
            if not found:
                found = [Span(Kind.HEALTH, *m.span()) for m in self._wished_part.finditer(text)
                         if _HEALS_AFTER.match(text, m.end())]
            return found or [Span(Kind.HEALTH, wish.start(), wish.end())]
        return []

    def _wished_person(self, text: str, start: int, end: int) -> bool:
        """The first name the wish is addressed to, right after it ("get well soon Ellie", "to Ellie",
        "Thinking of you Zain") or right before it ("Ellie, get well soon")."""
        after = _NAME_AFTER_WISH.match(text, end)
        before = _NAME_BEFORE_WISH.search(text, max(0, start - 30), start)
        for match in (after, before):
            if match is None:
                continue
            name = match.group("name")
            if name in NOT_A_NAME or name.lower() not in self._first_names:
                continue
            if self._is_famous(text, match.start("name"), match.end("name")):
                continue
            if self._adult_before.search(text, max(0, match.start("name") - 40), match.start("name")):
                continue
            # "Our music leader Tom ran it with his arm in a sling - get well soon Tom!": the wish is to the
            # grown-up the post has already named by role (round 25).
            if any(adult.group().split()[-1] == name for adult in self._adult_named.finditer(text)):
                continue
            return True
        return False

    def find(self, doc: Document) -> list[Span]:
        text = doc.masked
        lowered = doc.lowered
        if self._about_a_grown_up(text):
            return []
        conditions = list(self._condition_lower.finditer(lowered) if lowered is not None
                          else self._condition_any_case.finditer(text))
        conditions += self._acronym.finditer(text)
        spans = self._cared_for(text, conditions)
        # Needs said loosely (a state, a service at work, what they find hard): joined to the other needs
        # of the same statement so that it reads as one finding.
        loose = list(spans)
        # Conditions with no person of their own nearby: (start, end, start of their sentence).
        unplaced: list[tuple[int, int, int]] = []
        answers: list[tuple[int, int]] = []  # a form's answer lines: where one finding tells the whole answer
        under_heading = _HEALTH_HEADING.search(text) if conditions and "\n" in text else None
        # Where a medicine with its dose was first found on a line, by the line's end (round 26).
        dosed_lines: dict[int, int] = {}
        quiet_sentence: dict[int, bool] = {}
        whose_sentence: dict[int, bool] = {}  # whether a sentence says whose it is, read once a sentence
        for condition in conditions:
            start, end = condition.span()
            if _TOPIC_AFTER.match(text, end) and not _CARE_FROM_BEFORE.search(text, max(0, start - 40), start):
                continue
            if self._a_referrer(text, start, end):
                continue  # "the school nurse referred Ava to us": who sent them, not their care
            if text[start:end].lower() == "signed off" and not _SIGNED_OFF_SICK_BEFORE.search(text, max(0, start - 12), start):
                continue  # "her volunteering hours signed off" is a form, not a sick note
            if text[start:end].lower() in _ABSENCE_WORDS and _NOT_SICK_AFTER.match(text, end):
                continue  # "signed off as a volunteer" is a form being signed, not a sick note
            if text[start:end].lower() in _OPERATIONS and self._operation_on_something_else.match(text, end):
                continue
            sentence_start, sentence_end = doc.sentence_bounds(start)
            # Whether the sentence is advice to every parent or about a grown-up who leads a session is
            # read once a sentence, so a sentence of many conditions stays quick.
            if sentence_start not in quiet_sentence:
                quiet_sentence[sentence_start] = self._general_advice(text, sentence_start, sentence_end) \
                    or self._leads_a_session.search(text, sentence_start, sentence_end) is not None \
                    or self._staff_away(text, sentence_start, sentence_end) \
                    or self._meeting_changes.search(text, sentence_start, sentence_end) is not None \
                    or self._only_a_grown_up(text, sentence_start, sentence_end) \
                    or self._hurt_at_work(text, sentence_start, sentence_end)
            if quiet_sentence[sentence_start]:
                continue
            before = text[max(sentence_start, start - _LOOKBACK):start]
            if self._anonymous_quote(text, start):
                continue
            about = self._about(before)  # "Priya in the drum group has" -> "Priya has"
            patterns = self._context_patterns if self._cause_cue.search(before) else _CONTEXT_PATTERNS
            if (self._may_name_somebody(about) and any(self._young_subject(pattern, about) for pattern in patterns)) \
                    or self._group_has_before.search(before) is not None or self._opening_clause(text, before, end):
                spans.append(Span(Kind.HEALTH, start, end))
            elif under_heading is not None and under_heading.end() <= start \
                    and _names_a_listed_person(_LIST_LINE_BEFORE.search(before) or _RECORD_LINE_BEFORE.search(before)):
                # Under a "Medical info:" heading, "- Jax: ADHD" is Jax's whatever the name ("Jax" may
                # be missing from the forenames list).
                spans.append(Span(Kind.HEALTH, start, end))
            elif _names_a_person(_SURNAME_FIRST_LINE_BEFORE.search(before), self._first_names) \
                    and not _LABEL_AFTER.match(text, end):
                # "Kowalski, Nina: anaphylaxis to peanuts, two Jext pens": the row is one finding.
                spans.append(Span(Kind.HEALTH, start, end))
                line_end = text.find("\n", end)
                answers.append((text.rfind("\n", 0, start) + 1, len(text) if line_end < 0 else line_end))
            elif self._subjectless(text, before, start, end):
                # "Referral summary: ... Has an EHCP for SEMH": the document's young person is the subject.
                spans.append(Span(Kind.HEALTH, start, end))
            elif _names_a_person(_RECORD_LINE_BEFORE.search(before), self._first_names) and not _LABEL_AFTER.match(text, end):
                # On a register line, "allergies: peanuts" is a field: its value is found as a form line.
                spans.append(Span(Kind.HEALTH, start, end))
            elif self._field_value(text, before, start) and not _LABEL_AFTER.match(text, end):
                # "Additional info: hearing impaired in one ear": a form field's value about its person.
                spans.append(Span(Kind.HEALTH, start, end))
                line_end = text.find("\n", end)
                answers.append((text.rfind("\n", 0, start) + 1, len(text) if line_end < 0 else line_end))
            elif _names_a_person(_NAME_AFTER_BRACKET.match(text, end), self._first_names):
                # "Gluten free (coeliac): Tasha", round 25: a lunch list gives the reason for a diet in
                # brackets and whose it is after them.
                spans.append(Span(Kind.HEALTH, start, end))
            elif self._numbered_item(text, start):
                # "1) T.K. - epilepsy", "2) Sophie - wheelchair user": a needs list by initials or first
                # names, round 26; the line, not the sentence, since "T.K." holds full stops.
                spans.append(Span(Kind.HEALTH, start, end))
            elif (plan := _PLAN_FOR_BEFORE.search(before)) is not None:
                # "joined with an EHCP for autism": the plan names the need it was written for (round 26).
                spans.append(Span(Kind.HEALTH, start - len(before) + plan.start(), end))
            elif _DIAGNOSED_OR_OUT_BEFORE.search(before) is not None and self._one_persons_sentence(
                    text, sentence_start, sentence_end, whose_sentence):
                # A report of one young person: "one participant, diagnosed with OCD last year", "a long
                # spell out of school with anxiety" (round 26).
                spans.append(Span(Kind.HEALTH, start, end))
            elif _MEDS_BRACKET_BEFORE.search(before) is not None:
                spans.append(Span(Kind.HEALTH, start, end))  # "Rescue meds (buccal midazolam)", round 26
            elif (dose := _DOSE_AFTER.match(text, end)) is not None:
                # A medicine with its dose is somebody's medication, and the rest of its line (what it is
                # for) is theirs too: "Melatonin 3mg at bedtime (for sleep - has ASD)", round 26.
                spans.append(Span(Kind.HEALTH, start, dose.end()))
                line_end = text.find("\n", end)
                line_end = len(text) if line_end < 0 else line_end
                dosed_lines[line_end] = min(end, dosed_lines.get(line_end, end))
            elif not _LABEL_AFTER.match(text, end):  # "allergies:" is a form's label, not a condition
                unplaced.append((start, end, sentence_start))
        # What a dosed medicine's line says of the need it is for ("(for sleep - has ASD)") is the same
        # person's (round 26).
        if dosed_lines:
            line_ends = [i for i, character in enumerate(text) if character == "\n"] + [len(text)]
            for condition in conditions:
                first_dose = dosed_lines.get(line_ends[bisect_left(line_ends, condition.start())])
                if first_dose is not None and first_dose <= condition.start():
                    spans.append(Span(Kind.HEALTH, *condition.span()))
        if _could_be_injured(lowered or text):
            named_young: dict[tuple[int, int], bool] = {}
            for injury in self._injury.finditer(text):
                sentence_start, sentence_end = doc.sentence_bounds(injury.start())
                if self._hurt_at_work(text, sentence_start, sentence_end):
                    continue  # "Dan hurt his back moving the PA so Ben did the lifting": one of the team (round 26)
                before = self._about(text[max(sentence_start, injury.start() - _LOOKBACK):injury.start()])
                if self._names_a_young_person(_SUBJECT_ONLY_BEFORE.search(before)) or self._names_a_young_person(_PERSON_HAS_BEFORE.search(before)):
                    spans.append(Span(Kind.HEALTH, injury.start(), injury.end()))
                elif _HIS_OR_HER_PART.search(injury.group()) and self._young_persons_sentence(doc, injury.start(), named_young):
                    # "Well done to Tayo, who played the gig after breaking his wrist", round 25: his wrist is
                    # the named young person's, wherever the name stands in the sentence.
                    spans.append(Span(Kind.HEALTH, injury.start(), injury.end()))
        low_text = lowered if lowered is not None else text.lower()
        if any(cue in low_text for cue in self._mishap_cues):
            spans += self._mishaps(doc)
        if ":" in text or "-" in text or "?" in text:
            # Conditions by where they start, so that each form line finds its own by bisection (round 25:
            # form lines may now start after a full stop, so a long text has many).
            by_start = sorted(c.span() for c in conditions)
            starts = [span[0] for span in by_start]
            # Where the conditions already added for an earlier field end: a line of many fields adds each
            # condition once, not once a field (a 40 KB "Medical: asthma, ..." took seconds).
            added_until = -1
            for line in self._form_line.finditer(text):
                value_start, value_end = line.span("value")
                value = text[value_start:value_end].rstrip(" \t.")
                # "Send to: a@x.com": a verb and where something goes, not the SEND form field (an
                # address is masked in the text the detectors read).
                if value and not _NOTHING_TO_DECLARE.match(value) and not value.startswith(MASK) \
                        and not _TEMPLATE_BLANK.match(value) and not self._names_a_record(line) \
                        and not _POINTER_VALUE.match(value):
                    spans.append(Span(Kind.HEALTH, value_start, value_start + len(value)))
                    # The rest of the form line is the same person's: "Support needs: ADHD, wears a
                    # hearing aid (left)".
                    line_end = text.find("\n", value_end)
                    line_end = len(text) if line_end < 0 else line_end
                    if line.start() >= 2 and text[line.start() - 2] in ".!?":
                        # A field begun after a full stop runs to the sentence's end, not the line's (round 25).
                        line_end = min(line_end, doc.sentence_bounds(value_start)[1])
                    rest_start = max(value_end, added_until)
                    if rest_start < line_end:
                        spans += [Span(Kind.HEALTH, *span)
                                  for span in by_start[bisect_left(starts, rest_start):bisect_left(starts, line_end)]]
                        added_until = line_end
                    answers.append((value_start, line_end))
        # Said of "his" or "her" part of the body or of what they struggle with: "Grace's ankle is still in a
        # boot", "a pot on his leg", "a rough time with her eating" (round 11).
        patterns = ([self._dressed_part] if any(cue in low_text for cue in self._dressing_cues) else []) + \
            ([self._struggle] if any(f"with {owner} " in low_text for owner in ("his", "her", "their")) else []) + \
            ([self._worsening] if any(word in low_text for word in _WORSENING_CUES) else [])
        answered: dict[tuple[int, int], bool] = {}
        for pattern in patterns:
            for need in pattern.finditer(text):
                name = need.groupdict().get("name")
                if name is not None:
                    if name.lower() in self._first_names and name not in NOT_A_NAME \
                            and not self._adult_before.search(text, max(0, need.start() - 40), need.start()):
                        spans.append(Span(Kind.HEALTH, need.start("name"), need.end()))
                elif self._sentence_names_young_person(doc, need.start(), answered):
                    spans.append(Span(Kind.HEALTH, need.start(), need.end()))
        # "he's been cutting": harm to oneself without the word "self", right after the person.
        if "cutting" in text:
            for harm in _CUTTING.finditer(text):
                if self._names_a_young_person(harm):
                    spans.append(Span(Kind.HEALTH, harm.start("harm"), harm.end("harm")))
        # "CAMHS are now involved with Isaac": the care is named first, the person after it.
        for condition in conditions:
            involved = _INVOLVED_WITH_AFTER.match(text, condition.end())
            if involved is not None and (involved.group("name") is None or (
                    involved.group("name").lower() in self._first_names and involved.group("name") not in NOT_A_NAME)) \
                    and (involved.group("name") is not None or involved.group("pronoun") is not None):
                spans.append(Span(Kind.HEALTH, condition.start(), involved.end("verb")))
        # "has talked about hurting himself": harm to oneself names its person by the reflexive word;
        # a finding when the sentence says who (a first name, he or she).
        if "self" in text or "SELF" in text:
            for harm in _REFLEXIVE_HARM.finditer(text):
                sentence_start, sentence_end = doc.sentence_bounds(harm.start())
                if _HE_OR_SHE.search(text, sentence_start, sentence_end) or any(
                        w.group().lower() in self._first_names and w.group() not in NOT_A_NAME
                        for w in _CAPITALISED_WORD.finditer(text, sentence_start, sentence_end)):
                    spans.append(Span(Kind.HEALTH, harm.start(), harm.end()))
        spans += self._own_and_aided(doc)
        if "mood" in low_text:
            answered_mood: dict[tuple[int, int], bool] = {}
            for mood in self._mood.finditer(text):
                name = mood.group("name")
                if mood.group("yp") is not None \
                        or (name is not None and name.lower() in self._first_names and name not in NOT_A_NAME) \
                        or (mood.group("owner") is not None and self._sentence_names_young_person(doc, mood.start(), answered_mood)):
                    spans.append(Span(Kind.HEALTH, mood.start(), mood.end()))
        if "his " in low_text or "her " in low_text or "their " in low_text:
            answered_sore: dict[tuple[int, int], bool] = {}
            for sore in self._sore_part.finditer(text):
                sentence_start, sentence_end = doc.sentence_bounds(sore.start())
                if not self._hurt_at_work(text, sentence_start, sentence_end) \
                        and self._sentence_names_young_person(doc, sore.start(), answered_sore):
                    spans.append(Span(Kind.HEALTH, sore.start(), sore.end()))
        # How a young person is, with no condition named: "Freddie has been really low since his exams".
        states = self._states(doc, lowered if lowered is not None else text.lower()) + self._struggles_since(doc)
        spans += states
        loose += states
        # A need said as what the person does is a finding of its own only where the sentence names no
        # condition ("Maisie can't do stairs, she's on crutches" is one finding, the crutches).
        told = {doc.sentence_bounds(span.start)[0] for span in spans}
        # A condition tied to nobody yet ("Leah hasn't been sleeping well and had a panic attack") does not
        # silence what the person does: that behaviour, said of a first name, places the condition too
        # (_same_persons), round 21.
        behaviours = list(self._behaviour_lower.finditer(lowered) if lowered is not None
                          else self._behaviour_any_case.finditer(text))
        # What they find hard in everyday words ("finds crowded rooms overwhelming") is read the same way,
        # but only after a first name people have, he or she, or a counted group.
        hard = list(self._hard.finditer(text)) if _HARD_CUE.search(lowered or text.lower()) else []
        for behaviour in sorted(behaviours + hard, key=lambda m: m.start()):
            start, end = behaviour.span()
            sentence_start, _ = doc.sentence_bounds(start)
            if sentence_start in told and not any(s.end <= start and _JOINING_GAP.fullmatch(text, s.end, start)
                                                  for s in spans if s.end >= start - _MAX_GAP):
                continue
            before = text[max(sentence_start, start - _LOOKBACK):start]
            subject = _DOES_BEFORE.search(before)
            rest = text[end:doc.sentence_bounds(start)[1]]
            if (self._names_a_young_person(subject) and (behaviour.re is not self._hard.compiled or self._first_name_or_pronoun(subject, rest))) \
                    or self._group_does_before.search(before) is not None:
                spans.append(Span(Kind.HEALTH, start, end))
                if behaviour.re is self._hard.compiled:
                    loose.append(spans[-1])
            else:
                unplaced.append((start, end, sentence_start))
        # "Kian can't have anything with sesame - it's a proper allergy": a food kept from a young person,
        # where the sentence says why (round 16).
        if "can" in text or "mustn" in text:
            for food in _CANT_HAVE.finditer(text):
                sentence_start, sentence_end = doc.sentence_bounds(food.start())
                why = _ALLERGY_WORD.search(text, sentence_start, sentence_end)
                if why is None:
                    continue
                before = text[max(sentence_start, food.start() - _LOOKBACK):food.start()]
                if self._names_a_young_person(_DOES_BEFORE.search(before)):
                    # "... - it's a proper allergy": the reason given just after is the same statement.
                    reason = _WORD_END.match(text, why.end()).end()
                    end = reason if 0 <= why.start() - food.end() <= _MAX_GAP else food.end()
                    spans.append(Span(Kind.HEALTH, food.start(), end))
        if _STAY_CUE.search(lowered or text.lower()):
            # A stay is a need said loosely: one statement with what it was for ("back from A&E, just a
            # sprain"), round 24.
            stays = self._stays(doc)
            spans += stays
            loose += stays
        spans += self._described_by_condition(doc)
        spans += self._plain_signs(doc)
        low = lowered if lowered is not None else text.lower()
        if not spans and len(low) == len(text) and self._wish.search(low) is not None:
            spans += self._wished_well(doc, low, unplaced)
        spans += _same_persons(doc, spans, unplaced)
        spans = _condition_not_absence(text, doc, spans)
        spans = self._not_kit_kept(text, spans)
        spans = _not_the_workers_role(doc, spans)
        if "?" in text:
            # "Does your child have an EHCP or support plan?": the form's question, not its answer (round 26).
            questions = [q.span() for q in _QUESTION_TO_PARENT.finditer(text)]
            spans = [span for span in spans if not any(q_start <= span.start < q_end for q_start, q_end in questions)]
        found = _one_statement(doc, _joined(text, _without_bare_diagnosis(text, spans)), self._first_names, loose, self._aftermath)
        # After joining, so that a plan joined to its need ("epilepsy so please read the care plan") stays
        # part of that one finding, and only a precaution left on its own is dropped.
        return self._without_precautions(doc, _one_answer(text, found, answers, self._first_names))


# How long a stay lasted, before where: "a fortnight on", "three nights in", "the weekend on", "since Tuesday in".
_STAY_LENGTH = (r"(?:(?:a|an|one|two|three|four|five|six|seven|ten|several|a[ \t]+few|a[ \t]+couple[ \t]+of|the|\d{1,2})[ \t]+"
                r"(?:night|nights|day|days|week|weeks|fortnight|month|months|weekend|spell|stint|stay|while)|overnight)")
# A place of care named as somewhere else: "the hospital school", "hospital radio", "the ward sister".
_PLACE_NOT_A_STAY = (r"[ \t]+(?i:school|radio|car[ \t]+park|carpark|shop|cafe|caf\u00e9|choir|staff|sister|charity|trust|"
                     r"gig|concert|show|chapel|garden|volunteers?|league)\b")
# The person went there to do something: a visit or a performance, not a stay.
_VISIT_BEFORE = lazy_compile(
    r"\b(?:play|plays|played|playing|perform|performs|performed|performing|sing|sings|sang|singing|visit|visits|visited|"
    r"visiting|volunteer|volunteers|volunteered|volunteering|run|runs|ran|running|lead|leads|led|leading|deliver|delivered|"
    r"gig|concert|session|workshop|busk|busked|busking|fundrais\w*)\b", re.IGNORECASE)
_STAY_CUE = lazy_compile(r"ward|hospital|a&e|intensive|dependency|hdu|icu|resus|admitted")
# The whole group's needs together (round 28): "everyone's allergies", "all medical needs and allergies".
_WHOLE_GROUP_BEFORE = lazy_compile(
    r"\b(?:(?:everyone|everybody)['\u2019]s|all[ \t]+(?:the[ \t]+)?(?:young[ \t]+people['\u2019]s[ \t]+)?"
    r"(?:medical[ \t]+needs[ \t]+and|)[ \t]*)[ \t]*$", re.IGNORECASE)
# A date of birth field and its year: "DOB: 17 May 2012", "Date of birth - 03/07/2010".
_BIRTH_YEAR = lazy_compile(r"\b(?:DOB|D\.O\.B|date[ \t]+of[ \t]+birth)\b[^\n\d]{0,5}[^\n]{0,12}?\b(?P<year>(?:19|20)\d\d)\b",
                           re.IGNORECASE)
# A mishap whose person is left unnamed (round 28): "someone grazed a knee", "one of the group scraped an elbow".
_NOBODY_NAMED_BEFORE = lazy_compile(
    r"\b(?:someone|somebody|anyone|anybody|one[ \t]+of[ \t]+(?:the|our)[ \t]+[\w-]+|a[ \t]+(?:young[ \t]+person|child|kid))[ \t]+$",
    re.IGNORECASE)
_LIST_JOIN = lazy_compile(r"[ \t]*(?:,|&|\band\b|\bor\b)[ \t]*")
# Kit held for the group, plural after "the" (round 28): "Lucy has the EpiPens", "Ben's got the inhalers".
_HOLDS_THE_BEFORE = lazy_compile(
    r"\b(?:has|have|had|got|carries|carrying|holds|holding|keeps|keeping|brought|bringing|bring)[ \t]+the[ \t]+$")
_HE_OR_SHE_SUBJECT = lazy_compile(r"\b(?:[Hh]e|[Ss]he)\b")
_STAY_LOOK_BACK = 300
_ASIDE = re.compile(r"[ \t]*(?:\([^()\n]*\)|,[^,\n]*,)")


def _aside_after_name(match: re.Match[str]) -> str:
    """The note in brackets or the words between commas right after the subject's name ("Jo, our lead
    tutor, who", "Ellie (Year 8) had"): who the person is, not what is said of them."""
    aside = _ASIDE.match(match.string, match.end("name"), match.end())
    return aside.group() if aside is not None else ""
# A health worker's role, right after the condition word that names it: "her mental health worker",
# "the autism nurse", "his epilepsy specialist nurse".
_WORKERS_ROLE_AFTER = lazy_compile(
    r"[ \t]+(?:(?:specialist|support|lead|link)[ \t]+)?(?:worker|workers|nurse|practitioner|therapist|team|lead|"
    r"champion|first[ \t]+aider|coordinator|co-ordinator|service)\b", re.IGNORECASE)


def _not_the_workers_role(doc: Document, spans: list[Span]) -> list[Span]:
    """Drops a health worker's role ("referred by her mental health worker") where the same sentence gives
    the young person's real need ("after months of anxiety"): the role tells no more than the need (round
    18). Alone, care by a service still tells a need and stays a finding ("CAMHS are involved with Isaac")."""
    if len(spans) < 2:
        return spans
    text = doc.masked
    roles = [span for span in spans if _WORKERS_ROLE_AFTER.match(text, span.end)]
    if not roles:
        return spans
    needs = {doc.sentence_bounds(span.start)[0] for span in spans if span not in roles}
    return [span for span in spans if span not in roles or doc.sentence_bounds(span.start)[0] not in needs]


def _by_first_word(phrases: tuple[str, ...]) -> str:
    """phrase_pattern with the phrases grouped by their first word ("gets (?:overwhelmed|anxious)"),
    which the regular-expression engine runs about twice as fast over a long text."""
    groups: dict[str, list[str]] = {}
    for phrase in phrases:
        first, _, rest = phrase.partition(" ")
        groups.setdefault(first, []).append(rest)
    parts = []
    for first, rests in groups.items():
        head = phrase_pattern([first])
        tails = [r for r in rests if r]
        alternatives = []
        if tails:
            alternatives.append(rf"{head}[ \t]+(?:{phrase_pattern(tails)})")
        if len(tails) < len(rests):
            alternatives.append(head)
        parts.extend(alternatives)
    return "|".join(parts) if parts else r"(?!x)x"


def _same_persons(doc: Document, found: list[Span], unplaced: list[tuple[int, int, int]]) -> list[Span]:
    """Conditions told of the young person whose health the message already gives: in the same sentence
    ("Poppy's been struggling with anxiety since half term and has had a couple of panic attacks"), or
    in the next one when it speaks of him or her ("Jess has asthma. Her inhaler is in her bag")."""
    if not found or not unplaced:
        return []
    text = doc.text
    sentences_with_finding = {doc.sentence_bounds(span.start)[0] for span in found}
    more = []
    # Where each sentence first says he or she, found once a sentence (not once a condition).
    first_pronoun_end: dict[int, float] = {}
    for start, end, sentence_start in unplaced:
        if sentence_start in sentences_with_finding:
            more.append(Span(Kind.HEALTH, start, end))
            continue
        previous_start = doc.sentence_bounds(max(0, sentence_start - 1))[0] if sentence_start > 0 else None
        if previous_start not in sentences_with_finding:
            continue
        if sentence_start not in first_pronoun_end:
            pronoun = _HE_OR_SHE.search(text, sentence_start, doc.sentence_bounds(sentence_start)[1])
            first_pronoun_end[sentence_start] = float("inf") if pronoun is None else pronoun.end()
        if first_pronoun_end[sentence_start] <= start:
            more.append(Span(Kind.HEALTH, start, end))
    return more


# Cheap look-up before the everyday-needs frames are run.
_HARD_CUE = lazy_compile(r"\b(?:find|finds|found|struggl|can['\u2019]?t|cannot|couldn|unable|doesn['\u2019]t|don['\u2019]t|won['\u2019]t)")
# Several young people by kin: "the twins", "the two sisters", "the Okafor boys" (round 12).
_KIN = r"twins|sisters|brothers|siblings|boys|girls"
# Between the person and how they are: "has been really", "'s been feeling", "seems very", "is not".
_STATE_VERB = (
    r"is|was|has|had|have|are|were|been|being|feeling|feels|felt|feel|seems|seemed|seem|looks|looked|keeps|kept|"
    r"getting|gets|got|becoming|really|still|now|so|very|quite|pretty|a|bit|little|extremely|incredibly|properly|"
    r"genuinely|actually|also|both|all|just|always|often|seriously|generally|increasingly|clearly|obviously|"
    r"totally|completely|absolutely|sometimes|lately|recently|currently|who|tends|to|can|could|will|may|might|does|easily"
)
# "Low" or "down" alone needs a word of feeling or of a while before it ("has been low", "is feeling
# down", "seems really low"), not only "is" ("Ella's down, can someone cover her part").
_STATE_BEFORE = lazy_compile(
    rf"{_SUBJECT}(?:[ \t]*,?[ \t]*who)?(?:['\u2019]s)?(?:[ \t]+(?:{_STATE_VERB}))*"
    r"[ \t]+(?:been|feeling|feels|felt|feel|seems|seemed|seem|looks|looked|getting|becoming|really|very|so|quite|pretty|bit|"
    r"extremely|incredibly|properly|genuinely|seriously|increasingly)[ \t]+$"
)
_STATE_OR_BARE_BEFORE = lazy_compile(
    rf"{_SUBJECT}(?:[ \t]*,?[ \t]*who)?(?:['\u2019]s)?(?:[ \t]+(?:{_STATE_VERB}))*[ \t]+$"
)
# A state ends where the sentence pauses or goes on about it: "low since", "not coping at home", "off his
# food for a fortnight", "so anxious she won't"; not "low on strings", "low end", "down for Saturday".
_STATE_ENDS = (
    r"(?=[ \t]*(?:[,.;:!?)\n\u2013\u2014-]|$)|[ \t]+(?:since|lately|recently|again|today|tonight|this|these|and|but|so|or|"
    r"because|after|when|while|though|well|he|she|they|that|most|all|right|just|about[ \t]+(?:everything|life|it[ \t]+all)|"
    r"at[ \t]+(?:the[ \t]+moment|the[ \t]+minute|home|school|times|the[ \t]+mo)|"
    r"for[ \t]+(?:a[ \t]+(?:while|bit|few|couple|week|month|fortnight)|weeks|days|months|ages|some[ \t]+time)|"
    # "feeling sick every morning before school" (round 26).
    r"every[ \t]+(?:morning|day|night|evening|week|session|time)|"
    r"in[ \t]+(?:him|her|them)sel(?:f|ves)|with[ \t]+(?:it|everything|school|life|things|home|her|his|their))\b)"
)
# Before the thing a young person finds hard: "sudden loud noises", "the busy rooms", "any changes".
_THING_LEAD = (r"the|any|a|an|sudden|unexpected|loud|big|busy|new|last-minute|spoken|written|long|large|noisy|crowded|"
               r"unfamiliar|verbal|lots[ \t]+of|too[ \t]+many|small|other")
# "can't read music", "struggles to read the score": a beginner's skill, not a need.
_NOT_A_NEED = r"(?:music|notation|sheet[ \t]+music|tabs?|chords?|the[ \t]+(?:music|score|dots|notes)|(?:a|the)[ \t]+(?:map|clock|room))\b"
_HOW_HARD = (
    r"(?:(?:really|very|quite|so|a[ \t]+bit|incredibly|extremely|super|massively)[ \t]+)?"
    r"(?:hard|difficult|tricky|overwhelming|stressful|upsetting|distressing|scary|frightening|unbearable|impossible|"
    r"too[ \t]+much|a[ \t]+struggle|painful|exhausting)"
)
_FOR_LONG = (r"(?:for[ \t]+(?:long|very[ \t]+long|more[ \t]+than|any[ \t]+length)|(?:very[ \t]+|that[ \t]+)?(?:well|quickly|fast|easily|properly)|"
             r"without[ \t]+(?:help|support|a[ \t]+break))")
# Between a service and what it does: "is now", "have started", "'s been", "is coming to".
_CARE_AUX = (r"have|has|are|is|was|were|will|had|now|also|already|been|recently|just|be|started|starting|begun|going|"
             r"coming|came|come|due|booked|in|to|regularly|currently|still|getting|got|being|gonna")


# Care given by a service or a professional (health_words.txt) that a condition word opens: "referred to
# the eating disorders team", "under the mental health team", "seen by the autism service".
_CARE_FROM_BEFORE = lazy_compile(
    r"\b(?:referred|referral|under|seen|seeing|sees|supported|known|waiting|involved)[ \t]+(?:to|by|with|for|from)?[ \t]*"
    r"(?:(?:the|a|an|his|her|their)[ \t]+)?$", re.IGNORECASE)
# "he's been cutting", "Maya has started cutting again": not "cutting tracks" or "cutting the video".
_CUTTING = lazy_compile(
    rf"{_SUBJECT}(?:['\u2019]s|[ \t]+(?:has|had|is|was))?[ \t]+(?P<harm>(?:been|started|keeps|still)[ \t]+cutting)"
    r"(?=[ \t]*(?:[,.;:!?)\n]|$)|[ \t]+(?:again|at[ \t]+home|since|for[ \t]+a|on[ \t]+(?:his|her|their))\b)"  # "cutting himself": _REFLEXIVE_HARM
)
# After a service: "CAMHS are now involved with Isaac", "the school nurse is working with her".
_INVOLVED_WITH_AFTER = lazy_compile(
    r"[ \t]+(?:are|is|have|has|got|were|was)(?:[ \t]+(?:now|been|also|already|getting))*[ \t]+(?P<verb>involved|working)"
    r"[ \t]+with[ \t]+(?:(?P<pronoun>him|her|them)|(?P<name>[A-Z][a-z]+))\b"
)
# Right before a need said as what the person does: "Ben gets overwhelmed", "he sometimes wets himself",
# "Isla, who can't hear well".
_DOES_BEFORE = lazy_compile(
    rf"{_SUBJECT}(?:[ \t]*,?[ \t]*who)?(?:['\u2019]s)?(?:[ \t]+(?:been|often|sometimes|can|could|may|might|will|does|really|easily|still|also|"
    rf"regularly|usually|quickly|now|just|has|had|is|was|tends[ \t]+to))*[ \t]+$"
)
# A form field's label right before its value: "Additional info: ", "Anything we should know? ".
_FIELD_VALUE_BEFORE = lazy_compile(r"(?:^|(?<=\n))[ \t*\u2022_-]*(?P<label>[A-Za-z][A-Za-z /&'\u2019]{1,60}?)[ \t]*[:?]{1,2}[ \t]*$")
_FIELD_QUESTION_REACH = 300
# How far either side of a need its form line is read for a he or she ("sit her near the front").
_FIELD_LINE_REACH = 400
_FIELD_ANSWER_BEFORE = lazy_compile(
    r"(?:^|(?<=\n))[ \t*\u2022_-]*(?P<label>[A-Za-z][A-Za-z /&'\u2019]{1,60}?)[ \t]*[:?]{1,2}[ \t]*[^\n:?]{0,60}$")
# Before a health form field's label: "Any ", "Is there any ", "Please tell us about any ".
_FORM_LEAD_IN = (r"(?:(?:is[ \t]+there|are[ \t]+there|does[ \t]+\w+[ \t]+have|please[ \t]+(?:tell[ \t]+us[ \t]+about|list|give[ \t]+details[ \t]+of)|"
                 r"details[ \t]+of)[ \t]+)?(?:any[ \t]+)?")
_HE_OR_SHE_OR_THEM = lazy_compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im|[Hh]imself|[Hh]erself)\b")
_NAME_FIELD = lazy_compile(r"(?im)^[ \t*_]*(?:(?:child|child's|participant|young person's|pupil|student)[ \t]+)?(?:full[ \t]+)?name[ \t]*[:\-]")
_NAME_AFTER_WISH = lazy_compile(r"[ \t]*(?:,[ \t]*)?(?:(?:to|for)[ \t]+)?(?:our[ \t]+)?(?:lovely[ \t]+)?(?P<name>[A-Z][a-z]+)\b")
_NAME_BEFORE_WISH = lazy_compile(r"(?P<name>[A-Z][a-z]+)[ \t]*[,!][ \t]*$")
_HEALS_AFTER = lazy_compile(r"[ \t]+(?:heals|mends|gets[ \t]+better|is[ \t]+healing|feels[ \t]+better|isn['\u2019]t[ \t]+too[ \t]+sore)\b", re.IGNORECASE)


# A heading's end: a colon or a dash between words (round 24), looked for in a text's first line.
_HEADING_END = lazy_compile(r":|[ \t][-\u2013\u2014][ \t]")
_HEADING_REACH = 120
# A heading that is a title, not a sentence: up to eight words, with no sentence's end in it.
_TITLE = lazy_compile(r"[ \t*_#]*[^\s.!?]+(?:[ \t]+[^\s.!?]+){0,7}[ \t]*")
# An age under 18 given for someone: "(14)", "aged 15", "16 years old", "16yo".
_UNDER_18 = lazy_compile(
    r"\((?:[4-9]|1[0-7])\)|\baged?[ \t]+(?:[4-9]|1[0-7])\b|\b(?:[4-9]|1[0-7])[ \t]*(?:years?[ \t]+old|yrs?[ \t]+old|yo|y/o)\b"
    # Round 28: a school year is a child's too ("new starter - Kieran, yr 10 at Severn Vale").
    r"|\b(?:year|yr)[ \t]*(?:[1-9]|1[0-3])\b|\bY(?:[1-9]|1[0-3])\b",
    re.IGNORECASE)
# A first name typed in lower case before a dash, colon or comma: "for jayden - burnt his finger".
_LOWER_NAME_LABEL = lazy_compile(r"\b(?P<name>[a-z]{2,})[ \t]*[-:,\u2013]")
# A plan kept for a need ("his care plan was followed"): care taken over a need, not a need of its own.
_PLAN_WORD = lazy_compile(r"(?:[\w-]+[ \t]+){0,3}plans?", re.IGNORECASE)
# Sayings built like a mishap (round 24): "the poster caught her eye", "he cut his teeth on pub gigs".
_MISHAP_IDIOM = lazy_compile(
    r"caught[ \t]+(?:his|her|their|the)[ \t]+eyes?|cut[ \t]+(?:his|her|their)[ \t]+teeth|pulled[ \t]+(?:his|her|their)[ \t]+(?:leg|face)",
    re.IGNORECASE)


# A heading line over a list of young people's health notes: "Medical info:", "Meds for the residential:".
# Round 26: an item of a numbered needs list, by first name or initials ("1) T.K. - epilepsy", "2) Sophie -
# wheelchair user"), or a bulleted line by initials ("- L.W.: dyspraxia"): the item is that person's.
_NUMBERED_ITEM_BEFORE = lazy_compile(
    r"(?:(?:^|(?<=[\s:;,.]))\(?\d{1,2}[.)][ \t]*(?:(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)|(?P<initials>[A-Z]\.(?:[ \t]?[A-Z]\.){0,2}))"
    r"|(?:^|(?<=\n))[ \t]*[*\u2022-]?[ \t]*(?P<bullet_initials>[A-Z]\.(?:[ \t]?[A-Z]\.){1,2}))"
    r"[ \t]*[-\u2013\u2014:][ \t]*[^\n]{0,60}$")
# Round 26: a plan written for a need names the need ("an EHCP for autism", "her care plan for diabetes").
_PLAN_FOR_BEFORE = lazy_compile(
    r"\b(?P<plan>EHCP|EHC[ \t]+plan|IHCP|IHP|(?i:(?:individual[ \t]+)?(?:health[ \t]+)?care|support|behaviour|health)[ \t]+plan)"
    r"[ \t]+(?i:for)[ \t]+(?:(?i:his|her|their|(?:his|her|their)[ \t]+own)[ \t]+)?$")
# Round 26: told in a report of one young person: "diagnosed with OCD last year", "a long spell out of school
# with anxiety". The sentence must say whose (he or she, a first name, "one participant").
_DIAGNOSED_OR_OUT_BEFORE = lazy_compile(
    r"\b(?i:diagnosed[ \t]+(?:with|as[ \t]+having|as)|out[ \t]+of[ \t]+(?:school|education|college|lessons)"
    r"(?:[ \t]+\w+){0,2}?[ \t]+(?:with|due[ \t]+to|because[ \t]+of|for))[ \t]+(?:(?i:a|an|mild|severe)[ \t]+)?$")
_ONE_YOUNG_PERSON = lazy_compile(
    r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|(?i:one|a|the|this|our)[ \t]+(?i:participant|young[ \t]+person|member|learner|pupil|student)|YP)\b")
# Round 26: a medicine with its dose is somebody's medication ("Melatonin 3mg at bedtime", "Salbutamol
# inhaler, 2 puffs"): the dose may follow one more word and a comma.
_DOSE_AFTER = lazy_compile(
    r"(?:[ \t]+[A-Za-z-]+)?[ \t]*,?[ \t]*\d+(?:\.\d+)?[ \t]?(?i:mg|mcg|micrograms?|ml|puffs?|tablets?|sprays?)\b")
# Round 26: whose medicine it is, named in brackets after the medication: "Rescue meds (buccal midazolam)",
# "Ellie's meds (Epilim)"; "bring any meds (e.g. inhalers)" names nobody's.
_MEDS_BRACKET_BEFORE = lazy_compile(
    r"\b(?:(?i:rescue|emergency|regular|daily|morning|evening|night-?time|bedtime|his|her|their)|[A-Z][a-z]+['\u2019]s)"
    r"[ \t]+(?i:meds|medication|medicine|medicines|tablets)[ \t]*\([ \t]*$")
# Round 26: a question to the parent is not its answer: "Does your child have an EHCP or support plan?".
_QUESTION_TO_PARENT = lazy_compile(
    r"(?i:\b(?:does|do|has|have|is|are)[ \t]+(?:your[ \t]+(?:child|son|daughter|young[ \t]+person)|the[ \t]+(?:child|young[ \t]+person|participant)|you|they)\b)"
    r"[^.!?\n]{0,80}\?")
# Round 26: a form value pointing elsewhere is no need: "see the confidential register held by the project
# manager", "Medical details: see the health register held by Sam".
_POINTER_VALUE = lazy_compile(
    r"^(?i:(?:please[ \t]+)?(?:see|refer[ \t]+to|ask|check|held|kept|on|in))\b[^\n]{0,60}?"
    r"\b(?i:register|folder|file|records?|database|system|list|sheet|forms?)\b")
# Round 26: a grown-up hurt at work, whose work someone else then did: "Dan hurt his back moving the PA so Ben
# did the lifting" (what the team lifts or moves: health_staff_work.txt).
_WORK_TAKEN_OVER = lazy_compile(
    r"\bso[ \t]+(?:[A-Z][a-z]+|I|we)[ \t]+(?:did|took|set|ran|led|covered|carried|finished|handled|stepped|had[ \t]+to|lifted|moved)\b")


_HEALTH_HEADING = lazy_compile(
    # Round 25: "Access needs for the showcase:", "Additional needs:".
    r"^[ \t*_#]*(?i:medical|meds|medication|medicines|health|allergies|care[ \t]+needs|support[ \t]+needs|access[ \t]+needs|"
    r"additional[ \t]+needs|access[ \t]+requirements|adjustments)\b[^\n:]{0,30}:[ \t*_]*$",
    re.MULTILINE,
)


def _names_a_listed_person(match: re.Match[str] | None) -> bool:
    if match is None:
        return False
    name = match.groupdict().get("lower_name")
    return name is not None and name not in NOT_A_NAME


_REFLEXIVE_HARM = lazy_compile(
    r"\b(?:hurt|hurting|hurts|harm|harming|harms|cut|cutting|cuts|kill|killing|starve|starving|punish|punishing)"
    r"[ \t]+(?:him|her|them|my)sel(?:f|ves)\b",
    re.IGNORECASE,
)
_HE_OR_SHE = lazy_compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er)\b")
_ADULT_RELATIVE = lazy_compile(
    r"\b(?:mum|mom|mother|dad|father|nan|nana|nanna|gran|granny|grandma|grandad|grandpa|grandparents?|aunt|auntie|"
    r"uncle|step-?dad|step-?mum|parents?|carer|foster[ \t]+(?:mum|dad|carer)|teacher|dog|cat|pet)(?:['\u2019]s)?\b",
    re.IGNORECASE,
)
_GENERAL_CHILD = lazy_compile(
    r"\b(?:if|when|whenever|whether|in[ \t]+case|should|any|every|each)[ \t]+(?:your|a|an|any)[ \t]+"
    r"(?:son|daughter|child|children|kid|kids|young[ \t]+person|young[ \t]+people|young[ \t]+musician)\b",
    re.IGNORECASE,
)
_CAPITALISED_WORD = lazy_compile(rf"\b{CAPITALISED_NAME_WORD}\b")
# "Nut free (peanut allergy) - Ollie": a bracketed reason on a lunch list, then whose it is (round 25).
_NAME_AFTER_BRACKET = lazy_compile(r"[ \t]*\)[ \t]*(?:[:\u2013]|-(?![A-Za-z]))[ \t]*(?P<name>[A-Z][a-z]+)\b(?![ \t]*[:(])")
# "on crutches", "uses a wheelchair": the words before the aid itself (round 25).
_AID_LEAD = lazy_compile(r"(?i:on|in|uses|using|with)[ \t]+(?:(?i:an?)[ \t]+)?(?=\w)")
# An injury to "his" or "her" part of the body (round 25).
_HIS_OR_HER_PART = lazy_compile(r"\b(?i:his|her)[ \t]")
_SIGNED_OFF_SICK_BEFORE = lazy_compile(r"(?:\b(?:been|is|was|got|being|get|just|has|had)|['\u2019]s)[ \t]+$", re.IGNORECASE)
_OPERATIONS = frozenset({"operation", "surgery", "op on"})
# Cheap look-ups before the worsening pattern is run (round 21).
_WORSENING_CUES = ("worse", "bad", "awful", "terrible", "poor", "erratic", "downhill")
# A young person referred to the organisation (round 21): "The school nurse referred Ava to us" says who
# sent them, not what care they get (a need said in the same sentence is still a finding of its own).
_TO_US = r"(?:us|our[ \t]+\w+|tmw|the[ \t]+(?:music[ \t]+works|project|charity|group|sessions?))\b"
_REFERRED_BY_BEFORE = lazy_compile(
    rf"(?:\b(?:referred|sent)(?:[ \t]+(?:on[ \t]+)?to[ \t]+{_TO_US})?[ \t]+by|\breferrer|\breferred[ \t]+by|\breferral[ \t]+(?:from|by))"
    r"[ \t]*:?[ \t]*(?:(?:the|a|an|their|his|her|my|our)[ \t]+)?$", re.IGNORECASE)
_REFERS_TO_US_AFTER = lazy_compile(
    rf"[ \t]+(?:has[ \t]+|have[ \t]+)?(?:referred|refers|is[ \t]+referring|sent)[ \t]+(?:[A-Z][a-z]+|him|her|them)"
    rf"[ \t]+(?:on[ \t]+)?to[ \t]+{_TO_US}", re.IGNORECASE)
_REFERRED_TO_US_AFTER = lazy_compile(rf"[ \t]+(?:on[ \t]+)?to[ \t]+{_TO_US}", re.IGNORECASE)
# Words that say a young person is away ill without saying what with. When the same sentence names the
# condition ("signed off school with glandular fever"), the condition is the finding, not the absence;
# "signed off as a volunteer" is a form being signed, not a sick note (round 12).
_ABSENCE_WORDS = frozenset({"signed off", "sick note"})
_NOT_SICK_AFTER = lazy_compile(r"[ \t]+as[ \t]+(?:an?|the|our)\b", re.IGNORECASE)


def _merged(text: str, spans: list[Span], first_names: FirstNames,
            together: Callable[[Span, Span], bool]) -> list[Span]:
    """Joins each span to the one before it where `together` says they tell one thing, on one line and with
    no other first name between them (a second person named between keeps two findings)."""
    if len(spans) < 2:
        return spans
    ordered = sorted(spans, key=lambda span: (span.start, span.end))
    joined = [ordered[0]]
    for span in ordered[1:]:
        last = joined[-1]
        gap = text[last.end:span.start]
        if together(last, span) and "\n" not in gap and not any(
                w.group().lower() in first_names and w.group() not in NOT_A_NAME for w in _CAPITALISED_WORD.finditer(gap)):
            joined[-1] = Span(Kind.HEALTH, last.start, max(last.end, span.end))
        else:
            joined.append(span)
    return joined


def _one_answer(text: str, spans: list[Span], answers: list[tuple[int, int]], first_names: FirstNames) -> list[Span]:
    """A form's answer line is one finding, however many items it lists (round 12): "Medical needs:
    asthma, two inhalers, hearing aids" tells one thing about one child, as a reviewer reads it. A
    second person named on the line ("Med list: Rosa - sertraline; Reece - inhaler") keeps two."""
    if not answers:
        return spans
    return _merged(text, spans, first_names,
                   lambda last, span: any(start <= last.start and span.end <= end for start, end in answers))


def _born_under_18(text: str) -> bool:
    """A date of birth in the text less than 18 years back (round 28): "New starter form ... DOB: 17 May
    2012" is a child's form, not a grown-up's."""
    born = _BIRTH_YEAR.search(text)
    return born is not None and date.today().year - int(born.group("year")) < 18


def _condition_not_absence(text: str, doc: Document, spans: list[Span]) -> list[Span]:
    """Drops "signed off" where a finding in the same sentence after it names what with."""
    kept = []
    for span in spans:
        if text[span.start:span.end].lower() in _ABSENCE_WORDS:
            _, sentence_end = doc.sentence_bounds(span.start)
            if any(span.end < other.start < sentence_end and text[other.start:other.end].lower() not in _ABSENCE_WORDS
                   for other in spans):
                continue
        kept.append(span)
    return kept


# Between two conditions of one statement: "inhaler for asthma", "low mood, self-harm history,
# supported by CAMHS". Only joining words, so that one finding covers the whole statement.
_JOINING_GAP = lazy_compile(
    # A bracketed note on the condition is the same statement: "epilepsy (rescue meds", "asthma (blue inhaler".
    # Where the care is given is the same statement too: "a neuro appt at the hospital".
    r"(?:[ \t,;/&+()-]|\b(?:and|or|for|plus|also|history|supported|by|at|in|the|currently)\b"
    # Round 28: a cause given with the condition is the same statement ("school refusal linked to anxiety").
    r"|\b(?:linked|related|due)[ \t]+to\b)*"
)
_MAX_GAP = 30


def _joined(text: str, spans: list[Span]) -> list[Span]:
    if len(spans) < 2:
        return spans
    ordered = sorted(set(spans), key=lambda span: (span.start, span.end))
    joined = [ordered[0]]
    for span in ordered[1:]:
        last = joined[-1]
        gap_start = min(last.end, span.start)
        if span.start - last.end <= _MAX_GAP and _JOINING_GAP.fullmatch(text, gap_start, span.start):
            joined[-1] = Span(Kind.HEALTH, last.start, max(last.end, span.end))
        else:
            joined.append(span)
    return joined


# "diagnosed with dyslexia": the condition named is the finding; the word "diagnosed" before it
# is not a second one (it is, alone: "she's just been diagnosed").
_DIAGNOSED_WITH = lazy_compile(r"[ \t]+(?:with|as|as[ \t]+having|of)[ \t]+(?:(?:a|an|mild|severe)[ \t]+)?", re.IGNORECASE)


def _one_statement(doc: Document, spans: list[Span], first_names: FirstNames, loose: list[Span],
                   aftermath: re.Pattern[str] | LazyPattern) -> list[Span]:
    """Needs told of one person in one run of a sentence are one finding (round 12): "Freddie's been
    really low and has talked about hurting himself", "Reuben was sectioned last month, his social
    worker asked us to check in". What follows from a need is part of it (round 14, health_aftermath.txt):
    "a severe nut allergy, her EpiPen is in her bag", "a knee op last week so he'll be on crutches"."""
    if len(spans) < 2:
        return spans
    text = doc.masked
    loosely = {(span.start, span.end) for span in loose}

    def together(last: Span, span: Span) -> bool:
        either_loose = any(start <= s.start and s.end <= end for s in (last, span) for start, end in loosely) \
            or any(_SERVICE_WORD.search(text, s.start, s.end) or aftermath.search(text, s.start, s.end) for s in (last, span))
        return either_loose and 0 <= span.start - last.end <= _STATEMENT_GAP \
            and doc.sentence_bounds(last.start)[0] == doc.sentence_bounds(span.start)[0]

    return _merged(text, spans, first_names, together)


_STATEMENT_GAP = 45
# A service or worker named as the person's ("his social worker"): part of the statement it is in.
_SERVICE_WORD = lazy_compile(r"\b(?:worker|team|service|nurse|therapist|counsellor|psychologist|paediatrician)\b", re.IGNORECASE)


def _without_bare_diagnosis(text: str, spans: list[Span]) -> list[Span]:
    if len(spans) < 2:
        return spans
    starts = {span.start for span in spans}
    kept = []
    for span in spans:
        if text[span.start:span.end].lower() in ("diagnosed", "diagnosis"):
            after = _DIAGNOSED_WITH.match(text, span.end)
            if after is not None and after.end() in starts:
                continue
        kept.append(span)
    return kept


def _could_be_injured(text: str) -> bool:
    # Stems, so that "breaking his wrist" and "spraining her ankle" are read too (round 25).
    return any(verb in text for verb in ("broke", "breaking", "fractur", "sprain", "twist", "dislocat", "injur", "hurt"))


def _names_a_person(match: re.Match[str] | None, first_names: FirstNames) -> bool:
    if match is None:
        return False
    groups = match.groupdict()
    lower_name = groups.get("lower_name")
    if lower_name is not None:
        # Chat in lower case: "tom's got asthma" counts when the word is a first name people have.
        return lower_name.lower().split("-")[0] in first_names
    name = groups.get("name")
    if name is None:
        return True
    if name in NOT_A_NAME:
        return False
    # "Article on ADHD", "Podcast about anxiety": a capitalised word the forenames list lacks is read
    # as a name only when a verb follows it ("Remy's just started on"), not a bare preposition.
    return name.lower() in first_names or _PREPOSITION_AFTER.match(match.string, match.end("name")) is None


_PREPOSITION_AFTER = lazy_compile(r"[ \t]+(?:on|in|with|from|for|into|to|by|about|under|over)\b")
