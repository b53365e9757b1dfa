"""Issue 16: the checker reads leaks as kinds of text, not as the words it was written beside.

Each test is the policy for one class, with a few representative cases; the bulk of the examples
live in tests/checks/data/dev_cases.jsonl (see test_checks_dev_set.py).
"""

import pytest

from bot.checks import CheckContext, Checker

# --- dates of birth --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Leo turns fifteen on the 9th of June so he moves up a band", "9th of June"),
        ("omg it's Priya's sixteenth on Saturday 3rd October!!", "Saturday 3rd October"),
        ("Noah's birthday: 19th August. He's turning 14.", "19th August"),
        ("Big day for Finn on 22nd June - his 17th!", "22nd June"),
        ("Sign-up list: Kai 14/02/2012, then the rest", "14/02/2012"),
        ("Isla (12.07.16) needs a consent form", "12.07.16"),
    ],
)
def test_a_birthday_or_age_in_words_or_a_numeric_date_by_a_childs_name_is_a_date_of_birth(found, text, date):
    assert found(text, "date_of_birth") == [date]


@pytest.mark.parametrize(
    "text",
    [
        "Elgar was born on 2 June 1857 in Lower Broadheath.",
        "Mozart (born 27 January 1756) would have loved our kazoo orchestra.",
        "The band was born in 2019 out of a lockdown jam.",
        "Open to young people born between 1 September 2008 and 31 August 2014.",
        "Our charity turns 15 on 3 March - come to the party!",
        "Ben's 30th birthday is on 12 May - staff drinks!",
        "Invoice dated 03/11/2019 still unpaid.",
        "Happy birthday Finn! Hope you have a brilliant day",
    ],
)
def test_an_adults_birth_date_a_bare_year_or_an_event_date_is_not(found, text):
    assert found(text, "date_of_birth") == []


# --- full names --------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "kind", "name"),
    [
        ("Register: Smith, Amy; Hughes, Ella", "full_name", "Smith, Amy"),
        ("Certificates: SMITH Amy, then the rest", "full_name", "SMITH Amy"),
        ("Late: Jones, Tom", "photo_consent", "Jones, Tom"),
    ],
)
def test_participants_listed_surname_first_are_found(found, text, kind, name):
    assert name in found(text, kind)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Congratulations to Ellie Watkins, 14, who won the county prize!", "Ellie Watkins"),
        ("Shout out to Harry Dunmore (15) for his first solo gig", "Harry Dunmore"),
        ("Jacob Mortimer, a pupil at Rendcomb College, joined us", "Jacob Mortimer"),
        ("The junior prize went to 10-year-old Ivy Fletcher", "Ivy Fletcher"),
        ("Huge well done to Sophie Aldridge on her Bronze Arts Award", "Sophie Aldridge"),
    ],
)
def test_a_young_person_not_on_the_roster_is_found_by_what_the_text_says_about_them(found, text, name):
    assert found(text, "full_name") == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Anita Holford, our CEO, will open the evening.",
        "A big thank you to Cllr Jane Walsh for presenting the certificates.",
        "Sarah Jenkins runs the under-16s band on Thursdays.",
        "Ed Sheeran started out busking, so there is hope for all of us!",
        "Thanks to Dan Hughes and Lucy Moore for leading the sessions this term.",
    ],
)
def test_adults_full_names_are_not_a_young_persons(found, text):
    assert found(text, "full_name") == []


def test_the_organisations_own_people_are_not_young_people():
    checker = Checker(CheckContext(org_people=["Daisy Fox"]))
    assert checker.check("Daisy Fox, 16 years a tutor here, is retiring").findings == []


def test_an_opted_out_first_name_followed_by_another_surname_is_somebody_else(found):
    assert found("Tom Ellis will take the photos at the gig.", "photo_consent") == []


