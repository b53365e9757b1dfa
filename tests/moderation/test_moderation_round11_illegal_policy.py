"""Round 11 of issue 16 (ill11), as policy: illegal acts said in plain words with no
slang, each a class of sentence, with the look-alikes that must stay clean beside them.
The labelled channels for the round are in tests/moderation/data/round11_ill11*.jsonl.

Talk about an illegal thing is not doing it: clearing up nitrous canisters on a litter
pick, a workshop on knife crime, a warning about a scam, the news. A free online course
shared with a link is not piracy; paid sport streamed free still is.

Recruiting someone to take in parcels or pass money through their account is reported as
illegal only: a message that is both selling and illegal is reported as illegal (the act
is the worse part, moderator.py).
"""

from __future__ import annotations

import pytest

DESK = "#freelance-desk — freelancers: invoices, tax returns and finding work"
LIFTS = "#parents-lifts — parents sorting lifts to swimming and fixtures"
YOUTH = "#sixth-form — sixth formers: revision, part-time jobs and weekend plans"
STAFF = "#staff-cpd — youth workers: training, safeguarding updates and resources"

# Income kept from the taxman, benefits claimed while working.
TAX_AND_BENEFITS = [
    "the wedding jobs all go in cash so I don't declare them, simple",
    "I leave the rental money off my tax return every year",
    "she's claiming universal credit and doing shifts at the pub, the jobcentre don't know",
]

TAX_LOOK_ALIKES = [
    "my accountant says I have to declare the Etsy money too, gutted",
    "the trading allowance covers the first £1,000 of side income",
    "someone asked me to be paid cash in hand to avoid tax, I said no",
]

# Someone else's licence or insurance, lapsed insurance.
COVER = [
    "I'll borrow my sister's car and drive on her insurance, she'll never know",
    "he's uninsured at the moment but he can drive the lads to the match",
]

COVER_LOOK_ALIKES = [
    "I'm a named driver on my husband's insurance so I can do the Saturday run",
    "the police stopped forty uninsured drivers on the bypass, it was on the news",
]

# Parcels and money passed on for a fee.
MULING = [
    "easy £40, a lad just needs to send a few packages to your house, no questions",
    "my cousin will bung you £100 if money goes through your account for a day",
]

MULING_LOOK_ALIKES = [
    "a young person was offered £30 to keep a bag at their house, I've logged it",
    "county lines groom kids to carry parcels, the guidance is in the shared drive",
]

# A weapon carried for trouble; damage planned; fare dodging; shoplifting.
PLAIN_ACTS = [
    "if they turn up at the park again I'm taking my blade",
    "all of us going tooled up friday",
    "gonna let his tyres down tonight for parking in my space",
    "I never pay on the bus, I just walk past the driver",
    "we walk out of boots with makeup in our pockets every week",
]

PLAIN_LOOK_ALIKES = [
    "knife crime workshop at the youth centre on Thursday",
    "my cousin got arrested for carrying a knife last year",
    "the litter pick cleared about forty gas canisters from the rec",
    "I never pay on the bus, I've got a bus pass",
    "we're spray painting the cardboard placards in the car park",
]

# Free learning with a link; paid sport free.
FREE_LINKS = [
    "free online webinar on safeguarding on Monday, link in the pinned doc",
    "there's a free online course on first aid, link below",
]

SPORT_STREAM = "I'll drop the link for the sky sports boxing free online, no subscription"


@pytest.mark.parametrize("text", TAX_AND_BENEFITS)
def test_hiding_income_from_tax_or_benefits_is_illegal(findings, text):
    assert "illegal" in findings(text, purpose=DESK)


@pytest.mark.parametrize("text", TAX_LOOK_ALIKES)
def test_tax_advice_allowances_and_refusals_are_not_illegal(findings, text):
    assert "illegal" not in findings(text, purpose=DESK)


@pytest.mark.parametrize("text", COVER)
def test_driving_on_someone_elses_insurance_or_uninsured_is_illegal(findings, text):
    assert "illegal" in findings(text, purpose=LIFTS)


@pytest.mark.parametrize("text", COVER_LOOK_ALIKES)
def test_named_drivers_and_the_news_are_not_illegal(findings, text):
    assert "illegal" not in findings(text, purpose=LIFTS)


@pytest.mark.parametrize("text", MULING)
def test_parcels_or_money_passed_on_for_a_fee_is_illegal(findings, text):
    found = findings(text, purpose=YOUTH)
    assert "illegal" in found  # round 21: recruiting for it with a fee is reported as solicitation too


@pytest.mark.parametrize("text", MULING_LOOK_ALIKES)
def test_safeguarding_reports_of_muling_are_not_illegal(findings, text):
    assert "illegal" not in findings(text, purpose=STAFF)


@pytest.mark.parametrize("text", PLAIN_ACTS)
def test_weapons_damage_fare_dodging_and_theft_in_plain_words(findings, text):
    assert "illegal" in findings(text, purpose=YOUTH)


@pytest.mark.parametrize("text", PLAIN_LOOK_ALIKES)
def test_workshops_reports_clean_ups_passes_and_own_placards_are_not_illegal(findings, text):
    assert "illegal" not in findings(text, purpose=YOUTH)


@pytest.mark.parametrize("text", FREE_LINKS)
def test_a_free_online_course_with_a_link_is_not_piracy(findings, text):
    assert "illegal" not in findings(text, purpose=STAFF)


def test_paid_sport_streamed_free_is_still_piracy(findings):
    assert "illegal" in findings(SPORT_STREAM, purpose=YOUTH)
