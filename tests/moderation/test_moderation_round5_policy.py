"""Round 5 of issue 16, as policy: the kinds of text added to the rules.

Each kind is a class of sentence, caught in wordings the rules were not
written beside, with the look-alikes that must stay clean next to it. The
labelled channels for the round are in tests/moderation/data/round5_mod5*.jsonl.
"""

from __future__ import annotations

import pytest

WORK_CHANNEL = "#gig-crew — setup, get-out and rota for the Guildhall youth gig"

# A threat to expose someone: something held over them, where it would go,
# and a condition. No violent word is needed.
EXPOSURE_THREATS = [
    "carry on and your screenshots are going on my story",
    "one more word and the pics from the residential go in the group chat",
    "tell miss about the vape and your mum finds out your little secret, simple as",
]

# Menace left unsaid: a promised end, what "happens" to people, a "shame" if
# something went missing, keep quiet "if I were you", a relative's address.
VEILED_THREATS = [
    "after what you did you're done, enjoy your last week",
    "funny how accidents happen to people who talk too much",
    "be a shame if your bass went missing before the gig",
    "I'd keep my mouth shut if I was you",
    "I know where your nan lives btw",
    "give my capo back by monday or I'm coming round yours",
]

THREAT_LOOK_ALIKES = [
    "send me the photos from saturday so I can put them on the page, only the ones with consent",
    "unless you'd rather not, I'll post the gig photos in the group chat tonight",
    "the song's called 'I know where you live', is that too dark for the showcase?",
    "Just a heads up that threats like \"I know where you live\" will always be reported",
    "remember this when you're walking home: stick to lit roads and text a leader",
    "it'd be a shame if it rained on the gig",
    "try it again, I dare you to hit the high note",
]

# Illegal acts said in any words: drinks counted before driving, taking from
# a shop, paid sport or films watched free, arranging to buy with slang.
ILLEGAL = [
    "drove the van back from the last gig after four pints, was totally fine",
    "nicked a couple of energy drinks from the co-op on the way in",
    "anyone got a link to watch the boxing tonight without paying for sky",
    "anyone know where I can watch the new spiderman online free",
    "who wants to go halves on a bag this weekend, my guy's got proper good green",
    "I'm 16 and got served at the offy with my sister's id",
]

ILLEGAL_LOOK_ALIKES = [
    "drove to asda for four pints of milk",
    "someone nicked my bike outside tesco",
    "the shop lifted its prices for screens too",
    "my dad pays for sky so we can watch the boxing for free at ours",
    "watch the showcase online for free on our youtube!",
    "just weeding my nan's garden, filled a whole bag of green waste",
    "my guy's got proper good gear for the gig, two amps and a pa",
    "Posting about drugs, nitrous or fake IDs breaks the group agreement - I've removed it",
]

# Abuse without swear words: disgust at a person's body, one person taken for
# a people's stereotype, a girl as an insult, ridicule by simile.
ABUSE = [
    "ew look at her arms, someone tell her to stop wearing vests",
    "what do you expect, he's a traveller, they rob everything",
    "your voice is as ugly as your face mate",
    "stop being such a lady about it and carry the drum",
    "you sing like a strangled cat, give up",
    "lol the autistic kid is clapping at nothing again",
]

ABUSE_LOOK_ALIKES = [
    "my arms are killing me after drumming, ugh",
    "our new drummer is polish, what do you expect, he's brilliant lol",
    "I'm proud to be a Traveller, my family have played fiddle for generations",
    "she's such a girl's girl, always looking after everyone",
]

# Selling and promoting in any words: an offer with the terms of a sale,
# follows for one's own account, referrals without the word "code".
SOLICITATION = [
    "got some spare arctic monkeys tickets, face value plus a bit, lmk",
    "follow my tiktok for covers!! trying to get to 1k followers",
    "sign up to this app with my code and we both get £20",
    "my auntie makes cupcakes for parties, tell her I sent you",
]