# --- schools ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "school"),
    [
        ("Name: Charlie\nAge: 12\nSchool: Tewkesbury Academy\nInstrument: guitar", "Tewkesbury Academy"),
        ("First name: Leo | School: Balcarras | Year: 10", "Balcarras"),
        ("Kai, who's in Year 8 at Severn Vale, wants to join", "Severn Vale"),
        ("Her school (Stroud High School) has a gig that night", "Stroud High School"),
        ("Jacob is a pupil at Rendcomb and has his own band", "Rendcomb"),
    ],
)
def test_a_school_in_a_form_line_or_after_words_that_only_lead_to_a_school_is_found(found, text, school):
    assert found(text, "school") == [school]


@pytest.mark.parametrize(
    "text",
    [
        "We've got pupils from Severn Vale, Cleeve and Balcarras in the Tuesday group.",
        "Sixth formers from Denmark Road High School helped with the sound desk.",
        "School: closed for INSET day on Friday",
    ],
)
def test_schools_named_for_a_group_are_not_a_childs_school(found, text):
    assert found(text, "school") == []


# --- secrets --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("wifi: TMW-Studio / pass: drumroll77", "drumroll77"),
        ("Key safe by the back door, code 4417", "4417"),
        ("Zoom host key is 381204 if you need to claim host", "381204"),
        ("Slack signing secret: 8f14e45fceea167a5a36dedd4bea2543", "8f14e45fceea167a5a36dedd4bea2543"),
        ("guest wifi pw sunflower", "sunflower"),
        ("The Instagram login is tmw_youth and the password's Riffs&Rhymes!", "Riffs&Rhymes!"),
        ("Padlock on the equipment cage: combination 7351", "7351"),
        ("WiFi network TMW-Studio, key harmony42", "harmony42"),
    ],
)
def test_passwords_and_codes_given_in_context_are_secrets(found, text, secret):
    assert found(text, "secret") == [secret]


@pytest.mark.parametrize(
    "text",
    [
        "Please use the dress code: black tops for the concert.",
        "Use discount code EARLYBIRD for £2 off tickets.",
        "The postcode for the venue is GL1 2LR.",
        "Door code has changed, ask Rachel for the new one.",
        "Kai wrote his first line of code today!",
        "Your bus pass is ready to collect.",
    ],
)
def test_codes_that_open_nothing_are_not_secrets(found, text):
    assert found(text, "secret") == []


# --- health ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("Isla is having an operation on her knee next week", "operation"),
        ("Jacob wears hearing aids so please face him", "hearing aids"),
        ("Noah has a heart condition and shouldn't run", "heart condition"),
        ("Finn broke his wrist at football", "broke his wrist"),
        ("Ellie is recovering from glandular fever", "glandular fever"),
        ("Name: Ellie, Medical: asthma", "asthma"),
    ],
)
def test_health_or_support_needs_in_plain_words_are_found(found, text, condition):
    assert found(text, "health") == [condition]


@pytest.mark.parametrize(
    "text",
    [
        "The hall has a hearing loop and step-free access.",
        "Operation Christmas Child boxes can be dropped at the office.",
        "Hospital Radio Gloucester are coming to record the choir!",
        "Let us know about any allergies or medical needs when you book.",
        "Allergies: none",
    ],
)
def test_health_words_about_nobody_in_particular_are_fine(found, text):
    assert found(text, "health") == []


# --- email addresses --------------------------------------------------------------------------------------

def test_addresses_on_a_bcc_line_are_the_fix_not_a_leak(found):
    draft = ("Can someone check this before I send?\n\nBcc: sarah.jenkins@gmail.com, mike.p@outlook.com\n\n"
             "Dear all, thank you for another fantastic term.")
    assert found(draft, "email_address") == []
    assert found("Subject: Trip\nBCC: a@gmail.com, b@hotmail.com\n\nDear parents", "email_address") == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("email me on jo dot bloggs at gmail dot com for the stems", "jo dot bloggs at gmail dot com"),
        ("her email is kai.w2009 [at] yahoo [dot] com", "kai.w2009 [at] yahoo [dot] com"),
        ("mike (at) outlook (dot) com", "mike (at) outlook (dot) com"),
    ],
)
def test_an_address_written_to_dodge_filters_is_an_address(found, text, address):
    assert found(text, "email_address") == [address]


