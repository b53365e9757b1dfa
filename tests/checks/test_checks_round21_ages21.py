"""Round 21 (issue 16): a young person's exact age beside their name, however it is written; health and
support needs in plain words (sleep, low mood, meltdowns, referrals) but not a colleague's news or a
school nurse who referred someone; a key-shaped value near a secret's name, but no value in a question;
and a professional's work line or an agency's duty desk, which is not a personal phone (policy 3, 5.4-5.6)."""

from __future__ import annotations

import dataclasses

import pytest

from bot.checks import Checker


# --- A. An exact age beside a name ----------------------------------------------------------------

@pytest.mark.parametrize("text, age", [
    ("Thanks to Bethan Rowley (only 13!) for running the merch stall", "13"),
    ("Newbie: Ezra Clayton, 12 yrs old, keen on keys", "12"),
    ("Corey Bright, 15 yrs, is moving up to the Friday band", "15"),
    ("Lunch money for Ivy Marchant, 10yo, is in the tin", "10"),
    ("Orla Pennock - aged 14 - recorded vocals on the single", "14"),
    ("Young person: Rhiannon Tate. Age 13. Likes drum and bass.", "13"),
    ("Ask Milo Petrakis (he's 12) if he wants a lift", "12"),
    ("Freya Odell, who's just turned 16, is our new sound tech", "16"),
    ("Kasim Rahman is 11 and has been coming since spring", "11"),
    ("Heads up about Lenny Cropper. He's 14 and new to the area", "14"),
    ("Mabel Quint turned 15 yesterday!", "15"),
    ("Congratulations to Arlo Fenn, who is only twelve, on his first gig", "twelve"),
    ("Happy 15th to our lead guitarist Dara Whelan!", "15th"),
    ("Happy belated 13th, Sonny Blake!", "13th"),
    ("Chloë Dubois, 14, wrote the lyrics", "14"),
])
def test_an_exact_age_beside_a_young_persons_name_is_found(found, text, age):
    assert age in found(text, "date_of_birth")


@pytest.mark.parametrize("text, said", [
    ("Big love to our bassist Rory Quayle, 15 today!", "15 today"),
    ("Ottilie, 9 today 🎂", "9 today"),
])
def test_an_age_reached_today_said_as_news_is_a_birthday(found, text, said):
    assert said in found(text, "date_of_birth")


@pytest.mark.parametrize("text", ["Rory, 10 today?", "Ottilie, 11 tomorrow at the hall"])
def test_a_number_and_a_day_asked_or_arranged_may_be_a_time(found, text):
    assert found(text, "date_of_birth") == []


@pytest.mark.parametrize("text", [
    "Ezra Clayton, 12 yrs old, keen on keys",
    "Young person: Rhiannon Tate. Age 13.",
    "Ask Milo Petrakis (she's 12) if she wants a lift",
])
def test_the_name_beside_a_young_age_is_a_young_persons(found, text):
    assert found(text, "full_name") != []


def test_an_age_finding_says_it_is_an_age_and_is_removed_as_one(check):
    result = check("Newbie: Ezra Clayton, 12 yrs old, keen on keys")
    age = next(f for f in result.findings if f.kind == "date_of_birth")
    assert "exact age" in age.message
    assert "[age removed]" in result.redacted


@pytest.mark.parametrize("text", [
    "Sessions are for young people aged 12 to 17",
    "Lucy Moore, 15 years in music education, leads Beat It",
    "Jo Bloggs (17 years at the venue!) runs the desk",
    "Ezra recorded 12 takes before he was happy",
    "Doors at 18:30, soundcheck at 17:00",
    "Our Year 10 group plays first",
    "Ezra Clayton is 16 minutes away",
    "A great 12th place for Ezra Clayton at the regional contest",
    "Happy 10th birthday to the Tuesday band, ten years of noise!",
])
def test_ages_of_groups_times_counts_and_places_are_not_a_persons_age(found, text):
    assert found(text, "date_of_birth") == []


def test_an_age_still_to_come_on_a_given_date_is_the_dates_finding(found):
    assert found("Otto is 10 on Friday (born 4 March 2016)", "date_of_birth") == ["4 March 2016"]


# --- B. Health and support needs in plain words -----------------------------------------------------

