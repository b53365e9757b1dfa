"""Dates of birth and age-revealing birthdays (policy 3, 5.6: no personal details of young people).

A date on its own is an event date and stays quiet ("concert on 3 March 2026"). A date is a date of
birth when the words around it say so:

* a label: "born on 3 March 2012", "DOB: 03/03/2012", "date of birth 3.3.12";
* a birthday or an age milestone, in figures or in words: "her birthday is 5th May, she turns 14",
  "his fourteenth birthday is on the 9th of June", "Leo turns fifteen on 9 June", "it's Priya's
  sixteenth on Saturday 3rd October";
* a numeric date whose year makes the person a child now, right after a name: "Kai 14/02/2012",
  "Isla (12.07.16)", "Lily, 21/3/2008, plays bass";
* an age milestone on a day, named or relative: "Freya is 12 on Thursday", "Jacob turns 15
  tomorrow", "Harvey - 11 on 7 March"; a child's numbered birthday with no date, whose day is the
  day it is said ("Happy 14th birthday Reuben!", "Ellis's 14th birthday today");
* a list of birthdays: "birthdays: Alfie 3/5, Erin 22/6", "Leah Prosser - 02/09", "Jamal K - 14th";
* an exact age beside a young person's name (round 14): "Maya Brown, 16,", "Tobias Wren (13)", "14-year-old
  Ruby Castell", "Priya, 14, and Dom, 16", a form's "Age: 12" under "Name: Josh", and a milestone's month
  ("Marcus will be 18 in June"). The age is a finding of its own, beside the name's full_name finding
  (the checker pairs full names with their ages through ages_beside); its span is the age words only
  ("16", "14-year-old") and the redacted copy reads "Maya [surname removed], [age removed], ...";
* a full date a few words after a date-of-birth label: "her DOB for me? The form says 08/11/2013".
* a birth year given alone (round 25): after a form's label ("Year born: 2013", birth_year_labels.txt),
  after "b." in a shortlist ("Tilly (b. 2011)"), as "a 2011 baby", and "born in 2010" in a birthday
  greeting; a young person's own milestone with the "I" left out ("turning 15 on friday!!!"); an age set
  off beside a young performer's role ("Tewkesbury drummer, 12, ..."); and an age leant on beside a first
  name ("Connor's only 14 so ...", age_leaning_words.txt).

And the other way: a birth date long enough ago to be an adult's ("Elgar was born on 2 June 1857")
is not a participant's, nor is a year that nobody was born in ("the band was born in 2019", "open to
young people born between 2008 and 2014" names no one).

A date-of-birth label ("DOB", "D.O.B", "date of birth", "birth date") names a personal detail whoever
it belongs to: a volunteer's DBS details ("DOB 12.06.1968") are as private as a child's, so a labelled
date counts at any age a living person can be. "born on" is a story, not a label, and keeps the
child's-age test ("Elgar was born on 2 June 1857").

The finding covers the date itself, so the redacted text still reads: "DOB: [date of birth removed]".
dateparser is deliberately not used: importing it costs the CLI most of its start-up budget, and
these few patterns say all we need.
"""

from __future__ import annotations

import re

from bot.checks.context import CheckContext
from bot.checks.detectors import Span
from bot.checks.detectors.people import CAPITALISED_NAME_WORD, LOWER_LETTERS, NOT_A_NAME, UPPER_LETTERS, FirstNames
from bot.checks.document import Document
from bot.checks.findings import Kind
from bot.checks.lazy_regex import lazy_compile
from bot.checks.wordlists import entries, phrase_pattern

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ORDINAL_WORDS = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
    r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    r"twenty[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth|thirty[- ]first"
)
_DAY = rf"(?:(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?|(?:{_ORDINAL_WORDS}))"
# Any year from 1000 on, so that "born on 23 April 1564" is read whole (and is an adult's), not as "23 April".
_YEAR = r"(?:1[0-9]|20)[0-9]{2}"
# A year said in words (round 23): "two thousand and twelve", "twenty thirteen", "nineteen ninety-eight",
# "two thousand and nine", "seventeen fifty-six". Read as a number by spoken_year(), so that the
# child's-age test still applies.
_UNITS_WORDS = r"one|two|three|four|five|six|seven|eight|nine"
_TEENS_WORDS = r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS_WORDS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SPOKEN_YEAR = (
    rf"(?:two[ \t]+thousand(?:[ \t]+and)?[ \t]+(?:(?:{_TENS_WORDS})(?:[ \t-]+(?:{_UNITS_WORDS}))?|{_TEENS_WORDS}|{_UNITS_WORDS})(?![\w-])"
    # A composer's "sixteen eighty-five" too, so that the child's-age test can say it is an adult's.
    rf"|(?:fifteen|sixteen|seventeen|eighteen|nineteen|twenty)[ \t-]+(?:(?:{_TENS_WORDS})(?:[ \t-]+(?:{_UNITS_WORDS}))?|{_TEENS_WORDS}|oh[ \t-]+(?:{_UNITS_WORDS}))(?![\w-]))"
)
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?[ \t]+)?"
# Day first, or month first as on an American form ("04/23/2011").
_NUMERIC_DATE = r"[0-3]?[0-9][/.\-](?:[01]?[0-9]|(?<=[01][0-9][/.\-])[0-3][0-9]|(?<=(?<![0-9])[1-9][/.\-])[0-3][0-9])[/.\-](?:(?:19|20)[0-9]{2}|[0-9]{2})"
_DATE = (
    rf"(?:{_WEEKDAY}{_DAY}(?:[ \t]+of)?[ \t]+{_MONTH}(?:,?[ \t]+(?:{_YEAR}|['\u2019][0-9]{{2}}|{_SPOKEN_YEAR}))?"  # 3 March 2012, 3rd of March, 17th Jan '12
    rf"|{_WEEKDAY}{_MONTH}[ \t]+(?:the[ \t]+)?{_DAY}(?:,?[ \t]+{_YEAR})?"  # March 3rd, 2012
    rf"|{_NUMERIC_DATE}"  # 03/03/2012, 3.3.12
    rf"|{_YEAR}-[01][0-9]-[0-3][0-9]|{_YEAR}/[01][0-9]/[0-3][0-9]"  # 2012-03-03, 2012/03/03
    rf"|{_MONTH}[ \t]+{_YEAR}"  # March 2012
    rf"|[0-3]?[0-9]/[01]?[0-9](?![/.\-]?[0-9])"  # 28/01, with a birthday or age around it only
    rf"|(?<=the[ ])(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)"  # "on the 30th"
    rf"|(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tues?|weds?|thurs?|fri|sat|sun)\.?)[ \t]+(?:the[ \t]+)?(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)"  # "Friday 20th"
    # "the day after Christmas 2009", "two days before Bonfire Night 2011": a day reckoned from a holiday.
    rf"|(?:(?:the|a)[ \t]+)?(?:day|week|fortnight|(?:two|three|four|five|a[ \t]+few|a[ \t]+couple[ \t]+of|[2-9])[ \t]+(?:days|weeks))[ \t]+(?:after|before)[ \t]+"
    rf"(?:{phrase_pattern(entries('date_holidays'))}|christmas|easter|new[ \t]+year)(?:,?[ \t]+{_YEAR})?"
    rf"|(?:{phrase_pattern(entries('date_holidays'))}))"  # "Boxing Day", with a birthday or age around it only
)
_DATE_RE = lazy_compile(rf"(?<![\w/.-])(?:{_DATE})(?<!\.)(?![\w/]|\.\d)", re.IGNORECASE)
_NUMERIC_DATE_RE = lazy_compile(rf"(?<![\w/.-]){_NUMERIC_DATE}(?![\w/]|\.\d)")
# In a register people also write dates as a spreadsheet does: "Macy 2010-09-18".
# ... or in words with the year: "Imogen Fairley – 23 January 2010", "Josh Ng – May 2nd, 2009".
_LISTED_DATE_RE = lazy_compile(
    rf"(?<![\w/.-])(?:{_NUMERIC_DATE}|{_YEAR}-[01][0-9]-[0-3][0-9]"
    rf"|(?i:{_DAY}(?:[ \t]+of)?[ \t]+{_MONTH},?[ \t]+{_YEAR}|{_MONTH}[ \t]+{_DAY},?[ \t]+{_YEAR}))(?![\w/]|\.\d)")
_YEAR_IN = lazy_compile(rf"{_YEAR}|(?<=['\u2019])[0-9]{{2}}$|(?<=[/.\-][0-9][/.\-])[0-9]{{2}}$|(?<=[/.\-][0-9]{{2}}[/.\-])[0-9]{{2}}$")

_AGE_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen"
)
_AGE_ORDINAL_WORDS = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
    r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth"
)
# An age in slang (round 12): "the big one-three", "the big 1-0", "the big 18", "sweet sixteen" (not "our
# sweet sixteen disco": a theme, not someone's age).
_AGE_SLANG = (
    r"(?:the[ \t]+)?big[ \t]+(?:(?:one|1)[ \t]*-?[ \t]*(?:oh|o|zero|one|two|three|four|five|six|seven|eight|nine|[0-9])|1[0-9])(?![\w-])"
    r"|(?<!\bour[ ])(?<!\bthe[ ])(?<!\ba[ ])sweet[ \t]+sixteen\b"
)
_AGE = rf"(?:1?[0-9]|{_AGE_WORDS}|{_AGE_SLANG})"
_AGE_ORDINAL = rf"(?:1?[0-9](?:st|nd|rd|th)|{_AGE_ORDINAL_WORDS})"
# Other ways to say a birthday's age: "hits 18", "reaches sixteen", "will hit 13".
_REACHES = r"(?:hits|hit|hitting|reaches|reach|reaching|will[ \t]+(?:hit|reach))"
_TURNS = r"(?:turns?|turned|turning|hits|reaches|will[ \t]+be|['\u2019]ll[ \t]+be|is[ \t]+going[ \t]+to[ \t]+be|be)"

# What comes just before a date that makes it a date of birth. Anchored at the end of the text
# before the date, so that the date pattern itself is compiled and run once.
_BIRTH_CUE_BEFORE = lazy_compile(
    rf"(?:\bborn(?:[ \t]*:|[ \t]+(?:on|in))?(?:[ \t]+the)?"  # "born on the", a form's "Born:"
    rf"|(?:(?<![^\W_])d\.?o\.?b(?![^\W_])\.?|(?:\(|(?<=[ \t\-\u2013|,])|^)b\.|(?<![^\W_])date[ \t_]*of[ \t_]*birth(?![^\W_])|(?<![^\W_])birth[ \t_]?date(?![^\W_]))[\"']?"
    # Whose, on a form: "Date of birth (child):", "DOB of young person -".
    rf"(?:[ \t]*\([^()\n]{{1,24}}\)|[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?(?:child|young[ \t]+person|participant|pupil|student))?"
    # "her dob is the 30th of june", "his dob's 3rd may" (round 23).
    rf"[ \t]*(?:is|was|['\u2019]s|[:=\-\u2013])?[ \t]*(?:the[ \t]+)?[\"']?"
    # A form's "Birthday: 4 June" (a label, not "birthday party: ...").
    rf"|(?:^|(?<=[\n|;]))[ \t*_]*(?:birthday|bday|b['\u2019]day)[ \t*_]*[:=]"
    rf"|(?:\b{_TURNS}|['\u2019]s|\bis)[ \t]+{_AGE}[ \t]+on(?:[ \t]+the)?"
    rf")[ \t]*$",
    re.IGNORECASE,
)
# Words that tell a birth without "born", so the date must carry a child's year: "she's a spring baby -
# 17th of April, 2011", "Caleb came along two days before Christmas 2010".
_BIRTH_HINT_BEFORE = lazy_compile(
    # "a winter baby, our Lucy - 21st of December 2009": the date may come a few words after "baby".
    r"(?:\bbaby(?:[ \t]*,[ \t]*(?:our|my|little)?[ \t]*[A-Z][a-z]+)?[ \t]*[-\u2013,:(]?|\b(?:came[ \t]+along|arrived|entered[ \t]+the[ \t]+world)(?:[ \t]+(?:on|in))?(?:[ \t]+the)?)[ \t]*$",
    re.IGNORECASE,
)
_BORN_IN_YEAR = lazy_compile(rf"\bborn(?:[ \t]+in)?[ \t]+(?P<date>{_YEAR})(?![\w/]|\.\d|[ \t]*(?:-|\u2013|to|and|or)[ \t]*{_YEAR})",
                           re.IGNORECASE)