@pytest.mark.parametrize(
    "text",
    [
        "We're at themusicworks dot org dot uk - tell your friends!",
        "Meet me at reception at 4.",
        "Email bookings at the Roses Theatre: our contact there is Sue.",
    ],
)
def test_at_and_dot_in_sentences_or_the_organisations_address_are_fine(found, text):
    assert found(text, "email_address") == []


# --- lists the organisation can extend ------------------------------------------------------------------

def test_the_organisation_can_add_words_to_a_list():
    text = "Max has a Holter monitor on this week, so no swimming for him"
    assert Checker(CheckContext()).check(text).findings == []
    checker = Checker(CheckContext(extra_terms={"health_words": ["holter monitor"]}))
    assert [(f.kind, f.text) for f in checker.check(text).findings] == [("health", "Holter monitor")]


def test_every_finding_says_why_in_words_a_person_can_read(check):
    result = check("Ellie Watkins, 14, goes to Pate's Grammar; DOB 11/09/2012; she has a heart condition")
    assert {str(f.kind) for f in result.findings} >= {"full_name", "school", "date_of_birth", "health"}
    assert all(f.message and f.message[0].isupper() and f.message.endswith(".") for f in result.findings)


@pytest.mark.parametrize(
    ("text", "named", "age"),
    [
        ("Case study: Jordan Mayhew, 15, first came to us after being excluded", "Jordan Mayhew", "15"),
        ("1. Dev Malhotra (16) - gtr/vox", "Dev Malhotra", "16"),
        ("Congrats to Leo Taylor (aged 17) on his single", "Leo Taylor", "17"),
        ("Shout out to Keisha Dunmore, 17.", "Keisha Dunmore", "17"),
        ("Congratulations to 17-year-old Aled Pryce, who won a place", "Aled Pryce", "17-year-old"),
        ("Dylan Prosser, a 13-year-old young carer, told us", "Dylan Prosser", "13-year-old"),
    ],
)
def test_an_age_given_beside_a_young_persons_full_name_is_a_finding_of_its_own(check, text, named, age):
    # Round 14: the name and the age are two findings (full_name "Jordan Mayhew", date_of_birth "15"),
    # as the people who label leaks count them; the redacted copy removes both.
    result = check(text)
    assert [f.text for f in result.findings if f.kind == "full_name"] == [named]
    assert [f.text for f in result.findings if f.kind == "date_of_birth"] == [age]
    assert named.split()[0] in result.redacted  # the first name stays
    assert "[age removed]" in result.redacted
    assert not any(n in result.redacted for n in ("15", "16", "17", "13"))


def test_a_house_number_after_a_name_stays_with_the_address(check):
    result = check("Post it to Amy Smith, 12 Station Road, GL2 8AA")
    assert [(f.kind, f.text) for f in result.findings][:2] == [("full_name", "Amy Smith"), ("postal_address", "12 Station Road")]


@pytest.mark.parametrize(
    ("text", "schools"),
    [
        ("Places allocated\nMcAllister, Orla - Tewkesbury Academy\nPatel, Dev - Cleeve School",
         ["Tewkesbury Academy", "Cleeve School"]),
        ("Register\nLindqvist, Mateo | Gloucester Academy | Y9", ["Gloucester Academy"]),
    ],
)
def test_a_register_line_that_gives_the_surname_first_names_the_childs_school(found, text, schools):
    assert found(text, "school") == schools


def test_an_age_written_with_spaces_before_the_name_leaves_the_first_name_in_the_redacted_copy(check):
    result = check("17 year old Aled Pryce won the prize")
    assert result.redacted == "[age removed] Aled [surname removed] won the prize"


def test_a_child_given_with_her_age_still_ties_the_school_to_her(found):
    assert found("Pupils at Cleeve School: Amy 14 and Kai 15 will sing", "school") == ["Cleeve School"]


def test_an_identifier_label_ending_in_a_full_stop_still_labels_the_number(found):
    assert found("The order no. for the hoodies is 01234 567890", "phone") == []
