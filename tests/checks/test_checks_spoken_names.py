"""Round 6a (issue 16): schools by the names people say, dates of birth as people write them, and a
child's medicine by name. Each group reads as the policy for what was added."""

import pytest
from checks_support import ROSTER_KEY

from bot.checks import CheckContext, Checker, RosterIndex, parse_roster_csv


# Policy 4.1: a child's school, however it is said: without "School", as initials, or a local school
# that is not on the roster (bot/checks/data/local_schools.txt).
@pytest.mark.parametrize(
    ("text", "school"),
    [
        ("Just so you know Lola's at Ribston Hall now", "Ribston Hall"),
        ("Isla (Stroud High) asked if she can bring a friend", "Stroud High"),
        ("Reuben is at STRS and gets the late bus on Thursdays", "STRS"),
        ("Leo - KLB, 3.35", "KLB"),
        ("Harry, 14, Marling - keen drummer", "Marling"),
        ("Grace has just started at Cirencester Kingshill", "Cirencester Kingshill"),
        ("Quick update - Oscar's moved schools, he's at Pittville now", "Pittville"),
        ("Could you write a letter for Severn Vale explaining why Millie was out?", "Severn Vale"),
        ("sophie's at pate's so she cant do tuesdays", "pate's"),
        ("Both my two are at Chosen Hill - Kit's in year 7", "Chosen Hill"),  # a family's children
        ("Maya got into Pate's! Starts in September", "Pate's"),  # a place won
        ("Tom B (Farmor's, Y11) has asked for a reference", "Farmor's"),
        ("new lad Reece - Oxstalls, 12, beatboxer", "Oxstalls"),  # mid-line, an age next
        ("Can we tell Maidenhill why Lexi wasn't in on Monday?", "Maidenhill"),
        ("Theo's a Marling boy, year 9", "Marling"),
        # A local school's name is specific: a child named earlier in the clause ties it.
        ("Freddie's over at Balcarras now so he can walk here", "Balcarras"),
        ("Is Niamh still at Thomas Keble?", "Thomas Keble"),
        ("Hugo's been at Dean Close since prep", "Dean Close"),
        ("Can you write a note to Pittville explaining why Callum left early?", "Pittville"),
        ("Would someone ring Wyedean to explain why Jax missed period 5?", "Wyedean"),
        ("Rafe has just joined Pate's sixth form", "Pate's"),  # a name the forenames list lacks
        ("my lad is at Sir Thomas Rich's and he's mad about drums", "Sir Thomas Rich's"),
        ("Saffron - Dene Magna, 14, vocals", "Dene Magna"),  # reported as a school, not a full name
    ],
)
def test_a_childs_school_by_the_name_people_use(found, text, school):
    assert found(text, "school") == [school]


@pytest.mark.parametrize(
    "text",
    [
        "Great gig at the Pittville Pump Room last night",  # a venue that starts with a school's name
        "Meet in the Denmark Road car park at 6",  # a road
        "Is anyone going past Stroud High Street tomorrow?",
        "The Pate's jazz band are playing the first half",  # the school as a group
        "My husband works at Marling so he can drop the keyboards off",  # a grown-up's workplace
        "Sienna's cousin is head of music at Bournside School",
        "Kai's at Tewkesbury with his dad this weekend",  # a town that shares a school's short name
        "Is anyone going to the Stroud High Street market?",
        "Freddie went to Balcarras for the open evening",  # an event there
        "Kai's dad drove over to Marling to collect the PA",  # a grown-up's errand
        "Kai and I played a set at Marling on Friday",  # the writer's gig
        "Kai was at Chosen Hill Park playing football",
    ],
)
def test_a_school_name_that_is_not_a_childs_school_stays_clean(found, text):
    assert found(text, "school") == []


def test_the_organisation_adds_its_own_local_schools():
    checker = Checker(CheckContext(extra_terms={"local_schools": ["Brookfield Community School | Brookfield"]}))
    assert [f.text for f in checker.check("Noah's at Brookfield now").findings] == ["Brookfield"]


def test_a_roster_school_without_its_last_words():
    """The roster keeps only hashes, so its schools' short forms are tried against them: "Ribston Hall"
    for Ribston Hall High School; a one-word town ("at Stroud") is not read as Stroud High School."""
    roster = RosterIndex.from_rows(ROSTER_KEY, parse_roster_csv(
        "first_name,last_name,school,photo_consent\nAmy,Smith,Hucclecote Vale High School,yes\n"))
    checker = Checker(CheckContext(roster=roster))
    assert [f.text for f in checker.check("Freddie is at Hucclecote Vale now").findings] == ["Hucclecote Vale"]


# Policy 3: a date of birth with no label, as registers and parents write it.
@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Signed up so far:\nMacy 2010-09-18", "2010-09-18"),
        ("Registration:\nOlivia - 30.01.2011 - vocals", "30.01.2011"),
        ("Archie was born the day after Christmas 2009", "day after Christmas 2009"),
        ("She's a spring baby - 17th of April, 2011", "17th of April, 2011"),
        ("Jake's 14th is next Saturday (18th of May)", "18th of May"),
        ("Nell, Y10, 03.12.2010", "03.12.2010"),  # a school year between the name and the date
        ("a winter baby, our Lucy - 21st of December 2009", "21st of December 2009"),
    ],
)
def test_a_date_of_birth_as_people_write_it(found, text, date):
    assert [d.removeprefix("the ") for d in found(text, "date_of_birth")] == [date]


@pytest.mark.parametrize(
    "text",
    [
        "Macy 2026-03-14 (rehearsal), Jayden 2026-03-21 (gig)",  # event dates beside names
        "Term starts 02.09.2026",
        "Harvey joined in 2019",
        "Our founder Jean was born the day after Christmas 1956",  # an adult's
        "Leah's band's first gig is on the 4th of July",
    ],
)
def test_event_dates_and_bare_years_stay_clean(found, text):
    assert found(text, "date_of_birth") == []


# Policy 3: a child's medicine is health information about them.
@pytest.mark.parametrize(
    ("text", "health"),
    [
        ("Just a heads up Leo takes sertraline", "sertraline"),
        ("Lily uses a salbutamol inhaler before singing", "salbutamol inhaler"),  # the medicine and what it is in: one statement
        ("he's been put on antidepressants", "antidepressants"),
        ("Medical notes:\n- Ollie: nut allergy, EpiPen in his bag", "nut allergy, EpiPen"),
        ("Medical info:\n- Jax: ADHD - Elvanse in the morning", "ADHD - Elvanse"),  # under a heading, any name
    ],
)
def test_a_childs_medicine_by_name(found, text, health):
    assert found(text, "health") == [health]


@pytest.mark.parametrize(
    "text",
    [
        "Reminder: if your child needs an inhaler or EpiPen, please pack it",
        "Our volunteer Sue keeps her insulin in the office fridge",  # a grown-up named by role
        "Our driver Mick is on insulin so we stop for lunch at 12",
        "Methylphenidate shortages are in the news again",
        "Training: how to use an EpiPen, Thursday 7pm",
    ],
)
def test_medicine_in_general_or_a_grown_ups_stays_clean(found, text):
    assert found(text, "health") == []


def test_an_age_in_a_register_line_is_not_a_house_number(found):
    assert found("Evie, 13, Deer Park - would like to try singing", "postal_address") == []
    assert found("Nell (yr 10, Deer Park) is doing music GCSE", "postal_address") == []
    assert found("She lives at 13 Deer Park, Tuffley", "postal_address") != []