@pytest.mark.parametrize("text, need", [
    ("Nell hasn't been sleeping properly since the move", "hasn't been sleeping properly"),
    ("Keep an eye on Ruben, he's been low in mood all term", "low in mood"),
    ("Dev had a complete meltdown when the mic cut out", "meltdown"),
    ("Iris's insomnia is why she's late most weeks", "insomnia"),
    ("Wren got really overwhelmed at the gig and went home early", "got really overwhelmed"),
    ("Lola has been referred to the early help team", "early help team"),
    ("Ollie's sleep has got a lot worse since Christmas", "sleep has got a lot worse"),
    ("Tam keeps having nightmares, his dad says", "keeps having nightmares"),
    ("Juno went home early after an anxiety attack", "anxiety attack"),
    ("Bram came back in after a panic attack and sat with Lucy", "panic attack"),
])
def test_plain_word_needs_of_a_young_person_are_health(found, text, need):
    assert any(need in f for f in found(text, "health"))


@pytest.mark.parametrize("text, needs", [
    ("Cara hasn't been sleeping and had an anxiety attack in the van", ["hasn't been sleeping", "anxiety attack"]),
    ("Rhys can't sleep at the moment and had a panic attack after the set", ["can't sleep", "panic attack"]),
])
def test_a_need_said_as_what_they_do_places_the_condition_after_it(found, text, needs):
    """What the young person does says whose the condition is: both are their needs."""
    findings = found(text, "health")
    assert all(any(need in f for f in findings) for need in needs)


@pytest.mark.parametrize("text", [
    "The printer had a meltdown before the gig",
    "Dev had nightmares about the exam lol",  # a turn of phrase, not a sleep problem
    "The school nurse referred Nell to us last spring",
    "Nell was referred to us by her social worker",
    "Mental health first aid training is on Thursday",
])
def test_look_alikes_of_plain_word_needs_stay_quiet(found, text):
    assert found(text, "health") == []


def test_a_referrer_is_quiet_but_the_need_beside_it_is_not(found):
    assert found("The school nurse referred Nell to us because of her low mood", "health") == ["low mood"]


def test_an_accommodation_beside_a_need_is_part_of_that_need(found):
    needs = found("Bo is autistic, so there are ear defenders by the kit for him", "health")
    assert len(needs) == 1 and needs[0].startswith("autistic")


@pytest.fixture(scope="module")
def staff_found(context):
    checker = Checker(dataclasses.replace(context, org_people=("Sam Okafor", "Grace Turner")))
    return lambda text: [f.text for f in checker.check(text).findings if f.kind == "health"]


@pytest.mark.parametrize("text", [
    "Sam has had his operation and is recovering",
    "Grace is on the mend after her surgery and back next week",
])
def test_a_colleagues_recovery_is_staff_news_not_a_young_persons_health(staff_found, text):
    assert staff_found(text) == []


def test_a_young_persons_operation_is_still_health(staff_found):
    assert staff_found("Kai has had his operation and is recovering") == ["operation"]


# --- C. Secrets and desks ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("signing secret, it's 3c5e7a9b1d2f4e6a8c0b2d4f6e8a0c1b", "3c5e7a9b1d2f4e6a8c0b2d4f6e8a0c1b"),
    ("Webhook secret? Sure: 3c5e7a9b1d2f4e6a8c0b2d4f6e8a0c1b", "3c5e7a9b1d2f4e6a8c0b2d4f6e8a0c1b"),
    ("Pasting it here 3c5e7a9b1d2f4e6a8c0b2d4f6e8a0c1b (the API key)", "3c5e7a9b1d2f4e6a8c0b2d4f6e8a0c1b"),
    ("the token, it's U3RyaW5nc0FuZEJyYXNzQmFuZDI=", "U3RyaW5nc0FuZEJyYXNzQmFuZDI="),
])
def test_a_key_shaped_value_near_a_secrets_name_is_a_secret(found, text, value):
    assert found(text, "secret") == [value]


@pytest.mark.parametrize("text", [
    "what's the door password again?",
    "Anyone know where the API key is kept?",
    "Fixed in commit 3c5e7a9b1d2f4e6a8c0b2d4f6e8a0c1b, the token bug",
    "I've changed the signing secret, it's in the password manager",
])
def test_no_value_is_no_secret(found, text):
    assert found(text, "secret") == []


@pytest.mark.parametrize("text", [
    "Referrer: P. Amos, Family Support Worker, 01452 426 001",
    "Ring the social care duty desk on 01452 426 002",
    "Out of hours: emergency duty team 01452 426 003",
])
def test_a_professionals_work_line_or_a_duty_desk_is_not_a_personal_phone(found, text):
    assert found(text, "phone") == []


@pytest.mark.parametrize("text", [
    "Referrer: P. Amos, Family Support Worker, mobile 07700 900555",
    "The family support worker says his mum's landline is 01452 426 004",
])
def test_a_mobile_or_a_number_said_to_be_someones_own_is_still_personal(found, text):
    assert found(text, "phone") != []
