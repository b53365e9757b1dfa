"""Round 27 (issue 16): young people's full names in the untidy text outsiders write, and famous artists,
venues and sign-offs that name no child (policy 5.5 and 5.6: first names only for young people, in any
text that goes out; a child whose family opted out of photos is not named at all).

A young person's full name is theirs at the head of a dated log entry that goes on to follow them by
first name, on a school's support summary ("Name:" beside "Needs:", "What helps:"), on a row that gives
where they live, after the colon of a line introducing the new lad or girl however long that line is,
on a youth award's shortlist whatever part they play, when a former member's project name stands between
"former" and "member", and with their school in brackets after "Sir". A famous artist in a list of
artists or held up as a yardstick is the artist, a venue after a comma in a heading is a place, and a
sign-off is nobody's name turned round.
"""

import pytest


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Welfare log (Friday band)\n07/02 Harvey Lomond said he hadn't eaten since lunch yesterday.\n"
         "14/02 Harvey absent.\n21/02 Harvey in, brighter.", "Harvey Lomond"),
        ("Chronology\n3 Mar – Skye Penhallow told Jo she was sofa-surfing.\n4 Mar – Jo rang the duty team.\n"
         "9 Mar – Skye back at her mum's.", "Skye Penhallow"),
    ],
)
def test_a_dated_log_that_follows_a_young_person_names_them(found, text, name):
    assert found(text, "full_name") == [name]
    # A grown-up's entry in a dated log is not one, though their first name comes back.
    assert found("02/04 Jo Marsh delivered the session.\n09/04 Jo off sick, Ash covered.", "full_name") == []


def test_a_schools_support_summary_names_the_pupil(found):
    text = "Pupil profile from school\nName: Rowan Kettering\nNeeds: autism, ear defenders\nWhat helps: a quiet start"
    assert found(text, "full_name") == ["Rowan Kettering"]


def test_rows_of_where_young_people_live_name_them(found):
    text = ("Medals to post to the young people:\nEvie Marchant, 12 Beech Close, Longlevens GL2 0AB\n"
            "Jonah Pike - 5 Church Street, Painswick GL6 6QF")
    assert found(text, "full_name") == ["Evie Marchant", "Jonah Pike"]


def test_the_new_child_introduced_before_a_long_clause_and_a_colon(found):
    text = "Sal, details for the new Tuesday lad so you can add him to the group chat: Archie Fenwick-Doyle, 07700 900555"
    assert found(text, "full_name") == ["Archie Fenwick-Doyle"]


def test_a_youth_awards_shortlist_names_its_young_nominees_whatever_their_part(found):
    text = ("Young Songwriter of the Year – shortlist\n• Nia Pemberton, producer – The Music Works\n"
            "• Caleb Strand, rapper – The Music Works")
    assert found(text, "full_name") == ["Nia Pemberton", "Caleb Strand"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Big congrats to former Sound-Lab member Tariq Bello (now 21) on his first headline show!", "Tariq Bello"),
        ("Proud of ex Beat It drummer Ruby Castell, now 19, who starts at the conservatoire this autumn.",
         "Ruby Castell"),
    ],
)
def test_a_former_member_of_a_named_project_still_young_is_named(found, text, name):
    assert found(text, "full_name") == [name]


def test_a_roster_childs_school_in_brackets_after_sir_is_no_grown_ups_role(found):
    text = "Zoë Brontë (Sir Thomas Rich's) got into the county choir!"
    assert found(text, "full_name") == ["Zoë Brontë"]


@pytest.mark.parametrize(
    "text",
    [
        "Theme for the jam: soul legends – Marvin Gaye, Tom Jones, Gladys Knight. Pick one!",
        "Step aside Tom Jones 😂 the Monday group nailed that key change",
        "Tom Jones would be impressed 🤣 Thursday lot did 'Delilah' in three-part harmony",
    ],
)
def test_a_famous_namesake_among_artists_or_as_a_yardstick_is_not_the_opted_out_child(found, text):
    assert found(text, "photo_consent") == []


def test_an_unknown_artist_beside_famous_ones_is_no_participant(found):
    text = "Theme for the young people's showcase: legends – Billy Joel, Stevie Wonder, Tom Jones."
    assert found(text, "full_name") == []
    assert found(text, "photo_consent") == []


def test_a_venue_after_a_comma_in_a_heading_is_no_child_on_the_list(found):
    text = "Risk assessment – residential, Moorland Centre\n- Tom Jones – asthma\n- Noah Thomas – hay fever"
    assert "Moorland Centre" not in found(text, "full_name")


def test_a_sign_off_under_a_list_of_young_people_is_not_a_name(found):
    text = ("Hi Dev,\nCertificates to post:\nLily Ashby, 4 Elm Road, Hucclecote GL3 3AB\n"
            "Theo Marsh, 9 Park Lane, Stroud GL5 1AA\n\nCheers, Kit")
    assert found(text, "full_name") == ["Lily Ashby", "Theo Marsh"]
