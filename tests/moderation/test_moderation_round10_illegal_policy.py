"""Round 10 of issue 16 (ill10), as policy: illegal acts aimed at doing or
arranging them, in plain words and slang, each a class of sentence, with the
look-alikes that must stay clean beside them. The labelled channels for the
round are in tests/moderation/data/round10_ill10*.jsonl.

How far context carries (piracy and other offers): one step, and only for the
person who made the offer. "I'll send u the link in dms" is illegal when the
same person posted a message reported as illegal among the channel's last few
messages (within half an hour); someone else's "I'll send u the link", or a
hand-over naming a legitimate source, is their own message.
"""

from __future__ import annotations

import pytest

LIFTS = "#lifts — parents sorting lifts to rehearsals and gigs"
STUDIO = "#studio — young producers: DAW tips, plugins and mixing feedback"

# Driving while banned, after a failed test, or on a provisional with nobody beside the learner.
UNLICENSED_DRIVING = [
    "I'll do the Saturday run, I'm still banned till March but it's not far",
    "failed it but I drive my mum's car anyway",
    "Tyler failed his driving test on Friday, he still drives to college every day",
    "she's on her provisional but she'll do the school run by herself",
    "no insurance no licence but the van goes fine, I'll bring it",
]

DRIVING_LOOK_ALIKES = [
    "Amir's on his provisional, I sit next to him when he drives to rehearsal",
    "she failed her test so I'll do the school run instead",
    "my licence got suspended years ago, all sorted now, happy to drive Sunday",
    "reminder: volunteer drivers need a licence check before the trip",
    "the news said a banned driver crashed on the bypass, awful",
]

# Goods offered with the signs they are stolen.
STOLEN_GOODS = [
    "couple of ps5s going, £150 each, don't ask where they're from",
    "my mate's got designer jackets going cheap, if you know what I mean",
]

STOLEN_LOOK_ALIKES = [
    "tickets are £8 each, don't ask me why the venue put them up",
    "I'd rather not know where those came from to be honest",
]

# Graffiti and damage planned on public places.
VANDALISM = [
    "let's scratch our names into the benches by the bandstand",
    "gonna do a big piece on the side of the leisure centre tonight",
]

VANDALISM_LOOK_ALIKES = [
    "the shop owner asked us to paint his shutters, it's a commission",
    "history of graffiti talk at the library on Wednesday",
]

# Drink for the young people of a group.
UNDER_18_DRINK = [
    "I'll get a few crates in for the teenagers, their parents won't find out",
    "the year 10s can have some cans once the leaders are asleep",
]

UNDER_18_LOOK_ALIKES = [
    "mocktails for the teens, and the parents had a glass of wine at the end",
    "teenagers drinking cans in parks was on the local news again",
    "the teens can have cans of coke at the disco",
]

# Cannabis and being high, in slang and emoji.
DRUG_SLANG = [
    "we got proper zooted after the gig",
    "that skunk hits different, two tokes and I was done",
    "anyone wanna spark one 🍃 before the bus",
]

DRUG_LOOK_ALIKES = [
    "my mum sells cbd oil in her shop, no thc in it",
    "nah I stay away from all that stuff, seen what it does",
    "got my hay fever tablets and my inhaler for the festival",
]

# Piracy in indirect words: where the copy comes from, the licence skipped, paid TV on one box.
PIRACY = [
    "you can get kontakt off a telegram for nothing, works fine",
    "photoshop's free on there, you just skip the licence bit",
    "grab the unlocked one from that russian site",
    "netflix, prime and sky all on one box for a tenner a month",
]

PIRACY_LOOK_ALIKES = [
    "pirating plugins is basically stealing from small devs",
    "melodyne has a free trial on their site, try that first",
    "our telegram group has the ableton project files from Tuesday",
]


@pytest.mark.parametrize("text", UNLICENSED_DRIVING)
def test_driving_while_banned_unlicensed_or_unsupervised(findings, text):
    assert "illegal" in findings(text, purpose=LIFTS)


@pytest.mark.parametrize("text", DRIVING_LOOK_ALIKES)
def test_supervised_learners_finished_bans_and_news_are_not_illegal(findings, text):
    assert "illegal" not in findings(text, purpose=LIFTS)


@pytest.mark.parametrize("text", STOLEN_GOODS + VANDALISM + UNDER_18_DRINK + DRUG_SLANG + PIRACY)
def test_illegal_acts_in_slang_and_indirect_words(findings, text):
    assert "illegal" in findings(text, purpose=STUDIO)


@pytest.mark.parametrize("text", STOLEN_LOOK_ALIKES + VANDALISM_LOOK_ALIKES + UNDER_18_LOOK_ALIKES
                         + DRUG_LOOK_ALIKES + PIRACY_LOOK_ALIKES)
def test_discouraging_legal_products_commissions_and_news_are_not_illegal(findings, text):
    assert "illegal" not in findings(text, purpose=STUDIO)


def _illegal(found):
    return any(f.rule == "illegal" for f in found)


def test_the_offers_own_poster_sending_the_link_carries_it_on(channel):
    chat = channel(STUDIO)
    assert _illegal(chat.assess("U1", "full serum off the same telegram I got omnisphere from", "1700000000.0001"))
    assert not _illegal(chat.assess("U2", "wait which one?", "1700000060.0001"))
    found = chat.assess("U1", "i'll send u the link in dms", "1700000120.0001")
    assert _illegal(found)
    assert '"send u the link"' in next(f.reason for f in found if f.rule == "illegal")


def test_someone_elses_link_and_a_late_or_legitimate_one_are_not_carried(channel):
    chat = channel(STUDIO)
    chat.assess("U1", "full serum off the same telegram I got omnisphere from", "1700000000.0001")
    assert not _illegal(chat.assess("U2", "I'll send you the link to the session notes", "1700000060.0001"))
    assert not _illegal(chat.assess("U1", "Vital has a free version, I'll send u the link", "1700000120.0001"))
    assert not _illegal(chat.assess("U1", "i'll send u the link", "1700009000.0001"))  # hours later


def test_a_link_offered_with_no_offer_before_is_not_illegal(channel):
    chat = channel(STUDIO)
    assert not _illegal(chat.assess("U1", "i'll send u the link in dms", "1700000000.0001"))
