"""Policy 2, 3 and 4.1 in the words people actually use: a young person's condition said with how bad
it is or how they are getting over it, a password with no label right before it, and a child's school
given after "of" or as the answer to a question. Grown-ups, groups and talk about passwords stay clean."""

import pytest


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("Bea's in recovery from anorexia, so no comments about food", "anorexia"),
        ("Ned is severely allergic to sesame", "allergic"),
        ("Ivy is having radiotherapy for a brain tumour", "brain tumour"),
    ],
)
def test_a_young_persons_condition_with_its_severity_or_treatment_is_found(found, text, condition):
    assert any(condition in f for f in found(text, "health"))


@pytest.mark.parametrize(
    "text",
    [
        # A topic, not a person: a capitalised word the forenames list lacks, then a preposition.
        "Podcast on ADHD for the team to listen to",
        # One of the team, who will lead a session: their health is a grown-up's.
        "Dave is off for his knee operation, he'll run the Thursday band when he's back",
    ],
)
def test_a_topic_or_a_team_members_health_is_fine(found, text):
    assert found(text, "health") == []


def test_a_child_who_will_do_a_small_task_is_still_a_child(found):
    assert found("Ben is autistic and he'll run the warm-up", "health") == ["autistic"]


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("user studio3 / pass Kettle!Drum5", "Kettle!Drum5"),
        ("the admin password, same as before: Fretboard_12", "Fretboard_12"),
        ("keysafe passcode \u2192 8830", "8830"),
        ("Vimeo's still Encore_2026 until someone changes it", "Encore_2026"),
    ],
)
def test_a_password_given_without_a_label_right_before_it_is_found(found, text, secret):
    assert found(text, "secret") == [secret]


@pytest.mark.parametrize(
    "text",
    [
        "Password policy: twelve characters, one symbol",
        "The password is the same until someone changes it",
        "login: sam / pass: see the office",
    ],
)
def test_talk_about_passwords_is_fine(found, text):
    assert found(text, "secret") == []


def test_only_the_password_is_secret_after_a_login_and_pass_label(found):
    assert found("Login: sam / pass: Treble#2024", "secret") == ["Treble#2024"]


@pytest.mark.parametrize(
    ("text", "school"),
    [
        ("Ella Hughes of Balcarras School sang the solo", "Balcarras School"),
        ("Leo's school? It's Balcarras School", "Balcarras School"),
    ],
)
def test_a_childs_school_after_of_or_as_an_answer_is_found(found, text, school):
    assert school in found(text, "school")


@pytest.mark.parametrize(
    "text",
    [
        "Mr Hardy from Balcarras lent us the staging",
        "The Head Teacher of Balcarras School will open the show",
        "Our volunteer Anna Clarke of Balcarras School will help out",
        "Half of Year 10 at Balcarras have signed up",
    ],
)
def test_a_school_for_a_grown_up_or_a_year_group_is_fine(found, text):
    assert found(text, "school") == []