# "born in 2012" tells a birth year only when someone in particular was born: a name or he/she before.
_SOMEONE_BORN_BEFORE = lazy_compile(
    # Round 25: the writer too, "I was born in 2012" (an adult's year is ruled out by its age).
    r"(?:\b(?P<name>[A-Z][a-z]+)|\b[Hh]e|\b[Ss]he|\bI(?![\w'\u2019])|\b(?:my|our|his|her)[ \t]+(?:son|daughter|child|brother|sister))"
    r"(?:[ \t]+(?:was|were|is))?[ \t]*[,(]?[ \t]*$"
    # "Lola, Y8 (born 2013)": a birth year in brackets in a list or caption is the person's before it.
    r"|\([ \t]*$"
)
_LOOKBACK = 40
# Round 25: "Happy 15th Rosa!! born in 2011 and ...", "Happy birthday to Arlo who was born in 2014": in a
# birthday greeting, or after "who was", the birth year is the person greeted's.
_BORN_AFTER_WHO = lazy_compile(r"\bwho[ \t]+(?:was|were|is)[ \t]*$", re.IGNORECASE)
_BIRTHDAY_GREETING_NEAR = lazy_compile(
    rf"\b(?:birthday|bday|b['\u2019]day|b-day)\b|(?<![\w-])(?:{phrase_pattern(entries('birthday_greeting_words'))})[ \t]+"
    r"(?:big[ \t]+)?(?:(?:[4-9]|1[0-9])(?:st|nd|rd|th)|[a-z]+teenth|tenth|eleventh|twelfth)\b",
    re.IGNORECASE)
_GREETING_BORN_LOOKBACK = 80
# Round 25: a year after "b." in a list or shortlist, "Tilly (b. 2011), Reece (b. 2012)", is a birth year; and
# "Reece is a 2011 baby". The year must be a participant's ("Our founder Sue (b. 1961)" is an adult's).
_BORN_ABBREVIATED_YEAR = lazy_compile(rf"(?:(?<=\()|(?<=[ \t,;|]))b\.[ \t]?(?P<date>{_YEAR})(?![\w/.-])")
_YEAR_BABY = lazy_compile(rf"\b(?:a|an)[ \t]+(?P<date>{_YEAR})[ \t]+baby\b", re.IGNORECASE)
# A date-of-birth label proper (not "born"): the date after it is personal at any age.
_DOB_LABEL = lazy_compile(r"(?<![^\W_])(?:d\.?o\.?b|date[ \t_]*of[ \t_]*birth|birth[ \t_]?date)(?![^\W_])", re.IGNORECASE)
_AGE_VERB = lazy_compile(rf"[ \t]*(?:{_TURNS}|['\u2019]s|is)(?![^\W_])", re.IGNORECASE)
# A run of emoji (pictographs, symbols, their joiners and variation selectors), as people put beside a name.
_EMOJI_RUN = r"[\U0001F300-\U0001FAFF\u2600-\u27BF\u200d\ufe0f]{1,12}"
# The oldest a living person giving their details might be.
_OLDEST_LABELLED_AGE = 100
# Days said relative to now: "turns 15 tomorrow", "is 12 on Thursday", "11 next Monday".
_RELATIVE_DAY = (
    # "turned 16 last Tuesday", "was 12 yesterday": a milestone just gone tells the birthday as well (round 22).
    r"(?:today|tomorrow|tonight|yesterday|(?:(?:on|this(?:[ \t]+coming)?|next|last|on[ \t]+the)[ \t]+)?"
    # "Saturday week": the Saturday after next.
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:[ \t]+week\b)?|(?:mon|tues?|weds?|thurs?|fri|sat|sun)\b\.?)"
    r"|(?:this|next|last)[ \t]+(?:week(?:end)?|month)|at[ \t]+the[ \t]+weekend"
    # "Marcus will be 18 in June": the month of a milestone tells the age to the month.
    r"|in[ \t]+(?:january|february|march|april|may|june|july|august|september|october|november|december)\b)"
)
# A name's letters, accented ones too (round 21): "Zoë Brontë turns 12 on Sunday", "Chloë Dubé, 14". Latin-1's
# letters only, without × and ÷.
_NAME_WORD = CAPITALISED_NAME_WORD
# "turns 13 on the 19th": a day of this month, after "on the".
_MILESTONE_AGE_WHEN = (
    rf"(?P<age>{_AGE})(?:[ \t]+(?:years?[ \t]+old|yrs?))?[ \t]+"
    # "turns eleven on the twenty-first": after an age, "on the" and an ordinal in words is a day.
    rf"(?i:(?P<relative>{_RELATIVE_DAY})|on[ \t]+(?:the[ \t]+)?(?P<date>{_DATE}|(?<=the[ ])(?:{_ORDINAL_WORDS})))(?![\w/]|\.\d)"
    # "on the first day of half term" (round 26): an ordinal before a part of the day is no date of the month.
    r"(?![ \t]+(?i:day|night|evening|morning|afternoon|weekend|week)\b)"
)
# An age then a date needs "on" between them: "11 on 7 March" is an age and a day, but in "the Town
# Hall, 3 March 2026" the 3 is the day itself.
# "Freya is 12 on Thursday", "she's 11 next week", "Jacob turns 15 tomorrow", "Caleb who turns 17 today".
_MILESTONE_SAID = lazy_compile(
    # "I turn 14 on the 2nd of May" (round 24): the writer's own milestone.
    rf"\b(?P<who>{_NAME_WORD}(?:-{_NAME_WORD})?|[Hh]e|[Ss]he|who|I(?![\w'\u2019]))"
    rf"(?:[ \t]+(?:turns?|turned|turning|is|was|will[ \t]+be|is[ \t]+going[ \t]+to[ \t]+be|{_REACHES})|['\u2019]s(?:[ \t]+turning)?|['\u2019]ll[ \t]+be)"
    rf"[ \t]+{_MILESTONE_AGE_WHEN}",
)
# A register or list line: "Harvey - 11 on 7 March", "Noah Ferreira, 13 today".
_MILESTONE_LISTED = lazy_compile(
    rf"\b(?P<who>{_NAME_WORD})(?:[ \t]+[{UPPER_LETTERS}][{LOWER_LETTERS}'\u2019-]+)?[ \t]*[-\u2013:,][ \t]*{_MILESTONE_AGE_WHEN}"
)
# A numbered birthday and its day, without the word birthday: "her 13th is on Saturday", "his 15th falls
# on 12 November", "Jake's 16th is next Friday". Ordinals up to 19 only: "his 40th" is an adult's.
_ORDINAL_MILESTONE = lazy_compile(
    rf"(?<![\w-])(?P<who>{_NAME_WORD}['\u2019]s|[Hh]is|[Hh]er|[Tt]heir)[ \t]+(?P<age>{_AGE_ORDINAL})"
    rf"(?:[ \t]+(?:birthday|bday|b['\u2019]day))?[ \t]+(?:(?:is|falls|lands|comes|will[ \t]+be)[ \t]+)?"
    rf"(?i:(?P<relative>{_RELATIVE_DAY})|on[ \t]+(?:the[ \t]+)?(?P<date>{_DATE}|(?<=the[ ])(?:{_ORDINAL_WORDS})))(?![\w/]|\.\d)"
)
_ORDINAL_AGE_ONLY = lazy_compile(r"1?[0-9](?:st|nd|rd|th)", re.IGNORECASE)
# A list row's last item that is a school (round 26): "Kai - 12 - Severn Vale School".
_SCHOOL_ITEM = lazy_compile(r"\b(?:School|Academy|College|Grammar|High|Primary)\b")
_YOUNGEST_OWN_AGE = 4
# Round 25: a young person's own milestone, "I'm turning 12 on saturday", "im gonna be 14 next month", and
# in chat with the "I" left out at the start of a sentence or after a comma: "turning 15 on friday!!!",
# "hitting 16 tomorrow", "cant come, gonna be 13 on wednesday". The caller leaves it when the writer says
# they are an adult.
_OWN_MILESTONE = lazy_compile(
    rf"(?:(?<![\w'\u2019])(?i:i[ \t]*['\u2019]?[ \t]*m|i[ \t]+am)[ \t]+|(?:^|(?<=[.!?\n,])[ \t]*))"
    rf"(?i:turning|hitting|(?:just[ \t]+)?turned|gonna[ \t]+be|going[ \t]+to[ \t]+be)[ \t]+{_MILESTONE_AGE_WHEN}"
)
_DATE_AFTER_RELATIVE = lazy_compile(rf"[ \t]*[,(\-\u2013][ \t]*(?:the[ \t]+)?(?P<date>(?:{_DATE}))(?![\w/]|\.\d)", re.IGNORECASE)
# "today" ending a sentence or a line ("14 today!", "13 today 🎉"), not asked about ("10 today?").
_TODAY_AS_NEWS = lazy_compile(r"(?i:today)[ \t]*(?:[!.\n\u2600-\u27bf\U0001F300-\U0001FAFF]|$)")
_MILESTONE_CUES = (" on ", " in ", "today", "tomorrow", "tonight", "yesterday", "next ", "this ", "last ", "weekend", "day week")


def _milestone_span(found: re.Match[str]) -> Span:
    """The date ("turns 14 on [the 5th of May]"), or the age and a relative day ("turns [15 tomorrow]")."""
    if found.group("date") is not None:
        return Span(Kind.DATE_OF_BIRTH, found.start("date"), found.end("date"))
    # "Ayesha, 12 today, 30 November": the day is given as a date too.
    dated = _DATE_AFTER_RELATIVE.match(found.string, found.end("relative"))
    if dated is not None:
        return Span(Kind.DATE_OF_BIRTH, dated.start("date"), dated.end("date"))
    return Span(Kind.DATE_OF_BIRTH, found.start("age"), found.end("relative"))


