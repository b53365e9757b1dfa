"""Round 22 (issue 16), policy 3 and 5.6: a young person's health stays private. A need is theirs
when they are named with a longer note in brackets ("Ellie (Year 9, Friday band) had a seizure"),
or with who they are between commas before "who" ("Ethan, one of our drummers, who has just had an
operation"); and a line with no subject in a record kept about one young person (an individual risk
assessment, a support plan, a chronology) is about that young person. A grown-up named with their
role in the same place ("Jo, our lead tutor, who had an operation") is staff news, and a group's
risk assessment names nobody."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("Nia (Year 9, Friday band) had a seizure just before the break.", "seizure"),
        ("Lovely card for Ethan, one of our Saturday drummers, who had an operation on his hip.", "operation"),
        ("Personal risk assessment: Maisie Cole (Audio-Base)\nTriggers: shouting.\nDiagnosed with epilepsy in 2023.", "epilepsy"),
        ("Support plan – Reuben Ash\nTakes melatonin at night; quiet space at breaks.", "melatonin"),
    ],
)
def test_a_young_persons_need_is_found_in_asides_and_in_records_about_them(found, text, need):
    assert any(need in finding for finding in found(text, "health"))


@pytest.mark.parametrize(
    "text",
    [
        "Best wishes to Jo, our lead tutor, who had an operation last week.",
        "Thanks to Priya (our volunteer coordinator) who had surgery on Monday.",
        "Risk assessment for the residential: first aid kit, EpiPens and inhalers go in the red bag.",
    ],
)
def test_a_grown_ups_operation_and_a_groups_risk_assessment_name_no_young_person(found, text):
    assert found(text, "health") == []
