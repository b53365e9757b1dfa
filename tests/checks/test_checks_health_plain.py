"""Policy 3 (round 10, issue 16): a young person's need said in plain words, on a form or sign-up
sheet, or in a get-well wish, is health information; the same words about an adult of themselves, a
topic, access for everyone, music slang or a famous person are not."""

import pytest


@pytest.mark.parametrize(
    ("text", "need"),
    [
        # Said as what the person does or cannot do (health_behaviours.txt).
        ("Sami gets overwhelmed in the big hall, let him step out", "gets overwhelmed"),
        ("Just so you know, she wets herself if she is panicking", "wets herself"),
        ("Isaac can't hear very well, so face him when you speak", "can't hear very well"),
        ("Rosa has stopped eating, mum is worried", "has stopped eating"),
        # Medicine and operations the short way; out of hospital; in a cast.
        ("Kyle's on meds for his mood", "meds"),
        ("Layla had her op on Tuesday", "her op"),
        ("Nadia is just out of hospital", "hospital"),
        ("Marcus is in a cast till May", "in a cast"),
        # A second state joined by "and"; a later subject after an adult's.
        ("Chloe has been really low lately and self-harming", "self-harming"),
        ("mum says he's on a waiting list for CAMHS", "CAMHS"),
    ],
)
def test_needs_in_plain_words_are_found(found, text, need):
    assert any(need in f for f in found(text, "health"))


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("Millie | 13 | nut allergy", "nut allergy"),
        ("Ruby T - Notes: on meds for ADHD", "ADHD"),
        ("Dietary / medical: coeliac", "coeliac"),
        ("Access requirements: uses a wheelchair", "uses a wheelchair"),
        ("Emergency info for Aiden - allergic to penicillin", "allergic"),
        ("Additional info: hearing impaired, please sit her at the front", "hearing impaired"),
    ],
)
def test_needs_on_forms_and_sign_up_sheets_are_found(found, text, need):
    assert any(need in f for f in found(text, "health"))


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("get well soon Ellie, hope the op went ok!", "the op"),
        ("Speedy recovery Alfie! Hope the broken leg isn't too sore", "broken leg"),
        ("Hope your wrist heals quickly Maisie", "your wrist"),
        ("Get well soon Jack, we miss you at band", "Get well soon"),
    ],
)
def test_a_get_well_wish_to_a_named_young_person_is_found(found, text, need):
    assert any(need in f for f in found(text, "health"))


@pytest.mark.parametrize(
    "text",
    [
        "I've got a cold so I'm working from home",
        "I get overwhelmed in open-plan offices, so I'll take the small room",
        "A workshop on anxiety for parents on the 14th",
        "The venue has a hearing loop and step-free access",
        "The kick drum sounds sick and the track is fire",
        "Please let us know of any access needs when you book",
        "Beethoven was deaf when he wrote the ninth",
        "Ray Charles lost his sight as a child",
        "Ellie smashed her solo, get well soon to the piano though",
        "Topic: anxiety and performing",
        "Reminder: mental health first aid course tomorrow",
    ],
)
def test_look_alikes_are_fine(found, text):
    assert found(text, "health") == []