# A numbered birthday said on the day: "Happy 14th birthday Reuben!", "Ellis's 14th birthday today".
_NUMBERED_BIRTHDAY = lazy_compile(rf"\b{_AGE_ORDINAL}[ \t]+(?:birthday|bday|b['\u2019]day)\b", re.IGNORECASE)
_BIRTHDAY_OWNER_BEFORE = lazy_compile(r"(?:\b[A-Z][a-z]+['\u2019]s|\b(?:his|her|their))[ \t]+$")
# "Happy 12th birthday to our youngest drummer Alfie": a role of a word or two may come before the name.
_BIRTHDAY_NAME_AFTER = lazy_compile(r"[ \t,]+(?:to[ \t]+)?(?:our[ \t]+(?:[a-z]+[ \t]+){0,2}?)?(?P<name>[A-Z][a-z]+)\b")
_FIRST_NAME_WORD = lazy_compile(r"\b[A-Z][a-z]+\b")
_TODAY_AFTER = lazy_compile(r"[^.!?\n]{0,40}?\b(?:today|tomorrow)\b", re.IGNORECASE)
# A list of birthdays: "bday list: Noah 4/2, Hana 19/2" names each one's day.
_BIRTHDAY_LIST_CUE = lazy_compile(r"\b(?:birthdays?|bdays?|b['\u2019]days?|b-days?)\b", re.IGNORECASE)
# "Noah 3rd, Lily 19th" and "Noah - 3 March" too.
_NAMED_DAY_MONTH = lazy_compile(
    # "Leah Prosser - 02/09", "Jamal K - 14th": a surname or an initial may follow the first name.
    rf"\b(?P<who>[A-Z][a-z]+)(?:[ \t]+(?:[A-Z]\.?|(?:Mc|Mac|O['\u2019])?[A-Z][a-z'\u2019-]+)(?=[ \t]*[:\-\u2013]))?"
    rf"[ \t]*[:\-\u2013]?[ \t]*(?P<date>[0-3]?[0-9]/[01]?[0-9]"
    # The month in any case ("3 May", "3 may"), though the name must be capitalised.
    rf"|(?:the[ \t]+)?(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)(?:[ \t]+(?:of[ \t]+)?(?i:{_MONTH}))?"
    rf"|(?:3[01]|[12][0-9]|0?[1-9])[ \t]+(?i:{_MONTH}))(?![\w/]|\.\d)",
)
# A date-of-birth label a few words before a full date: "her DOB for me? The form says 08/11/2013".
_BIRTH_LABEL_NEAR = lazy_compile(
    r"(?:\bd\.?o\.?b\b|\bdate[ \t]+of[ \t]+birth\b|\bbirth[ \t]?date\b)[^\n\d]{0,40}$", re.IGNORECASE
)
_MONTH_OR_DAY = lazy_compile(rf"{_MONTH}|(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tomorrow|cake|card|cards", re.IGNORECASE)
_BIRTHDAY_WINDOW = 200
# Cheap first look: without any of these in the lower-cased text there is nothing to find.
_CUES = ("(b.", " b.", "born", "hitting", "gonna", "going to", "big ", "baby", "came along", "arrived", "birth", "dob", "d.o.b", "bday", "b'day", "b-day", "turn", " be ", "'s ", "\u2019s ", " is ", " was ", "his ", "her ", "sweet", "figures", "teenager")
_BIRTHDAY = lazy_compile(
    rf"\b(?:birthday|bday|b['\u2019]day|b-day)\b"
    # "it's Priya's sixteenth on Saturday", "Ava's sixteenth falls on 1 May"
    rf"|['\u2019]s[ \t]+(?:{_AGE_ORDINAL})(?=[ \t]+(?:(?:is|falls|lands|comes|will[ \t]+be)[ \t]+)?on\b)"
    # "Jake's 14th is next Saturday (18th of May)", "Noah's 15th is the Friday after next (12 June)"
    rf"|['\u2019]s[ \t]+(?:{_AGE_ORDINAL})(?=[ \t]+(?:is|falls|will[ \t]+be)[ \t]+(?:next|this|the|on)\b)"
    rf"|(?<!\bour[ ])(?<!\bthe[ ])(?<!\ba[ ])\bsweet[ \t]+sixteen\b|\bdouble[ \t]+figures\b|\b(?:becomes?|becoming)[ \t]+a[ \t]+teenager\b"
    rf"|\b(?:his|her|their)[ \t]+{_AGE_ORDINAL}(?=[ \t]*(?:[!.,)]|$|on\b))"  # "on 22nd June - his 17th!"
    # "it's Oscar's big day on 22nd Feb - he'll be 13!": a birthday only with an age said near it.
    rf"|['\u2019]s[ \t]+(?P<big_day>big[ \t]+day)\b"
    # "it was dev's 14th yesterday, 6 march": a numbered birthday said with its day.
    rf"|['\u2019]s[ \t]+{_AGE_ORDINAL}(?=[ \t]+(?:yesterday|today|tomorrow|this|next|last)\b)",
    re.IGNORECASE,
)
# Words that show how old someone is: a birthday date with one of these near it is a birth date.
_AGE_NEAR = lazy_compile(
    rf"\b{_TURNS}[ \t]+{_AGE}\b"
    rf"|\baged?[ \t]+{_AGE}\b"
    rf"|\b{_AGE_ORDINAL}(?:[ \t]+b(?:irth)?day|[ \t]+on)\b"
    rf"|['\u2019]s[ \t]+{_AGE_ORDINAL}\b"
    rf"|\b(?:his|her|their)[ \t]+{_AGE_ORDINAL}(?=[ \t]*(?:[!.,)]|$))"
    rf"|(?<!\bour[ ])(?<!\bthe[ ])(?<!\ba[ ])\bsweet[ \t]+sixteen\b|\bdouble[ \t]+figures\b|\b(?:becomes?|becoming)[ \t]+a[ \t]+teenager\b"
    rf"|\b{_AGE}[ \t]*(?:years?|yrs?)[ \t-]*old\b"
    rf"|\b{_AGE}[ \t]+(?:today|tomorrow)\b",  # "Alfie, 9 today, 2 December"
    re.IGNORECASE,
)
# A group eligible by birth date ("anyone born between"), not one person.
_GROUP_BORN_BEFORE = lazy_compile(
    r"\b(?:anyone|those|people|children|kids|young[ \t]+people|participants|applicants|players|members|"
    r"everyone|pupils|students|if[ \t]+(?:you|they)[ \t]+were|who[ \t]+were|you|if)[ \t]+(?:were[ \t]+|are[ \t]+)?$",
    re.IGNORECASE,
)
# Things that have birthdays and anniversaries too: "Our charity turns 15 on 3 March".
_NOT_A_CHILD_BEFORE = lazy_compile(
    r"\b(?:charity|organisation|organization|we|band|choir|festival|project|group|club|orchestra|company|it|"
    r"tmw|works|business|shop|venue|studio|programme|program|scheme|event|website|podcast|show|"
    r"centre|center|hall|library|theatre|academy|society|trust|hub|building)"
    # "the project was born in March 2019" (round 23): the thing, then its verb.
    r"(?:[ \t]+(?:was|were|is|has[ \t]+been|had[ \t]+been))?[ \t]*$",
    re.IGNORECASE,
)
# "Happy 18th birthday to our youth council!": a birthday of something, not of someone; so is "the 12th
# birthday of the festival" (round 23).
_NOT_A_CHILDS_BIRTHDAY_AFTER = lazy_compile(
    r"[ \t]+(?:to|for|of)[ \t]+(?:our|the|this|tmw|the[ \t]+music[ \t]+works)\b(?![ \t]+(?:son|daughter|boy|girl|lad|drummer|singer))",
    re.IGNORECASE,
)
_FOUNDED = lazy_compile(r"\b(?:founded|established|formed|launched|set[ \t]+up|opened|started[ \t]+in)\b", re.IGNORECASE)
# A numeric date right after a name (a register line): "Kai 14/02/2012", "Isla (12.07.16)".
# A school year or an age may come between: "Nell, Y10, 03.12.2010", "Kai | 13 | 14/02/2012".
_NAME_BEFORE_DATE = lazy_compile(
    r"\b(?P<name>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z'\u2019-]*\.?)?)(?:[ \t]*\((?:Y|Yr|Year)[ \t]*\d{1,2}\))?[ \t]*(?:[,:(|/\-\u2013][ \t]*)?"
    r"(?:(?:(?:Y|Yr|Year)[ \t]*\d{1,2}|aged?[ \t]*\d{1,2}|\d{1,2})[ \t]*[,:|/\-\u2013][ \t]*)?$"
)
# Round 23: the same in lower case, as typed on a phone: "leo 2011-03-15, ada 2012-09-01", "amara 2/3/12 and
# lenny 19/10/11". The word must be a known first name (checked by the caller), and the year a child's.
_LOWER_NAME_BEFORE_DATE = lazy_compile(r"(?<![\w'\u2019-])(?P<name>[a-z]{2,})[ \t]*(?:[,:(|\-\u2013][ \t]*)?$")
# Whose birthday: "it's Ruby's birthday on", "his birthday falls on", "Reggie's b'day is on".
_PARTY_AFTER = lazy_compile(r"[ \t]+(?:party|parties|do|meal|disco|sleepover|celebration|bash|night[ \t]+out|drinks|trip)\b",
                          re.IGNORECASE)
# "ruby's bday" in chat: a lower-case word counts when it is a first name people have.
# "Zoë's birthday", and in a register's shorthand a name with an initial: "Maya B birthday 28/02".
# In a note to self the name may stand bare before the word: "Lexi bday 28/10 - card?" (a first name
# people have only, so "Happy birthday" and "Staff birthday lunch" are nobody's).
_BIRTHDAY_OF_SOMEONE = lazy_compile(
    r"(?:\b(?P<name>[A-Z][a-z\u00df-\u00ff]+)(?:['\u2019]s|[ \t]+[A-Z]\.?(?:['\u2019]s)?)|\b(?P<lower>[a-z]{2,})['\u2019]s"
    # "Happy 18th to Dev, whose birthday falls on ..." (round 24): "whose" is the person just named.
    r"|\b(?P<bare>[A-Z][a-z]+)|\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ww]hose))[ \t]+$")
# Participants are children and young adults: a birth year further back is an adult's (a composer,
# a founder); a year this recent is an event's.
_OLDEST_AGE = 20
_YOUNGEST_AGE = 2


_SPOKEN_YEAR_RE = lazy_compile(_SPOKEN_YEAR, re.IGNORECASE)
_NUMBER_WORDS = {word: value for value, word in enumerate(
    f"zero {_UNITS_WORDS.replace('|', ' ')} {_TEENS_WORDS.replace('|', ' ')}".split())}
_NUMBER_WORDS.update({word: 20 + 10 * i for i, word in enumerate(_TENS_WORDS.split("|"))})


def spoken_year(written: str) -> int | None:
    """The year in a date said in words: "the fifth of july two thousand and twelve" is 2012, "sixth of
    may twenty thirteen" 2013, "nineteen oh nine" 1909. None when no year is said in words."""
    found = _SPOKEN_YEAR_RE.search(written)
    if found is None:
        return None
    words = [w for w in re.split(r"[ \t-]+", found.group().lower()) if w not in ("and", "oh")]
    if words[:2] == ["two", "thousand"]:
        return 2000 + sum(_NUMBER_WORDS[w] for w in words[2:])
    return 100 * _NUMBER_WORDS[words[0]] + sum(_NUMBER_WORDS[w] for w in words[1:])


def born_within(written: str, this_year: int, oldest: int, youngest: int = _YOUNGEST_AGE) -> bool:
    """Whether a written birth date or year could be that of someone `youngest` to `oldest` years old now.

    The one test of a birth date's year, used by every check: a participant's (oldest=_OLDEST_AGE), anyone's
    after a date-of-birth label (_OLDEST_LABELLED_AGE: a volunteer's, a grandparent's), a child's
    (young_names.py: under 18). A date without a year ("born on 5 May", "14/02") may be anyone's: True.
    A two-digit year is this century's up to this year, else last century's ("9.9.09", "3.11.79").
    """
    year = _YEAR_IN.search(written)
    if year is None:
        spoken = spoken_year(written)
        return spoken is None or this_year - oldest <= spoken <= this_year - youngest
    value = int(year.group())
    if value < 100:
        value += 2000 if value <= this_year % 100 else 1900
    return this_year - oldest <= value <= this_year - youngest


