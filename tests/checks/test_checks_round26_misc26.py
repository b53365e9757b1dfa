"""Round 26 (issue 16): the residue of outsiders' text for dates, schools, phones and emails.

Policy 4.1 says a young person's date of birth and school are personal details, and 5.5 that nobody's
own phone number or email address goes out. Outside writers label a young person's age in a bare list
row ("Name – 13 – School"), an age turned on a described day, and the date a named young person's
numbered birthday is celebrated on; a school said to do something with a named child, a young
leader's college and a one-line form's SCHOOL field; and a parent's mobile on the line under their name
in a forwarded signature. They do not label an organisation's own landline in its quoted email, an
event's control or a venue's line, a public service's work address offered for that service, a group of
students from a school, or an organisation's anniversary.
"""

import pytest


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("Minibus list\nAmara – 14 – Pittville School\nTheo – 16 – Balcarras", ["14", "16"]),
        ("Drum circle\nLeo - 11 - Chosen Hill\nRuby - 13 - Severn Vale", ["11", "13"]),
    ],
)
def test_ages_in_rows_of_first_names_with_no_header_are_young_peoples_ages(found, text, ages):
    assert found(text, "date_of_birth") == ages


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Maya turned 16 on the last night of the residential and we all sang to her", "16"),
        ("Kai hit 13 on the opening day of the festival, what a way to spend it", "13"),
    ],
)
def test_an_age_turned_on_a_described_day_gives_the_birthday_away(found, text, age):
    assert found(text, "date_of_birth") == [age]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Isla's 18th is coming up and she celebrates on Saturday 21 June at the boathouse", "Saturday 21 June"),
        ("Noah turns 17 soon, his party is on Friday 4 July if the band want to play", "Friday 4 July"),
    ],
)
def test_the_date_a_young_persons_numbered_birthday_is_celebrated_on_is_their_birthday(found, text, date):
    assert found(text, "date_of_birth") == [date]


def test_a_young_persons_celebration_date_is_their_birthday_but_an_organisations_anniversary_is_not(found):
    assert found("Priya's 18th is coming up, she celebrates on Saturday 10 May", "date_of_birth") == ["Saturday 10 May"]
    assert found("The youth choir turns 15 this spring and celebrates on Sunday 11 May with a concert", "date_of_birth") == []


@pytest.mark.parametrize(
    ("text", "school"),
    [
        ("Balcarras have entered Ruby for the county songwriting prize", "Balcarras"),
        ("Tewkesbury Academy are sending him to the regional jazz day, so Jayden will miss band", "Tewkesbury Academy"),
        ("Cleeve School have picked her for the county choir, Ella is thrilled", "Cleeve School"),
        ("Meet Kai, our newest young leader, currently at Gloucestershire College studying sound", "Gloucestershire College"),
        ("NAME: Leo Taylor  YEAR: 7  SCHOOL: Balcarras School  MEDICAL: none", "Balcarras School"),
    ],
)
def test_a_school_tied_to_one_named_young_person_is_their_school(found, text, school):
    assert found(text, "school") == [school]


@pytest.mark.parametrize(
    "text",
    [
        "Five Year 11 students from Cleeve School are coming in on Thursday. Separately, Balcarras have entered Ruby for the prize",
        "Pate's have booked the live room for their heats, and Balcarras have got him on the geography trip so Leo's off",
    ],
)
def test_only_the_school_tied_to_one_named_child_is_reported_not_a_schools_group_or_booking(found, text):
    assert found(text, "school") == ["Balcarras"]


def test_a_parents_mobile_under_their_name_in_a_forwarded_signature_is_personal(found):
    text = ("---------- Forwarded message ---------\nFrom: Dawn Hughes\nElla can make Thursday.\nBest,\n"
            "Dawn Hughes\n7 Willow Walk, Longlevens\n07700 900733")
    assert found(text, "phone") == ["07700 900733"]


@pytest.mark.parametrize(
    "text",
    [
        "> From: Beaufort Academy Reception\n> Do call us on 01452 520329 if the coach is delayed.",
        "Event control can be reached on 01452 396112 throughout the festival",
        "If the gate is locked please ring the venue on 01242 572573",
    ],
)
def test_an_organisations_own_landline_is_a_public_line(found, text):
    assert found(text, "phone") == []


@pytest.mark.parametrize(
    "text",
    [
        "The council's targeted youth support team can be contacted at tys@gloucestershire.gov.uk",
        "Jo Marsh, school nurse with the NHS trust, offers drop-in advice sessions: jo.marsh@nhs.net",
    ],
)
def test_a_public_services_work_address_offered_for_that_service_is_not_private(found, text):
    assert found(text, "email_address") == []


def test_a_parents_own_address_at_a_public_domain_stays_personal_beside_a_service_address(found):
    text = ("The council's youth support team is at tys@gloucestershire.gov.uk, and Kai's mum asked us to use "
            "her own, kelly.b@gloucestershire.gov.uk")
    assert found(text, "email_address") == ["kelly.b@gloucestershire.gov.uk"]
