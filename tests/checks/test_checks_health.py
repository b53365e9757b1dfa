"""Policy 3: health and other needs stay on the register, not in messages or posts."""

import pytest


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("Amy has epilepsy, so no strobes please", "epilepsy"),
        # A name with an initial or a note in brackets; a register line that starts with a name.
        ("Lucy M had a seizure at the end of band", "seizure"),
        ("Nia (14) has a stammer, give her time", "stammer"),
        ("Aiden is type 1 diabetic so may need a snack", "diabetic"),
        ("Rosie (DOB 14/05/2012) - wears hearing aids", "hearing aids"),
        ("Tom (ADHD) needs a quiet corner", "ADHD"),
        ("Remember his autism when planning the room", "autism"),
        ("my son is diabetic and will need a break", "diabetic"),
        # What follows from the need (his inhaler) is part of its one finding (round 14).
        ("Jake, who has asthma, left his inhaler", "asthma, left his inhaler"),
        ("She's got severe anxiety about performing", "anxiety"),
        ("Leo was diagnosed with dyslexia last year", "dyslexia"),
        ("Maya's nut allergy is serious", "nut allergy"),
        ("He is autistic and prefers headphones", "autistic"),
        ("Sam uses a wheelchair", "wheelchair"),
        ("Her EHCP says she needs a TA", "EHCP"),
        ("Priya is on medication for it", "medication"),
    ],
)
def test_health_information_about_an_identifiable_young_person_is_found(found, text, condition):
    assert condition in found(text, "health")


@pytest.mark.parametrize(
    "text",
    [
        "It's mental health awareness week",
        "Rosie - can you bring the asthma awareness leaflets to reception?",
        "Booking 2291 - child: Lily, age 9, allergies: none",
        "Healthy snacks will be provided",
        "Our sessions are autism-friendly",
        "We welcome young people with ADHD, autism and anxiety",
        "Epilepsy Society training for staff on Monday",
        "Please tell us about any allergies when booking",
        "Autism awareness day concert",
        "We have a quiet room for anyone with anxiety",
        "Add your name to the list",
        "Send the SEND policy to the trustees",
        "The venue has wheelchair access",
        "Gloucestershire's autism service is running a session",
        "Health and safety briefing at 10",
    ],
)
def test_general_health_talk_is_fine(found, text):
    assert found(text, "health") == []


def test_a_second_condition_joined_by_and_is_found_too(found):
    # The inhaler follows from the asthma, so it is part of the same finding (round 14), not a second.
    assert found("Amy has asthma and carries an inhaler", "health") == ["asthma and carries an inhaler"]


def test_and_joins_need_a_person_as_the_subject(found):
    assert found("The hall has a lift and needs an inhaler station", "health") == []


@pytest.mark.parametrize(
    ("text", "conditions"),
    [
        # Every need the message gives away is flagged, not only the one next to the name.
        ("Poppy's been struggling with anxiety since half term and has had a couple of panic attacks in school",
         ["anxiety", "panic attacks"]),
        ("Theo is autistic and has an EHCP, he finds loud unexpected noises hard so ear defenders are in his bag",
         ["autistic", "EHCP", "ear defenders"]),
        # The next sentence, when it speaks of him or her.
        ("Jess has asthma. Her inhaler is in the front pocket of the bag", ["asthma", "inhaler"]),
    ],
)
def test_each_need_told_of_the_same_young_person_is_found(found, text, conditions):
    # Round 16: equipment that follows a need ("so ear defenders are in his bag") may join its finding.
    assert all(any(condition in need for need in found(text, "health")) for condition in conditions)


def test_a_need_in_another_sentence_about_nobody_in_particular_is_not_theirs(found):
    assert found("Jess has asthma. The session covers the inhaler technique for first aiders", "health") == ["asthma"]