class DateOfBirthDetector:
    def __init__(self, context: CheckContext):
        self._context = context
        # "Zoë" and "Zoe", "Anaïs" and "Anais": a first name is known however it is accented (_is_first_name);
        # _first_names is the list as written, for the checks that look a word up as it is.
        self._forenames = FirstNames(entries("forenames", context.extra_terms))
        self._first_names = self._forenames.listed
        roles = phrase_pattern(entries("adult_roles", context.extra_terms))
        self._adult_role = lazy_compile(rf"\b(?:{roles})\b", re.IGNORECASE)
        # "our tutor Dave's only 19": an adult's role just before the person an age is said of.
        self._adult_role_just_before = lazy_compile(rf"\b(?:{roles})[ \t]*[,:\-\u2013]?[ \t]*$", re.IGNORECASE)
        famous = phrase_pattern(entries("famous_people", context.extra_terms))
        self._famous = lazy_compile(rf"\b(?:{famous})(?:['\u2019]s)?[ \t]+$", re.IGNORECASE)
        self._famous_after = lazy_compile(rf"[ \t]+(?:to[ \t]+)?(?:{famous})\b", re.IGNORECASE)
        # "Happy birthday to our youngest drummer Alfie": one of our young members, not "our choir".
        # "Happy 15th birthday to our queen Leah" (round 18): a word of affection before a first name is
        # said of one of ours too (affection_words.txt).
        # Round 24: a message that says its writer is an adult ("I'm 19, a parent of two"); a head count
        # before a number ("attendance - 14 today"); an event whose date stands beside a birthday ("is the
        # trip on the 7th?").
        adult_self = phrase_pattern(entries("adult_self_words", context.extra_terms))
        self._adult_self = lazy_compile(rf"(?<![\w-])(?:{adult_self})(?![\w-])", re.IGNORECASE)
        head_counts = phrase_pattern(entries("head_count_words", context.extra_terms))
        self._head_count = lazy_compile(rf"(?<![\w-])(?:{head_counts})(?![\w-])", re.IGNORECASE)
        events = phrase_pattern(entries("dated_event_words", context.extra_terms))
        self._event_before_date = lazy_compile(
            rf"(?<![\w-])(?:{events})(?![\w-])[ \t]*(?:(?:is|was|will[ \t]+be|on|to|for|till|until|of|the|still|moved|now|set)[ \t]+){{0,3}}$",
            re.IGNORECASE)
        members = phrase_pattern(entries("young_member_words", context.extra_terms))
        affection = phrase_pattern(entries("affection_words", context.extra_terms))
        self._young_member_after = lazy_compile(
            rf"[ \t]+(?:to|for)[ \t]+our[ \t]+(?:[a-z]+[ \t]+){{0,2}}?(?:(?i:{members})\b"
            rf"|(?i:{affection})[ \t]+[A-Z][a-z]+\b)")
        # Round 25: "Year born: 2013", "Birth year - 2010", "DOB (year only): 2011" on a form's line
        # (birth_year_labels.txt): a year alone after the label still tells the age.
        birth_year_labels = phrase_pattern(entries("birth_year_labels", context.extra_terms))
        self._labelled_birth_year = lazy_compile(
            rf"(?:^|(?<=[\n|;]))[ \t*_\-\u2022]*(?:{birth_year_labels})(?:[ \t]*\([^()\n]{{1,24}}\))?(?:[ \t*_]*[:=\-\u2013][ \t]*|[ \t]+)"
            # A range or a limit is a group's eligibility: "Year of birth: 2010 or later", "birth year 2009 to 2012".
            rf"(?P<date>{_YEAR})(?![\w/.:-]|[ \t]*(?:[\u2013+]|or\b|and\b|to\b|onwards\b|later\b|earlier\b|before\b|after\b))",
            re.IGNORECASE)
        # "Tewkesbury drummer, 12, lands a slot", "Sax player (15) opens the show", "my son, 12, ...", "a
        # singer-songwriter aged 14": an age set off beside one young person's role (young_member_words.txt,
        # young_role_words.txt) names them as surely as a name.
        roles = phrase_pattern(entries("young_member_words", context.extra_terms) + entries("young_role_words", context.extra_terms))
        self._age_beside_role = lazy_compile(
            rf"(?<!\w)(?i:{roles})(?:[ \t]*,[ \t]*(?P<comma>{_AGE_VALUE})[ \t]*,|[ \t]*\([ \t]*(?P<paren>{_AGE_VALUE})[ \t]*\)"
            rf"|,?[ \t]+aged[ \t]+(?P<aged>{_AGE_VALUE})(?![:.]?[0-9]|[ \t]*(?:[-\u2013+]|to\b|or\b|and[ \t]+(?:under|over|up|above)\b)))"
            # Not one of a run of numbers: "star, seven, seven, one" is a keypad code, not an age.
            rf"(?![ \t]*(?i:[0-9]|zero|one|two|three|{_AGE_IN_WORDS})(?![\w-]))")
        # "Connor's only 14 so ...", "Evie, is only 9 so ...", "he's only 12 so": an age leant on
        # (age_leaning_words.txt) is the point of the sentence, said of the person named.
        leaning = phrase_pattern(entries("age_leaning_words", context.extra_terms))
        # "my son", "our little drummer", "her youngest daughter": one young person meant without a name.
        one_young_person = (rf"(?i:my|our|his|her|their)[ \t]+(?:[a-z]+[ \t]+)?(?i:{members})")
        self._one_young_person_before = lazy_compile(rf"(?<![\w-]){one_young_person}(?:['\u2019]s)?[ \t]*$")
        self._leaned_age = lazy_compile(
            rf"\b(?P<who>{_NAME_WORD}(?:-{_NAME_WORD})?|[Hh]e|[Ss]he|(?P<young>{one_young_person}))"
            rf"(?:['\u2019]s|,?[ \t]+is|[ \t]+was)[ \t]+(?i:{leaning})[ \t]+"
            rf"(?P<age>{_AGE_VALUE}){_AGE_UNIT}"
            rf"(?=[ \t]*(?:[,;.!?)\n]|$)|[ \t]+(?:and|but|so|or|yet|though|when|which)\b)")

        # Round 26: "Priya turned 15 on the final night of band camp" (birthday_occasion_words.txt).
        occasions = phrase_pattern(entries("birthday_occasion_words", context.extra_terms))
        self._turned_on_an_occasion = lazy_compile(
            # An emoji may stand between the name and the verb (round 27): "Ruby 🎂 turned 14 on the last day of ...".
            rf"\b(?P<who>{_NAME_WORD}(?:-{_NAME_WORD})?|[Hh]e|[Ss]he)(?:[ \t]+{_EMOJI_RUN})?(?:[ \t]+(?:turned|turns|turning|hit|hits|reached)|['\u2019]s[ \t]+turning)"
            rf"[ \t]+(?P<age>{_AGE})[ \t]+on[ \t]+the[ \t]+(?i:first|last|final|opening|closing|second|same)[ \t]+(?i:{occasions})\b")
        # Round 26: "Ella H's 18th: she celebrates on Sunday 3 August" (celebration_words.txt).
        celebrations = phrase_pattern(entries("celebration_words", context.extra_terms))
        self._celebrated_on = lazy_compile(
            rf"\b(?i:{celebrations})(?:[ \t]+(?i:is|will[ \t]+be|falls))?[ \t]+on[ \t]+(?:the[ \t]+)?(?P<date>{_DATE})(?![\w/]|\.\d)",
            re.IGNORECASE)
        self._whose_numbered_birthday = lazy_compile(
            rf"\b(?P<who>{_NAME_WORD})(?:[ \t]+[A-Z]\.?)?(?:['\u2019]s[ \t]+(?:big[ \t]+)?{_AGE_ORDINAL}\b"
            rf"|[ \t]+(?:turns|turning|will[ \t]+be|is[ \t]+going[ \t]+to[ \t]+be)[ \t]+(?P<age>{_AGE})\b)"
            # Round 27: "a very happy 18th birthday to our young leader Maya, who celebrates on ...": the
            # numbered birthday wished to someone named after it, perhaps after a role of up to three words.
            rf"|\b{_AGE_ORDINAL}[ \t]+(?i:birthday|bday|b['\u2019]day)[ \t]+to[ \t]+(?:(?i:our|my|the)[ \t]+)?"
            rf"(?:[a-z]+(?:-[a-z]+)?[ \t]+){{0,3}}?(?P<greeted>{_NAME_WORD})\b")
        # Round 26: a list's rows "Isla – 13 – The Crypt" with no header: a first name (and perhaps a
        # surname: "Amelia Croft – 12 – Stroud High School"), an age, then a capitalised item (a school, a
        # part), the age of a young person.
        self._name_age_row = lazy_compile(
            rf"^[ \t*\u2022-]*(?P<who>{_NAME_WORD})(?:[ \t]+[A-Z]\.?|[ \t]+[A-Z][a-z'\u2019]+(?:-[A-Z][a-z'\u2019]+)?)?"
            rf"[ \t]+[-\u2013\u2014][ \t]+(?P<age>[0-9]{{1,2}})"
            rf"[ \t]+[-\u2013\u2014][ \t]+(?P<item>[A-Z][^\n]{{0,60}})$", re.MULTILINE)

    def find(self, doc: Document) -> list[Span]:
        text = doc.masked
        lowered = doc.lowered if doc.lowered is not None else text.casefold()
        this_year = self._context.current_year()
        spans = []
        has_digits = any(ch.isdigit() for ch in text)
        if has_digits:
            spans += self._dates_after_names(doc, this_year)
        if has_digits and ("/" in text or "." in text or "-" in text):
            spans += self._dates_near_birth_labels(text, this_year)
        relative: list[Span] = []
        if any(cue in lowered for cue in _MILESTONE_CUES):
            for span in self._milestones(text):
                (relative if text[span.end - 1].isalpha() and not _DATE_RE.fullmatch(text, span.start, span.end)
                 else spans).append(span)
        if "old" in lowered or any(ch.isdigit() for ch in text):
            spans += self._ages_beside_first_names(text)
        if has_digits:
            spans += self._birth_years(text, this_year)
        spans += self._ages_beside_roles(doc) + self._leaned_ages(doc)
        if " on the " in text:
            spans += [Span(Kind.DATE_OF_BIRTH, m.start("age"), m.end("age")) for m in self._turned_on_an_occasion.finditer(text)
                      if m.group("who") in ("He", "She", "he", "she") or (self._is_first_name(m.group("who")) and m.group("who") not in NOT_A_NAME)]
        if has_digits and " on " in text:
            spans += self._celebration_dates(doc)
        if has_digits and "\n" in text:
            spans += self._ages_in_name_rows(text)
        if "age" in lowered:
            spans += self._ages_on_joining(text, this_year)
        if "i" in lowered:
            spans += self._own_ages(text)
        # "Ayesha, 12 today, 30 November": with the date given, the date is the finding (as for milestones).
        said_today = self._ages_said_today(doc) if "today" in lowered else []
        if not any(cue in lowered for cue in _CUES):
            # Round 21: "Ellis Ward, 14 today!", "Noah Ferreira, 13 today": an age and "today" said as news,
            # ending its sentence, is a birthday even without a birthday word. Other relative days need a cue:
            # "Kai, 10 tomorrow?" or "Jess - 11 on Saturday" may be a time.
            told_today = [span for span in relative if _TODAY_AS_NEWS.match(text, span.end - len("today"))]
            return spans + self._unless_dated(doc, told_today + said_today, spans)
        if _BIRTHDAY_LIST_CUE.search(text):
            spans += self._birthday_list(text)
        for born in _BORN_IN_YEAR.finditer(text):
            before = text[max(0, born.start() - _LOOKBACK):born.start()]
            someone = _SOMEONE_BORN_BEFORE.search(before)
            name = someone.group("name") if someone else None
            if someone is None:
                greeted = text[max(0, born.start() - _GREETING_BORN_LOOKBACK):born.start()]
                # In a birthday greeting "you" is the person greeted: "Can't believe you were born in 2012".
                group = _GROUP_BORN_BEFORE.search(before)
                if group is not None and group.group().lower().startswith("you") and _BIRTHDAY_GREETING_NEAR.search(greeted):
                    group = None
                if not (_BORN_AFTER_WHO.search(before) or _BIRTHDAY_GREETING_NEAR.search(greeted)) or \
                        _NOT_A_CHILD_BEFORE.search(before) or group is not None:
                    continue
            elif name is not None and name not in ("He", "She") and name in NOT_A_NAME:
                continue
            if born_within(born.group("date"), this_year, _OLDEST_AGE):
                spans.append(Span(Kind.DATE_OF_BIRTH, born.start("date"), born.end("date")))
        for found in _DATE_RE.finditer(text):
            before = text[max(0, found.start() - _LOOKBACK):found.start()]
            cue = _BIRTH_CUE_BEFORE.search(before)
            if cue is None and _YEAR_IN.search(found.group()) is not None:
                cue = _BIRTH_HINT_BEFORE.search(before)
            if cue is None or not (born_within(found.group(), this_year, _OLDEST_AGE) or (
                    _DOB_LABEL.search(cue.group()) and born_within(found.group(), this_year, _OLDEST_LABELLED_AGE))):
                continue
            if _GROUP_BORN_BEFORE.search(before, 0, cue.start()) or _NOT_A_CHILD_BEFORE.search(before, 0, cue.start()):
                continue
            if self._an_organisations_age(text, found.start() - len(before) + cue.start(), cue.group()):
                continue
            spans.append(Span(Kind.DATE_OF_BIRTH, found.start(), found.end()))
        for birthday in _BIRTHDAY.finditer(text):
            span = self._birthday_date(doc, birthday, this_year)
            if span is not None:
                spans.append(span)
        return spans + self._unless_dated(doc, relative + said_today, spans)

    def _celebration_dates(self, doc: Document) -> list[Span]:
        """"Ella H's 18th: she celebrates on Sunday 3 August", "Oscar turns 18 ... his party on Friday 9
        May" (round 26): a date a young person's numbered birthday is celebrated on, in a sentence that
        says whose birthday it is. "The festival turns 10 and celebrates on ..." names no person."""
        text = doc.masked
        spans = []
        for found in self._celebrated_on.finditer(text):
            sentence_start, _ = doc.sentence_bounds(found.start())
            start = max(sentence_start, found.start() - 120)
            for whose in self._whose_numbered_birthday.finditer(text, start, found.start()):
                age = whose.group("age")
                if age is not None and not age.isdigit():
                    age = None
                who = whose.group("who") or whose.group("greeted")
                if (self._is_first_name(who) and who not in NOT_A_NAME
                        and (age is None or int(age) <= _OLDEST_AGE)):
                    spans.append(Span(Kind.DATE_OF_BIRTH, found.start("date"), found.end("date")))
                    break
        return spans

    def _ages_in_name_rows(self, text: str) -> list[Span]:
        """"Isla – 13 – The Crypt\nNoah – 15 – Cleeve School" (round 26): rows of a first name, an age and
        a capitalised item, with no header to say so. Two such rows with young ages make a list of young
        people; one row counts when its item is a school ("Kai - 12 - Severn Vale School")."""
        rows = [m for m in self._name_age_row.finditer(text)
                if self._is_first_name(m.group("who")) and m.group("who") not in NOT_A_NAME
                and _YOUNGEST_AGE <= int(m.group("age")) <= _OLDEST_AGE]
        if len(rows) < 2:
            rows = [m for m in rows if _SCHOOL_ITEM.search(m.group("item"))]
        return [Span(Kind.DATE_OF_BIRTH, m.start("age"), m.end("age")) for m in rows]

    @staticmethod
    def _unless_dated(doc: Document, relative: list[Span], dated: list[Span]) -> list[Span]:
        """"Alfie, 9 today, 2 December", "Zane turns 11 on Tuesday (born 8 December 2015)": when the
        sentence gives the date itself, the date is the finding, not the age and the day."""
        kept = []
        for span in relative:
            start, end = doc.sentence_bounds(span.start, span.end)
            # "A massive happy 13th to Leo, 13 today" (round 26): a numbered birthday is no date of the month.
            if not any(start <= other.start < end and not _ORDINAL_AGE_ONLY.fullmatch(doc.masked, other.start, other.end)
                       for other in dated):
                kept.append(span)
        return kept

    def _milestones(self, text: str) -> list[Span]:
        spans = []
        for found in _MILESTONE_SAID.finditer(text):
            who = found.group("who")
            if who[0].isupper() and who not in ("He", "She", "I") and (who in NOT_A_NAME or who in _NOT_A_PERSON_BEFORE_DATE):
                continue
            # "Audio-Base turns 10", "The Music Works turns 20": the last word of an organisation's name.
            if who[0].isupper() and who not in ("He", "She", "I") and (self._inside_a_longer_name(text, found.start("who")) or (
                    "-" in who and not self._is_first_name(who.split("-")[0]))):
                continue
            spans.append(_milestone_span(found))
        for found in _ORDINAL_MILESTONE.finditer(text):
            who = found.group("who")
            if who.lower() in ("his", "her", "their"):
                spans.append(_milestone_span(found))
                continue
            owner = who[:-2]
            if owner in NOT_A_NAME or owner in _NOT_A_BIRTHDAY_OWNER or owner in _NOT_A_PERSON_BEFORE_DATE or \
                    self._inside_a_longer_name(text, found.start("who")):
                continue
            spans.append(_milestone_span(found))
        for found in _MILESTONE_LISTED.finditer(text):
            who = found.group("who")
            if who.lower() in self._first_names or (who not in NOT_A_NAME and who not in _NOT_A_PERSON_BEFORE_DATE):
                spans.append(_milestone_span(found))
        # A participant's age, 4 or over: "turning 2 on friday! our little podcast" is a thing's.
        own = [_milestone_span(found) for found in _OWN_MILESTONE.finditer(text)
               if (age_in_years(found.group("age")) or _YOUNGEST_OWN_AGE) >= _YOUNGEST_OWN_AGE]
        if own and not self._adult_self.search(text):
            spans += own
        return spans

    @staticmethod
    def _ages_on_joining(text: str, this_year: int) -> list[Span]:
        """"aisha joined the band in june aged 12", "first came to us in 2025 at the age of 11": the age
        someone was when they joined, said with a time of joining, tells their age now (round 23). The age
        is the finding. Without a time ("Darcey joined our choir aged 12 when ...", an impact story's past)
        or with a year that makes them an adult now ("joined in 2015 aged 8") it is a story's age."""
        spans = []
        for found in _JOINED_AGED.finditer(text):
            between = found.group("between")
            # "we started a class for kids aged 9": the age of a group the sentence is about, not a person's.
            if _GROUP_BETWEEN.search(between):
                continue
            when = _RECENT_JOIN_WHEN.search(between)
            if when is None:
                continue
            if when.group("year") is not None:
                # "joined in 2022 aged 11" is 15 now, still a child; "joined in 2015 aged 8" is an adult now.
                age_now = (age_in_years(found.group("age")) or 0) + this_year - int(when.group("year"))
                if not 0 <= this_year - int(when.group("year")) or age_now > _OLDEST_CHILD_AGE:
                    continue
            spans.append(Span(Kind.DATE_OF_BIRTH, found.start("age"), found.end("age")))
        return spans

    def _own_ages(self, text: str) -> list[Span]:
        """"Hi, I'm Leon, I'm 13 and I play bass", "so I'll be 12 by the concert": a young person giving their
        own age (round 24). Not when the message says the writer is a grown-up ("I'm 19, a parent of two")."""
        found = [Span(Kind.DATE_OF_BIRTH, m.start("age"), m.end("age")) for m in _OWN_AGE.finditer(text)
                 # A child's age, and not a time said next: "I'll be 10, maybe 15 mins late" is running late.
                 if (age_in_years(m.group("age")) or 0) <= _OLDEST_CHILD_AGE and _TIME_SAID_AFTER.match(text, m.end()) is None]
        if _BIRTHDAY_LIST_CUE.search(text):
            found += [Span(Kind.DATE_OF_BIRTH, m.start("age"), m.end("age")) for m in _OWN_AGE_UNSAID_SUBJECT.finditer(text)
                      if _TIME_SAID_AFTER.match(text, m.end()) is None]
        if found and self._adult_self.search(text):
            return []
        return found

    def _ages_said_today(self, doc: Document) -> list[Span]:
        """"Isla (12 today!)", "Keira who is officially 17 today", "Happy birthday Mo! Fifteen today": an age
        said as today's, of someone: a first name or a pronoun before it, or a birthday word when the age
        opens its sentence (round 24). Not a head count ("attendance - 14 today"), not a thing's age ("the
        studio is 10 today"), and not when an adult's role is in the sentence ("our trustee Helen, 19 today")."""
        text = doc.masked
        spans = []
        for found in _AGE_TODAY.finditer(text):
            sentence_start, sentence_end = doc.sentence_bounds(found.start("age"), found.end())
            lookback = max(0, found.start() - _AGE_TODAY_LOOKBACK)
            # Near the age only, so that a long run-on text costs time in proportion to its length.
            sentence_start = max(sentence_start, lookback)
            sentence_end = min(sentence_end, found.end() + _AGE_TODAY_LOOKBACK)
            if self._adult_role.search(text, sentence_start, sentence_end) or self._head_count.search(text, lookback, found.start()):
                continue
            if found.group("opening") is not None:
                # The sentence before says whose birthday it is: "Happy birthday Mo! Fifteen today".
                about_someone = _SOMEONE_WORD.search(text, lookback, found.start()) is not None
            elif found.group("lead")[-1:].isalpha() or found.group("lead").endswith(("'s", "\u2019s")):
                # A verb: the word before it is the person ("Keira who is", "Jake's", "she is").
                before = text[max(sentence_start, lookback):found.start("lead")]
                if _NOT_A_CHILD_BEFORE.search(before):
                    continue
                last = re.search(r"([A-Za-z\u00c0-\u00ff]+)(?:['\u2019]s)?[ \t]*$", before + ("x" if not before.strip() else ""))
                word = last.group(1) if last else ""
                about_someone = word.lower() in ("he", "she", "they", "who") or (
                    self._is_first_name(word) and word[:1].isupper() and word not in NOT_A_NAME) or (
                    # "my baby girl is 12 today", "our son's 11 today" (round 25): one young person meant.
                    self._one_young_person_before.search(before) is not None)
            else:
                # A comma, bracket or dash after a first name in the same sentence: "Isaac (12 today!)".
                about_someone = any(
                    self._is_first_name(word.group()) and word.group() not in NOT_A_NAME
                    and word.group() not in _NOT_A_PERSON_BEFORE_DATE
                    for word in _FIRST_NAME_WORD.finditer(text, max(sentence_start, lookback), found.start()))
            if about_someone:
                spans.append(Span(Kind.DATE_OF_BIRTH, found.start("age"), found.end()))
        return spans

    def _ages_beside_first_names(self, text: str) -> list[Span]:
        """"Priya, 14, and Dom, 16", "Amara (13) - vocals", "sixteen-year-old Freya", and a form's
        "Age: 12" under "Name: Josh". Full names are the checker's to pair with their ages (ages_beside)."""
        spans = []
        for name in _NAME_FOR_AGE.finditer(text):
            first = name.group("first")
            if not self._is_first_name(first) or first in NOT_A_NAME or first in _NOT_A_PERSON_BEFORE_DATE:
                continue
            # "Priya Patel" or "Priya P" may be written as a full name; "Priya" alone is a first name.
            spans += ages_beside(text, name.start(), name.end(), first_name_only=name.end("first") == name.end())
            if name.end("first") != name.end():
                spans += ages_beside(text, name.start(), name.end("first"), first_name_only=True)
        if _FORM_NAME_LINE.search(text):
            spans += [Span(Kind.DATE_OF_BIRTH, m.start("age"), m.end("age")) for m in _FORM_AGE_LINE.finditer(text)]
        return spans

    def _birth_years(self, text: str, this_year: int) -> list[Span]:
        """A year of birth given alone (round 25): a form's "Year born: 2013" (any living person's, as after a
        date-of-birth label), a shortlist's "Tilly (b. 2011)" and "a 2011 baby" (a participant's year)."""
        spans = [Span(Kind.DATE_OF_BIRTH, m.start("date"), m.end("date")) for m in self._labelled_birth_year.finditer(text)
                 if born_within(m.group("date"), this_year, _OLDEST_LABELLED_AGE)]
        for pattern in (_BORN_ABBREVIATED_YEAR, _YEAR_BABY):
            spans += [Span(Kind.DATE_OF_BIRTH, m.start("date"), m.end("date")) for m in pattern.finditer(text)
                      if born_within(m.group("date"), this_year, _OLDEST_AGE)]
        return spans

    def _ages_beside_roles(self, doc: Document) -> list[Span]:
        """"Cheltenham rapper, 16, records a debut EP": a young person's age beside their role (round 25), unless
        the sentence names an adult's role ("our tutor and guitarist, 16, years ...")."""
        text = doc.masked
        spans = []
        for found in self._age_beside_role.finditer(text):
            group = next(name for name in ("comma", "paren", "aged") if found.group(name) is not None)
            start, end = doc.sentence_bounds(found.start(), found.end())
            if self._adult_role.search(text, max(start, found.start() - 80), min(end, found.end() + 80)):
                continue
            spans.append(Span(Kind.DATE_OF_BIRTH, found.start(group), found.end(group)))
        return spans

    def _leaned_ages(self, doc: Document) -> list[Span]:
        """"Connor's only 14 so I'll come with him", "he's only 12 so he was nervous" (round 25): an age leant on,
        said of a first name, of one young person meant ("my son's only 11"), or of he or she with a first
        name just before. Not when an adult's role stands just before the name ("our tutor Dave's only 19"). A parent writing ("my son") is an
        adult, but the age is the child's, so the writer's own words do not rule it out."""
        text = doc.masked
        spans = []
        for found in self._leaned_age.finditer(text):
            who = found.group("who")
            if found.group("young") is not None:
                named = True
            elif who in ("He", "he", "She", "she"):
                # The name may close the sentence before: "Can you keep an eye on Malik? He's just 11". The
                # nearest first name is the one meant; an adult's role just before it makes it an adult's.
                line_start = text.rfind("\n", 0, found.start()) + 1
                names = [word for word in _FIRST_NAME_WORD.finditer(text, max(line_start, found.start() - 80), found.start())
                         if self._is_first_name(word.group()) and word.group() not in NOT_A_NAME
                         and word.group() not in _NOT_A_PERSON_BEFORE_DATE]
                named = bool(names) and not self._adult_role_just_before.search(text, max(0, names[-1].start() - 30), names[-1].start())
            else:
                first = who.split("-")[0]
                named = self._is_first_name(first) and first not in NOT_A_NAME and first not in _NOT_A_PERSON_BEFORE_DATE and \
                    not self._adult_role_just_before.search(text, max(0, found.start() - 30), found.start())
            if named:
                spans.append(Span(Kind.DATE_OF_BIRTH, found.start("age"), found.end("age")))
        return spans

    def _is_first_name(self, word: str) -> bool:
        return word in self._forenames

    def _an_organisations_age(self, text: str, cue_start: int, cue: str) -> bool:
        """"Audio-Base turns 10 on 3rd March": an age said of a name that is not a person's."""
        if not _AGE_VERB.match(cue):
            return False
        who = re.search(r"(?P<who>[A-Z][\w'\u2019]*)[ \t]*$", text[max(0, cue_start - 30):cue_start])
        if who is None:
            return False
        start = cue_start - len(who.group())
        return who.group("who") in NOT_A_NAME or self._inside_a_longer_name(text, start)

    def _inside_a_longer_name(self, text: str, start: int) -> bool:
        """"Audio-Base", "Music Works": a capitalised word joined to the one before it is part of a
        name that is not a person's, unless that word is a first name ("Tyrese Jones turns 18")."""
        before = re.search(r"(?:(?P<word>[A-Z][\w'\u2019]*)[ \t]+|[\w][-/])$", text[max(0, start - 30):start])
        if before is None:
            return False
        word = before.group("word")
        # "FYI Isla will be 10", "Reminder Tyrese hits 18": an aside or an opener, not a name's first word.
        return word is None or (not self._is_first_name(word) and not word.isupper()
                                and word.casefold().replace("\u2019", "'") not in _SENTENCE_OPENERS)

    def _birthday_list(self, text: str) -> list[Span]:
        return [Span(Kind.DATE_OF_BIRTH, m.start("date"), m.end("date")) for m in _NAMED_DAY_MONTH.finditer(text)
                if m.group("who").lower() in self._first_names or self._heads_a_list_line(text, m)]

    @staticmethod
    def _heads_a_list_line(text: str, found: re.Match[str]) -> bool:
        """"Rhian Price - 03/10" heading its own line under a birthdays heading, a dash or colon before the
        day: a person, though her first name is not on our list, unless the word is a month, a day, an
        opener ("Happy 25th birthday") or a word that is not a name."""
        line_start = text.rfind("\n", 0, found.start()) + 1
        who = found.group("who")
        return (not text[line_start:found.start()].strip(" \t-*\u2022") and who.casefold() not in _SENTENCE_OPENERS
                and re.search(r"[:\-\u2013]", text[found.end("who"):found.start("date")]) is not None and who not in NOT_A_NAME
                and who not in _NOT_A_PERSON_BEFORE_DATE and not _MONTH_OR_DAY.fullmatch(who))

    def _dates_near_birth_labels(self, text: str, this_year: int) -> list[Span]:
        spans = []
        for found in _NUMERIC_DATE_RE.finditer(text):
            if _YEAR_IN.search(found.group()) is None or not born_within(found.group(), this_year, _OLDEST_LABELLED_AGE):
                continue
            if _BIRTH_LABEL_NEAR.search(text, max(0, found.start() - 60), found.start()):
                spans.append(Span(Kind.DATE_OF_BIRTH, found.start(), found.end()))
        return spans

    def _the_birthdays_own_dates(self, doc: Document, birthday: re.Match[str], dates: list[re.Match[str]],
                                 window_start: int) -> list[re.Match[str]]:
        """Of the dates near a birthday, those that may be its day (round 24). A date just after an event
        word is the event's ("is the trip on the 7th?", "the gig on Saturday 8 March"); and a birthday whose
        day is said in its own clause ("Josh's birthday today", "my bday is next week") has no other date,
        unless one follows that day as its date ("Ayesha, 12 today, 30 November")."""
        text = doc.masked
        day_said = _BIRTHDAY_DAY_SAID.match(text, birthday.end())
        kept = []
        for date in dates:
            date_start = window_start + date.start()
            if self._event_before_date.search(text, max(0, date_start - 40), date_start):
                continue
            if day_said is not None and not _DATE_AFTER_RELATIVE.match(text, day_said.end()) and \
                    not (day_said.end() <= date_start <= day_said.end() + 4):
                continue
            kept.append(date)
        return kept

    def _numbered_birthday_on_the_day(self, doc: Document, birthday: re.Match[str]) -> Span | None:
        """"Happy 14th birthday Reuben!": a child's numbered birthday, said on the day."""
        text = doc.masked
        if birthday.group().lower().startswith("sweet"):
            # "HBD to Rosie Kettering, sweet sixteen!": a greeting to someone named in the same sentence.
            start, end = doc.sentence_bounds(birthday.start(), birthday.end())
            if any(w.group().lower() in self._first_names and w.group() not in NOT_A_NAME
                   for w in _FIRST_NAME_WORD.finditer(text, start, end)) or _TODAY_AFTER.match(text, birthday.end()):
                return Span(Kind.DATE_OF_BIRTH, birthday.start(), birthday.end())
            return None
        for numbered in _NUMBERED_BIRTHDAY.finditer(text, max(0, birthday.start() - 25), birthday.end()):
            if numbered.end() != birthday.end():
                continue
            owner = _BIRTHDAY_OWNER_BEFORE.search(text, max(0, numbered.start() - 30), numbered.start())
            named = _BIRTHDAY_NAME_AFTER.match(text, numbered.end())
            if (owner is not None or (named is not None and named.group("name").lower() in self._first_names)
                    or _TODAY_AFTER.match(text, numbered.end())):
                return Span(Kind.DATE_OF_BIRTH, numbered.start(), numbered.end())
        return None

    def _dates_after_names(self, doc: Document, this_year: int) -> list[Span]:
        text = doc.masked
        spans = []
        for found in _LISTED_DATE_RE.finditer(text):
            if not born_within(found.group(), this_year, _OLDEST_AGE):
                continue
            line_start = text.rfind("\n", 0, found.start()) + 1
            before = text[max(line_start, found.start() - 40):found.start()]
            named = _NAME_BEFORE_DATE.search(before)
            if named is None:
                # Round 23: in phone shorthand the names are in lower case too ("dobs - ollie 14/02/2012,
                # jess 7/9/2011"); a lower-case word counts when it is a first name people have.
                lower = _LOWER_NAME_BEFORE_DATE.search(before)
                if lower is not None and self._is_first_name(lower.group("name")):
                    spans.append(Span(Kind.DATE_OF_BIRTH, found.start(), found.end()))
                continue
            first = named.group("name").split()[0]
            if first not in NOT_A_NAME and first not in _NOT_A_PERSON_BEFORE_DATE:
                spans.append(Span(Kind.DATE_OF_BIRTH, found.start(), found.end()))
        return spans

    def _birthday_date(self, doc: Document, birthday: re.Match[str], this_year: int) -> Span | None:
        not_a_child = _NOT_A_CHILDS_BIRTHDAY_AFTER.match(doc.masked, birthday.end()) or _NOT_A_CHILD_BEFORE.search(
            doc.masked, max(0, birthday.start() - 30), birthday.start())
        if not_a_child and not self._young_member_after.match(doc.masked, birthday.end()):
            return None
        # "It's Beethoven's birthday on 16 December": a famous person's, nobody's personal detail.
        if self._famous.search(doc.masked, max(0, birthday.start() - 30), birthday.start()) or \
                self._famous_after.match(doc.masked, birthday.end()):
            return None
        # The birthday's sentence and the ones either side: "Noah's birthday: 19th August. He's
        # turning 14." and "Can we keep the 12th of May free? It's Priya's birthday".
        start, end = doc.sentence_bounds(birthday.start(), birthday.end())
        if start > 0:
            start, _ = doc.sentence_bounds(max(0, start - 2))
        if end < len(doc.masked):
            _, end = doc.sentence_bounds(min(len(doc.masked) - 1, end + 1))
        # Near the birthday only, so that a long run-on text costs time in proportion to its length.
        start, end = max(start, birthday.start() - _BIRTHDAY_WINDOW), min(end, birthday.end() + _BIRTHDAY_WINDOW)
        window = doc.masked[start:end]
        if birthday.group("big_day") is not None and (_AGE_NEAR.search(window) is None or _ADULT_AGE.search(window)):
            return None  # "Oscar's big day on Saturday - his first gig!" is not a birthday
        if _FOUNDED.search(window):
            return None  # an organisation's birthday: "Founded on 2 March 2008"
        dates = [m for m in _DATE_RE.finditer(window) if born_within(m.group(), this_year, _OLDEST_AGE) or
                 _YEAR_IN.search(m.group()) is None]
        dates = self._the_birthdays_own_dates(doc, birthday, dates, start)
        if not dates:
            return self._numbered_birthday_on_the_day(doc, birthday)
        offset = birthday.start() - start
        nearest = min(dates, key=lambda m: min(abs(m.start() - offset), abs(m.end() - offset)))
        year = _YEAR_IN.search(nearest.group())
        reveals_age = _AGE_NEAR.search(window) is not None and not _ADULT_AGE.search(window)
        if year and born_within(nearest.group(), this_year, _OLDEST_AGE):
            reveals_age = True
        if not reveals_age and not _ADULT_AGE.search(window) and not self._adult_role.search(window):
            # A particular young person's birthday and its day: policy 3 counts it as personal.
            whose = _BIRTHDAY_OF_SOMEONE.search(doc.masked, max(0, birthday.start() - 30), birthday.start())
            if _PARTY_AFTER.match(doc.masked, birthday.end()):
                whose = None  # "Amy's birthday party is on 5 May": the party's day, not hers
            for bare_word in ("lower", "bare"):
                if whose is not None and whose.group(bare_word) is not None and \
                        whose.group(bare_word).lower() not in self._first_names:
                    whose = None
            reveals_age = whose is not None and (whose.group("name") is None or (
                whose.group("name") not in NOT_A_NAME and whose.group("name") not in _NOT_A_BIRTHDAY_OWNER))
        if not reveals_age:
            return None
        return Span(Kind.DATE_OF_BIRTH, start + nearest.start(), start + nearest.end())


