"""Policy 4.1: never give out a young person's school name."""

import pytest

from bot.checks import CheckContext, Checker


@pytest.mark.parametrize(
    ("text", "school"),
    [
        ("Jake from Ribston Hall High School smashed it", "Ribston Hall High School"),
        ("she goes to Pate's Grammar", "Pate's Grammar"),
        ("Year 9 at Chosen Hill School, plays drums", "Chosen Hill School"),
        ("He attends St Peter's High School", "St Peter's High School"),
        ("Leo (Cleeve School) on bass", "Cleeve School"),
        ("his school, Denmark Road High School, wrote in", "Denmark Road High School"),
        ("Maya's school is Severn Vale School", "Severn Vale School"),
        ("she's now at Gloucestershire College", "Gloucestershire College"),
        ("Two pupils at The Crypt School, Amy and Kai, joined us", "The Crypt School"),
        ("Congratulations to Amy from Sir Thomas Rich's School!", "Sir Thomas Rich's School"),
        ("he moved to Balcarras Academy in September", "Balcarras Academy"),
        ("Jake is at Chosen Hill School, Year 8", "Chosen Hill School"),
        ("Students of St Peter's High School: Amy and Kai", "St Peter's High School"),
        # A register or referral line that starts with the young person's name.
        ("Bethany, Winchcombe School, Year 8 - wants to try bass", "Winchcombe School"),
        ("New starter:\nOllie - Holmer Primary School - guitar", "Holmer Primary School"),
        ("Referral: Jasmine, 13, Brockworth Academy, anxious in groups", "Brockworth Academy"),
        ("Harriet is doing her GCSE music at Dene Magna School", "Dene Magna School"),
    ],
)
def test_a_school_tied_to_a_young_person_is_found(found, text, school):
    assert found(text, "school") == [school]


@pytest.mark.parametrize(
    "text",
    [
        "Workshop at Chosen Hill School on Friday",
        "Thanks to Pate's Grammar for lending us their hall",
        "Concert at Ribston Hall High School, 7pm",
        "a letter from Denmark Road High School about the project",
        "Summer School starts on Monday",
        "she goes to secondary school in September",
        "She's off to Music College next year!",
        "High School Musical singalong",
        "Forest School session in the woods",
        "We visited three primary schools this week",
        "The band is at Pate's Grammar on Friday",
        "We're recording at Chosen Hill School next week",
        # Pupils as a group, no child named: the school is not any one young person's.
        "Two pupils at The Crypt School joined us",
        "Year 9 pupils at Chosen Hill School will perform at the spring concert",
        "Students from Stroud High School and Marling School joined forces for the finale",
        # A sentence to someone about a school, not a line of their details.
        "Lucy, the Winchcombe School concert is on Friday",
        "Marcus, Cleeve School have asked if we can run a taster",
        "We're doing a songwriting day at Churchdown School Academy next term",
    ],
)
def test_schools_named_as_venues_or_in_general_are_fine(found, text):
    assert found(text, "school") == []


def test_a_roster_school_is_recognised_without_its_usual_ending(found):
    # "Pate's Grammar School" is on the roster; people write "Pate's Grammar".
    assert found("Priya goes to Pate's Grammar.", "school") == ["Pate's Grammar"]


def test_without_a_roster_schools_are_still_found_by_their_names():
    checker = Checker(CheckContext())
    [finding] = checker.check("she goes to Pate's Grammar").findings
    assert (finding.kind, finding.text) == ("school", "Pate's Grammar")
