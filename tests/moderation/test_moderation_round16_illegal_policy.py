"""Round 16 of issue 16 (ill2), as policy 4.7: suggesting illegal activity, read as frames that
generalise. Labelled channels: tests/moderation/data/round16_ill2*.jsonl.

1. Impunity said in many ways (nobody / no one / not like anyone + checks, notices, minds, pulls
   over...; won't miss, won't ask for ID; don't tell school; the roads are dead) beside ANY plan,
   offer or habit of the writer's. Reassurance, surprises, gifts, reports and refusals are not.
2. Drink or drugs given, sneaked, bought or brought to someone under 18. Refusals, soft drinks,
   drink for the adults and talk about the law are not.
3. A paid thing got free or swapped as a file. The library, a trial, the public domain, free-to-play
   games and the organisation's own free sessions are not.
"""

from __future__ import annotations

import pytest

TRIPS = "#trips — the youth club's trips and outings"
STUDY = "#study — the college study group: revision, books and deadlines"
PLOT = "#allotment — the community allotment: plots, tools and shared jobs"

BREACHES = [
    (TRIPS, "no one's ever going to pull us over at that hour, I'll take the van home after the do"),
    (PLOT, "I'll just fill the car boot from the council's woodchip pile, they'll never notice"),
    (PLOT, "we could park the trailer in the school car park overnight, if nobody's looking"),
    (TRIPS, "just don't tell the leaders, I'll bring a bottle for the back of the coach"),
    (TRIPS, "I can get them a few bottles of cider, they're only 15 but whatever"),
    (TRIPS, "I'll sneak the young ones a couple of beers after lights out"),
    (STUDY, "not paying £45 for the course book, I'll get it for nothing off a site"),
    (STUDY, "anyone got the textbook as a pdf? happy to swap"),
]

LOOK_ALIKES = [
    (TRIPS, "nobody will mind if you're a bit late, the coach waits"),
    (TRIPS, "don't tell your mum, I'll pick up her birthday present on the trip"),
    (TRIPS, "I won't ask for his number, he'd never say yes"),
    (PLOT, "warning: someone's been taking tools, nobody checks the shed so keep it locked"),
    (TRIPS, "the bar staff said no to the kids, fair enough, they're 16"),
    (TRIPS, "I'll bring squash and juice for the young ones"),
    (TRIPS, "the school talked to us about the law on buying alcohol for under-18s"),
    (STUDY, "the library has the course book for free, borrow it for a week"),
    (STUDY, "the free trial of the film app lasts a month, no card needed"),
    (STUDY, "the crowd won't know what hit them on friday"),
]


@pytest.mark.parametrize("purpose,text", BREACHES)
def test_impunity_beside_a_plan_drink_for_minors_and_paid_things_free_are_reported(findings, purpose, text):
    assert "illegal" in findings(text, purpose=purpose)


@pytest.mark.parametrize("purpose,text", LOOK_ALIKES)
def test_reassurance_refusals_soft_drinks_the_law_and_free_things_are_not_illegal(findings, purpose, text):
    assert "illegal" not in findings(text, purpose=purpose)