# Organisations and titles whose birthdays are not a child's: "TMW's birthday", "Mr Patterson's".
_NOT_A_BIRTHDAY_OWNER = frozenset(["Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Charity", "Band", "Choir", "Club", "Group",
                                   "Mum", "Dad", "Nan", "Gran", "Grandma", "Grandad", "Queen", "King", "Teacher"])

# Capitalised words that open a sentence or stand aside before a name: "Reminder Tyrese hits 18".
_SENTENCE_OPENERS = frozenset(
    ["reminder", "note", "update", "also", "so", "and", "but", "just", "btw", "ps", "fyi", "hi", "hey", "hello", "yes",
     "no", "ok", "okay", "sorry", "well", "thanks", "please", "oh", "wow", "now", "then", "today", "tomorrow", "happy",
     "remember", "apparently", "anyway", "heads", "guess", "psst", "plus", "sadly", "luckily",
     # "It's Ruby's 16th on Sat": a contraction opening the sentence is no name's first word (round 22).
     "it's", "that's", "here's", "there's", "what's", "when's", "who's"])

# Capitalised words that come before a date without being a person: "Invoice 03/11/2019".
_NOT_A_PERSON_BEFORE_DATE = frozenset(
    ["Invoice", "Dated", "Date", "Ref", "Reference", "Order", "Session", "Sessions", "Minutes", "Meeting", "Concert",
     "Gig", "Deadline", "Due", "Payment", "Paid", "Updated", "Version", "Issued", "Expires", "Expiry", "Valid",
     "Renewal", "Received", "Sent", "From", "Until", "Term", "Week", "Report", "Notes", "Event", "Rehearsal",
     "Closing", "Opening", "Start", "End", "Starts", "Ends", "Posted", "Published", "Signed", "Checked", "DBS",
     "Certificate", "Grant", "Award", "Season", "Summer", "Winter", "Spring", "Autumn", "Christmas", "Easter",
     "Year", "Room", "Table", "Track", "Page", "Level", "Grade", "Stage", "Bus", "Band", "Score", "Total", "Number"]
)
# A birthday of someone older than our participants ("his 40th", "turns 50"): not a child's birth date.
_ADULT_AGE = lazy_compile(r"\b(?:[2-9][0-9])(?:st|nd|rd|th)[ \t]+(?:birthday|bday)\b|\b(?:turns?|turning|be)[ \t]+[2-9][0-9]\b", re.IGNORECASE)


