"""Round 6b of issue 16: a young person's full name off the roster, captions that shorten a roster
child's surname, and codes given in context. Each test is the policy for one class of sentence."""

import pytest
from checks_support import ROSTER_KEY

from bot.checks import RosterIndex, entries_from_rows, parse_roster_csv
from bot.checks.roster import hash_initial

# --- a young person's full name, not on the roster ------------------------------------------------

@pytest.mark.parametrize(
    ("text", "name"),
    [
        # someone's child
        ("Jenson Halloway's stepdad phoned about the fees", "Jenson Halloway"),
        ("ring poppy-mae farrell's nan, she's waiting outside", "poppy-mae farrell"),
        ("Archie Dunstan is picked up by his grandad on Thursdays", "Archie Dunstan"),
        # taking part
        ("Could you add Scarlett Vine to the Monday group?", "Scarlett Vine"),
        ("Delighted that Isaac Penrose has been offered a place on the summer course", "Isaac Penrose"),
        ("Moved Imogen Wakely's mentoring to Wednesday", "Imogen Wakely"),
        ("Registration form - Harvey Coulson", "Harvey Coulson"),
        ("Logan Pritchett, one of our newest drummers, played his first gig", "Logan Pritchett"),
        ("Our youngest songwriter Matilda Rowe has her first release out", "Matilda Rowe"),
        ("Apologies, Alfie Brandon can't make tonight's rehearsal", "Alfie Brandon"),
        # an age anywhere in the message
        ("Lovely chat with Mia Sandford today. She's 13 and writes her own songs.", "Mia Sandford"),
    ],
)
def test_a_full_name_is_a_young_persons_when_the_text_says_they_are_a_child_or_take_part(found, text, name):
    assert found(text, "full_name") == [name]


def test_a_register_written_surname_first_is_a_list_of_young_people(found):
    assert found("Late on Saturday: Okafor, Zainab; Harte, Connor", "full_name") == ["Okafor, Zainab", "Harte, Connor"]


def test_a_full_name_beside_a_young_persons_health_need_is_theirs(found):
    assert "Bella Kirkwood" in found("Bella Kirkwood has epilepsy so please read her care plan", "full_name")


@pytest.mark.parametrize(
    "text",
    [
        "Our volunteer Harriet Lowe is opening up tomorrow",
        "Best wishes,\nJoanne Petts\nFundraising Manager",
        "Thanks to Oliver Stanton from Arts Council England for coming",
        "Our new treasurer, Connor Blake, starts in January",
        "Setlist: Delilah (Tom Jones), Rehab (Amy Winehouse)",
        "Please book Jacob Hartley Photography for the showcase",
        "Met Ruby Castle at the venue, she runs the bar. Ages 11-18 welcome at the gig.",
        # an age range is about a group, not about the adult named
        "Thanks Jack Morley for the lift. The kids are 11 to 15.",
        "A big welcome to Hannah Gilmore who is joining us as a volunteer. Our youngest member is 9!",
    ],
)
def test_adults_by_role_partners_businesses_and_song_credits_stay_clean(found, text):
    assert found(text, "full_name") == []


def test_a_name_with_no_word_about_being_young_is_left_alone(found):
    # The default stays "not known to be young": flipping it cost precision on the dev and holdout sets.
    assert found("Darcey Whitlock needs the spare mic lead", "full_name") == []


# --- a roster child's surname shortened in a caption ----------------------------------------------

@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Great photo of Ella G on the decks for Instagram", "Ella G"),
        ("Newsletter picture: Ella G. with her guitar", "Ella G"),
        ("pic of ella g and friends for the website", "ella g"),
        ("Can we post the video with Ella (Grant) singing?", "Ella (Grant)"),
    ],
)
def test_a_first_name_and_initial_of_an_opted_out_child_about_photos_is_a_photo_opt_out(found, text, named):
    assert found(text, "photo_consent") == [named]


@pytest.mark.parametrize(
    "text",
    [
        "Great photo of Ella H on the decks for Instagram",  # Ella Hughes consented
        "Tagging Tom B in tonight's photos",  # not our opted-out Tom: his surname starts with J
        "Ella G left her coat in the hall",  # nothing about photos
    ],
)
def test_an_initial_that_is_nobody_opted_out_or_no_photo_stays_clean(found, text):
    assert found(text, "photo_consent") == []


def test_a_surname_in_brackets_is_a_full_name(found):
    # Ella Grant opted out of photos: her full name is one photo_consent finding.
    assert found("Ella (Grant) was brilliant tonight", "photo_consent") == ["Ella (Grant)"]


def test_the_roster_keeps_a_keyed_hash_of_first_name_and_initial_not_the_name():
    rows = parse_roster_csv("first_name,last_name,school,photo_consent\nElla,Grant,,no\n")
    entry = entries_from_rows(ROSTER_KEY, rows)[0]
    assert entry.initial_hash == hash_initial(ROSTER_KEY, "ella", "G")
    assert "ella" not in entry.initial_hash
    index = RosterIndex(ROSTER_KEY, [entry])
    assert index.initial_opted_out("ella", "g") is True
    assert index.initial_opted_out("ella", "h") is None


# --- codes and passwords given in context --------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("The back door's 6620 if you're first in", "6620"),
        ("key box by the bins - 5 0 3 8", "5 0 3 8"),
        ("Storeroom padlock: 4-1-1-9", "4-1-1-9"),
        ("Code for the side gate changes to 9031 on Monday", "9031"),
        ("When you get to the keypad, tap in 7702 and pull", "7702"),
        ("our Canva password's been changed to Octave-77", "Octave-77"),
    ],
)
def test_a_code_or_password_given_for_a_door_a_keypad_or_an_account_is_a_secret(found, text, secret):
    assert found(text, "secret") == [secret]


@pytest.mark.parametrize(
    "text",
    [
        "Meet at the gate - 1930 sharp",
        "Order 4471-2290 has shipped",
        "We're in room 214 tonight",
        "Password reset link sent, check your inbox",
        "enter 2026 as the year on the door sign-in sheet",
        "Ask Rachel for the door code, don't post it here",
    ],
)
def test_times_order_numbers_rooms_and_talk_about_codes_are_not_secrets(found, text):
    assert found(text, "secret") == []
