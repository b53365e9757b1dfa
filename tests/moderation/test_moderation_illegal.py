"""Suggesting or encouraging illegal activity; music history and song
titles about drugs are not."""

from __future__ import annotations

import pytest

from bot.moderation import assess_text

ILLEGAL = [
    ("I'm sneaking a few cans of cider in my sleeping bag", "Buying alcohol for under-18s"),
    ("bringing a bottle of vodka in my water bottle for lunchtime", "Buying alcohol for under-18s"),
    ("anyone know a vape shop that doesn't check ID?", "Shops that sell to under-18s"),
    ("there's a corner shop near the hostel that never IDs", "Shops that sell to under-18s"),
    ("got an app that rips albums off spotify", "Piracy or cracked software"),
    ("anyone got weed?", "Buying or selling drugs"),
    ("who's got some ket for saturday", "Buying or selling drugs"),
    ("I can sort you out with mdma, dm me", "Buying or selling drugs"),
    ("selling weed £10 a g", "Buying or selling drugs"),
    ("£40 a g of charlie", "Buying or selling drugs"),
    ("let's smoke weed after rehearsal", "Taking drugs"),
    ("we should do a line of coke before the gig", "Taking drugs"),
    ("let's get high before the show", "Taking drugs"),
    ("roll a joint", "Taking drugs"),
    ("dropping acid at the festival", "Taking drugs"),
    ("get the cracked version of FL Studio", "Piracy or cracked software"),
    ("Ableton crack download here", "Piracy or cracked software"),
    ("just torrent the album", "Piracy or cracked software"),
    ("get it off the pirate bay", "Piracy or cracked software"),
    ("cracked plugins from audioz", "Piracy or cracked software"),
    ("can someone buy us some vodka", "Buying alcohol for under-18s"),
    ("my older brother will get us cider for the party", "Buying alcohol for under-18s"),
    ("anyone over 18 who can buy us beer?", "Buying alcohol for under-18s"),
    ("where can I get a fake ID", "Fake IDs"),
    ("borrow your brother's ID to get in", "Fake IDs"),
    ("just bunk the train, they never check", "Fare dodging"),
    ("jump the barriers at the station", "Fare dodging"),
    ("fare dodging is easy on that line", "Fare dodging"),
    ("I'll drive us, I don't have a licence but it's fine", "Unsafe or unlicensed driving"),
    ("he drove home drunk again", "Unsafe or unlicensed driving"),
    ("let's go joyriding", "Unsafe or unlicensed driving"),
    ("drink driving is fine if you're careful", "Unsafe or unlicensed driving"),
    ("let's smash the windows of the school", "Vandalism"),
    ("key his car", "Vandalism"),
    ("let's spray paint the bus shelter", "Vandalism"),
    ("let's nick sweets from the shop", "Theft"),
    ("shoplifting is so easy", "Theft"),
    ("carry a knife to be safe", "Carrying weapons"),
]

NOT_ILLEGAL = [
    "the form that doesn't need ID is on the website",
    "my water bottle is in my bag",
    "they ID everyone at the bar",
    "I'm bringing my Spotify playlist for the coach",
    "Lucy in the Sky with Diamonds is my favourite Beatles song",
    "the history of acid house",
    "acid jazz night at the Fleece",
    'We\'re covering "Heroin" by the Velvet Underground',
    "Eric Clapton's cover of \"Cocaine\" is iconic",
    "a documentary about how drugs affected 90s rave culture",
    "never take drugs, it's not worth it",
    "don't drink and drive",
    "say no to drugs",
    "crack on with the chorus",
    "my voice cracked on the high note",
    "can you grab me a diet coke",
    "rum and coke for the adults at the staff party",
    "take my pills with food",
    "speed garage is underrated",
    "I need weed killer for the garden",
    "the green room is upstairs",
    "we're painting a mural on the youth club wall",
    "legal graffiti workshop at the skate park",
    "the drummer is going to steal the show",
    "Rob the drummer is running late",
    "my dad is teaching me to drive",
    "can I borrow your charger?",
    "bring a knife to cut the cake",
    "grab your ID for the bar, over 18s only",
    "I got the student licence of Ableton",
    "Serum patch packs are on sale",
    "Anyone want to jam on Friday?",
    "I'll get some drinks from the shop",
]


@pytest.mark.parametrize("text, label", ILLEGAL)
def test_illegal_activity_counts(findings, text, label):
    assert findings(text)["illegal"].startswith(label)


@pytest.mark.parametrize("text", NOT_ILLEGAL)
def test_music_history_titles_warnings_and_lookalikes_do_not_count(findings, text):
    assert "illegal" not in findings(text)


@pytest.mark.parametrize(
    "text",
    [
        "Zac, we can't have cracked software on the studio laptops, there are free licences",
        "the council painted over the graffiti on the underpass, looks loads better",
        "Ella, driving after a few pints is not safe, please don't do that again",
    ],
)
def test_enforcing_the_rule_or_undoing_the_harm_is_not_suggesting_it(text):
    assert not [f for f in assess_text(text) if f.rule == "illegal"]


@pytest.mark.parametrize(
    "text",
    [
        "my neighbour drove to the party after about six pints lol",
        "we sprayed tags all over the skate shelter",
        "he sells fags to year 7s at the bus stop",
    ],
)
def test_illegal_acts_in_everyday_words(text):
    assert [f.rule for f in assess_text(text)] == ["illegal"]


@pytest.mark.parametrize(
    "text",
    [
        "anyone want to go halves on a netflix account my cousin sells",
        "selling a firestick loaded with every film, £35",
    ],
)
def test_illegal_things_offered_for_sale_are_illegal_and_solicitation(text):
    # Round 21: selling something illegal breaks both rules; each keeps its own reason.
    assert [f.rule for f in assess_text(text)] == ["solicitation", "illegal"]


def test_an_offer_beside_a_drug_emoji_is_drug_dealing():
    assert [f.rule for f in assess_text("my mate's got party bits if anyone wants some 💊")] == ["illegal"]


@pytest.mark.parametrize("text", [
        "my mate's got spare tickets if anyone wants some",
        "I've got paracetamol 💊 if anyone needs some, in my bag",
    ],)
def test_an_offer_alone_or_medicine_named_is_not(text):
    assert not [f for f in assess_text(text) if f.rule == "illegal"]