# --- An exact age beside a young person's name (round 14) ---------------------------------------
# "Maya Brown, 16, passed ...", "Tobias Wren (13)", "Case study - Reuben Achterberg (15, Tewkesbury)",
# "Oscar Lindqvist, aged 17", "Dylan Prosser, a 13-year-old carer", "14-year-old Ruby Castell", "our 12
# year old producer Zain", a form's "Age: 12": the age identifies the person as surely as a birth date,
# so it is a date_of_birth finding of its own, beside (not inside) the name's full_name finding. The
# span is the age words only: "16", "13-year-old", "Fifteen-year-old". Ages run from 4 to 19, as our
# participants' do. The number after a name must end its phrase, so a house number ("Ellie Davis, 14
# Kingsholm Road"), a time ("Jack (16:30)"), a duration ("Ben, 10 mins before doors") and a score
# without a comma ("Ella 12, Marcus 9") stay quiet; so does an age with nobody named ("a 14-year-old
# joined") and a group's ages ("ages 13-19", "14-18s", "16 and 17 year olds").
_AGE_NUMBER = r"(?:[4-9]|1[0-9])"
_AGE_IN_WORDS = r"(?:four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_YEARS_OLD = rf"(?:{_AGE_NUMBER}|{_AGE_IN_WORDS})[ \t-]*years?[ \t-]*old"
# Round 21: an age said in words ("who is only fifteen") counts as one in figures does.
# A unit may follow the figures straight away ("16yo"), so only a further digit ends the number there.
_AGE_VALUE = rf"(?:{_AGE_NUMBER}(?![0-9])|{_AGE_IN_WORDS}(?![\w-]))"
# How its unit is written after the number, saying "old" (age_units.txt): "14 yrs old", "16yo", "13y/o".
_AGE_UNIT_OLD = rf"(?:[ \t-]*(?:{phrase_pattern(entries('age_units'))})(?![\w/]))"
# A bare unit ("16 yrs", "15 years") is as often time served, so it counts only where the age ends its
# phrase: "Kieran Lacey, 16 yrs, lives ..." but not "Dan, 15 years at TMW".
_AGE_UNIT_BARE = r"(?:[ \t]*(?:years?|yrs?)\.?(?=[ \t]*(?:[,;!?\n)]|[-\u2013\u2014][ \t]|\.(?:\s|$)|$)))"
_AGE_UNIT = rf"(?:{_AGE_UNIT_OLD}|{_AGE_UNIT_BARE})?"
# "only 10", "just 12", "now 15": a word that leans on the age without changing it.
_AGE_LEAN = r"(?:(?:only|just|now)[ \t]+)?"
# Words that may follow "Name, 14" and show that the 14 ended a phrase (not "14 Station Road").
_AFTER_AN_AGE = (
    r"(?=[ \t]*(?:[,;!?\n)]|[-\u2013\u2014][ \t]|\.(?:\s|$)|$|[ \t]+(?:who|from|and|is|has|had|hadn['\u2019]t|was|wasn['\u2019]t|of|at|"
    r"plays|played|joined|won|wrote|said|says|told|took|sang|will|can|lives|goes|went|came|started|got)\b))"
)
# An age said of someone in a clause of its own (round 21) may also be followed by "but" or by when it
# was reached: "she's only 10 but ...", "turned 16 last week". An age still to come on a day ("is 12
# tomorrow", "is 14 next Saturday (12 Dec)") is the milestone rules' to read, with its day or date.
_AFTER_A_SAID_AGE = rf"(?:{_AFTER_AN_AGE}|(?=[ \t]+(?:but|yesterday|last|already|now)\b))"
# Who an age is said of, just after their name: "he's", "she is", "(he/she's", "who's", "who is".
_SUBJECT = r"(?:(?:he|she|they)(?:[ \t]*/[ \t]*(?:he|she|they))?|who)"
_IS = r"(?:['\u2019]s|['\u2019]re|[ \t]+is|[ \t]+are)"
_TURNED = r"(?:(?:[ \t]+has|['\u2019]s)?[ \t]+(?:just[ \t]+)?turned)"
_AGE_AFTER_NAME = lazy_compile(
    # A space after the comma: in a table's row ("Priya,Patel,8,keys") the number is a column, a school year.
    rf"(?:,[ \t]+(?:aged?[ \t]+)?{_AGE_LEAN}(?P<comma>{_AGE_VALUE}){_AGE_UNIT}{_AFTER_AN_AGE}"
    # "Tobias Wren (13)", "(just 12!)", "(11 yrs)", "(15, Tewkesbury)".
    rf"|[ \t]*\([ \t]*(?:aged?[ \t]+)?{_AGE_LEAN}(?P<paren>{_AGE_VALUE}){_AGE_UNIT}[ \t]*(?:[!?.]*[ \t]*\)|,[^()\n]{{1,30}}\))"
    rf"|,?[ \t]+aged[ \t]+{_AGE_LEAN}(?P<aged>{_AGE_VALUE})(?![:.]?[0-9]|[ \t]*(?:[-\u2013+]|to\b))"
    rf"|(?:,|[ \t]*[|;])?[ \t]*age[ \t]*[:=\-\u2013][ \t]*(?P<field>{_AGE_NUMBER})\b(?![:.]?[0-9]|[ \t]*(?:[-\u2013+]|to\b))"
    # Set off by dashes: "Esme Lightfoot - age 13 -", "Benji Aldous - aged just 11 - has".
    rf"|[ \t]+[-\u2013\u2014][ \t]*aged?[ \t]*:?[ \t]+{_AGE_LEAN}(?P<dashed>{_AGE_VALUE})(?![:.]?[0-9]|[ \t]*(?:[-\u2013+][0-9]|to\b|\+))"
    # A unit saying "old" needs no comma: "Ruby Roberts 13y/o", "Isaac Penrose 13 years old".
    rf"|[ \t]+(?P<unit>{_AGE_NUMBER}){_AGE_UNIT_OLD}"
    # The age said of the person just named, in a clause of its own (round 14, widened in round 21):
    # "Ashton Kerr, he's 13, lives ...", "(she's 14)", "(he/she's 11)", "- she's only 10 but",
    # ", who is only fifteen,", ", who's just turned 14,", "Jude Haverford is 9 and", "Niamh Doherty
    # turned 16 last week"; and the next sentence opening with it: "Callum Threlfall. He's 15".
    rf"|(?:[ \t]*,[ \t]*|[ \t]*\([ \t]*|[ \t]+[-\u2013\u2014][ \t]+){_SUBJECT}(?:{_IS}|{_TURNED}|{_IS}[ \t]+now)"
    rf"[ \t]+{_AGE_LEAN}(?P<said>{_AGE_VALUE}){_AGE_UNIT}(?:{_AFTER_A_SAID_AGE}|(?=[ \t]*\)))"
    rf"|[ \t]*[.!?]+[ \t]+{_SUBJECT}(?:{_IS}|{_TURNED}|{_IS}[ \t]+now)"
    rf"[ \t]+{_AGE_LEAN}(?P<next>{_AGE_VALUE}){_AGE_UNIT}{_AFTER_A_SAID_AGE}"
    rf"|(?:[ \t]+is|{_TURNED})[ \t]+{_AGE_LEAN}(?P<is>{_AGE_VALUE}){_AGE_UNIT}{_AFTER_A_SAID_AGE}"
    # A record's next sentence: "YP name: Harvey Quinn. Aged 15.", "Isaac Penrose. 13 years old."
    rf"|[ \t]*\.[ \t]+(?:aged?[ \t]*:?[ \t]*(?P<record>{_AGE_VALUE})|(?P<record_old>{_AGE_VALUE}){_AGE_UNIT_OLD})"
    rf"(?![:.]?[0-9]|[ \t]*(?:[-\u2013+]|to\b|and[ \t]+(?:under|over|up)\b))"
    rf"|,[ \t]*(?:a|an)[ \t]+(?P<old>{_YEARS_OLD})\b(?!s))",
    re.IGNORECASE,
)
_AGE_GROUPS = ("comma", "paren", "aged", "field", "dashed", "unit", "said", "next", "is", "record", "record_old", "old")
# Said in running prose of a first name alone ("Priya is 15 and plays the cello", "Freya. She's 14"), an
# age names nobody in particular (round 11); beside a full name it identifies them (round 21).
_FULL_NAME_ONLY_GROUPS = frozenset({"next", "is"})
# Before the name, perhaps with a role between: "14-year-old Ruby Castell", "our 12 year old producer Zain".
_AGE_BEFORE_NAME = lazy_compile(
    rf"(?<![\w-])(?P<old>{_YEARS_OLD})(?!s)[ \t]+"
    # A role may be hyphenated (round 27): "17-year-old singer-songwriter Chloe Adebayo".
    rf"(?:(?!(?:from|in|at|and|or|with|to|for|who|the|a|an|of|is|was|has|had|joined|came|said)\b)[a-z]+(?:-[a-z]+)?[ \t]+){{0,2}}$",
    re.IGNORECASE,
)
# A numbered birthday greeting just before the name (round 21): "Happy 16th to Tom Jones", "a big happy
# 17th to young leader Owen Prosser", "Happy 14th birthday to our brilliant drummer Lexi Carr". Without
# the word "birthday", a greeting word must open it (birthday_greeting_words.txt) and "to", "for", a
# comma or "!" (or the name) must follow, so "a great 12th place for Kai" is no one's age. After those, a
# role of up to three words may stand between ("to our brilliant drummer", "to young leader").
_AGE_ORDINAL_4_TO_19 = (
    r"(?:(?:[4-9]|1[0-9])(?:st|nd|rd|th)|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth)"
)
_GREETED_ORDINAL_BEFORE_NAME = lazy_compile(
    rf"(?:(?<![\w-])(?:{phrase_pattern(entries('birthday_greeting_words'))})[ \t]+(?:big[ \t]+)?(?P<greeted>{_AGE_ORDINAL_4_TO_19})"
    rf"(?:[ \t]+(?:birthday|bday|b['\u2019]day))?"
    rf"|(?<![\w-])(?P<numbered>{_AGE_ORDINAL_4_TO_19})[ \t]+(?:birthday|bday|b['\u2019]day))"
    rf"(?:[ \t]*(?:[,!]+[ \t]*|[ \t]+(?:to|for)[ \t]+)(?:(?:our|my|the)[ \t]+)?"
    rf"(?:(?!(?:of|in|at|on|from|and|or|with|place|anniversary|time|year|week|season)\b)[a-z]+(?:-[a-z]+)?[ \t]+){{0,3}}?|[ \t]+)$",
    re.IGNORECASE,
)
_GREETING_LOOKBACK = 70
# A first name, maybe with a surname or an initial, for ages said of first-named young people.
_NAME_FOR_AGE = lazy_compile(rf"\b(?P<first>{_NAME_WORD}(?:-{_NAME_WORD})?)(?:[ \t]+(?:Mc|Mac|O['\u2019])?{_NAME_WORD}(?:-{_NAME_WORD})?)?\b")
# A form about one young person: "Name: Josh" or "Young person: Tayla Brookes" on a line, then "Age: 12".
_FORM_NAME_LINE = lazy_compile(
    r"(?im)^[ \t*_]*(?:name|young[ \t]+person(?:['\u2019]s[ \t]+name)?|participant|child(?:['\u2019]s)?(?:[ \t]+name)?|"
    r"(?:first|full)[ \t]+name|member)[ \t*_]*[:=\-\u2013][ \t]*[A-Z]")
