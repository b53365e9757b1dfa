"""Round 12 (issue 16): classes the after-files of rounds 11 and 12 still missed. Addresses introduced as
who is copied in ("cc'ing the other parents: ...") go out unhidden; an age in slang ("the big one-three",
"sweet sixteen") on a day is a birthday; an account handed over with its password names the password;
a sick note's finding is the condition, and a form's answer line is one finding; a counted group's
schools are nobody's school; a young person's name is known from a fuller list of given names."""

import pytest

from bot.checks import Kind


def _texts(check, text, kind):
    return [f.text for f in check(text).findings if f.kind is kind]


# Policy 5.5: addresses given as who is being copied in are a group email with everyone's address on show.
@pytest.mark.parametrize(
    "text",
    [
        "Copying in the rest of the committee: t.harding@gmail.com, nisha.b@outlook.com and geoffp@btinternet.com",
        "Looping in the drum parents - k.mensah@yahoo.co.uk; lucy.j@hotmail.com",
    ],
)
def test_copying_in_a_group_before_a_colon_is_a_bcc_leak(check, text):
    result = check(text)
    assert [f.kind for f in result.findings] == [Kind.BCC]


def test_copying_in_a_group_in_bcc_is_fine(check):
    assert check("cc'ing the other parents in bcc: jo.w@gmail.com, fin.b@gmail.com").findings == []


def test_a_venue_box_office_is_a_mailbox_not_a_person(check):
    assert check("Copying in the venue team: events@roses-theatre.org, box.office@roses-theatre.org").findings == []


# Policy 3: an age milestone in slang, said with its day, tells a child's birthday.
@pytest.mark.parametrize(
    "text",
    [
        "Reuben will be the big one-five this Friday, cake at break",
        "she hits the big one-oh on the 23rd!",
        "Priya's eighteenth is Saturday week",
    ],
)
def test_an_age_in_slang_on_a_day_is_a_birthday(check, text):
    assert _texts(check, text, Kind.DATE_OF_BIRTH) != []


@pytest.mark.parametrize(
    "text",
    ["Our sweet sixteen themed disco is on the 4th", "The centre turns thirteen on the 9th - party in the foyer"],
)
def test_a_theme_or_a_buildings_age_is_nobodys_birthday(check, text):
    assert _texts(check, text, Kind.DATE_OF_BIRTH) == []


# Policy 2: an account handed over with its password; only the password is secret.
@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("For the YouTube account use music.works.media + Quaver-Rest-19", "Quaver-Rest-19"),
        ("Canva is user tmw_admin pass Harmon1ca", "Harmon1ca"),
    ],
)
def test_an_account_then_its_password(check, text, secret):
    assert _texts(check, text, Kind.SECRET) == [secret]


@pytest.mark.parametrize(
    "text",
    ["Use music.works.media + the hashtag #TMWlive when you post", "use tmw_logo.png and Banner_2.jpg for the poster"],
)
def test_a_handle_with_a_hashtag_or_files_is_no_password(check, text):
    assert _texts(check, text, Kind.SECRET) == []


# Policy 3: the condition is the health detail; "signed off" only says they were away.
def test_signed_off_with_a_condition_flags_the_condition(check):
    assert _texts(check, "Jaden's been signed off school with tonsillitis", Kind.HEALTH) == ["tonsillitis"]


def test_signed_off_as_a_volunteer_is_no_sick_note(check):
    assert _texts(check, "Harry's been signed off as a DBS checked volunteer", Kind.HEALTH) == []


def test_a_forms_answer_line_is_one_finding(check):
    assert _texts(check, "Disabilities: hearing impaired, wears two hearing aids", Kind.HEALTH) == [
        "hearing impaired, wears two hearing aids"]
    assert len(_texts(check, "Med list: Rosa - sertraline 50mg; Reece - inhaler", Kind.HEALTH)) == 2


# Policy 3: a counted group's schools are the group's, not a child's.
def test_a_counted_group_names_no_childs_school(check):
    assert _texts(check, "Over 40 students from Cleeve, Chosen Hill and Severn Vale came to the showcase.", Kind.SCHOOL) == []


# Policy 5.6: young people's given names beyond the common English ones, and titles given to the young.
@pytest.mark.parametrize(
    "text",
    [
        "Lowenna Pask, 14, sang the opening number",
        "Massive congrats to Imani Stokes, Young Producer of the Year!",
        "Artist bio: Lowenna Pask\nBorn: the twenty-ninth of October 2011",
    ],
)
def test_a_young_persons_full_name_with_a_less_common_forename(check, text):
    named = _texts(check, text, Kind.FULL_NAME)
    assert len(named) == 1 and named[0].startswith("Lowenna Pask" if "Lowenna" in text else "Imani Stokes")
