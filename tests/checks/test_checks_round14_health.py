"""Policy 3 (round 14, issue 16): a young person's need is health information when the sentence names
them with their group or school ("Priya in the drum group has epilepsy"), states it as what they are
("is type 1 diabetic", "is partially sighted"), gives it as the cause of what they did ("because of
school anxiety"), as what a struggle follows from ("struggling since his parents split"), or opens the
sentence with it ("Diagnosed with selective mutism in Year 7, she ..."). What follows from a need
already stated (the EpiPen, the crutches, the hospital stay) is the same finding, not a second one.
General topics, grown-ups of themselves, first-aid training and charities as venues are not needs."""

import pytest


@pytest.mark.parametrize(
    ("text", "need"),
    [
        # Named with a group or school (health_person_groups.txt).
        ("Priya in the drum group has epilepsy, so please read her care plan", "epilepsy"),
        ("Owen from the Tewkesbury group, who is partially sighted, needs big print", "partially sighted"),
        ("One of the lads, Kieran from Churchdown School, has a severe nut allergy", "nut allergy"),
        ("Tomasz in the guitar class is hard of hearing", "hard of hearing"),
        ("Our youngest member, Evie, is asthmatic", "asthmatic"),
        # Stated as what they are.
        ("Noor is profoundly deaf and brings her own interpreter", "deaf"),
        ("Heads up: Mia is type 1 diabetic", "diabetic"),
        # A cause (health_causes.txt), a life event (health_life_events.txt), an opening clause.
        ("Callum hadn't left the house because of school anxiety", "anxiety"),
        ("Reece has been struggling since his parents split", "struggling since his parents split"),
        ('"Lena joined us at 13. Diagnosed with selective mutism in Year 7, she now sings solo."', "selective mutism"),
    ],
)
def test_needs_tied_to_a_named_young_person_are_found(found, text, need):
    assert any(need in f for f in found(text, "health"))


@pytest.mark.parametrize(
    ("text", "need"),
    [
        # What follows from a need is part of its finding (health_aftermath.txt).
        ("Nia has a severe nut allergy, her EpiPen is in the front pocket of her bag", "nut allergy"),
        ("Ben had a knee op last week so he'll be on crutches for the showcase", "knee op"),
        ("Ayesha was in hospital with pneumonia and she's been really low with it", "pneumonia"),
        ("Theo broke his leg skiing, he'll be in a wheelchair for the concert", "broke his leg"),
    ],
)
def test_one_need_is_one_finding(found, text, need):
    findings = found(text, "health")
    assert len(findings) == 1 and need in findings[0]


def test_two_people_keep_two_findings(found):
    assert len(found("Amy has asthma, Leo has his EpiPen in his bag", "health")) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Mental health awareness week starts Monday, leaflets are in reception",
        "I'm type 1 diabetic myself so I keep jelly babies in the office",
        "First aid training for volunteers is on Thursday, including how to use an EpiPen",
        "The Epilepsy Society has lent us their hall for the Saturday session",
        "Jamal dropped a sick beat in the last session",
        "The Tewkesbury group moved to the library because of the roadworks",
        "The band has been struggling since the drummer left",
        "Max has been struggling with the bridge since we changed key",
        "Our volunteer Dave is deaf in one ear, so please face him when you talk",
        "Both of the drum groups are nearly full",
    ],
)
def test_look_alikes_stay_quiet(found, text):
    assert found(text, "health") == []


def test_a_line_of_many_conditions_is_read(found):
    """A sentence of thousands of condition words is read once a sentence (the timing is in
    benchmarks/bench_long_texts.py); here only that such a text still comes back right."""
    findings = found("asthma, " * 2000 + "\nAmy has epilepsy.", "health")
    assert findings == ["epilepsy"]