# Later passes of the round, each on what a set written after the last change
# missed (the kinds, in other words than those sets').
LATER_KINDS = [
    ("threat", "you better watch it, I know what you did with the van keys"),
    ("threat", "one more comment and your dad gets the screenshots"),
    ("threat", "you'll be walking home alone tonight, if you know what I mean"),
    ("threat", "remember what happened to the last kid who grassed on me?"),
    ("threat", "I'd be careful what you post on here"),
    ("illegal", "earn easy money, just lend your bank account for a day"),
    ("illegal", "selling fake wristbands for the festival, a tenner each"),
    ("illegal", "got loads of vapes, £5 each, no ID needed"),
    ("illegal", "got my cousin to buy us some wkd, we're year 9"),
    ("abuse", "they're travellers, they're all thieving"),
    ("abuse", "you dress like you got ready in the dark"),
    ("abuse", "she's thick as two short planks"),
    ("solicitation", "my brother's selling his bike, ring him on the number in my bio"),
    ("solicitation", "free entry if you say my name on the door"),
]

SOLICITATION_LOOK_ALIKES = [
    "got 2 spare tickets for tonight's gig, free to a good home, lmk",
    "selling my old guitar, £50 ono, DM me",
    "follow the TMW tiktok for clips from the showcase!",
    "pls don't follow my tiktok it's cringe",
]


@pytest.mark.parametrize("text", EXPOSURE_THREATS + VEILED_THREATS)
def test_threats_without_a_violent_word(findings, text):
    assert "threat" in findings(text, purpose=WORK_CHANNEL)


@pytest.mark.parametrize("text", ILLEGAL)
def test_illegal_acts_in_any_words(findings, text):
    assert "illegal" in findings(text, purpose=WORK_CHANNEL)


@pytest.mark.parametrize("text", ABUSE)
def test_abuse_without_swear_words(findings, text):
    assert "abuse" in findings(text, purpose=WORK_CHANNEL)


@pytest.mark.parametrize("text", SOLICITATION)
def test_selling_and_promoting_in_any_words(findings, text):
    assert "solicitation" in findings(text, purpose=WORK_CHANNEL)


@pytest.mark.parametrize(("rule", "text"), LATER_KINDS)
def test_later_kinds(findings, rule, text):
    assert rule in findings(text, purpose=WORK_CHANNEL)


@pytest.mark.parametrize("text", THREAT_LOOK_ALIKES + ILLEGAL_LOOK_ALIKES + ABUSE_LOOK_ALIKES + SOLICITATION_LOOK_ALIKES)
def test_look_alikes_stay_clean(findings, text):
    assert findings(text, purpose=WORK_CHANNEL) == {}


def test_follows_are_on_purpose_in_a_channel_for_sharing_work(findings):
    purpose = "#beatmakers — the Tuesday beat-making group: share beats, ask for feedback"
    assert "solicitation" not in findings("go stream my tape and follow my page, every play helps", purpose=purpose)


def test_reasons_name_the_words_of_each_concept(findings):
    reason = findings("carry on and your screenshots are going on my story")["threat"]
    assert '"screenshots"' in reason and '"carry on"' in reason


def _posts(moderator, posts):
    return [moderator.assess(user, text, f"{1700000000 + 60 * n}.000100") for n, (user, text) in enumerate(posts)]


def test_a_side_conversation_opened_by_asking_what_the_group_is_into(channel):
    moderator = channel(WORK_CHANNEL)
    found = _posts(moderator, [
        ("U1", "anyone else into knitting? just finished my first scarf"),
        ("U2", "that's so cool, what wool?"),
        ("U1", "chunky merino, took me three weeks"),
    ])
    assert found[0] == found[1] == []
    assert [f.rule for f in found[2]] == ["off_topic"]


def test_an_advert_does_not_open_a_side_conversation(channel):
    moderator = channel(WORK_CHANNEL)
    found = _posts(moderator, [
        ("U1", "enter our giveaway on insta to win a ps5, just like and share"),
        ("U2", "I've got your secret santa sorted, not telling anyone"),
        ("U3", "mum says if I don't pack tonight she'll take my phone off me lol"),
    ])
    assert [f.rule for f in found[0]] == ["solicitation"]
    assert found[1] == found[2] == []
