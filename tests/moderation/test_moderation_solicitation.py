"""Solicitation: selling, promo codes, party politics, other organisations'
fundraising; the charity's own sales, partners' free events and one used
instrument are fine."""

from __future__ import annotations

import pytest

from bot.moderation import ModerationConfig, RuleBook, assess_text

PARTNERS_PURPOSE = "#partner-events — free events from our partners Gloucester Guildhall and SoundSpace"

SOLICITATIONS = [
    ("DM me to buy", "Selling goods or services"),
    ("dm me for prices, hoodies in all sizes", "Selling goods or services"),
    ("Selling these trainers, size 9, £40 ono", "Selling goods or services"),
    ("Beats for sale, check out my shop", "Selling goods or services"),
    ("I do mixing and mastering for £30 a track, hmu", "Selling goods or services"),
    ("I charge £20 an hour for guitar lessons", "Selling goods or services"),
    ("commissions are open!", "Selling goods or services"),
    ("Selling 3 guitars, £100 each", "Selling goods or services"),
    ("buy followers cheap", "Selling goods or services"),
    ("link in bio for my merch", "Selling goods or services"),
    ("Use my code JAMES10 for 10% off", "Referral or promo code"),
    ("use my referral link to get a free month", "Referral or promo code"),
    ("promo code SUMMER gets you money off", "Referral or promo code"),
    ("Vote Labour on Thursday!", "Party-political campaigning"),
    ("please vote for the Conservatives", "Party-political campaigning"),
    ("vote reform", "Party-political campaigning"),
    ("join the Green Party today", "Party-political campaigning"),
    ("Please donate to the British Heart Foundation", "Fundraising for another organisation"),
    ("sponsor me for the Race for Life!", "Fundraising for another organisation"),
    ("here's my JustGiving page for Cancer Research", "Fundraising for another organisation"),
    ("I'm raising money for Oxfam, anything helps", "Fundraising for another organisation"),
    ("make money fast from home, DM me", "Financial promotion"),
    ("invest in crypto with me", "Financial promotion"),
    ("Tickets on sale now for our club night at the Fleece", "Advertising an event"),
    ("£5 entry, get your tickets now", "Advertising an event"),
    ("Free entry to the open mic at The Roundhouse!", "Advertising an event"),  # not a partner
]

FINE = [
    "Tickets for the TMW Christmas showcase are on sale now!",  # the charity's own
    "Get your tickets for The Music Works summer gig",
    "Grab a TMW hoodie from the merch table, £20",
    "Please donate to The Music Works Big Give appeal",
    "sponsor me for the TMW sleepout!",
    "<https://themusicworks.org.uk/shop|Buy your tickets here>",
    "selling my old guitar, £50 ono, DM me",  # a single used instrument
    "anyone selling a second-hand violin? DM me",
    "I've outgrown my drum kit, selling it for £100",
    "Is anyone going to the Stormzy gig?",
    "I got tickets for Glastonbury!",
    "vote for our band in the battle of the bands!",
    "we need to decide who's doing the vote of thanks",
    "what's the price of a new set of strings these days?",
    "the Labour of love that is this album",
    "I'm saving up for a new amp",
    "use the capo on the second fret",
]


@pytest.mark.parametrize("text, label", SOLICITATIONS)
def test_solicitations_count(findings, text, label):
    assert findings(text)["solicitation"].startswith(label)


@pytest.mark.parametrize("text", FINE)
def test_own_sales_used_instruments_and_chat_do_not_count(findings, text):
    assert "solicitation" not in findings(text)


def test_a_partners_free_event_is_fine_where_the_purpose_names_the_partner(findings):
    text = "Free entry to the beat-making workshop at SoundSpace on Saturday"
    assert "solicitation" not in findings(text, purpose=PARTNERS_PURPOSE)
    assert "solicitation" not in findings("free gig at Gloucester Guildhall, all welcome", purpose=PARTNERS_PURPOSE)
    # the same advert where the purpose names no partner
    assert "solicitation" in findings(text, purpose="#general-music — music chat")


def test_a_partners_paid_event_still_counts(findings):
    text = "Tickets on sale now, £10 entry, Gloucester Guildhall on Friday"
    assert "solicitation" in findings(text, purpose=PARTNERS_PURPOSE)


def test_a_single_instrument_exemption_does_not_cover_promo_codes(findings):
    assert "solicitation" in findings("selling my old guitar, use my code GUITAR10 at checkout")


def test_an_organisation_configures_its_own_name_and_appeal_words():
    rulebook = RuleBook(ModerationConfig(org_names=("Sound Lab",), own_sales_terms=("Big Give",), org_domains=()))
    own = "Tickets on sale now for the Sound Lab showcase"
    assert not assess_text(own, rulebook=rulebook)
    assert not assess_text("Please donate to our Big Give appeal", rulebook=rulebook)
    # TMW is not this organisation
    assert [f.rule for f in assess_text("Tickets on sale now for the TMW showcase", rulebook=rulebook)] == ["solicitation"]


@pytest.mark.parametrize(
    "text",
    [
        "guitar lessons with me, £20 for 40 mins, text me to book",
        "free robux if you click this link",
        "join my team and earn money from your phone!",
        "everyone vote for my group in the town's battle of the bands, link below",
    ],
)
def test_selling_schemes_giveaways_and_outside_votes_in_plain_words(text):
    assert [f.rule for f in assess_text(text)] == ["solicitation"]


@pytest.mark.parametrize(
    "text",
    [
        "Yes, a charity raffle is fine for the summer show",
        "the cake stall raised £120 for the tour, thank you all",
    ],
)
def test_permission_and_reports_of_our_own_fundraising_are_not_solicitation(text):
    assert not [f for f in assess_text(text) if f.rule == "solicitation"]
