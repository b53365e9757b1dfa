"""Round 27 (issue 16): schools, dates of birth, codes and contact details in outsiders' untidy text.

Policy 4.1 says a young person's school and date of birth are personal details; 5.5 that nobody's own
phone number, email address or home address goes out, and that door and lock codes are never shared.
Outside writers label a named child's school on a bulleted outcomes line, under a short heading, after a
school team's referral, beside a name written with accents, and beside a school year when the child shares
a famous name; an age before a hyphenated role, a birthday wished to a named leader and then its date, and
an age turned on a described day with an emoji after the name; a lock's code said after the lock. They do
not label a group of pupils from a school, home education in brackets in a table, an exam board's exams, a visitors' network named after a
password word in another sentence, a venue's address on a flyer, a business's landline listed with its
website, a team's line, or a public-service professional's signed-off work address.
"""

import pytest


@pytest.mark.parametrize(
    ("text", "school"),
    [
        ("Summer outcomes\n- Lacey Ford, 15, Henley Bank High School: passed Arts Award Bronze\n- 8 others took part",
         "Henley Bank High School"),
        ("Wins this term\n• Reece Allen, Year 10, Oxstalls Community Academy: first solo gig\n• new rehearsal rota",
         "Oxstalls Community Academy"),
        ("Session record – Dylan Moss, Y8, Barnwood Park School.\n14/11 Quiet today, sat with the drummers.",
         "Barnwood Park School"),
    ],
)
def test_a_named_childs_school_on_a_bulleted_or_headed_record_line_is_their_school(found, text, school):
    assert found(text, "school") == [school]


@pytest.mark.parametrize(
    ("text", "school"),
    [
        ("Kieran Whitfield started coming to Beat It on Tuesdays last October, referred by the inclusion team at "
         "Henley Bank High School after a long spell of missed lessons.", "Henley Bank High School"),
        ("Jess Lowe began at Audio-Base in the spring term of last year at 15, referred by the SEND team at "
         "Oxstalls Community Academy when she had stopped going in.", "Oxstalls Community Academy"),
    ],
)
def test_a_referral_by_a_school_team_names_the_childs_school_however_far_the_name_is(found, text, school):
    assert found(text, "school") == [school]


def test_a_school_beside_a_name_written_with_accents_is_the_childs_school(found):
    assert found("Chloë Brontë (Sir Thomas Rich's) has a place on the county jazz course!", "school") == ["Sir Thomas Rich's"]


def test_a_pupil_who_shares_a_famous_name_still_has_a_school_beside_their_school_year(found):
    assert found("Opening act: Tom Jones (Y9, Severn Vale) and his trio", "school") == ["Severn Vale"]


@pytest.mark.parametrize(
    "text",
    [
        "Six Year 12 students from Oxstalls Community Academy start work experience with us on Monday, shadowing the Audio-Base team.",
        "A group of Year 9s from Barnwood Park School came to The Roundhouse for a beatmaking taster. Any school can book one: ask Grace.",
        "The joint choir, made up of pupils from Henley Bank High School and Severn Vale School, will open the night with the Beat It band.",
        "Art students from Holmleigh Park High School will join our youth choir for the finale, which they devised with Lucy Moore in October.",
    ],
)
def test_a_group_of_pupils_from_a_school_identifies_no_child(found, text):
    assert found(text, "school") == []


def test_an_exam_boards_exams_are_not_a_school(found):
    assert found("Congrats to Mia Cole and Sam Price on passing their Grade 4 Rockschool exams!", "school") == []


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Closing the night is 16-year-old singer-songwriter Ava Lund, who wrote the set herself.", "16-year-old"),
        ("Up next: 15-year-old beat-maker Jonah Reid with his first live set.", "15-year-old"),
    ],
)
def test_an_age_before_a_hyphenated_role_and_a_full_name_is_a_young_persons_age(found, text, age):
    assert found(text, "date_of_birth") == [age]


def test_a_birthday_wished_to_a_named_leader_then_its_date_is_their_birthday(found):
    text = "Happy 17th birthday to our young leader Jade, who celebrates on Friday 9 May! Cake on Tuesday."
    assert "Friday 9 May" in found(text, "date_of_birth")


def test_an_age_turned_on_a_described_day_counts_with_an_emoji_after_the_name(found):
    assert found("Maisie 🎉 turned 13 on the final day of band camp and we all sang", "date_of_birth") == ["13"]


def test_a_locks_code_said_in_the_clause_after_it_is_a_secret(found):
    assert found("the store room has a combo lock, it's 4-2-7-9. Lock it when you go", "secret") == ["4-2-7-9"]


def test_a_password_word_does_not_reach_across_a_full_stop_to_a_network_name(found):
    text = "Sam will sort your login on Monday - we never send passwords by email. The Wi-Fi for guests is Studio-Visitors, no key."
    assert found(text, "secret") == []


def test_a_venues_address_on_an_event_flyer_is_not_personal_but_a_party_at_someones_place_is(found):
    flyer = "ACOUSTIC NIGHT\nSat 7 March, 7-10pm\nThe Cellar, 8 Southgate Street, Gloucester GL1 1TP\nFree entry"
    assert found(flyer, "postal_address") == []
    party = "Party at ours! The Old Mill, 3 Church Lane, Hucclecote GL3 3QB from 7pm"
    assert found(party, "postal_address") == ["3 Church Lane", "GL3 3QB"]


def test_a_business_landline_listed_with_its_website_is_public_but_a_parents_is_not(found):
    assert found("Drum lessons – Pete Long, Stroud\n01632 960512 | petelongdrums.co.uk\nSponsor of Beat It", "phone") == []
    assert found("Finn's dad is on 01452 555123 | finnsdad.co.uk", "phone") == ["01452 555123"]


def test_a_teams_landline_in_a_shared_advert_is_public(found):
    text = "> The county arts team are hiring a project officer. For a chat call the team on 01452 426111."
    assert found(text, "phone") == []


def test_a_public_service_professionals_signed_off_work_address_is_not_personal(found):
    text = "Happy to help with the training.\n\nKind regards,\nDr Nia Evans\nClinical Psychologist, Gloucestershire CAMHS\nnia.evans@ghc.example.nhs.uk"
    assert found(text, "email_address") == []


def test_home_education_in_brackets_in_a_tables_school_column_is_no_school(found):
    text = "Name | Year | School | Notes\nJo Bell | 8 | Severn Vale School | none\nAli Khan | 9 | (home educated) | none"
    assert found(text, "school") == ["Severn Vale School"]
