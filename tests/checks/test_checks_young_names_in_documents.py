"""Round 7 (issue 16): young people's full names as documents carry them (forms, line-ups, registers,
captions, case studies), and the adults, famous people and first names that must stay quiet. Each
group reads as the policy (5.6: first names only; nobody who opted out of photos)."""

import pytest
from checks_support import ROSTER_CSV, ROSTER_KEY

from bot.checks import CheckContext, Checker, RosterIndex, parse_roster_csv


# A young person's full name, not on the roster, where the document says they are young: a form with
# a child's lines, a line-up of performers, a register with ages, a first time celebrated.
@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Name: Declan Hartshorne\nAge: 14\nInstrument: drums", ["Declan Hartshorne"]),
        ("Name - Bethan Lowry | Year - 8 | Parent/carer: Mrs L Lowry", ["Bethan Lowry"]),
        ("Tonight:\n1. Jake Pemberton - vocals\n2. Freya Lindqvist - guitar", ["Jake Pemberton", "Freya Lindqvist"]),
        ("Trip list\nBRADSHAW, Keira (age 13)\nOKAFOR-JAMES, Tobi (age 14)", ["BRADSHAW, Keira", "OKAFOR-JAMES, Tobi"]),
        ("Huge shout-out to Lottie Brannigan for smashing her first solo!", ["Lottie Brannigan"]),
        ("Photo caption: Ruben Hale and Skye Lomax before their first ever gig", ["Ruben Hale", "Skye Lomax"]),
        ("special mention to leon fairclough (year 10) on the decks", ["leon fairclough"]),
        ("Young person: Callum de Souza, age 16", ["Callum de Souza"]),
        ("Blog: when Jasmine O'Riordan first came she was shy. Now 14, she headlines.", ["Jasmine O'Riordan"]),
    ],
)
def test_a_young_persons_full_name_in_a_document_about_them_is_found(found, text, names):
    assert found(text, "full_name") == names


# Adults keep their names: a form with an adult's lines or an adult's age, a line-up of guests or
# headliners, a register headed by adults' roles, parents with titles, a famous singer's song.
@pytest.mark.parametrize(
    "text",
    [
        "Volunteer form\nName: Karen Whitfield\nRole: volunteer driver\nDBS: on file",
        "Name: Sophie Wren\nAge: 45",
        "Name: Sophie Wren\nYear: 2026\nVenue: Guildhall",
        "Guest band tonight: Pete Long (sax), Jo Marsh (trumpet)",
        "Thanks to Hannah Price on keys and David Holt on bass for backing the choir",
        "Tutors for spring: SHAH, Anjali (piano); ELLIS, Tom (guitar)",
        "Parent name: Mrs Sandra Kowalczyk\nRelationship: mother",
        "Huge shout-out to Mr Hendry for lending us the PA",
    ],
)
def test_adults_in_forms_line_ups_and_registers_stay_quiet(found, text):
    assert found(text, "full_name") == []


def test_a_famous_namesake_with_a_quoted_song_is_nobody_on_the_roster(found):
    # Tom Jones is on the test roster and opted out of photos.
    assert found("Learning Tom Jones 'It's Not Unusual' for the Instagram reel", "full_name") == []
    assert found("Tom Jones's 'Delilah' is this term's warm-up", "full_name") == []
    assert found("Tom Jones sang his first solo at the Instagram showcase", "photo_consent") == ["Tom Jones"]


@pytest.fixture(scope="module")
def with_org_people() -> Checker:
    """The test roster, and the organisation's own Tom (staff) and Maya (a young leader)."""
    roster = RosterIndex.from_rows(ROSTER_KEY, parse_roster_csv(ROSTER_CSV + "Maya,Brown,,no\n"))
    return Checker(CheckContext(roster=roster, org_people=("Tom Ellis", "Maya")))


def _photo(checker: Checker, text: str) -> list[str]:
    return [f.text for f in checker.check(text).findings if f.kind == "photo_consent"]


# A first name the organisation's own people share is theirs, unless the text puts it in the picture.
@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Tom took some great photos at the gig, going on Facebook tomorrow", []),
        ("Maya and Tom are leading Saturday; photos go up on Instagram after", []),
        ("Great photo of Maya on stage tonight", ["Maya"]),
        ("Great shot of Tom on the drums, can we use it on Facebook?", ["Tom"]),
        ("Maya's in loads of the pics from Saturday, can I post them?", ["Maya"]),
        ("Newsletter: big shout out to Tom for his first gig, photo attached", ["Tom"]),
    ],
)
def test_a_first_name_shared_with_the_organisations_people_needs_the_picture(with_org_people, text, names):
    assert _photo(with_org_people, text) == names


# Keeping someone out of pictures shares no one; a full name is still reported, and so is the opt-out
# when an opted-out child's full name goes to a newspaper with a photo.
def test_a_refusal_to_picture_a_first_name_is_a_reminder_not_a_share(with_org_people):
    assert _photo(with_org_people, "Reminder: no photos of him on Instagram please - Tom's parents haven't consented") == []
    assert _photo(with_org_people, "Ella G hasn't got consent so crop her out before posting") == []
    assert _photo(with_org_people, "Don't forget to post the photo of Priya on Facebook") == ["Priya"]
    assert _photo(with_org_people, "Group photo for the Citizen: Amy Smith, Maya Brown and Kai") == ["Maya Brown"]
