"""Round 22 (issue 16), policy 5.6: a young person's birthday is a date of birth given away. A
milestone just gone ("turned 15 last Friday", "was 11 yesterday") tells it as a coming one does, and
"It's Ruby's 16th on Sat" names Ruby, not a longer name "It's Ruby". A score or a count is no age."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "milestone"),
    [
        ("Zac turned 15 last Friday and is buzzing about it", "15 last Friday"),
        ("Imogen was 11 yesterday!", "11 yesterday"),
        ("It's Tilly's 13th on Sat so bring a card", "13th on Sat"),
        ("It\u2019s Noor\u2019s 16th next week, cake at the break", "16th next week"),
    ],
)
def test_a_birthday_just_gone_or_on_a_near_day_is_a_date_of_birth(found, text, milestone):
    assert found(text, "date_of_birth") == [milestone]


@pytest.mark.parametrize(
    "text",
    [
        "We had 16 at the session last week",
        "Leo scored 16 last week in the quiz",
        "It's Audio-Base's 10th on Saturday, party at the studio",
    ],
)
def test_a_count_or_a_projects_anniversary_is_no_birthday(found, text):
    assert found(text, "date_of_birth") == []