_FORM_AGE_LINE = lazy_compile(
    rf"(?im)^[ \t*_]*age[ \t*_]*[:=\-\u2013][ \t]*(?P<age>{_AGE_NUMBER})\b(?![:.]?[0-9]|[ \t]*(?:[-\u2013+]|to\b|\w))")

# The age someone joined us at (round 23): a join word (join_words.txt), then within the sentence "aged" or
# "at the age of" and one age from 4 to 19 ("aged 40" is a volunteer's; "aged 13-19", "aged 16+", "aged 11
# to 14", "aged 10 and over" are a group's). The gap is bounded, so a long text costs time in proportion.
_JOINED_AGED = lazy_compile(
    rf"(?<![\w-])(?:{phrase_pattern(entries('join_words'))})(?![\w-])(?P<between>[^.!?\n]{{0,60}}?)"
    rf"(?<![\w-])(?:aged|at[ \t]+the[ \t]+age[ \t]+of)[ \t]+{_AGE_LEAN}(?P<age>{_AGE_VALUE})"
    rf"(?![:.]?[0-9]|[ \t]*(?:[-\u2013+]|to\b|or\b|and[ \t]+(?:under|over|up|above|below)\b|s\b))",
    re.IGNORECASE,
)
# When someone joined, said as a month, a season, a year or "last year": "in June", "last autumn", "in
# 2025", "this term", "a few weeks ago". Only then does the age at joining tell the age now.
_RECENT_JOIN_WHEN = lazy_compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|sept|october|november|december|"
    r"spring|summer|autumn|fall|winter|(?:last|this)[ \t]+(?:year|term|month|week)|ago|recently|"
    r"(?P<year>(?:19|20)[0-9]{2}))\b", re.IGNORECASE)
