"""Round 26 (issue 16): young people's full names the checker missed, and places, events and famous
artists it read as people (policy 5.5 and 5.6: first names only for young people, in any text that
goes out).

A young person's full name is theirs on a list with no heading ("NAME – 13 – school", "NAME - walks
home"), in a letter about them ("Re: NAME" under the greeting, "writing about NAME, who attends ..."),
when they introduce themselves in lower case after greeting someone, in session notes of what they did,
and when they are a young adult still in our programmes (young leaders up to 25). A venue ("... Barn"),
an event's title ("... Jam", "... Fest") and a famous artist listed with other artists name no one.
"""

import pytest


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Thursday group\nMillie Ashcroft – 14 – Severnside\nJoel Pemberton – 15 – Severnside",
         ["Millie Ashcroft", "Joel Pemberton"]),
        ("Home time\nAmara Lindqvist - picked up by her aunt\nToby Renwick - gets the bus, form in",
         ["Amara Lindqvist", "Toby Renwick"]),
    ],
)
def test_a_list_row_with_an_age_or_a_way_home_names_a_young_person(found, text, names):
    assert found(text, "full_name") == names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Dear Priya,\n\nRe: Finley Gorman\n\nThanks for your time on the phone yesterday.", "Finley Gorman"),
        ("Good afternoon, I'm writing regarding Esme Thackeray, who attends your Saturday band.", "Esme Thackeray"),
    ],
)
def test_a_letter_about_one_young_person_names_them(found, text, name):
    assert found(text, "full_name") == [name]


def test_a_young_person_introducing_themselves_after_greeting_a_worker(found):
    text = "hiya sam its ruby hartwell, can i come thursday instead"
    assert found(text, "full_name") == ["ruby hartwell"]


def test_the_new_participant_of_a_named_project_is_a_young_person(found):
    text = "contact for the new Rap Club boy: Tyrese Hollins, tyrese.h@example.com"
    assert found(text, "full_name") == ["Tyrese Hollins"]


def test_session_notes_name_the_participant_who_did_the_work(found):
    text = "Studio session: Isaac Penrose tracked the bass line and stayed to help pack down."
    assert found(text, "full_name") == ["Isaac Penrose"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Applicant 2: Georgia Whitlam, 20, studying music at uni", "Georgia Whitlam"),
        ("So proud of ex-participant Daniel Mbeki (now 22) on his first tour!", "Daniel Mbeki"),
    ],
)
def test_a_young_adult_still_in_our_programmes_is_a_young_person(found, text, name):
    assert found(text, "full_name") == [name]


@pytest.mark.parametrize(
    "text",
    [
        "KIT LIST – Holbrook Farm, 12–14 May\nSleeping bag, torch, waterproof",
        "Poppy Jam was packed, loads of young people aged 12 came along.",
    ],
)
def test_a_venue_or_an_event_named_like_a_person_names_no_one(found, text):
    assert found(text, "full_name") == []


def test_a_famous_artist_listed_with_other_artists_is_the_artist_not_the_child(found):
    assert found("Summer gig covers: Amy Winehouse, Stormzy, Tom Jones and Adele.", "photo_consent") == []
    # A child listed beside other children, in a text about covers, is still the child.
    assert found("Tom Jones, Isla and Noah on keys for the covers", "photo_consent") == ["Tom Jones"]