# Under 18 now: the age at joining plus the years since must still be a child's.
_OLDEST_CHILD_AGE = 17
# Between the join word and the age, words that make the age a group's: "started a group for kids aged 9".
_GROUP_BETWEEN = lazy_compile(
    r"\b(?:for|kids|children|people|anyone|everyone|those|pupils|students|members|teens|teenagers|ones)\b", re.IGNORECASE)

# --- A young person's own age, and an age said as today's (round 24) -------------------------------
# "Hi, I'm Leon, I'm 13 and I play bass", "im fourteen", "I am 12,", "so I'll be 12 by the concert", "I
# turned 15 last week": a writer giving their own age (4 to 19) tells it as surely as a name beside it.
# The age must end its phrase, so "I'm 16 bars in" and "I'm 5 minutes away" are not ages; the caller
# leaves it when the message says the writer is an adult (adult_self_words.txt).
# A length of time said right after a number ("10, maybe 15 mins late", "12, 15 mins"): the number was a time.
_TIME_SAID_AFTER = lazy_compile(
    r"[ \t,;]*(?:(?:maybe|or|about|around|like|prob|probably|possibly)[ \t]+)?(?:\d{1,3}|few|couple)?[ \t-]*"
    r"(?:mins?|minutes?|hours?|hrs?|secs?|seconds?)\b", re.IGNORECASE)
_OWN_AGE = lazy_compile(
    rf"(?<![\w'\u2019])(?:i[ \t]*['\u2019]?[ \t]*m|i[ \t]+am|i[ \t]*['\u2019][ \t]*ll[ \t]+be|i[ \t]+will[ \t]+be|ill[ \t]+be"
    rf"|i(?:['\u2019]ve|[ \t]+have)?[ \t]+(?:just[ \t]+)?(?:turned|turn)|i(?:['\u2019]m|[ \t]+am)[ \t]+turning"
    # "im gonna be 14", "I'm going to be 13" (round 25).
    rf"|i[ \t]*['\u2019]?[ \t]*m[ \t]+(?:gonna|going[ \t]+to)[ \t]+be)"
    rf"[ \t]+{_AGE_LEAN}(?P<age>{_AGE_VALUE})(?:{_AGE_UNIT_OLD})?"
    rf"(?=[ \t]*(?:[,;.!)\n]|$)|[ \t]+(?:and|but|so|by|for|now|this|next|last|when|soon|though|too)\b)",
    re.IGNORECASE,
)
# "its my bday next week!! turning 17 \N{PARTY POPPER}" (round 25): in a message about a birthday, a sentence
# may open with the milestone and leave out the "I". The age must end its phrase, as above.
_OWN_AGE_UNSAID_SUBJECT = lazy_compile(
    rf"(?:^|(?<=[.!?\n])[ \t]*)(?i:turning|(?:just[ \t]+)?turned|gonna[ \t]+be|going[ \t]+to[ \t]+be)[ \t]+(?P<age>{_AGE_VALUE})"
    rf"(?=[ \t]*(?:[,;.!)\n\u2600-\u27bf\U0001F300-\U0001FAFF]|$)|[ \t]+(?:and|but|so|now|this|next|soon|though|too)\b)"
)
# "Isla (12 today!)", "Maisie in Tuesday choir, 14 today and ...", "Keira who is officially 17 today",
# "Happy birthday Mo! Fifteen today": an age of 4 to 19 with "today", after a comma, a bracket, a dash,
# a verb of being or turning, or opening a sentence, is a birthday said on the day. A question ("is he
# 12 today?") asks, and a head count ("attendance - 14 today") counts: the caller reads who it is about.
_AGE_TODAY = lazy_compile(
    rf"(?:(?P<lead>[,(]|[ \t][\-\u2013\u2014]|(?:(?<![\w'\u2019])(?:is|turns|turned|hits|hit|reaches)|(?<=\w)['\u2019]s)"
    rf"(?:[ \t]+(?:officially|now|finally|only|just|actually))?)[ \t]*|(?P<opening>^|(?<=[.!?\n])[ \t]*"
    # "Happy birthday Noah!! \U0001F941 13 today" (round 25): an emoji or two may open the sentence.
    rf"(?:[\u2600-\u27bf\U0001F300-\U0001FAFF\ufe0f\u200d][ \t]*){{0,3}}))"
    # "Leila, 13 years young today!" (round 25): a unit (age_units.txt) may come between.
    rf"(?P<age>{_AGE_VALUE})(?:{_AGE_UNIT_OLD})?[ \t]+today\b(?![ \t]*\?)",
    re.IGNORECASE,
)
# Who an age said with "today" may be about: a pronoun, "who", or a birthday word near it.
_SOMEONE_WORD = lazy_compile(r"\b(?:he|she|they|who|whose|birthday|bday|b['\u2019]day|b-day)\b", re.IGNORECASE)
# How far before an age a head-count word or the person it is said of may stand.
_AGE_TODAY_LOOKBACK = 60
# A relative day said of a birthday in its own clause: "Josh's birthday today", "her bday was yesterday",
# "it's my bday tomorrow", "his birthday is next week". The birthday then has its day, and another date in
# the message is something else's, unless it follows the day as its date ("13 today, 30 November").
_BIRTHDAY_DAY_SAID = lazy_compile(
    r"[^.!?\n,;]{0,24}?\b(?:today|tomorrow|tonight|yesterday|(?:this|next|last)[ \t]+(?:week(?:end)?|month))\b",
    re.IGNORECASE,
)


_WORD_AGES = {word: number for number, word in enumerate(
    "four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split(), 4)}
_ORDINAL_WORD_AGES = {word: number for number, word in enumerate(
    "fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth "
    "seventeenth eighteenth nineteenth".split(), 4)}


def age_in_years(written: str) -> int | None:
    """How old an age-beside-a-name finding says someone is: "16", "fifteen", "17th", "13-year-old"."""
    first = re.match(r"[0-9]+|[a-z]+", written.strip().lower())
    if first is None:
        return None
    word = first.group()
    return int(word) if word.isdigit() else _WORD_AGES.get(word, _ORDINAL_WORD_AGES.get(word))


def ages_beside(text: str, start: int, end: int, *, first_name_only: bool = False) -> list[Span]:
    """An exact age right after or right before the name at text[start:end]: the age's own span. Beside a
    first name alone, an age said in running prose ("Priya is 15 and ...") is not read."""
    spans = []
    after = _AGE_AFTER_NAME.match(text, end)
    if after is not None:
        group = next(name for name in _AGE_GROUPS if after.group(name) is not None)
        if not (first_name_only and group in _FULL_NAME_ONLY_GROUPS):
            spans.append(Span(Kind.DATE_OF_BIRTH, after.start(group), after.end(group)))
    before = _AGE_BEFORE_NAME.search(text, max(0, start - 40), start)
    if before is not None:
        spans.append(Span(Kind.DATE_OF_BIRTH, before.start("old"), before.end("old")))
    # Every ordinal from 4th to 19th, in figures or in words, has "th" in it: a cheap first look.
    lookback = max(0, start - _GREETING_LOOKBACK)
    greeted = _GREETED_ORDINAL_BEFORE_NAME.search(text, lookback, start) if "th" in text[lookback:start].lower() else None
    if greeted is not None:
        group = "greeted" if greeted.group("greeted") is not None else "numbered"
        spans.append(Span(Kind.DATE_OF_BIRTH, greeted.start(group), greeted.end(group)))
    return spans
